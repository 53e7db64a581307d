"""What one sentence tells: the clause it is about, its date and status, and the clauses dated apart.

A sentence tells one happening, its main clause (through "X said that ..." to what X said, see
speech.py); a clause with a date of its own tells a second one. The main clause is dated by the date it
states, else by when it was said ("said on Monday that ..."), else, when it tells news of the
article's own time, by the article's date (`dated="reported"`). What is said and did not happen (a
view, a quotation, a forecast) is kept as a statement, not as a happening.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from itertools import dropwhile

from .. import lexicon
from ..ingest.masthead import DATELINE
from ..language.clauses import (
    arguments,
    clause_head,
    dated_word,
    main_verb,
    qualifiers,
    references,
    stretches,
    taking_part,
    tense,
    top_of,
)
from ..language.timex import find_dates
from ..model import Clause, Event, Source, TimeExpression
from .ids import event_id
from .speech import Told, is_reported, is_statement, told_clause
from .status import Telling, decide, looks_ahead
from .story import Story
from .summaries import summarise

DESCRIBING_CLAUSE = frozenset(
    ("acl", "relcl")
)  # a clause describing a noun: "born in 1955", "which Acme bought"
HEADLINE_WORDS = 3  # a headline without a verb ("Apple iPhone launch") tells a happening when this long
# Verbs of statement: their simple present is news of the day ("the company says", "Acme denies").
SAYING = lexicon.lemmas("speech_verbs")
# In reported speech the past perfect is the past seen from the saying ("said owners had complained").
TOLD_AS_PAST = frozenset(("past", "perfect", "past perfect", "progressive"))


@dataclass
class Sentence:
    """One sentence of a parsed block (or the headline), read against the story it is part of."""

    article: str
    doc: object  # the spaCy Doc of its block
    block: int | None  # None for the headline
    start: int
    end: int
    inside: list[bool]  # per character of the block: inside a quotation
    headline: bool = False
    whole: str | None = None  # the block's text (spaCy joins Doc.text anew at each call)

    @cached_property
    def text(self) -> str:
        return (self.doc.text if self.whole is None else self.whole)[self.start : self.end]

    def events(self, story: Story) -> list[Event]:
        dateline = DATELINE.match(self.text)  # "MOSCOW, June 15 (Agency) --" dates the report
        lead = self.start + (dateline.end() if dateline else 0)
        span = self.doc.char_span(self.start, self.end, alignment_mode="expand") or ()  # not the whole block
        tokens = [t for t in span if self.start <= t.idx < self.end and t.idx >= lead and not t.is_space]
        if not tokens:
            return []
        root = _root(tokens)
        if (
            self.inside[root.idx]
            or root.pos_ not in ("VERB", "AUX")
            and not (self.headline and len(tokens) >= HEADLINE_WORDS)
        ):
            return []  # a quotation is not an event; nor is a line without a verb
        found = [
            x
            for x in find_dates(self.text, story.reference, story.anchor, self._looks_ahead(tokens))
            if self.start + x.start >= lead
        ]
        if found and _is_only_dates(self.text, found):
            return []  # a dateline such as "1998-08-07 21:00" states no event
        dated, heads = self._dated_clauses(tokens, root, found)
        told = told_clause(root, heads)
        stated = _closest(dated.get(told.head.i, []), told.head)
        apart = [
            heads[i]
            for i in dated
            if i not in (root.i, told.head.i)
            and (stated is None or _closest(dated[i], heads[i]).value != stated.value)
        ]
        events = self._main_event(tokens, root, told, stated, dated, apart, story)
        told_last = stated
        for head in apart:
            own = _closest(dated[head.i], head)
            events.append(self._apart_event(tokens, head, own, apart, story))
            told_last = own if told_last is None or own.start > told_last.start else told_last
        if told_last is not None:  # "... and in 1984 the Mac was released. One year later ...": from 1984
            story.anchor = told_last.value
        return events

    def _looks_ahead(self, tokens):
        """Whether the clause at a span of the sentence's text speaks of the future, from the parse."""

        def at(start: int, end: int) -> bool:
            span = [t for t in tokens if self.start + start <= t.idx < self.start + end]
            return bool(span) and looks_ahead(top_of(span))

        return at

    def _dated_clauses(self, tokens, root, found: list[TimeExpression]):
        """Each date with the clause head it dates: {head's index: [(expression, its tokens)]}, heads."""
        dated: dict[int, list] = {}
        heads = {}
        for expression in found:
            span = [
                t
                for t in tokens
                if self.start + expression.start < t.idx + len(t.text) and t.idx < self.start + expression.end
            ]
            word = dated_word(span) if span and not self.inside[span[0].idx] else False
            if word is False:
                continue
            head = word if word is not None else clause_head(top_of(span), root)
            heads[head.i] = head
            dated.setdefault(head.i, []).append((expression, span))
        return dated, heads

    def _main_event(self, tokens, root, told: Told, stated, dated, apart, story: Story) -> list[Event]:
        head = told.head
        main = main_verb(head)
        statement = is_statement(root, told, self.inside)
        said = _closest(dated.get(root.i, []), root) if told.reported else None  # when it was said
        clause = {x.i for x in head.subtree}
        told_tokens = tokens if head.i == root.i else [t for t in tokens if t.i in clause]
        summary = summarise(tokens) if head.i == root.i else summarise(_without_opening(told_tokens))
        left_out = apart + _foretold(main)

        def status(date) -> str:
            found = decide(Telling(main, head, date, story.reference, self.text, told.reported)).label
            if statement or told.reported and found == "happened" and tense(main) in ("present", None):
                return "statement"  # a view, a state described, a quotation: said, not happened
            return found

        def draft(date: str, precision: str, how: str, expression) -> Event:
            return self._draft(told_tokens, main, left_out, date, precision, how, status(expression), summary)

        if stated is not None:
            story.moves_to(stated.value)
            return [draft(stated.value, stated.precision, "stated", stated)]
        if told.reported and said is not None and tense(main) in TOLD_AS_PAST:
            story.moves_to(said.value)  # "Acme said on Monday that owners had complained": told that day
            return [draft(said.value, said.precision, "reported", said)]
        if story.reference is not None and (self.headline or _reported(main, story, told.reported)):
            story.now = True
            if tense(main) == "past" and story.day and not self.headline:  # told at the day the story is at
                return [draft(story.day, "day", "stated", None)]
            return [draft(story.reference.isoformat(), "day", "reported", None)]
        if story.reference is not None and (statement or told.reported):
            date, precision, how = (
                (said.value, said.precision, "stated") if said else (None, "day", "reported")
            )
            date = date or story.reference.isoformat()
            left = [head] if head.i != root.i else []
            return [self._draft(tokens, root, left, date, precision, how, "statement", summarise(tokens))]
        return []

    def _apart_event(self, tokens, head, own: TimeExpression, apart: list, story: Story) -> Event:
        """A clause with a date of its own: "Roe, born in 1955, ...", "Acme, which X bought in 2005"."""
        subtree = {t.i for t in head.subtree}
        if head.dep_ in DESCRIBING_CLAUSE:  # "Roe, born in 1955, ...": the one described takes part
            subtree |= set(range(head.head.left_edge.i, head.head.i + 1))
        elif head.dep_ == "conj" and not _subject(head):  # "Acme was founded in 1976 and launched X in 2003"
            subtree |= {t.i for subject in _subject(head.head) for t in subject.subtree}
        clause = [t for t in tokens if t.i in subtree]
        verb = main_verb(head)
        inner = [h for h in apart if h.i != head.i and h.i in subtree]
        status = decide(Telling(verb, head, own, story.reference, self.text, is_reported(head))).label
        whole = _whole_clause(head)
        if _stands_alone(verb):  # a clause told apart: without its "as", "that", "and"
            summary = summarise(_without_opening(clause))
        elif head.dep_ in DESCRIBING_CLAUSE:  # "The pact, signed in Paris in 1990"
            summary = summarise(clause, keep=head)
        elif whole is not None:  # "(although) both sides agreed to ... and resume the talks in six months"
            summary = summarise(_without_opening([t for t in tokens if t in set(whole.subtree)]), keep=head)
        else:
            summary = summarise(tokens, keep=head)
        return self._draft(clause, verb, inner, own.value, own.precision, "stated", status, summary, head)

    def _draft(self, tokens, verb, apart, date, precision, dated, status, summary, head=None) -> Event:
        taking = [t for t in taking_part(tokens, apart, head) if not self.inside[t.idx]]  # none in a quote
        return Event(
            id=event_id(date, summary),
            date=date,
            precision=precision,
            status=status,
            summary=summary,
            sources=[Source(self.article, self.text)],
            dated=dated,
            action=verb.lemma_.lower(),
            clauses=[
                Clause(
                    self.block,
                    stretches(taking),
                    references(taking),
                    qualifiers(tokens),
                    *arguments(verb, taking),
                )
            ],
        )


def _subject(verb) -> list:
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def _whole_clause(head):
    """The clause with a subject that a verb without one goes on from ("both sides agreed to continue
    the talks and resume them in May": agreed), when that clause is not the sentence's root."""
    node = head
    while node.dep_ in ("xcomp", "conj") and not _subject(node) and node.head.i != node.i:
        node = node.head
    if node.i == head.i or not _subject(node) or node.dep_ not in ("advcl", "ccomp", "conj", "parataxis"):
        return None
    return node


def _foretold(verb) -> list:
    """What a statement tells of the future ("Roe announced that the kettle will be sold in shops"): a
    happening of its own, not yet happened, in which the statement's speaker alone takes part."""
    if verb.lemma_ not in SAYING:
        return []
    return [c for c in verb.children if c.dep_ == "ccomp" and tense(main_verb(c)) in ("future", "modal")]


def _root(tokens):
    """The sentence's root: the token whose head lies outside the sentence or is itself."""
    heads = [t for t in tokens if t.head.i == t.i or not tokens[0].i <= t.head.i <= tokens[-1].i]
    verbs = [t for t in heads if t.pos_ in ("VERB", "AUX")]
    return (verbs or heads or tokens)[0]


def _reported(verb, story: Story, reported: bool = False) -> bool:
    """News told as just happened (past, while the story is at the article's time; present perfect) or
    happening (present progressive; the simple present of a statement: "the company says"). Any other
    simple present describes ("the phone weighs 140 grams"): a state, not a happening."""
    tense_ = tense(verb)
    if verb.lemma_ == "be" and verb.dep_ == "ROOT" and tense_ != "progressive":
        return False  # "the pact was an agreement between ...": what something is, not what happened
    if tense_ in ("perfect", "progressive"):
        return True
    if tense_ == "present":
        return verb.lemma_ in SAYING
    return (tense_ == "past" or reported and tense_ == "past perfect") and story.now


def _closest(found: list, head):
    """Of the dates of one clause, the one hanging closest to its verb."""
    if not found:
        return None
    return min(found, key=lambda item: (_distance(top_of(item[1]), head), item[0].start))[0]


def _distance(token, head) -> int:
    steps = 0
    while token.i != head.i and token.head.i != token.i:
        token, steps = token.head, steps + 1
    return steps


def _without_opening(tokens: list) -> list:
    """A clause told apart, without the "that", "and" or comma that joined it to its sentence."""
    return list(dropwhile(lambda t: t.dep_ in ("mark", "cc", "punct"), tokens))


def _stands_alone(verb) -> bool:
    """Whether a clause reads as a sentence on its own: it has its own subject and is not relative."""
    head = verb
    while head.dep_ == "xcomp":
        head = head.head
    return head.dep_ in ("conj", "parataxis", "advcl", "ccomp") and any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children
    )


def _is_only_dates(sentence: str, expressions: list[TimeExpression]) -> bool:
    rest = sentence
    for expression in reversed(expressions):
        rest = rest[: expression.start] + rest[expression.end :]
    return len(re.findall(r"[A-Za-z]{2,}", rest)) < 2
