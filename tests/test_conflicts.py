"""Conflicting reports on invented dossiers: dates a few days apart, different figures, and the
registry settling them."""

from __future__ import annotations

import pytest

from dossier.events.conflicts import WINDOW_DAYS, figure_conflict, figures, find_conflicts
from dossier.events.stage import apply_registry
from dossier.model import Article, Dossier, Event, Source
from dossier.publish.contract import to_json
from dossier.registry import EventCorrection, Registry

DATES = {"a1": "2021-05-03", "a2": "2021-05-04", "a3": "2021-05-06"}


def event(
    eid: str,
    date: str,
    article: str,
    sentence: str,
    entities=("country/elbonia",),
    action="sign",
    status="happened",
    precision="day",
) -> Event:
    return Event(
        eid, date, precision, status, sentence, list(entities), [Source(article, sentence)], action=action
    )


DECREE_1 = "The president of Elbonia signed the decree leaving the fishing pact on May 2, 2021."
DECREE_2 = "Elbonia's president signed a decree on Monday, May 3, to quit the fishing pact."
DECREE_3 = "Elbonia left the fishing pact by a decree signed on May 3."


def test_one_happening_told_with_two_dates_is_one_event_with_both_versions():
    [merged] = find_conflicts(
        [
            event("e1", "2021-05-02", "a1", DECREE_1, ("country/elbonia", "treaty/fishing-pact")),
            event("e2", "2021-05-03", "a2", DECREE_2, ("country/elbonia",)),
            event("e3", "2021-05-03", "a3", DECREE_3, ("country/elbonia", "treaty/fishing-pact")),
        ],
        DATES,
    )
    assert merged.date == "2021-05-03"  # two sources against one
    assert merged.entities == ["country/elbonia", "treaty/fishing-pact"]
    assert [s.article for s in merged.sources] == ["a2", "a3", "a1"]
    [conflict] = merged.conflicts
    assert conflict.field == "date"
    assert [(v.value, [s.article for s in v.sources]) for v in conflict.values] == [
        ("2021-05-03", ["a2", "a3"]),
        ("2021-05-02", ["a1"]),
    ]


def test_a_tie_is_dated_by_the_earlier_report():
    [merged] = find_conflicts(
        [event("late", "2021-05-02", "a2", DECREE_1), event("early", "2021-05-03", "a1", DECREE_2)], DATES
    )
    assert merged.date == "2021-05-03" and merged.summary == DECREE_2
    assert [v.value for v in merged.conflicts[0].values] == ["2021-05-03", "2021-05-02"]


def test_a_date_the_text_states_beats_the_dates_of_reports():
    told = "Elbonia's president signed the decree."
    reports = [event("r1", "2021-05-03", "a1", told), event("r2", "2021-05-03", "a2", told)]
    for report in reports:
        report.dated = "reported"  # dated by their articles: when they told it
    [merged] = find_conflicts(reports + [event("s", "2021-05-02", "a3", DECREE_1)], DATES)
    assert (merged.date, merged.dated, merged.summary) == ("2021-05-02", "stated", DECREE_1)
    assert [v.value for v in merged.conflicts[0].values] == ["2021-05-02", "2021-05-03"]


@pytest.mark.parametrize(
    "other, why",
    [
        (event("x", "2021-05-03", "a1", DECREE_2), "one article telling two dates tells two happenings"),
        (
            event(
                "x",
                "2021-05-03",
                "a2",
                "Elbonia's president met the envoys of the pact on May 3.",
                action="meet",
            ),
            "another action",
        ),
        (event("x", "2021-05-03", "a2", DECREE_2, ("country/freedonia",)), "other participants"),
        (
            event("x", "2021-05-03", "a2", DECREE_2, ("country/elbonia", "country/freedonia")),
            "participants neither names in full",
        ),
        (event("x", f"2021-05-{2 + WINDOW_DAYS + 1:02}", "a2", DECREE_2), "more than a few days apart"),
        (event("x", "2021-05-03", "a2", DECREE_2, status="expected"), "one expected, the other happened"),
        (event("x", "2021-05", "a2", DECREE_2, precision="month"), "a month is not a different day"),
        (
            event(
                "x",
                "2021-05-03",
                "a2",
                "Elbonia's president said on Monday that the pact was dead.",
                action="say",
            ),
            "people speak every day",
        ),
    ],
)
def test_reports_that_are_not_one_happening_stay_apart(other, why):
    first = event("e1", "2021-05-02", "a1", DECREE_1, ("country/elbonia", "treaty/fishing-pact"))
    result = find_conflicts([first, other], DATES)
    assert len(result) == 2 and not any(e.conflicts for e in result), why


def test_the_same_people_when_both_name_people():
    putin = ("person/ann-kovac", "country/elbonia", "treaty/fishing-pact")
    citing = ("person/ann-kovac", "organisation/fishing-council")
    people = {"person/ann-kovac", "person/bo-lind"}
    [merged] = find_conflicts(
        [event("e1", "2021-05-02", "a1", DECREE_1, putin), event("e2", "2021-05-03", "a2", DECREE_2, citing)],
        DATES,
        people,
    )
    assert merged.conflicts and merged.entities == sorted(set(putin) | set(citing))
    apart = find_conflicts(
        [
            event("e1", "2021-05-02", "a1", DECREE_1, ("person/ann-kovac", "person/cy-mara")),
            event("e2", "2021-05-03", "a2", DECREE_2, ("person/ann-kovac", "person/bo-lind")),
        ],
        DATES,
        people | {"person/cy-mara"},
    )
    assert len(apart) == 2 and not any(e.conflicts for e in apart)


def test_the_same_action_told_by_another_word_form():
    left = event(
        "e1", "2021-05-02", "a1", "Elbonia suspended its part in the pact on May 2.", action="suspend"
    )
    signed = event(
        "e2", "2021-05-03", "a2", "Elbonia signed a decree suspending the pact on May 3.", action="sign"
    )
    [merged] = find_conflicts([left, signed], DATES)
    assert [v.value for v in merged.conflicts[0].values] == ["2021-05-02", "2021-05-03"]
    announced = event(
        "e3", "2021-05-03", "a2", "Elbonia's president announced a moratorium on May 3.", action="announce"
    )
    [merged] = find_conflicts([event("e1", "2021-05-02", "a1", DECREE_1), announced], DATES)
    assert [v.value for v in merged.conflicts[0].values] == ["2021-05-02", "2021-05-03"]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The carmaker will cut 30,000 jobs by 2009.", {"job": "30,000 jobs"}),
        ("It will cut 25,000 to 30,000 jobs, it said on July 13, 2007.", {"job": "25,000 to 30,000 jobs"}),
        ("On July 13 Putin signed the decree, in force in 150 days.", {"day": "150 days"}),
        ("The plant, opened in 1990 by 3 Ministers, closes.", {}),
    ],
)
def test_figures_are_numbers_with_what_they_count(sentence, expected):
    assert figures(sentence) == expected


def test_different_figures_for_one_happening_are_a_figure_conflict():
    cut = Event(
        "e1",
        "2021-05-03",
        "day",
        "happened",
        "Acme will cut 30,000 jobs.",
        ["organisation/acme"],
        [
            Source("a1", "Acme said on Monday it will cut 30,000 jobs worldwide."),
            Source("a2", "Acme will cut 25,000 to 30,000 jobs, it said on Monday."),
            Source("a3", "Acme on Monday said 30,000 jobs would go."),
        ],
        action="cut",
    )
    [result] = find_conflicts([cut], DATES)
    [conflict] = result.conflicts
    assert conflict.field == "figure"
    assert [(v.value, [s.article for s in v.sources]) for v in conflict.values] == [
        ("30,000 jobs", ["a1", "a3"]),
        ("25,000 to 30,000 jobs", ["a2"]),
    ]


def test_one_article_with_two_figures_or_all_agreeing_is_no_conflict():
    agree = Event(
        "e1",
        "2021-05-03",
        "day",
        "happened",
        "s",
        ["organisation/acme"],
        [Source("a1", "Acme will cut 30,000 jobs."), Source("a2", "Acme said 30,000 jobs would go.")],
    )
    assert figure_conflict(agree) is None
    own = Event(
        "e1",
        "2021-05-03",
        "day",
        "happened",
        "s",
        ["organisation/acme"],
        [Source("a1", "Acme will cut 30,000 jobs."), Source("a1", "Of its 300,000 jobs, 30,000 go.")],
    )
    assert figure_conflict(own) is None


def test_the_registry_settles_a_conflict_and_the_contract_lists_it():
    [merged] = find_conflicts(
        [event("e1", "2021-05-02", "a1", DECREE_1), event("e2", "2021-05-03", "a2", DECREE_2)], DATES
    )
    articles = [Article(a, f"{a}.txt", "Title", date) for a, date in DATES.items()]
    data = to_json(Dossier(articles=articles, events=[merged]))
    [record] = data["events"]
    assert record["conflicts"] == [
        {
            "field": "date",
            "values": [
                {"value": "2021-05-02", "sources": [{"article": "a1", "sentence": DECREE_1}]},
                {"value": "2021-05-03", "sources": [{"article": "a2", "sentence": DECREE_2}]},
            ],
        }
    ]
    unsettled = apply_registry(
        [merged], Registry(correct_events={merged.id: EventCorrection(status="happened")}), articles, []
    )
    assert unsettled[0].conflicts
    [settled] = apply_registry(
        [merged], Registry(correct_events={merged.id: EventCorrection(date="2021-05-03")}), articles, []
    )
    assert settled.date == "2021-05-03" and settled.conflicts == []


# --- a built site ---------------------------------------------------------------------------------

STORY = """Home | World | Business
{trail}
{title}
PORTHAVEN, {date} (Coast Wire) -- {lead}
The pact has set the catch of the boats of both countries since 1998, and fishermen on both coasts said they feared a long dispute over the northern grounds.
Copyright 2021 Coast Wire. All rights reserved.
"""
SEEDS = {
    "first.txt": STORY.format(
        trail="",
        title="Elbonia leaves the fishing pact",
        date="May 3, 2021",
        lead="President Anna Kovac of Elbonia signed a decree on May 2, 2021 suspending the "
        "Fishing Pact with Freedonia, the government said.",
    ),
    "second.txt": STORY.format(
        trail="World · Europe",
        title="Kovac quits pact",
        date="May 4, 2021",
        lead="President Anna Kovac signed the decree suspending the Fishing Pact on May 3, "
        "2021, the ministry of fisheries said in a statement.",
    ),
    "third.txt": STORY.format(
        trail="",
        title="Fishermen fear a long dispute",
        date="May 5, 2021",
        lead="Anna Kovac signed the decree on May 3, 2021, two officials of the ministry "
        "told reporters, and the boats stayed in port.",
    ),
}
REGISTRY = """\
entities:
  - {name: Anna Kovac, type: person, aliases: [President Anna Kovac, Kovac]}
  - {name: Fishing Pact, type: treaty}
  - {name: Elbonia, type: country}
  - {name: Freedonia, type: country}
"""


@pytest.fixture
def build(tmp_path):
    from conftest import Site, build_site

    content = tmp_path / "content"
    (content / "seeds").mkdir(parents=True)
    for name, text in SEEDS.items():
        (content / "seeds" / name).write_text(text, encoding="utf-8")

    def make(registry: str, output: str) -> Site:
        (content / "dossier.yaml").write_text(registry, encoding="utf-8")
        return Site(build_site(content, tmp_path / output))

    return make


def test_the_decree_is_one_event_with_both_dates_flagged_everywhere(build):
    site = build(REGISTRY, "out")
    data = site.json()
    assert {a["title"] for a in data["articles"]} == {
        "Elbonia leaves the fishing pact",
        "Kovac quits pact",
        "Fishermen fear a long dispute",
    }
    [decree] = [e for e in data["events"] if e["conflicts"]]
    assert decree["date"] == "2021-05-03"  # two reports against one
    assert "2021-05-02" not in [e["date"] for e in data["events"] if "person/anna-kovac" in e["entities"]]
    [conflict] = decree["conflicts"]
    assert conflict["field"] == "date"
    by_date = {v["value"]: {s["article"] for s in v["sources"]} for v in conflict["values"]}
    titles = {a["id"]: a["title"] for a in data["articles"]}
    assert {d: {titles[a] for a in ids} for d, ids in by_date.items()} == {
        "2021-05-03": {"Kovac quits pact", "Fishermen fear a long dispute"},
        "2021-05-02": {"Elbonia leaves the fishing pact"},
    }

    line = next(li for li in site.page("chronology/").select("li.event.line") if decree["id"] in li.a["href"])
    assert line.select_one(".flag").get_text() == "sources differ"  # the main page: one line each
    row = site.page("chronology/2021/").find(id=f"event-{decree['id']}")
    differ = " ".join(row.select_one(".differ").get_text(" ").split())
    assert differ.startswith("Sources differ on the date: 3 May 2021 (") and "), 2 May 2021 (" in differ
    kovac = site.page("people/anna-kovac/")
    timeline_row = kovac.find(id=f"event-{decree['id']}")
    assert timeline_row and timeline_row.select_one(".differ .flag").get_text() == "Sources differ"
    mark = kovac.select_one(f"figure.strip a[href$='#event-{decree['id']}']")
    assert mark and "sources differ" in mark["aria-label"]

    page = site.page("conflicts/")
    [listed] = page.select("ol.conflicts > li")
    versions = listed.select(".versions li")
    assert [v.find("time")["datetime"] for v in versions] == ["2021-05-03", "2021-05-02"]

    def articles(version):  # the headline and the lead of one article are two sources of one event
        return {a["href"] for a in version.select("cite a")}

    assert len(articles(versions[0])) == 2 and len(articles(versions[1])) == 1
    assert decree["id"] in listed.select_one("code").get_text()
    figures_text = site.page("").select_one("a[href$='conflicts/']").get_text(" ")
    assert figures_text.split()[0] == "1"

    settled = build(REGISTRY + f"events:\n  correct:\n    {decree['id']}: {{date: 2021-05-02}}\n", "settled")
    [event] = [e for e in settled.json()["events"] if e["id"] == decree["id"]]
    assert event["date"] == "2021-05-02" and event["conflicts"] == []
    assert "None" in settled.page("conflicts/").select_one("main").get_text()
    assert "Sources differ" not in settled.page("chronology/").get_text()


def test_no_article_stands_in_two_versions_of_one_happening():
    chain = [
        event("e1", "2021-05-02", "a1", DECREE_1),
        event("e2", "2021-05-03", "a2", DECREE_2),
        event("e3", "2021-05-04", "a1", DECREE_3),
    ]
    groups = find_conflicts(chain, DATES)
    for merged in groups:
        for conflict in merged.conflicts:
            articles = [s.article for v in conflict.values for s in v.sources]
            assert len(articles) == len(set(articles))
    assert len(groups) == 2
