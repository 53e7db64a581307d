"""Per-seed results cached on disk by content hash and code version, so a rebuild redoes only what changed.

Entries are pickles written to a temporary file and renamed into place, so a build that crashes
mid-write never leaves a corrupt entry; an entry that cannot be loaded is simply recomputed.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


@cache
def code_version() -> str:
    """A hash of the core's source and data: any change to the code invalidates every entry."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".json", ".txt", ".tsv", ".csv", ".yaml"):
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def key(*parts: object) -> str:
    """A cache key from anything with a stable repr (strings, bytes, tuples, dataclasses)."""
    digest = hashlib.sha256(code_version().encode())
    for part in parts:
        digest.update(part if isinstance(part, bytes) else repr(part).encode())
        digest.update(b"\0")
    return digest.hexdigest()


class Cache:
    """A folder of pickles; `hits` and `misses` say how much work was reused."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.hits = self.misses = 0

    def _path(self, entry: str) -> Path:
        return self.folder / entry[:2] / f"{entry}.pickle"

    def get(self, entry: str):
        try:
            with open(self._path(entry), "rb") as handle:
                value = pickle.load(handle)
        except Exception:  # missing, truncated or from an incompatible version: recompute
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, entry: str, value) -> None:
        path = self._path(entry)
        try:  # a read-only or full disk only costs the next build its speed
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except OSError:
            Path(temporary).unlink(missing_ok=True)


class NoCache(Cache):
    def __init__(self):
        super().__init__(os.devnull)

    def get(self, entry: str):
        self.misses += 1
        return None

    def put(self, entry: str, value) -> None:
        pass
