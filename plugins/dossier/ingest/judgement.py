"""What one block of a pasted page looks like on its own, and what it weighs in the article run."""

from __future__ import annotations

from dataclasses import dataclass

TEXT_WEIGHT = 0.3
ITEM_WEIGHT = 1.0  # a list item pays its way: the list bridges the prose around it
SHORT_PENALTY = 10  # what each non-prose block costs the run of article blocks around it
PICTURE_PENALTY = 2  # a picture in the text costs the run little: the article goes on under it


@dataclass
class Judgement:
    kind: str  # "prose", "text" (short but written, not a menu item), "item" (of a list in the article),
    # "short", "furniture" or "end"
    words: int
    reason: str = ""
    picture: bool = (
        False  # a photo's caption, credit or marker: it stands inside articles as often as around them
    )

    @property
    def weight(self) -> float:
        if self.picture:
            return -PICTURE_PENALTY
        if self.kind == "prose":
            return self.words
        if self.kind == "item":
            return ITEM_WEIGHT
        if self.kind == "text":
            return self.words * TEXT_WEIGHT - SHORT_PENALTY / 2
        return -SHORT_PENALTY - (self.words / 2 if self.kind in ("furniture", "end") else 0)


@dataclass
class Page:
    """A pasted page's blocks as the cleaner judges them, for the rules that read a block's neighbours."""

    texts: list[str]
    judgements: list[Judgement]
    repeated: list[bool]  # the line is on other seeds' pages too
