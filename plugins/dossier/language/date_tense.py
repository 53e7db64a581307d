"""The tense of the words around a date in plain text: whether its clause speaks of the future, the
present or the past. Works without a parse (the masthead and facts read dates from raw text too)."""

from __future__ import annotations

import re

from .. import lexicon
from .text import sentence_around

CUES = lexicon.sections("tense_cues")
FUTURE_WORDS = CUES["future"]
# Future only when followed by "to", "for"... ("plans to visit", not "vacation plans").
FUTURE_BEFORE = {
    **dict.fromkeys(CUES["future_before_to"], ("to",)),
    **dict.fromkeys(CUES["scheduled_before"], ("to", "for", "on", "in", "at", "by", "")),
}
# The present of a scheduled event ("the council meets Tuesday") speaks of the coming one.
PRESENT_WORDS = CUES["present"]
PASSIVE_AUXILIARIES = CUES["passive_auxiliary"]
# Just before the date, these make it a deadline or a start: "by Jan. 14", "as early as Tuesday".
FUTURE_CUE = re.compile(
    r"\b(?:by|until|till|no later than|as (?:early|soon|late) as|ahead of|from now (?:to|until)|"
    r"between now "
    r"and|starting|beginning)\s+(?:(?:\d{1,2}(?::\d\d)?\s*[ap]\.m\.\s*(?:[A-Z]{3}\s+)?)|the\s+)?$",
    re.IGNORECASE,
)
# A date after one of these names a thing ("the Aug. 7 bombings"); the clause's verb is not its tense.
DETERMINER = re.compile(r"\b(?:the|a|an|its|his|her|their|our|this|these|those)\s+$", re.IGNORECASE)
PAST_CUE = re.compile(r"\b(?:since|ago)\s+$", re.IGNORECASE)
# Words ending in -ed that are not past participles.
NOT_PAST = CUES["not_past"]
PAST_WORDS = CUES["past"]
CLAUSE_BREAK = re.compile(
    r"[;:()\[\]—–]|\b(?:but|while|although|because|whereas|after|before|where|when|"
    r"which|who|whom|whose|that)\b|, (?=and\b)"
)
WORD = re.compile(r"[A-Za-z']+")


def tense(text: str, start: int, end: int) -> str | None:
    """'future', 'present', 'past' or None: how the clause around text[start:end] speaks of it.

    A cue just before the date decides ("by Jan. 14", "as early as Tuesday", "since Friday");
    otherwise the nearest tense word before it in its clause ("said Friday" is past even in
    "said Friday that talks will resume"), failing one the words just after it.
    """
    clause_start, clause_end = clause_bounds(text, start, end)
    lead = text[max(clause_start, start - 40) : start]
    if FUTURE_CUE.search(lead):
        return "future"
    if PAST_CUE.search(lead):
        return "past"
    if re.match(r"\s?['’]s\b", text[end : end + 3]) or DETERMINER.search(text, max(0, start - 8), start):
        return None  # "Wednesday's ruling", "the Jan. 14 deadline": a name, whatever the clause's tense
    before = WORD.findall(text[clause_start:start])
    after = WORD.findall(text[end:clause_end])
    for words, order in ((before, range(len(before) - 1, -1, -1)), (after, range(len(after)))):
        lowered, counted = [w.lower() for w in words], 0
        for index in order:
            found = _tense_of_word(lowered, index)
            if found:
                return found
            counted += not words[index][:1].isupper()  # names do not use up the window
            if counted >= TENSE_WINDOW:
                break
    return None


TENSE_WINDOW = 8  # lower-case words looked at on each side of a date


def _tense_of_word(words: list[str], index: int) -> str | None:
    word = words[index]
    following = words[index + 1] if index + 1 < len(words) else ""
    preceding = words[index - 1] if index > 0 else ""
    if word == "next" and following == "to":
        return None  # "next to the embassy"
    if word in FUTURE_WORDS or word.endswith("'ll"):
        return (
            "past"
            if following == "have" or following == "not" and word in ("may", "might", "could")
            else "future"
        )
    if word in FUTURE_BEFORE and following in FUTURE_BEFORE[word]:
        return "future"
    if word in PRESENT_WORDS:
        return "present"
    participle = word in PAST_WORDS or word.endswith("ed") and len(word) > 4 and word not in NOT_PAST
    if participle and preceding not in PASSIVE_AUXILIARIES:  # "would be held": the auxiliary decides
        return "past"
    return None


def is_future(text: str, start: int, end: int) -> bool:
    """Whether the clause around text[start:end] speaks of the future."""
    return tense(text, start, end) == "future"


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding text[start:end]: up to the nearest sentence or clause break each side."""
    sentence_start, sentence_end = sentence_around(text, start)
    left = max((m.end() for m in CLAUSE_BREAK.finditer(text, sentence_start, start)), default=sentence_start)
    right = CLAUSE_BREAK.search(text, end, sentence_end)
    return left, right.start() if right else sentence_end


def word_before(text: str, start: int) -> str:
    match = re.search(r"([\w'’.]+)\W*$", text[max(0, start - 30) : start])
    return match.group(1).rstrip(".") if match else ""
