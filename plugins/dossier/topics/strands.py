"""A story is a chain of happenings, not an actor's bucket: when the articles grouped around one actor
tell separate happenings ('Velta Motors' recalls a car, its workers strike, it bids for a supplier,
all in the same months), each happening is a story of its own.

The story's happenings are its candidate terms that say what happens rather than name a thing (see
`_happens`) with ENOUGH votes among the articles that write them (see happening.py), best first; a
term is a strand of its own when the articles writing it are mostly not those writing a strand
already taken (at most SHARED of the fewer): 'trademark' and 'dispute' of one dispute are written by
the same articles, one strand. Each article then follows the strand it tells most (its headline, a
verb's subject or object in its sentences, how often it writes it); a strand two articles follow is
a story, and an article following none joins the strand whose terms it writes most. A story with
fewer than two such strands stays whole. Linear in the story's articles times the terms weighed (CONSIDERED *
MAX_STRANDS). Each strand is weighed by its own articles, so a new article changes the strand it
tells and leaves the others as they were.
"""

from __future__ import annotations

from dataclasses import replace

from ..rules import run_votes, tally
from .analysis import Analysis, Theme
from .happening import ENOUGH, RULES, Clues, candidates, clues

SHARED = 0.5  # two terms written by more than this share of the fewer's articles are one strand
MAX_STRANDS = 6  # an actor's story tells at most this many happenings worth a story of their own
HEADLINED = 1  # a strand is what a headline of its articles names: the news they report
CONSIDERED = 3  # terms weighed among their own articles: this many times MAX_STRANDS, the best voted
HEADLINE = 2.0  # what an article's headline names is what it tells, over this many uses in its body
ACTED = 1.0  # a verb's subject or object in its sentences counts as this many more uses


def split_strands(theme: Theme, analysis: Analysis) -> list[Theme]:
    """The theme, or one theme per strand when its articles tell two happenings or more apart."""
    if len(theme.units) < 4:  # two strands of two articles each, at least
        return [theme]
    found = clues(theme, analysis)
    terms = [t for t in candidates(found) if _happens(t, found)]
    totals = tally(v for term in terms for v in run_votes(RULES, term, found)).totals()
    ranked = sorted(totals, key=lambda t: (-totals[t], t))[: CONSIDERED * MAX_STRANDS]
    strong = [
        t
        for t in ranked
        if len(found.headlined.get(t, ())) >= HEADLINED and _own_votes(t, theme, found, analysis) >= ENOUGH
    ]
    strands: list[str] = []
    for term in strong:
        mine = found.using.get(term, set())
        if all(_apart(mine, found.using.get(s, set())) for s in strands):
            strands.append(term)
        if len(strands) == MAX_STRANDS:
            break
    if len(strands) < 2:
        return [theme]
    follows: dict[str, str] = {}
    for article in sorted(found.articles):
        told = {term: _telling(article, term, found, analysis) for term in strands}
        best = max(strands, key=lambda t: (told[t], totals[t], t))
        if told[best] > 0:
            follows[article] = best
    parts = {s: {a for a, t in follows.items() if t == s} for s in strands}
    parts = {s: articles for s, articles in parts.items() if len(articles) >= 2}
    if len(parts) < 2:
        return [theme]
    for article in sorted(found.articles - set().union(*parts.values())):
        uses = analysis.counts.get(article, {})
        best = max(parts, key=lambda s: (uses.get(s, 0), len(parts[s]), s))
        parts[best].add(article)
    return [
        replace(
            theme,
            phrases=[theme.phrases[0], term, *(p for p in theme.phrases[1:] if p != term)],
            units=articles,
            articles=set(articles),
            score=theme.score * len(articles) / len(theme.units),
        )
        for term, articles in sorted(parts.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]


def _own_votes(term: str, theme: Theme, found: Clues, analysis: Analysis) -> float:
    """A term's votes among the articles that write it: a strand of two articles in a story of ten
    is weighed by its own two, not drowned by the other eight."""
    own = clues(replace(theme, units=found.using.get(term, set())), analysis)
    return sum(v.weight for v in run_votes(RULES, term, own))


def _happens(term: str, found: Clues) -> bool:
    """A happening, not a thing: something done (its last word an action or a verb of the articles),
    or what is done or done to in two of the story's articles ('started a strike', 'the strike
    entered its second week'). A feature one launch had ('folding screen') is none."""
    last = term.split()[-1]
    return last in found.actions or last in found.analysis.verbs or len(found.acted.get(term, ())) >= 2


def _apart(one: set[str], other: set[str]) -> bool:
    return len(one & other) <= SHARED * min(len(one), len(other))


def _telling(article: str, term: str, found: Clues, analysis: Analysis) -> float:
    """How much an article tells of a term: its uses, its headline, its verbs."""
    uses = analysis.counts.get(article, {}).get(term, 0)
    if not uses:
        return 0.0
    return (
        uses
        + HEADLINE * (article in found.headlined.get(term, ()))
        + ACTED * (article in found.acted.get(term, ()))
    )
