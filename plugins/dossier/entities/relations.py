"""Relations between bodies and people that the parse states plainly: "X is a member of Y", "Y member X",
"X, a subsidiary of Y", "X owns a stake in Y", "X signed T", "X met (with) Y".

`RelationReader` is the part of the block reader (block_facts.BlockReader) that reads them in one block;
`attach_relations` resolves their parties to the dossier's entities, dates and sources them.
"""

from __future__ import annotations

from .. import lexicon
from ..model import Entity, Relation, RelationStatement, Source
from .relation_verbs import ACQUIRED

MEETING_NOUNS = frozenset(["meeting", "talk", "talks"])
RELATION_NOUNS = dict(line.split("\t") for line in lexicon.lines("relation_nouns.tsv"))


class RelationReader:
    """Reads relation statements; mixed into block_facts.BlockReader."""

    def relations(self) -> list[RelationStatement]:
        out, seen = [], set()
        for span in self.names + self.bodies:
            if span.start not in seen:
                seen.add(span.start)
                out += self.relations_of(span) + self.deal_relations(span)
        unique = {(r.kind, r.subject.start, r.object.start): r for r in out}
        return list(unique.values())

    def relation(self, kind: str, subject, obj, date: str | None = None) -> RelationStatement:
        return RelationStatement(
            self.article, self.sentence(subject.root), kind, self.span(subject), self.span(obj), date
        )

    def party(self, token):
        """The name or body span at a token, if any."""
        return self.name_at.get(token.i) or self.body_at.get(token.i)

    def relations_of(self, span) -> list[RelationStatement]:
        root, out = span.root, []
        verb = root.head
        # "Poland, a member of NATO", "X, a subsidiary of Y", "Y member X"
        nouns = [c for c in root.children if c.dep_ == "appos" and c.i >= span.end]
        nouns += [
            c for n in nouns for c in n.children if c.dep_ == "conj"
        ]  # "Y's distributor and owner of Z"
        if (
            verb.pos_ in ("AUX", "VERB")
            and verb.lemma_ in ("be", "become", "remain")
            and root.dep_ == "nsubj"
        ):
            nouns += [c for c in verb.children if c.dep_ == "attr"]
        for noun in nouns:  # "a member of", "a subsidiary of", "the parent company of"
            kind = RELATION_NOUNS.get(noun.lower_) or next(
                (
                    RELATION_NOUNS[c.lower_]
                    for c in noun.children
                    if c.dep_ in ("amod", "compound", "nmod") and c.lower_ in RELATION_NOUNS
                ),
                None,
            )
            pobj = next(
                (
                    g
                    for p in own_preps(noun)
                    if p.lower_ in ("of", "in")
                    for g in p.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
            if kind and pobj is not None and self.party(pobj) is not None:
                clause = verb if noun.head == verb else noun  # "X became a member of Y in 1999"
                out.append(self.relation(kind, span, self.party(pobj), self.date_in(clause)))
            owner = next((c for c in noun.children if c.dep_ == "poss" and self.party(c) is not None), None)
            if kind and owner is not None and pobj is None:  # "X, Y's parent company,": X parent of Y
                out.append(self.relation(kind, span, self.party(owner)))
        before = span.start - 1
        word = self.doc[before].lower_.removesuffix("s") if before >= 1 else ""
        if word in RELATION_NOUNS and self.doc[before - 1].i in self.body_at:
            # "NATO member Poland", "ABC parent Acme", "Acme unit Initech"
            out.append(self.relation(RELATION_NOUNS[word], span, self.body_at[self.doc[before - 1].i]))
        if root.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX"):
            return out
        lemma, date = verb.lemma_.lower(), self.date_in(verb)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if lemma == "sign" and obj is not None and self.party(obj) is not None and not self.future(verb):
            out.append(self.relation("signed", span, self.party(obj), date))
        meeting = obj is not None and lemma in ("hold", "have") and obj.lemma_.lower() in MEETING_NOUNS
        if (lemma == "meet" or meeting) and not self.future(verb):  # "X met (with) Y", "X held talks with Y"
            others = [obj] if obj is not None and not meeting else []
            others += [
                g
                for head in (verb, obj)
                if head is not None
                for p in head.children
                if p.dep_ == "prep" and p.lower_ == "with"
                for g in p.children
                if g.dep_ == "pobj"
            ]
            others += [a for g in others for a in g.children if a.dep_ == "appos"]  # "his counterpart, Y"
            for other in others:
                party = self.party(other)
                if party is not None and party.start != span.start:
                    out.append(self.relation("met with", span, party, date))
        if (
            lemma in ("own", "hold", "acquire", "buy", "take")
            and obj is not None
            and obj.lower_ in ("stake", "share", "shares")
        ):
            target = next(
                (
                    g
                    for p in obj.children
                    if p.dep_ == "prep" and p.lower_ in ("in", "of")
                    for g in p.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
            if target is not None and self.party(target) is not None:
                out.append(self.relation("owns a stake in", span, self.party(target), date))
        return out


def own_preps(noun) -> list:
    """The prepositions of a noun, read as coordination means them: in "Y's distributor and owner of Z"
    the parse hangs "of Z" on "distributor", but it belongs to the last noun before it ("owner")."""
    conjuncts = [c.i for c in noun.children if c.dep_ == "conj"]
    preps = [p for p in noun.children if p.dep_ == "prep" and not any(c < p.i for c in conjuncts)]
    if noun.dep_ == "conj":
        preps += [p for p in noun.head.children if p.dep_ == "prep" and p.i > noun.i]
    return preps


def attach_relations(
    relations: dict[str, list[RelationStatement]],
    index,
    by_id: dict[str, Entity],
    dates: dict[str, str | None],
) -> None:
    merged: dict[tuple[str, str, str], Relation] = {}
    for article_id, statements in relations.items():
        for s in statements:
            subject, obj = index.entity(article_id, s.subject), index.entity(article_id, s.object)
            if subject is None or obj is None or subject.id == obj.id:
                continue
            # a signing, a meeting or a purchase happens on its article's date unless the text says; a
            # membership or a holding has a start only when the text gives one
            date = s.date or (dates.get(article_id) if s.kind in ("signed", "met with", ACQUIRED) else None)
            kind = s.kind
            if kind == ACQUIRED:  # a company that buys another is its parent; a person holds a stake
                kind = "parent of" if subject.type == "organisation" else "owns a stake in"
            if not _fits(kind, subject, obj):
                continue
            relation = merged.get((subject.id, kind, obj.id))
            if relation is None:
                relation = merged[subject.id, kind, obj.id] = Relation(kind, obj.id, date)
                subject.relations.append(relation)
            elif date and (relation.since is None or date < relation.since):
                relation.since = date
            source = Source(s.article, s.sentence)
            if source not in relation.sources:
                relation.sources.append(source)


ACTORS = ("person", "organisation", "country")
RELATION_TYPES = {
    "member of": (("country", "organisation", "person"), ("organisation",)),
    "part of": (("organisation",), ("organisation",)),
    "parent of": (("organisation",), ("organisation",)),
    "owns a stake in": (ACTORS, ("organisation",)),
    "signed": (ACTORS, ("treaty",)),
    "met with": (("person",), ("person",)),
    "partner of": (("organisation", "country"), ("organisation", "country")),
    "based in": (("organisation",), ("place", "country")),
}


def _fits(kind: str, subject: Entity, obj: Entity) -> bool:
    subjects, objects = RELATION_TYPES[kind]
    return subject.type in subjects and obj.type in objects
