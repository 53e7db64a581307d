"""Placeholder cleaner: keeps every block (replaced by the real cleaner)."""
from __future__ import annotations

from pathlib import Path

from slugify import slugify

from .model import Article, Block, SeedText


def clean(seed: SeedText, repeated_lines: frozenset[str] = frozenset()) -> Article:
    blocks = [Block(p.strip()) for p in seed.text.split("\n\n") if p.strip()]
    title = blocks[0].text if blocks else Path(seed.path).stem
    return Article(id=slugify(title)[:80] or slugify(Path(seed.path).stem), source_file=seed.path,
                   title=title, blocks=blocks[1:], problems=list(seed.problems))
