"""A built fixture dossier's chronology: the main events first, one line each, with dates and source
counts; every event of a year behind them; the events' grammar in dossier.json."""

from __future__ import annotations

import pytest

STORY = """{title}

TARROW, {date} (Coast Wire) -- {lead}

{body}

Copyright 2030 Coast Wire. All rights reserved.
"""
SEEDS = {
    "filing.txt": STORY.format(
        title="Bluewave files for bankruptcy",
        date="June 15, 2030",
        lead="The ferry company Bluewave filed for bankruptcy in Tarrow on Friday, the company said.",
        body="Its chief executive, Lena Morrow, held a press conference in the harbour on Friday. "
        "The company had bought three new ferries in 2027. Morrow said the ferries would sail again.",
    ),
    "stranded.txt": STORY.format(
        title="Passengers stranded in Tarrow",
        date="June 16, 2030",
        lead="Bluewave's bankruptcy filing on Friday left hundreds of passengers in Tarrow without a ferry.",
        body="The port of Tarrow opened in 1998. Seaway Lines will add two crossings in July.",
    ),
    "mayor.txt": STORY.format(
        title="Tarrow mayor resigns",
        date="June 18, 2030",
        lead="Mayor Ana Ruiz of Tarrow resigned on Monday after a vote of the town council.",
        body="Ruiz did not comment on the vote. The council will elect a new mayor in September.",
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from conftest import Site, build_site

    root = tmp_path_factory.mktemp("chronology")
    content = root / "content"
    (content / "seeds").mkdir(parents=True)
    for name, text in SEEDS.items():
        (content / "seeds" / name).write_text(text, encoding="utf-8")
    (content / "dossier.yaml").write_text("title: Tarrow ferries\n", encoding="utf-8")
    return Site(build_site(content, root / "output"))


def test_the_chronology_opens_on_the_main_events_one_line_each(site):
    data = site.json()
    main = {e["id"]: e for e in data["events"] if e["main"]}
    assert main and len(main) <= len(data["articles"])  # about one main event per article at most
    filing = next(e for e in data["events"] if "bankruptcy" in e["summary"])
    assert filing["main"]
    assert len({s["article"] for s in filing["sources"]}) == 2  # two articles, one happening

    page = site.page("chronology/")
    lines = page.select("ol.chronology.main > li.event.line")
    shown = [li.select_one("a.what")["href"].rsplit("#event-", 1)[1] for li in lines]
    assert set(shown) == set(main)  # the main events, and only they, open the page
    for li in lines:
        assert li.select_one("time")["datetime"]  # its date
        count = li.select_one(".count").get_text()
        event = main[li.select_one("a.what")["href"].rsplit("#event-", 1)[1]]
        assert count == f"{len({s['article'] for s in event['sources']})} source" + (
            "s" if len({s["article"] for s in event["sources"]}) > 1 else ""
        )
        assert "\n" not in li.select_one("a.what").get_text().strip()  # one line: the summary alone
    row = next(li for li in lines if filing["id"] in li.a["href"])
    assert row.select_one(".count").get_text() == "2 sources"


def test_every_event_of_a_year_is_behind_its_main_events(site):
    data = site.json()
    page = site.page("chronology/")
    every = {e["id"] for e in data["events"] if e["date"].startswith("2030")}
    section = page.find(id="y2030").parent
    listed = {
        a["href"].rsplit("#event-", 1)[1]
        for a in section.select("ol.chronology.main a.what, details.all-events a.what")
    }
    assert listed == every
    assert section.select("ol.chronology.main")[-1].sourceline < section.select_one("details").sourceline


def test_the_events_grammar_is_in_the_json(site):
    data = site.json()
    resigned = next(e for e in data["events"] if e["action"] == "resign")
    assert resigned["status"] == "happened" and resigned["agents"] == ["person/ana-ruiz"]
    assert all(isinstance(e["weight"], float) and isinstance(e["main"], bool) for e in data["events"])
    # what did not happen, and what was only said, is not on the chronology
    assert not any("did not comment" in e["summary"] for e in data["events"])
    assert not any("would sail" in e["summary"] for e in data["events"])
    # no summary opens on a pronoun: "Its chief executive" is Bluewave's, named in the paragraph before
    assert not any(
        e["summary"].split()[0].lower() in ("he", "she", "it", "its", "his", "her") for e in data["events"]
    )
    assert any(
        e["summary"].startswith("Bluewave's chief executive, Lena Morrow, held") for e in data["events"]
    )
    expected = next(e for e in data["events"] if e["date"] == "2030-09")
    assert expected["status"] == "expected"


def test_a_year_without_main_events_opens_to_its_events(site):
    data = site.json()
    page = site.page("chronology/")
    section = page.find(id="y1998").parent
    assert not section.select("ol.chronology.main")
    [opened] = section.select("details.all-events a.what")
    assert opened["href"].endswith("#event-" + next(e["id"] for e in data["events"] if e["date"] == "1998"))
    assert "#y1998" in [a["href"] for a in page.select("nav.years a")]
