"""View models: for each page family, everything its template reads, as plain dataclasses.

The template reads only its view model, so the view model is what the page is drawn from: the site's
incremental writer hashes it (`repr`) to tell whether a page changed, and a template cannot start
drawing on data its digest does not hold. Cards are what a page shows of a record it links to; their
fields are named as the records' own, so the theme's macros take either.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article, Entity, Topic
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
    """theme/templates/entities.html: the entities of one type, most mentioned first."""

    entity_type: str
    rows: tuple[EntityRow, ...]


def entity_index_page(index: DossierIndex, entity_type: str) -> EntityIndexPage:
    return EntityIndexPage(
        entity_type,
        tuple(
            EntityRow(entity_card(e), e.description, len(e.mentions), len(e.articles))
            for e in index.by_type[entity_type]
        ),
    )


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
