"""/updates/: what each build changed, from snapshots of invented dossiers and from real rebuilds."""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET

import pytest

from dossier.corpus.updates import (
    KEEP_BUILDS,
    advance,
    compare,
    load_history,
    save_history,
    snapshot,
    to_atom,
)
from dossier.model import Change, History

from conftest import Site, build_site


def data(articles=(), entities=(), events=(), roles=None) -> dict:
    """Contract data (as contract.to_json writes it) of an invented dossier."""
    ents = [{"id": i, "name": n, "type": t, "roles": (roles or {}).get(i, [])} for i, n, t in entities]
    return {
        "articles": [{"id": i, "title": t, "date": d, "body": [f"Body of {t}."]} for i, t, d in articles],
        "entities": ents,
        "events": [
            {
                "id": i,
                "date": d,
                "status": s,
                "summary": f"Summary of {i}",
                "sources": [{"article": a, "sentence": f"{i} in {a}"} for a in sources],
                "conflicts": [{"field": f, "values": []} for f in conflicts],
            }
            for i, d, s, sources, conflicts in events
        ],
    }


BASE = data(
    articles=[("a1", "First report", "2021-03-01")],
    entities=[("person/ann-lee", "Ann Lee", "person")],
    events=[("e1", "2021-03-01", "happened", ["a1"], []), ("e2", "2021-04", "expected", ["a1"], [])],
)


def kinds(changes: list[Change]) -> list[tuple[str, str]]:
    return [(c.kind, c.id) for c in changes]


def test_the_same_dossier_has_no_changes():
    assert compare(snapshot(BASE), snapshot(copy.deepcopy(BASE))) == []


def test_articles_added_and_removed():
    new = data(
        articles=[("a2", "Second report", "2021-03-05")],
        entities=[("person/ann-lee", "Ann Lee", "person")],
        events=[],
    )
    changes = compare(snapshot(BASE), snapshot(new))
    assert ("article-added", "a2") in kinds(changes) and ("article-removed", "a1") in kinds(changes)
    added = next(c for c in changes if c.kind == "article-added")
    assert (added.label, added.after) == ("Second report", "2021-03-05")


def test_new_entities_with_their_type():
    new = copy.deepcopy(BASE)
    new["entities"].append(
        {"id": "organisation/port-board", "name": "Port Board", "type": "organisation", "roles": []}
    )
    [change] = compare(snapshot(BASE), snapshot(new))
    assert (change.kind, change.id, change.label, change.type) == (
        "entity-added",
        "organisation/port-board",
        "Port Board",
        "organisation",
    )


def test_new_events_and_events_that_gained_sources():
    new = copy.deepcopy(BASE)
    new["events"][0]["sources"].append({"article": "a2", "sentence": "Another report of it."})
    new["events"].append(
        {
            "id": "e3",
            "date": "2021-05-02",
            "status": "happened",
            "summary": "A strike",
            "sources": [{"article": "a2", "sentence": "A strike."}],
            "conflicts": [],
        }
    )
    changes = compare(snapshot(BASE), snapshot(new))
    assert kinds(changes) == [("event-added", "e3"), ("event-sources", "e1")]
    assert (changes[1].before, changes[1].after) == ("1", "2")


def test_expected_events_reported_as_happened_and_other_status_changes():
    new = copy.deepcopy(BASE)
    new["events"][1]["status"] = "happened"
    new["events"][0]["status"] = "expected"
    changes = compare(snapshot(BASE), snapshot(new))
    assert kinds(changes) == [("event-happened", "e2"), ("event-status", "e1")]
    assert (changes[0].before, changes[0].after) == ("expected", "happened")


def test_a_new_date_even_when_the_id_changed_with_it():
    new = copy.deepcopy(BASE)
    new["events"][0].update(id="e1-renamed", date="2021-02-28")  # same report, a corrected date
    changes = compare(snapshot(BASE), snapshot(new))
    assert kinds(changes) == [("event-date", "e1-renamed")]
    assert (changes[0].before, changes[0].after) == ("2021-03-01", "2021-02-28")


def test_new_conflicts():
    new = copy.deepcopy(BASE)
    new["events"][0]["conflicts"] = [{"field": "date", "values": []}]
    changes = compare(snapshot(BASE), snapshot(new))
    assert kinds(changes) == [("conflict-added", "e1")] and changes[0].after == "date"


def test_new_roles():
    role = {
        "role": "harbour master",
        "of": "Porthaven",
        "from": "2021",
        "until": None,
        "as_of": [],
        "status": "current",
        "sources": [],
    }
    old = data(entities=[("person/ann-lee", "Ann Lee", "person")], roles={"person/ann-lee": []})
    new = data(entities=[("person/ann-lee", "Ann Lee", "person")], roles={"person/ann-lee": [role]})
    [change] = compare(snapshot(old), snapshot(new))
    assert (change.kind, change.id, change.label) == (
        "role-added",
        "person/ann-lee",
        "Ann Lee: harbour master",
    )


def test_a_first_build_then_no_changes_then_changes_then_a_bounded_history():
    first = advance(History(), snapshot(BASE), "2021-03-02")
    assert first.changed and first.builds[0].first and first.builds[0].articles == 1
    again = advance(first, snapshot(copy.deepcopy(BASE)), "2021-03-03")
    assert not again.changed and again.builds == first.builds and again.date == "2021-03-03"
    history = again
    for n in range(KEEP_BUILDS + 3):
        grown = copy.deepcopy(BASE)
        grown["articles"].append({"id": f"n{n}", "title": f"Report {n}", "date": None, "body": ["Text."]})
        history = advance(history, snapshot(grown), f"2021-04-{n + 1:02}")
    assert len(history.builds) == KEEP_BUILDS and history.builds[0].date == f"2021-04-{KEEP_BUILDS + 3:02}"


def test_the_history_survives_a_save_and_a_broken_file_is_a_first_build(tmp_path):
    history = advance(advance(History(), snapshot(BASE), "2021-03-02"), snapshot(data()), "2021-03-04")
    save_history(tmp_path / "history.json", history)
    loaded = load_history(tmp_path / "history.json")
    assert (loaded.builds, loaded.snapshot) == (history.builds, history.snapshot)
    (tmp_path / "broken.json").write_text('{"version": 1, "builds": [{"date": ', encoding="utf-8")
    assert load_history(tmp_path / "broken.json") == History()
    assert load_history(tmp_path / "missing.json") == History()


def test_the_feed_has_one_entry_per_build():
    history = advance(advance(History(), snapshot(BASE), "2021-03-02"), snapshot(data()), "2021-03-04")
    feed = ET.fromstring(to_atom(history, "Harbour <news>", "../updates/", "updates.atom.xml"))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = feed.findall("a:entry", ns)
    assert [e.find("a:updated", ns).text for e in entries] == ["2021-03-04T00:00:00Z", "2021-03-02T00:00:00Z"]
    assert feed.find("a:title", ns).text == "Harbour <news>: updates"
    assert "First report" in entries[0].find("a:content", ns).text
    assert all(e.find("a:link", ns).get("href").startswith("../updates/#build-") for e in entries)


# --- real rebuilds --------------------------------------------------------------------------------

STORY = """{title}

Home | World | Business

PORTHAVEN, {date} (Coast Wire) -- {text}

The harbour board said the work on the northern quay would be finished before the end of the summer, and that the fishing fleet would be told in good time.

Copyright 2021 Coast Wire. All rights reserved.
"""
FIRST = STORY.format(
    title="Minister visits the northern harbour",
    date="March 3, 2021",
    text="Minister Ali Hassan visited the northern harbour of Porthaven on Wednesday with Governor "
    "Maria Lopez to see the repairs after the storm.",
)
LATER = STORY.format(
    title="Fleet returns as Porthaven harbour reopens",
    date="April 12, 2021",
    text="The fishing fleet sailed back into Porthaven on Monday as the harbour reopened, said "
    "Admiral Tomas Berg, who met Governor Maria Lopez at the quay.",
)


SITE = "https://example.org/harbour"  # feeds need an absolute address


@pytest.fixture
def rebuild(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1618272000")  # 2021-04-13
    content = tmp_path / "content"
    (content / "seeds").mkdir(parents=True)
    builds = iter(range(100))

    def build(**seeds: str) -> Site:
        for name, text in seeds.items():
            (content / "seeds" / name).write_text(text, encoding="utf-8")
        return Site(
            build_site(content, tmp_path / f"output{next(builds)}", SITEURL=SITE, RELATIVE_URLS=False)
        )

    return build


def test_first_build_no_changes_then_a_new_article_with_its_people_and_events(rebuild):
    first = rebuild(**{"first.txt": FIRST})
    page = first.page("updates/")
    assert "First build: 1 article" in page.select_one("section.build").get_text(" ")
    assert page.select_one("section.build h2 time")["datetime"] == "2021-04-13"
    assert "no changes" not in page.get_text()

    second = rebuild()
    page = second.page("updates/")
    assert "no changes since the previous build" in page.select_one("#latest").get_text(" ")
    assert len(page.select("section.build")) == 1  # the first build, still listed

    third = rebuild(**{"later.txt": LATER})
    data = third.json()
    later = next(a for a in data["articles"] if a["title"].startswith("Fleet returns"))
    latest = third.page("updates/").select_one("section.build")
    assert "(this build)" in latest.find("h2").get_text()
    added = [a.get_text() for a in latest.select("ul.article-added a")]
    assert added == [later["title"]]
    new_people = {a.get_text() for a in latest.select("ul.entity-added a")}
    old_ids = {e["id"] for e in first.json()["entities"]}
    assert new_people == {e["name"] for e in data["entities"] if e["id"] not in old_ids} and new_people
    assert any("Berg" in name for name in new_people)
    new_events = {a["href"].split("#event-")[-1] for a in latest.select("ul.event-added a")}
    assert new_events and new_events <= {e["id"] for e in data["events"]}
    assert new_events == {
        e["id"] for e in data["events"] if {s["article"] for s in e["sources"]} == {later["id"]}
    }

    feed = ET.parse(third.output / "feeds" / "updates.atom.xml").getroot()
    entries = feed.findall("{http://www.w3.org/2005/Atom}entry")
    assert (
        len(entries) == 2 and later["title"] in entries[0].find("{http://www.w3.org/2005/Atom}content").text
    )

    fourth = rebuild()
    assert "no changes" in fourth.page("updates/").select_one("#latest").get_text()
    assert (fourth.output / "feeds" / "updates.atom.xml").read_bytes() == (
        third.output / "feeds" / "updates.atom.xml"
    ).read_bytes()
