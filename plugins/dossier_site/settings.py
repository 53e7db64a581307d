"""The one DOSSIER settings dict, with its defaults, checked at start-up."""

from __future__ import annotations

import os

from dossier.corpus.engine import SCHEDULER_VARIABLE
from dossier.language.nlp import DEFAULT_MODEL

DEFAULTS = {
    "registry": "content/dossier.yaml",  # the curated registry
    "cache": ".cache/dossier",  # per-seed work, reused by the next build; None turns it off
    "main_entities": 6,  # how many of an article's entities become its Pelican tags
    "timeline_per_page": 50,  # events on each earlier page of an entity's timeline; its own page shows
    # the latest, from this many to twice as many less one (views.paged)
    "mentions_per_page": 25,  # articles (with their sentences naming the entity), likewise
    "search_shard": 2000,  # search records (articles, entities) in each shard of the Pagefind index
    "model": DEFAULT_MODEL,  # the spaCy pipeline of the language stage (any installed spaCy package)
    "scheduler": None,  # a Dask scheduler's address: the seeds' analysis runs on its workers (the
    # environment's DOSSIER_SCHEDULER, set by `dossier build --scheduler`, wins)
    "history": None,  # where the last build's snapshot and the history of /updates/ are kept; None
    # keeps them in the cache folder (history.json), so `make clean` forgets them
}


def dossier_settings(settings: dict) -> dict:
    given = settings.get("DOSSIER", {}) or {}
    unknown = set(given) - set(DEFAULTS)
    if unknown:
        raise ValueError(
            f"dossier: unknown DOSSIER setting(s): {', '.join(sorted(unknown))} "
            f"(expected: {', '.join(DEFAULTS)})"
        )
    merged = {**DEFAULTS, **given}
    merged["scheduler"] = os.environ.get(SCHEDULER_VARIABLE) or merged["scheduler"]
    if merged["history"] is None and merged["cache"]:
        merged["history"] = os.path.join(merged["cache"], "history.json")
    for name in ("timeline_per_page", "mentions_per_page", "main_entities", "search_shard"):
        if not isinstance(merged[name], int) or isinstance(merged[name], bool) or merged[name] < 1:
            raise ValueError(
                f"dossier: DOSSIER['{name}'] must be a whole number of at least 1, not {merged[name]!r}"
            )
    return merged
