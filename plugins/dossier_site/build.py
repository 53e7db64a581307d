"""Build the site into a staging folder and swap it into place only when the build succeeded.

A failed build (an exception, or a problem with a seed under --strict) leaves the previous site intact.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pelican

REMADE = ("theme", "pagefind")  # folders of the site written anew by every build


def build(settings_file: str = "pelican.conf.py", output: str = "output", strict: bool = False,
          quiet: bool = False) -> int:
    """Run Pelican into `<output>.new`, then replace `output` with it; returns an exit status."""
    target = Path(output).resolve()
    staging = target.with_name(target.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    link_tree(target, staging)
    args = ["-s", settings_file, "-o", str(staging)] + (["-q"] if quiet else [])
    try:
        pelican.main(args)
    except SystemExit as stop:
        if stop.code:
            return _fail(staging, f"the build failed; {target.name}/ was left as it was")
    if not (staging / "index.html").exists():
        return _fail(staging, f"the build wrote no index.html; {target.name}/ was left as it was")
    problems = json.loads((staging / "dossier.json").read_text(encoding="utf-8")).get("problems", [])
    if not index_search(staging):
        return _fail(staging, f"the search index could not be built; {target.name}/ was left as it was")
    if strict and problems:
        return _fail(staging, f"strict: {len(problems)} problem(s) with the seeds (listed above); "
                              f"{target.name}/ was left as it was")
    _swap(staging, target)
    return 0


def link_tree(site: Path, staging: Path) -> None:
    """Stage the next site as hard links to the previous one: a page that did not change is neither
    rendered nor copied (writer.py replaces files by renames, so the previous site is never touched).
    The theme's files and the search index are made again by Pelican and Pagefind."""
    if not site.is_dir():
        return
    for folder, dirs, names in os.walk(site):
        relative = Path(folder).relative_to(site)
        if relative == Path("."):
            dirs[:] = [d for d in dirs if d not in REMADE]
        (staging / relative).mkdir(parents=True, exist_ok=True)
        for name in names:
            os.link(Path(folder) / name, staging / relative / name, follow_symlinks=False)


def index_search(site: Path | str) -> bool:
    """Index the built site for /search/ with Pagefind (its pip package ships the binary); the
    bundle is written to <site>/pagefind/. Only pages marked data-pagefind-body are indexed."""
    try:
        from pagefind.service import get_executable  # finds the binary of pagefind[bin]
        executable = get_executable()
    except ImportError:
        executable = None
    if executable is None:
        print("dossier: Pagefind is not installed: pip install 'pagefind[bin]'", file=sys.stderr)
        return False
    run = subprocess.run([str(executable), "--site", str(site), "--silent"], capture_output=True, text=True)
    if run.returncode:
        print(f"dossier: pagefind failed: {run.stderr.strip() or run.stdout.strip()}", file=sys.stderr)
        return False
    return True


def _swap(staging: Path, target: Path) -> None:
    """Two renames: the old site is replaced in one step and removed afterwards."""
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.rename(target, old)
    os.rename(staging, target)
    shutil.rmtree(old, ignore_errors=True)


def _fail(staging: Path, message: str) -> int:
    shutil.rmtree(staging, ignore_errors=True)
    print(f"dossier: {message}", file=sys.stderr)
    return 1
