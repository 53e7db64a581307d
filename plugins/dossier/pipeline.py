"""Run the stages over a set of seed files: read -> clean -> entities -> events -> corpus.

The per-seed stages (read, clean, candidate mentions, dated statements) are cached by content hash;
the corpus-wide ones (resolving entities, merging events, topics) run on every build and are linear.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import clean, entities, events, facts, nlp, phrases, topics
from .cache import Cache, NoCache, key
from .model import Article, Block, Candidate, Dossier, Event, Problem, RelationStatement, RoleStatement, SeedText
from .read import UnreadableSeed, display_path, read_bytes, read_seed
from .registry import ArticleOverride, Registry, check_references

PARALLEL_MIN_JOBS = 64  # fewer seeds to analyse than this are done in this process: workers cost a start-up
MAX_WORKERS = 8
REPEATED_MIN_SEEDS = 2  # a line found in this many seeds is site furniture, not article text


@dataclass
class SeedWork:
    """What one seed yields on its own: the cleaned article, its candidate mentions and dated events."""

    article: Article
    candidates: list[Candidate] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    phrases: phrases.ArticlePhrases | None = None  # candidate key phrases, for the themes
    roles: list[RoleStatement] = field(default_factory=list)  # who holds, left or takes which role
    relations: list[RelationStatement] = field(default_factory=list)


def build_dossier(paths: list[str | Path], registry: Registry | None = None,
                  cache: Cache | None = None, folders: tuple[str, ...] = (),
                  model: str = nlp.DEFAULT_MODEL) -> Dossier:
    """The whole dossier for these seed files; bad seeds become problems, never exceptions.

    With `folders` (the seeds folders), a file is read only when it lies inside one of them.
    `model` names the spaCy pipeline of the language stage; nlp.ModelError says when it is missing."""
    registry, cache = registry or Registry(), cache or NoCache()
    dossier = Dossier()
    seeds = read_seeds(sorted(map(str, paths)), cache, dossier.problems, folders)
    repeated = repeated_lines(seed.text for seed in seeds)
    used_ids: set[str] = set()
    works = analyse_seeds(seeds, repeated, registry, cache, model)
    for seed, work in zip(seeds, works):
        rename(work, unique_id(work.article.id or Path(seed.path).stem, used_ids))
        dossier.articles.append(work.article)
        dossier.problems += [Problem(seed.path, message) for message in work.article.problems
                             if message not in seed.problems]  # what the cleaner noticed
        if not work.article.body:
            dossier.problems.append(Problem(seed.path, "no article text was found"))

    candidates = {w.article.id: w.candidates for w in works}
    dossier.entities = entities.resolve(dossier.articles, candidates, registry)
    facts.attach(dossier.articles, {w.article.id: w.roles for w in works},
                 {w.article.id: w.relations for w in works}, dossier.entities, registry)
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
    dossier.topics = topics.find_topics(dossier, registry, {w.article.id: w.phrases for w in works})
    names = {name.lower() for e in dossier.entities for name in [e.name, *e.aliases]}
    dossier.problems += [Problem(registry.path, message)
                         for message in check_references(registry, names,
                                                     {i for e in dossier.events for i in (e.id, *e.merged)})]
    return dossier


def read_seeds(paths: list[str], cache: Cache, problems: list[Problem],
               folders: tuple[str, ...] = ()) -> list[SeedText]:
    """Decode every seed (cached by its bytes); skip the unbuildable and exact duplicates."""
    seeds, seen = [], {}
    for path in paths:
        if display_path(path) != path:
            problems.append(Problem(display_path(path), "cannot be built: its file name is not valid UTF-8 "
                                                        "(rename the file)"))
            continue
        try:
            data = read_bytes(path, folders)
        except UnreadableSeed as error:
            problems.append(Problem(path, str(error)))
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


def analyse_seeds(seeds: list[SeedText], repeated: frozenset[str], registry: Registry,
                  cache: Cache, model: str = nlp.DEFAULT_MODEL) -> list[SeedWork]:
    """Each seed's own work, from the cache or computed (on every core when there are many to do)."""
    works: list[SeedWork | None] = []
    todo = []  # (position, cache entry, job)
    for seed in seeds:
        own_repeated = frozenset(line for line in set(seed.text.split("\n")) if line in repeated)
        override = registry.override_for(seed.path)
        entry = key("seed", seed.text, sorted(own_repeated), override, nlp.version(model))
        works.append(cache.get(entry))
        if works[-1] is None:
            todo.append((len(works) - 1, entry, (seed, own_repeated, override, model)))
    for (position, entry, _), work in zip(todo, _run_all(analyse_seed, [job for _, _, job in todo])):
        cache.put(entry, work)
        works[position] = work
    for seed, work in zip(seeds, works):
        work.article.source_file = seed.path
    return works


def analyse_seed(job: tuple[SeedText, frozenset[str], ArticleOverride | None, str]) -> SeedWork:
    """Clean one seed, parse its text once and find its mentions, events and key phrases."""
    seed, own_repeated, override, model = job
    article = clean.clean(seed, own_repeated)
    apply_override(article, override)
    parsed = nlp.parse(article, model)
    candidates = entities.find_candidates(article, parsed)
    roles, relations = facts.find_facts(article, parsed, candidates)
    return SeedWork(article, candidates, events.find_events(article, parsed),
                    phrases.article_phrases(article, parsed), roles, relations)


def _run_all(function, jobs: list) -> list:
    """`function` over `jobs` in order; in worker processes when there are enough jobs to pay for them."""
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(jobs) < PARALLEL_MIN_JOBS or workers < 2:
        return [function(job) for job in jobs]
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        return list(pool.map(function, jobs, chunksize=max(1, len(jobs) // (workers * 8))))


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
    if work.phrases:
        work.phrases.article = article_id
    for statement in [*work.roles, *work.relations]:
        statement.article = article_id


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
