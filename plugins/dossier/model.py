"""Plain dataclasses shared by every stage of the pipeline.

Each stage is a pure function over these: read -> clean -> entities -> events -> corpus.
Nothing here imports Pelican, so the core can be tested and reused alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class EntityType:
    """One entity type: its name in the contract, its URL folder (the design card's site map) and labels."""

    name: str
    folder: str
    label: str  # a heading for a list of them
    singular: str  # one of them, in running text
    actors: int = 0  # an actor type: how many of the most mentioned the overview lists (0: not an actor)


# The one table of entity types, in the order pages list them; the core, the contract and the theme
# read it. Market indexes and other traded instruments are products.
TYPES = (
    EntityType("person", "people", "People", "person", actors=6),
    EntityType("organisation", "organisations", "Organisations", "organisation", actors=5),
    EntityType("country", "countries", "Countries", "country", actors=5),
    EntityType("place", "places", "Places", "place"),
    EntityType("product", "products", "Products", "product", actors=5),
    EntityType("treaty", "treaties", "Treaties", "treaty", actors=5),
    EntityType("event", "events", "Events", "named event"),
)
TYPE = {t.name: t for t in TYPES}
ENTITY_TYPES = tuple(TYPE)
TYPE_FOLDERS = {t.name: t.folder for t in TYPES}
ARTICLE_FOLDER = "articles"  # an article's page is <folder>/<id>/ (pelican.conf.py's ARTICLE_URL reads it)
# Before the corpus decides, a candidate's type may also be left open (entities.py, merge.py):
MAYBE = "maybe"  # one capitalised word: a surname, a speaker, a place or a company, or nothing
ACRONYM = "acronym"  # capitals the article does not spell out
OPEN_TYPES = (MAYBE, ACRONYM)


@dataclass
class SeedText:
    """A seed file decoded to text, with what reading it noticed."""

    path: str
    text: str
    encoding: str = "utf-8"
    problems: list[str] = field(default_factory=list)
    skip: bool = False  # True when nothing buildable was found (empty, binary, unreadable)


@dataclass(slots=True)
class Block:
    """One block of a pasted page: a paragraph, a subheading or a quotation."""

    text: str
    kind: str = "paragraph"  # "paragraph" | "heading"
    kept: bool = True
    reason: str = ""  # why the cleaner dropped (or kept) it; shown to the reader


@dataclass
class Article:
    """A cleaned article: metadata found on the page and its kept blocks."""

    id: str
    source_file: str
    title: str
    date: str | None = None  # YYYY-MM-DD
    publisher: str | None = None
    dateline_place: str | None = None
    blocks: list[Block] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"{ARTICLE_FOLDER}/{self.id}/"

    @property
    def body(self) -> list[Block]:
        return [b for b in self.blocks if b.kept]

    @property
    def removed(self) -> list[Block]:
        return [b for b in self.blocks if not b.kept]


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
class Source:
    article: str
    sentence: str


@dataclass(slots=True)
class Stretch:
    """A range of characters of a block (or of the headline): text[start:end]."""

    start: int
    end: int


@dataclass(slots=True)
class Span(Stretch):
    """A stretch of one kept block of an article, with the block it is in and the text it covers."""

    block: int
    text: str


@dataclass(frozen=True, order=True, slots=True)
class Link:
    """An entity link to draw in a block: a stretch of the block's text (offsets as in Mention) and where
    it goes; links are sorted by where they start, as the renderer walks the text."""

    start: int
    end: int
    href: str
    title: str = ""


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


RELATION_KINDS = ("member of", "part of", "parent of", "owns a stake in", "signed", "met with")
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

    @property
    def url(self) -> str:
        return f"{TYPE_FOLDERS[self.type]}/{self.slug}/"

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(m.article for m in self.mentions))


@dataclass(slots=True)
class TimeExpression:
    """A date found in text, normalised against the article's date."""

    start: int
    end: int
    text: str
    value: str  # YYYY | YYYY-MM | YYYY-MM-DD
    precision: str  # "year" | "month" | "day"


@dataclass(slots=True)
class Version:
    """One value its sources give a field of an event: a date, or a figure ("30,000 jobs")."""

    value: str
    sources: list[Source] = field(default_factory=list)


@dataclass(slots=True)
class Conflict:
    """A field of an event its sources disagree on: "date" or "figure", with every version given."""

    field: str
    values: list[Version] = field(default_factory=list)


@dataclass(slots=True)
class Reference:
    """A word that stands for an entity named elsewhere: "he", "it", "the company"."""

    start: int
    end: int
    kind: str  # "person" (he, she), "organisation" (the company, the automaker), "thing" (it, its)


@dataclass(slots=True)
class Clause:
    """Where a draft event is told, so that its participants can be found once entities are known."""

    block: int | None  # index into Article.body; None for the headline
    stretches: list[Stretch] = field(default_factory=list)  # the clause, without sub-clauses told apart
    references: list[Reference] = field(default_factory=list)
    # names that only qualify a common noun after them ("iPhone users"): each from the name to the noun's end
    qualifiers: list[Stretch] = field(default_factory=list)


@dataclass(slots=True)
class Event:
    id: str
    date: str
    precision: str
    status: str  # "happened" | "expected"
    summary: str
    entities: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)  # ids merged into this one by the registry
    # How the date was found: "stated" (the text gives it) or "reported" (news told as just happened,
    # dated by its article's publication date).
    dated: str = "stated"
    # What happened, as one word: the lemma of the happening's main verb ("resign", "die") or of its
    # event noun ("launch"); "" when unknown (an event the analyst added without one).
    action: str = ""
    # Where its reports disagree (conflicts.py): each field with every version and its sources.
    conflicts: list[Conflict] = field(default_factory=list)
    # drafts only: where the happening is told (see events.attach_participants)
    clauses: list[Clause] = field(default_factory=list)


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
class Problem:
    file: str
    message: str


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


# --- what changed between builds (updates.py) ----------------------------------------------------

# Kinds of change a build can bring, in the order /updates/ lists them, with their headings.
CHANGE_KINDS = {
    "article-added": "Articles added",
    "article-removed": "Articles removed",
    "entity-added": "New people, organisations, places and other entities",
    "event-added": "New events",
    "event-happened": "Expected events now reported as happened",
    "event-status": "Events with a new status",
    "event-date": "Events with a new date",
    "event-sources": "Events with new sources",
    "conflict-added": "New conflicting reports",
    "role-added": "New roles",
}


@dataclass
class Change:
    """One thing a build added or changed, by the id it has in dossier.json."""

    kind: str  # a key of CHANGE_KINDS
    id: str
    label: str  # title, name or summary, as the build had it
    type: str = ""  # an entity's type
    before: str = ""  # the old date or status
    after: str = ""  # the new date or status, an article's date, the number of sources


@dataclass
class BuildRecord:
    """One build that changed the dossier: its date, what it changed and the dossier's size then."""

    date: str  # YYYY-MM-DD
    changes: list[Change] = field(default_factory=list)
    first: bool = False  # no earlier build was known
    articles: int = 0
    entities: int = 0
    events: int = 0


@dataclass
class History:
    """The last builds that changed something (newest first) and the snapshot of the latest build."""

    builds: list[BuildRecord] = field(default_factory=list)
    snapshot: dict = field(default_factory=dict)  # updates.snapshot() of the latest build
    date: str = ""  # the date of the latest build, with or without changes
    changed: bool = False  # the latest build changed something (it is builds[0])
