"""What changed between builds (corpus/updates.py): the changes of a build and the history."""

from __future__ import annotations

from dataclasses import dataclass, field

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
