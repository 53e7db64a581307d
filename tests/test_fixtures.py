"""Every rule's cases, one file per rule under tests/fixtures/<stage>/, run by this one test.

A fixture file is markdown-it-py's format (`markdown_it.utils.read_fixture_file`): its first line
names the runner (`runner: NAME`, a function of tests/fixtures/runners.py turning an input into the
text expected), then cases, each a title line and two blocks closed by a line holding one '.':

    runner: event_status
    # comments may follow the runner line
    a conditional is hypothetical
    .
    If the talks fail, the union could strike.
    .
    hypothetical
    .

Adding a rule is a function plus its fixture file; the cases are written for the tests, never copied
from an article set.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures import runners
from markdown_it.utils import read_fixture_file

FIXTURES = Path(__file__).parent / "fixtures"
STAGES = ("ingest", "language", "entities", "events", "topics", "corpus", "publish")


def runner_of(path: Path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("runner: "), f"{path}: the first line must be 'runner: NAME'"
    name = first.removeprefix("runner: ").strip()
    assert name in runners.RUNNERS, f"{path}: no runner {name!r} in tests/fixtures/runners.py"
    return runners.RUNNERS[name]


def cases():
    for path in sorted(FIXTURES.glob("*/*.txt")):
        for line, title, given, expected in read_fixture_file(path):
            rel = path.relative_to(FIXTURES)
            yield pytest.param(path, given, expected, id=f"{rel.with_suffix('')}:{line}:{title[:40]}")


@pytest.mark.parametrize(("path", "given", "expected"), list(cases()))
def test_fixture(path, given, expected):
    assert runner_of(path)(given).strip() == expected.strip()


def test_every_stage_has_fixtures():
    missing = [stage for stage in STAGES if not list((FIXTURES / stage).glob("*.txt"))]
    assert not missing, f"stages without a fixture file: {missing}"
