"""What happens in a story: the term that names its happening ("bankruptcy", "recall", "harbour
contract"), chosen by a tally of named votes over the story's candidate terms.

The candidates are the phrases (not names) two of the story's articles use, and the actions of its
events the articles also write as nouns ("recalled" and "the recall"). Each rule of `RULES` votes for
the terms it has a clue about, weighed by the share of the story's articles that show the clue: the
articles use it; it is a key phrase the story was grouped by; their headlines name it; it is what is
done or done to in their sentences (a subject or object of a verb: "filed for bankruptcy"); it is in
the sentences of an event several articles report (the story's spine); its last word is something
the articles do ("the recall", "a strike"); it is rare in English (wordfreq); and against it, it is
written all over the dossier. `rules.tally` adds the votes, so the order of the rules does not
change the result.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..model import Event
from ..rules import Ruler, Vote, run_votes, tally
from . import phrases as ph
from .analysis import Analysis, Theme

MAX_TERM_ZIPF = 5.5  # a term this common in English ("year", "company", "time") names no happening
ENOUGH = 1.5  # a winner with fewer votes than this says too little to name the story
LONE = 1.0  # rather than name a story by its actor alone, a term something done with this many votes
HOLDING = 0.8  # a phrase holding the winning term with this share of its votes names the happening
# a term written all over the dossier tells this story from no other: its votes fall by this times its share
EVERYWHERE = 1.5


@dataclass
class Clues:
    """What the votes read: the story's articles, its events, and for each candidate term the
    articles showing each clue."""

    analysis: Analysis
    articles: set[str]
    events: list[Event]
    using: dict[str, set[str]]  # term -> the story's articles that write it
    headlined: dict[str, set[str]]  # term -> the story's articles whose headline names it
    acted: dict[str, set[str]]  # term -> the story's articles where it is a verb's subject or object
    merged: dict[str, set[str]]  # term -> the story's articles telling it of an event several articles tell
    grouped: set[str]  # the key phrases the story was grouped by
    actions: set[str]  # the actions of the story's events

    def share(self, articles: set[str]) -> float:
        return len(articles) / max(1, len(self.articles))


def clues(theme: Theme, analysis: Analysis) -> Clues:
    articles = analysis.articles(theme.units)
    events = list({e.id: e for a in sorted(articles) for e in analysis.events_of.get(a, [])}.values())
    using: dict[str, set[str]] = defaultdict(set)
    acted: dict[str, set[str]] = defaultdict(set)
    for unit in sorted(theme.units):
        item, article = analysis.item_of(unit), analysis.article(unit)
        for sentence in item.sentences if item else ():
            for phrase in sentence.phrases:
                using[phrase].add(article)
            for phrase in sentence.acted:
                acted[phrase].add(article)
    headlined = {p: analysis.headlined.get(p, set()) & articles for p in using}
    actions = {e.action for e in events if e.action}
    merged: dict[str, set[str]] = defaultdict(set)
    for event in events:
        told = {s.article for s in event.sources}
        if len(told) >= 2:
            for source in event.sources:
                if source.article in articles:
                    for phrase in analysis.phrases_in(source.article, source.sentence):
                        merged[phrase].add(source.article)
    grouped = {p for p in theme.phrases if isinstance(p, str)}
    return Clues(analysis, articles, events, using, headlined, acted, merged, grouped, actions)


def candidates(found: Clues) -> list[str]:
    """Phrases two of the story's articles write, or its events' actions written as nouns; never a
    name (the participant names the story already) nor a word of everyday English alone."""
    analysis = found.analysis
    terms = {p for p, articles in found.using.items() if len(articles) >= 2}
    terms |= {a for a in found.actions if len(found.using.get(a, ())) >= 1}
    return sorted(
        t
        for t in terms
        if isinstance(t, str) and t not in analysis.names and (" " in t or ph.zipf(t) < MAX_TERM_ZIPF)
    )


def told_by_its_articles(term: str, found: Clues):
    share = found.share(found.using.get(term, set()))
    return [Vote(term, share, f"written in {share:.0%} of its articles")]


def named_in_headlines(term: str, found: Clues):
    share = found.share(found.headlined.get(term, set()))
    return [Vote(term, share, f"in {share:.0%} of its headlines")] if share else []


def done_or_done_to(term: str, found: Clues):
    share = found.share(found.acted.get(term, set()))
    return [Vote(term, share, f"a verb's subject or object in {share:.0%} of its articles")] if share else []


def grouped_by(term: str, found: Clues):
    """One of the key phrases its articles were grouped by: what they share most."""
    return [Vote(term, 1.0, "a key phrase the story was grouped by")] if term in found.grouped else []


def told_of_merged_events(term: str, found: Clues):
    """In the sentences of an event several articles report: the story's spine."""
    share = found.share(found.merged.get(term, set()))
    return [Vote(term, share, f"tells an event of several articles in {share:.0%} of its")] if share else []


def something_done(term: str, found: Clues):
    """Its last word is an action of the story's events or a verb of the dossier: 'the recall'."""
    last = term.split()[-1]
    if last in found.actions or last in found.analysis.verbs:
        share = found.share(found.using.get(term, set()))
        return [Vote(term, share, f"'{last}' is something done")]
    return []


def rare_in_english(term: str, found: Clues):
    return [Vote(term, ph.specificity(term) / 2, "rare in English")]


def all_over_the_dossier(term: str, found: Clues):
    everywhere = found.analysis.articles_of.get(term, set())
    share = len(everywhere) / max(1, len(found.analysis.items))
    return [Vote(term, -EVERYWHERE * share, f"in {share:.0%} of the dossier's articles")]


RULES = Ruler()
for _rule in (
    told_by_its_articles,
    grouped_by,
    named_in_headlines,
    done_or_done_to,
    told_of_merged_events,
    something_done,
    rare_in_english,
    all_over_the_dossier,
):
    RULES.push(_rule.__name__, _rule)


def happening(theme: Theme, analysis: Analysis, lone: bool = False) -> str:
    """The term naming what happens in the story, or "" when no term has ENOUGH votes. With `lone`
    (the story would else be named by its actor alone), a term with LONE votes will do, if it is
    something done ('iTunes launch' rather than 'iTunes')."""
    found = clues(theme, analysis)
    totals = tally(v for term in candidates(found) for v in run_votes(RULES, term, found)).totals()
    if lone:
        totals = {t: v for t, v in totals.items() if something_done(t, found)}  # votes cast: it is
    if not totals:
        return ""
    best = min(totals, key=lambda t: (-totals[t], t))
    if totals[best] < (LONE if lone else ENOUGH):
        return ""
    # a phrase holding the winner says more when nearly as voted: "harbour contract" for "contract"
    enough = HOLDING * totals[best]
    holding = [t for t in totals if f" {best} " in f" {t} " and t != best and totals[t] >= enough]
    return max(holding, key=lambda t: (totals[t], t)) if holding else best
