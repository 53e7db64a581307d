"""Which folder `dossier build` may replace with the site it builds.

The build swaps its staging folder in for the output folder and deletes the one it replaced, so a
wrong `--output` would delete whatever was there: a folder of someone's files, the project itself
(its theme and cache), or `/`. Only an empty or new folder, or a site this project built (it holds
`dossier.json`, written by every build), is replaced; the same test as
`make rsync_upload`'s before its `rsync --delete`.
"""

from __future__ import annotations

import os
from pathlib import Path

SITE_MARK = "dossier.json"  # written at the top of every site this project builds (the contract)


class Refused(Exception):
    """The output folder is not one a build may replace; the message says why and what to do."""


def output_folder(output: str, settings_file: str) -> Path:
    """The absolute output folder for `output`, refused when replacing it would harm the project or
    the system: `/`, the project's folder or one of its parents, a link to nowhere, a file."""
    given = Path(output)
    if os.path.islink(given) and not given.exists():
        raise Refused(
            f"the output folder {output} is a link to {os.readlink(given)}, which does not exist: "
            "remove the link or give another --output"
        )
    target = given.resolve()
    project = Path(settings_file).resolve().parent
    for protected, what in [(project, "the project's folder"), (Path.cwd().resolve(), "the current folder")]:
        if target == protected or target in protected.parents:
            relation = "" if target == protected else "a parent of "
            raise Refused(
                f"the output folder {target} is {relation}{what}: a build replaces its output folder "
                "whole; give a folder of its own, such as output/"
            )
    if target.exists() and not target.is_dir():
        raise Refused(f"the output folder {target} is a file, not a folder: give another --output")
    return target


def check_replaceable(target: Path) -> None:
    """Refuse a folder that holds files but is not a site this project built."""
    if not target.is_dir():
        return
    names = os.listdir(target)
    if names and SITE_MARK not in names:
        raise Refused(
            f"the output folder {target} holds files but is not a dossier site (no dossier.json): "
            "a build replaces its output folder whole and would delete them; "
            "give an empty or new folder, or move them away"
        )
