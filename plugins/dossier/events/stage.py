"""The chronology stage: dated statements per article, then one merged, curated list of events.

`find_events` runs per article (cached with the seed): every sentence with a date expression
(`timex.find_dates`, against the article's own date) yields one draft event per distinct date.
`build_events` runs on the whole corpus: it attaches the entities named in the same sentence,
merges the same event reported by several articles, applies the registry's `events:` section
(add, hide, merge, correct) and gives every event a stable id: its date and a few key words.
"""

from __future__ import annotations

from ..model import Article, Entity, Event, Source
from ..registry import Registry
from .conflicts import find_conflicts
from .curation import added_event, apply_registry
from .drafts import find_events
from .ids import assign_ids, event_id
from .merge import merge_reports
from .participants import attach_participants
from .salience import weigh

__all__ = ["added_event", "apply_registry", "build_events", "event_id", "find_events"]


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
    weigh(events, articles, entities)
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
        agents=list(event.agents),
        patients=list(event.patients),
    )
