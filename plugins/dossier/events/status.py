"""An event's status, read from the grammar of the clause that tells it: a tally of named votes.

Each rule of `STATUS_RULES` looks at one clue (the date against the article's, the verb's tense, a plan,
a condition, a counterfactual, a negation) and votes; `decide` tallies them, so the order of the rules
cannot change the result. Labels, strongest claim first (a tie goes to the first):

- negated: "did not sign", "failed to agree", "never reached": it did not happen;
- hypothetical: "if the talks fail", "could push prices up", "would have closed": it may never happen;
- expected: "will open", "plans to sell", "is to sign", a date after the article's;
- ongoing: "is building", "are negotiating": happening at the article's time;
- happened: a past or perfect verb, a date before the article's.

Only happened, ongoing and expected events go on the chronology (`CHRONOLOGY`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import lexicon
from ..language.clauses import PLANS, tense
from ..language.timex import is_future
from ..model import TimeExpression
from ..rules import Decision, Ruler, Vote, run_votes, tally

ORDER = ("negated", "hypothetical", "expected", "ongoing", "happened")
CHRONOLOGY = frozenset(("happened", "ongoing", "expected"))
CUES = lexicon.sections("status_cues")
# Weights: grammar that denies or conditions a happening outweighs a date (a counterfactual is told of
# a past date, a negation too); a plan outweighs the verb's own past ("was to sign in May").
DENIED, CONDITIONED, PLANNED, DATED_AHEAD, TENSE, DATED_BEFORE = 3.0, 2.5, 2.0, 2.0, 1.0, 1.0


@dataclass
class Telling:
    """What the status rules look at: the verb that says what happens, the clause's head it was reached
    from ("expected" in "is expected to launch"), the date the clause states, and the article's date."""

    verb: object  # spaCy Token
    head: object  # spaCy Token
    date: TimeExpression | None = None
    reference: dt.date | None = None
    sentence: str = ""  # the text the date's offsets are in
    reported: bool = False  # the clause is what someone said (it sits under a verb of speech)


def _date_against_article(telling: Telling):
    """A date after the article's is still to come; one before it is past."""
    if telling.date is None or telling.reference is None:
        return None
    published = telling.reference.isoformat()[: len(telling.date.value)]
    if telling.date.value > published:
        return [Vote("expected", DATED_AHEAD, f"{telling.date.value} is after the article's date")]
    if telling.date.value < published:
        return [Vote("happened", DATED_BEFORE, f"{telling.date.value} is before the article's date")]
    return None


def _verb_tense(telling: Telling):
    """The tense of the verb: past and perfect happened, the progressive is ongoing, the future expected.
    Without a finite verb, the words around the date say whether it looks ahead."""
    found = tense(telling.verb)
    if found in ("past", "perfect", "past perfect"):
        return [Vote("happened", TENSE, f"{found} tense")]
    if found == "progressive":
        return [Vote("ongoing", TENSE, "present progressive")]
    if found == "future":
        return [Vote("expected", TENSE, "future tense")]
    if (
        found is None
        and telling.date is not None
        and is_future(telling.sentence, telling.date.start, telling.date.end)
    ):
        return [Vote("expected", TENSE, "the words around the date look ahead")]
    return None


def _modal(telling: Telling):
    """'could', 'might', 'may', 'would': a possibility, not a happening; but 'would' in what someone said
    is the future seen from then ("she said the plant would close in May")."""
    for aux in _auxiliaries(telling.verb):
        word = aux.lower_
        if word in CUES["future_modal"]:
            return [Vote("expected", PLANNED, f"'{word}'")]
        if word in CUES["reported_future_modal"] and telling.reported:
            return [Vote("expected", PLANNED, f"'{word}' in reported speech")]
        if word in CUES["hypothetical_modal"] | CUES["reported_future_modal"]:
            return [Vote("hypothetical", CONDITIONED, f"'{word}'")]
    return None


def _plan(telling: Telling):
    """'plans to', 'is expected to', 'is scheduled to', 'is to', 'was to': a plan, not yet a happening."""
    node = telling.verb
    while node.dep_ == "xcomp" and node.head.i != node.i:
        node = node.head
        if node.lemma_ in PLANS | CUES["commitment"] or node.lemma_ == "be":
            return [Vote("expected", PLANNED, f"'{node.text} to'")]
    return None


def _condition(telling: Telling):
    """A clause under 'if' or 'unless', or a main clause that has one: it happens only on a condition."""
    for node in (telling.verb, telling.head):
        if _marked_by(node, CUES["condition"]):
            return [Vote("hypothetical", CONDITIONED, "a condition ('if')")]
    if any(c.dep_ == "advcl" and _marked_by(c, CUES["condition"]) for c in telling.head.children):
        return [Vote("hypothetical", CONDITIONED, "told on a condition ('if ...')")]
    return None


def _counterfactual(telling: Telling):
    """'would have closed', 'could have won', and 'had' + participle under 'if': what did not happen."""
    words = [a.lower_ for a in _auxiliaries(telling.verb)]
    modal = any(w in CUES["hypothetical_modal"] | CUES["reported_future_modal"] for w in words)
    if modal and "have" in words:
        return [Vote("hypothetical", DENIED, "modal + 'have': a counterfactual")]
    if "had" in words and _marked_by(telling.verb, CUES["condition"]):
        return [Vote("hypothetical", DENIED, "'if' + past perfect: a counterfactual")]
    return None


def _negation(telling: Telling):
    """'did not sign', 'never reached', 'failed to agree', 'refused to pay'."""
    for node in {telling.verb.i: telling.verb, telling.head.i: telling.head}.values():
        negation = next((c for c in node.children if c.dep_ == "neg"), None)
        if negation is not None:
            return [Vote("negated", DENIED, f"'{negation.text}'")]
    node = telling.verb
    while True:
        if node.lemma_ in CUES["failure"] and any(c.dep_ == "xcomp" for c in node.children):
            return [Vote("negated", DENIED, f"'{node.text} to'")]
        if node.dep_ != "xcomp" or node.head.i == node.i:
            return None
        node = node.head


def _auxiliaries(verb) -> list:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _marked_by(node, words: frozenset[str]) -> bool:
    return node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in words for c in node.children)


STATUS_RULES = Ruler()
for _name, _rule in (
    ("date_against_article", _date_against_article),
    ("verb_tense", _verb_tense),
    ("modal", _modal),
    ("plan", _plan),
    ("condition", _condition),
    ("counterfactual", _counterfactual),
    ("negation", _negation),
):
    STATUS_RULES.push(_name, _rule)


def decide(telling: Telling) -> Decision:
    """The status of the happening a clause tells: the tally of every rule's votes ('happened' when no
    rule votes: news is told as having happened)."""
    decision = tally(run_votes(STATUS_RULES, telling), ORDER)
    if decision.label is None:
        decision.label = "happened"
    return decision


def looks_ahead(token) -> bool:
    """Whether the clause a word sits in speaks of the future: a verb above it, up to the sentence's
    root, is in the future tense or is a plan or a commitment with the clause as its object ("agreed to
    resume the talks in six months", "will continue their talks in six months")."""
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        if tense(node) == "future":
            return True
        if node.lemma_ in PLANS | CUES["commitment"] and any(c.dep_ == "xcomp" for c in node.children):
            return True
    return False
