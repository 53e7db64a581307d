"""/export/: the dossier as CSV and GraphML, read back with the tools an analyst would use."""

from __future__ import annotations

import csv
import io

import networkx
import pytest

from dossier.publish.export import TABLES, safe_cell

SEEDS = {
    "harbour.txt": """Home | World | Business

Ministers agree to reopen the northern harbour

PORTHAVEN, March 3, 2021 (Coast Wire) -- Minister Ali Hassan met Governor Maria Lopez in Porthaven on Wednesday to agree on reopening the northern harbour, the ministry said.

=HYPERLINK("http://example.invalid/steal","click") Ali Hassan told reporters in Porthaven that the harbour would reopen on April 12, 2021, after repairs.

Maria Lopez said the Harbour Authority would publish a timetable for the fishing fleet before the end of March.

Copyright 2021 Coast Wire. All rights reserved.
""",
    "fleet.txt": """Fleet returns to Porthaven as harbour opens

PORTHAVEN, April 12, 2021 (Coast Wire) -- The fishing fleet sailed back into Porthaven on Monday as the northern harbour reopened, Governor Maria Lopez said.

+Minister Ali Hassan, who visited the quay with Maria Lopez, said the Harbour Authority had finished the repairs in nine weeks.

-The harbour had been closed since a storm on January 5, 2021, the Harbour Authority said in a statement.
""",
}
REGISTRY = """\
entities:
  - {name: Ali Hassan, type: person, aliases: [Minister Ali Hassan]}
  - {name: Maria Lopez, type: person, aliases: [Governor Maria Lopez]}
  - {name: Harbour Authority, type: organisation}
  - {name: Porthaven, type: place}
relations:
  - {entity: Harbour Authority, kind: based in, to: Porthaven}
"""


@pytest.mark.parametrize(
    "text, cell",
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+1 555 0100", "'+1 555 0100"),
        ("-2", "'-2"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\tindented", "'\tindented"),
        ("A plain sentence = fine.", "A plain sentence = fine."),
        (["a", "=b"], "a; =b"),
        (3, "3"),
        (None, ""),
    ],
)
def test_a_formula_looking_cell_is_escaped(text, cell):
    assert safe_cell(text) == cell


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from conftest import Site, build_site

    content = tmp_path_factory.mktemp("export-content")
    (content / "seeds").mkdir()
    for name, text in SEEDS.items():
        (content / "seeds" / name).write_text(text, encoding="utf-8")
    (content / "dossier.yaml").write_text(REGISTRY, encoding="utf-8")
    return Site(build_site(content, tmp_path_factory.mktemp("export") / "output"))


def read_csv(site, name: str) -> list[dict]:
    raw = (site.output / "export" / name).read_bytes()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert rows is not None
    return rows


def unescape(cell: str) -> str:
    return cell[1:] if cell[:2] in ("'=", "'+", "'-", "'@") else cell


def test_each_table_has_its_declared_header(site):
    for table in TABLES:
        with open(site.output / "export" / table.file, encoding="utf-8", newline="") as handle:
            assert next(csv.reader(handle)) == [c.name for c in table.columns]


def test_entities_and_mentions_match_dossier_json(site):
    data = site.json()
    entities = read_csv(site, "entities.csv")
    assert [r["id"] for r in entities] == [e["id"] for e in data["entities"]]
    assert {"person/ali-hassan", "person/maria-lopez"} <= {r["id"] for r in entities}
    for row, entity in zip(entities, data["entities"]):
        assert (row["name"], row["type"], row["url"]) == (entity["name"], entity["type"], entity["url"])
        assert int(row["mentions"]) == len(entity["mentions"])
        assert row["articles"].split("; ") == entity["articles"]
    mentions = read_csv(site, "mentions.csv")
    expected = [
        (e["id"], m["article"], m["text"], m["sentence"]) for e in data["entities"] for m in e["mentions"]
    ]
    assert [(r["entity"], r["article"], r["text"], unescape(r["sentence"])) for r in mentions] == expected


def test_events_match_dossier_json(site):
    data = site.json()
    events = read_csv(site, "events.csv")
    assert [r["id"] for r in events] == [e["id"] for e in data["events"]] and events
    for row, event in zip(events, data["events"]):
        assert (row["date"], row["precision"], row["status"]) == (
            event["date"],
            event["precision"],
            event["status"],
        )
        assert unescape(row["summary"]) == event["summary"]
        assert row["entities"] == "; ".join(event["entities"])
        assert row["sources"].split("; ") == list(dict.fromkeys(s["article"] for s in event["sources"]))


def test_the_seed_s_formula_is_an_escaped_cell(site):
    cells = [
        cell
        for name in ("mentions.csv", "events.csv")
        for row in read_csv(site, name)
        for cell in row.values()
    ]
    hyperlinks = [cell for cell in cells if "HYPERLINK" in cell]
    assert hyperlinks and all(
        cell.startswith("'=HYPERLINK(") for cell in hyperlinks if cell.lstrip("'").startswith("=")
    )
    assert any(cell.startswith("'=HYPERLINK(") for cell in hyperlinks)
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]


def test_roles_table_has_the_contract_s_columns(site):
    data = site.json()
    roles = read_csv(site, "roles.csv")

    def cell(value) -> str:
        return "; ".join(value) if isinstance(value, list) else value or ""

    expected = [
        {
            "entity": e["id"],
            "role": r["role"],
            "of": cell(r["of"]),
            "from": cell(r["from"]),
            "until": cell(r["until"]),
            "as_of": cell(r["as_of"]),
            "status": r["status"],
            "sources": cell(list(dict.fromkeys(s["article"] for s in r["sources"]))),
        }
        for e in data["entities"]
        for r in e["roles"]
    ]
    assert [{k: unescape(v) for k, v in row.items()} for row in roles] == expected


def test_the_network_opens_in_networkx_with_types_and_weights(site):
    data = site.json()
    graph = networkx.read_graphml(site.output / "export" / "network.graphml")
    assert set(graph.nodes) == {e["id"] for e in data["entities"]}
    for entity in data["entities"]:
        node = graph.nodes[entity["id"]]
        assert (node["name"], node["type"], node["mentions"]) == (
            entity["name"],
            entity["type"],
            len(entity["mentions"]),
        )
    sentences = {}
    for entity in data["entities"]:
        for mention in entity["mentions"]:
            sentences.setdefault((mention["article"], mention["sentence"]), set()).add(entity["id"])
    a, b = "person/ali-hassan", "person/maria-lopez"
    together = sum(1 for ids in sentences.values() if {a, b} <= ids)
    assert together >= 1 and graph.edges[a, b]["weight"] == together
    assert all(graph.edges[u, v]["weight"] >= 1 for u, v in graph.edges)


def test_the_export_page_describes_every_file_and_the_overview_links_it(site):
    page = site.page("export/")
    links = {a["href"] for a in page.select("main a[download]")}
    assert links == {f"../export/{t.file}" for t in TABLES} | {"../export/network.graphml"} or {
        link.rsplit("/", 1)[-1] for link in links
    } == {t.file for t in TABLES} | {"network.graphml"}
    columns = [code.get_text() for code in page.select("table code")]
    assert columns == [c.name for t in TABLES for c in t.columns]
    assert any(a["href"].rstrip("/").endswith("export") for a in site.page("").select("main a"))


def test_dossier_json_is_laid_out_as_json_dumps_lays_it_out(site):
    """dossier.json is written a record at a time (contract.json_chunks): the same bytes as the whole
    object through json.dumps, on the built dossier and on values that need escaping."""
    import json

    from dossier.publish.contract import json_chunks

    raw = (site.output / "dossier.json").read_bytes()
    data = json.loads(raw)
    assert (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode() == raw
    odd = {
        "articles": [{"title": 'Quotes " and \\ slashes </script>\u2028é\x00\t', "body": [], "x": {}}],
        "entities": [],
        "events": [[]],
        "problems": None,
    }
    for value in (odd, {}, data):
        assert (
            b"".join(json_chunks(value)) == (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode()
        )


def test_relations_table_has_the_contract_s_columns(site):
    data = site.json()
    relations = read_csv(site, "relations.csv")
    expected = [
        {
            "entity": e["id"],
            "kind": r["kind"],
            "to": r["to"],
            "from": r["from"] or "",
            "until": r["until"] or "",
            "sources": "; ".join(dict.fromkeys(s["article"] for s in r["sources"])),
        }
        for e in data["entities"]
        for r in e["relations"]
    ]
    assert expected and [{k: unescape(v) for k, v in row.items()} for row in relations] == expected
