"""Run the stages over a set of seed files: read -> clean -> entities -> events -> corpus.

The per-seed stages (read, clean, candidate mentions, dated statements) are cached by content hash;
the corpus-wide ones (resolving entities, merging events, topics) are linear, and their result is
cached too, under the keys of all the seeds' work and the registry: a rebuild with nothing changed
reuses it.
"""

from __future__ import annotations

import gc
import logging
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..entities import facts
from ..entities import stage as entities
from ..entities.same import possibly_same
from ..events import stage as events
from ..ingest.read import UnreadableSeed, display_path, read_bytes, read_seed, text_digest
from ..language import nlp
from ..model import Article, CorpusWork, Dossier, Problem, SeedText
from ..registry import ArticleOverride, Registry, check_references
from ..slugs import unique_id
from ..topics import stage as topics
from .analysis import SeedJob, SeedWork, analyse_batch
from .cache import Cache, NoCache, key
from .engine import Engine, Failed, Local, engine_for, guarded
from .progress import analysis_bar

REPEATED_MIN_SEEDS = 2  # a line found in this many seeds is site furniture, not article text
logger = logging.getLogger(__name__)


def build_dossier(
    paths: list[str | Path],
    registry: Registry | None = None,
    cache: Cache | None = None,
    folders: tuple[str, ...] = (),
    model: str = nlp.DEFAULT_MODEL,
    scheduler: str | None = None,
) -> Dossier:
    """The whole dossier for these seed files; bad seeds become problems, never exceptions.

    With `folders` (the seeds folders), a file is read only when it lies inside one of them.
    `model` names the spaCy pipeline of the language stage; nlp.ModelError says when it is missing.
    With `scheduler` (a Dask scheduler's address), the seeds' analysis runs on that cluster
    (engine.EngineError says when it cannot)."""
    registry, cache = registry or Registry(), cache or NoCache()
    dossier = Dossier()
    seeds = read_seeds(sorted(map(str, paths)), cache, dossier.problems, folders)
    entries = seed_entries(seeds, registry, model)
    seed_names = {Path(path).name for path in paths}
    with collector_paused():
        if reuse_corpus(dossier, seeds, entries, registry, seed_names, cache):
            return dossier
    works = seed_works(seeds, entries, cache, dossier.problems, model, engine_for(scheduler, model))
    dossier.articles = [work.article for work in works]
    found = len(dossier.problems)
    with collector_paused():
        corpus_steps(dossier, works, registry, seed_names)
        cache.put(
            corpus_key(seeds, entries, registry, seed_names),
            CorpusWork(
                dossier.entities,
                dossier.events,
                dossier.topics,
                dossier.problems[found:],
                dossier.article_entities,
                dossier.article_events,
                dossier.article_phrases,
                dossier.possibly_same,
            ),
            "corpus",
            slot="corpus",
        )
    return dossier


@contextmanager
def collector_paused():
    """Python's cyclic garbage collector paused while the cached work is read and the corpus steps run:
    they make millions of objects that stay alive (and no cycles of garbage), which every full collection
    walks again (half the CPU time of the corpus steps and of reading the cache at 1,000 seeds, for the
    same peak memory)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass
class SeedEntry:
    """What a seed's own work is made from besides its text, and the cache entry it is kept under."""

    key: str
    repeated: frozenset[str]  # the seed's lines that other seeds have too (site furniture)
    override: ArticleOverride | None


@dataclass
class SeedArticle:
    """A seed's cached work read for its article alone (the rest of the entry is skipped, not built):
    all a rebuild needs of it when the corpus steps' result is reused."""

    article: Article


def seed_entries(
    seeds: list[SeedText], registry: Registry, model: str = nlp.DEFAULT_MODEL
) -> list[SeedEntry]:
    """Each seed's cache entry: its text, its lines shared with other seeds, its override, the model
    (and, through the key, the code)."""
    repeated = repeated_lines(seed.text for seed in seeds)
    entries = []
    for seed in seeds:
        own_repeated = frozenset(line for line in set(seed.text.split("\n")) if line in repeated)
        override = registry.override_for(seed.path)
        entries.append(
            SeedEntry(
                key("seed", seed.text, sorted(own_repeated), override, nlp.version(model)),
                own_repeated,
                override,
            )
        )
    return entries


def seed_works(
    seeds: list[SeedText],
    entries: list[SeedEntry],
    cache: Cache,
    problems: list[Problem],
    model: str = nlp.DEFAULT_MODEL,
    engine: Engine | None = None,
) -> list[SeedWork]:
    """Every analysable seed's own work, its article under its dossier-wide unique id."""
    analysed = analyse_seeds(seeds, entries, cache, problems, model, engine)
    ids = admit([(seed, work.article) for seed, work in analysed], problems)
    for (_, work), article_id in zip(analysed, ids):
        work.give_id(article_id)
    return [work for _, work in analysed]


def admit(analysed: list[tuple[SeedText, Article]], problems: list[Problem]) -> list[str]:
    """Each article's dossier-wide unique id; what the cleaner noticed, and an article without text, are
    problems of its seed."""
    used_ids: set[str] = set()
    ids = []
    for seed, article in analysed:
        ids.append(unique_id(article.id or Path(seed.path).stem, used_ids))
        problems += [
            Problem(seed.path, message) for message in article.problems if message not in seed.problems
        ]
        if not article.body:
            problems.append(Problem(seed.path, "no article text was found"))
    return ids


def corpus_key(
    seeds: list[SeedText], entries: list[SeedEntry], registry: Registry, seed_names: set[str]
) -> str:
    """The cache entry of the corpus steps' result: what they draw from is each seed's work (its entry's
    key names the seed's text, settings and the code) and its file (which, in this order, decide the
    article ids), the registry and the seed files present."""
    return key(
        "corpus",
        [(seed.path, entry.key) for seed, entry in zip(seeds, entries)],
        registry,
        sorted(seed_names),
    )


def reuse_corpus(
    dossier: Dossier,
    seeds: list[SeedText],
    entries: list[SeedEntry],
    registry: Registry,
    seed_names: set[str],
    cache: Cache,
) -> bool:
    """Fill the dossier from the cache when every seed's work and the corpus steps' result are there for
    exactly these inputs (a rebuild with nothing changed): only the articles are read of the seeds' work."""
    corpus = cache.get(corpus_key(seeds, entries, registry, seed_names), CorpusWork, "corpus", slot="corpus")
    if corpus is None:
        return False
    articles = []
    for seed, entry in zip(seeds, entries):
        stored = cache.get(entry.key, SeedArticle, seed.text)
        if stored is None:
            return False  # a seed whose analysis failed, or an entry lost: it is analysed again
        stored.article.source_file = seed.path
        articles.append(stored.article)
    problems: list[Problem] = []
    ids = admit(list(zip(seeds, articles)), problems)
    for article, article_id in zip(articles, ids):
        article.id = article_id
    dossier.articles = articles
    dossier.problems += problems + corpus.problems
    dossier.entities, dossier.events, dossier.topics = corpus.entities, corpus.events, corpus.topics
    dossier.article_entities, dossier.article_events = corpus.article_entities, corpus.article_events
    dossier.article_phrases, dossier.possibly_same = corpus.article_phrases, corpus.possibly_same
    return True


def corpus_steps(dossier: Dossier, works: list[SeedWork], registry: Registry, seed_names: set[str]) -> None:
    """The corpus-wide steps over the articles' own work: entities, roles, events, topics, problems."""
    candidates = {w.article.id: w.candidates for w in works}
    dossier.entities = entities.resolve(dossier.articles, candidates, registry)
    dossier.possibly_same = possibly_same(dossier.entities)
    facts.attach(
        dossier.articles,
        {w.article.id: w.roles for w in works},
        {w.article.id: w.relations for w in works},
        dossier.entities,
        registry,
    )
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
    found = topics.find_themes(dossier, registry, {w.article.id: w.phrases for w in works})
    dossier.topics, dossier.article_phrases = found.topics, found.key_phrases
    dossier.problems += found.problems
    names = {name.lower() for e in dossier.entities for name in [e.name, *e.aliases]}
    dossier.problems += [
        Problem(registry.path, message)
        for message in check_references(
            registry, names, {i for e in dossier.events for i in (e.id, *e.merged)}, seed_names
        )
    ]


def read_seeds(
    paths: list[str], cache: Cache, problems: list[Problem], folders: tuple[str, ...] = ()
) -> list[SeedText]:
    """Decode every seed (cached by its bytes); skip the unbuildable and exact duplicates."""
    seeds, seen = [], {}
    for path in paths:
        if display_path(path) != path:
            problems.append(
                Problem(
                    display_path(path), "cannot be built: its file name is not valid UTF-8 (rename the file)"
                )
            )
            continue
        try:
            data = read_bytes(path, folders)
        except UnreadableSeed as error:
            problems.append(Problem(path, str(error)))
            continue
        entry = key("read", data)
        seed = cache.get(entry, SeedText, data)
        if seed is None:
            seed = guarded(partial(read_seed, path), data)
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


def analyse_seeds(
    seeds: list[SeedText],
    entries: list[SeedEntry],
    cache: Cache,
    problems: list[Problem],
    model: str = nlp.DEFAULT_MODEL,
    engine: Engine | None = None,
) -> list[tuple[SeedText, SeedWork]]:
    """Each seed's own work, from the cache or computed by the engine (this machine's cores, or a
    cluster), each batch cached as soon as it is done.

    A seed whose analysis raises is left out and named in `problems` (its traceback in the log)."""
    works: list[SeedWork | Failed | None] = []
    todo = []  # (position, cache entry)
    with collector_paused():
        for seed, entry in zip(seeds, entries):
            works.append(cache.get(entry.key, SeedWork, seed.text))
            if works[-1] is None:
                todo.append((len(works) - 1, entry.key))
    jobs = [SeedJob(seeds[p], entries[p].repeated, entries[p].override, model) for p, _ in todo]
    with analysis_bar(len(jobs)) as bar:
        for done, work in (engine or Local()).map(analyse_batch, jobs):
            position, entry = todo[done]
            if not isinstance(work, Failed):
                cache.put(entry, work, seeds[position].text)
            works[position] = work
            bar.update()
    analysed = []
    for seed, work in zip(seeds, works):
        if isinstance(work, Failed):
            problems.append(work.problem(seed.path, "analysed"))
            continue
        work.article.source_file = seed.path
        analysed.append((seed, work))
    return analysed


def repeated_lines(texts) -> frozenset[str]:
    """Lines that occur in several seeds: navigation and footers shared by pages of one site."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update({line for line in text.split("\n") if line.strip()})
    return frozenset(line for line, n in counts.items() if n >= REPEATED_MIN_SEEDS)
