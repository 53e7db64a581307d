"""Pelican glue: read seeds through the dossier core and write its pages. The logic lives in `dossier`."""

from __future__ import annotations

import fnmatch
import gc
import logging
import os
import stat

import markdown_it
from pelican import signals
from pelican.readers import BaseReader
from pelican.utils import get_date

from dossier.corpus.cache import Cache, key
from dossier.corpus.engine import EngineError
from dossier.corpus.pipeline import build_dossier
from dossier.language.nlp import ModelError
from dossier.model import Problem
from dossier.publish import views
from dossier.publish.index import DossierIndex
from dossier.publish.render import render_article
from dossier.registry import RegistryError, load_registry
from dossier.slugs import MAX_LENGTH, bounded_slug

from .generator import DossierGenerator, write_sitemap
from .search import bundles
from .settings import dossier_settings
from .writer import IncrementalWriter

logger = logging.getLogger(__name__)


class SeedReader(BaseReader):
    """Reads a `.txt` seed: its article was already built with the whole dossier (see prepare_dossier)."""

    enabled = True
    file_extensions = ["txt"]
    index: DossierIndex | None = None
    by_path: dict = {}  # article by its source file, relative to PATH (as dossier.json and pages give it)
    cache: Cache | None = None

    def read(self, source_path):
        article = self.by_path.get(os.path.relpath(os.path.abspath(source_path), self.settings["PATH"]))
        if article is None or self.index is None:
            return "", {"status": "skip", "title": os.path.basename(source_path)}
        index, settings = self.index, dossier_settings(self.settings)
        content = rendered(self.cache, article, index.links(article.id, link_prefix(self.settings)))
        metadata = {
            "title": article.title,
            "slug": article.id,
            "dossier_id": article.id,
            "publisher": article.publisher or "",
            "source_file": article.source_file,
            "tags": [
                self.process_metadata("tags", e.name)
                for e in index.main_entities(article.id, settings["main_entities"])
            ],
        }
        metadata["tags"] = [tag for tags in metadata["tags"] for tag in tags]
        metadata["topics"] = index.topics_by_article.get(article.id, [])  # themes are tags too: a feed each
        metadata["tags"] += [
            tag for topic in metadata["topics"] for tag in self.process_metadata("tags", topic.name)
        ]
        for tag in metadata["tags"]:  # a tag's slug names its page and feed: bounded, never empty
            if not tag.slug or len(tag.slug) > MAX_LENGTH:
                tag.slug = bounded_slug(tag.name, "tag")
        metadata["tags"] = list(dict.fromkeys(metadata["tags"]))
        if article.date:
            metadata["date"] = get_date(article.date)
        return content, metadata


def rendered(cache: Cache | None, article, links: dict) -> str:
    """The article's body as HTML, from the cache when the same blocks were rendered with the same
    links before (rendering was most of what reading 1,000 unchanged articles cost)."""
    if cache is None:
        return render_article(article, links)
    entry = key(
        "article-html",
        markdown_it.__version__,
        [(b.text, b.kind) for b in article.body],
        sorted(links.items()),
    )
    html = cache.get(entry, str, entry)
    if html is None:
        html = render_article(article, links)
        cache.put(entry, html, entry)
    return html


def link_prefix(settings) -> str:
    """How an article body reaches the site root: relative to the article's folder, or SITEURL."""
    if settings.get("RELATIVE_URLS"):
        depth = settings["ARTICLE_SAVE_AS"].count("/")
        return "../" * depth
    return settings.get("SITEURL", "").rstrip("/") + "/"


def add_reader(readers) -> None:
    readers.reader_classes["txt"] = SeedReader


def prepare_dossier(generator) -> None:
    """Before articles are read, build the dossier from every seed at once (corpus-wide stages)."""
    settings = dossier_settings(generator.settings)
    files = walk_files(generator, generator.settings["ARTICLE_PATHS"], generator.settings["ARTICLE_EXCLUDES"])
    paths = [os.path.abspath(os.path.join(generator.path, f)) for f in sorted(files)]
    folders = tuple(os.path.join(generator.path, f) for f in generator.settings["ARTICLE_PATHS"])
    registry, registry_problem = None, None
    try:
        shown = os.path.relpath(settings["registry"], generator.path) if settings["registry"] else None
        registry = load_registry(settings["registry"], shown)  # messages never name the builder's folders
    except RegistryError as error:
        registry_problem = Problem(str(settings["registry"]), str(error))
        logger.error("dossier: %s (the registry is ignored for this build)", error)
    cache = Cache(settings["cache"]) if settings["cache"] else None
    try:
        dossier = build_dossier(paths, registry, cache, folders, settings["model"], settings["scheduler"])
    except (ModelError, EngineError) as error:
        logger.error("dossier: %s", error)
        raise SystemExit(2) from None
    if registry_problem:
        dossier.problems.insert(0, registry_problem)
    for article in dossier.articles:  # paths in pages and dossier.json are relative to content/
        article.source_file = os.path.relpath(article.source_file, generator.path)
    # Pelican makes its readers after readers_init and hands them to no signal: only Readers.readers reaches
    # this one
    reader = generator.readers.readers.get("txt")
    reader.by_path = {a.source_file: a for a in dossier.articles}
    reader.cache = cache
    for problem in dossier.problems:
        problem.file = os.path.relpath(problem.file, generator.path)
    for problem in dossier.problems:
        logger.warning("dossier: %s: %s", problem.file, problem.message)
    reader.index = DossierIndex(dossier)
    generator.context["dossier"] = reader.index
    generator.context["dossier_registry"] = registry
    generator.context["views"] = views  # layouts the theme draws (graphs, timelines, filters)
    generator.context["entity_types"] = views.ENTITY_TYPES  # the one table of types, for labels and URLs
    generator.context["search_bundles"] = bundles(
        len(dossier.articles) + len(dossier.entities), settings["search_shard"]
    )  # see search.py
    generator.context["row_cache"] = (
        views.RenderedOnce()
    )  # event rows, rendered once per page depth (macros.html)
    logger.info(
        "dossier: %d articles (%d cached steps reused, %d redone), %d entities, %d events, %d problems",
        len(dossier.articles),
        cache.hits if cache else 0,
        cache.misses if cache else 0,
        len(dossier.entities),
        len(dossier.events),
        len(dossier.problems),
    )
    gc.unfreeze()  # what an earlier build of this process left frozen, if it failed before the end
    gc.collect()  # the dossier lives until the build ends: later collections need not scan its objects
    gc.freeze()


def walk_files(generator, paths, exclude=None) -> list[str]:
    """The seeds (`.txt`) under ARTICLE_PATHS, without following symbolic links: a link may lead out of
    the seeds or loop, and a FIFO blocks whoever opens it. Regular files, links and other special entries
    are listed, for the dossier to read or name on /problems/. Paths relative to PATH.

    Pelican walks the same folders itself (following links), but its reader reads only what the dossier
    built from this list (SeedReader.read): a link or a FIFO it meets is skipped unread."""
    excluded = {os.path.normpath(os.path.join(generator.path, e)) for e in exclude or []}
    ignores = generator.settings["IGNORE_FILES"]
    found = []
    for path in paths:
        root = os.path.join(generator.path, path) if path else generator.path
        for folder, dirs, names in os.walk(root, followlinks=False):  # links to folders end up in dirs
            linked = [d for d in dirs if os.path.islink(os.path.join(folder, d))]
            dirs[:] = [
                d
                for d in dirs
                if d not in linked
                and os.path.join(folder, d) not in excluded
                and not any(fnmatch.fnmatch(d, pattern) for pattern in ignores)
            ]
            for name in names + linked:
                full = os.path.join(folder, name)
                if any(fnmatch.fnmatch(name, pattern) for pattern in ignores):  # '.#*': editors' lock links
                    continue
                try:
                    mode = os.lstat(full).st_mode
                except OSError:
                    continue
                if name.endswith(".txt") or stat.S_ISLNK(mode):
                    found.append(os.path.relpath(full, generator.path))
    return found


def fast_tag_lookup(generator) -> None:
    """Pelican's tag pages find each tag's articles in the list of all articles by `in`, a linear search
    a tag (10.9 s of 13 at 10,000 seeds): each tag's list answers `in` from a set instead."""
    for tag, articles in generator.tags.items():
        generator.tags[tag] = ArticleList(articles)


class ArticleList(list):
    """A list of Pelican articles whose `in` is a set lookup (articles compare by identity)."""

    def __init__(self, articles):
        super().__init__(articles)
        self.ids = {id(article) for article in articles}

    def __contains__(self, article) -> bool:
        return id(article) in self.ids


def add_generator(pelican):
    return DossierGenerator


def check_settings(pelican) -> None:
    dossier_settings(pelican.settings)  # raises with a clear message on a bad DOSSIER setting
    enforce_autoescape(pelican.settings)


def enforce_autoescape(settings) -> None:
    """Seed and registry text is untrusted: every template variable is escaped, whatever the settings
    file says (the generators build their Jinja environment from JINJA_ENVIRONMENT after this)."""
    environment = dict(settings.get("JINJA_ENVIRONMENT") or {})
    if environment.get("autoescape") is not True:
        logger.warning(
            "dossier: JINJA_ENVIRONMENT['autoescape'] was %r; the dossier turns it on "
            "(seed text is untrusted)",
            environment.get("autoescape"),
        )
        settings["JINJA_ENVIRONMENT"] = {**environment, "autoescape": True}


def get_writer(pelican):
    return IncrementalWriter


def finish_site(pelican) -> None:
    """After every page is written: pages of the previous build that are gone are removed, then the
    sitemap is drawn from the output tree itself, and the manifest of this build is recorded."""
    writer = IncrementalWriter.current
    writer.remove_stale()
    write_sitemap(writer, pelican.output_path, pelican.settings.get("SITEURL", ""))
    writer.save_manifest()
    gc.unfreeze()  # see prepare_dossier: a process that builds again (tests, the devserver) collects it


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(prepare_dossier)
    signals.article_generator_finalized.connect(fast_tag_lookup)
    signals.get_generators.connect(add_generator)
    signals.get_writer.connect(get_writer)
    signals.finalized.connect(finish_site)
