"""The dossier: everything the site and dossier.json are made from, and the corpus steps' work."""

from __future__ import annotations

from dataclasses import dataclass, field

from .articles import Article, Problem, Source
from .entities import Entity, PossiblySame
from .events import Event


@dataclass
class Topic:
    id: str
    name: str
    slug: str
    description: str = ""
    articles: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    curated: bool = False
    sentences: list[Source] = field(default_factory=list)  # the description's sentences and their sources

    @property
    def url(self) -> str:
        return f"topics/{self.slug}/"


@dataclass
class TopicsFound:
    """What the topics stage finds: the topics, each article's key phrases (best first), and the names the
    registry gives topics that no topic has."""

    topics: list[Topic] = field(default_factory=list)
    key_phrases: dict[str, list[str]] = field(default_factory=dict)  # by article id
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Dossier:
    """Everything the site and dossier.json are made from."""

    articles: list[Article] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # per-article results, by article id
    article_entities: dict[str, list[str]] = field(default_factory=dict)
    article_events: dict[str, list[str]] = field(default_factory=dict)
    article_phrases: dict[str, list[str]] = field(default_factory=dict)  # key phrases, best first
    possibly_same: list[PossiblySame] = field(default_factory=list)  # entities kept apart, maybe one


@dataclass
class CorpusWork:
    """What the corpus steps made of the articles' own work (pipeline.corpus_steps): kept in the cache,
    so a rebuild whose seeds, registry and code are all unchanged reuses it whole."""

    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # the ones the corpus steps found
    article_entities: dict[str, list[str]] = field(default_factory=dict)
    article_events: dict[str, list[str]] = field(default_factory=dict)
    article_phrases: dict[str, list[str]] = field(default_factory=dict)
    possibly_same: list[PossiblySame] = field(default_factory=list)
