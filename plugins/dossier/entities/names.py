"""Find the names in one block of text: known phrases from the gazetteer first, then capitalised spans
typed by their last word ("Defense Ministry"), their leading title ("President X"), the role before
them ("spokesman X", "his Russian counterpart, X") or their shape (two or more name-like words).

Single capitalised words are kept as "maybe" items; the article-level pass in entities.py decides
them (a surname of a person named in full, a defined acronym, a speaker of "X said", a place after "in").
"""

from __future__ import annotations

import bisect

from .. import lexicon
from ..language.stoplists import NAME_STOPWORDS
from ..language.text import sentence_spans
from ..model import MAYBE
from .gazetteer import TOKEN, Gazetteer, Match, tokens_of
from .name_typing import (  # noqa: F401  (OWNER, PERSON_EVIDENCE, ORG_BEFORE: re-exported for the stage)
    CONNECTORS,
    ORG_BEFORE,
    OWNER,
    PARTICLES,
    PERSON_EVIDENCE,
    SpanTyping,
)
from .roles import RoleReader
from .surnames import full_names, fuller  # noqa: F401  (re-exported)
from .tokens import Item, Token  # noqa: F401  (Item re-exported)

COMPASS = lexicon.words("compass")
LOWER_BODIES = lexicon.words("lower_bodies")
SUMMIT_WORDS = frozenset(["summit"])  # "G8 summit": a known body plus a lower-case meeting word
DATELINE_CAPITALS = (
    4  # a place in capitals opening a dateline ("BAGHDAD (AP)") has at least this many letters
)
LOWER_BODY_WORDS = 3  # "state department", "foreign affairs ministry": a body named in lower case is short


class BlockScanner(SpanTyping):
    def __init__(self, text: str, gaz: Gazetteer, lower_words: set[str], heading: bool):
        self.text, self.gaz, self.lower_words, self.heading = text, gaz, lower_words, heading
        self.toks = [Token(m[0], m.start()) for m in TOKEN.finditer(text)]
        self.keys = [t.key for t in self.toks]
        self.roles = RoleReader(self.toks, self.keys, gaz)
        self.spans = sentence_spans(text)
        self.span_starts = [start for start, _ in self.spans]
        self._sentences: dict[int, str] = {}
        offsets = [t.start for t in self.toks]
        self.sentence_first = set()
        for s, _ in self.spans:  # the first word of each sentence, after any opening quote or bracket
            i = bisect.bisect_left(offsets, s)
            while i < len(self.toks) and not self.toks[i].text[0].isalnum():
                i += 1
            self.sentence_first.add(i)

    def sentence(self, offset: int) -> str:
        """The sentence at this offset: one string object per sentence, shared by all its mentions."""
        i = bisect.bisect_right(self.span_starts, offset) - 1
        if not (i >= 0 and offset < self.spans[i][1]):
            return self.text.strip()
        if i not in self._sentences:
            self._sentences[i] = self.text[self.spans[i][0] : self.spans[i][1]]
        return self._sentences[i]

    def tight_word(self, i: int) -> bool:
        """Token i is followed by a space and then a word."""
        return i + 1 < len(self.toks) and self.toks[i + 1].start == self.toks[i].end + 1

    def tight(self, i: int) -> bool:
        """Token i touches token i+1 with no space ("Jean-Claude", "U.S.-Russian")."""
        return i + 1 < len(self.toks) and self.toks[i].end == self.toks[i + 1].start

    def item(self, first: int, last: int, type_: str, name: str = "", **kw) -> Item:
        start, end = self.toks[first].start, self.toks[last - 1].end
        surface = self.text[start:end]
        return Item(first, last, start, end, surface, type_, name or surface, **kw)

    # -- the scan ---------------------------------------------------------------------------------

    def scan(self) -> list[Item]:
        items: list[Item] = []
        i, n = 0, len(self.toks)
        while i < n:
            tok = self.toks[i]
            if not (tok.upper or tok.text[0].isdigit() or tok.key in PARTICLES):
                i += 1  # most words: lower case, nothing starts here
                continue
            hit = self.gaz.match(self.keys, i) if tok.upper or tok.text[0].isdigit() else None
            if (
                not hit and tok.upper and len(tok.text) >= DATELINE_CAPITALS and tok.caps
            ):  # a dateline: "BAGHDAD (AP)"
                hit = self.gaz.match([tok.key.lower()], 0)
                hit = Match(i + 1, hit.entry) if hit else None
            if tok.key in COMPASS and tok.cap and i + 1 < n and self.tight_word(i):
                nxt = self.gaz.match(self.keys, i + 1)
                if (
                    nxt
                    and nxt.entry.type in ("place", "country")
                    and not nxt.entry.demonym
                    and not self.keyword_after(nxt.end)
                ):
                    items.append(self.item(i, nxt.end, "place"))  # "North Africa", "Eastern Ukraine"
                    i = nxt.end
                    continue
            if hit:
                i = self.known(i, hit.end, hit.entry, items)
            elif tok.cap or (tok.key in PARTICLES and self.particles_then_name(i)):
                end = self.span_end(i)
                known_at = next(
                    (
                        j
                        for j in range(i + 1, min(self.skip_opening(i, end), end - 1) + 1)
                        if self.gaz.match(self.keys, j)
                    ),
                    None,
                )
                if known_at is not None:
                    i = known_at  # "The New York Times": the openers go, the known name is read whole
                    continue
                if not self.heading:
                    items += self.classify(i, end, items)
                else:  # title-case headings are full of capitalised words: only known surnames count
                    items += [
                        self.item(x, x + 1, MAYBE, first_word=True)
                        for x in range(i, end)
                        if self.toks[x].cap and self.keys[x] not in self.gaz.common
                    ]
                i = end
            else:
                i += 1
        return items

    def known(self, i: int, j: int, entry, items: list[Item]) -> int:
        """A gazetteer phrase at tokens i..j, perhaps the start of a longer name."""
        k = j  # a continuation that is itself known stays its own name ("Russian State Duma")
        if j < len(self.toks) and self.toks[j].cap and not self.gaz.match(self.keys, j):
            k = self.span_end(j)
        kind = self.gaz.keywords.get(self.keys[k - 1]) if k > j else None
        if (
            kind in ("organisation", "event", "treaty")
            and not self.heading
            and (
                entry.type == "place" or any(t.cap and t.key not in self.gaz.keywords for t in self.toks[j:k])
            )
        ):
            items.append(self.item(i, k, kind))  # "Russian Defense Ministry", "Munich Security Conference"
            return k
        if entry.type == "place" or entry.capital:  # "Sofia Lindqvist", "Paris Hilton": a first name
            if (
                j == i + 1
                and j < len(self.toks)
                and self.toks[j].cap
                and (i == 0 or not (self.keys[i - 1] in CONNECTORS or self.toks[i - 1].cap))
                and not self.gaz.match(self.keys, j)
                and self.keys[j] not in self.gaz.common
            ):
                end = self.span_end(i)
                items += self.classify(i, end, items)
                return end
        if entry.type == "country" and k == j and not self.heading:
            end = self.lower_body(j)  # "the US state department", "the Russian defence ministry"
            if end:
                surface = self.text[self.toks[i].start : self.toks[end - 1].end]
                name = " ".join(w.capitalize() if w.islower() else w for w in surface.split())
                known = self.gaz.phrases.get(tokens_of(name))
                items.append(self.item(i, end, "organisation", known.name if known else name))
                return end
        if j < len(self.toks) and self.keys[j] in SUMMIT_WORDS and not entry.demonym:
            items.append(self.item(i, j + 1, "event"))  # "G8 summit"
            return j + 1
        type_ = entry.type
        if entry.capital:  # the city, even when it stands for its government: the registry can alias it
            type_, name = "place", self.text[self.toks[i].start : self.toks[j - 1].end]
            name = name.title() if name.isupper() else name  # "BAGHDAD (AP)"
        else:
            name = entry.name
        items.append(self.item(i, j, type_, name, known=True, capital=entry.capital))
        return j

    def lower_body(self, j: int) -> int:
        """The end of a body named in lower case after a country: "state department", "foreign ministry"."""
        for x in range(j, min(j + LOWER_BODY_WORDS, len(self.toks))):
            t = self.toks[x]
            if not t.text.isalpha() or not t.text.islower() or t.key in CONNECTORS or t.key in NAME_STOPWORDS:
                return 0
            if t.key in LOWER_BODIES:
                return x + 1 if x > j or t.key in ("parliament", "duma") else 0
        return 0

    def plain_words(self, j: int, k: int) -> bool:
        """A span names something only if one of its words is neither common nor a keyword."""
        return any(
            t.cap and t.key not in self.gaz.common and t.key not in self.gaz.keywords for t in self.toks[j:k]
        )

    def span_end(self, i: int) -> int:
        """The end of a run of capitalised words from token i, with name particles, tight hyphens,
        initials and connectors that lead to another capitalised word."""
        n, k = len(self.toks), i + 1
        while k < n:
            tok = self.toks[k]
            nxt = self.toks[k + 1] if k + 1 < n else None
            hit = self.gaz.match(self.keys, k) if tok.cap else None
            if (tok.cap and not hit) or self.surname_like_a_date(k):
                k += 1
            elif hit and self.keyword_after(hit.end):
                k = self.keyword_after(hit.end)
            elif (
                tok.cap
                and self.keys[k - 1] in CONNECTORS
                and self.has_keyword(i, k)
                and not (self.keys[k - 1] == "in" and self.gaz.keywords.get(self.keys[k - 2]) == "place")
            ):
                # "Forces in Europe": a known place inside a name (but "Theater in Havana" is a place in a
                # place)
                hit = self.gaz.match(self.keys, k)
                k = hit.end if hit else k + 1
            elif nxt and nxt.cap and tok.key in CONNECTORS and tok.text.islower():
                k += 1
            elif self.particles_then_name(k):
                k = self.particles_then_name(k)
            elif tok.text == "-" and self.tight(k - 1) and self.tight(k) and nxt and nxt.text[0].isalnum():
                k += 1
            else:
                break
        while k > i + 1 and (
            self.keys[k - 1] in CONNECTORS or self.keys[k - 1] in PARTICLES or self.toks[k - 1].text == "-"
        ):
            k -= 1
        return k

    def particles_then_name(self, k: int) -> int:
        """The index of the capitalised word after lower-case particles at k ("van der Berg"), or 0."""
        j = k
        while j < len(self.toks) and self.keys[j] in PARTICLES and self.toks[j].text.islower():
            j += 1
            if j < len(self.toks) and self.keys[j] == "-" and self.tight(j - 1):
                j += 1  # "al-Kadhimi"
        return j if j > k and j < len(self.toks) and self.toks[j].cap else 0

    def keyword_after(self, j: int) -> int:
        """The end of capitalised words from j that end in a name keyword, or 0."""
        if j >= len(self.toks) or not self.toks[j].cap or self.gaz.match(self.keys, j):
            return 0
        k = self.span_end(j)
        return k if self.gaz.keyword_type(self.keys[k - 1]) else 0

    def has_keyword(self, i: int, k: int) -> bool:
        return any(self.gaz.keyword_type(self.keys[x]) for x in range(i, k))
