"""What a page is drawn from, as a digest. A page whose digest is the one recorded when it was last
written is not rendered again (see writer.py); a page family without a digest is rendered on every
build and written only when its bytes changed.

Most families are drawn from a view model (dossier.publish.view_models), whose hash is their digest.
What is left here is for those whose templates still read the index: entity pages and their further
pages, topic pages and the chronology, around the event rows (macros.event_row) that events own.

A digest holds the site's inputs (templates, code, settings, what the header and footer show) and the
page's own: the records it prints and a card (id, name or title, the fields shown) of every record it
links to. A template that starts drawing on other data must say so here; tests/test_incremental.py
compares an incremental site with a full build byte for byte.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path
from weakref import WeakKeyDictionary

from dossier.corpus.cache import code_version
from dossier.model import Entity, Event
from dossier.publish import views
from dossier.publish.index import DossierIndex
from dossier.publish.view_models import article_card, entity_card

PLUGIN = Path(__file__).resolve().parent
PLAIN = (str, int, float, bool, type(None))
UNSTABLE_SETTINGS = {
    "OUTPUT_PATH",
    "PATH",
}  # where the site is built, not what it shows
HOW_BUILT = ("cache", "scheduler")  # DOSSIER's settings of how a build runs: the pages are the same bytes


def digest(*parts: object) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(repr(part).encode())
        hasher.update(b"\0")
    return hasher.hexdigest()[:32]


def site_inputs(settings: dict, index: DossierIndex | None, registry) -> str:
    """What every page shares: the theme's templates, the code, the settings and the site's title,
    summary and sections (the header and the footer)."""
    templates = hashlib.sha256()
    folders = [
        Path(settings["THEME"]) / "templates",
        *map(Path, settings.get("THEME_TEMPLATES_OVERRIDES", [])),
    ]
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file():
                templates.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    plugin = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(PLUGIN.glob("*.py"))))
    site = (registry.title, registry.summary) if registry else None
    shown = {k: v for k, v in settings.items() if k not in UNSTABLE_SETTINGS}
    shown["DOSSIER"] = {k: v for k, v in (settings.get("DOSSIER") or {}).items() if k not in HOW_BUILT}
    return digest(
        templates.hexdigest(),
        plugin.hexdigest(),
        code_version(),
        _plain(shown),
        site,
        bool(index and index.dossier.topics),
    )


def _plain(value):
    """Settings reduced to what has a stable repr (no functions, classes or modules)."""
    if isinstance(value, dict):
        return sorted((str(k), _plain(v)) for k, v in value.items() if _plain(v) is not _SKIP)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(v) for v in value]
        items = [v for v in items if v is not _SKIP]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    return value if isinstance(value, PLAIN) else _SKIP


_SKIP = object()


def event_card(index: DossierIndex, event: Event) -> str:
    """An event row: the event, its entities' links, its sources' citations, the page of the chronology
    that lists it, and the date it was expected as of (which the newest article's date decides). As a
    digest made once a build: an event's row is on the pages of each of its entities, its year and its
    topics."""
    cards = _EVENT_CARDS.setdefault(index, {})
    card = cards.get(event.id)
    if card is None:
        card = cards[event.id] = digest(
            event,
            [entity_card(index.entities[e]) for e in event.entities if e in index.entities],
            [article_card(index.articles[s.article]) for s in event.sources if s.article in index.articles],
            index.chronology_paths.get(event.id),
            views.expected_as_of(event, index.articles, index.date_span[1]),
        )
    return card


_EVENT_CARDS: WeakKeyDictionary[DossierIndex, dict[str, str]] = WeakKeyDictionary()  # one build's, per index


def entity_page(index: DossierIndex, entity: Entity, timeline: views.Paged, mentions: views.Paged) -> tuple:
    """theme/templates/entity.html: the entity's record but its mentions (their count, and the first
    page of them), its related entities, the timeline strip of all its events and their first page,
    the quotes' sources, and its key facts: the bodies, people and relations they link."""
    people = [
        (label, [(entity_card(person), role) for person, role in holders])
        for label, holders in index.people_of(entity)
    ]
    incoming = [(entity_card(other), relation) for other, relation in index.relations_to(entity)]
    facts = [
        *entity.roles,
        *entity.relations,
        *(role for _, holders in index.people_of(entity) for _, role in holders),
        *(relation for _, relation in index.relations_to(entity)),
    ]
    linked = {
        e
        for fact in facts
        for e in (
            getattr(fact, "of", ""),
            getattr(fact, "to", ""),
            getattr(fact, "successor", ""),
            getattr(fact, "predecessor", ""),
        )
    }
    cited = {q.article for q in entity.quotes} | {s.article for f in facts for s in f.sources}
    return (
        replace(entity, mentions=[]),
        len(entity.mentions),
        len(entity.articles),
        [(entity_card(other), n) for other, n in index.related(entity.id)],
        [
            (n, event.id, event.date, event.status, event.summary, bool(event.conflicts), event.main)
            for n, page in enumerate([timeline.latest, *timeline.earlier])
            for event in page
        ],
        timeline_page(index, timeline.latest),
        mentions_page(index, mentions.latest),
        len(mentions.earlier),
        [article_card(index.articles[a]) for a in sorted(cited) if a in index.articles],
        people,
        incoming,
        [entity_card(index.entities[e]) for e in sorted(linked) if e in index.entities],
    )


def timeline_page(index: DossierIndex, events: list[Event]) -> list:
    return [event_card(index, event) for event in events]


def mentions_page(index: DossierIndex, groups: list) -> list:
    return [(article_card(article), [m.sentence for m in mentions]) for article, mentions in groups]


def more_page(entity: Entity, pages: int, cards: list) -> tuple:
    """theme/templates/entity_more.html: one further page of an entity's timeline or mentions."""
    return entity.id, entity.name, entity.type, entity.url, pages, cards


def chronology_page(index: DossierIndex, events: list[Event], page: tuple, counted: bool) -> tuple:
    """theme/templates/chronology.html for a year's page or one type's: what the page says of itself
    (`page`: its year, its number and the year's pages, or its type), the years, its rows and, when
    `counted` (a type's page; a year's page shows no count), the filters' counts and whether the
    chronology lists only the main events."""
    counts = (
        (
            len(index.chronology),
            len(index.chronology_shown),
            [(entity_type, len(found)) for entity_type, found in index.events_by_type.items()],
            [len(found) for found in index.chronology_by_year.values()],
        )
        if counted
        else None
    )
    return page, list(index.chronology_by_year), counts, timeline_page(index, events)


def topic_page(index: DossierIndex, topic) -> tuple:
    """theme/templates/topic.html: the topic's record, a row for each of its articles, its actors'
    links, its events' rows and its quotes' sources."""
    return (
        topic,
        [article_card(index.articles[a]) for a in topic.articles if a in index.articles],
        [entity_card(index.entities[e]) for e in topic.entities if e in index.entities],
        timeline_page(index, [index.events[e] for e in topic.events if e in index.events]),
        [article_card(index.articles[s.article]) for s in topic.sentences if s.article in index.articles],
    )
