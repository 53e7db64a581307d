"""Hostile seeds and careless operators: nothing from outside the seeds is published, nothing hangs."""

import dataclasses
import fcntl
import functools
import os
import pickle
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import msgspec
import pytest
from bs4 import BeautifulSoup

from dossier import cli
from dossier.corpus import engine
from dossier.corpus.cache import Cache, Entry, _decode_hook, seed_hash
from dossier.corpus.pipeline import build_dossier
from dossier.entities import stage as entities
from dossier.files import write_atomically
from dossier.ingest.read import UnreadableSeed, read_bytes
from dossier.language import nlp
from dossier.language.text import MAX_SENTENCE, sentence_spans
from dossier.model import Article, Block
from dossier.publish.contract import to_json
from dossier.topics import phrases
from dossier_site.build import _swap, build

from conftest import ROOT, Site, build_site
from test_bad_input import GOOD

SECRET = "TOKEN-5f1e9c-not-for-publication"


@contextmanager
def deadline(seconds: int):
    """Turn a hang into a failure: the probes below blocked forever before."""

    def expire(*_):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    outside = tmp / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"Secret\n\n{GOOD.replace('farmers', SECRET)}")
    seeds = tmp / "content" / "seeds"
    seeds.mkdir(parents=True)
    (seeds / "good.txt").write_text(GOOD)
    os.symlink(outside / "secret.txt", seeds / "link.txt")
    os.symlink(outside, seeds / "folder")  # a folder of seeds somewhere else
    os.symlink(".", seeds / "loop")  # seeds/loop/loop/loop/...
    os.symlink("good.txt", seeds / "inside-link.txt")  # even a link to a seed is not followed
    os.mkfifo(seeds / "pipe.txt")
    (seeds / "sub").mkdir()
    (seeds / "sub" / "nested.txt").write_text(GOOD.replace("valley", "mountains"))
    (seeds / os.fsdecode(b"bad\xffname.txt")).write_text(GOOD.replace("valley", "plateau"))
    with deadline(300):
        return Site(build_site(seeds.parent, tmp / "output"))


def test_nothing_from_outside_the_seeds_is_published(hostile_site):
    for path in hostile_site.output.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


@pytest.mark.parametrize(
    "name, reason",
    [
        ("link.txt", "cannot be read: it is a symbolic link"),
        ("inside-link.txt", "cannot be read: it is a symbolic link"),
        ("folder", "cannot be read: it is a symbolic link"),
        ("loop", "cannot be read: it is a symbolic link"),
        ("pipe.txt", "cannot be read: it is a named pipe (FIFO), not a regular file"),
        ("bad\ufffdname.txt", "its file name is not valid UTF-8"),
    ],
)
def test_each_special_file_is_named_with_its_reason(hostile_site, name, reason):
    problems = {Path(p["file"]).name: p["message"] for p in hostile_site.json()["problems"]}
    assert reason in problems[name]
    assert name in hostile_site.page("problems/").get_text()


def test_regular_seeds_beside_them_are_built(hostile_site):
    files = {a["source_file"] for a in hostile_site.json()["articles"]}
    assert files == {"seeds/good.txt", "seeds/sub/nested.txt"}


def test_read_bytes_refuses_what_is_not_a_regular_file_inside_the_folder(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "outside.txt").write_text("x")
    (tmp_path / "seeds" / "a.txt").write_text("a")
    os.mkfifo(tmp_path / "seeds" / "pipe.txt")
    assert read_bytes(tmp_path / "seeds" / "a.txt", (tmp_path / "seeds",)) == b"a"
    with deadline(30):
        for path, reason in [
            (tmp_path / "seeds" / "pipe.txt", "named pipe"),
            (tmp_path / "seeds", "a folder"),
            (tmp_path / "outside.txt", "outside the seeds folder"),
            (tmp_path / "seeds" / ".." / "outside.txt", "outside the seeds folder"),
            (Path("/dev/zero"), "a device"),
        ]:
            with pytest.raises(UnreadableSeed, match=reason):
                read_bytes(path, (tmp_path / "seeds",))


LONG_NAME = (
    " ".join(["Allied Agricultural Producers Cooperative"] * 8) + " Of The Southern Valley"
)  # 358 characters
WATER_BOARD = (
    "Board water quotas hearing\n\n"
    "FRESNO, August 3, 2022 -- The International Federation Of Allied Agricultural Producers Cooperatives "
    "And Rural Water Users Associations Of The Southern Valley Region Against Excessive Quotas And Levies "
    "said on Monday that Maria Lopez of the water board would hear farmers, and Maria Lopez agreed to it.\n"
)


def test_long_and_empty_names_give_bounded_non_empty_slugs(make_site):
    assert len(LONG_NAME) == 358
    registry = (
        f"entities:\n  - name: {LONG_NAME}\n    type: person\n    aliases: [Maria Lopez]\n"
        f"topics:\n  - name: {LONG_NAME} quotas\n    phrases: [water quotas]\n"
        f"  - name: '!!! ???'\n    phrases: [water board]\n"
    )
    site = make_site({"board.txt": WATER_BOARD}, registry, TAG_FEED_ATOM="feeds/tags/{slug}.atom.xml")
    for path in site.output.rglob("*"):
        assert len(path.name.encode()) <= 100, path.name
    hrefs = [
        a["href"]
        for page in site.output.rglob("*.html")
        for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all("a", href=True)
    ]
    assert not [h for h in hrefs if "//" in h.split("://")[-1]], "a link with an empty slug"
    person = next(e for e in site.json()["entities"] if e["name"] == LONG_NAME)
    assert len(person["url"]) < 100 and (site.output / person["url"] / "index.html").exists()
    topics = {t["name"]: t for t in site.json()["topics"]}
    assert (site.output / topics["!!! ???"]["url"] / "index.html").exists()
    for folder in (site.output / "tags", site.output / "feeds" / "tags"):
        names = {p.name for p in folder.iterdir()}
        assert any(name.startswith("tag-") for name in names) and any(
            name.startswith("allied-") for name in names
        )


@pytest.mark.parametrize("run", ["A. B. C. ", "Mr. ", "J.R.R. ", "... ", "!!! "])
def test_sentences_of_a_long_run_of_initials_or_stops(run):
    """27 KB of initials took 7 s (quadratic); bench/pathological.py times every stage on 1 MB."""
    text = run * (27_000 // len(run)) + "Then it ended. Yes."
    spans = sentence_spans(text)
    assert text[spans[-1][0] : spans[-1][1]] == "Yes."
    if run[0].isalpha():  # initials and abbreviations hold the sentence open, up to the longest a sentence is
        lengths = [end - start for start, end in spans[:-2]]
        assert min(lengths) > MAX_SENTENCE - len(run) and max(lengths) <= MAX_SENTENCE
    assert sentence_spans("Gen. J.R. Smith met Mr. Lee in the U.S. on Monday. He left!") == [
        (0, 50),
        (51, 59),
    ]


def site_settings(tmp_path: Path, seeds: dict[str, str]) -> Path:
    content = tmp_path / "content"
    (content / "seeds").mkdir(parents=True)
    for name, text in seeds.items():
        (content / "seeds" / name).write_text(text)
    settings = tmp_path / "site.conf.py"
    settings.write_text(
        (ROOT / "pelican.conf.py").read_text()
        + f"\nPATH = {str(content)!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
        + f"DOSSIER = {{'registry': None, 'cache': {str(tmp_path / 'cache')!r}}}\n"
    )
    return settings


def test_a_second_build_in_the_same_folder_says_another_holds_the_lock(tmp_path, capsys):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("previous site")
    with open(tmp_path / ".output.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running build holds it
        lock.write("pid 4242")
        lock.flush()
        assert build(str(tmp_path / "none.conf.py"), str(output), quiet=True) == 75  # EX_TEMPFAIL
    assert "another build (pid 4242) is writing output/" in capsys.readouterr().err
    assert (output / "index.html").read_text() == "previous site"


def test_the_swap_never_leaves_the_site_missing(tmp_path, monkeypatch):
    """The swap was two renames: a crash between them left no output/."""
    target, staging = tmp_path / "output", tmp_path / "output.new-1"
    for folder, text in [(target, "old"), (staging, "new")]:
        folder.mkdir()
        (folder / "index.html").write_text(text)
    renames = []

    def crash_on_second_rename(source, destination):
        renames.append(source)
        if len(renames) == 2:
            raise KeyboardInterrupt("killed between the renames")
        os.replace(source, destination)

    monkeypatch.setattr(os, "rename", crash_on_second_rename)
    _swap(staging, target)
    assert (target / "index.html").read_text() == "new" and not staging.exists()


def test_an_old_folder_that_cannot_be_removed_is_named_and_does_not_fail_builds(
    tmp_path, monkeypatch, capsys
):
    settings = site_settings(tmp_path, {"good.txt": GOOD})
    (tmp_path / "output.old" / "stuck").mkdir(parents=True)
    real_rmtree = shutil.rmtree

    def rmtree(path, onerror=None, **options):  # as a folder held by another user or a busy mount
        if Path(path).name == "output.old":
            return onerror(
                os.rmdir,
                str(Path(path) / "stuck"),
                (PermissionError, PermissionError(13, "Permission denied"), None),
            )
        return real_rmtree(path, onerror=onerror, **options)

    monkeypatch.setattr(shutil, "rmtree", rmtree)
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        assert build(str(settings), str(tmp_path / "output"), quiet=True) == 0
        assert (tmp_path / "output" / "index.html").exists()
        err = capsys.readouterr().err
        assert "output.old, could not be removed" in err and "Permission denied" in err
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("output")) == [
        "output",
        "output.old",
    ]


def test_pagefind_does_not_outlive_a_killed_build(tmp_path):
    fake = tmp_path / "pagefind"
    fake.write_text(f"#!/bin/sh\necho $$ > {tmp_path / 'pid'}\nexec sleep 300\n")
    fake.chmod(0o755)
    script = (
        "import pagefind.service as s; s.get_executable = lambda: " + repr(str(fake)) + "\n"
        "from pathlib import Path; from dossier_site.search import run_pagefind; run_pagefind([], "
        "Path('out'))\n"
    )
    build_process = subprocess.Popen([sys.executable, "-c", script], cwd=tmp_path)
    try:
        child = int(wait_for(lambda: (tmp_path / "pid").exists() and (tmp_path / "pid").read_text().strip()))
    finally:
        build_process.kill()
        build_process.wait()
    assert wait_for(lambda: not alive(child)), "pagefind is still running after the build was killed"


def test_workers_do_not_outlive_a_killed_build(tmp_path):
    script = (
        "import functools, time, dossier.corpus.engine as e\n"
        "e.PARALLEL_MIN_JOBS = 1\n"
        "list(e.Local(2).map(functools.partial(e.each, time.sleep), [300] * 4, 1))\n"
    )
    build_process = subprocess.Popen([sys.executable, "-c", script])
    try:
        workers = wait_for(lambda: [int(pid) for pid in children(build_process.pid)])
    finally:
        build_process.kill()
        build_process.wait()
    assert wait_for(lambda: not any(alive(pid) for pid in workers)), (
        "workers still run after the build was killed"
    )


def children(pid: int) -> list[str]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return path.read_text().split() if path.exists() else []


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def wait_for(condition, seconds: float = 30):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    return condition()


def cached_build(seeds: Path, cache_folder: Path):
    cache = Cache(cache_folder)
    return build_dossier(sorted(seeds.glob("*.txt")), cache=cache), cache


def two_seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(GOOD)
    (seeds / "b.txt").write_text(WATER_BOARD)
    return seeds


def test_a_kept_file_is_replaced_whole_or_left_as_it_was(tmp_path):
    history = tmp_path / "state" / "history.json"
    assert write_atomically(history, b"first") and history.read_bytes() == b"first"
    assert write_atomically(history, b"second") and history.read_bytes() == b"second"
    assert list(history.parent.iterdir()) == [history]  # no temporary file left behind
    blocked = tmp_path / "a-file"
    blocked.write_bytes(b"not a folder")
    assert not write_atomically(blocked / "history.json", b"lost")  # the folder cannot be made
    os.mkdir(tmp_path / "full")
    target = tmp_path / "full" / "entry"
    target.mkdir()  # a folder where the file goes: the rename fails
    assert (
        not write_atomically(target, b"lost")
        and target.is_dir()
        and list((tmp_path / "full").iterdir()) == [target]
    )


def test_a_wrong_type_in_the_cache_is_recomputed(tmp_path):
    seeds = two_seeds(tmp_path)
    fresh, _ = cached_build(seeds, tmp_path / "cache")
    for entry in (tmp_path / "cache").rglob("*.msgpack"):
        stored = msgspec.msgpack.decode(entry.read_bytes())
        stored["value"] = {"article": 3} if "article" in stored["value"] else ["not", "a", "seed"]
        entry.write_bytes(msgspec.msgpack.encode(stored))
    again, cache = cached_build(seeds, tmp_path / "cache")
    assert cache.hits == 0 and to_json(again) == to_json(fresh)
    third, cache = cached_build(seeds, tmp_path / "cache")  # and the entries were written right again
    assert cache.misses == 0 and to_json(third) == to_json(fresh)


def test_two_swapped_entries_do_not_exchange_two_articles(tmp_path):
    seeds = two_seeds(tmp_path)
    fresh, _ = cached_build(seeds, tmp_path / "cache")
    (tmp_path / "cache" / "corpus.msgpack").unlink()  # the corpus steps' one slot has no twin to swap with
    entries = sorted((tmp_path / "cache").rglob("*.msgpack"), key=lambda p: p.stat().st_size)
    by_kind: dict[str, list[Path]] = {}
    for entry in entries:
        by_kind.setdefault(
            "work" if "candidates" in msgspec.msgpack.decode(entry.read_bytes())["value"] else "read", []
        ).append(entry)
    for first, second in by_kind.values():
        data = first.read_bytes()
        first.write_bytes(second.read_bytes())
        second.write_bytes(data)
    again, cache = cached_build(seeds, tmp_path / "cache")
    assert cache.hits == 0 and to_json(again) == to_json(fresh)


def test_a_crafted_entry_never_runs_code(tmp_path):
    seeds = two_seeds(tmp_path)
    cached_build(seeds, tmp_path / "cache")
    marker = tmp_path / "ran"

    class Exploit:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    for entry in (tmp_path / "cache").rglob("*.msgpack"):
        entry.write_bytes(pickle.dumps(Exploit()))
        entry.with_suffix(".pickle").write_bytes(pickle.dumps(Exploit()))  # the old format's name too
    dossier, cache = cached_build(seeds, tmp_path / "cache")
    assert not marker.exists() and cache.hits == 0 and len(dossier.articles) == 2


def test_a_new_field_in_the_per_seed_work_is_cached_without_a_change_to_the_cache():
    @dataclasses.dataclass
    class Role:
        holder: str
        since: str | None = None

    @dataclasses.dataclass
    class Work:  # as SeedWork grows a field of a new dataclass
        roles: list[Role]
        counts: Counter
        pairs: list[tuple[str, frozenset[str]]]

    cache = Cache("/nonexistent")
    value = Work([Role("Lopez", "2020")], Counter({"quota": 2}), [("s", frozenset({"q"}))])
    data = cache.encoder.encode(Entry("k", seed_hash("seed"), value))
    assert msgspec.msgpack.Decoder(Entry[Work], dec_hook=_decode_hook).decode(data).value == value


@pytest.mark.parametrize("workers", [False, True])
def test_a_seed_whose_analysis_crashes_is_named_and_the_rest_is_built(tmp_path, monkeypatch, caplog, workers):
    seeds = two_seeds(tmp_path)
    (seeds / "crash.txt").write_text(GOOD.replace("valley", "KABOOM valley"))
    real = entities.find_candidates

    def find_candidates(article, *args, **kwargs):  # a bug that only this seed's text reaches
        if "KABOOM" in article.title + " ".join(b.text for b in article.blocks):
            raise ZeroDivisionError("division by zero in a stage")
        return real(article, *args, **kwargs)

    monkeypatch.setattr(entities, "find_candidates", find_candidates)
    if workers:
        monkeypatch.setattr(engine, "PARALLEL_MIN_JOBS", 1)
        monkeypatch.setattr(os, "cpu_count", lambda: 2)
    dossier = build_dossier(sorted(seeds.glob("*.txt")))
    assert sorted(Path(a.source_file).name for a in dossier.articles) == ["a.txt", "b.txt"]
    problem = next(p for p in dossier.problems if p.file.endswith("crash.txt"))
    assert "could not be analysed, skipped: ZeroDivisionError: division by zero in a stage" in problem.message
    assert "Traceback" in caplog.text and "find_candidates" in caplog.text


def test_a_missing_language_model_still_stops_the_build(tmp_path):
    seeds = two_seeds(tmp_path)
    with pytest.raises(nlp.ModelError):
        build_dossier(sorted(seeds.glob("*.txt")), model="no_such_model")


def test_registry_mistakes_are_named_and_every_article_page_is_written(make_site):
    """An impossible date made Pelican skip the article (exit 0); an unknown seed broke a template."""
    site = make_site({"good.txt": GOOD}, "articles:\n  good.txt:\n    date: 2007-02-30\n")
    problems = [p["message"] for p in site.json()["problems"]]
    assert any("dossier.yaml:3: articles.good.txt.date: '2007-02-30' is not a date" in m for m in problems)
    record = site.json()["articles"][0]
    assert record["date"] == "2022-08-03" and (site.output / record["url"] / "index.html").exists()


def test_an_added_event_citing_no_such_seed_is_named(tmp_path, make_site):
    site = make_site(
        {"good.txt": GOOD},
        "events:\n  add:\n    - {date: 2022-08-03, summary: Farmers protest, article: no_such_seed.txt}\n",
    )
    problems = [p["message"] for p in site.json()["problems"]]
    assert "line 3: events.add[0].article: no seed file named 'no_such_seed.txt'" in problems
    event = next(e for e in site.json()["events"] if e["summary"] == "Farmers protest")
    assert event["sources"] == []
    assert "Farmers protest" in site.page("chronology/").get_text()


@pytest.mark.parametrize(
    "environment", [{"trim_blocks": True}, {"autoescape": False}, {"autoescape": lambda _: False}]
)
def test_autoescape_is_on_whatever_the_settings_say(make_site, environment):
    hostile = GOOD.replace("Farmers protest", "Farmers <script>alert(7)</script> protest")  # in the headline
    site = make_site({"hostile.txt": hostile}, JINJA_ENVIRONMENT=environment)
    pages = [p.read_text(encoding="utf-8") for p in site.output.rglob("*.html")]
    assert not any("<script>alert(7)" in page for page in pages)
    assert any("&lt;script&gt;alert(7)" in page for page in pages)


def test_problems_name_files_relative_to_the_project(make_site):
    site = make_site({"good.txt": GOOD, "empty.txt": ""}, "title: ok\ncolour: blue\n")
    here = str(site.output.parent)
    published = [site.output / "dossier.json", site.output / "problems" / "index.html"]
    for path in published:
        assert here not in path.read_text(encoding="utf-8"), path
    problems = {p["file"]: p["message"] for p in site.json()["problems"]}
    assert problems["dossier.yaml"].startswith("dossier.yaml:2: top level: unknown key 'colour'")
    assert "empty" in problems["seeds/empty.txt"]


def test_dossier_add_exit_codes_and_messages(tmp_path, capsys):
    seeds = tmp_path / "seeds"
    (tmp_path / "story.txt").write_text(GOOD)
    (tmp_path / "empty.txt").write_text("")
    assert cli.main(["add", str(tmp_path / "story.txt"), "--to", str(seeds)]) == 0
    assert "added " in capsys.readouterr().out
    os.mkfifo(seeds / "pipe.txt")  # a FIFO among the seeds blocked `dossier add` forever
    with deadline(60):
        assert cli.main(["add", str(tmp_path / "story.txt"), "--to", str(seeds)]) == 1
    assert "not added:" in capsys.readouterr().err
    assert cli.main(["add", str(tmp_path / "empty.txt"), "--to", str(seeds)]) == 1
    assert "is empty" in capsys.readouterr().err
    assert cli.main(["add", str(tmp_path / "missing.txt"), "--to", str(seeds)]) == 1
    assert "cannot read" in capsys.readouterr().err
    assert cli.main(["add", str(tmp_path / "story.txt"), "--to", str(tmp_path / "story.txt")]) == 2
    assert f"--to {tmp_path / 'story.txt'} is not a folder" in capsys.readouterr().err


def die_on_three(job: int) -> int:
    if job == 3:
        os._exit(9)  # as the kernel's out-of-memory killer would end it
    return job * 10


def test_a_seed_that_kills_its_worker_is_named_and_the_rest_is_analysed(monkeypatch):
    monkeypatch.setattr(engine, "PARALLEL_MIN_JOBS", 1)
    results = dict(engine.Local(2).map(functools.partial(engine.each, die_on_three), list(range(8)), size=2))
    assert [results[n] if isinstance(results[n], int) else results[n].error for n in range(8)] == [
        0,
        10,
        20,
        "the process analysing it died (out of memory?)",
        40,
        50,
        60,
        70,
    ]


def test_a_huge_paragraph_is_parsed_in_pieces_with_the_same_text_and_offsets(monkeypatch):
    text = "Robert Gates met Anatoly Serdyukov in Moscow on Monday. Russia objects to the shield. " * 40
    article = Article("a", "a.txt", "Talks", blocks=[Block(text)])
    whole = nlp.parse(article).blocks[0]
    monkeypatch.setattr(nlp, "PIECE", 500)
    assert len(nlp._pieces(text)) > 5
    pieced = nlp.parse(article).blocks[0]
    assert pieced.text == text
    assert [(e.text, e.label_, e.start_char) for e in pieced.ents] == [
        (e.text, e.label_, e.start_char) for e in whole.ents
    ]
    assert [s.start_char for s in pieced.sents] == [s.start_char for s in whole.sents]
    assert "".join(nlp._pieces("x" * 1234 + " word" * 300)) == "x" * 1234 + " word" * 300


def test_the_project_readme_as_a_seed_does_not_stop_the_build(tmp_path):
    """Found by the probes: a theme left without a name phrase divided by zero in the corpus-wide stage."""
    assert phrases.specificity("") == 0.0
    seeds = sorted((ROOT / "content" / "seeds").glob("*.txt")) + [tmp_path / "readme.txt"]
    (tmp_path / "readme.txt").write_bytes((ROOT / "README.md").read_bytes())
    dossier = build_dossier(seeds)
    assert len(dossier.articles) == len(seeds)
