"""The distributed engine: a real Dask scheduler and two workers on 127.0.0.1 (`dask scheduler`,
`dask worker` subprocesses) analyse the seeds, and the site is byte for byte the local build's."""

from __future__ import annotations

import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_incremental import _all_same

from dossier import cli
from dossier.corpus import pipeline
from dossier.corpus.cache import Cache, NoCache
from dossier.corpus.engine import SCHEDULER_VARIABLE, EngineError
from dossier.corpus.pipeline import build_dossier
from dossier.registry import Registry
from dossier_site.settings import dossier_settings

from conftest import ROOT, build_site

STORY = (
    "{who} opens the {place} ferry line\n\n"
    "PORT {place}, April {day}, 2031 -- Transport minister {who} opened the ferry line between {place} and "
    "Velmora on Tuesday, the harbour authority said. The line will carry 400 passengers a day.\n\n"
    "The Velmora Shipping Company, which runs the boats, said it would add a second ship in June. "
    "{who} told reporters in {place} that fares would stay low until 2032.\n"
)
PLACES = ["Ardel", "Brisk", "Corvan", "Dunmere", "Eskar", "Fallow", "Gant", "Holm"]
PEOPLE = ["Ilse Varga", "Tomas Reyn", "Oda Kell", "Piet Marov"]
DASK = Path(sys.executable).with_name("dask")


def write_seeds(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        story = STORY.format(who=PEOPLE[n % len(PEOPLE)], place=PLACES[n % len(PLACES)], day=n % 28 + 1)
        (folder / f"{n:03}.txt").write_text(story.replace("400", str(100 + n)), encoding="utf-8")


@pytest.fixture
def cluster(tmp_path):
    """A scheduler and two single-threaded workers, each in its own process, stopped afterwards."""
    if not DASK.exists():
        pytest.skip("dask's command is not installed (pip install -e .)")
    address_file = tmp_path / "scheduler.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    common = ["--no-dashboard"]
    processes = [
        subprocess.Popen(
            [
                str(DASK),
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--scheduler-file",
                str(address_file),
            ]
            + common,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    ]
    try:
        deadline = time.monotonic() + 60
        while not address_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        address = json.loads(address_file.read_text())["address"]
        for name in ("one", "two"):
            processes.append(
                subprocess.Popen(
                    [str(DASK), "worker", address, "--nthreads", "1", "--name", name, "--host", "127.0.0.1"]
                    + common,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def test_a_cluster_build_is_the_local_build_byte_for_byte(tmp_path, cluster):
    content = tmp_path / "content"
    write_seeds(content / "seeds", 24)  # two batches of the engine: one for each worker
    local = build_site(content, tmp_path / "local" / "output")
    remote = build_site(content, tmp_path / "remote" / "output", DOSSIER={"scheduler": cluster})
    assert len(json.loads((local / "dossier.json").read_text())["articles"]) == 24
    assert _all_same(filecmp.dircmp(local, remote)), "the cluster's site differs from the local one"
    import cloudpickle
    from distributed import Client

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers cannot import the tests
    with Client(cluster, timeout=60) as client:
        loaded = client.run(_models_loaded)
    assert sorted(loaded.values()) == [1, 1], "each worker loads the model once and analyses seeds"
    # the workers' results went into the builder's cache: analysing the seeds here finds them all there
    seeds = pipeline.read_seeds(sorted(map(str, (content / "seeds").glob("*.txt"))), NoCache(), [])
    cache = Cache(tmp_path / "remote" / "cache")
    analysed = pipeline.analyse_seeds(seeds, pipeline.seed_entries(seeds, Registry()), cache, [])
    assert len(analysed) == 24 and cache.hits == 24 and cache.misses == 0


def _models_loaded() -> int:
    from dossier.language import nlp

    return nlp.load.cache_info().currsize


def test_workers_with_other_code_are_refused_before_any_work(tmp_path, cluster, monkeypatch):
    monkeypatch.setattr("dossier.corpus.engine.code_version", lambda: "some-other-commit")
    write_seeds(tmp_path / "seeds", 2)
    with pytest.raises(EngineError, match="run other code or another model"):
        build_dossier(sorted((tmp_path / "seeds").glob("*.txt")), scheduler=cluster)


def test_an_unreachable_scheduler_is_named(tmp_path, monkeypatch):
    monkeypatch.setattr("dossier.corpus.engine.CONNECT_SECONDS", 2)
    write_seeds(tmp_path / "seeds", 1)
    with pytest.raises(EngineError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        build_dossier(sorted((tmp_path / "seeds").glob("*.txt")), scheduler="tcp://127.0.0.1:9")


def test_the_scheduler_reaches_the_build_from_the_command_line_and_make(monkeypatch):
    monkeypatch.delenv(SCHEDULER_VARIABLE, raising=False)
    seen = []
    monkeypatch.setattr(
        "dossier_site.build.build",
        lambda *args, **kwargs: seen.append(dossier_settings({"DOSSIER": {}})["scheduler"]) or 0,
    )
    assert cli.main(["build", "--scheduler", "tcp://10.0.0.5:8786"]) == 0
    assert seen == ["tcp://10.0.0.5:8786"] and SCHEDULER_VARIABLE not in os.environ
    assert dossier_settings({"DOSSIER": {"scheduler": "tcp://h:1"}})["scheduler"] == "tcp://h:1"
    if shutil.which("make"):
        dry = subprocess.run(
            ["make", "-n", "html", "SCHEDULER=tcp://10.0.0.5:8786", f"STAMP={ROOT / 'Makefile'}"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert re.search(r"dossier build +--scheduler tcp://10.0.0.5:8786", dry.stdout), dry.stdout
