"""The layouts the theme draws as SVG: the relationship graph, the timeline strip, chronology groups."""

from dossier.model import Entity, Event, Mention
from dossier.publish.index import group_by_month
from dossier.publish.views import (
    ENTITY_TYPES,
    Paged,
    RenderedOnce,
    actors_with_events,
    events_of_type,
    main_actors,
    paged,
    recent_and_upcoming,
    relation_graph,
    short_label,
    timeline_strip,
)


def entity(name, type_="person"):
    return Entity(
        f"{type_}/{name.lower()}", name, type_, name.lower(), mentions=[Mention("a", 0, 0, 1, name, name)]
    )


def event(date, status="happened", entities=(), id_=None):
    precision = {1: "year", 2: "month", 3: "day"}[len(date.split("-"))]
    return Event(id_ or date, date, precision, status, f"Something on {date}", list(entities))


def test_graph_puts_the_entity_in_the_middle_and_widens_edges_with_counts():
    centre = entity("Gates")
    related = [(entity("Putin"), 6), (entity("Russia", "country"), 3), (entity("NATO", "organisation"), 1)]
    graph = relation_graph(centre, related)
    assert (graph.centre.x, graph.centre.y) == (graph.width / 2, graph.height / 2)
    assert [n.entity.name for n in graph.nodes] == ["Putin", "Russia", "NATO"]
    widths = [e.width for e in graph.edges]
    assert widths == sorted(widths, reverse=True) and widths[0] > widths[-1]
    for node in graph.nodes:
        assert 0 < node.x < graph.width and 0 < node.y < graph.height
        assert node.r <= 16


def test_graph_keeps_the_most_frequent_and_needs_at_least_one():
    assert relation_graph(entity("Alone"), []) is None
    many = [(entity(f"E{i}"), 20 - i) for i in range(20)]
    assert len(relation_graph(entity("Hub"), many, limit=8).nodes) == 8


def test_long_names_take_two_lines_and_are_cut_after_that():
    assert short_label("Russia") == ["Russia"]
    assert short_label("Jaap de Hoop Scheffer") == ["Jaap de Hoop", "Scheffer"]
    assert short_label("Intermediate-Range Nuclear Forces Treaty")[0] == "Intermediate-"
    assert all(len(line) <= 17 for line in short_label("Treaty on Conventional Armed Forces in Europe"))


def test_timeline_strip_orders_marks_by_date_with_year_ticks():
    events = [event("2007"), event("2007-06"), event("2007-06-15"), event("2012", "expected")]
    strip = timeline_strip(events)
    xs = [m.x for m in strip.marks]
    assert xs[0] < xs[3] and abs(xs[1] - xs[2]) < 2 and xs[2] < xs[3]  # a month sits mid-month
    assert [t.label for t in strip.ticks][0] == "2007" and strip.ticks[-1].label == "2013"
    assert all(0 <= m.x <= strip.width for m in strip.marks)
    assert timeline_strip([]) is None


def test_same_day_marks_are_stacked():
    strip = timeline_strip([event("2007-06-15", id_="a"), event("2007-06-15", id_="b"), event("2009")])
    assert [m.row for m in strip.marks[:2]] == [0, 1]


def test_chronology_groups_by_year_then_month_and_filters_by_type():
    gates, russia = entity("Gates"), entity("Russia", "country")
    events = [
        event("2007", entities=[russia.id]),
        event("2007-06-15", entities=[gates.id]),
        event("2007-06-20", entities=[gates.id, russia.id]),
        event("2008-01", entities=[]),
    ]
    groups = group_by_month(events)
    assert [(year, [month for month, _ in months]) for year, months in groups] == [
        ("2007", ["", "June"]),
        ("2008", ["January"]),
    ]
    known = {gates.id: gates, russia.id: russia}
    assert [e.date for e in events_of_type(events, known, "person")] == ["2007-06-15", "2007-06-20"]
    assert [e.date for e in events_of_type(events, known, "country")] == ["2007", "2007-06-20"]


def test_recent_and_upcoming_are_seen_from_the_newest_article():
    events = [
        event("2007-06-15"),
        event("2007-07-13"),
        event("2007-12", "expected"),
        event("2012", "expected"),
    ]
    recent, upcoming = recent_and_upcoming(events, "2007-10-14")
    assert [e.date for e in recent] == ["2007-07-13", "2007-06-15"]
    assert [e.date for e in upcoming] == ["2007-12", "2012"]


def test_svg_macros_escape_names_from_the_seeds():
    from jinja2 import Environment, FileSystemLoader

    from dossier.publish.index import display_date

    from conftest import ROOT

    env = Environment(loader=FileSystemLoader(str(ROOT / "theme" / "templates")), autoescape=True)
    env.filters["display_date"] = display_date
    macros = env.get_template("macros.html").make_module(
        {"SITEURL": "", "dossier": None, "entity_types": ENTITY_TYPES}
    )
    hostile = entity('<script>alert(1)</script> & "Co"', "organisation")
    centre = entity("Gates")
    svg = str(macros.relation_graph(relation_graph(centre, [(hostile, 2)]), centre))
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "&amp;" in svg
    strip = timeline_strip([Event("e1", "2007-06-15", "day", "happened", "<img src=x onerror=alert(1)>")])
    svg = str(macros.timeline_strip(strip, hostile))
    assert "<img" not in svg and "&lt;img" in svg and "<script>" not in svg


def test_a_long_timeline_shares_marks_between_events_of_one_spot():
    events = [
        event(f"2007-{month:02d}-{day:02d}", id_=f"{month}-{day}")
        for month in range(1, 13)
        for day in range(1, 29)
    ]
    strip = timeline_strip(events)
    assert len(strip.marks) < 100 and sum(m.count for m in strip.marks) == len(events)
    assert all(m.row == 0 for m in strip.marks)
    assert [m.x for m in strip.marks] == sorted(m.x for m in strip.marks)


def test_an_expected_event_whose_date_passed_is_not_upcoming_but_expected_as_of_its_article():
    from dossier.model import Article, Source
    from dossier.publish.views import expected_as_of

    stale = event("2007-08", "expected")
    stale.sources = [Source("a", "The talks will resume in August.")]
    coming = event("2007-12", "expected")
    this_year = event("2007", "expected")
    recent, upcoming = recent_and_upcoming([stale, this_year, coming], "2007-10-14")
    assert recent == [] and [e.date for e in upcoming] == ["2007", "2007-12"]
    articles = {"a": Article("a", "a.txt", "Talks", date="2007-06-15")}
    assert expected_as_of(stale, articles, "2007-10-14") == "2007-06-15"
    assert expected_as_of(coming, articles, "2007-10-14") is None


def test_a_large_chronology_lists_the_main_events_and_every_event_on_its_year_page():
    from dossier.model import Article, Dossier, Source
    from dossier.publish.index import ALL_EVENTS_MAX, DossierIndex

    articles = [
        Article(f"a{i}", f"a{i}.txt", f"Headline {i}", date="2007-06-15") for i in range(ALL_EVENTS_MAX)
    ]
    events = []
    for i, a in enumerate(articles):
        events.append(
            Event(
                f"h{i}", f"{2000 + i % 3}-06-15", "day", "happened", "Main", sources=[Source(a.id, a.title)]
            )
        )
        events.append(
            Event(
                f"o{i}",
                f"{2000 + i % 3}-06-14",
                "day",
                "happened",
                "Other",
                sources=[Source(a.id, "Another sentence.")],
            )
        )
    index = DossierIndex(Dossier(articles=articles, events=events))
    assert {e.id[0] for e in index.chronology_shown} == {"h"} and len(
        index.chronology_shown
    ) == ALL_EVENTS_MAX
    assert sorted(index.chronology_by_year) == ["2000", "2001", "2002"]
    assert sum(len(year) for year in index.chronology_by_year.values()) == len(events)
    assert [p.path for p in index.chronology_pages["2000"]] == ["2000/"]
    assert index.chronology_paths[events[1].id] == "2000/"


def test_a_year_of_many_events_has_several_pages_and_the_main_page_stays_one_page():
    from dossier.model import Article, Dossier, Source
    from dossier.publish.index import PAGE_EVENTS, DossierIndex

    articles = [
        Article(f"a{i}", f"a{i}.txt", f"Headline {i}", date="2007-06-15") for i in range(3 * PAGE_EVENTS)
    ]
    events = [
        Event(f"h{i:04d}", "2007-06-15", "day", "happened", "Main", sources=[Source(a.id, a.title)])
        for i, a in enumerate(articles)
    ]
    index = DossierIndex(Dossier(articles=articles, events=events))
    assert [p.path for p in index.chronology_pages["2007"]] == ["2007/", "2007/2/", "2007/3/"]
    assert all(len(p.events) <= PAGE_EVENTS for p in index.chronology_pages["2007"])
    assert index.chronology_paths[events[-1].id] == "2007/3/"
    assert len(index.chronology_shown) <= PAGE_EVENTS
    small = DossierIndex(Dossier(articles=articles[:3], events=events[:6]))
    assert small.chronology_shown == small.chronology  # a small dossier lists everything


def test_long_lists_are_paged_from_the_oldest_so_that_a_new_item_leaves_full_pages_alone():
    assert paged([], 3) == Paged([], []) and paged([1, 2], 3) == Paged([1, 2], [])
    assert paged(list(range(1, 6)), 3) == Paged([1, 2, 3, 4, 5], [])  # fewer than two pages: all on one
    six = paged(list(range(1, 7)), 3)
    assert six == Paged([4, 5, 6], [[1, 2, 3]])
    for count in range(7, 12):  # each new item joins the latest, until they fill a page of their own
        longer = paged(list(range(1, count + 1)), 3)
        assert longer.earlier[: len(six.earlier)] == six.earlier and 3 <= len(longer.latest) < 6
        assert [n for page in longer.earlier for n in page] + longer.latest == list(range(1, count + 1))


def test_the_actor_types_of_the_type_table_make_the_overview_and_the_chronology_lists():
    people = [entity(f"P{n}") for n in range(8)]
    by_type = {
        "person": people,
        "place": [entity("Paris", "place")],
        "product": [entity("Zephyr", "product")],
        "treaty": [],
    }
    assert main_actors(by_type) == [
        ("person", people[: ENTITY_TYPES.actors["person"]]),
        ("product", by_type["product"]),
    ]  # places are no actors; no empty group
    with_events = {
        people[3].id: [event("2020")],
        by_type["place"][0].id: [event("2020")],
        by_type["product"][0].id: [event("2021")],
    }
    assert actors_with_events(by_type, with_events) == [people[3], by_type["product"][0]]


def test_a_row_drawn_on_many_pages_is_rendered_once_per_key():
    calls = []
    once = RenderedOnce()

    def render(*args):
        calls.append(args)
        return f"<li>{args}</li>"

    rows = [
        once(("e1", "", True, None), render, "e1"),
        once(("e1", "", True, None), render, "e1"),
        once(("e1", "../..", True, None), render, "e1"),
    ]
    assert rows == ["<li>('e1',)</li>"] * 3 and calls == [("e1",), ("e1",)]
