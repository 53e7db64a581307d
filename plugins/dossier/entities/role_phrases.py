"""What a title says: the words of a role, the body it names ("of Y", "Y's", "the company") and the
change words that date it ("former", "new", "incoming"), read from the parse of a noun phrase.

`RolePhrases` is the part of the block reader (block_facts.BlockReader) that reads a noun phrase into a
`Phrase`; the words live in the lexicon (roles.txt, role_changes.txt, organisation_nouns.txt, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicon

GENERIC_BODIES = frozenset().union(
    *map(lexicon.sections("organisation_nouns").get, ("business", "public", "sport"))
)
RELATIVE = lexicon.words("relatives")
CHANGES = lexicon.sections("role_changes")
ENDED_WORDS = CHANGES["ended"]
START_WORDS = CHANGES["started"]
EXPECTED_WORDS = CHANGES["expected"]
DROPPED_WORDS = CHANGES["dropped"] | ENDED_WORDS | START_WORDS | EXPECTED_WORDS
# A role's head noun names a person: a known title word, or an agent noun ("shareholder", "employee").
AGENT_NOUN = re.compile(r"(?:er|or|ist|ian|ant|ent|man|woman|person|ee|eer|ary|ive)s?$")
POST_NOUNS = lexicon.words("post_nouns")
COMPANY_SUFFIXES = lexicon.words("legal_forms")


@dataclass
class Phrase:
    """A role as a sentence writes it, while it is read: its words, its body (a span of the parse, or a
    generic noun such as "company") and its change word."""

    text: str
    body: object | None = None  # a spaCy Span
    generic: str = ""
    change: str = ""
    expected: bool = False


def _share(roles: list[Phrase]) -> list[Phrase]:
    """Coordinated roles share the body and the change word one of them has."""
    body = next((r for r in roles if r.body is not None or r.generic), None)
    change = next((r for r in roles if r.change), None)
    for role in roles:
        if body and role.body is None and not role.generic:
            role.body, role.generic = body.body, body.generic
        if change and not role.change:
            role.change, role.expected = change.change, change.expected
    return roles


def possessive(token) -> bool:
    """ "'s", or the bare apostrophe after a name ending in s ("Veltro Dynamics' chief")."""
    return token.tag_ == "POS" or token.text in ("'s", "’s")


class RolePhrases:
    """Reads roles from noun phrases; mixed into block_facts.BlockReader (doc, gaz, name_at, body_at)."""

    def role_phrases(self, head) -> list[Phrase]:
        """A role noun and those coordinated with it ("co-founder and chief executive of Y"), which share
        the body one of them names."""
        roles = [self.role_phrase(head)] + [
            self.role_phrase(c)
            for c in head.children
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and c.i not in self.name_at
        ]
        return _share([role for role in roles if role])

    def role_phrase(self, head) -> Phrase | None:
        """The role a noun phrase names: its words up to the head, then "of/for/at Y"."""
        tokens = [t for t in head.subtree if t.i <= head.i]
        start = next((k for k in range(len(tokens) - 1, -1, -1) if tokens[k].text == ","), -1) + 1
        tokens = tokens[start:]
        first = tokens[0].i if tokens else head.i
        while (
            first >= 2
            and self.doc[first - 1].text == "-"
            and not self.doc[first - 2].whitespace_
            and not self.doc[first - 1].whitespace_
        ):
            first -= 2  # "co-founder", split by the tokenizer and parsed as three nouns
        tokens = list(self.doc[first : tokens[0].i]) + tokens if tokens else tokens
        role = self.read_role(tokens)
        if role is None:
            return None
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "at") and prep.i > head.i:
                pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                body, generic = self.body_of(pobj)
                if (body is not None or generic) and role.body is None and not role.generic:
                    role.body, role.generic = body, generic
                elif body is None and not generic and pobj.i not in self.name_at and prep.lower_ == "of":
                    words = [t for t in pobj.subtree if t.i <= pobj.i]
                    role.text += " of " + self.doc[words[0].i : pobj.i + 1].text  # "minister of agriculture"
                    self.body_after(pobj, role)  # "director of sales analysis at Y"
                break
        return role

    def body_after(self, noun, role: Phrase) -> None:
        """The body of "at/for Y" after a role's "of ..." ("director of sales analysis at Y")."""
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "at") and role.body is None:
                pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    role.body, role.generic = self.body_of(pobj)

    def body_of(self, token) -> tuple:
        """The body a noun names: a name's span, a generic noun ("the company"), or nothing."""
        inside = (
            token  # "head of Y's Z Command": Z Command, not its owner Y
            if token.i in self.body_at
            else next((t for t in token.subtree if t.i in self.body_at and t.i <= token.i), None)
        )
        if inside is not None:  # "Apple Inc.", "the Lisbon Port Authority"
            return self.body_at[inside.i], ""
        if token.lower_ in GENERIC_BODIES or token.lower_ in ("its", "their"):
            return None, token.lower_
        return None, ""

    def read_roles(self, tokens: list) -> list[Phrase]:
        """Titles joined by "and" ("Acme CEO and co-founder X"): each read, the first one's body shared."""
        parts, part = [], []
        for t in tokens:
            if t.lower_ == "and":
                parts.append(part)
                part = []
            else:
                part.append(t)
        return _share([role for role in map(self.read_role, [*parts, part]) if role])

    def strip_changes(self, tokens: list, role: Phrase) -> None:
        """Drop what opens a title without being it, noting the change words ("former", "new")."""
        while tokens and (
            tokens[0].pos_
            in ("DET", "PRON", "PUNCT", "NUM", "VERB", "AUX", "CCONJ", "PART", "SCONJ", "ADP", "ADV", "INTJ")
            or tokens[0].lower_ in DROPPED_WORDS
            or tokens[0].lower_.rstrip(".") in self.gaz.honorifics
        ):
            word = tokens.pop(0)
            if word.lower_ in ENDED_WORDS:
                role.change = "former"
            elif word.lower_ in START_WORDS:
                role.change = "starts"
            elif word.lower_ in EXPECTED_WORDS:
                role.change, role.expected = "starts", True
            elif word.lower_ in ("its", "their"):
                role.generic = word.lower_

    def read_role(self, tokens: list) -> Phrase | None:
        """A title's words: change words, a leading body ("U.S.", "NATO's", "alliance"), then the role."""
        role = Phrase("")
        self.strip_changes(tokens, role)
        while tokens and tokens[-1].lower_.rstrip(".") in self.gaz.honorifics:
            tokens.pop()
        inner = [t for t in tokens[1:-1] if t.i in self.known_bodies and t.i in self.body_at]
        if inner or (
            tokens and tokens[0].i in self.body_at
        ):  # "Russian State Duma committee head": the nearest
            body = self.body_at[inner[-1].i if inner else tokens[0].i]
            rest = [t for t in tokens if t.i >= body.end]
            while rest and rest[0].lower_ in COMPANY_SUFFIXES:
                rest = rest[1:]  # "Apple Inc. CEO"
            if rest and possessive(rest[0]):
                rest = rest[1:]
            if rest:
                role.body, role.generic, tokens = body, "", rest
                self.strip_changes(tokens, role)  # "the Y Company's new chief executive"
        elif any(possessive(t) for t in tokens[1:-1]):  # "Y's new chief strategist": Y, as written
            mark = max(k for k, t in enumerate(tokens[:-1]) if possessive(t))
            if tokens[0].text[:1].isupper() or tokens[0].lower_ in GENERIC_BODIES:
                body = self.doc[tokens[0].i : tokens[mark].i]
                role.body, role.generic = (
                    (None, body.text.lower()) if body.text.lower() in GENERIC_BODIES else (body, "")
                )
            tokens = tokens[mark + 1 :]
            self.strip_changes(tokens, role)
        elif len(tokens) > 1 and tokens[0].lower_ in GENERIC_BODIES and tokens[0].text.islower():
            role.generic = tokens[0].lower_  # "alliance Secretary-General X"
            tokens = tokens[2:] if possessive(tokens[1]) else tokens[1:]
        if not tokens or tokens[-1].pos_ not in ("NOUN", "PROPN") or tokens[-1].tag_ == "HYPH":
            return None
        if any(t.i in self.name_at for t in tokens):
            return None  # a person's name inside the title: not a title
        of = next((t for t in tokens if t.lower_ in ("of", "for")), None)  # "Commissioner for Fisheries"
        head = tokens[-1] if of is None or of.i == tokens[0].i else self.doc[of.i - 1]
        body_after = next(
            (t for t in tokens if of is not None and t.i > of.i and t.i in self.known_bodies), None
        )
        if body_after is not None and role.body is None and not role.generic:
            role.body = self.body_at[body_after.i]  # "Secretary of the Navy X": the Navy's secretary
            tokens = [t for t in tokens if t.i <= head.i]
        if (
            head.lower_ in RELATIVE
            or head.tag_ in ("NNS", "NNPS")
            or not (
                head.lower_ in self.gaz.role_heads
                or head.lower_ in POST_NOUNS
                or (
                    head.pos_ == "NOUN"
                    and AGENT_NOUN.search(head.lower_)
                    and not head.lower_.endswith("ment")
                    and len(head.text) > len(AGENT_NOUN.search(head.lower_)[0]) + 2
                )
            )
        ):
            return None  # "his counterpart", "the same move", "iPod": no post
        role.text = self.doc[tokens[0].i : tokens[-1].i + 1].text
        return role
