"""An event's summary: one line in "who did what" form, compressed from its clause through the parse.

What only qualifies the happening is dropped: an attribution (", officials said", "according to X"),
a parenthesis, a relative clause ("which ...", "who ..."), a participle trailing after a comma
("..., arousing concern"). What is left is the whole clause when it has `LIMIT` words or fewer; a
longer one is cut at a clause boundary the parse gives (before a coordinated, adverbial or reported
clause, or at a semicolon, colon or dash), never inside a token ("10,000" is one), a name or a
quotation, and ends with "…". An opening "However," or "But" is dropped and the first letter raised,
so that no summary opens on a conjunction or in lower case. The full sentence stays as the source.
"""

from __future__ import annotations

from .. import lexicon

LIMIT = 20  # words: "at most about 20"; a clause boundary before this is where a longer one is cut
STRETCH = 30  # words: with no boundary within LIMIT, one within this still beats the whole sentence
MIN_WORDS = 5  # a cut summary keeps at least this many words
CLAUSE_STARTS = frozenset(("conj", "advcl", "relcl", "ccomp", "parataxis", "acl"))
BREAKS = frozenset(";:—–")
OPENERS = lexicon.words("summary_openers")
DANGLING = frozenset(("CCONJ", "SCONJ", "ADP", "DET", "PUNCT"))
ATTRIBUTING = lexicon.lemmas("speech_verbs", "reporting")
BRACKETS = {"(": ")", "[": "]"}


def summarise(tokens: list, keep=None) -> str:
    """A summary of the contiguous `tokens` of one sentence or clause (spaCy tokens); `keep`, a token
    whose clause the event is about, is never dropped with what only qualifies."""
    tokens = _drop_opening(_compressed(list(tokens), keep))
    if not tokens:
        return ""
    if _words(tokens) <= LIMIT:
        return _capitalise(_text(tokens))
    boundaries = [i for i in _boundaries(tokens) if _allowed(tokens, i) and _says_something(tokens[:i])]
    fitting = [i for i in boundaries if _words(tokens[:i]) <= LIMIT] or [
        i for i in boundaries if _words(tokens[:i]) <= STRETCH
    ]
    if not fitting:
        return _capitalise(_text(tokens))  # no clause boundary to cut at: the whole clause
    kept = tokens[: max(fitting)]
    while kept and kept[-1].pos_ in DANGLING and kept[-1].text not in (")", "”", '"'):
        kept.pop()
    return _capitalise(_text(kept)) + " …"


def _compressed(tokens: list, keep=None) -> list:
    """`tokens` without the attributions, parentheses, relative clauses and trailing participles."""
    if not tokens:
        return tokens
    inside = {t.i for t in tokens}
    dropped: set[int] = set()
    for token in tokens:
        if _qualifies(token, inside) and (keep is None or keep not in token.subtree):
            dropped |= {t.i for t in token.subtree}
    dropped |= _bracketed(tokens)
    dropped -= _after_according(tokens)
    kept = [t for t in tokens if t.i not in dropped]
    if _words(kept) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in kept):
        return tokens  # compressing left no clause: keep the sentence
    # the commas that opened or closed what was dropped
    out = []
    for token in kept:
        beside = token.i - 1 in dropped or token.i + 1 in dropped
        if token.text == "," and (not out or out[-1].text in (",", "(") or beside):
            continue
        out.append(token)
    while out and out[-1].text == ",":
        out.pop()
    return out


def _qualifies(token, inside: set[int]) -> bool:
    """A subtree that only qualifies the clause it hangs from: an attribution after it, 'according to
    X', a relative clause, a participle trailing after a comma."""
    if token.head.i not in inside or token.head.i == token.i:
        return False
    if token.dep_ in ("parataxis", "ccomp") and token.lemma_ in ATTRIBUTING and token.i > token.head.i:
        return True  # "the plant closed, officials said"
    if token.dep_ == "prep" and token.lower_ == "according":
        return True  # (only up to its comma: see _according)
    if token.dep_ == "relcl" and token.i > 0 and token.doc[token.left_edge.i - 1].text == ",":
        return True  # ", which ...", ", who ...": a relative clause set off by commas
    return (
        token.dep_ == "advcl"
        and token.tag_ == "VBG"
        and token.i > token.head.i
        and token.doc[token.left_edge.i - 1].text == ","
    )


def _after_according(tokens: list) -> set[int]:
    """What a parse hangs under "according to X, ..." past its comma: the clause's own words."""
    kept: set[int] = set()
    for token in tokens:
        if token.dep_ == "prep" and token.lower_ == "according":
            comma = next((t for t in token.subtree if t.text == "," and t.i > token.i), None)
            if comma is not None:
                kept |= {t.i for t in token.subtree if t.i > comma.i}
    return kept


def _bracketed(tokens: list) -> set[int]:
    """Tokens inside brackets, and the brackets."""
    found, closing, start = set(), None, None
    for token in tokens:
        if closing is None and token.text in BRACKETS:
            closing, start = BRACKETS[token.text], token.i
        elif closing is not None and token.text == closing:
            found |= set(range(start, token.i + 1))
            closing = None
    return found


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
    position = {t.i: n for n, t in enumerate(tokens)}
    found = set()
    for n, token in enumerate(tokens):
        if token.dep_ in CLAUSE_STARTS and token.pos_ in ("VERB", "AUX"):
            start = position.get(token.left_edge.i)
            if start is not None and 0 < start < len(tokens):
                found.add(start)
                if tokens[start - 1].pos_ == "CCONJ" or tokens[start - 1].text == ",":
                    found.add(start - 1)
        if token.text in BREAKS:
            found.add(n)
    return sorted(i for i in found if i > 0)


def _says_something(tokens: list) -> bool:
    """Whether a cut keeps a sentence: a verb and MIN_WORDS words at least ("The pact …" does not)."""
    return _words(tokens) >= MIN_WORDS and any(t.pos_ in ("VERB", "AUX") for t in tokens)


def _allowed(tokens: list, cut: int) -> bool:
    """Not inside a name, and with every quotation that is opened before the cut closed."""
    if tokens[cut].ent_iob_ == "I":
        return False
    text = _text(tokens[:cut])
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def _words(tokens: list) -> int:
    return len(_text(tokens).split())


def _text(tokens: list) -> str:
    """The tokens' text with the spacing they had; a gap where tokens were dropped is one space."""
    if not tokens:
        return ""
    parts = []
    for token, after in zip(tokens, [*tokens[1:], None]):
        parts.append(token.text)
        if after is not None and (token.whitespace_ or after.i != token.i + 1):
            if after.i == token.i + 1 or after.text not in (",", ".", ";", ":", "'s", ")"):
                parts.append(" ")
    return "".join(parts).strip()


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
