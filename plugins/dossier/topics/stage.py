"""The topics stage's entry point: the dossier's themes, curated first, then automatic ones.

See the package docstring for the steps; each is a module of this package.
"""

from __future__ import annotations

from ..model import Dossier, Topic, TopicsFound
from ..registry import Registry
from . import phrases as ph
from .curated import (
    covered_by_curated,
    curated_theme,
    merge_same_slug,
    registry_problems,
    rename_themes,
    topic_key,
)
from .describe import as_topic
from .grouping import automatic_themes
from .weigh import analyse, key_phrases, paragraph_analysis

# A dossier of fewer articles than this is grouped by paragraph: two articles share too few phrases
# to tell themes apart, but each article's paragraphs tell its several subjects.
SMALL = 6  # three themes of two articles each need six articles


def find_topics(
    dossier: Dossier, registry: Registry, phrases: dict[str, ph.ArticlePhrases | None] | None = None
) -> list[Topic]:
    """The topics alone (see find_themes)."""
    return find_themes(dossier, registry, phrases).topics


def find_themes(
    dossier: Dossier, registry: Registry, phrases: dict[str, ph.ArticlePhrases | None] | None = None
) -> TopicsFound:
    """The dossier's themes, curated first, then automatic ones by size; sorted and deterministic; with
    each article's key phrases and the registry's problems. The dossier is read, not changed.

    `phrases` are the articles' candidate phrases when the per-seed cache has them."""
    analysis = analyse(dossier, phrases or {})
    article_phrases = key_phrases(analysis)
    grouping = paragraph_analysis(dossier, analysis) if len(dossier.articles) < SMALL else analysis
    themes = automatic_themes(grouping, len(grouping.items))
    curated = [curated_theme(rule, dossier, analysis) for rule in registry.topics]
    found = {topic_key(t.name) for t in themes + curated}
    themes = merge_same_slug(rename_themes(themes, registry.rename_topics))
    curated = merge_same_slug(rename_themes(curated, registry.rename_topics))
    themes = curated + sorted(
        (t for t in themes if not covered_by_curated(t, curated)), key=lambda t: (-len(t.articles), t.name)
    )
    found |= {topic_key(t.name) for t in themes}
    hidden = {topic_key(name) for name in registry.hide_topics}
    themes = [t for t in themes if not hidden & {topic_key(t.name), t.original}]
    return TopicsFound(
        [as_topic(t, dossier, analysis, grouping) for t in themes if t.articles],
        article_phrases,
        registry_problems(registry, found),
    )
