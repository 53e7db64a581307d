"""Typing a capitalised span the scanner found (names.BlockScanner): by its last word's keyword
("Defense Ministry"), its leading title ("President X"), the role before it ("spokesman X"), a short
apposition (", the EU border agency,"), a place word after it, or its shape (a first name, initials);
a single word is left open with the evidence of the words around it (see `OWNER`).
"""

from __future__ import annotations

import unicodedata

from .. import lexicon
from ..model import ACRONYM, MAYBE
from ..topics.phrases import zipf
from .gazetteer import LEGAL_FORM, NO_TYPE
from .roles import SPEECH
from .surnames import INITIAL
from .tokens import Item

# Adjectives of continents and regions: a capitalised run ending in one names no person.
REGION_ADJECTIVES = lexicon.words("region_adjectives")
CONNECTORS = lexicon.words("name_connectors")  # inside names only when a keyword says so
PARTICLES = lexicon.words("name_particles")
PLACE_BEFORE = frozenset(("in", "near", "outside"))
PLACE_AFTER = lexicon.words("place_nouns")
# A lower-case descriptor right before a name types it: "the energy company Naftogaz said".
ORG_BEFORE = lexicon.words("organisation_nouns")
PRODUCT_NOUNS = lexicon.words("product_nouns")  # "the web browser X": a product
SEAT_WORDS = lexicon.sections("relation_words")["based"]  # "Y-based", "based in Y": Y is a place
# Words that say when a title is held ("former", "outgoing"): they open no name.
CHANGE_WORDS = frozenset().union(*lexicon.sections("role_changes").values())
ACRONYM_LETTERS = 8  # capitals longer than this are a shouted word, not an acronym
NAME_CAPITALS = 4  # a person's name has at most this many capitalised words ("Jaap de Hoop Scheffer")
APPOSITION_WORDS = 6  # ", the EU border agency,": an apposition that types a name is short
POSSESSIVE_REACH = 5  # words after a speaker in which "its" or "his" says what it is ("X said its profits")
# Item.evidence, what the words around an open item say of it: a type ("person": it speaks, "X said"; "place":
# after "in"; "organisation": "X said its ..."), OWNER ("Bush's adviser": someone's, so a person), or "".
OWNER = "owner"
PERSON_EVIDENCE = ("person", OWNER)


class SpanTyping:
    """Types capitalised spans; mixed into names.BlockScanner (toks, keys, gaz, roles, sentence_first)."""

    def classify(self, i: int, k: int, before: list[Item]) -> list[Item]:
        """Type the capitalised span i..k: by its last or first word, as a person, or leave it open."""
        end = k
        while (
            k - i > 1
            and LEGAL_FORM.fullmatch(" " + self.toks[k - 1].text)
            and self.keys[k - 1] not in self.gaz.keywords
        ):
            k -= 1  # "Keldor Group LLC": the name is read without its legal form
        items = self.classify_span(i, k, before)
        for it in items:
            if end > k and it.last == k:  # whatever else it looks like, a name with a legal form is a company
                it.type, it.how = "organisation", f"legal form {self.toks[k].text!r} after the name"
        return items

    def classify_span(self, i: int, k: int, before: list[Item]) -> list[Item]:
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
                (tok.key in gaz.common and not mixed_case(tok.text))
                or tok.key in CONNECTORS
                or (
                    i in self.sentence_first
                    and tok.key in self.lower_words
                    and not (nxt and nxt.key in gaz.role_heads)
                )
                or (i in self.sentence_first and nxt and len(tok.key) > 5 and tok.key.endswith("ing"))
                or (nxt and tok.key in CHANGE_WORDS)  # "Former Acme chief", "Outgoing Acme chairman"
                or (tok.key == "ex" and nxt and nxt.text == "-" and self.tight(i))  # "Ex-Acme chairman"
                or (tok.text == "-" and i > 0 and self.keys[i - 1] == "ex")
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
        if not titled:
            first = i  # "Former Acme chief executive X": a modifier alone ("Former", "Senior") is no title
        # a body before the title ("Commerce Secretary X", "Miami Mayor X"), or a title of several words
        # ("Chief Financial Officer X"): the name starts after the last title word of the capitalised run
        head = max(
            (x for x in range(max(first, i + 1), k - 1) if toks[x].key.rstrip(".") in gaz.role_heads),
            default=None,
        )
        if head is not None and all(t.text[0].isupper() for t in toks[i:head]):
            first, titled = head + 1, True
        if first >= k:
            return []  # a bare title ("Defense Secretary")
        if titled and first < k - 1 and self.keys[first] == "for" and self.toks[first].text.islower():
            given = next((x for x in range(first + 2, k - 1) if self.first_name(toks[x])), None)
            if given is not None:  # "Commissioner for Competition Anna Vries": the title runs to the name
                first = given
        if titled and first > i and self.keys[first - 1] in CONNECTORS:
            return self.classify(first, k, before)  # "Prime Minister of Y": Y is the title's body
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
            elif (
                len(core) >= 2
                and not self.looks_like_a_name(core)
                and self.evidence(a, b) == OWNER
                and trade_word(toks[b - 1].text)
            ):  # "Borealis Shipping's chairman": a company's, no given name and a noun of trade
                out.append(self.item(a, b, "organisation", how="owns a post, and ends with a common noun"))
            elif len(core) >= 2 and (
                self.looks_like_a_name(core) or roles.role_after(b) or self.evidence(a, b) in PERSON_EVIDENCE
            ):
                after = roles.role_after(b)
                out.append(
                    self.item(a, b, "person", role=self.text[after.start : after.end] if after else "")
                )
            elif len(core) >= 2 and trade_noun(toks[b - 1].text) and not looks_like_a_product(toks[a].text):
                out.append(
                    self.item(a, b, "organisation", how=f"ends with the noun of trade {toks[b - 1].text!r}")
                )
            elif len(core) >= 2:  # "MacBook Pro", "Echo Dot": no first name and nobody speaks; left open
                out.append(self.item(a, b, MAYBE, first_word=a in self.sentence_first))
            elif a > 0 and self.keys[a - 1] in ORG_BEFORE and toks[a - 1].text.islower():
                out.append(self.item(a, b, "organisation"))
            elif a > 0 and self.keys[a - 1] in PRODUCT_NOUNS and toks[a - 1].text.islower():
                out.append(self.item(a, b, "product", how=f"'the {self.keys[a - 1]} X': a kind of product"))
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
                    and (t.key not in self.gaz.common or mixed_case(t.text))
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
        if nxt == "-" and after in SEAT_WORDS and self.tight(b - 1) and self.tight(b):
            return "place"  # "Ostrava-based Acme": where a company sits
        return ""


# Zipf frequency of a noun common enough to end a company's name ("Logistics" 3.9); surnames such as
# "Blake" (4.2) pass too, so it is asked only of a name with no given name the gazetteer knows.
TRADE_WORD = 3.8
TRADE_WORDS = lexicon.words("trade_words")


def trade_word(word: str) -> bool:
    """An English noun of trade ending a name ("Shipping", "Foods"), as no surname of a person with no
    known given name would: a word of everyday English, or its singular is."""
    word = word.lower()
    return trade_noun(word) or max(zipf(word), zipf(word[:-1]) if word.endswith("s") else 0) >= TRADE_WORD


def trade_noun(word: str) -> bool:
    """One of the lexicon's words a company adds for its trade ("Motors", "Textiles")."""
    return word.lower() in TRADE_WORDS


def looks_like_a_product(word: str) -> bool:
    """A camel-cased word ("eSlate"), or one with digits ("Z9"): a product's name more than a company's."""
    return any(c.isdigit() for c in word) or (len(word) > 1 and word[0].islower() and word[1].isupper())


def mixed_case(word: str) -> bool:
    """A capital after the first letter of a word not all in capitals ("NeXT", "PayPal"): a name's
    spelling, never the everyday word it also spells."""
    return any(c.isupper() for c in word[1:]) and not word.isupper()
