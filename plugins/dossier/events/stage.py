"""The chronology stage: dated statements per article, then one merged, curated list of events.

`find_events` runs per article (cached with the seed): every sentence with a date expression
(`timex.find_dates`, against the article's own date) yields one draft event per distinct date.
`build_events` runs on the whole corpus: it attaches the entities named in the same sentence,
merges the same event reported by several articles, applies the registry's `events:` section
(add, hide, merge, correct) and gives every event a stable id: its date and a few key words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from itertools import combinations, dropwhile

from slugify import slugify

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
from ..language.stoplists import EVENT_STOPWORDS
from ..language.text import sentence_spans
from ..language.timex import MONTHS, WEEKDAYS, add_months, find_dates, is_future, parse_reference
from ..model import Article, Clause, Entity, Event, Source, TimeExpression
from ..registry import EventCorrection, EventRule, Registry, seed_names
from ..slugs import unique_id
from .conflicts import find_conflicts
from .summaries import summarise

ID_WORDS = 5  # key words in an event id after its date
PRECISION = {4: "year", 7: "month", 10: "day"}  # by length of the value
# Tenses that tell news as just happened or happening in the article's own time.
DESCRIBING_CLAUSE = frozenset(
    ("acl", "relcl")
)  # a clause describing a noun: "born in 1955", "which Acme bought"
REPORTED_TENSES = frozenset(("past", "perfect", "present"))
HEADLINE_WORDS = 3  # a headline without a verb ("Apple iPhone launch") tells a happening when this long
RECENT_DAYS = 45  # a story told of a date this close to the article's own is still its news
STORY_DAYS = (
    7  # a day this close is the day the story is told at ("Acme announced Friday ..."), as a weekday says
)
# Verbs that attribute what follows: "the plant closed in 1990, officials said" tells of the closing.
ATTRIBUTING = frozenset("say tell add note report state write explain comment".split())
# Verbs of statement: their simple present is news of the day ("the company says", "Acme denies").
SAYING = ATTRIBUTING | frozenset("claim announce confirm deny warn".split())


# --- per article --------------------------------------------------------------------------------


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
        inside = quoted(doc.text)
        for start, end in sentence_spans(block.text):
            drafts += _sentence_events(article.id, doc, b, start, end, story, inside=inside)
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
        or not _same_words(top.sources[0].sentence, lead.sources[0].sentence)
    ):
        return headline + drafts
    lead.clauses += (
        top.clauses
    )  # the headline's names take part; the lead, which tells it whole, is the source
    return headline[1:] + drafts


class Story:
    """The time an article's story is at: its own date, or the recent day a sentence told ("Apple
    announced Friday ..."), until a sentence goes back to an older date (background)."""

    def __init__(self, reference):
        self.reference = reference
        self.now = True
        self.day: str | None = None  # the recent day the story is told at, when a sentence stated one
        self.anchor: str | None = None  # the date told last in the text: "one year later" counts from it

    def moves_to(self, value: str) -> None:
        self.now = self.reference is not None and recent(value, self.reference)
        if self.now and len(value) == 10:  # a day weeks before is told, but the story is not at it
            close = 0 <= (self.reference - dt.date.fromisoformat(value)).days <= STORY_DAYS
            self.day = value if close else None


def recent(value: str, reference) -> bool:
    """Whether a date is the article's own time: its period ends at most RECENT_DAYS before it."""
    year, month, day = (value.split("-") + [None, None])[:3]
    if day:
        last = dt.date(int(year), int(month), int(day))
    elif month:
        last = dt.date(*add_months(int(year), int(month), 1), 1) - dt.timedelta(days=1)
    else:
        last = dt.date(int(year), 12, 31)
    return (reference - last).days <= RECENT_DAYS


def _same_words(headline: str, lead: str) -> bool:
    """Whether a lead tells of what its headline does: they share a word that is not a stopword."""

    def words(text: str) -> set[str]:
        return {w.lower()[:5] for w in re.findall(r"[^\W\d_]{3,}", text) if w.lower() not in EVENT_STOPWORDS}

    return bool(words(headline) & words(lead))


def _sentence_events(
    article_id: str,
    doc,
    block: int | None,
    start: int,
    end: int,
    story: Story,
    headline: bool = False,
    inside: list[bool] | None = None,
) -> list[Event]:
    text = doc.text[start:end]
    inside = inside or quoted(doc.text)
    dateline = DATELINE.match(text)  # "MOSCOW, June 15 (Agency) --" dates the report, not an event
    lead = start + (dateline.end() if dateline else 0)
    tokens = [t for t in doc if start <= t.idx < end and t.idx >= lead and not t.is_space]
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


def status_of(sentence: str, expression: TimeExpression, reference, tense_: str | None = None) -> str:
    """'expected' when the date is after the publication date, or the clause speaks of the future
    and the date is not already past ("will meet today", "later this year")."""
    if reference is not None:
        published = reference.isoformat()[: len(expression.value)]
        if expression.value > published:
            return "expected"
        if expression.value < published:
            return "happened"
    if tense_ is not None:
        return "expected" if tense_ in ("future", "modal") else "happened"
    return "expected" if is_future(sentence, expression.start, expression.end) else "happened"


def event_id(date: str, summary: str) -> str:
    """The date and the first key words of the summary: 'stable' means the same text gives the same id."""
    words = [
        w
        for w in re.findall(r"[^\W\d_]+", summary)
        if w.lower() not in EVENT_STOPWORDS and len(w) > 1 and not _is_date_word(w)
    ]
    return f"{date}-{slugify(' '.join(words[:ID_WORDS]))}".rstrip("-")


def _is_date_word(word: str) -> bool:
    return word.lower().rstrip(".") in MONTHS or word.lower().rstrip("'s") in WEEKDAYS


# --- corpus -------------------------------------------------------------------------------------


def build_events(
    articles: list[Article], drafts: dict[str, list[Event]], entities: list[Entity], registry: Registry
) -> list[Event]:
    """All events of the dossier, merged across articles, curated by the registry, sorted by date."""
    dates = {a.id: a.date or "" for a in articles}
    events = [_copy(e) for a in articles for e in drafts.get(a.id, [])]
    known = {(e.date, e.summary): e.id for e in events}  # a draft's id is event_id(its date, its summary)
    attach_participants(events, entities, articles)
    events = merge_reports(events, dates)
    events = find_conflicts(events, dates, {e.id for e in entities if e.type == "person"})
    assign_ids(events, known)
    events = apply_registry(events, registry, articles, entities)
    return sorted(events, key=lambda e: (e.date, e.id))


def _copy(event: Event) -> Event:
    """Drafts come from the per-seed cache: never change them in place."""
    return Event(
        event.id,
        event.date,
        event.precision,
        event.status,
        event.summary,
        list(event.entities),
        [Source(s.article, s.sentence) for s in event.sources],
        list(event.merged),
        event.dated,
        event.action,
        clauses=list(event.clauses),
    )


# The entity types a reference may stand for, by its kind ("it" is never a person).
REFERS_TO = {
    "person": ("person",),
    "organisation": ("organisation",),
    "thing": ("organisation", "product", "country", "treaty", "event"),
}
QUALIFYING = ("product",)  # entity types that only say what kind when they stand before a noun
REFERENCE_REACH = 2  # paragraphs back an antecedent is looked for before the article's main actor


def attach_participants(events: list[Event], entities: list[Entity], articles: list[Article] = ()) -> None:
    """An event's participants: the entities named in its clause, and those the clause refers to by
    "he", "it" or "the company" (the nearest entity of that kind named before, within a couple of
    paragraphs, else the one the article names most). A headline's: the entities the article names
    whose name it holds. An event with no clause (added by the analyst): its sentence's entities."""
    by_article: dict[str, list] = defaultdict(list)
    named = defaultdict(set)
    for entity in entities:
        for mention in entity.mentions:
            by_article[mention.article].append(
                (mention.block, mention.start, entity, mention.text, mention.end)
            )
            named[mention.article, _normal(mention.sentence)].add(entity.id)
    for article, found in by_article.items():
        found.sort(key=lambda item: (item[0], item[1], item[2].id))
        by_article[article] = _as_models(found)
    titles = {a.id: a.title or "" for a in articles}
    bodies = {a.id: [block.text for block in a.body] for a in articles}
    names = _names(entities)
    for event in events:
        ids = set(event.entities)
        article = event.sources[0].article if event.sources else ""
        found = by_article.get(article, [])
        if not event.clauses:
            for source in event.sources:
                ids |= named.get((source.article, _normal(source.sentence)), set())
        for clause in event.clauses:
            if clause.block is None:
                ids |= _in_headline(titles.get(article, ""), clause, found)
                continue
            ids |= _in_clause(clause, found, bodies.get(article, []), names)
            for reference in clause.references:
                antecedent = _antecedent(found, clause.block, reference)
                if antecedent is not None:
                    ids.add(antecedent.id)
        event.entities = sorted(ids)
        event.clauses = []  # done with: the corpus's events carry no offsets


def _as_models(found: list) -> list:
    """An article that names a model of a product ("Zephyr 5", the line's name and a model number)
    means that model by the line's bare name ("the new Zephyr"): those mentions stand for the model
    it names most (the first of equals). A plural ("Zephyrs") still means the line."""
    products = {entity.id: entity for _, _, entity, *_ in found if entity.type == "product"}
    counts = Counter(entity.id for _, _, entity, *_ in found if entity.id in products)
    model_of = {}
    for line in products.values():
        models = [m for m in products.values() if _is_model(m.name, line.name)]
        if models:
            model_of[line.id] = min(models, key=lambda m: -counts[m.id])  # stable: found is in text order
    return [
        (block, start, model_of[entity.id], text, end)
        if entity.id in model_of and not (text.endswith("s") and not entity.name.endswith("s"))
        else (block, start, entity, text, end)
        for block, start, entity, text, end in found
    ]


def _is_model(name: str, line: str) -> bool:
    """Whether `name` is `line` and a model number: a last word holding a digit ("Zephyr 5", "Zephyr 3G")."""
    rest = name[len(line) :]
    return (
        name.lower().startswith(line.lower())
        and rest[:1] == " "
        and len(rest.split()) == 1
        and any(c.isdigit() for c in rest)
    )


def _in_clause(clause: Clause, found: list, blocks: list[str], names: dict[str, str]) -> set[str]:
    """The entities named in a clause's stretches, but for a product that only qualifies a noun
    ("Zephyr users", "Zephyr development"), which takes no part; a name and its noun that name an
    entity ("the Zephyr store" for "Zephyr Store") name that one. A company, person or place before
    a noun takes part through it ("Acme shares fell", "the Nairobi embassy was hit")."""
    ids = set()
    for block, start, entity, _, end in found:
        if block != clause.block or not any(s.start <= start < s.end for s in clause.stretches):
            continue
        qualifier = next((q for q in clause.qualifiers if q.start <= start and end < q.end), None)
        phrase = (
            _name_key(blocks[block][start : qualifier.end]) if qualifier and block < len(blocks) else None
        )
        if phrase in names:
            ids.add(names[phrase])
        elif qualifier is None or entity.type not in QUALIFYING:
            ids.add(entity.id)
    return ids


def _names(entities: list[Entity]) -> dict[str, str]:
    """Each name or alias of the dossier's entities that only one of them bears, to that entity's id."""
    owners = defaultdict(set)
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            owners[_name_key(name)].add(entity.id)
    return {name: next(iter(ids)) for name, ids in owners.items() if len(ids) == 1}


def _name_key(name: str) -> str:
    return " ".join(name.lower().split())


def _in_headline(title: str, clause: Clause, found: list) -> set[str]:
    """The entities the article names whose name stands in the headline's clause."""
    ids = set()
    for _, _, entity, text, _ in found:
        if entity.id in ids:
            continue
        for name in {text, entity.name, *entity.aliases}:
            if (
                name
                and name in title
                and any(
                    any(s.start <= m.start() < s.end for s in clause.stretches)
                    for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", title)
                )
            ):
                ids.add(entity.id)
                break
    return ids


def _antecedent(found: list, block: int, reference) -> Entity | None:
    """The entity a reference stands for: the nearest compatible one named before it, else the
    article's most named one of that kind."""
    kinds = REFERS_TO[reference.kind]
    before = [
        entity
        for b, start, entity, *_ in found
        if entity.type in kinds and (b, start) < (block, reference.start) and block - b <= REFERENCE_REACH
    ]
    if before:
        return before[-1]
    counts = Counter(entity.id for _, _, entity, *_ in found if entity.type in kinds)
    if not counts:
        return None
    best = min(counts, key=lambda eid: (-counts[eid], eid))
    return next(entity for _, _, entity, *_ in found if entity.id == best)


def _normal(sentence: str) -> str:
    return " ".join(sentence.split())


def merge_reports(events: list[Event], article_dates: dict[str, str]) -> list[Event]:
    """Merge the reports of one happening by several articles.

    Events of different articles are one happening when their dates agree and they share participants:
    one for a day, two for a month or a year (since "the U.S. in 1998" names many events). A report
    dated only by its article's date, or a later retelling at another precision ("in 1990" for "on
    19 November 1990"), must also tell the same action, with two of its participants when it has two
    or more (Acme introduced one thing in 2010 and another in April 2010). One article tells each
    happening once: its events are never merged with each other. Events are joined through keys, never
    compared pairwise, so a year named by thousands of reports stays linear.
    """
    clusters: list[list[Event]] = []
    articles: list[set[str]] = []
    finest: list[str] = []
    index: dict[tuple, list[int]] = defaultdict(list)
    for event in events:
        article = event.sources[0].article if event.sources else ""
        keys = _merge_keys(event)
        joined = next(
            (
                c
                for k in keys
                for c in index.get(k, ())
                if article not in articles[c] and _agree(event.date, finest[c])
            ),
            None,
        )
        if joined is None:
            joined = len(clusters)
            clusters.append([])
            articles.append(set())
            finest.append(event.date)
        clusters[joined].append(event)
        articles[joined].add(article)
        if len(event.date) > len(finest[joined]):
            finest[joined] = event.date
        for k in keys:  # only the first clusters of a key are ever tried: a key keeps no more
            if len(index[k]) < MERGE_CANDIDATES and joined not in index[k]:
                index[k].append(joined)
    return [_combine(cluster, article_dates) for cluster in clusters]


MERGE_CANDIDATES = 50  # clusters tried per key: enough for real overlaps, bounded for huge dossiers


def _merge_keys(event: Event) -> list[tuple]:
    participants = sorted(set(event.entities))
    keys: list[tuple] = []
    if event.dated == "stated":
        keys += (
            [("date", event.date, p) for p in participants]
            if event.precision == "day"
            else [("date", event.date, pair) for pair in combinations(participants, 2)]
        )
    if event.action:
        keys += (
            [("action", event.date[:4], event.action, pair) for pair in combinations(participants, 2)]
            if len(participants) > 1
            else [("action", event.date[:4], event.action, p) for p in participants]
        )
    return keys


def _agree(date: str, other: str) -> bool:
    """The same date, or one at a coarser precision that holds the other."""
    return date.startswith(other) or other.startswith(date)


def _combine(cluster: list[Event], article_dates: dict[str, str]) -> Event:
    """One event from several reports: the earliest report's words, every source and participant.

    It happened if any report says so: a later article reports what an earlier one expected.
    """

    def first_report(event: Event):
        return min((article_dates.get(s.article, ""), s.article) for s in event.sources)

    ordered = sorted(cluster, key=first_report)  # stable: within one article, the first sentence leads
    lead = ordered[0]
    dating = max(ordered, key=lambda e: (len(e.date), e.dated == "stated"))  # the finest date told
    sources = list(dict.fromkeys((s.article, s.sentence) for e in ordered for s in e.sources))
    return Event(
        id=lead.id,
        date=dating.date,
        precision=dating.precision,
        status="happened" if any(e.status == "happened" for e in cluster) else "expected",
        summary=lead.summary,
        entities=sorted({i for e in cluster for i in e.entities}),
        sources=[Source(article, sentence) for article, sentence in sources],
        dated=dating.dated,
        action=lead.action,
    )


def assign_ids(events: list[Event], known: dict[tuple[str, str], str] | None = None) -> None:
    """Unique ids: the date and key words, with -2, -3... for events that would share one. `known` gives
    event_id of a (date, summary) already computed (the drafts': most events keep a draft's date and
    words)."""
    events.sort(key=lambda e: (e.date, e.id, [(s.article, s.sentence) for s in e.sources], e.summary))
    known = known or {}
    used: set[str] = set()
    for event in events:
        base = known.get((event.date, event.summary))
        event.id = unique_id(base if base is not None else event_id(event.date, event.summary), used)


# --- registry -----------------------------------------------------------------------------------


def apply_registry(
    events: list[Event], registry: Registry, articles: list[Article], entities: list[Entity]
) -> list[Event]:
    """The analyst's corrections, then merges, then hidden events, then added ones."""
    by_id = {e.id: e for e in events}
    for eid, fields in registry.correct_events.items():
        if eid in by_id:
            correct(by_id[eid], fields)
    for group in registry.merge_events:
        present = [by_id[eid] for eid in group if eid in by_id]
        for absorbed in present[1:]:
            absorb(present[0], absorbed)
            del by_id[absorbed.id]
    hidden = set(registry.hide_events)
    kept = [e for e in by_id.values() if e.id not in hidden and not hidden & set(e.merged)]
    used = {e.id for e in kept}
    for rule in registry.add_events:
        added = added_event(rule, articles, entities)
        added.id = unique_id(added.id, used)
        kept.append(added)
    return kept


def correct(event: Event, fields: EventCorrection) -> None:
    if fields.date is not None:
        event.date, event.precision = fields.date, PRECISION[len(fields.date)]
    event.summary = event.summary if fields.summary is None else fields.summary
    event.status = fields.status or event.status
    # the analyst settled what the sources disagree on: a date settles the dates, words the figures
    settled = {"date"} if fields.date is not None else set()
    settled |= {"figure"} if fields.summary is not None else set()
    event.conflicts = [c for c in event.conflicts if c.field not in settled]


def absorb(keeper: Event, other: Event) -> None:
    """Merge `other` into `keeper`, which keeps its id, date and words."""
    seen = {(s.article, s.sentence) for s in keeper.sources}
    keeper.sources += [s for s in other.sources if (s.article, s.sentence) not in seen]
    keeper.entities = sorted(set(keeper.entities) | set(other.entities))
    keeper.merged = sorted({*keeper.merged, other.id, *other.merged})
    keeper.conflicts += other.conflicts
    if other.status == "happened":
        keeper.status = "happened"


def added_event(rule: EventRule, articles: list[Article], entities: list[Entity]) -> Event:
    """An event the analyst wrote in the registry; its entities are given by name or alias."""
    by_name = {}
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            by_name.setdefault(name.lower(), entity.id)
    article_id = _article_id(rule.article, articles)
    return Event(
        id=event_id(rule.date, rule.summary),
        date=rule.date,
        precision=PRECISION[len(rule.date)],
        status=rule.status,
        summary=rule.summary,
        entities=sorted({by_name[n.lower()] for n in rule.entities if n.lower() in by_name}),
        sources=[Source(article_id, rule.summary)] if article_id else [],
    )


def _article_id(reference: str | None, articles: list[Article]) -> str | None:
    """An article named by its id, its seed file name, or that name without extension."""
    if not reference:
        return None
    for article in articles:
        if reference == article.id or reference in seed_names(article.source_file):
            return article.id
    return None  # no such seed: the registry's check names it
