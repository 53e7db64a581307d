"""The analyst's word on themes: curated themes (`topics:` in content/dossier.yaml) select the articles
that contain one of their phrases or name one of their entities, and win over automatic ones;
`rename_topics` renames (two themes renamed alike are merged) and `hide_topics` hides, by name or slug.
"""

from __future__ import annotations

from slugify import slugify

from ..model import Dossier, Problem
from ..registry import Registry, TopicRule
from .analysis import NEARLY_ALL, Analysis, Theme, phrase_pattern


def curated_theme(rule: TopicRule, dossier: Dossier, analysis: Analysis) -> Theme:
    """The articles whose text contains one of the rule's phrases or that name one of its entities.

    An entity name the dossier does not know is looked for in the text instead (and reported as a
    registry problem by the pipeline)."""
    wanted = {name.lower() for name in rule.entities}
    ids = {e.id for e in dossier.entities if wanted & {n.lower() for n in [e.name, *e.aliases]}}
    known = {n.lower() for e in dossier.entities for n in [e.name, *e.aliases]}
    pattern = phrase_pattern(list(rule.phrases) + [n for n in rule.entities if n.lower() not in known])
    articles = set()
    for article in dossier.articles:
        if ids & set(dossier.article_entities.get(article.id, [])):
            articles.add(article.id)
        elif pattern and any(
            pattern.search(text) for text in [article.title, *(b.text for b in article.body)]
        ):
            articles.add(article.id)
    phrases = [p.lower().strip() for p in rule.phrases if p.strip()]
    return Theme(rule.name, phrases, articles, curated=True, description=rule.description, entity_ids=ids)


def topic_key(name: str) -> str:
    return slugify(name) or name.casefold()


def family_key(name: str) -> str:
    """A name's slug with each word's plural ending folded: 'Automakers' and 'Automaker', 'Recall
    inquiries' and 'Recall inquiry' are one name (news writes a story's noun in either number)."""
    return "-".join(_singular(word) for word in topic_key(name).split("-"))


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def rename_themes(themes: list[Theme], renames: dict[str, str]) -> list[Theme]:
    by_key = {topic_key(old): new for old, new in renames.items()}
    for theme in themes:
        theme.original = theme.original or topic_key(theme.name)
        new = by_key.get(topic_key(theme.name))
        if new:
            theme.name = new
    return themes


def merge_same_slug(themes: list[Theme]) -> list[Theme]:
    """Themes whose names are one (the same slug, or the same words but for their number) are one
    theme, under the first one's name."""
    merged: dict[str, Theme] = {}
    for theme in themes:
        first = merged.get(family_key(theme.name))
        if first is None:
            merged[family_key(theme.name)] = theme
        else:
            first.phrases += [p for p in theme.phrases if p not in first.phrases]
            first.articles |= theme.articles
            first.units |= theme.units
            first.score += theme.score
            first.description = first.description or theme.description
            first.entity_ids |= theme.entity_ids
    return list(merged.values())


def covered_by_curated(theme: Theme, curated: list[Theme]) -> bool:
    """An automatic theme gives way to a curated one with its name (but for number) or nearly all its
    articles."""
    return any(
        family_key(c.name) == family_key(theme.name)
        or len(theme.articles & c.articles) >= NEARLY_ALL * len(theme.articles)
        for c in curated
    )


def registry_problems(registry: Registry, found: set[str]) -> list[Problem]:
    """Names in rename_topics and hide_topics that no theme has (themes change as seeds come)."""
    messages = [
        f"{registry.where(f'rename_topics.{old}')}: no topic named '{old}'"
        for old in registry.rename_topics
        if topic_key(old) not in found
    ]
    messages += [
        f"{registry.where(f'hide_topics[{i}]')}: no topic named '{name}'"
        for i, name in enumerate(registry.hide_topics)
        if topic_key(name) not in found
    ]
    return [Problem(registry.path, message) for message in messages]
