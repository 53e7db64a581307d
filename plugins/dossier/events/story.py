"""The time an article's story is at, sentence after sentence: its own date, or a recent day a sentence
told, until a sentence goes back to an older date (background)."""

from __future__ import annotations

import datetime as dt
import re

from ..language.stoplists import EVENT_STOPWORDS
from ..language.timex import add_months

RECENT_DAYS = 45  # a story told of a date this close to the article's own is still its news
STORY_DAYS = (
    7  # a day this close is the day the story is told at ("Acme announced Friday ..."), as a weekday says
)


class Story:
    """The time an article's story is at: its own date, or the recent day a sentence told ("Apple
    announced Friday ..."), until a sentence goes back to an older date (background)."""

    def __init__(self, reference):
        self.reference = reference
        self.now = True
        self.day: str | None = None  # the recent day the story is told at, when a sentence stated one
        self.anchor: str | None = None  # the date told last in the text: "one year later" counts from it

    def moves_to(self, value: str) -> None:
        self.now = self.reference is not None and recent(value, self.reference)
        if self.now and len(value) == 10:  # a day weeks before is told, but the story is not at it
            close = 0 <= (self.reference - dt.date.fromisoformat(value)).days <= STORY_DAYS
            self.day = value if close else None


def recent(value: str, reference) -> bool:
    """Whether a date is the article's own time: its period ends at most RECENT_DAYS before it."""
    year, month, day = (value.split("-") + [None, None])[:3]
    if day:
        last = dt.date(int(year), int(month), int(day))
    elif month:
        last = dt.date(*add_months(int(year), int(month), 1), 1) - dt.timedelta(days=1)
    else:
        last = dt.date(int(year), 12, 31)
    return (reference - last).days <= RECENT_DAYS


def same_words(headline: str, lead: str) -> bool:
    """Whether a lead tells of what its headline does: they share a word that is not a stopword."""

    def words(text: str) -> set[str]:
        return {w.lower()[:5] for w in re.findall(r"[^\W\d_]{3,}", text) if w.lower() not in EVENT_STOPWORDS}

    return bool(words(headline) & words(lead))
