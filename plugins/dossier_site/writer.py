"""Page-level incremental output: Pelican's Writer, but a page whose inputs did not change since the
last build is neither rendered nor written, and a page rendered again is written only when its bytes
changed.

The output folder keeps a manifest (MANIFEST, page -> digest of its inputs, see inputs.py) of the
build that made it. Files are replaced by a rename, never rewritten in place: `dossier build` stages
the new site with hard links to the previous one (build.py), and writing into a linked file would
change the old site too. A page the previous build wrote and this one did not is deleted.
"""

from __future__ import annotations

import filecmp
import json
import logging
import os
import tempfile
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

from pelican.utils import sanitised_join
from pelican.writers import Writer

from dossier.publish import view_models

from . import inputs
from .build import Staging

logger = logging.getLogger(__name__)

MANIFEST = ".dossier-manifest.json"
MANIFEST_VERSION = 1


def write_if_changed(path: str | Path, data: bytes | Iterable[bytes]) -> bool:
    """Write `data` (bytes, or chunks of them) to `path` through a temporary file and a rename, unless
    the file already holds exactly these bytes; True when it was written."""
    path = Path(path)
    if isinstance(data, bytes):
        try:
            if path.stat().st_size == len(data) and path.read_bytes() == data:
                return False
        except OSError:
            pass
        data = (data,)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            for chunk in data:
                out.write(chunk)
        if path.is_file() and filecmp.cmp(temporary, path, shallow=False):  # chunks: compared once written
            os.unlink(temporary)
            return False
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


class IncrementalWriter(Writer):
    current: IncrementalWriter | None = None  # the build's writer, for the plugin's last step

    def __init__(self, output_path, settings=None):
        # `dossier build`: the previous site's pages are linked in before one is read or written
        Staging.wait()
        super().__init__(output_path, settings=settings)
        self.previous = _load_manifest(Path(output_path))
        self.pages: dict[str, str] = {}  # every file this build produced -> its inputs' digest ("" if none)
        self.rendered = self.skipped = self.written = self.removed = self.indexed = 0
        self._site: str | None = None
        IncrementalWriter.current = self

    def site_inputs(self, context) -> str:
        if self._site is None:
            self._site = inputs.site_inputs(
                self.settings, context.get("dossier"), context.get("dossier_registry")
            )
        return self._site

    def write_file(
        self,
        name,
        template,
        context,
        relative_urls=False,
        paginated=None,
        template_name=None,
        override_output=False,
        url=None,
        **kwargs,
    ):
        """Pelican's write_file; what the page is drawn from lets an unchanged page be skipped: its view
        model (`view`, see publish/view_models.py: the template reads only it) or, for the families not yet
        drawn from one, `page_inputs`. Article and tag pages, which Pelican writes, get theirs here."""
        page_inputs = kwargs.pop("page_inputs", None)
        index = context.get("dossier")
        if index is not None and "view" not in kwargs:
            view = pelican_page_view(index, template_name, context, kwargs)
            if view is not None:
                kwargs["view"] = view
        if "view" in kwargs:
            page_inputs = kwargs["view"]
        if not name:
            return None
        incremental = page_inputs is not None and not paginated
        if incremental and self.unchanged(name, context, page_inputs):
            return None
        with self.replacing(name):
            written = super().write_file(
                name,
                template,
                context,
                relative_urls,
                paginated,
                template_name,
                override_output,
                url,
                **kwargs,
            )
        if incremental:
            self.pages[name] = inputs.digest(self.site_inputs(context), name, page_inputs)
        return written

    def unchanged(self, name: str, context, page_inputs) -> bool:
        """True (and the page kept as it is) when the page was last written from the same inputs;
        a caller may ask before it prepares what only rendering needs."""
        key = inputs.digest(self.site_inputs(context), name, page_inputs)
        if self.previous.get(name) != key or not os.path.isfile(sanitised_join(self.output_path, name)):
            return False
        self.pages[name] = key
        self.skipped += 1
        return True

    def kept(self, names: list[str], key: str) -> bool:
        """True (and the files kept as they are) when each of `names`, files made together from one
        input (the export of dossier.json), was last made under this `key` and is still there."""
        root = Path(self.output_path)
        if any(self.previous.get(name) != key or not (root / name).is_file() for name in names):
            return False
        self.stamp(names, key)
        self.skipped += len(names)
        return True

    def stamp(self, names: list[str], key: str) -> None:
        """Record that this build made `names` under `key` (see kept)."""
        for name in names:
            self.pages[name] = key

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom", **kwargs):
        """Pelican's write_feed, the file replaced only when its bytes changed (see replacing)."""
        if not path:
            return super().write_feed(elements, context, path, url, feed_type, **kwargs)
        with self.replacing(path):
            return super().write_feed(elements, context, path, url, feed_type, **kwargs)

    @contextmanager
    def replacing(self, name: str):
        """Around Pelican's writing of one file: the file it replaces is moved aside first (it may be
        linked into the previous site, see build.py, and Pelican writes in place), then put back, its
        date kept, when the new bytes are the same."""
        path = Path(sanitised_join(self.output_path, name))
        aside = path.with_name(f".{path.name}.previous") if path.is_file() else None
        if aside:
            os.replace(path, aside)
        try:
            yield
        except BaseException:
            if aside:
                os.replace(aside, path)
            raise
        self.produced(path)
        if aside and path.is_file() and filecmp.cmp(aside, path, shallow=False):
            os.replace(aside, path)
            return
        if aside:
            aside.unlink()
        self.written += 1

    def put(self, path: str | Path, data: bytes | Iterable[bytes]) -> None:
        """Write one file of the site (a full path inside the output folder), if its bytes changed;
        `data` may come in chunks, so that a large file is never held whole."""
        self.produced(path)
        self.written += write_if_changed(path, data)

    def produced(self, path: str | Path) -> None:
        """Count a file this build rendered (by Pelican or by the dossier) and keep it in the manifest."""
        self.pages.setdefault(Path(os.path.relpath(path, self.output_path)).as_posix(), "")
        self.rendered += 1

    def remove_stale(self) -> None:
        """Delete what the previous build wrote and this one did not."""
        root = Path(self.output_path).resolve()
        stale = [name for name in self.previous if name not in self.pages]
        for name in stale:
            path = (root / name).resolve()
            if not path.is_relative_to(root) or path == root:
                continue  # a manifest edited by hand names nothing outside the site
            path.unlink(missing_ok=True)
            for folder in path.parents:
                if folder == root or not folder.is_relative_to(root) or any(folder.iterdir()):
                    break
                folder.rmdir()
        self.removed = len(stale)

    def save_manifest(self) -> None:
        """Record what this build produced, for the next one; after the last file is written."""
        root = Path(self.output_path)
        data = {"version": MANIFEST_VERSION, "pages": dict(sorted(self.pages.items()))}
        write_if_changed(root / MANIFEST, (json.dumps(data, indent=0) + "\n").encode())
        logger.info(
            "dossier: %d pages unchanged and not rendered, %d rendered, %d of them written, "
            "%d removed; %d search records indexed",
            self.skipped,
            self.rendered,
            self.written,
            self.removed,
            self.indexed,
        )


def pelican_page_view(index, template_name: str | None, context, kwargs):
    """The view model of a page Pelican writes (articles, tags, the direct templates), None for others."""
    if "article" in kwargs:
        return article_view(index, kwargs["article"])
    if template_name == "tag":
        tag, articles = kwargs["tag"], kwargs["articles"]
        return view_models.tag_page(index, str(tag), tag.url, [a.dossier_id for a in articles])
    if template_name == "tags":
        rows = sorted(context.get("tags", []), key=lambda pair: pair[0])  # by slug, as Pelican's tags sort
        return view_models.TagsPage(tuple(view_models.TagRow(str(t), t.url, len(a)) for t, a in rows))
    if template_name == "articles":
        return view_models.articles_page(index)
    if template_name == "problems":
        return view_models.problems_page(index)
    if template_name == "search":
        return view_models.SearchPage(tuple(context.get("search_bundles") or ()))
    if template_name == "404":
        return view_models.NotFoundPage()
    return None


def article_view(index, article) -> view_models.ArticlePage:
    """The view model of the article page Pelican writes for `article` (its rendered body, topics, tags)."""
    return view_models.article_page(
        index,
        article.dossier_id,
        article.content,
        [view_models.Named(topic.name, topic.url) for topic in getattr(article, "topics", [])],
        [view_models.Named(str(tag), tag.url) for tag in getattr(article, "tags", [])],
    )


def _load_manifest(root: Path) -> dict[str, str]:
    try:
        data = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
        return {}
    pages = data.get("pages")
    return {str(k): str(v) for k, v in pages.items()} if isinstance(pages, dict) else {}
