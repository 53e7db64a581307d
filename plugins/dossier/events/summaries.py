"""An event's summary: its sentence, read as a sentence.

The whole sentence when it has `LIMIT` words or fewer. A longer one is cut at a clause boundary the
parse gives (before a coordinated, adverbial, relative or reported clause, or at a semicolon, colon
or dash), never inside a token ("10,000" is one), a name or a quotation, and ends with "…". An opening
"However," or "But" is dropped and the first letter raised, so that no summary opens on a conjunction
or in lower case.
"""

from __future__ import annotations

LIMIT = 40  # words: a news sentence mostly fits; a longer one is cut
CLAUSE_STARTS = frozenset("conj advcl relcl ccomp parataxis acl".split())
BREAKS = frozenset(";:—–")
OPENERS = frozenset("however but and so yet still meanwhile also".split())
DANGLING = frozenset("CCONJ SCONJ ADP DET PUNCT".split())


def summarise(tokens: list) -> str:
    """A summary of the contiguous `tokens` of one sentence or clause (spaCy tokens)."""
    tokens = _drop_opening(list(tokens))
    if not tokens:
        return ""
    if _words(tokens) <= LIMIT:
        return _capitalise(_text(tokens))
    boundaries = _boundaries(tokens)
    fitting = [i for i in boundaries if _words(tokens[:i]) <= LIMIT and _allowed(tokens, i)]
    if not fitting:
        return _capitalise(_text(tokens))  # no clause boundary to cut at: the whole sentence
    kept = tokens[: max(fitting)]
    while kept and kept[-1].pos_ in DANGLING and kept[-1].text not in (")", "”", '"'):
        kept.pop()
    return _capitalise(_text(kept)) + " …"


def _drop_opening(tokens: list) -> list:
    while tokens and tokens[0].lower_ in OPENERS and len(tokens) > 3:
        tokens = tokens[1:]
        if tokens and tokens[0].text == ",":
            tokens = tokens[1:]
    while tokens and tokens[0].pos_ in ("PUNCT", "CCONJ") and tokens[0].text not in ('"', "“", "("):
        tokens = tokens[1:]
    return tokens


def _boundaries(tokens: list) -> list[int]:
    """Positions (into `tokens`) where a clause starts."""
    first, found = tokens[0].i, set()
    for token in tokens:
        if token.dep_ in CLAUSE_STARTS and token.pos_ in ("VERB", "AUX"):
            start = token.left_edge.i - first
            if 0 < start < len(tokens):
                found.add(start)
                if tokens[start - 1].pos_ == "CCONJ" or tokens[start - 1].text == ",":
                    found.add(start - 1)
        if token.text in BREAKS:
            found.add(token.i - first)
    return sorted(i for i in found if i > 0)


def _allowed(tokens: list, cut: int) -> bool:
    """Not inside a name, and with every quotation that is opened before the cut closed."""
    if tokens[cut].ent_iob_ == "I":
        return False
    text = _text(tokens[:cut])
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def _words(tokens: list) -> int:
    return len(_text(tokens).split())


def _text(tokens: list) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text.strip()  # Doc.text would join the whole block again


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
