"""Text the page holds twice, and prose that belongs to the site rather than to the article.

A page that shows a block twice (a pull quote, a caption in the gallery and under the photo, the
headline again above the text) gives the article the block once. A paragraph that other pages of
the site also carry, standing between lines of the site's own template (an author's box, a
newsletter pitch), is the site's; prose that other seeds share with the article around it (one
wire report pasted from two outlets) stays.
"""

from __future__ import annotations

from .judgement import Judgement

REPEAT_WORDS = 4  # shorter lines repeat as list items and labels


def mark_repeats(texts: list[str], judgements: list[Judgement]) -> None:
    """A block printed twice in a row (a gallery's caption, a headline over itself) counts once. Blocks
    further apart may repeat in an article (the same question put to each person interviewed)."""
    for index in range(1, len(texts)):
        judgement = judgements[index]
        if (
            texts[index] == texts[index - 1]
            and judgement.kind != "furniture"
            and judgement.words >= REPEAT_WORDS
        ):
            judgement.kind, judgement.reason = "furniture", "shown twice in a row on the page"


def mark_site_prose(repeated: list[bool], judgements: list[Judgement]) -> None:
    """A repeated paragraph whose neighbours are both lines of the site's template is the site's."""
    for index, judgement in enumerate(judgements):
        if not repeated[index] or judgement.kind == "furniture":
            continue
        before = index > 0 and repeated[index - 1] and judgements[index - 1].kind == "furniture"
        after = (
            index + 1 < len(judgements) and repeated[index + 1] and judgements[index + 1].kind == "furniture"
        )
        if before and after:
            judgement.kind, judgement.reason = "furniture", "the site's own text, on its other pages too"
