"""The cleaning stage: keep the article of a pasted web page and drop the page around it.

A pasted page is a run of lines. As in jusText, each block is first judged on its own (length,
share of function words, sentence punctuation, known page furniture); the article is then the run
of blocks holding the most prose (a maximum-sum segment), which bridges the subheadings and ad slots
inside an article but not the menus, teaser lists and footers around it. The headline, date,
publisher and dateline are looked for where pages put them: above and at the start of that run.
Dropped blocks are kept with the reason, so nothing is lost silently.
"""

from __future__ import annotations

import re
from pathlib import Path

from slugify import slugify

from ..language.stoplists import stoplist_for
from ..model import Article, Block, SeedText
from ..slugs import bounded_slug
from . import boilerplate, captions, masthead
from .ending import article_end, words
from .furniture import COMMENTS, FURNITURE, FURNITURE_ANYWHERE, MENU_SEPARATORS, SECTION_TRAIL
from .judgement import Judgement
from .lists import mark_article_lists
from .teasers import mark_teaser_lists

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?:\s|$)")

PROSE_STOPWORDS = 0.3  # share of function words in prose (jusText's threshold)
TEXT_STOPWORDS = 0.2
PROSE_WORDS = 10  # a block with this many words and a sentence in it reads as prose
HEADING_WORDS = 14  # a subheading is shorter than this


def clean(seed: SeedText, repeated_lines: frozenset[str] = frozenset()) -> Article:
    """The article of one pasted page: its title, date, publisher, dateline and kept blocks."""
    texts = split_blocks(seed.text)
    texts, captions = masthead.split_glued_captions(texts)
    stoplist = stoplist_for(WORD.findall(seed.text[:50_000]))
    judgements = [
        judge(text, stoplist, text in repeated_lines, index in captions) for index, text in enumerate(texts)
    ]
    drop_comments(judgements)
    mark_captions_beside_pictures(texts, judgements)
    mark_teaser_lists(texts, judgements)
    mark_article_lists(texts, judgements)
    boilerplate.mark_repeats(texts, judgements)
    boilerplate.mark_site_prose([text in repeated_lines for text in texts], judgements)
    start, end = article_run(judgements)
    end = article_end(texts, judgements, start, end, stoplist)
    blocks = [Block(text) for text in texts]
    for index, (block, judgement) in enumerate(zip(blocks, judgements)):
        block.kept, block.reason = keep(index, judgements, start, end)
        if block.kept and judgement.kind == "short":
            block.kind = "heading" if is_heading(block.text, judgements, index) else "paragraph"
    problems = list(seed.problems)
    if not any(b.kept for b in blocks) and blocks:
        for block, judgement in zip(blocks, judgements):  # no prose at all: keep the text rather than lose it
            block.kept, block.reason = judgement.kind != "furniture", judgement.reason
        problems.append("no article prose was recognised: kept every line that is not page furniture")

    subject = frozenset(words(" ".join(texts[start:end]), stoplist))
    head = masthead.read_masthead(texts, start if start < end else len(texts), captions, subject)
    for block in blocks[start:]:  # the headline printed again above the text is not the text
        if block.kept and block.text == head.title:
            block.kept, block.reason = False, "the headline again"
    for index in head.consumed:
        if not blocks[index].kept and judgements[index].kind != "furniture":
            blocks[index].reason = "headline, date line or source line of the page"
    title = head.title or _first_words(blocks)
    if not head.title:
        problems.append("no headline was recognised: the title is the text's first words")
    if not head.date:
        problems.append("no publication date was recognised")
    return Article(
        id=slugify(title, max_length=80, word_boundary=True) or bounded_slug(Path(seed.path).stem, "article"),
        source_file=seed.path,
        title=title,
        date=head.date,
        publisher=head.publisher,
        dateline_place=head.place,
        blocks=blocks,
        problems=problems,
    )


def split_blocks(text: str) -> list[str]:
    """One block per line; lines hard-wrapped inside a paragraph are joined back (whitespace only)."""
    blocks: list[str] = []
    joinable = False
    for line in text.split("\n"):
        line = " ".join(line.split())
        if not line:
            joinable = False
            continue
        if joinable and line[0].islower():
            blocks[-1] += " " + line
        else:
            blocks.append(line)
        joinable = len(blocks[-1]) >= 40 and not SENTENCE_END.search(blocks[-1][-3:] + " ")
    return blocks


def judge(text: str, stoplist: frozenset[str], repeated: bool = False, caption: bool = False) -> Judgement:
    """What a block looks like on its own, before its neighbours are considered.

    A line repeated in other seeds is site furniture, unless it is prose: then the seeds share the
    story itself (a wire report pasted from two outlets), and it stays.
    """
    words = WORD.findall(text[:5000])
    n = len(words) if len(text) <= 5000 else len(text.split())
    if caption:
        return Judgement("furniture", n, "photo caption glued to the dateline")
    if COMMENTS.match(text):
        return Judgement("end", n, "start of the readers' comments")
    if FURNITURE.match(text) and n <= 25 or FURNITURE_ANYWHERE.search(text[-300:]) and n <= 60:
        return Judgement("furniture", n, "page furniture (tools, prompts, credits, teasers)")
    if len(MENU_SEPARATORS.findall(text)) >= 2:
        return Judgement("furniture", n, "navigation or tool row")
    if SECTION_TRAIL.match(text):
        return Judgement("furniture", n, "section names above the headline")
    if captions.is_image_marker(text):
        return Judgement("furniture", n, "a photo player's control or counter")
    if captions.is_credit(text):
        return Judgement("furniture", n, "photo credit or agency line")
    if sign := captions.caption_sign(text):
        return Judgement("furniture", n, sign)
    stop = sum(w.lower() in stoplist for w in words) / max(1, len(words))
    if n >= PROSE_WORDS and stop >= PROSE_STOPWORDS and SENTENCE_END.search(text + " "):
        return Judgement("prose", n)
    if repeated:
        return Judgement("furniture", n, "repeated on other pages of the site")
    if (
        n >= 4
        and stop >= TEXT_STOPWORDS
        and SENTENCE_END.search(text + " ")
        or n >= 5
        and stop >= PROSE_STOPWORDS
    ):
        return Judgement("text", n, "short text outside the article")
    return Judgement("short", n, "short line outside the article text (menu, headline, teaser)")


def mark_captions_beside_pictures(texts: list[str], judgements: list[Judgement]) -> None:
    """A block directly before or after a photo credit or an image marker is that photo's caption."""
    for index, judgement in enumerate(judgements):
        if judgement.kind != "furniture" and captions.next_to_a_picture(texts, index):
            judgement.kind, judgement.reason = (
                "furniture",
                "photo caption (above a photo credit or an image marker)",
            )


def drop_comments(judgements: list[Judgement]) -> None:
    """Everything after the start of the readers' comments (once the article has begun) is not the article."""
    seen_prose = False
    for index, judgement in enumerate(judgements):
        seen_prose = seen_prose or judgement.kind == "prose"
        if judgement.kind == "end" and seen_prose:
            for later in judgements[index + 1 :]:
                later.kind, later.reason = "furniture", "readers' comments, or what follows them"
            return


def article_run(judgements: list[Judgement]) -> tuple[int, int]:
    """The run of blocks [start, end) with the greatest total weight (Kadane's maximum-sum segment)."""
    best, best_run, total, start = 0.0, (0, 0), 0.0, 0
    for index, judgement in enumerate(judgements):
        if total <= 0:
            total, start = 0.0, index
        total += judgement.weight
        if total > best:
            best, best_run = total, (start, index + 1)
    return best_run


def keep(index: int, judgements: list[Judgement], start: int, end: int) -> tuple[bool, str]:
    judgement = judgements[index]
    if not start <= index < end:
        return False, judgement.reason or "outside the article text (sidebar, teaser or footer)"
    if judgement.kind in ("prose", "text", "item"):
        return True, ""
    if judgement.kind == "short" and _followed_by_prose(judgements, index, end):
        return True, "subheading or short paragraph inside the article"
    return False, judgement.reason


def is_heading(text: str, judgements: list[Judgement], index: int) -> bool:
    return judgements[index].words <= HEADING_WORDS and not SENTENCE_END.search(text[-3:] + " ")


def _followed_by_prose(judgements: list[Judgement], index: int, end: int) -> bool:
    for following in judgements[index + 1 : end]:
        if following.kind in ("prose", "text"):
            return True
        if following.kind == "short":
            return False
    return False


def _first_words(blocks: list[Block]) -> str:
    text = next((b.text for b in blocks if b.kept), blocks[0].text if blocks else "")
    words = text.split()
    return " ".join(words[:12]) + (" …" if len(words) > 12 else "") if words else "Untitled"
