"""Build the site into a staging folder and swap it into place only when the build succeeded.

A failed build (an exception, or a problem with a seed under --strict) leaves the previous site intact.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pelican


def build(settings_file: str = "pelican.conf.py", output: str = "output", strict: bool = False,
          quiet: bool = False) -> int:
    """Run Pelican into `<output>.new`, then replace `output` with it; returns an exit status."""
    target = Path(output).resolve()
    staging = target.with_name(target.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    args = ["-s", settings_file, "-o", str(staging)] + (["-q"] if quiet else [])
    try:
        pelican.main(args)
    except SystemExit as stop:
        if stop.code:
            return _fail(staging, f"the build failed; {target.name}/ was left as it was")
    if not (staging / "index.html").exists():
        return _fail(staging, f"the build wrote no index.html; {target.name}/ was left as it was")
    problems = json.loads((staging / "dossier.json").read_text(encoding="utf-8")).get("problems", [])
    if strict and problems:
        return _fail(staging, f"strict: {len(problems)} problem(s) with the seeds (listed above); "
                              f"{target.name}/ was left as it was")
    _swap(staging, target)
    return 0


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
