"""The one DOSSIER settings dict, with its defaults, checked at start-up."""
from __future__ import annotations

DEFAULTS = {
    "registry": "content/dossier.yaml",  # the curated registry
    "main_entities": 6,  # how many of an article's entities become its Pelican tags
    "strict": False,  # problems with seeds make the build fail (for CI pipelines)
}


def dossier_settings(settings: dict) -> dict:
    given = settings.get("DOSSIER", {}) or {}
    unknown = set(given) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"dossier: unknown DOSSIER setting(s): {', '.join(sorted(unknown))} "
                         f"(expected: {', '.join(DEFAULTS)})")
    return {**DEFAULTS, **given}
