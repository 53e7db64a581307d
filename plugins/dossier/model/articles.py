"""A seed, its article and its blocks, and the stretches of text the stages point into."""

from __future__ import annotations

from dataclasses import dataclass, field

from .types import ARTICLE_FOLDER


@dataclass
class SeedText:
    """A seed file decoded to text, with what reading it noticed."""

    path: str
    text: str
    encoding: str = "utf-8"
    problems: list[str] = field(default_factory=list)
    skip: bool = False  # True when nothing buildable was found (empty, binary, unreadable)


@dataclass(slots=True)
class Block:
    """One block of a pasted page: a paragraph, a subheading or a quotation."""

    text: str
    kind: str = "paragraph"  # "paragraph" | "heading"
    kept: bool = True
    reason: str = ""  # why the cleaner dropped (or kept) it; shown to the reader


@dataclass
class Article:
    """A cleaned article: metadata found on the page and its kept blocks."""

    id: str
    source_file: str
    title: str
    date: str | None = None  # YYYY-MM-DD
    publisher: str | None = None
    dateline_place: str | None = None
    blocks: list[Block] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"{ARTICLE_FOLDER}/{self.id}/"

    @property
    def body(self) -> list[Block]:
        return [b for b in self.blocks if b.kept]

    @property
    def removed(self) -> list[Block]:
        return [b for b in self.blocks if not b.kept]


@dataclass(slots=True)
class Source:
    article: str
    sentence: str


@dataclass(slots=True)
class Stretch:
    """A range of characters of a block (or of the headline): text[start:end]."""

    start: int
    end: int


@dataclass(slots=True)
class Span(Stretch):
    """A stretch of one kept block of an article, with the block it is in and the text it covers."""

    block: int
    text: str


@dataclass(frozen=True, order=True, slots=True)
class Link:
    """An entity link to draw in a block: a stretch of the block's text (offsets as in Mention) and where
    it goes; links are sorted by where they start, as the renderer walks the text."""

    start: int
    end: int
    href: str
    title: str = ""


@dataclass
class Problem:
    file: str
    message: str
