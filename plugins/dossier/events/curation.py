"""The analyst's `events:` section of the registry: corrections, merges, hidden and added events."""

from __future__ import annotations

from ..model import Article, Date, Entity, Event, Source
from ..registry import EventCorrection, EventRule, Registry, seed_names
from ..slugs import unique_id
from .ids import event_id


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
        event.date, event.precision = fields.date, Date.of(fields.date).precision
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
        precision=Date.of(rule.date).precision,
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
