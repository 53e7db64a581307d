"""`dossier add`: copy new articles into the seeds folder under stable, content-derived names.

Exact duplicates (the same text after decoding and whitespace normalisation) are refused; near
duplicates (the same article from another outlet, or a re-paste with other boilerplate) are added but
reported, with the share of text they have in common.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from slugify import slugify

from .ingest.clean import clean
from .ingest.read import read_seed, text_digest

NEAR_DUPLICATE = 0.5  # share of prose shingles in common that makes two seeds "the same story"
PROSE_LINE_WORDS = 10  # lines this long are article prose; shorter ones are mostly page furniture
WORD = re.compile(r"\w+")


@dataclass
class Added:
    source: str
    path: Path | None = None  # None when refused
    message: str = ""


def add_seeds(inputs: list[tuple[str, bytes]], folder: str | Path) -> list[Added]:
    """Add each (name, bytes) to `folder`; returns what happened to each, in order."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    existing = {p: read_seed(p) for p in sorted(folder.glob("*.txt"))}
    digests = {text_digest(seed.text): p for p, seed in existing.items() if not seed.skip}
    shingles = {p: _shingles(seed.text) for p, seed in existing.items() if not seed.skip}
    results = []
    for name, data in inputs:
        seed = read_seed(name, data)
        if seed.skip:
            results.append(Added(name, message=f"not added: {name} {'; '.join(seed.problems)}"))
            continue
        digest = text_digest(seed.text)
        if digest in digests:
            results.append(Added(name, message=f"not added: {name} is the same text as {digests[digest]}"))
            continue
        title = clean(seed).title
        path = folder / f"{slugify(title, max_length=50) or 'article'}-{digest[:12]}.txt"
        try:
            with open(path, "xb") as out:  # never overwrite a seed
                out.write(data)
        except OSError as error:
            if not isinstance(error, FileExistsError):
                path.unlink(missing_ok=True)  # no half-written seed
            results.append(
                Added(name, message=f"not added: {name}: cannot write {path}: {error.strerror or error}")
            )
            continue
        message = f"added {path} ({title})"
        near = _nearest(_shingles(seed.text), shingles)
        if near:
            message += f"; looks like a near-duplicate of {near[0]} ({near[1]:.0%} of its text in common)"
        digests[digest], shingles[path] = path, _shingles(seed.text)
        results.append(Added(name, path, message))
    return results


def _shingles(text: str, size: int = 5) -> set[int]:
    """Hashed 5-word shingles of the prose lines: boilerplate differs between outlets, prose does not."""
    result = set()
    for line in text.split("\n"):
        words = WORD.findall(line.lower())
        if len(words) >= PROSE_LINE_WORDS:
            result.update(hash(tuple(words[i : i + size])) for i in range(len(words) - size + 1))
    return result


def _nearest(new: set[int], others: dict[Path, set[int]]) -> tuple[Path, float] | None:
    best = None
    for path, shingles in others.items():
        if new and shingles:
            share = len(new & shingles) / min(len(new), len(shingles))
            if share >= NEAR_DUPLICATE and (best is None or share > best[1]):
                best = (path, share)
    return best
