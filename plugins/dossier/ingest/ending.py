"""Where an article ends: judged as carefully as where it starts.

The maximum-sum run stops at the last block that pays for itself, so a short closing paragraph (a
last quotation, a one-sentence conclusion) falls outside it. After the run, a short block that is
written as a sentence and continues the article (names one of its actors or words, or goes on with
its quotation) is still the article; the first block that does not, or any page furniture, ends it.
"""

from __future__ import annotations

import re

from .judgement import Judgement

SENTENCE_CLOSE = re.compile(r"[.!?…][\"'”’)\]]*$")
QUOTE_OPEN = re.compile(r"^[\"“‘']")
# the signature under an embedded post: "— Jane Roe (@janeroe) March 3, 2021"
EMBED_SIGNATURE = re.compile(r"^[—–-]\s*\S.{0,80}\(@\w+\)")
CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")
SHARED_WORDS = 1  # a closing paragraph names at least this many of the article's own words
SUBHEADING_WORDS = 8  # a subheading over the closing paragraph is a few words
CLOSING_WORDS = 60  # longer blocks outside the run were weighed by the run itself: not a closing line
CLOSING_PARAGRAPHS = 3  # an article closes in a few short paragraphs; more are readers' comments or a feed
STEM = 5  # letters that stand for a word: enough to tell words apart, few enough to join its forms


def article_end(texts: list[str], judgements: list[Judgement], start: int, end: int, stoplist) -> int:
    """The end of the article: `end`, moved over the short closing paragraphs that continue it."""
    if start >= end:
        return end
    known = words(" ".join(texts[start:end]), stoplist)
    for _ in range(CLOSING_PARAGRAPHS):
        if end >= len(texts):
            break
        # a subheading, or a picture, counts when the paragraph under it continues the article
        after = end
        while after + 1 < len(texts) and judgements[after].picture:
            after += 1
        if (
            _is_subheading(judgements[after])
            and after + 1 < len(texts)
            and not EMBED_SIGNATURE.match(texts[after])
        ):
            after += 1
        if not _continues(texts[after], judgements[after], known, stoplist):
            return end
        known |= words(texts[after], stoplist)
        end = after + 1
    return end


def _is_subheading(judgement: Judgement) -> bool:
    return judgement.kind == "short" and 0 < judgement.words <= SUBHEADING_WORDS


def _continues(text: str, judgement: Judgement, known: set[str], stoplist) -> bool:
    if judgement.kind not in ("text", "short", "prose") or judgement.words > CLOSING_WORDS:
        return False
    if EMBED_SIGNATURE.match(text):
        return True  # the post the article quotes ends with its signature
    if not SENTENCE_CLOSE.search(text) or judgement.words < 3:
        return False  # a title, a label or a link, not a sentence
    if QUOTE_OPEN.match(text):
        return True  # the article's quotation goes on
    return len(words(text, stoplist) & known) >= SHARED_WORDS


def words(text: str, stoplist) -> set[str]:
    """The block's words that say something, cut to a stem ("cases" and "case" are one word)."""
    words = (w.lower() for w in CONTENT_WORD.findall(text))
    return {w.removesuffix("s")[:STEM] for w in words if w not in stoplist}
