"""Events: dated happenings, the dates found in text, and the clauses that tell them."""

from __future__ import annotations

from dataclasses import dataclass, field

from .articles import Source, Stretch
from .dates import Date


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
    agents: list[Stretch] = field(default_factory=list)  # who does it: the subject, a passive's "by" phrase
    patients: list[Stretch] = field(default_factory=list)  # to whom or what: the object, a passive's subject


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
    # Who did it and to whom or what (entity ids among `entities`), read from the clause's grammar.
    agents: list[str] = field(default_factory=list)
    patients: list[str] = field(default_factory=list)
    # How much the event carries the story (events/salience.py): its independent sources, its place in
    # the articles (headline, lead) and its participants' prominence; `main` for the events that carry it.
    weight: float = 0.0
    main: bool = False
    # drafts only: where the happening is told (see events.attach_participants)
    clauses: list[Clause] = field(default_factory=list)

    @property
    def when(self) -> Date:
        return Date(self.date, self.precision)
