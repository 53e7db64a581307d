"""The dossier as data for other tools: CSV tables and a GraphML network, ids as in dossier.json.

Each table is declared once, its columns with what they hold, so the files and the /export/ page
that describes them cannot drift apart. A cell that a spreadsheet would read as a formula (it starts
with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, as OWASP advises for CSV
injection: the text is shown, never run. Lists inside a cell are joined by `LIST_SEPARATOR`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from .. import xmltext
from ..model import ENTITY_TYPES

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class Column:
    name: str
    description: str


@dataclass(frozen=True)
class Table:
    file: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable[[dict], Iterable[list]]  # rows of the contract's data (contract.to_json)


def safe_cell(value) -> str:
    """The text of a cell, with a leading `'` when a spreadsheet would run it as a formula."""
    text = "" if value is None else LIST_SEPARATOR.join(value) if isinstance(value, list) else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def to_csv(table: Table, data: dict) -> str:
    """The text of a table: a header row, then one record a row (RFC 4180 quoting)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([c.name for c in table.columns])
    writer.writerows([safe_cell(v) for v in row] for row in table.rows(data))
    return out.getvalue()


def _ids(items: list) -> list[str]:
    """Article ids of a contract list holding ids or sources ({"article", ...})."""
    return list(dict.fromkeys(i["article"] if isinstance(i, dict) else i for i in items))


def _entity_rows(data: dict):
    for e in data["entities"]:
        yield [
            e["id"],
            e["name"],
            e["type"],
            e["aliases"],
            e["description"],
            e["url"],
            len(e["mentions"]),
            e["articles"],
        ]


def _event_rows(data: dict):
    for ev in data["events"]:
        yield [
            ev["id"],
            ev["date"],
            ev["precision"],
            ev["dated"],
            ev["status"],
            "yes" if ev["main"] else "",
            ev["weight"],
            ev["action"],
            ev["summary"],
            ev["entities"],
            ev["agents"],
            ev["patients"],
            _ids(ev["sources"]),
            [c["field"] for c in ev["conflicts"]],
        ]


def _mention_rows(data: dict):
    for e in data["entities"]:
        for m in e["mentions"]:
            yield [e["id"], m["article"], m["text"], m["sentence"]]


def _role_rows(data: dict):
    for e in data["entities"]:
        for r in e["roles"]:
            yield [
                e["id"],
                r["role"],
                r["of"],
                r["from"],
                r["until"],
                r["as_of"],
                r["status"],
                _ids(r["sources"]),
            ]


def _relation_rows(data: dict):
    for e in data["entities"]:
        for r in e["relations"]:
            yield [e["id"], r["kind"], r["to"], r["from"], r["until"], _ids(r["sources"])]


TABLES = (
    Table(
        "entities.csv",
        "One row per entity.",
        (
            Column("id", "the entity's id, as in dossier.json (type/slug)"),
            Column("name", "its name"),
            Column("type", ", ".join(ENTITY_TYPES)),
            Column("aliases", "other names it goes by, separated by '; '"),
            Column("description", "the short description from the registry, if any"),
            Column("url", "its page, relative to the site's root"),
            Column("mentions", "how many times the articles name it"),
            Column("articles", "ids of the articles naming it, separated by '; '"),
        ),
        _entity_rows,
    ),
    Table(
        "events.csv",
        "One row per dated event of the chronology.",
        (
            Column("id", "the event's id, as in dossier.json"),
            Column("date", "YYYY, YYYY-MM or YYYY-MM-DD"),
            Column("precision", "year, month or day"),
            Column("dated", "stated (the text gives the date) or reported (the article's own date)"),
            Column("status", "happened, ongoing or expected"),
            Column("main", "yes for the events that carry the story (at most about one per article)"),
            Column("weight", "its independent sources, headline and lead reports, participants' prominence"),
            Column("action", "what happened, one word: the lemma of its verb or event noun"),
            Column("summary", "what happened, in the words of its first report"),
            Column("entities", "ids of its participants, separated by '; '"),
            Column("agents", "ids of the participants who did it, separated by '; '"),
            Column("patients", "ids of the participants it was done to, separated by '; '"),
            Column("sources", "ids of the articles reporting it, separated by '; '"),
            Column("conflicts", "the fields its sources disagree on (date, figure), separated by '; '"),
        ),
        _event_rows,
    ),
    Table(
        "mentions.csv",
        "One row per mention of an entity in an article.",
        (
            Column("entity", "the entity's id"),
            Column("article", "the article's id"),
            Column("text", "the words naming it"),
            Column("sentence", "the sentence they stand in"),
        ),
        _mention_rows,
    ),
    Table(
        "roles.csv",
        "One row per role an entity holds or held (its key facts).",
        (
            Column("entity", "the id of the entity holding the role"),
            Column("role", "the role, as the articles name it"),
            Column("of", "what the role is of: an entity id, or text"),
            Column("from", "when it began, if known"),
            Column("until", "when it ended, if known"),
            Column("as_of", "dates of the articles stating it, separated by '; '"),
            Column("status", "current, ended or expected"),
            Column("sources", "ids of the articles stating it, separated by '; '"),
        ),
        _role_rows,
    ),
    Table(
        "relations.csv",
        "One row per relation between two entities (parent, part, stake, partner, seat, membership).",
        (
            Column("entity", "the id of the entity the relation is of"),
            Column(
                "kind",
                "parent of, part of, owns a stake in, partner of, based in, member of, signed, met with",
            ),
            Column("to", "the id of the other entity"),
            Column("from", "when it began, if known"),
            Column("until", "when it ended, if known"),
            Column("sources", "ids of the articles stating it, separated by '; '"),
        ),
        _relation_rows,
    ),
)
NETWORK = "network.graphml"


def to_graphml(data: dict, co_mentions: Mapping[str, Mapping[str, int]]) -> str:
    """Entities as nodes (name, type, mentions), co-mentions (sentences naming both, by entity id, as
    corpus.DossierIndex counts them) as undirected edges weighted by their count."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
        '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
        '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
        '  <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>',
        '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
        '  <graph id="dossier" edgedefault="undirected">',
    ]
    for e in data["entities"]:
        lines.append(
            f'    <node id={xmltext.attribute(e["id"])}><data key="name">{xmltext.text(e["name"])}</data>'
            f'<data key="type">{xmltext.text(e["type"])}</data>'
            f'<data key="mentions">{len(e["mentions"])}</data></node>'
        )
    edges = sorted((a, b, n) for a, others in co_mentions.items() for b, n in others.items() if a < b)
    for a, b, count in edges:
        lines.append(
            f"    <edge source={xmltext.attribute(a)} target={xmltext.attribute(b)}>"
            f'<data key="weight">{count}</data></edge>'
        )
    lines += ["  </graph>", "</graphml>", ""]
    return "\n".join(lines)


def export_files(data: dict, co_mentions: Mapping[str, Mapping[str, int]]) -> dict[str, str]:
    """Every file of /export/ by name, with its text, from the contract's data."""
    files = {table.file: to_csv(table, data) for table in TABLES}
    files[NETWORK] = to_graphml(data, co_mentions)
    return files
