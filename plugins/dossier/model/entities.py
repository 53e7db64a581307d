"""Entities: where articles name them, what they say of them (roles, relations, quotes)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..rules import Decision, Vote
from .articles import Source, Span
from .types import TYPE_FOLDERS


@dataclass(slots=True)
class Mention:
    """One place where an article names an entity (offsets within the kept block)."""

    article: str
    block: int  # index into Article.body
    start: int
    end: int
    text: str
    sentence: str
    entity: str = ""  # entity id once resolved


@dataclass(slots=True)
class Candidate:
    """A mention found in one article, before it is resolved against the dossier."""

    mention: Mention
    name: str  # the fullest name the article gives it ("Robert Gates" for "Gates")
    type: str  # an entity type, or one of OPEN_TYPES
    role: str = ""  # "U.S. Defense Secretary", "spokesman", ...
    short: str = ""  # long form for an acronym, e.g. "CFE" -> "Conventional Armed Forces in Europe"
    weight: int = 1  # its vote for its type: more when the words around it say so ("unveiled the X")
    votes: list[Vote] = field(default_factory=list)  # the mention's own tally (entities/type_votes.py)
    how: str = ""  # how it was read when no vote says ("a title before it", "the surname of X")


@dataclass(slots=True)
class Acronym:
    """What an acronym an article defines ("Conventional Armed Forces in Europe (CFE)") stands for."""

    type: str
    name: str  # the entity's name: the long form as written, or the name a known acronym gives it
    long_form: str  # as written in the article (Candidate.short)


@dataclass(slots=True)
class Quote:
    speaker: str  # entity id
    text: str
    article: str
    sentence: str


@dataclass(slots=True)
class RoleStatement:
    """One article saying that someone holds, held, leaves or takes a role (before names are resolved)."""

    article: str
    sentence: str
    holder: Span
    role: str  # as written ("Defense Secretary"); "" when the text only says "resigned", "succeeded X"
    of: Span | None = None  # the body it belongs to, as named in the text
    generic: str = ""  # "the company", "the alliance", "its": the organisation the article is about
    change: str = ""  # "" holds it | "former" | "ends" | "starts"
    expected: bool = False  # the change is announced for later ("will succeed", "is to step down")
    date: str | None = None  # the date the text gives the change ("On August 24, X resigned")
    other: Span | None = None  # the successor of an ending, the predecessor of a start


@dataclass(slots=True)
class RelationStatement:
    """One article stating a typed relation between two names (before names are resolved)."""

    article: str
    sentence: str
    kind: str  # one of RELATION_KINDS
    subject: Span
    object: Span
    date: str | None = None


RELATION_KINDS = (
    "member of",
    "part of",
    "parent of",
    "owns a stake in",
    "signed",
    "met with",
    "partner of",
    "based in",
)


ROLE_STATUSES = ("current", "ended", "expected")


@dataclass(slots=True)
class Role:
    """A role an entity held: what, of which body (entity id or the body's name as written), when."""

    role: str
    of: str = ""
    since: str | None = None  # "from" in dossier.json
    until: str | None = None
    as_of: list[str] = field(default_factory=list)  # dates of the articles that report it held
    status: str = "current"  # one of ROLE_STATUSES
    sources: list[Source] = field(default_factory=list)
    successor: str = ""  # entity id
    predecessor: str = ""  # entity id
    curated: bool = False  # added or corrected in the registry


@dataclass(slots=True)
class Relation:
    kind: str  # one of RELATION_KINDS
    to: str  # entity id
    since: str | None = None
    until: str | None = None
    sources: list[Source] = field(default_factory=list)
    curated: bool = False


@dataclass
class Entity:
    id: str  # "<type>/<slug>"
    name: str
    type: str
    slug: str
    aliases: list[str] = field(default_factory=list)
    description: str = ""
    titles: list[str] = field(
        default_factory=list
    )  # the titles its mentions were written with, most used first
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)  # key facts: the roles it held, dated and sourced
    relations: list[Relation] = field(default_factory=list)
    typing: Decision | None = None  # the votes that gave its type, for `dossier inspect --explain`

    @property
    def url(self) -> str:
        return f"{TYPE_FOLDERS[self.type]}/{self.slug}/"

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(m.article for m in self.mentions))


@dataclass
class PossiblySame:
    """Entities the resolver kept apart though they may be one thing (a wrong merge is worse than a
    split): listed in dossier.json and on /problems/ for the analyst to merge in the registry."""

    entities: list[str]  # entity ids
    reason: str  # what makes them look alike ("'BFU' has the initials of 'Baltic Freight Union'")
