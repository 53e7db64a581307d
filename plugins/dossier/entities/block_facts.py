"""The role and relation statements of one parsed block: the spans of its names and bodies, and the
roles written around each name (a title before it, an apposition after it, the clause it is in).

The reading is in three parts mixed into `BlockReader`: role_phrases.RolePhrases (what a title says),
role_verbs.RoleVerbs (what a verb gives or ends) and relations.RelationReader.
"""

from __future__ import annotations

from ..language.timex import find_dates
from ..model import ACRONYM, MAYBE, Candidate, RoleStatement, Span
from .gazetteer import load as load_gazetteer
from .model_names import name_pieces_of, title_cut
from .relation_verbs import RelationVerbs
from .relations import RelationReader
from .role_phrases import DROPPED_WORDS, GENERIC_BODIES, Phrase, RolePhrases, possessive
from .role_verbs import EMPLOYEE, RoleVerbs

NAME_LABELS = ("PERSON",)
BODY_LABELS = ("GPE", "NORP", "ORG")
BODY_TYPES = ("country", "organisation", ACRONYM, MAYBE)


def _union(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping character ranges joined: "Lisbon Port" and "Lisbon Port Authority" are one body."""
    out: list[list[int]] = []
    for start, end in sorted(ranges):
        if out and start < out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(start, end) for start, end in out]


class BlockReader(RolePhrases, RoleVerbs, RelationReader, RelationVerbs):
    """The statements of one parsed block."""

    def __init__(
        self,
        article: str,
        block: int,
        doc,
        candidates: list[Candidate],
        reference,
        people: set[str] = frozenset(),
    ):
        self.article, self.block, self.doc = article, block, doc
        self.text = doc.text  # spaCy joins Doc.text anew at each call: once a block, not once a fact
        self.gaz = load_gazetteer()
        self.dates = sorted(find_dates(self.text, reference), key=lambda expression: expression.start)
        self.date_starts = [expression.start for expression in self.dates]
        named = [
            (c.mention.start, c.mention.end)
            for c in candidates
            if c.type in ("country", "organisation") and c.name not in people
        ]
        ents = [
            (start, title_cut(self.text, start, end, self.gaz))
            for e in doc.ents
            for start, end in name_pieces_of(self.text, e.start_char, e.end_char)  # "X, Y" the model ran on
            if e.label_ in BODY_LABELS
            # a nationality or party word is a body only as a country the entity stage found ("Russian"):
            # "Republican Senator X" is an affiliation, not an organisation
            and (e.label_ != "NORP" or any(s < end and start < t for s, t in named))
        ]
        self.known_bodies = {
            t.i for start, end in named for t in doc.char_span(start, end, alignment_mode="expand") or ()
        }
        maybes = [(c.mention.start, c.mention.end) for c in candidates if c.type == MAYBE]
        self.names = [
            span
            for span in self._spans(
                [
                    (c.mention.start, c.mention.end)
                    for c in candidates
                    if c.type == "person" or c.name in people
                ]
                + [
                    (start, end)
                    for start, end in maybes  # a word left open that the model calls a body is not a name
                    if not any(s < end and start < e for s, e in ents)
                ]
                + [(e.start_char, e.end_char) for e in doc.ents if e.label_ in NAME_LABELS]
            )
            if span[-1].lower_ not in self.gaz.role_heads  # "Chief Operating Officer" is a title, not a name
            and not self.known_bodies & set(range(span.start, span.end))
        ]
        self.bodies = self._spans(
            _union(
                [
                    (c.mention.start, c.mention.end)
                    for c in candidates
                    if c.type in BODY_TYPES and c.name not in people
                ]
                + ents
            )
        )
        self.name_at = {i: span for span in self.names for i in range(span.start, span.end)}
        self.body_at = {i: span for span in self.bodies for i in range(span.start, span.end)}
        places = self._spans([(c.mention.start, c.mention.end) for c in candidates if c.type == "place"])
        self.place_at = {i: span for span in places for i in range(span.start, span.end)}  # where bodies sit

    def _spans(self, ranges: list[tuple[int, int]]) -> list:
        """Token spans for character ranges; the first (a candidate's) wins where two overlap."""
        out, taken = [], set()
        for start, end in ranges:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0 or taken & set(range(span.start, span.end)):
                continue
            taken |= set(range(span.start, span.end))
            out.append(span)
        return out

    def span(self, tokens) -> Span:
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        return Span(start, end, self.block, self.text[start:end])

    def sentence(self, token) -> str:
        return token.sent.text.strip()

    # -- roles ---------------------------------------------------------------------------------------

    def roles(self) -> list[RoleStatement]:
        out: list[RoleStatement] = []
        # a body may be a person the model mistyped here ("Vera Lind" as ORG): the dossier's type decides
        holders = self.names + [
            b for b in self.bodies if b.start not in self.name_at and b[-1].pos_ == "PROPN"
        ]
        for name in holders:
            out += self.title_before(name)
            out += self.apposition(name)
            out += self.clauses(name)
            out += self.affiliation(name)
        seen, unique = set(), []
        for s in out:
            key = (
                s.holder.start,
                s.role.lower(),
                s.change,
                s.other.start if s.other else None,
                s.of.start if s.of else None,
            )
            if key not in seen:
                seen.add(key)
                unique.append(s)
        return unique

    def statement(
        self,
        name,
        role: Phrase,
        change: str = "",
        expected: bool = False,
        date: str | None = None,
        other=None,
    ) -> RoleStatement:
        return RoleStatement(
            self.article,
            self.sentence(name.root),
            self.span(name),
            role.text,
            self.span(role.body) if role.body is not None else None,
            role.generic,
            change or role.change,
            expected or role.expected,
            date,
            self.span(other) if other is not None else None,
        )

    def title_before(self, name) -> list[RoleStatement]:
        """The title written before a name: "U.S. Defense Secretary X", "alliance Secretary-General X"."""
        doc, i = self.doc, name.start - 1
        first = name.start
        while i >= 0 and i >= name.sent.start:
            t = doc[i]
            if t.i in self.name_at:
                break  # another person's name: "Bush adviser X" reads no further
            if (
                t.is_lower
                and t.pos_ in ("NOUN", "ADJ")
                and t.i + 1 < name.start
                and doc[t.i + 1].text[:1].isupper()
                and t.lower_ not in self.gaz.role_words | GENERIC_BODIES | DROPPED_WORDS
            ):
                break  # "reacting to the news European Commissioner X": "news" is not of the title
            if (
                t.tag_ == "HYPH"
                or possessive(t)
                or t.pos_ in ("NOUN", "PROPN", "ADJ")
                or (
                    t.lower_ == "and"
                    and first < name.start
                    and i > 0
                    and doc[i - 1].pos_ in ("NOUN", "PROPN")
                )
                or (
                    t.lower_ in ("of", "for")
                    and i > 0
                    and doc[i - 1].pos_ == "PROPN"
                    and (doc[i + 1].text[:1].isupper() or doc[i + 1].lower_ == "the")
                )
                or (t.lower_ == "the" and i > 0 and doc[i - 1].lower_ == "of")  # "Secretary of the Navy X"
            ):
                first = i
                i -= 1
            else:
                break
        if first == name.start:
            return []
        return [self.statement(name, role) for role in self.read_roles(list(doc[first : name.start]))]

    def affiliation(self, name) -> list[RoleStatement]:
        """A body tied to a name with no title: "X, with Y, estimated", "said X of Y" (an employee)."""
        out = []
        for prep in name.root.children:
            pobj = next((g for g in prep.children if g.dep_ == "pobj" and g.i in self.known_bodies), None)
            if prep.dep_ != "prep" or pobj is None:
                continue
            if (prep.lower_ == "of" and prep.i == name.end) or (
                prep.lower_ == "with" and prep.i == name.end + 1 and self.doc[name.end].text == ","
            ):
                body = self.body_at[pobj.i]
                after = self.doc[body.end] if body.end < len(self.doc) else None
                if prep.lower_ == "with" and (after is None or after.text != ","):
                    continue  # "X, with Y and Z, ..." reads as company kept, not a post
                out.append(self.statement(name, Phrase(EMPLOYEE, body)))
        return out

    def apposition(self, name) -> list[RoleStatement]:
        """ "X, chief executive of Y," and "Y's chief executive, X"."""
        root, out = name.root, []
        for child in root.children:
            if child.dep_ == "appos" and child.i >= name.end and child.i not in self.name_at:
                out += [self.statement(name, role) for role in self.role_phrases(child)]
        head = root.head
        if (
            root.dep_ == "appos"
            and head.dep_ == "pobj"
            and head.head.lower_ in ("of", "for", "at")
            and head.head.head.pos_ == "NOUN"
            and head.head.head.i < head.i
        ):  # "the vice president of Y, X,": the parse hangs X on Y; the role is the noun before "of"
            head = head.head.head
        start = name.start
        while start > 0 and self.doc[start - 1].lower_.rstrip(".") in self.gaz.honorifics:
            start -= 1  # "the Prime Minister of Y, Mr. X"
        before_comma = start >= 2 and self.doc[start - 1].text == ","
        if (
            before_comma
            and head.i < start
            and head.i not in self.name_at
            and head.pos_ in ("NOUN", "PROPN")
            and (root.dep_ == "appos" or (root.dep_ == head.dep_ == "nsubj"))
        ):
            # "The company's chief executive, X" (and its misparse as two subjects)
            out += [self.statement(name, role) for role in self.role_phrases(head)]
        elif before_comma and root.dep_ == "nsubj":
            head_noun = self.doc[start - 2]  # "The former Chief Operating Officer, X will ..."
            if (
                head_noun.dep_ == "nsubj"
                and head_noun.head == root.head
                and head_noun.pos_ in ("NOUN", "PROPN")
                and head_noun.i not in self.name_at
            ):
                out += [self.statement(name, role) for role in self.role_phrases(head_noun)]
        return out
