"""Long lists continue on paged pages: a topic's articles and events, the conflicting reports. Every
item is on exactly one page, the pages link to each other, and they are in the sitemap."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from test_conflicts import REGISTRY as CONFLICT_REGISTRY
from test_conflicts import SEEDS as CONFLICT_SEEDS
from test_topics import SEEDS as TOPIC_SEEDS

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
