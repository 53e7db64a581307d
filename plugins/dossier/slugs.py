"""URL slugs of bounded length that are never empty: a page's folder and a feed's file name come from them.

A 19-word organisation or a 324-character name in the registry would otherwise make a file name longer
than the file system allows, and a name of punctuation alone a link to `tags//`.
"""

from __future__ import annotations

import hashlib

from slugify import slugify

MAX_LENGTH = 80  # characters; file names may have 255 bytes, and a feed adds ".atom.xml"
HASH_LENGTH = 8


def bounded_slug(name: str, fallback: str, **options) -> str:
    """slugify(name), cut at a word to MAX_LENGTH with a hash of the whole name (two long names that
    begin alike stay apart); `fallback` and a hash when nothing of the name is left."""
    slug = slugify(name, **options)
    if slug and len(slug) <= MAX_LENGTH:
        return slug
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:HASH_LENGTH]
    if not slug:
        return f"{fallback}-{digest}"
    cut = slugify(name, max_length=MAX_LENGTH - HASH_LENGTH - 1, word_boundary=True, **options)
    return f"{cut or slug[: MAX_LENGTH - HASH_LENGTH - 1]}-{digest}"


def unique_id(wanted: str, used: set[str]) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`... the first not in `used`; it is added to `used`."""
    candidate, n = wanted, 2
    while candidate in used:
        candidate, n = f"{wanted}-{n}", n + 1
    used.add(candidate)
    return candidate
