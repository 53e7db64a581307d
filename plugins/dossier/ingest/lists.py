"""Lists inside the article: numbered items under the sentence that introduces them.

A list's items are short lines, which on their own read like a menu. Numbered in order (1, 2, 3 ...)
under a paragraph that ends in a colon ("Here are the best offers:"), they are the article's list,
with whatever stands between the items (a link, a price).
"""

from __future__ import annotations

import re

from .judgement import Judgement

NUMBERED = re.compile(r"^\(?(\d{1,3})(?:[.)]\s+\S|$)")  # "1) Item", "1. Item", or a table's rank "1" alone
INTRODUCES = re.compile(r":\s*$")
LIST_ITEMS = 3  # fewer numbered lines are not a list
BETWEEN = 2  # at most this many lines stand between two items (a link, a price, a photo credit)
ROW_CELLS = 9  # a ranked table pasted a cell a line: the rank, then at most this many cells of its row


def mark_article_lists(texts: list[str], judgements: list[Judgement]) -> None:
    """Numbered items in order after an introducing paragraph become list items of the article."""
    for index, text in enumerate(texts):
        if not INTRODUCES.search(text) or judgements[index].kind not in ("prose", "text"):
            continue
        items = _numbered_run(texts, index + 1)
        if len(items) >= LIST_ITEMS:
            for member in range(index + 1, items[-1] + 1 + _trailing(texts, items[-1])):
                if judgements[member].kind != "end":
                    judgements[member].kind, judgements[member].reason = "item", "list item in the article"


def _numbered_run(texts: list[str], start: int) -> list[int]:
    """The lines numbered 1, 2, 3 ... from `start`, with at most BETWEEN lines between two of them; a
    table's rows, once two are found, are all as wide as the first (a cell may hold the next number)."""
    items, expected, position = [], 1, start
    while position < len(texts) and position - (items[-1] if items else start - 1) <= _reach(texts, items):
        match = NUMBERED.match(texts[position])
        row = items[-1] - items[-2] if len(items) >= 2 and texts[items[-1]].strip().isdigit() else 0
        if match and int(match[1]) == expected and (not row or position == items[-1] + row):
            items.append(position)
            expected += 1
        position += 1
    return items


def _reach(texts: list[str], items: list[int]) -> int:
    """How far the next item may be: a table's row, or an item and what stands under it."""
    bare = not items or texts[items[-1]].strip().isdigit()  # the first item may stand under a table's head
    return (ROW_CELLS if bare else BETWEEN) + 1


def _trailing(texts: list[str], last: int) -> int:
    """The lines after the last item that belong to it: as many as stood after the one before it."""
    if texts[last].strip().isdigit():  # the last row of a table: as many cells as the row before
        return last - _previous_item(texts, last) - 1
    return (
        1
        if last + 1 < len(texts) and not NUMBERED.match(texts[last + 1]) and len(texts[last + 1].split()) <= 2
        else 0
    )


def _previous_item(texts: list[str], last: int) -> int:
    number = int(texts[last].strip())
    return next((i for i in range(last - 1, -1, -1) if texts[i].strip() == str(number - 1)), last - 1)
