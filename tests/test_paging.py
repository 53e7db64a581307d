"""Long lists continue on paged pages: a topic's articles and events, the conflicting reports. Every
item is on exactly one page, the pages link to each other, and they are in the sitemap."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urljoin

import pytest
from test_conflicts import REGISTRY as CONFLICT_REGISTRY
from test_conflicts import SEEDS as CONFLICT_SEEDS
from test_topics import SEEDS as TOPIC_SEEDS

from dossier.publish import views

from conftest import Site

SITE_URL = "https://dossier.example.org"
SMALL_PAGES = {
    "DOSSIER": {"mentions_per_page": 1, "timeline_per_page": 1},
    "SITEURL": SITE_URL,
    "RELATIVE_URLS": False,
}


def page_and_followers(site: Site, url: str, part: str) -> tuple[list[str], list[str]]:
    """The hrefs of `part` on a page and on each page its pager links to, and the pages' URLs."""
    first = site.page(url)
    more = sorted(
        {a["href"] for a in first.select(f"#{part} nav.pager a") if f"/{part}/" in a["href"]},
        key=lambda href: int(href.rstrip("/").rsplit("/", 1)[1]),
    )
    urls = [href.removeprefix(SITE_URL + "/") for href in more]
    rows = first.select(f"#{part} li.event, #{part} ul.articles > li")
    for other in urls:
        page = site.page(other)
        assert page.select_one(f"nav.pager a[href='{urljoin(SITE_URL + '/', url)}#{part}']"), other
        rows += page.select("ol.chronology > li.event, ul.articles > li")
    return [row.find("a")["href"] for row in rows], urls


@pytest.fixture
def topic_site(make_site):
    return make_site(
        TOPIC_SEEDS, registry="topics:\n  - name: Arrests at sea\n    phrases: [coast guard]\n", **SMALL_PAGES
    )


def test_a_topic_lists_every_article_and_event_once_over_its_pages(topic_site):
    topic = next(t for t in topic_site.json()["topics"] if t["name"] == "Arrests at sea")
    articles = {a["id"]: a["url"] for a in topic_site.json()["articles"]}
    url = topic["url"].removeprefix(SITE_URL + "/")
    hrefs, urls = page_and_followers(topic_site, url, "articles")
    assert len(topic["articles"]) >= 3 and len(urls) >= 1  # one a page at most twice as many on its own
    assert sorted(hrefs) == sorted(articles[a] for a in topic["articles"])
    if len(topic["events"]) >= 2:
        hrefs, _ = page_and_followers(topic_site, url, "events")
        assert len(hrefs) == len(topic["events"])
    sitemap = (topic_site.output / "sitemap.xml").read_text(encoding="utf-8")
    for url in urls:
        assert f"<loc>{SITE_URL}/{url}</loc>" in sitemap


def test_the_conflicting_reports_page_with_one_page_has_no_pager(make_site):
    site = make_site(CONFLICT_SEEDS, registry=CONFLICT_REGISTRY, **SMALL_PAGES)
    page = site.page("conflicts/")
    assert len(page.select("ol.conflicts > li")) == 1 and not page.select("nav.pager")
    assert not (site.output / "conflicts" / "1").exists()


def test_the_articles_index_lists_each_article_once_newest_first_over_its_pages(make_site, monkeypatch):
    monkeypatch.setattr(views, "INDEX_ROWS", 3)
    site = make_site(TOPIC_SEEDS, **SMALL_PAGES)
    urls = {a["url"] for a in site.json()["articles"]}
    latest = site.page("articles/")
    links = [a["href"] for a in latest.select("nav.pager a")]
    assert links == [f"{SITE_URL}/articles/page/1/"]
    earlier = site.page("articles/page/1/")
    assert earlier.select_one(f"nav.pager a[href='{SITE_URL}/articles/#page']")
    assert "page 1 of 1" in earlier.h1.get_text()
    rows = [row.find("a")["href"] for page in (latest, earlier) for row in page.select("ul.articles > li")]
    assert sorted(rows) == sorted(urls) and len(earlier.select("ul.articles > li")) == 3
    dates = [row.time["datetime"] for page in (latest, earlier) for row in page.select("ul.articles > li")]
    assert dates == sorted(dates, reverse=True)
    assert f"<loc>{SITE_URL}/articles/page/1/</loc>" in (site.output / "sitemap.xml").read_text()


def test_a_type_index_lists_each_entity_once_by_rank_over_its_pages(make_site, monkeypatch):
    monkeypatch.setattr(views, "INDEX_ROWS", 2)
    site = make_site(TOPIC_SEEDS, **SMALL_PAGES)
    kinds = Counter(e["type"] for e in site.json()["entities"])
    kind, _ = kinds.most_common(1)[0]
    entities = [e for e in site.json()["entities"] if e["type"] == kind]
    assert len(entities) > 2
    folder = entities[0]["url"].removeprefix(SITE_URL + "/").split("/")[0]
    first = site.page(f"{folder}/")
    pages = [first] + [site.page(a["href"].removeprefix(SITE_URL)) for a in first.select("nav.pager a")]
    assert len(pages) == (len(entities) + 1) // 2
    assert f"{len(entities)} found" in first.select_one("p.meta").get_text()
    rows = [row for page in pages for row in page.select("table.entity-index tbody tr")]
    assert sorted(row.find("a")["href"] for row in rows) == sorted(e["url"] for e in entities)
    counts = [int(row.select("td.number")[0].get_text()) for row in rows]
    assert counts == sorted(counts, reverse=True)  # most mentioned first, across the pages
