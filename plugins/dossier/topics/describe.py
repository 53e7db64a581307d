"""A theme as a `Topic`: its articles newest first, its main actors, its own chronology (its actors'
events and those told with its phrases) and a description from its most central sentences, each with
its source.
"""

from __future__ import annotations

from collections import Counter

from ..model import Dossier, Source, Topic
from .analysis import Analysis, Paragraph, Theme, phrase_pattern, theme_centrality

MAIN_ENTITIES = 12

DESCRIPTION_SENTENCES = 2

DESCRIPTION_WORDS = (6, 45)  # a sentence shorter is a fragment, longer a run-on paste: neither describes


def as_topic(theme: Theme, dossier: Dossier, analysis: Analysis, grouping: Analysis) -> Topic:
    dates = {a.id: a.date or "" for a in dossier.articles}
    articles = sorted(theme.articles, key=lambda a: (dates.get(a, ""), a), reverse=True)
    articles = [a for a in articles if dates.get(a)] + sorted(a for a in articles if not dates.get(a))
    entities = _main_entities(theme, articles, dossier, grouping.paragraphs)
    if grouping.paragraphs and theme.units:
        events = _paragraph_events(theme, dossier, grouping)
    else:
        events = _events(theme, set(articles), dossier, analysis)
    sentences = _central_sentences(theme, grouping if theme.units else analysis)
    if not grouping.paragraphs and not theme.curated:  # written from its events where they tell it
        by_id = {e.id: e for e in dossier.events}
        told = {(s.article, s.sentence) for e in events for s in by_id[e].sources}
        sentences = _central_sentences(theme, analysis, told) or sentences
    description = theme.description or " ".join(s.sentence for s in sentences)
    return Topic(
        id=f"topic/{theme.slug}",
        name=theme.name,
        slug=theme.slug,
        description=description,
        articles=articles,
        entities=entities,
        events=events,
        curated=theme.curated,
        sentences=[] if theme.description else sentences,
    )


def _main_entities(theme: Theme, articles: list[str], dossier: Dossier, paragraphs: bool) -> list[str]:
    """The entities its articles name most; in a small dossier, those its paragraphs name most (an
    article's other subjects are not the theme's)."""
    if paragraphs and theme.units:
        counts = Counter(
            e.id
            for e in dossier.entities
            for unit in {Paragraph(m.article, m.block) for m in e.mentions}
            if unit in theme.units
        )
    else:
        counts = Counter(e for a in articles for e in dossier.article_entities.get(a, []))
    return [e for e, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAIN_ENTITIES]]


def _events(theme: Theme, articles: set[str], dossier: Dossier, analysis: Analysis) -> list[str]:
    """The theme's own chronology: events its articles report in a sentence that uses one of its
    phrases, or that involve one of its curated entities; in date order."""
    pattern = phrase_pattern(theme.phrases) if theme.curated else None
    own = set(theme.phrases)
    chosen = []
    for event in dossier.events:
        sources = [s for s in event.sources if s.article in articles]
        if not sources:
            continue
        if theme.entity_ids.intersection(event.entities):
            chosen.append(event)
        elif pattern and any(pattern.search(s.sentence) for s in sources):
            chosen.append(event)
        elif not theme.curated and any(own & analysis.phrases_in(s.article, s.sentence) for s in sources):
            chosen.append(event)
    return [e.id for e in sorted(chosen, key=lambda e: (e.date, e.id))]


def _paragraph_events(theme: Theme, dossier: Dossier, grouping: Analysis) -> list[str]:
    """A small dossier's theme: the events told in its paragraphs, in date order."""
    texts = {}
    for unit in sorted(theme.units):
        texts.setdefault(grouping.article(unit), []).append(grouping.unit_texts[unit])
    chosen = [
        e
        for e in dossier.events
        if any(s.sentence in text for s in e.sources for text in texts.get(s.article, []))
    ]
    return [e.id for e in sorted(chosen, key=lambda e: (e.date, e.id))]


def _central_sentences(
    theme: Theme, analysis: Analysis, told: set[tuple[str, str]] | None = None
) -> list[Source]:
    """The sentences that carry most of the theme's phrases (and names, in paragraphs), one per
    article or paragraph, best first; with `told` (article, sentence), only those sentences."""
    units = theme.units or theme.articles
    weight = {p: theme_centrality(p, units, analysis) for p in theme.phrases}
    best = []
    for item in analysis.items:
        if item.article not in units:
            continue
        scored = [
            (
                sum(
                    weight.get(p, 0.0)
                    for p in sorted(set(s.phrases) | analysis.named.get((item.article, s.text), set()))
                ),
                s.text,
            )
            for s in item.sentences
            if DESCRIPTION_WORDS[0] <= len(s.text.split()) <= DESCRIPTION_WORDS[1]
            and (told is None or (analysis.article(item.article), s.text) in told)
        ]
        scored = [(s, sentence) for s, sentence in scored if s > 0]
        if scored:
            score, sentence = max(scored, key=lambda ss: (ss[0], -len(ss[1])))
            best.append((-score, analysis.article(item.article), sentence))
    best.sort()
    return [Source(article, sentence) for _, article, sentence in best[:DESCRIPTION_SENTENCES]]
