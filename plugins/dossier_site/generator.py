"""Writes the dossier's own page families: entity pages, entity indexes, topics, the chronology by
entity type, dossier.json, the /export/ files and page, /updates/ and its feed, /conflicts/, and
sitemap.xml (under an absolute SITEURL)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

from pelican.generators import Generator

from dossier import xmltext
from dossier.corpus.updates import advance, load_history, record_id, save_history, snapshot, summary, to_atom
from dossier.model import CHANGE_KINDS, TYPE_FOLDERS, History
from dossier.publish import view_models, views
from dossier.publish.contract import json_chunks, to_json
from dossier.publish.export import NETWORK, TABLES, export_files
from dossier.publish.index import group_by_month

from . import inputs, search
from .settings import dossier_settings

UPDATES_FEED = "feeds/updates.atom.xml"


def build_date() -> str:
    """Today (UTC), or the day of SOURCE_DATE_EPOCH when it is set, as reproducible builds expect."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    now = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else dt.datetime.now(dt.UTC)
    return now.date().isoformat()


class DossierGenerator(Generator):
    def generate_context(self):
        self.index = self.context.get("dossier")

    def generate_output(self, writer):
        if self.index is None:
            return
        relative = self.settings["RELATIVE_URLS"]
        self.generate_entities(writer, relative)
        self.generate_entity_indexes(writer, relative)
        self.generate_topics(writer, relative)
        self.generate_chronology_by_type(writer, relative)
        self.generate_chronology_years(writer, relative)
        data = to_json(self.index.dossier, self.settings.get("SITEURL", ""))
        written = self.write_json(writer, data)  # what /export/ and /updates/ are drawn from
        self.generate_export(writer, relative, data, written)
        self.generate_updates(writer, relative, data, written)
        self.index_search(writer)
        self.generate_conflicts(writer, relative)
        self.generate_article_pages(writer, relative)

    def generate_entities(self, writer, relative):
        """An entity's page holds its latest events and the articles that mention it most recently;
        the earlier ones are on further pages numbered from the oldest (/<entity>/timeline/<n>/,
        /<entity>/mentions/<n>/), so that no page grows with the dossier and a full page never changes."""
        template, more = self.get_template("entity"), self.get_template("entity_more")
        settings = dossier_settings(self.settings)
        for entity in self.index.dossier.entities:
            events = self.index.events_by_entity.get(entity.id, [])
            timeline = views.paged(events, settings["timeline_per_page"])
            mentions = views.paged(self.index.mentions_in(entity)[::-1], settings["mentions_per_page"])
            event_pages = {event.id: n for n, page in enumerate(timeline.earlier, 1) for event in page}
            name = entity.url + "index.html"
            page_inputs = inputs.entity_page(self.index, entity, timeline, mentions)
            if not writer.unchanged(name, self.context, page_inputs):
                writer.write_file(
                    name,
                    template,
                    self.context,
                    relative,
                    url=entity.url,
                    entity=entity,
                    page_name=entity.url,
                    graph=views.relation_graph(entity, self.index.related(entity.id)),
                    strip=views.timeline_strip(events),
                    timeline=timeline.latest,
                    timeline_pages=len(timeline.earlier),
                    event_pages=event_pages,
                    mentions=mentions.latest[::-1],
                    mention_pages=len(mentions.earlier),
                    page_inputs=page_inputs,
                )

            mentions_newest_first = [page[::-1] for page in mentions.earlier]  # as on the entity's page
            parts = [
                ("timeline", timeline.earlier, inputs.timeline_page),
                ("mentions", mentions_newest_first, inputs.mentions_page),
            ]
            self.write_earlier_pages(writer, more, relative, "entity", entity, parts)

    def write_earlier_pages(self, writer, template, relative, kind, owner, parts):
        """The further pages of an entity's or topic's paged lists (`<owner.url><part>/<n>/`, numbered
        from the oldest); a part with `cards` is skipped when its digest did not change."""
        for part, pages, cards in parts:
            for n, items in enumerate(pages, 1):
                url = f"{owner.url}{part}/{n}/"
                page_inputs = inputs.more_page(owner, len(pages), cards(self.index, items)) if cards else None
                writer.write_file(
                    url + "index.html",
                    template,
                    self.context,
                    relative,
                    url=url,
                    page_name=url,
                    part=part,
                    page=n,
                    pages=len(pages),
                    items=items,
                    page_inputs=page_inputs,
                    **{kind: owner},
                )

    def index_search(self, writer):
        """/search/: Pagefind over stub records of the articles and entities, shard by shard."""
        try:
            search.index_site(
                writer,
                search.records(self.index, views.ENTITY_TYPES.singular),
                dossier_settings(self.settings)["search_shard"],
            )
        except search.SearchError as error:
            print(f"dossier: {error}", file=sys.stderr)
            raise

    def generate_entity_indexes(self, writer, relative):
        """/<type>/: the type's entities, most mentioned first, views.INDEX_ROWS a page; the next ranks
        on /<type>/page/<n>/ (n from 2)."""
        template = self.get_template("entities")
        for entity_type, folder in TYPE_FOLDERS.items():
            for view in view_models.entity_index_pages(self.index, entity_type):
                url = f"{folder}/" if view.page == 1 else f"{folder}/page/{view.page}/"
                writer.write_file(
                    url + "index.html",
                    template,
                    self.context,
                    relative,
                    url=url,
                    page_name=url.rstrip("/"),
                    view=view,
                )

    def generate_topics(self, writer, relative):
        """Each topic's page with its latest articles and events; the earlier ones on further pages
        numbered from the oldest (/topics/<slug>/articles/<n>/, /topics/<slug>/events/<n>/), as an
        entity's are, so that no topic page grows with the dossier."""
        if not self.index.dossier.topics:
            return
        template, more = self.get_template("topic"), self.get_template("topic_more")
        settings = dossier_settings(self.settings)
        for topic in self.index.dossier.topics:
            articles = views.paged(  # the topic lists its articles newest first: paged from the oldest
                [a for a in topic.articles if a in self.index.articles][::-1], settings["mentions_per_page"]
            )
            events = views.paged(
                [e for e in topic.events if e in self.index.events], settings["timeline_per_page"]
            )
            writer.write_file(
                topic.url + "index.html",
                template,
                self.context,
                relative,
                url=topic.url,
                topic=topic,
                topic_articles=articles.latest[::-1],
                article_pages=len(articles.earlier),
                topic_events=events.latest,
                event_pages=len(events.earlier),
                page_name=topic.url,
                page_inputs=inputs.topic_page(self.index, topic),
            )
            articles_newest_first = [page[::-1] for page in articles.earlier]  # as on the topic's page
            parts = [("articles", articles_newest_first, None), ("events", events.earlier, None)]
            self.write_earlier_pages(writer, more, relative, "topic", topic, parts)
        writer.write_file(
            "topics/index.html",
            self.get_template("topics"),
            self.context,
            relative,
            url="topics/",
            page_name="topics",
            view=view_models.topics_page(self.index, self.index.dossier.topics),
        )

    def generate_chronology_by_type(self, writer, relative):
        """The chronology filtered to one entity type, as plain pages: /chronology/<type folder>/."""
        template = self.get_template("chronology")
        base = self.settings.get("CHRONOLOGY_URL", "chronology/")
        for entity_type, folder in TYPE_FOLDERS.items():
            events = views.events_of_type(self.index.chronology_shown, self.index.entities, entity_type)
            writer.write_file(
                f"{base}{folder}/index.html",
                template,
                self.context,
                relative,
                url=f"{base}{folder}/",
                page_name=f"{base}{folder}",
                chronology_type=entity_type,
                chronology_groups=group_by_month(events),
                page_inputs=inputs.chronology_page(self.index, events, (entity_type,), counted=True),
            )

    def generate_chronology_years(self, writer, relative):
        """Every event of one year: /chronology/<year>/ and, for a year of many, /chronology/<year>/<n>/
        (the chronology's own page lists the main ones)."""
        template = self.get_template("chronology")
        base = self.settings.get("CHRONOLOGY_URL", "chronology/")
        for year, pages in self.index.chronology_pages.items():
            others = [
                (other.number, other.path, other.events[0].date, other.events[-1].date) for other in pages
            ]
            for page in pages:
                writer.write_file(
                    f"{base}{page.path}index.html",
                    template,
                    self.context,
                    relative,
                    url=f"{base}{page.path}",
                    page_name=f"{base}{page.path}".rstrip("/"),
                    chronology_year=year,
                    chronology_page=page,
                    chronology_groups=group_by_month(page.events),
                    page_inputs=inputs.chronology_page(
                        self.index, page.events, (year, page.number, others), counted=False
                    ),
                )

    def generate_export(self, writer, relative, data: dict, written: str):
        """/export/: the dossier as CSV tables and a GraphML network, and a page describing them; kept
        as they are when dossier.json's bytes (`written`, their digest) did not change."""
        names = [f"export/{table.file}" for table in TABLES] + [f"export/{NETWORK}", "export/index.html"]
        key = inputs.digest(writer.site_inputs(self.context), names, written)
        if writer.kept(names, key):
            return
        files = export_files(data, self.index.co_mentions)
        for name, text in files.items():
            writer.put(Path(self.output_path) / "export" / name, text.encode("utf-8"))
        counts = {table.file: sum(1 for _ in table.rows(data)) for table in TABLES}
        writer.write_file(
            "export/index.html",
            self.get_template("export"),
            self.context,
            relative,
            url="export/",
            page_name="export",
            export_tables=TABLES,
            export_rows=counts,
            export_network=NETWORK,
        )
        writer.stamp(names, key)

    def generate_conflicts(self, writer, relative):
        """/conflicts/: every event whose sources disagree on its date or figures, in date order: the
        latest on /conflicts/, the earlier ones on /conflicts/<n>/, numbered from the oldest."""
        conflicted = [event for event in self.index.chronology if event.conflicts]
        pages = views.paged(conflicted, dossier_settings(self.settings)["timeline_per_page"])
        for n, items in enumerate([*pages.earlier, pages.latest], 1):
            url = "conflicts/" if n > len(pages.earlier) else f"conflicts/{n}/"
            writer.write_file(
                url + "index.html",
                self.get_template("conflicts"),
                self.context,
                relative,
                url=url,
                page_name=url.rstrip("/"),
                conflicted=items,
                page=0 if n > len(pages.earlier) else n,
                pages=len(pages.earlier),
                first=sum(len(p) for p in pages.earlier[: n - 1]) + 1,
                total=len(conflicted),
            )

    def generate_article_pages(self, writer, relative):
        """/articles/page/<n>/: the earlier articles of the index, numbered from the oldest (the newest
        are on /articles/, a direct template, drawn from the same view model)."""
        base = os.path.dirname(self.settings["ARTICLES_SAVE_AS"])
        latest = view_models.articles_page(self.index)
        for n in range(1, latest.pages + 1):
            url = f"{base}/page/{n}/"
            writer.write_file(
                url + "index.html",
                self.get_template("articles"),
                self.context,
                relative,
                url=url,
                page_name=url.rstrip("/"),
                view=view_models.articles_page(self.index, n),
            )

    def generate_updates(self, writer, relative, data: dict, written: str):
        """/updates/ and, when the site has an absolute address (as its other feeds need), its Atom
        feed: what this build changed, compared with the last build's snapshot. Kept as they are when
        dossier.json's bytes (`written`) are the last build's, that build changed nothing either, on
        the same day, and the history file holds what it left there."""
        path = dossier_settings(self.settings)["history"]
        site_url = self.settings.get("SITEURL", "")
        published = bool(urlsplit(site_url).netloc)
        names = ["updates/index.html"] + ([UPDATES_FEED] if published else [])

        def key(changed: bool) -> str:
            return inputs.digest(
                writer.site_inputs(self.context), names, written, build_date(), changed, _file_digest(path)
            )

        if writer.kept(names, key(False)):
            return
        history = advance(load_history(path) if path else History(), snapshot(data), build_date())
        if path:
            save_history(path, history)
        writer.write_file(
            "updates/index.html",
            self.get_template("updates"),
            self.context,
            relative,
            url="updates/",
            page_name="updates",
            history=history,
            change_kinds=CHANGE_KINDS,
            build_anchor=record_id,
            build_summary=summary,
            updates_feed=UPDATES_FEED if published else None,
        )
        if published:
            registry = self.context.get("dossier_registry")
            title = registry.title if registry and registry.title != "Dossier" else self.settings["SITENAME"]
            prefix = site_url.rstrip("/") + "/"
            feed = to_atom(history, title, prefix + "updates/", prefix + UPDATES_FEED)
            writer.put(Path(self.output_path) / UPDATES_FEED, feed.encode("utf-8"))
        writer.stamp(names, key(history.changed))

    def write_json(self, writer, data: dict) -> str:
        """dossier.json, one record at a time; returns the digest of its bytes."""
        hasher = hashlib.sha256()

        def chunks():
            for chunk in json_chunks(data):
                hasher.update(chunk)
                yield chunk

        writer.put(os.path.join(self.output_path, "dossier.json"), chunks())
        return hasher.hexdigest()


def _file_digest(path: str | None) -> str | None:
    """The digest of a file's bytes, None when there is none: whether someone changed it."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest() if path else None
    except OSError:
        return None


def write_sitemap(writer, output_path: str, site_url: str) -> Path | None:
    """sitemap.xml from the pages actually written (every .html but 404.html), in path order.

    The sitemap protocol wants absolute locations: it is written only when SITEURL is an absolute
    address (`make publish`), and a relative or development build has none."""
    if not urlsplit(site_url).netloc:
        return None
    root = Path(output_path)
    prefix = site_url.rstrip("/") + "/"
    urls = []
    for page in sorted(root.rglob("*.html")):
        relative = page.relative_to(root).as_posix()
        if relative == "404.html" or relative.startswith(("pagefind/", "theme/")):
            continue
        urls.append(
            prefix + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)
        )
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    lines += [f"  <url><loc>{xmltext.text(url)}</loc></url>" for url in urls]
    lines.append("</urlset>")
    target = root / "sitemap.xml"
    writer.put(target, ("\n".join(lines) + "\n").encode("utf-8"))
    return target
