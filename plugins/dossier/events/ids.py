"""Event ids: the date and the first key words of the summary, unique within the dossier."""

from __future__ import annotations

import re

from slugify import slugify

from ..language.stoplists import EVENT_STOPWORDS
from ..language.timex import MONTHS, WEEKDAYS
from ..model import Event
from ..slugs import unique_id

ID_WORDS = 5  # key words in an event id after its date


def event_id(date: str, summary: str) -> str:
    """The date and the first key words of the summary: 'stable' means the same text gives the same id."""
    words = [
        w
        for w in re.findall(r"[^\W\d_]+", summary)
        if w.lower() not in EVENT_STOPWORDS and len(w) > 1 and not _is_date_word(w)
    ]
    return f"{date}-{slugify(' '.join(words[:ID_WORDS]))}".rstrip("-")


def _is_date_word(word: str) -> bool:
    return word.lower().rstrip(".") in MONTHS or word.lower().rstrip("'s") in WEEKDAYS


def assign_ids(events: list[Event], known: dict[tuple[str, str], str] | None = None) -> None:
    """Unique ids: the date and key words, with -2, -3... for events that would share one. `known` gives
    event_id of a (date, summary) already computed (the drafts': most events keep a draft's date and
    words)."""
    events.sort(key=lambda e: (e.date, e.id, [(s.article, s.sentence) for s in e.sources], e.summary))
    known = known or {}
    used: set[str] = set()
    for event in events:
        base = known.get((event.date, event.summary))
        event.id = unique_id(base if base is not None else event_id(event.date, event.summary), used)
