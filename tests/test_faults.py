"""Faults of the build itself, second round: Ctrl-C, output folders that are not ours, a link to
nowhere. Each runs the real `dossier build` in a real process on real folders."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from test_hostile import site_settings

from conftest import ROOT
from test_bad_input import GOOD

SECOND = GOOD.replace("farmers", "fishermen").replace("valley", "harbour of Quellmark")


def tree(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file and folder under `folder`: its mode and, for a file, its bytes' digest."""
    found = {".": (folder.stat().st_mode, "")}
    for path in folder.rglob("*"):
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
        found[str(path.relative_to(folder))] = (path.stat().st_mode, digest)
    return found


def dossier_build(tmp_path: Path, *args: str, hook: str = "", **popen) -> subprocess.Popen:
    """`dossier build` in a process of its own; `hook` is Python run before it (to send a signal at
    a chosen moment)."""
    script = f"{hook}\nimport sys\nfrom dossier.cli import main\nsys.exit(main({['build', *args]!r}))\n"
    environment = {**os.environ, "PYTHONPATH": f"{ROOT / 'plugins'}:{ROOT / 'tests'}"}
    return subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )


def run_build(tmp_path: Path, *args: str, hook: str = "") -> tuple[int, str]:
    process = dossier_build(tmp_path, *args, hook=hook)
    _, err = process.communicate(timeout=600)
    return process.returncode, err


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A site built once from one seed; each test copies it and adds a second seed."""
    tmp = tmp_path_factory.mktemp("faults")
    settings = site_settings(tmp, {"first.txt": GOOD})
    status, err = run_build(tmp, "--settings", str(settings))
    assert status == 0, err
    return tmp


@pytest.fixture
def site(built, tmp_path):
    subprocess.run(["cp", "-a", f"{built}/.", str(tmp_path)], check=True)
    settings = tmp_path / "site.conf.py"
    settings.write_text(settings.read_text().replace(str(built), str(tmp_path)))
    (tmp_path / "content" / "seeds" / "second.txt").write_text(SECOND)
    return tmp_path


# Ctrl-C at a chosen moment: the process sends SIGINT to itself, as the terminal does on Ctrl-C.
INTERRUPT_AT = {
    "analysis": "import dossier.corpus.pipeline as p\n"
    "analyse = p.analyse_seed\n"
    "def interrupted(job):\n"
    "    import os, signal; os.kill(os.getpid(), signal.SIGINT); return analyse(job)\n"
    "p.analyse_seed = interrupted\n",
    "page writing": "import dossier_site.writer as w\n"
    "put, count = w.IncrementalWriter.put, [0]\n"
    "def interrupted(self, path, data):\n"
    "    count[0] += 1\n"
    "    if count[0] == 10:\n"
    "        import os, signal; os.kill(os.getpid(), signal.SIGINT)\n"
    "    return put(self, path, data)\n"
    "w.IncrementalWriter.put = interrupted\n",
}


@pytest.mark.parametrize("moment", INTERRUPT_AT)
def test_ctrl_c_leaves_the_old_site_exactly_and_exits_130(site, moment):
    before = tree(site / "output")
    status, err = run_build(site, "--settings", str(site / "site.conf.py"), hook=INTERRUPT_AT[moment])
    assert status == 130, err
    assert "interrupted; output/ was left as it was" in err
    assert tree(site / "output") == before
    assert not list(site.glob("output.new*")) and not list(site.glob("output.old*"))
    status, err = run_build(site, "--settings", str(site / "site.conf.py"))  # and the next build works
    assert status == 0, err
    assert "fishermen" in (site / "output" / "dossier.json").read_text()


def test_ctrl_c_from_outside_whenever_it_comes(site):
    """The terminal's Ctrl-C: SIGINT to the process group, workers included, once the build has begun."""
    before = tree(site / "output")
    process = dossier_build(site, "--settings", str(site / "site.conf.py"), start_new_session=True)
    lock = site / ".output.lock"
    deadline = 120
    while deadline and not (lock.exists() and f"pid {process.pid}" in lock.read_text()):
        try:
            process.wait(timeout=0.05)
            break
        except subprocess.TimeoutExpired:
            deadline -= 0.05
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=600)
    assert process.returncode == 130, err
    assert tree(site / "output") == before
    assert not list(site.glob("output.new*"))


def test_a_folder_that_is_not_a_site_is_refused_and_untouched(built, tmp_path):
    foreign = tmp_path / "photos"
    (foreign / "theme").mkdir(parents=True)
    (foreign / "theme" / "holiday.jpg").write_bytes(b"\xff\xd8 not really a photo")
    (foreign / "index.html").write_text("<p>my own page</p>")
    foreign.chmod(0o700)
    before = tree(foreign)
    status, err = run_build(built, "--settings", str(built / "site.conf.py"), "--output", str(foreign))
    assert status == 2
    assert f"the output folder {foreign} holds files but is not a dossier site" in err
    assert tree(foreign) == before
    assert not list(tmp_path.glob("photos.*"))


@pytest.mark.parametrize("output", [".", "..", "/", "content/.."])
def test_the_project_its_parents_and_the_root_are_refused(built, output):
    theme = tree(built / "content")
    status, err = run_build(built, "--settings", str(built / "site.conf.py"), "--output", output)
    assert status == 2, err
    assert "Traceback" not in err
    assert "is the project's folder" in err or "is a parent of the project's folder" in err
    assert tree(built / "content") == theme and (built / "output" / "dossier.json").exists()


def test_a_link_to_nowhere_is_refused_and_nothing_is_created(built, tmp_path):
    nowhere = tmp_path / "gone" / "deeper" / "site"
    link = tmp_path / "output"
    link.symlink_to(nowhere)
    status, err = run_build(built, "--settings", str(built / "site.conf.py"), "--output", str(link))
    assert status == 2
    assert f"is a link to {nowhere}, which does not exist" in err
    assert not (tmp_path / "gone").exists()


def test_output_path_in_the_settings_is_honoured(built, tmp_path):
    settings = tmp_path / "elsewhere.conf.py"
    settings.write_text((built / "site.conf.py").read_text() + "\nOUTPUT_PATH = 'public'\n")
    status, err = run_build(tmp_path, "--settings", str(settings))
    assert status == 0, err
    assert (tmp_path / "public" / "dossier.json").exists() and not (tmp_path / "output").exists()


def test_a_rebuilt_site_keeps_its_folder_permissions(site):
    (site / "output").chmod(0o700)
    status, err = run_build(site, "--settings", str(site / "site.conf.py"))
    assert status == 0, err
    assert (site / "output").stat().st_mode & 0o777 == 0o700
