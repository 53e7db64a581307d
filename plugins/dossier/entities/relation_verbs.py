"""Relations the verbs and nouns of a clause state between bodies: acquisitions ("X acquired Y", "Y was
bought by X", "X's purchase of Y"), ownership ("X owns Y", "Y is owned by X"), partnerships ("X
teamed up with Y", "X and Y formed a joint venture", "a joint bid by X and Y") and seats ("Y-based X",
"X, based in Y", "X's headquarters in Y").

`RelationVerbs` is mixed into block_facts.BlockReader; what a clause foretells or denies states no
relation. An acquisition is `ACQUIRED` until the dossier knows who bought: a company becomes the
parent, a person or country holds a stake (relations.attach_relations).
"""

from __future__ import annotations

from .. import lexicon
from ..model import RelationStatement

WORDS = lexicon.sections("relation_words")
ACQUIRED = "acquired"  # resolved by the buyer's type: "parent of" or "owns a stake in"


class RelationVerbs:
    """Reads relations from verbs and nouns of a clause; mixed into block_facts.BlockReader."""

    def deal_relations(self, span) -> list[RelationStatement]:
        root, out = span.root, []
        verb, dep = root.head, root.dep_
        out += self.seat_of(span)
        out += self.deal_nouns(span)
        if dep == "pobj" and verb.dep_ == "agent" and self.done(verb.head):  # "Y was bought by X"
            passive = verb.head
            lemma = passive.lemma_.lower()
            if lemma in WORDS["acquire"] or lemma in WORDS["own"]:
                for subject in (c for c in passive.children if c.dep_ == "nsubjpass"):
                    party = self.party(subject)
                    if party is not None:
                        kind = ACQUIRED if lemma in WORDS["acquire"] else "parent of"
                        out.append(self.relation(kind, span, party, self.date_in(passive)))
        out += self.which_clauses(span)
        out += self.headquarters(span)
        out += self.owned_by_possessor(span)
        out += self.home_of(span)
        for clause in (c for c in root.children if c.dep_ == "acl" and c.lemma_.lower() in WORDS["partner"]):
            out += [self.relation("partner of", span, other, None) for other in self.with_parties(clause)]
        if (
            dep == "appos"
            and verb.dep_ == "nsubj"
            and verb.i not in self.name_at
            and verb.i not in self.body_at
        ):
            verb, dep = verb.head, "nsubj"  # "The investor X bought Y"
        if verb.pos_ not in ("VERB", "AUX") or self.future(verb) or self.negated(verb):
            return out
        lemma, date = verb.lemma_.lower(), self.date_in(verb)
        particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod")}
        acquires = lemma in WORDS["acquire"] or (lemma == "take" and "over" in particles)
        if dep == "nsubj":
            subjects = [span, *self.conjuncts(root)]
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                party = self.party(obj)
                if party is not None and (acquires or lemma in WORDS["own"]) and obj.lower_ not in ("stake",):
                    out.append(self.relation(ACQUIRED if acquires else "parent of", span, party, date))
                if obj.lemma_.lower() in WORDS["partnership"] or self.partnership_noun(obj):
                    others = subjects[1:] + self.with_parties(obj) + self.with_parties(verb)
                    out += [self.relation("partner of", span, other, date) for other in others]
            if lemma in WORDS["agree"]:  # "X and Y agreed to a deal", "X reached an agreement with Y"
                deals = [
                    g
                    for p in verb.children
                    if p.dep_ == "prep"
                    for g in p.children
                    if g.dep_ == "pobj" and g.lemma_.lower() in WORDS["partnership"]
                ]
                for deal in deals:
                    others = subjects[1:] + self.with_parties(deal) + self.with_parties(verb)
                    out += [self.relation("partner of", span, other, date) for other in others]
            if lemma in WORDS["partner"]:  # "X partnered with Y", "X teamed up with Y"
                others = subjects[1:] + self.with_parties(verb)
                out += [self.relation("partner of", span, other, date) for other in others]
        return out

    def which_clauses(self, span) -> list[RelationStatement]:
        """ "X, which owns Y", "Y, which was acquired by X in 2005"."""
        out = []
        for clause in (c for c in span.root.children if c.dep_ == "relcl" and self.done(c)):
            lemma = clause.lemma_.lower()
            if lemma not in WORDS["acquire"] and lemma not in WORDS["own"]:
                continue
            kind = ACQUIRED if lemma in WORDS["acquire"] else "parent of"
            relative = {c.dep_: c for c in clause.children if c.lower_ in ("which", "that")}
            if "nsubj" in relative:
                for obj in (c for c in clause.children if c.dep_ == "dobj" and self.party(c) is not None):
                    out.append(self.relation(kind, span, self.party(obj), self.date_in(clause)))
            elif "nsubjpass" in relative:
                for buyer in self.agents(clause):
                    out.append(self.relation(kind, buyer, span, self.date_in(clause)))
        return out

    def agents(self, verb) -> list:
        return [
            self.party(g)
            for c in verb.children
            if c.dep_ == "agent"
            for g in c.children
            if g.dep_ == "pobj" and self.party(g) is not None
        ]

    def headquarters(self, span) -> list[RelationStatement]:
        """ "at its Ostrava headquarters, Acme ...": the place is the seat of the body the clause is about."""
        root = span.root
        noun = root.head
        if root.dep_ != "compound" or noun.lemma_.lower() not in WORDS["headquarters"]:
            return []
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            return []
        body = self.party(owner)
        if body is None and owner.lower_ in ("its", "their"):
            main = root.sent.root
            body = next((self.party(c) for c in main.children if c.dep_ == "nsubj" and self.party(c)), None)
        return [self.relation("based in", body, span, None)] if body is not None else []

    def owned_by_possessor(self, span) -> list[RelationStatement]:
        """ "The Beatles' Apple Corps": a body written as another body's is that one's (the types are
        checked on the dossier: both must be organisations)."""
        root = span.root
        if root.dep_ != "poss" or root.head.i not in self.body_at or root.head.i in span_range(span):
            return []
        return [self.relation("parent of", span, self.body_at[root.head.i], None)]

    def home_of(self, span) -> list[RelationStatement]:
        """ "in California, Acme's home state": the place is the seat of the body written as owning it."""
        out = []
        nouns = [c for c in span.root.children if c.dep_ == "appos"]
        if span.end + 1 < len(self.doc) and self.doc[span.end].text == ",":  # the parse may hang it elsewhere
            nouns += [
                n
                for n in self.doc[span.end + 1 : span.end + 8]
                if n.dep_ == "appos" and n.left_edge.i == span.end + 1 and n not in nouns
            ]
        for noun in nouns:
            home = noun.lemma_.lower() in WORDS["home"] or any(
                c.lower_ in WORDS["home"] for c in noun.children if c.dep_ in ("compound", "amod", "nmod")
            )
            owner = next((c for c in noun.children if c.dep_ == "poss" and self.party(c) is not None), None)
            if home and owner is not None:
                out.append(self.relation("based in", self.party(owner), span, None))
        return out

    def done(self, verb) -> bool:
        return not self.future(verb) and not self.negated(verb)

    def negated(self, verb) -> bool:
        return any(c.dep_ == "neg" for c in verb.children)

    def conjuncts(self, token) -> list:
        """The parties joined to a name by "and": "X and Y formed ..."."""
        return [self.party(c) for c in token.children if c.dep_ == "conj" and self.party(c) is not None]

    def with_parties(self, head) -> list:
        """The parties of "with Y" (and "with Y and Z") under a word."""
        out = []
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "with":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and self.party(pobj) is not None:
                        out += [self.party(pobj), *self.conjuncts(pobj)]
        return out

    def partnership_noun(self, noun) -> bool:
        """ "a joint venture", "a joint bid": a noun of doing together."""
        return any(c.lower_ == "joint" for c in noun.children) and noun.pos_ == "NOUN"

    def deal_nouns(self, span) -> list[RelationStatement]:
        """ "X's acquisition of Y", "X's partnership with Y", "a joint bid by X and Y"."""
        root, out = span.root, []
        noun = root.head
        if root.dep_ == "poss" and noun.lemma_.lower() in WORDS["acquisition"]:
            for pobj in self.preposition_objects(noun, ("of",)):
                out.append(self.relation(ACQUIRED, span, pobj, self.date_in(noun)))
        if root.dep_ == "poss" and (
            noun.lemma_.lower() in WORDS["partnership"] or self.partnership_noun(noun)
        ):
            out += [self.relation("partner of", span, other, None) for other in self.with_parties(noun)]
        if (
            root.dep_ == "pobj"
            and root.head.lower_ == "by"
            and (
                root.head.head.lemma_.lower() in WORDS["partnership"] or self.partnership_noun(root.head.head)
            )
        ):
            out += [self.relation("partner of", span, other, None) for other in self.conjuncts(root)]
        return out

    def preposition_objects(self, head, words: tuple[str, ...], find=None) -> list:
        find = find or self.party
        return [
            find(g)
            for p in head.children
            if p.dep_ == "prep" and p.lower_ in words
            for g in p.children
            if g.dep_ == "pobj" and find(g) is not None
        ]

    def place(self, token):
        """The place or body span at a token: where a body sits."""
        return self.place_at.get(token.i) or self.body_at.get(token.i)

    def seat_of(self, span) -> list[RelationStatement]:
        """ "Y-based X", "X, based in Y", "X is headquartered in Y", "X's headquarters in Y"."""
        root, out = span.root, []
        for child in root.children:
            if child.lower_ in WORDS["based"]:
                if child.dep_ == "amod":  # "Cupertino-based Apple": the place is written before the hyphen
                    before = (
                        self.doc[child.i - 2] if child.i >= 2 and self.doc[child.i - 1].text == "-" else None
                    )
                    place = self.place(before) if before is not None else None
                    out += [self.relation("based in", span, place, None)] if place is not None else []
                out += [
                    self.relation("based in", span, p, None) for p in self.preposition_objects(child, ("in",))
                ]
        verb = root.head
        if root.dep_ == "nsubjpass" and verb.lower_ in WORDS["based"]:  # "X is based in Y"
            out += [
                self.relation("based in", span, p, None)
                for p in self.preposition_objects(verb, ("in",), self.place)
            ]
        if root.dep_ == "poss" and verb.lemma_.lower() in WORDS["headquarters"]:  # "X's headquarters in Y"
            out += [
                self.relation("based in", span, p, None)
                for p in self.preposition_objects(verb, ("in",), self.place)
            ]
        return out


def span_range(span) -> range:
    return range(span.start, span.end)
