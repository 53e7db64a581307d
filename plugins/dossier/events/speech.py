"""Speech is the source of a happening, not one: in "X said that Y resigned" the event is the
resignation, told by X; in "X said the market would recover" (a forecast), "X believes ..." (a view)
or a quotation, nothing happened: the sentence is a statement, not an event of the chronology.

A verb of speech or thought (lexicon/speech_verbs.txt, cognition_verbs.txt) at the root of a sentence
hands the sentence to the clause it reports (its `ccomp` or `parataxis`), whose own grammar then says
whether it tells a happening. Verbs that make news public (lexicon/publishing_verbs.txt: "announced",
"confirmed") are happenings of their own and keep their clause.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import lexicon

PUBLISHING = lexicon.words("publishing_verbs")
# What a verb of reporting passes on may be a happening ("officials said the plant closed"); what a
# speech act claims, denies or urges, or a verb of thought holds, is a view ("Acme denied that ...").
REPORTING = lexicon.lemmas("speech_verbs", "reporting")
VIEWS = (lexicon.lemmas("speech_verbs", "acts") - PUBLISHING) | lexicon.lemmas("cognition_verbs")
SPEECH = REPORTING | VIEWS
REPORTED = frozenset(("ccomp", "parataxis"))  # the dependencies of a reported clause


@dataclass
class Told:
    """The clause a sentence tells, and whether it is what someone said or thought."""

    head: object  # spaCy Token: the verb heading the clause told
    speech: object | None = None  # the verb of speech or thought it is reported under
    view: bool = False  # reported under a verb of thought ("believes"): an opinion

    @property
    def reported(self) -> bool:
        return self.speech is not None


def told_clause(root, dated_heads: dict) -> Told:
    """The clause a sentence is about: its root, or, when the root is a verb of speech or thought, the
    clause it reports (the dated one if one is dated: "the plant closed in 1990, officials said")."""
    if root.lemma_ not in SPEECH:
        return Told(root)
    clauses = [c for c in root.children if c.dep_ in REPORTED and c.pos_ in ("VERB", "AUX")]
    if not clauses:
        return Told(root)
    dated = [c for c in clauses if c.i in dated_heads]
    return Told((dated or clauses)[0], root, root.lemma_ in VIEWS)


def is_statement(root, told: Told, inside: list[bool]) -> bool:
    """Whether the sentence only says or thinks something: a view, or a quotation. (A verb of speech
    with no clause reported, "Roe spoke at the summit", "Roe denied the claims", is told as an act.)"""
    return told.view or inside[told.head.idx]


def is_reported(head) -> bool:
    """Whether a clause is what a verb of speech, thought or publishing reports ("announced that ...")."""
    return head.dep_ in REPORTED and head.head.lemma_ in SPEECH | PUBLISHING
