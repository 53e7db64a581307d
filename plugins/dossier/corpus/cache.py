"""Per-seed results cached on disk by content hash and code version, so a rebuild redoes only what changed.

An entry is data, never code: MessagePack of the result (msgspec encodes and checks it against the
result's type hints, so a new field or dataclass in the per-seed work needs no change here), wrapped
with its own key and the hash of the seed it was made from. On load the type, the key and the hash are
checked; an entry that fails any check (truncated, swapped with another, from another version,
crafted) is recomputed, never trusted. Entries are written to a temporary file and renamed into place,
so a build that crashes mid-write never leaves a half-written entry.
"""

from __future__ import annotations

import hashlib
import logging
import os
import typing
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Generic, TypeVar

import msgspec

from ..files import write_atomically

PACKAGE = Path(__file__).resolve().parent.parent  # the whole core, not only this package
T = TypeVar("T")
logger = logging.getLogger(__name__)


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


class Entry(msgspec.Struct, Generic[T]):
    """What a cache file holds: the value, under the key it was stored for and its seed's hash."""

    key: str
    seed: str
    value: T


def seed_hash(seed: str | bytes) -> str:
    return hashlib.sha256(
        seed if isinstance(seed, bytes) else seed.encode("utf-8", "surrogatepass")
    ).hexdigest()


def _decode_hook(kind: type, data: object) -> object:
    """Types msgspec does not decode itself (Counter holds phrase counts)."""
    if (typing.get_origin(kind) or kind) is Counter and isinstance(data, dict):
        return Counter(data)
    raise NotImplementedError(f"the cache cannot decode {kind!r}")


@cache
def _decoder(kind: type) -> msgspec.msgpack.Decoder:
    return msgspec.msgpack.Decoder(Entry[kind], dec_hook=_decode_hook)


class Cache:
    """A folder of checked entries; `hits` and `misses` say how much work was reused."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.hits = self.misses = 0
        self.encoder = msgspec.msgpack.Encoder()
        self.refused: set[str] = set()  # types that cannot be cached (said once in the log)

    def _path(self, entry: str, slot: str | None = None) -> Path:
        return self.folder / f"{slot}.msgpack" if slot else self.folder / entry[:2] / f"{entry}.msgpack"

    def get(self, entry: str, kind: type[T], seed: str | bytes, slot: str | None = None) -> T | None:
        """The value stored for `entry` if it is a `kind` made from this `seed`; None otherwise.

        With `slot`, the entry is looked for in that one place, which holds the latest entry put there:
        for results of which only the latest is worth keeping (the corpus steps' result is 30 MB at
        1,000 seeds, and made anew after every change of a seed)."""
        try:
            with open(self._path(entry, slot), "rb") as handle:
                stored = _decoder(kind).decode(handle.read())
        except (OSError, msgspec.DecodeError):  # missing, truncated, of another shape or type: recompute
            stored = None
        except TypeError as error:  # a type msgspec cannot decode
            self._refuse(kind, error)
            stored = None
        if stored is None or stored.key != entry or stored.seed != seed_hash(seed):
            self.misses += 1
            return None
        self.hits += 1
        return stored.value

    def put(self, entry: str, value: object, seed: str | bytes, slot: str | None = None) -> None:
        try:
            data = self.encoder.encode(Entry(entry, seed_hash(seed), value))
        except (TypeError, ValueError, OverflowError) as error:
            self._refuse(type(value), error)
            return
        write_atomically(
            self._path(entry, slot), data
        )  # a read-only or full disk only costs the next build its speed

    def _refuse(self, kind: type, error: Exception) -> None:
        if kind.__name__ not in self.refused:
            self.refused.add(kind.__name__)
            logger.warning(
                "dossier: the cache cannot store %s (%s): it is recomputed on every build",
                kind.__name__,
                error,
            )


class NoCache(Cache):
    def __init__(self):
        super().__init__(os.devnull)

    def get(self, entry: str, kind: type[T], seed: str | bytes, slot: str | None = None) -> T | None:
        self.misses += 1
        return None

    def put(self, entry: str, value: object, seed: str | bytes, slot: str | None = None) -> None:
        pass
