"""The /search/ index: Pagefind over small stub records, not over the built pages.

A record is an article (its title and text) or an entity (its name, aliases, type, description and
roles). Records are split by a hash of their URL into shards of about DOSSIER['search_shard']; each
shard is its own Pagefind bundle (the first at /pagefind/, with the search UI; the others at
/pagefind-shards/<n>/, merged by the search page), indexed again only when one of its records
changed: its digest is kept in the page manifest (writer.py) under the bundle's entry file.
"""

from __future__ import annotations

import hashlib
import html
import logging
import math
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from dossier.lifetime import die_with_parent
from dossier.publish.index import DossierIndex

from . import inputs

logger = logging.getLogger(__name__)

ENTRY = "pagefind-entry.json"


class SearchError(RuntimeError):
    exitcode = 2


@dataclass(frozen=True, slots=True)
class Record:
    url: str  # relative to the site root, as the page's own ("people/x/")
    title: str
    text: tuple[str, ...]


def records(index: DossierIndex, singular: dict[str, str]) -> list[Record]:
    """Every article and entity as the search index holds it."""
    found = [Record(a.url, a.title, tuple(b.text for b in a.body)) for a in index.dossier.articles]
    for entity in index.dossier.entities:
        roles = tuple(" ".join(filter(None, (r.role, _name(index, r.of)))) for r in entity.roles)
        found.append(
            Record(
                entity.url,
                entity.name,
                (*entity.aliases, singular.get(entity.type, entity.type), entity.description, *roles),
            )
        )
    return found


def _name(index: DossierIndex, of: str) -> str:
    return index.entities[of].name if of in index.entities else of


def bundles(count: int, size: int) -> list[str]:
    """The bundle folders of `count` records in shards of about `size`, the first one holding the UI.
    A new article re-indexes one shard, not the whole site."""
    shards = max(1, math.ceil(count / size))
    return ["pagefind/"] + [f"pagefind-shards/{n}/" for n in range(1, shards)]


def shard_of(url: str, shards: int) -> int:
    return int(hashlib.sha256(url.encode()).hexdigest()[:8], 16) % shards


def index_site(writer, found: list[Record], size: int) -> None:
    """Write each shard's bundle into the site, or keep it as the previous build left it when none of
    its records changed. SearchError says why Pagefind could not."""
    folders = bundles(len(found), size)
    shards: list[list[Record]] = [[] for _ in folders]
    for record in found:
        shards[shard_of(record.url, len(folders))].append(record)
    root = Path(writer.output_path)
    for folder, shard in zip(folders, shards):
        key = inputs.digest(_pagefind_version(), folder, len(folders), shard)
        entry = folder + ENTRY
        kept = writer.previous.get(entry) == key and (root / entry).is_file()
        if not kept:
            with tempfile.TemporaryDirectory(prefix=".search-", dir=root) as fresh:
                run_pagefind(shard, Path(fresh))
                writer.written += _replace(Path(fresh), root / folder)
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                writer.pages[path.relative_to(root).as_posix()] = ""
        writer.pages[entry] = key
        writer.indexed += 0 if kept else len(shard)


def _replace(fresh: Path, bundle: Path) -> int:
    """Make `bundle` the `fresh` one, keeping each file whose bytes did not change (a fragment of an
    unchanged record keeps its name and content); returns how many files were written."""
    written, wanted = 0, set()
    for path in sorted(fresh.rglob("*")):
        if path.is_file():
            target = bundle / path.relative_to(fresh)
            wanted.add(target)
            if (
                target.is_file()
                and target.stat().st_size == path.stat().st_size
                and target.read_bytes() == path.read_bytes()
            ):
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(
                path, target
            )  # a new file: a link to the previous site is replaced, never written into
            written += 1
    for path in sorted(bundle.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written


def run_pagefind(shard: list[Record], bundle: Path) -> None:
    executable = _executable()
    with tempfile.TemporaryDirectory(prefix="dossier-search-") as stubs:
        for record in shard:
            path = Path(stubs, record.url, "index.html")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_stub(record), encoding="utf-8")
        run = subprocess.run(
            [str(executable), "--site", stubs, "--output-path", str(bundle.resolve()), "--silent"],
            capture_output=True,
            text=True,
            preexec_fn=die_with_parent,
        )
    if run.returncode:
        raise SearchError(f"pagefind failed: {run.stderr.strip() or run.stdout.strip()}")


def _stub(record: Record) -> str:
    text = "".join(f"<p>{html.escape(line)}</p>" for line in record.text if line)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(record.title)}</title>"
        f'</head><body data-pagefind-body><h1 data-pagefind-weight="10">{html.escape(record.title)}</h1>'
        f"{text}</body></html>\n"
    )


def _executable() -> Path:
    try:
        from pagefind.service import get_executable  # finds the binary of pagefind[bin]

        executable = get_executable()
    except ImportError:
        executable = None
    if executable is None:
        raise SearchError("Pagefind is not installed: pip install 'pagefind[bin]'")
    return Path(executable)


def _pagefind_version() -> str:
    try:
        from importlib.metadata import version

        return version("pagefind")
    except Exception:  # a Pagefind without its metadata is indexed again on every build
        return os.urandom(8).hex()
