"""Publishing as a user does it, from a fresh copy of the project: `make html` says nothing it does not
mean, `make publish` builds with publishconf.py for an absolute address, and `make rsync_upload` and
`make github` put the site somewhere (a folder on this machine, a bare git repository) or say what
is missing before they build anything.

The copy shares this checkout's .venv (no second install); rsync comes from apt (`make test`
installs it when missing), and its test is skipped without it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from test_site_links import broken_links, pages

from conftest import ROOT
from theme_site import PUBLIC_URL

ATOM = "{http://www.w3.org/2005/Atom}"
SETTINGS = (
    "SITEURL",
    "SSH_HOST",
    "SSH_PORT",
    "SSH_USER",
    "SSH_TARGET_DIR",
    "GITHUB_REMOTE",
    "GITHUB_PAGES_BRANCH",
    "MAKEFLAGS",
    "MFLAGS",
    "MAKELEVEL",
)


def test_publish_settings_give_absolute_feeds_and_canonical_links(absolute_site):
    feeds = sorted((absolute_site.output / "feeds").rglob("*.atom.xml"))
    assert len(feeds) > 1  # the whole site's and one per tag
    for feed in feeds:
        tree = ET.parse(feed)
        links = [link.get("href") for link in tree.iter(f"{ATOM}link")]
        assert links and all(href.startswith(PUBLIC_URL + "/") for href in links), feed
        ids = [entry.findtext(f"{ATOM}id") for entry in tree.iter(f"{ATOM}entry")]  # tag: URIs of the domain
        entries_of = ":/dossier/updates/#build-" if feed.name == "updates.atom.xml" else ":/dossier/articles/"
        assert ids and all(i.startswith("tag:example.org,") and entries_of in i for i in ids), feed
    for topic in absolute_site.json()["topics"]:  # every theme is a tag, so it has a feed
        assert (
            absolute_site.output / "feeds" / "tags" / f"{topic['url'].rstrip('/').split('/')[-1]}.atom.xml"
        ).is_file()
    for page in pages(absolute_site.output):
        canonical = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find(
            "link", rel="canonical"
        )
        assert canonical["href"].startswith(PUBLIC_URL + "/"), page


def test_the_404_page_links_absolutely_when_published(absolute_site):
    links = [a["href"] for a in absolute_site.page("404.html").select("main a")]
    assert links and all(href.startswith(PUBLIC_URL + "/") for href in links)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The project's files as a clone has them (tracked, or new and not ignored), in a new git repository."""
    copy = tmp_path_factory.mktemp("clone") / "dossier"
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    (copy / ".venv").symlink_to(ROOT / ".venv")
    os.utime(copy / "pyproject.toml", (0, 0))  # older than .venv/.installed: make installs nothing
    subprocess.run(["git", "init", "-q"], cwd=copy, check=True)
    return copy


def make(project: Path, target: str, **variables) -> subprocess.CompletedProcess:
    env = {name: value for name, value in os.environ.items() if name not in SETTINGS}
    env.update(
        GIT_AUTHOR_NAME="test",
        GIT_AUTHOR_EMAIL="test@example.org",
        GIT_COMMITTER_NAME="test",
        GIT_COMMITTER_EMAIL="test@example.org",
        **variables,
    )
    return subprocess.run(
        ["make", "--no-print-directory", target],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_make_html_logs_no_warning_and_writes_nothing_that_needs_an_address(project):
    run = make(project, "html")
    assert run.returncode == 0, run.stderr
    log = run.stdout + run.stderr
    assert "WARNING" not in log and "ERROR" not in log, log
    assert (project / "output" / "index.html").is_file()
    assert not (project / "output" / "sitemap.xml").exists() and not (project / "output" / "feeds").exists()


def test_make_publish_refuses_without_an_address(project, tmp_path):
    for siteurl in ({}, {"SITEURL": "/dossier"}):
        run = make(project, "publish", **siteurl)
        assert run.returncode != 0
        assert "publishconf.py: SITEURL" in run.stderr and "SITEURL=https://" in run.stderr


def test_uploads_say_what_is_missing_before_building(project, tmp_path):
    shutil.rmtree(project / "output", ignore_errors=True)
    run = make(project, "rsync_upload", SITEURL=PUBLIC_URL)
    assert run.returncode != 0 and "SSH_TARGET_DIR is not set" in run.stderr
    other = tmp_path / "home"
    other.mkdir()
    (other / "notes.txt").write_text("mine")
    run = make(project, "rsync_upload", SITEURL=PUBLIC_URL, SSH_TARGET_DIR=str(other))
    assert run.returncode != 0 and "no dossier.json" in run.stderr
    assert [p.name for p in other.iterdir()] == ["notes.txt"]
    run = make(project, "github", SITEURL=PUBLIC_URL, GITHUB_REMOTE=str(tmp_path / "nowhere.git"))
    assert (
        run.returncode != 0 and "cannot reach the git remote" in run.stderr and "GITHUB_REMOTE" in run.stderr
    )
    run = make(project, "github", SITEURL=PUBLIC_URL)  # a fresh repository has no remote `origin`
    assert run.returncode != 0 and "'origin'" in run.stderr
    assert not (project / "output").exists()  # nothing was built


@pytest.mark.skipif(not shutil.which("rsync"), reason="no rsync: apt-get install rsync (make test does it)")
def test_rsync_upload_to_a_folder_on_this_machine(project, tmp_path):
    www = tmp_path / "www"
    run = make(project, "rsync_upload", SITEURL=PUBLIC_URL, SSH_TARGET_DIR=str(www))
    assert run.returncode == 0, run.stderr
    assert broken_links(www, PUBLIC_URL) == []
    assert f"<loc>{PUBLIC_URL}/articles/</loc>" in (www / "sitemap.xml").read_text(encoding="utf-8")
    assert (project / "output" / ".dossier-manifest.json").is_file() and not (
        www / ".dossier-manifest.json"
    ).exists()
    (www / "stale.html").write_text("a page the site no longer has")
    run = make(project, "rsync_upload", SITEURL=PUBLIC_URL, SSH_TARGET_DIR=str(www))  # a dossier: replaced
    assert run.returncode == 0, run.stderr
    assert not (www / "stale.html").exists() and (www / "index.html").is_file()


def test_github_commits_the_site_to_gh_pages_and_pushes_it(project, tmp_path):
    remote = tmp_path / "pages.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    run = make(project, "github", SITEURL=PUBLIC_URL, GITHUB_REMOTE=str(remote))
    assert run.returncode == 0, run.stderr

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "--git-dir", str(remote), *args], capture_output=True, text=True, check=True
        ).stdout

    files = set(git("ls-tree", "-r", "--name-only", "gh-pages").split())
    assert {
        "index.html",
        "404.html",
        "sitemap.xml",
        "dossier.json",
        ".nojekyll",
        "pagefind/pagefind-ui.js",
        "theme/css/dossier.css",
    } <= files
    home = BeautifulSoup(git("show", "gh-pages:index.html"), "html.parser")
    assert home.find("link", rel="canonical")["href"] == f"{PUBLIC_URL}/"
    assert re.search(rf"<loc>{re.escape(PUBLIC_URL)}/</loc>", git("show", "gh-pages:sitemap.xml"))


def test_make_html_after_publish_keeps_nothing_of_the_public_build(project):
    assert make(project, "publish", SITEURL=PUBLIC_URL).returncode == 0
    assert (project / "output" / "sitemap.xml").is_file()
    assert make(project, "html").returncode == 0  # an incremental build over the published site
    output = project / "output"
    assert not (output / "sitemap.xml").exists() and not (output / "feeds").exists()
    assert not [page for page in pages(output) if PUBLIC_URL in page.read_text(encoding="utf-8")]
