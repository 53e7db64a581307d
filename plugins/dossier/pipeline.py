"""Run the stages over a set of seed files: read -> clean -> entities -> events -> corpus."""
from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from . import clean, entities, events, topics
from .model import Article, Block, Dossier, Problem
from .read import read_seed
from .registry import ArticleOverride, Registry

REPEATED_MIN_SEEDS = 2  # a line found in this many seeds is site furniture, not article text


def build_dossier(paths: list[str | Path], registry: Registry | None = None) -> Dossier:
    """The whole dossier for these seed files; bad seeds become problems, never exceptions."""
    registry = registry or Registry()
    dossier = Dossier()
    seeds, seen = [], {}
    for path in sorted(map(str, paths)):
        seed = read_seed(path)
        dossier.problems += [Problem(path, message) for message in seed.problems]
        if seed.skip:
            continue
        digest = hashlib.sha256(seed.text.encode()).hexdigest()
        if digest in seen:
            dossier.problems.append(Problem(path, f"is a duplicate of {Path(seen[digest]).name}: skipped"))
            continue
        seen[digest] = path
        seeds.append(seed)

    repeated = repeated_lines(seed.text for seed in seeds)
    used_ids: set[str] = set()
    for seed in seeds:
        article = clean.clean(seed, repeated)
        apply_override(article, registry.override_for(seed.path))
        article.id = unique_id(article.id or Path(seed.path).stem, used_ids)
        dossier.articles.append(article)
        if not article.body:
            dossier.problems.append(Problem(seed.path, "no article text was found"))

    candidates = {a.id: entities.find_candidates(a) for a in dossier.articles}
    dossier.entities = entities.resolve(dossier.articles, candidates, registry)
    drafts = {a.id: events.find_events(a) for a in dossier.articles}
    dossier.events = events.build_events(dossier.articles, drafts, dossier.entities, registry)
    for entity in dossier.entities:
        for article_id in entity.articles:
            dossier.article_entities.setdefault(article_id, []).append(entity.id)
    for event in dossier.events:
        for source in event.sources:
            ids = dossier.article_events.setdefault(source.article, [])
            if event.id not in ids:
                ids.append(event.id)
    dossier.topics = topics.find_topics(dossier, registry)
    return dossier


def repeated_lines(texts) -> frozenset[str]:
    """Lines that occur in several seeds: navigation and footers shared by pages of one site."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({line for line in text.split("\n") if line.strip()})
    return frozenset(line for line, n in counts.items() if n >= REPEATED_MIN_SEEDS)


def apply_override(article: Article, override: ArticleOverride | None) -> None:
    """The registry wins over what the cleaner found."""
    if override is None:
        return
    for key in ("title", "date", "publisher", "dateline_place"):
        if getattr(override, key):
            setattr(article, key, getattr(override, key))
    for block in article.blocks:
        if _matches(block, override.keep):
            block.kept, block.reason = True, "kept by content/dossier.yaml"
        elif _matches(block, override.drop):
            block.kept, block.reason = False, "dropped by content/dossier.yaml"


def _matches(block: Block, openings: list[str]) -> bool:
    return any(block.text.startswith(opening.strip()) for opening in openings if opening.strip())


def unique_id(wanted: str, used: set[str]) -> str:
    candidate, n = wanted, 2
    while candidate in used:
        candidate, n = f"{wanted}-{n}", n + 1
    used.add(candidate)
    return candidate
