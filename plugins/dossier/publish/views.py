"""Shapes the theme draws without JavaScript: an entity's relationship graph, its timeline strip, and
chronology groups filtered by entity type.

Pure functions over the dataclasses of `dossier.model`; they return numbers and entities, never markup.
The Jinja theme turns them into SVG, so every name passes through autoescaping.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ..model import TYPES, Entity, Event


@dataclass(frozen=True)
class TypeTable:
    """model.TYPES as the theme reads it: by type name, the navigation's (key, label, href) rows, and the
    actor types with how many of each the overview lists."""

    labels: dict[str, str]
    folders: dict[str, str]
    singular: dict[str, str]
    nav: list[tuple[str, str, str]]
    actors: dict[str, int]


ENTITY_TYPES = TypeTable(
    {t.name: t.label for t in TYPES},
    {t.name: t.folder for t in TYPES},
    {t.name: t.singular for t in TYPES},
    [(t.name, t.label, f"{t.folder}/") for t in TYPES],
    {t.name: t.actors for t in TYPES if t.actors},
)


def main_actors(by_type: dict[str, list[Entity]]) -> list[tuple[str, list[Entity]]]:
    """The overview's most-mentioned actors: (type, its first few entities) for each actor type that has
    some."""
    return [(name, by_type[name][:limit]) for name, limit in ENTITY_TYPES.actors.items() if by_type.get(name)]


def actors_with_events(by_type: dict[str, list[Entity]], events_by_entity: dict) -> list[Entity]:
    """The actors whose own timeline the chronology offers: those of the actor types that have events."""
    return [e for name in ENTITY_TYPES.actors for e in by_type.get(name, ()) if e.id in events_by_entity]


class RenderedOnce:
    """HTML drawn alike on many pages (an event's row at one page depth), rendered once per build:
    `once(key, macro, *args)` is `macro(*args)` the first time `key` is asked for (escaped Markup, from a
    template), and the same value after."""

    def __init__(self) -> None:
        self._done: dict = {}

    def __call__(self, key: tuple, render, *args):
        if key not in self._done:
            self._done[key] = render(*args)
        return self._done[key]


GRAPH_WIDTH, GRAPH_HEIGHT = 560, 400
LABEL_MAX = 17  # characters of a line of a node's label (two lines at most); the full name is in <title>
# The graph's geometry, in SVG units (the text is 14 px): the nodes sit on an ellipse inside the box, far
# enough from its sides for a label of LABEL_MAX characters beside a node and two lines above or below one.
CENTRE_R, CENTRE_LABEL_DY = 22, 40  # the entity's own node, its name under it
LABEL_ROOM_X, LABEL_ROOM_Y = 160, 64  # left between the ellipse and the box's sides, and its top and bottom
NODE_R, NODE_R_GROWTH = 8, 8  # a node's radius, plus up to this much for the most frequent co-mention
EDGE_WIDTH, EDGE_WIDTH_GROWTH = 1.5, 6.5  # likewise an edge's width
SIDEWAYS = 0.3  # a node this far left or right of the centre line (cosine) has its label beside it
LABEL_GAP, BASELINE = 6, 5  # between a node and a label beside it; half a line, to centre it on the node
LINE_HEIGHT = 16  # of a label's second line
ABOVE_GAP, BELOW_GAP = 8, 18  # a label above a node ends this far above it; one below starts this far down


@dataclass
class Node:
    entity: Entity
    x: float
    y: float
    r: float
    label: list[str]  # one or two lines
    anchor: str = "middle"  # text-anchor of the label
    label_x: float = 0.0
    label_y: float = 0.0
    count: int = 0  # sentences naming it with the centre; 0 for the centre itself


@dataclass
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    count: int
    other: Entity


@dataclass
class Graph:
    centre: Node
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    width: int = GRAPH_WIDTH
    height: int = GRAPH_HEIGHT
    line_height: int = LINE_HEIGHT


def short_label(name: str, limit: int = LABEL_MAX) -> list[str]:
    """A name on one or two lines of at most `limit` characters (broken at spaces or hyphens), the
    second cut with an ellipsis if it is still too long."""
    if len(name) <= limit:
        return [name]
    pieces = re.findall(r"[^\s-]+-?\s*|-\s*", name)
    first = ""
    while pieces and len((first + pieces[0]).rstrip()) <= limit:
        first += pieces.pop(0)
    if not first:  # one long word: cut it
        first, rest = name[: limit - 1] + "-", name[limit - 1 :]
    else:
        rest = "".join(pieces)
    first, rest = first.rstrip(), rest.strip()
    return [first, rest if len(rest) <= limit else rest[: limit - 1].rstrip() + "…"]


def relation_graph(entity: Entity, related: list[tuple[Entity, int]], limit: int = 8) -> Graph | None:
    """The entity in the middle and its most frequent co-mentions around it, edge width by count."""
    related = related[:limit]
    if not related:
        return None
    cx, cy = GRAPH_WIDTH / 2, GRAPH_HEIGHT / 2
    centre = Node(
        entity, cx, cy, CENTRE_R, short_label(entity.name), label_x=cx, label_y=cy + CENTRE_LABEL_DY
    )
    graph = Graph(centre)
    top = max(count for _, count in related)
    rx, ry = GRAPH_WIDTH / 2 - LABEL_ROOM_X, GRAPH_HEIGHT / 2 - LABEL_ROOM_Y
    for i, (other, count) in enumerate(related):
        angle = -math.pi / 2 + 2 * math.pi * i / len(related)
        x, y = cx + rx * math.cos(angle), cy + ry * math.sin(angle)
        r = NODE_R + NODE_R_GROWTH * count / top
        cos = math.cos(angle)
        if cos > SIDEWAYS:
            anchor, lx, ly = "start", x + r + LABEL_GAP, y + BASELINE
        elif cos < -SIDEWAYS:
            anchor, lx, ly = "end", x - r - LABEL_GAP, y + BASELINE
        else:
            lines = len(short_label(other.name))
            above = y - r - ABOVE_GAP - LINE_HEIGHT * (lines - 1)
            anchor, lx, ly = "middle", x, (above if math.sin(angle) < 0 else y + r + BELOW_GAP)
        graph.nodes.append(
            Node(
                other,
                round(x, 1),
                round(y, 1),
                round(r, 1),
                short_label(other.name),
                anchor,
                round(lx, 1),
                round(ly, 1),
                count,
            )
        )
        width = EDGE_WIDTH + EDGE_WIDTH_GROWTH * count / top
        graph.edges.append(Edge(cx, cy, round(x, 1), round(y, 1), round(width, 1), count, other))
    return graph


@dataclass
class Tick:
    x: float
    label: str


# /chronology/ opens a year's other events in place up to this many; beyond, it links to the year's page.
EXPAND_EVENTS = 60
STRIP_HEIGHT = 64
AXIS_Y = 34  # the strip's axis; marks sit on it and stack upwards
AXIS_INSET = 8  # the axis stops this short of the strip's ends
TICK_HALF = 4  # a year tick crosses the axis this far each side
TICK_LABEL_Y = 54  # the year under its tick
ROW_STEP = 9  # between the centres of stacked marks: a mark's diameter less a little overlap
MARK_R, MARK_R_MAX = 6, 11  # a shared mark grows a pixel for every three events it holds, up to the max


@dataclass
class Mark:
    event: Event  # the first event of the mark
    x: float
    row: int  # marks on the same spot are stacked
    count: int = 1  # a long timeline merges the events of one spot into one mark
    last: Event | None = None

    @property
    def y(self) -> int:
        return AXIS_Y - ROW_STEP * self.row

    @property
    def r(self) -> int:
        return MARK_R if self.count == 1 else min(MARK_R + self.count // 3, MARK_R_MAX)


@dataclass
class Strip:
    marks: list[Mark]
    ticks: list[Tick]
    width: int
    height: int
    first: str
    last: str
    total: int = 0  # events drawn
    axis_y: int = AXIS_Y
    axis_inset: int = AXIS_INSET
    tick_top: int = AXIS_Y - TICK_HALF
    tick_bottom: int = AXIS_Y + TICK_HALF
    tick_label_y: int = TICK_LABEL_Y


def _year_fraction(date: str) -> float:
    parts = [int(p) for p in date.split("-")]
    year, month, day = (parts + [0, 0])[:3]
    value = float(year)
    if month:
        value += (month - 1) / 12
        value += (day - 1) / 365 if day else 0.5 / 12  # a month-only date sits mid-month
    else:
        value += 0.5  # a year-only date sits mid-year
    return value


MAX_MARKS = 60  # beyond this many events, the events of one spot share a mark
STRIP_MARGIN = 24  # room for the first and last year labels
MAX_TICKS = 8  # year ticks at most: a long span labels every second, fifth... year
SPOT = 8  # marks whose centres are nearer than this stand on one spot (stacked, or shared)
MAX_ROW = 3  # stacked marks rise at most this many rows above the axis


def timeline_strip(events: list[Event], width: int = 640) -> Strip | None:
    """A compact horizontal strip: one mark per dated event (per spot, for long timelines), year ticks."""
    if not events:
        return None
    margin = STRIP_MARGIN
    values = [_year_fraction(e.date) for e in events]
    low, high = math.floor(min(values)), math.floor(max(values)) + 1
    span = high - low

    def x_of(value: float) -> float:
        return round(margin + (width - 2 * margin) * (value - low) / span, 1)

    step = max(1, math.ceil(span / MAX_TICKS))
    ticks = [Tick(x_of(year), str(year)) for year in range(low, high + 1, step)]
    marks, taken = [], {}
    for event, value in zip(events, values):
        x = x_of(value)
        bucket = round(x / SPOT)
        if len(events) > MAX_MARKS and bucket in taken:
            mark = taken[bucket]
            mark.count, mark.last = mark.count + 1, event
            continue
        if len(events) > MAX_MARKS:
            taken[bucket] = Mark(event, x, 0)
            marks.append(taken[bucket])
            continue
        row = taken.get(bucket, 0)
        taken[bucket] = row + 1
        marks.append(Mark(event, x, min(row, MAX_ROW)))
    return Strip(marks, ticks, width, STRIP_HEIGHT, events[0].date, events[-1].date, len(events))


@dataclass
class Paged:
    """A long list cut for pages: the latest items, on the page itself, and the earlier ones on
    further pages numbered from the oldest (`earlier[0]` is page 1)."""

    latest: list
    earlier: list[list]


INDEX_ROWS = 500  # rows on a page of an index (/articles/, /<type>/): about 130 KB of HTML


def paged(items: list, size: int) -> Paged:
    """`items` (oldest first) as the latest ones and earlier pages of exactly `size`, from the oldest:
    a new item changes the latest ones only, and a further page, once full, stays as it is (paged from
    the newest, every page shifted by one item at each new one). The latest are the last `size` items
    and up to `size - 1` more, the ones that do not yet fill a page of their own."""
    pages = max(0, len(items) // size - 1)
    return Paged(
        items[pages * size :], [items[start : start + size] for start in range(0, pages * size, size)]
    )


def events_of_type(events: list[Event], entities: dict[str, Entity], entity_type: str) -> list[Event]:
    """The events that involve at least one entity of this type."""
    return [
        e for e in events if any(eid in entities and entities[eid].type == entity_type for eid in e.entities)
    ]


def recent_and_upcoming(
    events: list[Event], today: str | None, limit: int = 5
) -> tuple[list[Event], list[Event]]:
    """The latest events that happened and the next expected ones, as of `today` (the newest article's
    date, so that the same seeds always give the same overview). An expected event whose date passed
    before `today` is neither: no later article reported it, and it is shown in the chronology as
    expected as of its article's date."""
    happened, upcoming = [], []
    for event in events:
        if event.status == "happened":
            if not today or event.date <= today:
                happened.append(event)
        elif not today or event.when.not_before(today):
            upcoming.append(event)
    return happened[-limit:][::-1], upcoming[:limit]


def expected_as_of(event: Event, articles: dict, today: str | None) -> str | None:
    """For an expected event whose date passed before `today` (the newest article's date): the date
    of the first article that expected it, to show it as "expected as of" then."""
    if event.status != "expected" or not today or event.when.not_before(today):
        return None
    dates = [
        articles[s.article].date for s in event.sources if s.article in articles and articles[s.article].date
    ]
    return min(dates) if dates else None


def event_entities(
    event: Event, entities: dict[str, Entity], except_id: str | None = None, entity_type: str | None = None
) -> list[Entity]:
    """The known entities of an event (of one type, if given), but `except_id` (the page's own)."""
    return [
        entities[eid]
        for eid in event.entities
        if eid != except_id and eid in entities and (entity_type is None or entities[eid].type == entity_type)
    ]


def source_articles(event: Event) -> list[str]:
    """The articles an event is reported in, each once, in order."""
    return list(dict.fromkeys(source.article for source in event.sources))
