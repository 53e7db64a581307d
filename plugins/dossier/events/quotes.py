"""Quoted speech and who said it: '"...," Gates said', '"..." said spokesman X', 'X said: "..."',
'"...," he said' (the last person named before the quote). Scare quotes of one or two words are not speech.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..entities.roles import SPEECH
from ..language.text import sentence_around
from ..model import Article, Mention, Quote

QUOTE = re.compile(r"“([^”]+)”|\"([^\"\n]+)\"")
WORD = re.compile(r"[A-Za-z]+")
PRONOUN_SAID = re.compile(r"^[\s,.]*(?:he|she)\s+(\w+)(?:\s+(\w+))?", re.I)
MIN_WORDS = 3
REACH = 100  # characters between a quote and its speaker's name (and role)


def find_quotes(article: Article, people: list[Mention]) -> list[Quote]:
    """Quotes in the article, each with the id of its speaker (mentions of people, with `entity` set)."""
    by_block: dict[int, list[Mention]] = {}
    for m in sorted(people, key=lambda m: (m.block, m.start)):
        by_block.setdefault(m.block, []).append(m)
    quotes, last_person = [], None
    for b, block in enumerate(article.body):
        mentions = by_block.get(b, [])
        starts, ends = [m.start for m in mentions], [m.end for m in mentions]  # mentions never overlap
        for match in QUOTE.finditer(block.text):
            inner = match.group(1) or match.group(2)
            if len(WORD.findall(inner)) < MIN_WORDS:
                continue
            qs, qe = match.span()
            after = mentions[bisect_left(starts, qe) : bisect_right(starts, qe + REACH)]
            before = mentions[bisect_left(ends, qs - REACH) : bisect_right(ends, qs)]
            earlier = mentions[bisect_right(ends, qs) - 1 : bisect_right(ends, qs)]
            speaker = _speaker(block.text, qs, qe, after, before) or (
                last_person_before(earlier, last_person)
                if _pronoun_said(block.text[qe:]) or _pronoun_said_before(block.text, qs)
                else None
            )
            if speaker:
                start, end = sentence_around(block.text, qs)
                quotes.append(Quote(speaker, inner.strip().rstrip(","), article.id, block.text[start:end]))
        if mentions:
            last_person = mentions[-1].entity
    return quotes


def _speaker(text: str, qs: int, qe: int, after: list[Mention], before: list[Mention]) -> str | None:
    """The person named just after the quote with a verb of speech, or just before it."""
    for m in after:  # after: '"...," Gates said' or '"..." said NATO spokesman X'
        if "." not in text[qe : m.start]:
            gap, tail = text[qe : m.start], text[m.end : m.end + 30]
            if _has_speech(gap) or _has_speech(" ".join(WORD.findall(tail)[:2])):
                return m.entity
    for m in reversed(before):  # before: 'X said: "..."', 'X described it as "..."'
        if _has_speech(text[m.end : qs]) and "." not in text[m.end : qs]:
            return m.entity
    return None


def _has_speech(text: str) -> bool:
    return any(w.lower() in SPEECH for w in WORD.findall(text))


def _pronoun_said(after: str) -> bool:
    match = PRONOUN_SAID.match(after)
    return bool(match and SPEECH & {w.lower() for w in match.groups() if w})


def _pronoun_said_before(text: str, qs: int) -> bool:
    """'He said that "..."': the sentence opens with a pronoun and a verb of speech."""
    return _pronoun_said(text[sentence_around(text, qs)[0] : qs])


def last_person_before(earlier: list[Mention], previous_block_person: str | None) -> str | None:
    return earlier[-1].entity if earlier else previous_block_person
