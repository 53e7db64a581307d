"""The curated registry, `content/dossier.yaml`: load it, check it, and report errors by line and key.

The user edits this file by hand, so every mistake gets one clear message naming the file, the line
and the key, never a traceback. The schema in registry_schema.py is the one place that says what may
appear.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .ingest.read import decode
from .registry_schema import SCHEMA, RegistryError, check, check_depth

__all__ = ["RegistryError", "Registry", "load_registry", "check_references", "seed_names"]


@dataclass
class ArticleOverride:
    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    dateline_place: str | None = None
    keep: list[str] = field(default_factory=list)  # blocks (by their opening words) to keep
    drop: list[str] = field(default_factory=list)  # blocks (by their opening words) to drop


@dataclass
class EntityRule:
    name: str
    type: str | None = None
    aliases: list[str] = field(default_factory=list)
    description: str = ""
    articles: list[str] = field(default_factory=list)  # only in these seeds (to split a name)


@dataclass
class EventRule:
    date: str
    summary: str
    status: str = "happened"
    entities: list[str] = field(default_factory=list)
    article: str | None = None


@dataclass
class EventCorrection:
    """What the analyst corrects in an event (None: left as found)."""

    date: str | None = None
    summary: str | None = None
    status: str | None = None


@dataclass
class TopicRule:
    name: str
    description: str = ""
    phrases: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)


@dataclass
class RoleRule:
    """A role to add, correct (the person's role of that name) or hide."""

    person: str
    role: str
    of: str = ""
    since: str | None = None  # "from" in the file
    until: str | None = None
    status: str | None = None
    hide: bool = False


@dataclass
class RelationRule:
    entity: str
    kind: str
    to: str
    since: str | None = None  # "from" in the file
    until: str | None = None
    hide: bool = False


@dataclass
class Registry:
    path: str = ""
    title: str = "Dossier"
    summary: str = ""
    articles: dict[str, ArticleOverride] = field(default_factory=dict)
    entities: list[EntityRule] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    add_events: list[EventRule] = field(default_factory=list)
    hide_events: list[str] = field(default_factory=list)
    merge_events: list[list[str]] = field(default_factory=list)
    correct_events: dict[str, EventCorrection] = field(default_factory=dict)  # by event id
    topics: list[TopicRule] = field(default_factory=list)
    hide_topics: list[str] = field(default_factory=list)
    rename_topics: dict[str, str] = field(default_factory=dict)
    roles: list[RoleRule] = field(default_factory=list)
    relations: list[RelationRule] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)  # key path ("events.add[0].entities") -> line

    def where(self, key_path: str) -> str:
        """'line 12: events.add[0]' for messages about a key (the file is named beside them)."""
        return f"line {self.lines.get(key_path, '?')}: {key_path}"

    def override_for(self, source_file: str) -> ArticleOverride | None:
        """The override of a seed, looked up by file name or by name without extension."""
        return next((self.articles[name] for name in seed_names(source_file) if name in self.articles), None)


def seed_names(source_file: str) -> tuple[str, str]:
    """The names the registry may give a seed: its file name, then that name without its extension.
    (Where an article is meant, its id names it too.)"""
    name = Path(source_file).name
    return name, Path(name).stem


def load_registry(path: str | Path | None, shown: str | None = None) -> Registry:
    """Load and check a registry file; a missing path gives the empty registry.

    Messages name the file as `shown` (a path relative to the project: never the builder's home)."""
    if path is None:
        return Registry()
    path = Path(path)
    if not path.exists():
        return Registry(path=str(path))
    name = shown or str(path)
    if not path.is_file():  # a FIFO would block the build forever
        raise RegistryError(f"{name}: is not a regular file")
    try:
        text = decode(path.read_bytes()).text
    except OSError as error:
        raise RegistryError(f"{name}: cannot be read: {error.strerror or error}") from None
    if text is None:
        raise RegistryError(f"{name}: is binary, not text: save it as UTF-8 text") from None
    check_depth(text, name)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.reader.ReaderError as error:  # a character YAML does not allow (NUL, other controls)
        line = text.count("\n", 0, error.position) + 1
        raise RegistryError(
            f"{name}:{line}: YAML syntax error: the character U+{error.character:04X} is not allowed "
            f"(a NUL or another control character: remove it)"
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(error, "problem", None) or str(error)
        raise RegistryError(f"{name}:{line}: YAML syntax error: {problem}") from None
    except RecursionError:
        raise RegistryError(f"{name}:1: nested too deeply") from None
    if node is None:
        return Registry(path=str(path))
    lines: dict[str, int] = {}
    data = check(node, SCHEMA, "", name, lines)
    registry = _registry(data, str(path))
    registry.lines = lines
    return registry


def check_references(
    registry: Registry, entity_names: set[str], event_ids: set[str], seed_files: set[str] | None = None
) -> list[str]:
    """Messages for names and ids the registry uses that the dossier does not have.

    `entity_names` are lower-cased names and aliases, as the stages match them; `seed_files` the file
    names of the seeds (a seed is named with or without its extension).
    """
    messages = []
    if seed_files is not None:
        known = {name for seed in seed_files for name in seed_names(seed)}
        messages += [
            f"{registry.where(f'articles.{name}')}: no seed file named '{name}'"
            for name in registry.articles
            if name not in known
        ]
        for i, rule in enumerate(registry.entities):
            messages += [
                f"{registry.where(f'entities[{i}].articles')}: no seed file named '{name}'"
                for name in rule.articles
                if name not in known
            ]
        messages += [
            f"{registry.where(f'events.add[{i}].article')}: no seed file named '{rule.article}'"
            for i, rule in enumerate(registry.add_events)
            if rule.article and rule.article not in known
        ]
    messages += [
        f"{registry.where(f'entities[{i}]')}: no seed names '{rule.name}'"
        + (" nor any of its aliases" if rule.aliases else "")
        + ": it has no page (check the spelling, or remove the entry)"
        for i, rule in enumerate(registry.entities)
        if not any(name.lower() in entity_names for name in (rule.name, *rule.aliases))
    ]
    for i, rule in enumerate(registry.add_events):
        messages += [
            f"{registry.where(f'events.add[{i}].entities')}: no entity named '{name}'"
            for name in rule.entities
            if name.lower() not in entity_names
        ]
    for i, rule in enumerate(registry.topics):
        messages += [
            f"{registry.where(f'topics[{i}].entities')}: no entity named '{name}'"
            for name in rule.entities
            if name.lower() not in entity_names
        ]
    for i, rule in enumerate(registry.roles):
        messages += [
            f"{registry.where(f'roles[{i}].{key}')}: no entity named '{name}'"
            for key, name in (("person", rule.person),)
            if name.lower() not in entity_names
        ]
    for i, rule in enumerate(registry.relations):
        messages += [
            f"{registry.where(f'relations[{i}].{key}')}: no entity named '{name}'"
            for key, name in (("entity", rule.entity), ("to", rule.to))
            if name.lower() not in entity_names
        ]
    messages += [
        f"{registry.where(f'events.merge[{i}]')}: no event with id '{eid}'"
        for i, group in enumerate(registry.merge_events)
        for eid in group
        if eid not in event_ids
    ]
    messages += [
        f"{registry.where(f'events.correct.{eid}')}: no event with id '{eid}'"
        for eid in registry.correct_events
        if eid not in event_ids
    ]
    return messages


def _registry(data: dict, path: str) -> Registry:
    events = data.get("events", {})
    return Registry(
        path=path,
        title=data.get("title", "Dossier"),
        summary=data.get("summary", ""),
        articles={name: ArticleOverride(**fields) for name, fields in data.get("articles", {}).items()},
        entities=[EntityRule(**rule) for rule in data.get("entities", [])],
        ignore=data.get("ignore", []),
        add_events=[EventRule(**rule) for rule in events.get("add", [])],
        hide_events=events.get("hide", []),
        merge_events=events.get("merge", []),
        correct_events={eid: EventCorrection(**fields) for eid, fields in events.get("correct", {}).items()},
        topics=[TopicRule(**rule) for rule in data.get("topics", [])],
        hide_topics=data.get("hide_topics", []),
        rename_topics=data.get("rename_topics", {}),
        roles=[RoleRule(**_dated(rule)) for rule in data.get("roles", [])],
        relations=[RelationRule(**_dated(rule)) for rule in data.get("relations", [])],
    )


def _dated(rule: dict) -> dict:
    """A rule's "from" key (a Python keyword) as the field `since`."""
    return {("since" if key == "from" else key): value for key, value in rule.items()}
