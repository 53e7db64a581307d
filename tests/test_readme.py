"""The README names code that exists."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
PACKAGES = ("dossier", "dossier_site")
FILE_ENDINGS = {
    "py",
    "txt",
    "tsv",
    "html",
    "json",
    "yaml",
    "conf",
    "csv",
    "graphml",
    "xml",
    "md",
    "css",
    "js",
}
SUBPACKAGES = ("", ".ingest", ".language", ".entities", ".events", ".topics", ".corpus", ".publish")


def architecture() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## Architecture")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def resolves(dotted: str) -> bool:
    """`module.name` (or `module.Class.method`) found in some module of the core or the glue."""
    parts = dotted.split(".")
    if parts[0] in PACKAGES:  # a full name: dossier.model
        return resolves(".".join(parts[1:])) if parts[1:] else True
    for package in PACKAGES:
        for sub in SUBPACKAGES if package == "dossier" else ("",):
            for cut in range(len(parts), 0, -1):
                try:
                    target = importlib.import_module(".".join([package + sub, *parts[:cut]]))
                except ImportError:
                    continue
                for attribute in parts[cut:]:
                    target = getattr(target, attribute, None)
                if target is not None:
                    return True
    return False


def test_the_architecture_section_has_the_stage_table():
    section = architecture()
    for package in ("ingest/", "language/", "entities/", "events/", "topics/", "corpus/", "publish/"):
        assert f"| `{package}` |" in section, f"README Architecture: no row for {package}"


def test_every_dotted_name_in_the_readme_exists():
    names = {
        name
        for name in re.findall(r"`([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)(?:\(\))?`", README.read_text("utf-8"))
        if name.rpartition(".")[2] not in FILE_ENDINGS
    }
    missing = sorted(name for name in names if not resolves(name))
    assert names and not missing, f"README names what does not exist: {missing}"
