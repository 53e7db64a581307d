"""The curated registry: everything a user may write loads; every mistake names its line and key."""

import pytest

from dossier.registry import EventCorrection, RegistryError, check_references, load_registry

FULL = """\
title: Water rights in the Nile basin
summary: Dams, treaties and talks.
articles:
  002_dam.txt:
    title: Ethiopia fills the dam
    date: 2020-07-21
    publisher: Example Wire
    drop: ["Read more"]
    keep: ["(compiled from agency reports)"]
entities:
  - name: Abiy Ahmed
    type: person
    aliases: [Abiy, PM Abiy]
    description: Prime Minister of Ethiopia.
  - name: Grand Ethiopian Renaissance Dam
    type: place
    aliases: [GERD]
ignore: [Breaking News]
events:
  add:
    - {date: 2020-07, summary: First filling of the reservoir, status: happened, entities: [Abiy Ahmed]}
  hide: [2015-03-23-declaration]
  merge: [[a, b]]
  correct: {2020-07-21-dam: {date: 2020-07-15, status: expected}}
topics:
  - name: The dam dispute
    phrases: [dam, reservoir]
    entities: [GERD]
hide_topics: [Weather]
rename_topics: {Nile water: The Nile's water}
roles:
  - {person: Abiy Ahmed, role: Prime Minister, of: Ethiopia, from: 2018-04-02}
  - {person: Abiy, role: party leader, hide: true}
relations:
  - {entity: Ethiopia, kind: signed, to: Declaration of Principles, from: 2015-03-23}
"""


def write(tmp_path, text):
    path = tmp_path / "dossier.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_full_registry_loads(tmp_path):
    registry = load_registry(write(tmp_path, FULL))
    assert registry.title == "Water rights in the Nile basin"
    override = registry.override_for("content/seeds/002_dam.txt")
    assert (override.title, override.date, override.drop) == (
        "Ethiopia fills the dam",
        "2020-07-21",
        ["Read more"],
    )
    assert registry.entities[0].aliases == ["Abiy", "PM Abiy"]
    assert registry.entities[1].type == "place"
    assert registry.ignore == ["Breaking News"]
    assert registry.add_events[0].date == "2020-07" and registry.add_events[0].entities == ["Abiy Ahmed"]
    assert registry.correct_events["2020-07-21-dam"] == EventCorrection(date="2020-07-15", status="expected")
    assert registry.topics[0].phrases == ["dam", "reservoir"]
    assert registry.rename_topics == {"Nile water": "The Nile's water"}
    first, hidden = registry.roles
    assert (first.person, first.role, first.of, first.since, first.hide) == (
        "Abiy Ahmed",
        "Prime Minister",
        "Ethiopia",
        "2018-04-02",
        False,
    )
    assert hidden.hide is True
    [signed] = registry.relations
    assert (signed.entity, signed.kind, signed.to, signed.since) == (
        "Ethiopia",
        "signed",
        "Declaration of Principles",
        "2015-03-23",
    )


def test_missing_or_empty_file_is_the_empty_registry(tmp_path):
    assert load_registry(tmp_path / "none.yaml").entities == []
    assert load_registry(write(tmp_path, "# only a comment\n")).title == "Dossier"


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("title: [unclosed\n", 2, ["YAML syntax error"]),
        ("title: ok\ncolour: blue\n", 2, ["unknown key 'colour'"]),
        ("entities:\n  - name: X\n    aliases: Y\n", 3, ["entities[0].aliases", "expected a list"]),
        ("entities:\n  - type: person\n", 2, ["entities[0]", "missing required key 'name'"]),
        ("entities:\n  - name: X\n    type: animal\n", 3, ["entities[0].type", "animal"]),
        ("articles:\n  a.txt:\n    date: June 5\n", 3, ["articles.a.txt.date", "YYYY-MM-DD"]),
        ("events:\n  add:\n    - {date: 2020, summary: s, status: maybe}\n", 3, ["events.add[0].status"]),
        ("title:\n", 1, ["title", "expected text"]),
        ("roles:\n  - {person: X}\n", 2, ["roles[0]", "missing required key 'role'"]),
        (
            "roles:\n  - person: X\n    role: chair\n    from: last spring\n",
            4,
            ["roles[0].from", "YYYY-MM-DD"],
        ),
        ("roles:\n  - person: X\n    role: chair\n    status: retired\n", 4, ["roles[0].status", "current"]),
        ("roles:\n  - person: X\n    role: chair\n    hide: maybe\n", 4, ["roles[0].hide", "true or false"]),
        ("relations:\n  - {entity: X, kind: likes, to: Y}\n", 2, ["relations[0].kind", "'member of'"]),
    ],
)
def test_mistakes_name_line_and_key(tmp_path, text, line, words):
    with pytest.raises(RegistryError) as caught:
        load_registry(write(tmp_path, text))
    message = str(caught.value)
    assert f"dossier.yaml:{line}:" in message
    for word in words:
        assert word in message


def test_references_to_unknown_entities_and_events_name_line_and_key(tmp_path):
    registry = load_registry(write(tmp_path, FULL))
    messages = check_references(registry, {"abiy ahmed", "abiy"}, {"a"})
    assert any(m == "line 28: topics[0].entities: no entity named 'GERD'" for m in messages)
    assert any("events.merge[0]: no event with id 'b'" in m for m in messages)
    assert any("events.correct.2020-07-21-dam" in m for m in messages)
    assert not any("Abiy Ahmed" in m for m in messages)
    assert "line 35: relations[0].to: no entity named 'Declaration of Principles'" in messages


@pytest.mark.parametrize(
    "text, line, words",
    [
        (
            "articles:\n  a.txt:\n    date: 2007-02-30\n",
            3,
            ["articles.a.txt.date", "February 2007 has no day 30"],
        ),
        ("articles:\n  a.txt:\n    date: 2007-00\n", 3, ["articles.a.txt.date", "there is no month 0"]),
        ("articles:\n  a.txt:\n    date: '0000'\n", 3, ["there is no year 0"]),
        ("events:\n  add:\n    - {date: 2007-13, summary: s}\n", 3, ["events.add[0].date", "no month 13"]),
        ("events:\n  add:\n    - {date: 9999-99-99, summary: s}\n", 3, ["no month 99"]),
        ("events:\n  add:\n    - {date: 0000-00-00, summary: s}\n", 3, ["no year 0"]),
        (
            "events:\n  correct: {x: {date: 2007-02-29}}\n",
            2,
            ["events.correct.x.date", "February 2007 has no day 29"],
        ),
        ("title: " + "[" * 50_000 + "]" * 50_000 + "\n", 1, ["nested more than 50 levels"]),
        ("title: ok\nentities:\n" + "- " * 3000 + "x\n", 3, ["nested more than 50 levels"]),
        ("title: ok\nsummary: a\x00b\n", 2, ["U+0000 is not allowed"]),
        ("title: a\nsummary: b\ntitle: c\n", 3, ["key 'title' is given twice (also on line 1)"]),
        (
            "entities:\n  - name: X\n    name: Y\n",
            3,
            ["entities[0]", "key 'name' is given twice (also on line 2)"],
        ),
        ("? [a]\n: b\n", 1, ["a key must be a single value"]),
        (
            "hide_topics: &a ["
            + ",".join(["x"] * 1000)
            + "]\nevents:\n  merge: ["
            + ",".join(["*a"] * 1000)
            + "]\n",
            1,
            ["more than 200,000 values once aliases (*name) are expanded"],
        ),
    ],
)
def test_impossible_dates_and_hostile_yaml_name_their_line(tmp_path, text, line, words):
    test_mistakes_name_line_and_key(tmp_path, text, line, words)


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-8-sig"])
def test_a_registry_in_another_encoding_is_read(tmp_path, encoding):
    path = tmp_path / "dossier.yaml"
    path.write_bytes("title: Caf\u00e9 \u2013 Gen\u00e8ve talks\nignore: [M\u00fcller]\n".encode(encoding))
    registry = load_registry(path)
    assert (registry.title, registry.ignore) == ("Caf\u00e9 \u2013 Gen\u00e8ve talks", ["M\u00fcller"])


def test_a_binary_registry_is_named(tmp_path):
    path = tmp_path / "dossier.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    with pytest.raises(RegistryError, match="dossier.yaml: is binary, not text"):
        load_registry(path)


def test_references_to_unknown_seeds_name_line_and_key(tmp_path):
    registry = load_registry(
        write(
            tmp_path,
            """\
articles:
  002_dam.txt: {title: Right}
  002_dam: {title: Also right}
  0O2_dam.txt: {title: A typo}
  ../../etc/passwd: {title: Outside}
entities:
  - name: Bill Gates
    articles: [002_dam.txt, 042_software.txt]
events:
  add:
    - {date: 2020-07, summary: Filling, article: no_such_seed.txt}
    - {date: 2020-07, summary: Filling, article: 002_dam}
""",
        )
    )
    messages = check_references(registry, {"bill gates"}, set(), {"002_dam.txt", "003_other.txt"})
    assert messages == [
        "line 4: articles.0O2_dam.txt: no seed file named '0O2_dam.txt'",
        "line 5: articles.../../etc/passwd: no seed file named '../../etc/passwd'",
        "line 8: entities[0].articles: no seed file named '042_software.txt'",
        "line 11: events.add[0].article: no seed file named 'no_such_seed.txt'",
    ]


@pytest.mark.parametrize("name", ["002_dam.txt", "002_dam"])
def test_every_stage_finds_a_seed_by_its_file_name_or_stem(tmp_path, name):
    from dossier.entities.merge import Rules
    from dossier.events.stage import added_event
    from dossier.model import Article

    registry = load_registry(
        write(
            tmp_path,
            f"""\
articles:
  {name}: {{title: Right}}
entities:
  - {{name: Bill Gates, articles: [{name}]}}
events:
  add:
    - {{date: 2020-07, summary: Filling, article: {name}}}
""",
        )
    )
    article = Article("ethiopia-fills-the-dam", "content/seeds/002_dam.txt", "t", date="2020-07-21")
    assert registry.override_for(article.source_file).title == "Right"
    assert check_references(registry, {"bill gates"}, set(), {"002_dam.txt"}) == []
    assert Rules(registry, [article]).seed_names[article.id] == {article.id, "002_dam.txt", "002_dam"}
    assert [s.article for s in added_event(registry.add_events[0], [article], []).sources] == [article.id]
