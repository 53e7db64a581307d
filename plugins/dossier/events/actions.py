"""What two reports' actions have in common: a verb and its nominalisation ("delay", "delayed"; "filed
for bankruptcy", "the bankruptcy filing"; "resigned", "his resignation") compare by a shared stem."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ..language.stoplists import EVENT_STOPWORDS
from ..language.timex import MONTHS, WEEKDAYS
from ..model import Event

SUFFIXES = tuple(sorted(lexicon.words("derivation_suffixes"), key=len, reverse=True))
STEM = 5  # letters a stem keeps: "introduce" and "introduction" share "intro"
SHARED_WORDS = 2  # words two reports of one happening told in other verbs have in common, at least
SHORTEST = 3  # a stem shorter than this ("be", "do") says nothing of what happened


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    word = word.lower()
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= SHORTEST:
            word = word[: -len(suffix)]
            break
    return word[:STEM]


DATE_STEMS = frozenset(stem(word) for word in (*MONTHS, *WEEKDAYS))


def told_stems(event: Event) -> frozenset[str]:
    """The stems of the words its summary tells with, but for stopwords."""
    return frozenset(
        stem(w) for w in re.findall(r"[^\W\d_]{3,}", event.summary) if w.lower() not in EVENT_STOPWORDS
    )


def same_action(one: Event, other: Event) -> bool:
    """Whether two reports tell one action: the same stem, one's action among the other's words, or,
    told of the same day, SHARED_WORDS words in common besides their participants' names and dates
    ("bombs exploded outside the embassy", "the embassy was hit by a bomb")."""
    if not one.action or not other.action:
        return True  # an event the analyst added names no action: its date and participants decide
    a, b = stem(one.action), stem(other.action)
    if a == b or a in told_stems(other) or b in told_stems(one):
        return True
    if one.precision != "day" or one.date != other.date:
        return False  # other words tell one happening only on one day: a year holds many alike
    names = {
        stem(word)
        for e in (one, other)
        for i in e.entities
        for word in re.findall(r"[a-z]+", i.split("/")[-1])
    }
    return len((told_stems(one) & told_stems(other)) - names - DATE_STEMS) >= SHARED_WORDS
