"""Sentence spans for the extraction stages.

A small rule splitter rather than a library: pysbd and syntok cost milliseconds per sentence, which
at ten thousand articles would dominate the build; news prose needs only the abbreviation guard below.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .. import lexicon

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = lexicon.words("abbreviations") | lexicon.forms("months")
# A run of stops starts a boundary only at its first mark, and the run is taken whole (possessive): a long run
# of "....." or "!!!!!" is then looked at once, not once per mark and length (quadratic).
BOUNDARY = re.compile(r"""(?<![.!?])[.!?]++["'”’)\]]*+(?=\s+["'“‘(\[]?[A-Z0-9])""")
WORD_BEFORE = re.compile(r"[\w.]+$")
LOOKBACK = 16  # characters read before a full stop: more than any abbreviation or run of initials
# The longest a sentence may be, in characters: about 100 words, three times a long sentence of news
# prose. A longer "sentence" (a pasted page with no punctuation) is cut into pieces of at most this
# length, at a space where there is one: every stage reads a sentence again for each mention, date or
# event in it, and each mention carries its sentence to the page, so unbounded sentences made the build
# quadratic in time, memory and output.
MAX_SENTENCE = 600


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph, trimmed of surrounding spaces."""
    spans, start = [], 0
    for match in BOUNDARY.finditer(text):
        if match.group().startswith(".") and _abbreviation_before(
            text, max(start, match.start() - LOOKBACK), match.start()
        ):
            continue
        if (
            match.group() == "."
            and text[max(start, match.start() - 3) : match.start()].lower() in (" no", "no")
            and text[match.end() :].lstrip()[:1].isdigit()
        ):
            continue  # "the No. 2 retailer"
        spans.extend(_bounded(text, start, match.end()))
        start = match.end()
    spans.extend(_bounded(text, start, len(text)))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence text[start:end], cut into consecutive pieces of at most MAX_SENTENCE characters,
    each ending at the last space within its length (anywhere, in a run without one)."""
    pieces = []
    while end - start > MAX_SENTENCE:
        space = text.rfind(" ", start + 1, start + MAX_SENTENCE)
        cut = space + 1 if space > start else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def sentence_around(text: str, offset: int) -> tuple[int, int]:
    """(start, end) of the sentence of `text` that holds `offset` (or that ends last before it)."""
    spans = _spans_of(text)
    i = bisect.bisect_right(spans, (offset, len(text) + 1)) - 1
    return spans[max(i, 0)] if spans else (0, len(text))


@lru_cache(maxsize=64)
def _spans_of(text: str) -> list[tuple[int, int]]:
    """sentence_spans, kept for the few texts being read (each date of a paragraph asks for its sentence)."""
    return sentence_spans(text)


def _abbreviation_before(text: str, window: int, stop: int) -> bool:
    """Whether the word before the full stop at `stop` is an abbreviation or an initial.

    Only the `window` before it is read (a sentence held open by a thousand initials would otherwise be
    read again at each of them); a word that fills the window is too long to be an abbreviation."""
    piece = text[window : stop + 1].rstrip(".!?\"'”’)]")
    word = WORD_BEFORE.search(piece)
    if word is None or (word.start() == 0 and window > 0 and WORD_BEFORE.match(text, window - 1, window)):
        return False
    before = word.group().lower()
    return before in ABBREVIATIONS or _is_initial(before)


def _is_initial(word: str) -> bool:
    """'W' in 'George W. Bush', or dotted initials such as 'J.R'."""
    return len(word) == 1 and word.isalpha() or bool(re.fullmatch(r"(\w\.)+\w", word))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
