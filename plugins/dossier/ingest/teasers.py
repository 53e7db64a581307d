"""Lists of links to other stories ("Related", "More from ...", "Most read") inside or after the article.

Each teaser is a headline: a capitalised line of a few words that is not a sentence (no closing
full stop). One such line may be a subheading, three may be an article's key points; four or more
in a row, with only dates or times between them, are a list of other stories, and so is the short
title above the list. Under a sentence ending in a colon, a list is the article's own.
"""

from __future__ import annotations

import re

from .judgement import Judgement

SENTENCE_CLOSE = re.compile(r"[.!?…:;,][\"'”’)\]]*$")
HEADLINE_CLOSE = re.compile(r"[\w\"'”’)]$")  # a headline ends in a word (an emoji or an arrow ends a prompt)
TEASER_WORDS = (4, 24)  # a headline's length; fewer words are a label, more a paragraph
LIST_LENGTH = 4  # this many headlines in a row are a list, not subheadings (nor an article's few key points)
BETWEEN_WORDS = 5  # a line this short, with a number in it, between two headlines is their date or time
TITLE_WORDS = 6  # the list's own title ("More from Acme News")
REASON = "list of links to other stories"
# a teaser that shows the story's opening: its headline glued to the dateline ("Ferry cuts crossings
# TARNVIK: The ferry company ...")
HEADLINE_AND_DATELINE = re.compile(
    r"^[^.!?]{15,200}?\s[A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]{2,}){0,2}(?::| --| —)\s"
)
GLUED_LIST = 2  # this many such teasers in a row are a list


def mark_teaser_lists(texts: list[str], judgements: list[Judgement]) -> None:
    """Every line of a list of headlines (and its title) becomes page furniture."""
    _mark_glued_teasers(texts, judgements)
    index = 0
    while index < len(texts):
        members, end = _list_at(texts, judgements, index)
        title = index - 1 if index and _is_title(texts[index - 1], judgements[index - 1]) else None
        if index and _introduces(texts[index - 1], judgements[index - 1]):
            index += 1  # a sentence ending in a colon introduces the article's own list
            continue
        if sum(_is_headline(texts[i], judgements[i]) for i in members) >= LIST_LENGTH:
            members += [title] if title is not None else []
            for member in members:
                judgements[member].kind, judgements[member].reason = "furniture", REASON
            index = end
        else:
            index += 1


def _list_at(texts: list[str], judgements: list[Judgement], index: int) -> tuple[list[int], int]:
    """The headlines of a list starting at `index` (and where it ends)."""
    members, position = [], index
    while position < len(texts):
        if _is_headline(texts[position], judgements[position]):
            members.append(position)
        elif not (members and _is_date_or_time(texts[position], judgements[position])):
            break
        position += 1
    if members:  # the time stamps between the headlines belong to the list
        members = list(range(members[0], members[-1] + 1)) if len(members) > 1 else members
    return members, position


def _is_headline(text: str, judgement: Judgement) -> bool:
    return (
        judgement.kind in ("text", "short")
        and TEASER_WORDS[0] <= judgement.words <= TEASER_WORDS[1]
        and (text[0].isupper() or text[0] in "'‘\"“")  # a quantity opens a list item, not a headline
        and not SENTENCE_CLOSE.search(text)
        and bool(HEADLINE_CLOSE.search(text))
    )


def _is_date_or_time(text: str, judgement: Judgement) -> bool:
    """ "13 hours ago", "19 Nov 2019 05:44": a teaser's time stamp between two headlines."""
    return judgement.kind != "prose" and judgement.words <= BETWEEN_WORDS and any(c.isdigit() for c in text)


def _introduces(text: str, judgement: Judgement) -> bool:
    return judgement.kind in ("prose", "text") and text.endswith(":") and judgement.words > TITLE_WORDS


def _is_title(text: str, judgement: Judgement) -> bool:
    """ "More from the coast", "Related:": a few words, no sentence."""
    return (
        judgement.kind in ("text", "short", "furniture")
        and 0 < judgement.words <= TITLE_WORDS
        and not SENTENCE_CLOSE.search(text.removesuffix(":"))
    )


def _mark_glued_teasers(texts: list[str], judgements: list[Judgement]) -> None:
    """Headlines glued to their story's opening, several in a row: an index of other stories."""
    glued = [bool(HEADLINE_AND_DATELINE.match(text)) for text in texts]
    index = 0
    while index < len(texts):
        end = index
        while end < len(texts) and glued[end]:
            end += 1
        if end - index >= GLUED_LIST:
            for member in range(index, end):
                judgements[member].kind, judgements[member].reason = "furniture", REASON
        index = max(end, index + 1)
