"""Run the stages over a set of seed files: read -> clean -> entities -> events -> corpus.

The per-seed stages (read, clean, candidate mentions, dated statements) are cached by content hash;
the corpus-wide ones (resolving entities, merging events, topics) are linear, and their result is
cached too, under the keys of all the seeds' work and the registry: a rebuild with nothing changed
reuses it.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from . import clean, entities, events, facts, nlp, phrases, topics
from .cache import Cache, NoCache, key
from .lifetime import die_with_parent
from .model import Article, Block, Candidate, CorpusWork, Dossier, Event, Problem, RelationStatement, RoleStatement, SeedText
from .read import UnreadableSeed, display_path, read_bytes, read_seed, text_digest
from .registry import ArticleOverride, Registry, check_references
from .slugs import unique_id

PARALLEL_MIN_JOBS = 64  # fewer seeds to analyse than this are done in this process: workers cost a start-up
MAX_WORKERS = 8
REPEATED_MIN_SEEDS = 2  # a line found in this many seeds is site furniture, not article text
logger = logging.getLogger(__name__)


@dataclass
class SeedWork:
    """What one seed yields on its own: the cleaned article, its candidate mentions and dated events."""

    article: Article
    candidates: list[Candidate] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    phrases: phrases.ArticlePhrases | None = None  # candidate key phrases, for the themes
    roles: list[RoleStatement] = field(default_factory=list)  # who holds, left or takes which role
    relations: list[RelationStatement] = field(default_factory=list)

    def give_id(self, article_id: str) -> None:
        """Give the article its dossier-wide unique id, everywhere above that records it (a field added
        here that holds the id must be patched too: tests/test_pipeline.py finds any old id left)."""
        if self.article.id == article_id:
            return
        self.article.id = article_id
        for candidate in self.candidates:
            candidate.mention.article = article_id
        for event in self.events:
            for source in event.sources:
                source.article = article_id
        if self.phrases:
            self.phrases.article = article_id
        for statement in [*self.roles, *self.relations]:
            statement.article = article_id


def build_dossier(paths: list[str | Path], registry: Registry | None = None,
                  cache: Cache | None = None, folders: tuple[str, ...] = (),
                  model: str = nlp.DEFAULT_MODEL) -> Dossier:
    """The whole dossier for these seed files; bad seeds become problems, never exceptions.

    With `folders` (the seeds folders), a file is read only when it lies inside one of them.
    `model` names the spaCy pipeline of the language stage; nlp.ModelError says when it is missing."""
    registry, cache = registry or Registry(), cache or NoCache()
    dossier = Dossier()
    works, entries = seed_works(sorted(map(str, paths)), registry, cache, dossier.problems, folders, model)
    dossier.articles = [work.article for work in works]
    assemble(dossier, works, entries, registry, {Path(path).name for path in paths}, cache)
    return dossier


def seed_works(paths: list[str], registry: Registry, cache: Cache, problems: list[Problem],
               folders: tuple[str, ...] = (), model: str = nlp.DEFAULT_MODEL) -> tuple[list[SeedWork], list[str]]:
    """Every buildable seed's own work, its article under its dossier-wide unique id; and each one's
    cache entry (whose key names what it was made from)."""
    seeds = read_seeds(paths, cache, problems, folders)
    repeated = repeated_lines(seed.text for seed in seeds)
    used_ids: set[str] = set()
    works, entries = [], []
    for seed, work, entry in analyse_seeds(seeds, repeated, registry, cache, problems, model):
        work.give_id(unique_id(work.article.id or Path(seed.path).stem, used_ids))
        works.append(work)
        entries.append(entry)
        problems += [Problem(seed.path, message) for message in work.article.problems
                     if message not in seed.problems]  # what the cleaner noticed
        if not work.article.body:
            problems.append(Problem(seed.path, "no article text was found"))
    return works, entries


def assemble(dossier: Dossier, works: list[SeedWork], entries: list[str], registry: Registry, seed_names: set[str],
             cache: Cache) -> None:
    """The corpus steps over the works, or their result as the cache has it when nothing they draw from
    changed: each seed's cached work (its entry's key names the seed's text, settings and the code) with
    the file and article id it was given, the registry, the seed files present."""
    entry = key("corpus", entries, [(w.article.source_file, w.article.id) for w in works], registry,
                sorted(seed_names))
    stored = cache.get(entry, CorpusWork, entry)
    if stored is None:
        found = len(dossier.problems)
        corpus_steps(dossier, works, registry, seed_names)
        cache.put(entry, CorpusWork(dossier.entities, dossier.events, dossier.topics, dossier.problems[found:],
                                    dossier.article_entities, dossier.article_events, dossier.article_phrases), entry)
        return
    dossier.entities, dossier.events, dossier.topics = stored.entities, stored.events, stored.topics
    dossier.problems += stored.problems
    dossier.article_entities, dossier.article_events = stored.article_entities, stored.article_events
    dossier.article_phrases = stored.article_phrases


def corpus_steps(dossier: Dossier, works: list[SeedWork], registry: Registry, seed_names: set[str]) -> None:
    """The corpus-wide steps over the articles' own work: entities, roles, events, topics, problems."""
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
                                                     {i for e in dossier.events for i in (e.id, *e.merged)},
                                                     seed_names)]


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
        seed = cache.get(entry, SeedText, data)
        if seed is None:
            seed = _guarded(partial(read_seed, path), data)
            if isinstance(seed, Failed):
                problems.append(seed.problem(path, "read"))
                continue
            cache.put(entry, seed, data)
        seed.path = path
        problems += [Problem(path, message) for message in seed.problems]
        if seed.skip:
            continue
        digest = text_digest(seed.text)
        if digest in seen:
            problems.append(Problem(path, f"is a duplicate of {Path(seen[digest]).name}: skipped"))
            continue
        seen[digest] = path
        seeds.append(seed)
    return seeds


def analyse_seeds(seeds: list[SeedText], repeated: frozenset[str], registry: Registry,
                  cache: Cache, problems: list[Problem],
                  model: str = nlp.DEFAULT_MODEL) -> list[tuple[SeedText, SeedWork, str]]:
    """Each seed's own work and its cache entry, from the cache or computed (on every core when there
    are many to do).

    A seed whose analysis raises is left out and named in `problems` (its traceback in the log)."""
    works: list[SeedWork | Failed | None] = []
    entries = []
    todo = []  # (position, cache entry, job)
    for seed in seeds:
        own_repeated = frozenset(line for line in set(seed.text.split("\n")) if line in repeated)
        override = registry.override_for(seed.path)
        entry = key("seed", seed.text, sorted(own_repeated), override, nlp.version(model))
        entries.append(entry)
        works.append(cache.get(entry, SeedWork, seed.text))
        if works[-1] is None:
            todo.append((len(works) - 1, entry, (seed, own_repeated, override, model)))
    for (position, entry, job), work in zip(todo, _run_all(analyse_seed, [job for _, _, job in todo])):
        if not isinstance(work, Failed):
            cache.put(entry, work, job[0].text)
        works[position] = work
    analysed = []
    for seed, work, entry in zip(seeds, works, entries):
        if isinstance(work, Failed):
            problems.append(work.problem(seed.path, "analysed"))
            continue
        work.article.source_file = seed.path
        analysed.append((seed, work, entry))
    return analysed


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


@dataclass
class Failed:
    """A job that raised: what it raised, and where (the traceback)."""

    error: str
    traceback: str

    def problem(self, path: str, step: str) -> Problem:
        """The seed's problem for /problems/; the traceback goes to the log, for whoever fixes the bug."""
        message = f"could not be {step}, skipped: {self.error} (a bug: the traceback is in the build log)"
        logger.error("dossier: %s: %s\n%s", path, message, self.traceback)
        return Problem(path, message)


def _guarded(function, job):
    """`function(job)`, or Failed: one seed's error must not stop the build of the others."""
    try:
        return function(job)
    except nlp.ModelError:  # not the seed's fault: every seed would fail alike
        raise
    except Exception as error:  # noqa: BLE001 (any bug in a stage, on any text)
        return Failed(f"{type(error).__name__}: {error}"[:300], traceback.format_exc())


def _run_all(function, jobs: list) -> list:
    """`function` over `jobs` in order, each guarded (an exception gives Failed); in worker processes
    when there are enough jobs to pay for them. Workers die with this process, even when it is killed."""
    guarded = partial(_guarded, function)
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(jobs) < PARALLEL_MIN_JOBS or workers < 2:
        return [guarded(job) for job in jobs]
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    results: list = []
    alone = False  # after a worker died: one job at a time, to find the job that kills its worker
    while len(results) < len(jobs):
        todo = jobs[len(results):]
        try:
            with ProcessPoolExecutor(1 if alone else workers, mp_context=context, initializer=die_with_parent) as pool:
                for result in pool.map(guarded, todo, chunksize=1 if alone else max(1, len(todo) // (workers * 8))):
                    results.append(result)
        except BrokenProcessPool:  # killed (out of memory?) or crashed in C: not an exception to catch
            if alone:
                results.append(Failed("the process analysing it died (out of memory?)", "no traceback: killed"))
            else:
                logger.warning("dossier: a worker process died; looking for the seed that killed it")
            alone = not alone
    return results


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
