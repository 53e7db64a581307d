"""`dossier inspect FILE... [--registry YAML]`: the same whole object as the build's dossier.json, for just
those files, without building; a bad registry is named and exits 2."""

import json

from dossier import cli

from conftest import ROOT

SEEDS = sorted((ROOT / "content" / "seeds").glob("*.txt"))


def inspect(capsys, *args: str) -> tuple[int, dict | None, str]:
    status = cli.main(["inspect", *args])
    out, err = capsys.readouterr()
    return status, json.loads(out) if out else None, err


def by_file_name(data: dict) -> dict:
    """The object with each article's and problem's file as its name (the build reads a copy of the seeds)."""
    for record in data["articles"] + data["problems"]:
        key = "source_file" if "source_file" in record else "file"
        record[key] = record[key].rsplit("/", 1)[-1]
    return data


def test_inspect_prints_what_the_build_writes(seed_site, capsys):
    status, data, err = inspect(capsys, *map(str, SEEDS))
    assert status == 0 and err == ""
    assert by_file_name(data) == by_file_name(seed_site.json())


def test_inspect_reads_only_the_files_it_is_given(seed_site, capsys):
    status, data, _ = inspect(capsys, str(SEEDS[0]))
    assert status == 0
    assert [a["source_file"] for a in data["articles"]] == [str(SEEDS[0])]
    built = next(a for a in seed_site.json()["articles"] if a["source_file"].endswith(SEEDS[0].name))
    assert data["articles"][0]["body"] == built["body"] and data["articles"][0]["id"] == built["id"]


def test_inspect_applies_a_registry_and_names_a_bad_one(tmp_path, capsys):
    registry = tmp_path / "dossier.yaml"
    registry.write_text(f"articles:\n  {SEEDS[0].name}: {{title: A title the analyst chose}}\n")
    status, data, _ = inspect(capsys, str(SEEDS[0]), "--registry", str(registry))
    assert status == 0 and data["articles"][0]["title"] == "A title the analyst chose"

    registry.write_text("entities:\n  - name: X\n    type: planet\n")
    status, data, err = inspect(capsys, str(SEEDS[0]), "--registry", str(registry))
    assert status == 2 and data is None
    assert err.startswith(f"dossier: {registry}:3: entities[0].type:"), err
