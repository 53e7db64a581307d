"""The chronology stage: dated statements per article, then one merged, curated list of events.

`find_events` runs per article (cached with the seed): every sentence with a date expression
(`timex.find_dates`, against the article's own date) yields one draft event per distinct date.
`build_events` runs on the whole corpus: it attaches the entities named in the same sentence,
merges the same event reported by several articles, applies the registry's `events:` section
(add, hide, merge, correct) and gives every event a stable id: its date and a few key words.
"""
from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations

from slugify import slugify

from .conflicts import find_conflicts
from .masthead import DATELINE
from .model import Article, Entity, Event, Source, TimeExpression
from .nlp import Parsed
from .registry import EventRule, Registry
from .text import sentence_spans
from .timex import MONTHS, WEEKDAYS, find_dates, is_future, parse_reference

SUMMARY_WORDS = 25  # a summary is the clause around the date, not the paragraph
ENOUGH_WORDS = 12  # a clause shorter than this borrows its neighbours
ID_WORDS = 5  # key words in an event id after its date
PRECISION = {4: "year", 7: "month", 10: "day"}  # by length of the value
STOPWORDS = frozenset(
    "a an the and or but of in on at to for from by with about as into over after before since "
    "until than that this these those it its is are was were be been being has have had will would "
    "shall can could may might must do does did not no he she they we you i his her their our your "
    "him them us who whom which what when where why how said says say told also there here then "
    "today tonight yesterday tomorrow last next week month year day ago earlier later early late "
    "mid".split())
CLAUSE = re.compile(r"[^,;:—()]+[,;:—()]*")


# --- per article --------------------------------------------------------------------------------

def find_events(article: Article, parsed: Parsed | None = None) -> list[Event]:
    """One draft event per distinct date in each sentence of the article's text (headings skipped)."""
    reference = parse_reference(article.date)
    drafts = []
    for block in article.body:
        if block.kind == "heading":
            continue
        for start, end in sentence_spans(block.text):
            drafts += _sentence_events(article.id, block.text[start:end], reference)
    return drafts


def _sentence_events(article_id: str, sentence: str, reference) -> list[Event]:
    expressions = find_dates(sentence, reference)
    if not expressions or _is_only_dates(sentence, expressions):
        return []  # a dateline such as "1998-08-07 21:00" states no event
    events, seen = [], set()
    dateline = DATELINE.match(sentence)  # "MOSCOW, June 15 (Agency) --" dates the report, not an event
    lead = dateline.end() if dateline else 0
    for expression in expressions:
        if expression.value in seen or expression.start < lead:
            continue
        seen.add(expression.value)
        summary = summarise(sentence[lead:], expression.start - lead, expression.end - lead)
        events.append(Event(
            id=event_id(expression.value, summary),
            date=expression.value,
            precision=expression.precision,
            status=status_of(sentence, expression, reference),
            summary=summary,
            sources=[Source(article_id, sentence)],
            dated="stated",
        ))
    return events


def _is_only_dates(sentence: str, expressions: list[TimeExpression]) -> bool:
    rest = sentence
    for expression in reversed(expressions):
        rest = rest[:expression.start] + rest[expression.end:]
    return len(re.findall(r"[A-Za-z]{2,}", rest)) < 2


def status_of(sentence: str, expression: TimeExpression, reference) -> str:
    """'expected' when the date is after the publication date, or the clause speaks of the future
    and the date is not already past ("will meet today", "later this year")."""
    if reference is not None:
        published = reference.isoformat()[:len(expression.value)]
        if expression.value > published:
            return "expected"
        if expression.value < published:
            return "happened"
    return "expected" if is_future(sentence, expression.start, expression.end) else "happened"


def summarise(sentence: str, start: int, end: int, limit: int = SUMMARY_WORDS) -> str:
    """The clause around sentence[start:end], grown by neighbouring clauses (the following one
    first: the words after a date usually say what happened) until it says enough, within `limit`."""
    sentence = sentence.strip()
    if len(sentence.split()) <= limit:
        return sentence
    clauses = [m.span() for m in CLAUSE.finditer(sentence)]
    first = last = next((i for i, (s, e) in enumerate(clauses) if s <= start < e), 0)
    words = _words(sentence, *clauses[first])
    while words < ENOUGH_WORDS:
        for candidate in (last + 1, first - 1):
            if 0 <= candidate < len(clauses) and words + _words(sentence, *clauses[candidate]) <= limit:
                words += _words(sentence, *clauses[candidate])
                first, last = min(first, candidate), max(last, candidate)
                break
        else:
            break
    if words > limit:
        return _window(sentence, start, end, limit)
    summary = sentence[clauses[first][0]:clauses[last][1]].strip(" ,;:—(").strip()
    if words < ENOUGH_WORDS and last + 1 < len(clauses):  # "After the talks on Friday," says nothing yet
        following = sentence[clauses[last][1]:clauses[last + 1][1]].split()[:limit - words]
        summary = sentence[clauses[first][0]:clauses[last][1]].strip() + " " + " ".join(following).rstrip(",;:") + " …"
    return summary


def _words(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


def _window(sentence: str, start: int, end: int, limit: int) -> str:
    """`limit` words around the expression, when even its own clause is too long."""
    before, after = sentence[:start].split(), sentence[end:].split()
    budget = max(0, limit - len(sentence[start:end].split()))
    keep_after = min(len(after), budget - min(len(before), budget // 3))
    keep_before = min(len(before), budget - keep_after)
    return " ".join(before[len(before) - keep_before:] + [sentence[start:end]] + after[:keep_after])


def event_id(date: str, summary: str) -> str:
    """The date and the first key words of the summary: 'stable' means the same text gives the same id."""
    words = [w for w in re.findall(r"[^\W\d_]+", summary) if w.lower() not in STOPWORDS and len(w) > 1
             and not _is_date_word(w)]
    return f"{date}-{slugify(' '.join(words[:ID_WORDS]))}".rstrip("-")


def _is_date_word(word: str) -> bool:
    return word.lower().rstrip(".") in MONTHS or word.lower().rstrip("'s") in WEEKDAYS


# --- corpus -------------------------------------------------------------------------------------

def build_events(articles: list[Article], drafts: dict[str, list[Event]], entities: list[Entity],
                 registry: Registry) -> list[Event]:
    """All events of the dossier, merged across articles, curated by the registry, sorted by date."""
    dates = {a.id: a.date or "" for a in articles}
    events = [_copy(e) for a in articles for e in drafts.get(a.id, [])]
    attach_participants(events, entities)
    events = merge_reports(events, dates)
    events = find_conflicts(events, dates)
    assign_ids(events)
    events = apply_registry(events, registry, articles, entities)
    return sorted(events, key=lambda e: (e.date, e.id))


def _copy(event: Event) -> Event:
    """Drafts come from the per-seed cache: never change them in place."""
    return Event(event.id, event.date, event.precision, event.status, event.summary,
                 list(event.entities), [Source(s.article, s.sentence) for s in event.sources],
                 list(event.merged), event.dated, event.action)


def attach_participants(events: list[Event], entities: list[Entity]) -> None:
    """An event's participants are the entities named in the sentence it comes from."""
    named = defaultdict(set)
    for entity in entities:
        for mention in entity.mentions:
            named[mention.article, _normal(mention.sentence)].add(entity.id)
    for event in events:
        ids = set(event.entities)
        for source in event.sources:
            ids |= named.get((source.article, _normal(source.sentence)), set())
        event.entities = sorted(ids)


def _normal(sentence: str) -> str:
    return " ".join(sentence.split())


def merge_reports(events: list[Event], article_dates: dict[str, str]) -> list[Event]:
    """Merge events with the same date (and precision) that share participants.

    A day is specific enough for one shared participant; a month or a year needs two, since
    "the U.S. in 1998" names many different events.
    """
    groups = defaultdict(list)
    for event in events:
        groups[event.date, event.precision].append(event)
    merged = []
    for (_, precision), group in groups.items():
        for cluster in _clusters(group, shared=1 if precision == "day" else 2):
            merged.append(_combine(cluster, article_dates))
    return merged


def _clusters(events: list[Event], shared: int) -> list[list[Event]]:
    """Connected groups of events that share `shared` participants (single linkage), in first-seen order.

    Events are joined through the participants (or pairs of them) they share, never compared pairwise,
    so a year named by thousands of reports stays linear.
    """
    parent = list(range(len(events)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict = {}
    for i, event in enumerate(events):
        participants = sorted(set(event.entities))
        for key in participants if shared == 1 else combinations(participants, 2):
            a, b = root(i), root(first_with.setdefault(key, i))
            parent[max(a, b)] = min(a, b)
    clusters = defaultdict(list)
    for i, event in enumerate(events):
        clusters[root(i)].append(event)
    return list(clusters.values())


def _combine(cluster: list[Event], article_dates: dict[str, str]) -> Event:
    """One event from several reports: the earliest report's words, every source and participant.

    It happened if any report says so: a later article reports what an earlier one expected.
    """
    def first_report(event: Event):
        return min((article_dates.get(s.article, ""), s.article) for s in event.sources)

    ordered = sorted(cluster, key=first_report)  # stable: within one article, the first sentence leads
    lead = ordered[0]
    sources = list(dict.fromkeys((s.article, s.sentence) for e in ordered for s in e.sources))
    return Event(
        id=lead.id, date=lead.date, precision=lead.precision,
        status="happened" if any(e.status == "happened" for e in cluster) else "expected",
        summary=lead.summary,
        entities=sorted({i for e in cluster for i in e.entities}),
        sources=[Source(article, sentence) for article, sentence in sources],
        dated="stated" if any(e.dated == "stated" for e in cluster) else "reported",
        action=lead.action,
    )


def assign_ids(events: list[Event]) -> None:
    """Unique ids: the date and key words, with -2, -3... for events that would share one."""
    events.sort(key=lambda e: (e.date, e.id, [(s.article, s.sentence) for s in e.sources], e.summary))
    used: dict[str, int] = {}
    for event in events:
        base = event_id(event.date, event.summary)
        used[base] = used.get(base, 0) + 1
        event.id = base if used[base] == 1 else f"{base}-{used[base]}"


# --- registry -----------------------------------------------------------------------------------

def apply_registry(events: list[Event], registry: Registry, articles: list[Article],
                   entities: list[Entity]) -> list[Event]:
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
        added.id = _unique(added.id, used)
        kept.append(added)
    return kept


def correct(event: Event, fields: dict) -> None:
    if "date" in fields:
        event.date, event.precision = fields["date"], PRECISION[len(fields["date"])]
    event.summary = fields.get("summary", event.summary)
    event.status = fields.get("status", event.status)
    # the analyst settled what the sources disagree on: a date settles the dates, words the figures
    settled = {"date"} if "date" in fields else set()
    settled |= {"figure"} if "summary" in fields else set()
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
        name = re.split(r"[\\/]", article.source_file)[-1]
        if reference in (article.id, name, name.rsplit(".", 1)[0]):
            return article.id
    return None  # no such seed: the registry's check names it


def _unique(wanted: str, used: set[str]) -> str:
    candidate, n = wanted, 2
    while candidate in used:
        candidate, n = f"{wanted}-{n}", n + 1
    used.add(candidate)
    return candidate
