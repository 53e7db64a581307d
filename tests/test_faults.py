"""Faults of the build itself, second round: Ctrl-C, output folders that are not ours, a link to
nowhere. Each runs the real `dossier build` in a real process on real folders."""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from xml.etree import ElementTree

import pytest
from test_hostile import site_settings

from dossier.registry import RegistryError, load_registry

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
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True}
    return subprocess.Popen(
        [sys.executable, "-c", script], cwd=tmp_path, env=environment, **{**streams, **popen}
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
    "analyse = p.analyse_batch\n"
    "def interrupted(jobs):\n"
    "    import os, signal; os.kill(os.getpid(), signal.SIGINT); return analyse(jobs)\n"
    "p.analyse_batch = interrupted\n",
    "page writing": "import dossier_site.writer as w\n"
    "produced, count = w.IncrementalWriter.produced, [0]\n"
    "def interrupted(self, path):\n"
    "    count[0] += 1\n"
    "    if count[0] == 10:\n"
    "        import os, signal; os.kill(os.getpid(), signal.SIGINT)\n"
    "    return produced(self, path)\n"
    "w.IncrementalWriter.produced = interrupted\n",
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


# --- control characters, quotes and bidirectional controls ------------------------------------------

UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def well_formed_and_clean(output: Path) -> list[str]:
    """Every XML file of the site parses; no file holds a control character."""
    xml_files = [p for p in output.rglob("*.xml")] + [p for p in output.rglob("*.graphml")]
    for path in xml_files:
        ElementTree.parse(path)  # raises on a malformed file
    for path in output.rglob("*"):
        if path.suffix in (".html", ".xml", ".graphml", ".json", ".csv"):
            found = UNSHOWABLE.search(path.read_text(encoding="utf-8"))
            assert found is None, f"{path}: U+{ord(found.group()):04X}"
    return sorted(str(p.relative_to(output)) for p in xml_files)


PUBLISHED = {
    "SITEURL": 'https://example.org/dossier?"quoted"',  # a quote in an attribute value
    "RELATIVE_URLS": False,
    "FEED_DOMAIN": 'https://example.org/dossier?"quoted"',
    "FEED_ALL_ATOM": "feeds/all.atom.xml",
}


@pytest.mark.parametrize(
    "escape, name, line",
    [
        ("\\x0b", "U+000B", 1),
        ("\\e", "U+001B", 1),
        ("\\0", "U+0000", 1),
        ("\\ud800", "a lone surrogate U+D800", 1),
    ],
)
def test_a_control_character_in_the_registry_is_named_by_line_and_key(make_site, escape, name, line):
    registry = f'title: "Quellmark{escape} water board"\nentities:\n  - name: Maria Lopez\n'
    site = make_site({"good.txt": GOOD}, registry, **PUBLISHED)
    problems = [p["message"] for p in site.json()["problems"]]
    assert any(
        m.startswith(f"dossier.yaml:{line}: title: contains") and name in m and "remove it" in m
        for m in problems
    ), problems
    assert "sitemap.xml" in well_formed_and_clean(site.output)
    assert name.split()[-1] in site.page("problems/").get_text()


def test_a_control_character_in_a_nested_key_is_named_by_its_line(tmp_path):
    path = tmp_path / "dossier.yaml"
    path.write_text('entities:\n  - name: Maria Lopez\n    aliases: ["M.\\x07 Lopez"]\n')
    with pytest.raises(
        RegistryError, match=r"^dossier.yaml:3: entities\[0\].aliases\[0\]: contains the control"
    ):
        load_registry(path, "dossier.yaml")


def test_quotes_and_markup_in_every_xml_file_stay_well_formed(make_site):
    registry = (
        'title: Water "board" <b>& co</b>\nentities:\n  - {name: Maria Lopez, description: "a \\"chair\\""}\n'
    )
    site = make_site({"good.txt": GOOD.replace("Maria Lopez", 'Maria "Mia" Lopez')}, registry, **PUBLISHED)
    found = well_formed_and_clean(site.output)
    assert {"sitemap.xml", "feeds/all.atom.xml", "feeds/updates.atom.xml", "export/network.graphml"} <= set(
        found
    )
    feed = ElementTree.parse(site.output / "feeds" / "updates.atom.xml").getroot()
    links = [link.get("href") for link in feed.iter("{http://www.w3.org/2005/Atom}link")]
    assert links and all('"quoted"' in link for link in links)


def test_bidirectional_controls_are_removed_from_titles_names_and_slugs(make_site):
    """ "opens \u202egnp.exe\u202c office" displays as "exe.png"; the right-to-left script itself stays."""
    seed = (
        "Kestrel Union opens \u202egnp.exe\u202c office in \u05d7\u05d9\u05e4\u05d4\n\n"
        "QUELLMARK, March 3, 2021 -- The Kestrel Union opened an office today, said its chair, "
        "Odrana \u2066Arkwell\u2069, in \u05d7\u05d9\u05e4\u05d4.\n"
    )
    registry = 'entities:\n  - {name: "Odrana \\u202eArkwell", aliases: ["O. \\u2067Arkwell"]}\n'
    site = make_site({"bidi.txt": seed}, registry)
    data = site.json()
    (article,) = data["articles"]
    assert article["title"] == "Kestrel Union opens gnp.exe office in \u05d7\u05d9\u05e4\u05d4"
    problems = [p["message"] for p in data["problems"] if p["file"] == "seeds/bidi.txt"]
    assert problems == [
        "contains 4 control or text-direction character(s), such as U+202E (removed: they hide or reverse "
        "what a reader sees)"
    ]
    person = next(e for e in data["entities"] if "Arkwell" in e["name"])
    assert person["name"] == "Odrana Arkwell" and "O. Arkwell" in person["aliases"]
    assert person["url"] == "people/odrana-arkwell/"
    well_formed_and_clean(site.output)


# --- the development servers --------------------------------------------------------------------------


def test_the_devserver_builds_again_once_a_manual_build_has_finished(site):
    """Its rebuild, refused while `make html` held the lock, was never retried: the new seed stayed out."""
    (site / "pelican.conf.py").write_text((site / "site.conf.py").read_text())  # what the devserver builds
    script = "from dossier_site.devserver import rebuild\nrebuild()\n"
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    with open(site / ".output.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # as a manual build holds it
        process = subprocess.Popen(
            [sys.executable, "-c", script], cwd=site, env=environment, stderr=subprocess.PIPE, text=True
        )
        waiting = process.stderr.readline() + process.stderr.readline()
        while "waiting for the other build" not in waiting:
            line = process.stderr.readline()
            assert line, f"the devserver gave up: {waiting}"
            waiting += line
        assert "fishermen" not in (site / "output" / "dossier.json").read_text()
    process.wait(timeout=600)  # the lock is released: it builds
    assert process.returncode == 0
    assert "fishermen" in (site / "output" / "dossier.json").read_text()


def test_make_serve_answers_a_missing_page_with_the_404_page(built):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    server = subprocess.Popen(
        [sys.executable, "-m", "dossier_site.serve", str(built / "output"), "--port", str(port)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                home = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)
                break
            except OSError:
                time.sleep(0.2)
        assert home.status == 200
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/people/nobody-at-all/", timeout=5)
        assert missing.value.code == 404
        assert missing.value.read() == (built / "output" / "404.html").read_bytes()
    finally:
        server.terminate()
        server.wait()


# --- inputs repaired or named on /problems/ -----------------------------------------------------------


def test_each_repaired_or_unused_input_is_named_on_the_problems_page(make_site):
    second = SECOND.replace("Hundreds", "<![CDATA[Hundreds").replace("summer.", "summer.]]>")
    utf16 = GOOD.replace("farmers", "farm\ud800ers").encode("utf-16-le", "surrogatepass")  # no BOM
    registry = (
        f'title: "{"[" * 60}"\n'  # brackets inside quotes are text, not nesting
        "entities:\n  - {name: Maria Lopez}\n  - {name: Quellmark Water Trust, aliases: [QWT]}\n"
    )
    site = make_site({"cdata.txt": second, "utf16.txt": utf16}, registry)
    data = site.json()
    problems = {(p["file"], p["message"]) for p in data["problems"]}
    assert (
        "seeds/utf16.txt",
        "has 1 character(s) that are not valid utf-16-le (such as a lone surrogate): "
        "each was replaced by U+FFFD",
    ) in problems
    assert any(f == "seeds/cdata.txt" and "CDATA" in m for f, m in problems)
    assert (
        "dossier.yaml",
        "line 4: entities[1]: no seed names 'Quellmark Water Trust' nor any of its aliases: it has no page "
        "(check the spelling, or remove the entry)",
    ) in problems
    assert not any("CDATA" in e["name"] for e in data["entities"])
    assert {a["source_file"] for a in data["articles"]} == {"seeds/cdata.txt", "seeds/utf16.txt"}
    assert "[" * 60 in site.page("index.html").get_text()  # the registry was read, not refused
    page = site.page("problems/").get_text()
    for file, message in problems:
        assert file in page and message.split(":")[0] in page
