"""Draft events of one article, read from the parse: one per sentence, two when a clause of its own is
dated apart. Runs per seed (cached); `stage.build_events` joins the drafts of the whole corpus."""

from __future__ import annotations

import re
from itertools import dropwhile

from .. import lexicon
from ..ingest.masthead import DATELINE
from ..language.clauses import (
    clause_head,
    dated_word,
    main_verb,
    qualifiers,
    quoted,
    references,
    stretches,
    taking_part,
    tense,
    top_of,
)
from ..language.nlp import Parsed, parse
from ..language.text import sentence_spans
from ..language.timex import find_dates, parse_reference
from ..model import Article, Clause, Event, Source, TimeExpression
from .ids import event_id
from .status import status_of
from .story import Story, recent, same_words
from .summaries import summarise

# Tenses that tell news as just happened or happening in the article's own time.
DESCRIBING_CLAUSE = frozenset(
    ("acl", "relcl")
)  # a clause describing a noun: "born in 1955", "which Acme bought"
REPORTED_TENSES = frozenset(("past", "perfect", "present"))
HEADLINE_WORDS = 3  # a headline without a verb ("Apple iPhone launch") tells a happening when this long
# Verbs that attribute what follows: "the plant closed in 1990, officials said" tells of the closing.
ATTRIBUTING = lexicon.lemmas("speech_verbs", "reporting")
# Verbs of statement: their simple present is news of the day ("the company says", "Acme denies").
SAYING = lexicon.lemmas("speech_verbs")


def find_events(article: Article, parsed: Parsed | None = None) -> list[Event]:
    """The happenings the article tells, one per sentence (two when a clause of its own is dated apart).

    The headline's happening is always dated (by the article's date when it states none); a body
    sentence is dated by the date its main clause states, else, when it tells news in the article's
    own time, by the article's date (`dated="reported"`). Background (past perfect, a past told
    after an older date) and the undated future give no event."""
    parsed = parsed or parse(article)
    story = Story(parse_reference(article.date))
    headline, drafts = [], []
    if parsed.title is not None:
        headline = _sentence_events(
            article.id, parsed.title, None, 0, len(parsed.title.text), story, headline=True
        )
    for b, (block, doc) in enumerate(zip(article.body, parsed.blocks)):
        if block.kind == "heading":
            continue
        inside = quoted(block.text)
        for start, end in sentence_spans(block.text):
            drafts += _sentence_events(article.id, doc, b, start, end, story, inside=inside, whole=block.text)
    first = next((b for b, block in enumerate(article.body) if block.kind != "heading"), None)
    return _with_headline(headline, drafts, first, story.reference)


def _with_headline(headline: list[Event], drafts: list[Event], first: int | None, reference) -> list[Event]:
    """The headline and the lead tell the article's main happening: one event, the lead's, with the
    headline's participants too, when the lead tells it as news of the article's time."""
    if not headline or not drafts:
        return headline + drafts
    lead, top = drafts[0], headline[0]
    if (
        lead.clauses[0].block != first
        or lead.status != "happened"
        or reference is None
        or not recent(lead.date, reference)
        or not same_words(top.sources[0].sentence, lead.sources[0].sentence)
    ):
        return headline + drafts
    lead.clauses += (
        top.clauses
    )  # the headline's names take part; the lead, which tells it whole, is the source
    return headline[1:] + drafts


def _sentence_events(
    article_id: str,
    doc,
    block: int | None,
    start: int,
    end: int,
    story: Story,
    headline: bool = False,
    inside: list[bool] | None = None,
    whole: str | None = None,
) -> list[Event]:
    whole = doc.text if whole is None else whole  # spaCy joins Doc.text anew at each call: once a block
    text = whole[start:end]
    inside = inside or quoted(whole)
    dateline = DATELINE.match(text)  # "MOSCOW, June 15 (Agency) --" dates the report, not an event
    lead = start + (dateline.end() if dateline else 0)
    sentence = doc.char_span(start, end, alignment_mode="expand") or ()  # not the whole block per sentence
    tokens = [t for t in sentence if start <= t.idx < end and t.idx >= lead and not t.is_space]
    if not tokens:
        return []
    root = _root(tokens)
    if (
        inside[root.idx]
        or root.pos_ not in ("VERB", "AUX")
        and not (headline and len(tokens) >= HEADLINE_WORDS)
    ):
        return []  # a quotation is not an event; nor is a line without a verb
    expressions = [x for x in find_dates(text, story.reference, story.anchor) if start + x.start >= lead]
    if expressions and _is_only_dates(text, expressions):
        return []  # a dateline such as "1998-08-07 21:00" states no event
    dated: dict[int, list] = {}  # clause head's index -> [(expression, its tokens)]
    heads = {}
    for expression in expressions:
        span = [
            t
            for t in tokens
            if start + expression.start < t.idx + len(t.text) and t.idx < start + expression.end
        ]
        word = dated_word(span) if span and not inside[span[0].idx] else False
        if word is False:
            continue
        head = word if word is not None else clause_head(top_of(span), root)
        heads[head.i] = head
        dated.setdefault(head.i, []).append((expression, span))
    clause_root = _told(root, heads, dated)
    main = main_verb(clause_root)
    events = []
    stated = _closest(dated.get(clause_root.i, []), clause_root)
    apart = [
        heads[i]
        for i in dated
        if i not in (root.i, clause_root.i)
        and (stated is None or _closest(dated[i], heads[i]).value != stated.value)
    ]
    left_out = apart + _foretold(main)
    if stated is not None:
        story.moves_to(stated.value)
        told = (
            tokens
            if clause_root.i == root.i
            else [t for t in tokens if t.i in {x.i for x in clause_root.subtree}]
        )
        events.append(
            _draft(
                article_id,
                text,
                inside,
                told,
                block,
                main,
                left_out,
                stated.value,
                stated.precision,
                "stated",
                status_of(text, stated, story.reference, tense(main)),
                summary=summarise(tokens),
            )
        )
    elif story.reference is not None and (headline or _reported(main, story)):
        story.now = True
        if tense(main) == "past" and story.day and not headline:  # told at the day the story is at
            events.append(
                _draft(
                    article_id,
                    text,
                    inside,
                    tokens,
                    block,
                    main,
                    left_out,
                    story.day,
                    "day",
                    "stated",
                    "happened",
                )
            )
        else:
            events.append(
                _draft(
                    article_id,
                    text,
                    inside,
                    tokens,
                    block,
                    main,
                    left_out,
                    story.reference.isoformat(),
                    "day",
                    "reported",
                    "happened",
                )
            )
    told_last = stated
    for head in apart:
        own = _closest(dated[head.i], head)
        subtree = {t.i for t in head.subtree}
        if head.dep_ in DESCRIBING_CLAUSE:  # "Roe, born in 1955, ...": the one described takes part
            subtree |= set(range(head.head.left_edge.i, head.head.i + 1))
        elif head.dep_ == "conj" and not _subject(head):  # "Acme was founded in 1976 and launched X in 2003"
            subtree |= {t.i for subject in _subject(head.head) for t in subject.subtree}
        clause = [t for t in tokens if t.i in subtree]
        verb = main_verb(head)
        inner = [h for h in apart if h.i != head.i and h.i in subtree]
        events.append(
            _draft(
                article_id,
                text,
                inside,
                clause,
                block,
                verb,
                inner,
                own.value,
                own.precision,
                "stated",
                status_of(text, own, story.reference, tense(verb)),
                whole=tokens,
                head=head,
            )
        )
        told_last = own if told_last is None or own.start > told_last.start else told_last
    if told_last is not None:  # "... and in 1984 the Mac was released. One year later ...": from 1984
        story.anchor = told_last.value
    return events


def _subject(verb) -> list:
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def _told(root, heads: dict, dated: dict):
    """The clause a sentence is about: its root, but for "X, officials said" the dated X (the speaker
    takes no part in it)."""
    if root.lemma_ not in ATTRIBUTING:
        return root
    told = [heads[i] for i in dated if heads[i].dep_ in ("ccomp", "parataxis") and heads[i].head.i == root.i]
    return told[0] if told else root


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


def _reported(verb, story: Story) -> bool:
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
    return tense_ == "past" and story.now


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


def _draft(
    article_id: str,
    sentence: str,
    inside: list[bool],
    tokens: list,
    block: int | None,
    verb,
    apart: list,
    date: str,
    precision: str,
    dated: str,
    status: str,
    whole: list | None = None,
    summary: str | None = None,
    head=None,
) -> Event:
    if summary is None and whole is None:
        summary = summarise(tokens)
    elif summary is None and _stands_alone(verb):  # a clause told apart: without its "as", "that", "and"
        summary = summarise(list(dropwhile(lambda t: t.dep_ in ("mark", "cc", "punct"), tokens)))
    elif summary is None:
        summary = summarise(whole)
    taking = [
        t for t in taking_part(tokens, apart, head) if not inside[t.idx]
    ]  # nobody takes part in a quotation
    return Event(
        id=event_id(date, summary),
        date=date,
        precision=precision,
        status=status,
        summary=summary,
        sources=[Source(article_id, sentence)],
        dated=dated,
        action=verb.lemma_.lower(),
        clauses=[Clause(block, stretches(taking), references(taking), qualifiers(tokens))],
    )


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
