"""Hostile seeds and careless operators: nothing from outside the seeds is published, nothing hangs."""
import os
import signal
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import Site, build_site
from dossier.read import UnreadableSeed, read_bytes
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
