"""The cleaning stage: keep the article of a pasted web page and drop the page around it.

A pasted page is a run of lines. As in jusText, each block is first judged on its own (length,
share of function words, sentence punctuation, known page furniture); the article is then the run
of blocks holding the most prose (a maximum-sum segment), which bridges the subheadings and ad slots
inside an article but not the menus, teaser lists and footers around it. Between the two, the page's
own rules (PAGE_RULES) read each block with its neighbours: comments, captions, lists. The headline, date,
publisher and dateline are looked for where pages put them: above and at the start of that run.
Dropped blocks are kept with the reason, so nothing is lost silently.
"""

from __future__ import annotations

from pathlib import Path

from slugify import slugify

from ..language.stoplists import stoplist_for
from ..model import Article, Block, SeedText
from ..rules import Ruler
from ..slugs import bounded_slug
from . import boilerplate, captions, lists, masthead, teasers
from .blocks import SENTENCE_END, WORD, judge
from .ending import EMBED_SIGNATURE, SENTENCE_CLOSE, article_end, words
from .judgement import Judgement, Page

HEADING_WORDS = 14  # a subheading is shorter than this
SENTENCE_WORDS = (
    4  # inside the article, a sentence this long is a paragraph of it (figures, names, few function words)
)


def clean(seed: SeedText, repeated_lines: frozenset[str] = frozenset()) -> Article:
    """The article of one pasted page: its title, date, publisher, dateline and kept blocks."""
    texts = split_blocks(seed.text)
    texts, captions = masthead.split_glued_captions(texts)
    stoplist = stoplist_for(WORD.findall(seed.text[:50_000]))
    repeated = [text in repeated_lines for text in texts]
    page = Page(
        texts, [judge(text, stoplist, repeated[i], i in captions) for i, text in enumerate(texts)], repeated
    )
    for rule in PAGE_RULES.getRules(""):
        rule(page)
    judgements = page.judgements
    start, end = article_run(judgements)
    end = article_end(texts, judgements, start, end, stoplist)
    blocks = [Block(text) for text in texts]
    for index, (block, judgement) in enumerate(zip(blocks, judgements)):
        block.kept, block.reason = keep(index, block.text, judgements, start, end)
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


def mark_captions_beside_pictures(page: Page) -> None:
    """A block directly above a photographer's credit, or a short line under an image marker, is that
    photo's caption."""
    for index, judgement in enumerate(page.judgements):
        if judgement.kind != "furniture" and captions.next_to_a_picture(page.texts, index):
            judgement.kind, judgement.reason = (
                "furniture",
                "photo caption (next to the photo's credit or marker)",
            )
            judgement.picture = True


def drop_comments(page: Page) -> None:
    """Everything after the start of the readers' comments (once the article has begun) is not the article."""
    judgements, seen_prose = page.judgements, False
    for index, judgement in enumerate(judgements):
        seen_prose = seen_prose or judgement.kind == "prose"
        if judgement.kind == "end" and seen_prose:
            for later in judgements[index + 1 :]:
                later.kind, later.reason = "furniture", "readers' comments, or what follows them"
            return


def mark_teasers(page: Page) -> None:
    teasers.mark_teaser_lists(page.texts, page.judgements)


def mark_lists(page: Page) -> None:
    lists.mark_article_lists(page.texts, page.judgements)


def mark_repeats(page: Page) -> None:
    boilerplate.mark_repeats(page.texts, page.judgements)


def mark_site_prose(page: Page) -> None:
    boilerplate.mark_site_prose(page.repeated, page.judgements)


# What the blocks' neighbours say, in order: the comments end the article before anything else is
# looked at; lists of the article are found after the teaser lists, so an article's numbered list wins.
PAGE_RULES = Ruler()
for _rule in (
    drop_comments,
    mark_captions_beside_pictures,
    mark_teasers,
    mark_lists,
    mark_repeats,
    mark_site_prose,
):
    PAGE_RULES.push(_rule.__name__, _rule)


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


def keep(index: int, text: str, judgements: list[Judgement], start: int, end: int) -> tuple[bool, str]:
    judgement = judgements[index]
    if not start <= index < end:
        return False, judgement.reason or "outside the article text (sidebar, teaser or footer)"
    if judgement.kind in ("prose", "text", "item"):
        return True, ""
    if judgement.kind == "short" and _followed_by_prose(judgements, index, end):
        return True, "subheading or short paragraph inside the article"
    if judgement.kind == "short" and judgement.words >= SENTENCE_WORDS and SENTENCE_CLOSE.search(text):
        return True, "short paragraph inside the article"
    if judgement.kind == "short" and EMBED_SIGNATURE.match(text):
        return True, "signature of a post the article quotes"
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
