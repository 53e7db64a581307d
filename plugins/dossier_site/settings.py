"""The one DOSSIER settings dict, with its defaults, checked at start-up."""
from __future__ import annotations

from dossier.nlp import DEFAULT_MODEL

DEFAULTS = {
    "registry": "content/dossier.yaml",  # the curated registry
    "cache": ".cache/dossier",  # per-seed work, reused by the next build; None turns it off
    "main_entities": 6,  # how many of an article's entities become its Pelican tags
    "model": DEFAULT_MODEL,  # the spaCy pipeline of the language stage (any installed spaCy package)
}


def dossier_settings(settings: dict) -> dict:
    given = settings.get("DOSSIER", {}) or {}
    unknown = set(given) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"dossier: unknown DOSSIER setting(s): {', '.join(sorted(unknown))} "
                         f"(expected: {', '.join(DEFAULTS)})")
    return {**DEFAULTS, **given}
