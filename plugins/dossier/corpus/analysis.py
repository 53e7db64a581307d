"""A seed's own work: cleaned, parsed once, its mentions, facts, events and key phrases found.

Seeds are analysed in batches (`analyse_batch`): their texts go through the model in one `nlp.pipe`
stream, which keeps the model's batches full, and the rest of each seed's work follows its parse. A
batch is what a worker process or a Dask worker runs (engine.py); its results are plain dataclasses,
cached per seed by the caller.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..entities import facts
from ..entities import stage as entities
from ..events import stage as events
from ..ingest import clean
from ..language import nlp
from ..model import Article, Block, Candidate, Event, RelationStatement, RoleStatement, SeedText
from ..registry import ArticleOverride
from ..topics import phrases
from .engine import Failed, guarded


@dataclass
class SeedJob:
    """What a seed's analysis is made from: its text, its lines shared with other seeds (site furniture),
    the registry's override for it and the model's name."""

    seed: SeedText
    repeated: frozenset[str]
    override: ArticleOverride | None
    model: str = nlp.DEFAULT_MODEL


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


def analyse_seed(job: SeedJob) -> SeedWork:
    """One seed's work (a batch of one)."""
    (work,) = analyse_batch([job])
    if isinstance(work, Failed):
        raise RuntimeError(f"{job.seed.path}: {work.error}\n{work.traceback}")
    return work


def analyse_batch(jobs: list[SeedJob]) -> list[SeedWork | Failed]:
    """Each seed's work, or Failed for a seed whose analysis raised (the others are not affected).

    The articles of one model are parsed in one stream; a parse that raises is redone seed by seed
    so that only the seed at fault fails."""
    articles = [guarded(cleaned, job) for job in jobs]
    works: list[SeedWork | Failed] = list(articles)
    for model in {job.model for job in jobs}:
        mine = [i for i, job in enumerate(jobs) if job.model == model and isinstance(articles[i], Article)]
        try:
            parses = list(nlp.parse_many([articles[i] for i in mine], model))
        except nlp.ModelError:
            raise
        except Exception:  # noqa: BLE001 (one text the model chokes on): each seed alone
            parses = [guarded(lambda article: nlp.parse(article, model), articles[i]) for i in mine]
        for i, parsed in zip(mine, parses):
            works[i] = parsed if isinstance(parsed, Failed) else guarded(found, (articles[i], parsed))
    return works


def cleaned(job: SeedJob) -> Article:
    article = clean.clean(job.seed, job.repeated)
    apply_override(article, job.override)
    return article


def found(pair: tuple[Article, nlp.Parsed]) -> SeedWork:
    """What the per-seed stages find in a parsed article."""
    article, parsed = pair
    candidates = entities.find_candidates(article, parsed)
    roles, relations = facts.find_facts(article, parsed, candidates)
    return SeedWork(
        article,
        candidates,
        events.find_events(article, parsed),
        phrases.article_phrases(article, parsed),
        roles,
        relations,
    )


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
