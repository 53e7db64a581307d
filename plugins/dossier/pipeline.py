"""Run the stages over a set of seed files: read -> clean -> entities -> events -> corpus.

The per-seed stages (read, clean, candidate mentions, dated statements) are cached by content hash;
the corpus-wide ones (resolving entities, merging events, topics) run on every build and are linear.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import clean, entities, events, topics
from .cache import Cache, NoCache, key
from .model import Article, Block, Candidate, Dossier, Event, Problem, SeedText
from .read import MAX_BYTES, read_seed
from .registry import ArticleOverride, Registry, check_references

REPEATED_MIN_SEEDS = 2  # a line found in this many seeds is site furniture, not article text


@dataclass
class SeedWork:
    """What one seed yields on its own: the cleaned article, its candidate mentions and dated events."""

    article: Article
    candidates: list[Candidate] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def build_dossier(paths: list[str | Path], registry: Registry | None = None,
                  cache: Cache | None = None) -> Dossier:
    """The whole dossier for these seed files; bad seeds become problems, never exceptions."""
    registry, cache = registry or Registry(), cache or NoCache()
    dossier = Dossier()
    seeds = read_seeds(sorted(map(str, paths)), cache, dossier.problems)
    repeated = repeated_lines(seed.text for seed in seeds)
    used_ids: set[str] = set()
    works = []
    for seed in seeds:
        work = analyse_seed(seed, repeated, registry.override_for(seed.path), cache)
        rename(work, unique_id(work.article.id or Path(seed.path).stem, used_ids))
        works.append(work)
        dossier.articles.append(work.article)
        if not work.article.body:
            dossier.problems.append(Problem(seed.path, "no article text was found"))

    candidates = {w.article.id: w.candidates for w in works}
    dossier.entities = entities.resolve(dossier.articles, candidates, registry)
    drafts = {w.article.id: w.events for w in works}
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
    names = {name.lower() for e in dossier.entities for name in [e.name, *e.aliases]}
    dossier.problems += [Problem(registry.path, message)
                         for message in check_references(registry, names,
                                                     {i for e in dossier.events for i in (e.id, *e.merged)})]
    return dossier


def read_seeds(paths: list[str], cache: Cache, problems: list[Problem]) -> list[SeedText]:
    """Decode every seed (cached by its bytes); skip the unbuildable and exact duplicates."""
    seeds, seen = [], {}
    for path in paths:
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError as error:
            problems.append(Problem(path, f"cannot be read: {error.strerror or error}"))
            continue
        entry = key("read", data)
        seed = cache.get(entry)
        if seed is None:
            seed = read_seed(path, data)
            cache.put(entry, seed)
        seed.path = path
        problems += [Problem(path, message) for message in seed.problems]
        if seed.skip:
            continue
        digest = hashlib.sha256(seed.text.encode()).hexdigest()
        if digest in seen:
            problems.append(Problem(path, f"is a duplicate of {Path(seen[digest]).name}: skipped"))
            continue
        seen[digest] = path
        seeds.append(seed)
    return seeds


def analyse_seed(seed: SeedText, repeated: frozenset[str], override: ArticleOverride | None,
                 cache: Cache) -> SeedWork:
    """Clean one seed and find its mentions and dated statements, or take them from the cache."""
    own_repeated = sorted(line for line in set(seed.text.split("\n")) if line in repeated)
    entry = key("seed", seed.text, own_repeated, override)
    work = cache.get(entry)
    if work is None:
        article = clean.clean(seed, repeated)
        apply_override(article, override)
        work = SeedWork(article, entities.find_candidates(article), events.find_events(article))
        cache.put(entry, work)
    work.article.source_file = seed.path
    return work


def rename(work: SeedWork, article_id: str) -> None:
    """Give a seed's article its dossier-wide unique id, everywhere the id is recorded."""
    if work.article.id == article_id:
        return
    work.article.id = article_id
    for candidate in work.candidates:
        candidate.mention.article = article_id
    for event in work.events:
        for source in event.sources:
            source.article = article_id


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
    for name in ("title", "date", "publisher", "dateline_place"):
        if getattr(override, name):
            setattr(article, name, getattr(override, name))
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
