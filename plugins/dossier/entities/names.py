"""Find the names in one block of text: known phrases from the gazetteer first, then capitalised spans
typed by their last word ("Defense Ministry"), their leading title ("President X"), the role before
them ("spokesman X", "his Russian counterpart, X") or their shape (two or more name-like words).

Single capitalised words are kept as "maybe" items; the article-level pass in entities.py decides
them (a surname of a person named in full, a defined acronym, a speaker of "X said", a place after "in").
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from ..language.stoplists import NAME_STOPWORDS
from ..language.text import sentence_spans
from ..language.timex import MONTHS, WEEKDAYS
from ..model import ACRONYM, MAYBE
from .gazetteer import LEGAL_FORM, NO_TYPE, TOKEN, Gazetteer, Match, tokens_of
from .roles import SPEECH, RoleReader

# Adjectives of continents and regions: a capitalised run ending in one names no person.
REGION_ADJECTIVES = frozenset(
    "european african asian american arab arabian latin nordic baltic balkan caucasian "
    "scandinavian mediterranean atlantic pacific oceanic".split()
)
CONNECTORS = frozenset("of for on in the".split())  # inside names only when a keyword says so
PARTICLES = frozenset("de van von der den al bin ibn la le du da del dos di ter ten".split())
MONTHS_DAYS = frozenset(MONTHS) | frozenset(WEEKDAYS)  # "May", "Feb.", "Friday": dates, not names
PLACE_BEFORE = frozenset("in near outside".split())
PLACE_AFTER = frozenset(
    "region province district county oblast city town village valley river pipeline "
    "airport port dam plant field mine reactor station base".split()
)
# A lower-case descriptor right before a name types it: "the energy company Naftogaz said".
ORG_BEFORE = frozenset(
    "company firm giant group newspaper daily broadcaster channel agency bank operator "
    "producer carrier airline regulator watchdog party militia network website magazine "
    "monopoly utility manufacturer maker insurer lender".split()
)
COMPASS = frozenset("north south east west central eastern western northern southern".split())
LOWER_BODIES = frozenset("ministry department office parliament duma army navy".split())
SUMMIT_WORDS = frozenset(["summit"])  # "G8 summit": a known body plus a lower-case meeting word
ACRONYM_LETTERS = 8  # capitals longer than this are a shouted word, not an acronym
DATELINE_CAPITALS = (
    4  # a place in capitals opening a dateline ("BAGHDAD (AP)") has at least this many letters
)
LOWER_BODY_WORDS = 3  # "state department", "foreign affairs ministry": a body named in lower case is short
NAME_CAPITALS = 4  # a person's name has at most this many capitalised words ("Jaap de Hoop Scheffer")
APPOSITION_WORDS = 6  # ", the EU border agency,": an apposition that types a name is short
POSSESSIVE_REACH = 5  # words after a speaker in which "its" or "his" says what it is ("X said its profits")
# Item.evidence, what the words around an open item say of it: a type ("person": it speaks, "X said"; "place":
# after "in"; "organisation": "X said its ..."), OWNER ("Bush's adviser": someone's, so a person), or "".
OWNER = "owner"
PERSON_EVIDENCE = ("person", OWNER)


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


class BlockScanner:
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

    # -- typing a capitalised span ------------------------------------------------------------------

    def classify(self, i: int, k: int, before: list[Item]) -> list[Item]:
        """Type the capitalised span i..k: by its last or first word, as a person, or leave it open."""
        while (
            k - i > 1
            and LEGAL_FORM.fullmatch(" " + self.toks[k - 1].text)
            and self.keys[k - 1] not in self.gaz.keywords
        ):
            k -= 1  # "Keldor Group LLC": the name is read without its legal form
        i = self.skip_opening(i, k)
        if i >= k:
            return []
        if all(t.caps for t in self.toks[i:k] if t.text.isalpha()):  # capitals only
            return (
                [self.item(i, k, ACRONYM)] if k - i == 1 and len(self.toks[i].text) <= ACRONYM_LETTERS else []
            )
        kind = self.gaz.keywords.get(self.keys[k - 1])
        joint = next(
            (x for x in range(i + 1, k) if self.keys[x] in CONNECTORS and self.toks[x].text.islower()), 0
        )
        if joint and not self.has_keyword(i, joint) and self.keys[joint - 1] not in self.gaz.role_words:
            # "Fans of Manchester United": two spans ("Secretary of State X" is a title)
            return self.classify(i, joint, before) + self.classify(joint + 1, k, before)
        if not kind and joint:  # "Treaty on Open Skies", "Institute for European Policies"
            kind = self.gaz.keywords.get(self.keys[joint - 1])
        if not kind and k - i > 1:  # "Hurricane Katrina", "Lake Victoria"
            kind = self.gaz.prefixes.get(self.keys[i].rstrip("."))  # "Mt. Kilimanjaro" as "Mount"
        if kind == NO_TYPE:
            return []  # "Strategic Defense Initiative", "Marshall Plan": not one of our types
        if kind and k - i > 1 and self.plain_words(i, k):
            return [self.item(i, k, kind)]
        return self.person_or_place(i, k, before)

    def skip_opening(self, i: int, k: int) -> int:
        """Skip what opens a span without being a name: "The", "But", a sentence's first word that the
        article also writes in lower case; never a particle ("de Hoop") or a title ("Energy Commissioner")."""
        gaz = self.gaz
        while i < k:
            tok, nxt = self.toks[i], self.toks[i + 1] if i + 1 < k else None
            if tok.key in PARTICLES or (
                nxt and tok.key not in CONNECTORS and tok.key in gaz.role_words and nxt.key in gaz.role_words
            ):
                break
            opener = (
                tok.key in gaz.common
                or tok.key in CONNECTORS
                or (
                    i in self.sentence_first
                    and tok.key in self.lower_words
                    and not (nxt and nxt.key in gaz.role_heads)
                )
                or (i in self.sentence_first and nxt and len(tok.key) > 5 and tok.key.endswith("ing"))
            )  # "Making X ..."
            if not opener:
                break
            i += 1
        return i

    def person_or_place(self, i: int, k: int, before: list[Item]) -> list[Item]:
        toks, gaz = self.toks, self.gaz
        first, titled = i, False
        while first < k and (toks[first].key.rstrip(".") in gaz.role_words or toks[first].text == "-"):
            titled |= toks[first].key.rstrip(".") in gaz.role_heads | gaz.honorifics
            first += 1
        if (
            first == i
        ):  # a body before the title: "Commerce Secretary X", "Miami Mayor X", "District Attorney X"
            head = max(
                (x for x in range(i + 1, k - 1) if toks[x].key.rstrip(".") in gaz.role_heads), default=None
            )
            if head is not None and all(t.text[0].isupper() for t in toks[i:head]):
                first, titled = head + 1, True
        if first >= k:
            return []  # a bare title ("Defense Secretary")
        honorific_only = all(t.key.rstrip(".") in gaz.honorifics for t in toks[i:first])
        roles = self.roles
        role = (
            roles.role_before(i, before)
            if first == i or honorific_only
            else roles.role_from(i, first, before)
        )
        names = self.name_pieces(first, k)
        if not names:
            return []
        out = []
        for a, b in names:
            word = self.keys[b - 1]
            last = self.gaz.match([word], 0) or (
                self.gaz.match([word[:-1]], 0) if word.endswith("s") else None
            )
            if last and last.entry.demonym or word.lower() in REGION_ADJECTIVES:
                continue  # "Central European", "Castro Cubans": an adjective or a people, nobody's name
            core = [
                t
                for x, t in enumerate(toks[a:b], a)
                if t.text[0].isupper()
                and not (
                    x > a + 1
                    and self.keys[x - 1] == "-"
                    and self.tight(x - 1)
                    and toks[x - 2].text[0].isupper()
                )
            ]  # "Jean-Claude" is one name, "al-Faisal" a surname
            if self.place_word_after(b) and not ((titled or role) and (a, b) == names[0]):
                out.append(self.item(a, b, "place"))  # "the Benishangul-Gumuz region"
            elif (titled or role) and (a, b) == names[0]:
                after = roles.role_after(b)  # "Gen. X, chief of the General Staff": the fuller role
                if after and (not role or after.end - after.start > role.end - role.start):
                    role = after
                out.append(self.item(a, b, "person", role=self.text[role.start : role.end] if role else ""))
            elif any(t.key in self.gaz.institution for t in toks[a:b]):
                continue  # "House Armed Services": an institution, not a person
            elif len(core) >= 2 and (
                self.looks_like_a_name(core) or roles.role_after(b) or self.evidence(a, b) in PERSON_EVIDENCE
            ):
                after = roles.role_after(b)
                out.append(
                    self.item(a, b, "person", role=self.text[after.start : after.end] if after else "")
                )
            elif len(core) >= 2:  # "MacBook Pro", "Echo Dot": no first name and nobody speaks; left open
                out.append(self.item(a, b, MAYBE, first_word=a in self.sentence_first))
            elif a > 0 and self.keys[a - 1] in ORG_BEFORE and toks[a - 1].text.islower():
                out.append(self.item(a, b, "organisation"))
            else:
                kind = self.apposition_type(b)  # "Frontex, the EU border agency"
                out.append(
                    self.item(a, b, kind)
                    if kind
                    else self.item(
                        a, b, MAYBE, evidence=self.evidence(a, b), first_word=a in self.sentence_first
                    )
                )
        return out

    def name_pieces(self, a: int, b: int) -> list[tuple[int, int]]:
        """Split a span at connectors and common words into runs of name-like words."""
        pieces, start = [], None
        for x in range(a, b + 1):
            t = self.toks[x] if x < b else None
            ok = t is not None and (
                (
                    t.cap
                    and t.key not in self.gaz.common
                    and not t.caps
                    and not t.text.isdigit()
                    and t.key not in self.gaz.keywords
                )
                or (start is not None and (t.key in PARTICLES or t.text == "-"))
                or (
                    start == x - 1
                    and (t.cap or self.surname_like_a_date(x))
                    and self.first_name(self.toks[x - 1])
                    and t.key not in self.gaz.keywords
                )  # "Theresa May", "Gordon Brown": a surname that is a word
                or (t.key in PARTICLES and self.particles_then_name(x) and self.particles_then_name(x) < b)
            )
            if ok and start is None:
                start = x
            elif not ok and start is not None:
                end = x
                while end > start and (self.keys[end - 1] in PARTICLES or self.toks[end - 1].text == "-"):
                    end -= 1
                if sum(1 for tok in self.toks[start:end] if tok.text[0].isupper()) <= NAME_CAPITALS:
                    pieces.append((start, end))
                start = None
        return pieces

    def place_word_after(self, b: int) -> bool:
        """A place word follows, perhaps after a word or two: "the Gabala radar station", "Tigray region"."""
        if b < len(self.toks) and self.keys[b] in PLACE_AFTER and self.toks[b].text.islower():
            return True
        word = self.keys[b] if b < len(self.keys) else ""  # one noun between, not a verb ("opened the plant")
        return (
            b + 1 < len(self.toks)
            and word.isalpha()
            and word.islower()
            and word not in self.gaz.common
            and not word.endswith(("ed", "s"))
            and self.keys[b + 1] in PLACE_AFTER
        )

    def apposition_type(self, b: int) -> str | None:
        """The type a short apposition gives a name: ", the EU border agency," -> organisation."""
        keys, n = self.keys, len(self.keys)
        if b + 2 >= n or keys[b] != "," or keys[b + 1] not in ("the", "a", "an"):
            return None
        for end in range(b + 2, min(n, b + 2 + APPOSITION_WORDS)):
            if keys[end] in (",", ".", ";"):
                kind = self.gaz.keywords.get(keys[end - 1])
                return kind if kind in ("organisation", "event", "treaty") else None
            if not self.toks[end].text[:1].isalnum():
                return None
        return None

    def looks_like_a_name(self, core: list) -> bool:
        """A known first name, or initials ("B. U. Nzeribe", "J.L. Edmonson")."""
        return self.first_name(core[0]) or any(INITIAL.fullmatch(t.text) or "." in t.text[:-1] for t in core)

    def surname_like_a_date(self, k: int) -> bool:
        """ "May" in "Theresa May": a month's name right after a known first name."""
        tok = self.toks[k]
        return (
            tok.upper and not tok.cap and k > 0 and self.toks[k - 1].cap and self.first_name(self.toks[k - 1])
        )

    def first_name(self, token) -> bool:
        key = unicodedata.normalize("NFKD", token.text.rstrip(".").lower()).encode("ascii", "ignore").decode()
        return key in self.gaz.first_names and token.key not in self.gaz.common

    def pronoun_after(self, b: int) -> str:
        """The first possessive in the few words after a name that speaks: "X said its profits"."""
        for key in self.keys[b : b + POSSESSIVE_REACH]:
            if key == "its":
                return "it"
            if key in ("his", "her"):
                return "person"
        return ""

    def evidence(self, a: int, b: int) -> str:
        nxt = self.keys[b] if b < len(self.keys) else ""
        prev = self.keys[a - 1] if a > 0 else ""
        after = self.keys[b + 1] if b + 1 < len(self.keys) else ""
        if nxt in ("'s", "’s") and after in self.gaz.role_words and self.toks[b + 1].text.islower():
            return OWNER  # "Bush's national security adviser": a person even as a sentence's first word
        said_after = prev in SPEECH and nxt in (",", ".", "")  # "..., said Lavrov." but not "said X would"
        if (
            nxt in SPEECH
            or said_after
            or nxt == "administration"
            or (nxt == "," and b + 1 < len(self.keys) and self.keys[b + 1] in SPEECH)
        ):
            return "organisation" if self.pronoun_after(b) == "it" else "person"
        if prev in PLACE_BEFORE and a not in self.sentence_first:
            return "place"
        return ""


INITIAL = re.compile(r"[A-Z]\.")


def full_names(people) -> dict[str, set[str]]:
    """Each person's name and its endings ("Gates", "de Hoop Scheffer") -> the full names they end."""
    index: dict[str, set[str]] = defaultdict(set)
    for it in people:
        words = it.name.split()
        if len(words) < 2:
            continue
        index[it.name.lower()].add(it.name)
        for s in range(1, len(words)):
            if not INITIAL.fullmatch(words[s]):
                index[" ".join(words[s:]).lower()].add(it.name)
        index[f"^{words[0].lower()}"].add(it.name)  # by first name, for names with no surname
        if len(words) > 2:  # "George Bush" for "George W. Bush"
            index[f"{words[0]} {words[-1]}".lower()].add(it.name)
    return index


def fuller(name: str, index: dict[str, set[str]]) -> str | None:
    """The one longer name that ends with this one ("Gates" -> "Robert Gates"), if there is one."""
    longer = sorted(
        (n for n in index.get(name.lower(), ()) if len(n) > len(name)), key=lambda n: (-len(n), n)
    )
    if not longer:
        return None
    top = longer[0].lower()  # "De Hoop Scheffer" and "Jaap de Hoop Scheffer" are one person: the longest
    return longer[0] if all(top.endswith(n.lower()) for n in longer[1:]) else None
