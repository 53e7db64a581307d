"""Each block of a pasted page judged on its own, by a named, ordered list of rules.

As in jusText, a block is page furniture when it has furniture's own signs (a tool row, a credit, a
comments heading), prose when it is long enough, has a sentence in it and enough function words of
its language, and otherwise short text or a short line. The first rule that recognises the block
decides (`BLOCK_RULES.get_all_rules()` prints them in order; `before`/`after` insert one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..rules import Ruler
from . import captions
from .furniture import COMMENTS, FURNITURE, FURNITURE_ANYWHERE, MENU_SEPARATORS, SECTION_TRAIL
from .judgement import Judgement

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?:\s|$)")

PROSE_STOPWORDS = 0.3  # share of function words in prose (jusText's threshold)
TEXT_STOPWORDS = 0.2
PROSE_WORDS = 10  # a block with this many words and a sentence in it reads as prose
FURNITURE_WORDS = 25  # a line opening as furniture does ("Share this", "Related") is at most this long
FURNITURE_TAIL = (
    300,
    60,
)  # a furniture phrase in a block's last 300 characters, for blocks of 60 words or less
READ_CHARS = 5000  # a block's words are counted in its first characters (a block may be a whole page)


@dataclass(frozen=True)
class Seen:
    """A block as the rules see it."""

    text: str
    words: int
    stopword_share: float
    repeated: bool  # the line is on other seeds' pages too
    glued_caption: bool  # cut off the dateline it was pasted onto

    @property
    def sentence(self) -> bool:
        return bool(SENTENCE_END.search(self.text + " "))


def see(text: str, stoplist: frozenset[str], repeated: bool = False, glued_caption: bool = False) -> Seen:
    words = WORD.findall(text[:READ_CHARS])
    n = len(words) if len(text) <= READ_CHARS else len(text.split())
    stop = sum(w.lower() in stoplist for w in words) / max(1, len(words))
    return Seen(text, n, stop, repeated, glued_caption)


def judge(text: str, stoplist: frozenset[str], repeated: bool = False, caption: bool = False) -> Judgement:
    """What a block looks like on its own, before its neighbours are considered."""
    seen = see(text, stoplist, repeated, caption)
    for rule in BLOCK_RULES.getRules(""):
        if judgement := rule(seen):
            return judgement
    return Judgement("short", seen.words, "short line outside the article text (menu, headline, teaser)")


def glued_caption(seen: Seen) -> Judgement | None:
    if seen.glued_caption:
        return Judgement("furniture", seen.words, "photo caption glued to the dateline")
    return None


def comments(seen: Seen) -> Judgement | None:
    if COMMENTS.match(seen.text):
        return Judgement("end", seen.words, "start of the readers' comments")
    return None


def furniture(seen: Seen) -> Judgement | None:
    chars, most = FURNITURE_TAIL
    if (
        FURNITURE.match(seen.text)
        and seen.words <= FURNITURE_WORDS
        or FURNITURE_ANYWHERE.search(seen.text[-chars:])
        and seen.words <= most
    ):
        return Judgement("furniture", seen.words, "page furniture (tools, prompts, credits, teasers)")
    return None


def menu_row(seen: Seen) -> Judgement | None:
    if len(MENU_SEPARATORS.findall(seen.text)) >= 2:
        return Judgement("furniture", seen.words, "navigation or tool row")
    return None


def section_trail(seen: Seen) -> Judgement | None:
    if SECTION_TRAIL.match(seen.text):
        return Judgement("furniture", seen.words, "section names above the headline")
    return None


def image_marker(seen: Seen) -> Judgement | None:
    if captions.is_image_marker(seen.text):
        return Judgement("furniture", seen.words, "a photo player's control or counter", picture=True)
    return None


def photo_credit(seen: Seen) -> Judgement | None:
    if captions.is_credit(seen.text):
        return Judgement("furniture", seen.words, "photo credit or agency line", picture=True)
    return None


def caption(seen: Seen) -> Judgement | None:
    if sign := captions.caption_sign(seen.text):
        return Judgement("furniture", seen.words, sign, picture=True)
    return None


def prose(seen: Seen) -> Judgement | None:
    if seen.words >= PROSE_WORDS and seen.stopword_share >= PROSE_STOPWORDS and seen.sentence:
        return Judgement("prose", seen.words)
    return None


def site_line(seen: Seen) -> Judgement | None:
    """A line repeated in other seeds is the site's, unless it is prose (prose is judged before): then
    the seeds share the story itself (a wire report pasted from two outlets), and it stays."""
    if seen.repeated:
        return Judgement("furniture", seen.words, "repeated on other pages of the site")
    return None


def short_text(seen: Seen) -> Judgement | None:
    """Written, not a menu item: a short sentence, or words that run as a language does."""
    if (
        seen.words >= 4
        and seen.stopword_share >= TEXT_STOPWORDS
        and seen.sentence
        or seen.words >= 5
        and seen.stopword_share >= PROSE_STOPWORDS
    ):
        return Judgement("text", seen.words, "short text outside the article")
    return None


BLOCK_RULES = Ruler()
for _rule in (
    glued_caption,
    comments,
    furniture,
    menu_row,
    section_trail,
    image_marker,
    photo_credit,
    caption,
    prose,
    site_line,
    short_text,
):
    BLOCK_RULES.push(_rule.__name__, _rule)
