"""Hostile seeds and careless operators: nothing from outside the seeds is published, nothing hangs."""
import os
import signal
from contextlib import contextmanager
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import Site, build_site
from dossier.read import UnreadableSeed, read_bytes
from dossier.text import sentence_spans
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


@pytest.mark.parametrize("name, reason", [
    ("link.txt", "cannot be read: it is a symbolic link"),
    ("inside-link.txt", "cannot be read: it is a symbolic link"),
    ("folder", "cannot be read: it is a symbolic link"),
    ("loop", "cannot be read: it is a symbolic link"),
    ("pipe.txt", "cannot be read: it is a named pipe (FIFO), not a regular file"),
    ("bad\ufffdname.txt", "its file name is not valid UTF-8"),
])
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
        for path, reason in [(tmp_path / "seeds" / "pipe.txt", "named pipe"),
                             (tmp_path / "seeds", "a folder"),
                             (tmp_path / "outside.txt", "outside the seeds folder"),
                             (tmp_path / "seeds" / ".." / "outside.txt", "outside the seeds folder"),
                             (Path("/dev/zero"), "a device")]:
            with pytest.raises(UnreadableSeed, match=reason):
                read_bytes(path, (tmp_path / "seeds",))


LONG_NAME = " ".join(["Allied Agricultural Producers Cooperative"] * 8) + " Of The Southern Valley"  # 358 characters
WATER_BOARD = ("Board water quotas hearing\n\n"
               "FRESNO, August 3, 2022 -- The International Federation Of Allied Agricultural Producers Cooperatives "
               "And Rural Water Users Associations Of The Southern Valley Region Against Excessive Quotas And Levies "
               "said on Monday that Maria Lopez of the water board would hear farmers, and Maria Lopez agreed to it.\n")


def test_long_and_empty_names_give_bounded_non_empty_slugs(make_site):
    assert len(LONG_NAME) == 358
    registry = (f"entities:\n  - name: {LONG_NAME}\n    type: person\n    aliases: [Maria Lopez]\n"
                f"topics:\n  - name: {LONG_NAME} quotas\n    phrases: [water quotas]\n"
                f"  - name: '!!! ???'\n    phrases: [water board]\n")
    site = make_site({"board.txt": WATER_BOARD}, registry)
    for path in site.output.rglob("*"):
        assert len(path.name.encode()) <= 100, path.name
    hrefs = [a["href"] for page in site.output.rglob("*.html")
             for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all("a", href=True)]
    assert not [h for h in hrefs if "//" in h.split("://")[-1]], "a link with an empty slug"
    person = next(e for e in site.json()["entities"] if e["name"] == LONG_NAME)
    assert len(person["url"]) < 100 and (site.output / person["url"] / "index.html").exists()
    topics = {t["name"]: t for t in site.json()["topics"]}
    assert (site.output / topics["!!! ???"]["url"] / "index.html").exists()
    feeds = {p.name for p in (site.output / "feeds" / "tags").iterdir()}
    assert any(name.startswith("tag-") for name in feeds) and any(name.startswith("allied-") for name in feeds)


@pytest.mark.parametrize("run", ["A. B. C. ", "Mr. ", "J.R.R. ", "... ", "!!! "])
def test_sentences_of_a_long_run_of_initials_or_stops(run):
    """27 KB of initials took 7 s (quadratic); bench/pathological.py times every stage on 1 MB."""
    text = run * (27_000 // len(run)) + "Then it ended. Yes."
    spans = sentence_spans(text)
    assert text[spans[-1][0]:spans[-1][1]] == "Yes."
    if run[0].isalpha():  # initials and abbreviations hold the sentence open
        assert len(spans) == 2
    assert sentence_spans("Gen. J.R. Smith met Mr. Lee in the U.S. on Monday. He left!") == [(0, 50), (51, 59)]
