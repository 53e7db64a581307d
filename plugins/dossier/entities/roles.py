"""Roles of people, read around a name: a title before it ("U.S. Defense Secretary X"), a lower-case
role before it ("NATO spokesman X", "his Russian counterpart, X") or an apposition after it
("X, a senior Foreign Minister," / "X, director of the Missile Defense Agency,").

names.BlockScanner makes one RoleReader per block, over the block's tokens; a role is a Stretch of the text.
"""

from __future__ import annotations

from typing import Protocol

from .. import lexicon
from ..model import Stretch
from .gazetteer import Gazetteer

SPEECH = lexicon.forms("speech_verbs") | lexicon.forms("cognition_verbs")  # as written after a name
CLAUSE_WORDS = lexicon.words("clause_words")


class Found(Protocol):
    """What role reading needs of a name found before (names.Item): its type and its tokens [first, last)."""

    type: str
    first: int
    last: int


class RoleReader:
    """Reads the roles written around names, over the tokens of one block (names.Token: text, start, end)
    and their keys (the lower-cased words, or the capitals of an acronym)."""

    def __init__(self, toks: list, keys: list[str], gaz: Gazetteer):
        self.toks, self.keys, self.gaz = toks, keys, gaz

    def role_from(self, i: int, first: int, before: list[Found]) -> Stretch:
        """The role written as the title before a name, with the country or body before it."""
        while first - 1 > i and self.keys[first - 1].rstrip(".") in self.gaz.honorifics:
            first -= 1  # "Supreme Leader Ayatollah Ali Khamenei": the honorific is not the role
        start = i
        if (
            before
            and before[-1].type in ("country", "organisation")
            and (before[-1].last == i or (before[-1].last == i - 1 and self.keys[i - 1] in ("'s", "’s")))
        ):
            start = before[-1].first
        return Stretch(self.toks[start].start, self.toks[first - 1].end)

    def role_before(self, i: int, before: list[Found]) -> Stretch | None:
        """A lower-case role right before a name: "spokesman X", "his Russian counterpart, X"."""
        j = i - 1
        if j >= 0 and self.keys[j] == ",":
            j -= 1
        if j < 0 or self.keys[j] not in self.gaz.role_heads:
            return None
        end, start = self.toks[j].end, j
        ends = {it.last: it for it in before[-6:] if it.type in ("country", "organisation")}  # the nearest
        while start > 0:  # "Russian State Duma international affairs committee head"
            prev = self.keys[start - 1]
            if start in ends:
                start = ends[start].first
            elif prev in ("'s", "’s") and start - 1 in ends:  # "Ukraine's ambassador"
                start = ends[start - 1].first
            elif (
                prev in self.gaz.role_words
                or prev == "-"
                or (prev in self.gaz.keywords and self.toks[start - 1].text.islower())
            ):
                start -= 1
            else:
                break
        while start < j and self.keys[start] in ("the", "a", "an"):
            start += 1
        return Stretch(self.toks[start].start, end)

    def role_after(self, b: int) -> Stretch | None:
        """A role in apposition after a name: "X, a senior Foreign Minister, said"."""
        keys, n = self.keys, len(self.keys)
        if b + 1 >= n or keys[b] != ",":
            return None
        start = b + 2 if keys[b + 1] in ("a", "an", "the") else b + 1
        end, head = start, None
        while end < n and end - start < 8:
            hit = self.gaz.match(keys, end) if self.toks[end].text[:1].isupper() else None
            if head is not None and head == end - 1 and keys[end] in ("of", "for"):
                break  # "director of ...": the rest is read below
            if hit and hit.entry.type in ("country", "organisation"):
                end = hit.end
            elif (
                keys[end] in self.gaz.role_words
                or keys[end] in ("-", "'s", "’s")
                or keys[end] in self.gaz.keywords
            ):
                head = end if keys[end] in self.gaz.role_heads else head
                end += 1
            else:
                break
        if head is None or (end > head + 1 and keys[head + 1] not in ("of", "for")):
            return None  # a role ends with its head, or goes on with "of ..." ("minister of agriculture")
        if end == head + 2:
            end -= 1
        if end == head + 1 and end < n and keys[end] in ("of", "for"):
            tail = end + 1
            while (
                tail < n
                and tail - end <= 10
                and self.toks[tail].text[0].isalpha()
                and keys[tail] not in SPEECH
            ):
                if keys[tail] in CLAUSE_WORDS:  # "..., director of the institute in Chisinau"
                    return Stretch(self.toks[start].start, self.toks[tail - 1].end)
                tail += 1
            end = tail
        if end < n and keys[end] not in (",", ".", ";"):
            return None
        return Stretch(self.toks[start].start, self.toks[end - 1].end)
