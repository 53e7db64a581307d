"""The scanner's units: a token of a block's text, and an `Item`, a name found over tokens before the
article-level pass decides it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..language.timex import MONTHS, WEEKDAYS

MONTHS_DAYS = frozenset(MONTHS) | frozenset(WEEKDAYS)  # "May", "Feb.", "Friday": dates, not names


class Token:
    """One token; `cap` (a capitalised word, not a month or weekday) is worked out once."""

    __slots__ = ("text", "start", "end", "key", "cap", "upper")

    def __init__(self, text: str, start: int):
        self.text, self.start, self.end = text, start, start + len(text)
        self.upper = upper = text[0].isupper()
        if upper:
            self.key = text if len(text) > 1 and text.isupper() else text.lower()
            self.cap = self.key.rstrip(".") not in MONTHS_DAYS
        else:
            self.key, self.cap = text.lower(), False

    @property
    def caps(self) -> bool:  # an acronym-like all-capitals word ("NATO", "CFE")
        return len(self.text) > 1 and self.text.isupper() and self.text.isalnum()


@dataclass
class Item:
    """A name found in a block, before the article-level pass."""

    first: int  # token indices [first, last)
    last: int
    start: int  # character offsets in the block text
    end: int
    text: str
    type: str  # an entity type, or one of model.OPEN_TYPES for the article-level pass to decide
    name: str
    role: str = ""
    evidence: str = ""  # for a maybe: what the words around it say (see OWNER)
    known: bool = False  # from the gazetteer
    capital: bool = False
    first_word: bool = False  # the first word of its sentence
    weight: int = 1  # its vote for its type (see model.Candidate)
    votes: list = field(default_factory=list)  # the rules' votes on its type (type_votes.mention_type)
    how: str = ""  # how it was read, when no vote was cast ("a title before it")
