"""View models: for each page family, everything its template reads, as plain dataclasses.

The template reads only its view model, so the view model is what the page is drawn from: the site's
incremental writer hashes it (`repr`) to tell whether a page changed, and a template cannot start
drawing on data its digest does not hold. Cards are what a page shows of a record it links to; their
fields are named as the records' own, so the theme's macros take either.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article, Entity, Event, Topic
from . import views
from .index import DossierIndex


@dataclass(frozen=True, slots=True)
class EntityCard:
    """What a link to an entity shows (macros.entity_link)."""

    id: str
    name: str
    type: str
    url: str


@dataclass(frozen=True, slots=True)
class ArticleCard:
    """What a row or link to an article shows (macros.article_row, article_link)."""

    id: str
    title: str
    publisher: str | None
    date: str | None
    url: str


def entity_card(entity: Entity) -> EntityCard:
    return EntityCard(entity.id, entity.name, entity.type, entity.url)


def article_card(article: Article) -> ArticleCard:
    return ArticleCard(article.id, article.title, article.publisher, article.date, article.url)


@dataclass(frozen=True, slots=True)
class EntityRow:
    entity: EntityCard
    description: str
    mentions: int
    articles: int


@dataclass(frozen=True, slots=True)
class EntityIndexPage:
    """theme/templates/entities.html: the entities of one type, most mentioned first, views.INDEX_ROWS
    on a page: page 1 is /<type>/, the next ranks /<type>/page/<n>/."""

    entity_type: str
    rows: tuple[EntityRow, ...]
    total: int = 0  # entities of the type, on every page
    page: int = 1
    pages: int = 1
    first_rank: int = 1


def entity_index_pages(index: DossierIndex, entity_type: str) -> list[EntityIndexPage]:
    entities = index.by_type[entity_type]
    size = views.INDEX_ROWS
    starts = range(0, len(entities), size) or [0]
    return [
        EntityIndexPage(
            entity_type,
            tuple(
                EntityRow(entity_card(e), e.description, len(e.mentions), len(e.articles))
                for e in entities[start : start + size]
            ),
            len(entities),
            n,
            len(starts),
            start + 1,
        )
        for n, start in enumerate(starts, 1)
    ]


@dataclass(frozen=True, slots=True)
class TagPage:
    """theme/templates/tag.html: a tag and its articles, in the order Pelican gives them."""

    name: str
    url: str
    articles: tuple[ArticleCard, ...]


def tag_page(index: DossierIndex, name: str, url: str, article_ids: list[str]) -> TagPage:
    return TagPage(name, url, tuple(article_card(index.articles[a]) for a in article_ids))


@dataclass(frozen=True, slots=True)
class TopicRow:
    name: str
    url: str
    articles: int
    first: str | None  # the date of its first article
    last: str | None
    curated: bool
    description: str


@dataclass(frozen=True, slots=True)
class TopicsPage:
    """theme/templates/topics.html: a row for each topic."""

    rows: tuple[TopicRow, ...]


def topics_page(index: DossierIndex, topics: list[Topic]) -> TopicsPage:
    return TopicsPage(
        tuple(
            TopicRow(t.name, t.url, len(t.articles), *index.topic_span(t), t.curated, t.description)
            for t in topics
        )
    )


@dataclass(frozen=True, slots=True)
class Named:
    """A link by name: a topic or a tag."""

    name: str
    url: str


@dataclass(frozen=True, slots=True)
class RemovedBlock:
    reason: str
    text: str


@dataclass(frozen=True, slots=True)
class EventLink:
    """An event as a dated link to its row in the chronology (macros.event_date, event_href)."""

    id: str
    date: str
    dated: str
    status: str
    summary: str
    path: str  # its page in the chronology: "2007/" or "2007/2/"
    expected_as_of: str | None


def event_link(index: DossierIndex, event: Event) -> EventLink:
    return EventLink(
        event.id,
        event.date,
        event.dated,
        event.status,
        event.summary,
        index.chronology_paths.get(event.id, event.date[:4] + "/"),
        views.expected_as_of(event, index.articles, index.date_span[1]),
    )


@dataclass(frozen=True, slots=True)
class ArticlePage:
    """theme/templates/article.html: the article's body with its links, what the record says of it,
    the blocks the cleaner removed, its topics and tags, its entities by type and its events."""

    id: str
    title: str
    content: str  # the body as HTML, entity links in it
    publisher: str | None
    dateline_place: str | None
    date: str | None
    source_file: str
    removed: tuple[RemovedBlock, ...]
    topics: tuple[Named, ...]
    tags: tuple[Named, ...]
    entities: tuple[tuple[str, tuple[EntityCard, ...]], ...]
    events: tuple[EventLink, ...]


def article_page(
    index: DossierIndex, article_id: str, content: str, topics: list[Named], tags: list[Named]
) -> ArticlePage:
    record = index.articles[article_id]
    return ArticlePage(
        record.id,
        record.title,
        content,
        record.publisher,
        record.dateline_place,
        record.date,
        record.source_file,
        tuple(RemovedBlock(b.reason, b.text) for b in record.removed),
        tuple(topics),
        tuple(tags),
        tuple(
            (kind, tuple(entity_card(e) for e in group))
            for kind, group in index.article_entities(record.id).items()
        ),
        tuple(event_link(index, e) for e in index.events_by_article.get(record.id, [])),
    )


@dataclass(frozen=True, slots=True)
class TagRow:
    name: str
    url: str
    articles: int


@dataclass(frozen=True, slots=True)
class TagsPage:
    """theme/templates/tags.html: every tag with its number of articles, in the order given."""

    rows: tuple[TagRow, ...]


@dataclass(frozen=True, slots=True)
class ArticlesPage:
    """theme/templates/articles.html: every article, newest first; /articles/ shows the newest (page 0),
    the earlier ones are on /articles/page/<n>/, views.INDEX_ROWS a page numbered from the oldest, so
    that a full page never changes."""

    articles: tuple[ArticleCard, ...]
    page: int = 0
    pages: int = 0


def articles_page(index: DossierIndex, page: int = 0) -> ArticlesPage:
    paged = views.paged(index.newest_first[::-1], views.INDEX_ROWS)
    shown = paged.earlier[page - 1] if page else paged.latest
    return ArticlesPage(tuple(article_card(a) for a in shown[::-1]), page, len(paged.earlier))


@dataclass(frozen=True, slots=True)
class ProblemRow:
    file: str
    message: str


@dataclass(frozen=True, slots=True)
class SameRow:
    """Entities kept apart that may be one (model.PossiblySame), as links."""

    entities: tuple[EntityCard, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class ProblemsPage:
    """theme/templates/problems.html: the seeds' problems and the entities that may be one."""

    problems: tuple[ProblemRow, ...]
    possibly_same: tuple[SameRow, ...]


def problems_page(index: DossierIndex) -> ProblemsPage:
    dossier = index.dossier
    return ProblemsPage(
        tuple(ProblemRow(p.file, p.message) for p in dossier.problems),
        tuple(
            SameRow(
                tuple(entity_card(index.entities[e]) for e in same.entities if e in index.entities),
                same.reason,
            )
            for same in dossier.possibly_same
        ),
    )


@dataclass(frozen=True, slots=True)
class SearchPage:
    """theme/templates/search.html: the folders of the search index's shards (the first is /pagefind/)."""

    bundles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NotFoundPage:
    """theme/templates/404.html: nothing of the dossier's own, only what every page shows."""
