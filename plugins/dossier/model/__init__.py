"""Plain dataclasses shared by every stage of the pipeline, one module a concept.

Each stage is a pure function over these: read -> clean -> entities -> events -> corpus.
Nothing here imports Pelican, so the core can be tested and reused alone. Import from the package
(`from dossier.model import Entity`); the modules are how the file is kept readable.
"""

from .articles import Article, Block, Link, Problem, SeedText, Source, Span, Stretch
from .dates import PRECISIONS, Date
from .dossier import CorpusWork, Dossier, Topic, TopicsFound
from .entities import (
    RELATION_KINDS,
    ROLE_STATUSES,
    Acronym,
    Candidate,
    Entity,
    Mention,
    PossiblySame,
    Quote,
    Relation,
    RelationStatement,
    Role,
    RoleStatement,
)
from .events import Clause, Conflict, Event, Reference, TimeExpression, Version
from .types import (
    ACRONYM,
    ARTICLE_FOLDER,
    ENTITY_TYPES,
    MAYBE,
    OPEN_TYPES,
    TYPE,
    TYPE_FOLDERS,
    TYPES,
    EntityType,
)
from .updates import CHANGE_KINDS, BuildRecord, Change, History

__all__ = [
    "PRECISIONS",
    "Date",
    "EntityType",
    "TYPES",
    "TYPE",
    "ENTITY_TYPES",
    "TYPE_FOLDERS",
    "ARTICLE_FOLDER",
    "MAYBE",
    "ACRONYM",
    "OPEN_TYPES",
    "SeedText",
    "Block",
    "Article",
    "Stretch",
    "Span",
    "Link",
    "Source",
    "Problem",
    "Mention",
    "Candidate",
    "Acronym",
    "Quote",
    "RoleStatement",
    "RelationStatement",
    "PossiblySame",
    "RELATION_KINDS",
    "ROLE_STATUSES",
    "Role",
    "Relation",
    "Entity",
    "TimeExpression",
    "Version",
    "Conflict",
    "Reference",
    "Clause",
    "Event",
    "Topic",
    "TopicsFound",
    "Dossier",
    "CorpusWork",
    "CHANGE_KINDS",
    "Change",
    "BuildRecord",
    "History",
]
