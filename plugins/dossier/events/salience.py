"""How much each event carries the story: a weight, and `main` for the events an analyst briefs from.

The weight adds what an editor goes by: how many articles report the happening independently (one
point each), whether an article tells it in its headline or its lead (its first sentence: the news it
leads with), and how prominent its participants are across the dossier (the share of the articles
that name its best-known participant). The main events are those told in a headline or lead, or by
several articles, heaviest first, at most about one per article (`MAIN_PER_ARTICLE`).
"""

from __future__ import annotations

from ..language.text import sentence_spans
from ..model import Article, Entity, Event

LEAD = 1.0  # told in an article's headline or first sentence: the news that article leads with
PROMINENCE = 1.0  # times the share of articles naming the event's best-known participant
MAIN_PER_ARTICLE = 1.0  # main events on average per article, at most
MAIN_STATUSES = frozenset(("happened", "ongoing", "expected"))


def weigh(events: list[Event], articles: list[Article], entities: list[Entity]) -> None:
    """Set every event's `weight` and `main`."""
    leads = {a.id: _lead_sentences(a) for a in articles}
    named_in = {e.id: len(set(e.articles)) for e in entities}
    total = max(1, len(articles))
    for event in events:
        reporting = {s.article for s in event.sources}
        leading = {s.article for s in event.sources if s.sentence.strip() in leads.get(s.article, ())}
        known = max((named_in.get(i, 0) for i in event.entities), default=0)
        event.weight = round(len(reporting) + LEAD * len(leading) + PROMINENCE * known / total, 3)
        event.main = False
    candidates = [
        e
        for e in events
        if e.status in MAIN_STATUSES
        and (len({s.article for s in e.sources}) > 1 or any(_leads(s, leads) for s in e.sources))
    ]
    budget = max(1, round(MAIN_PER_ARTICLE * len(articles)))
    for event in sorted(candidates, key=lambda e: (-e.weight, e.date, e.id))[:budget]:
        event.main = True


def _leads(source, leads: dict[str, set[str]]) -> bool:
    return source.sentence.strip() in leads.get(source.article, ())


def _lead_sentences(article: Article) -> set[str]:
    """The article's headline and the first sentence of its text."""
    found = {article.title.strip()} if article.title else set()
    first = next((b for b in article.body if b.kind != "heading"), None)
    if first is not None:
        spans = sentence_spans(first.text)
        if spans:
            start, end = spans[0]
            found.add(first.text[start:end].strip())
    return found
