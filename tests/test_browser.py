"""The site as a person uses it, in a real browser: Playwright drives Debian's Chromium
(/usr/bin/chromium, installed by `make test` with apt when missing; no browser is downloaded), and
axe-core checks accessibility in the same browser.

The sites are served over HTTP the way a static host serves them: a missing page gets 404.html with
status 404. One build has relative URLs at the root, the other absolute URLs under /dossier/; the 404
page is also tried on the relative build served under /dossier/.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from theme_site import SUBPATH, build_theme_site

CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK), reason=f"no {CHROMIUM}: apt-get install chromium (make test does it)"
)


class StaticHost(http.server.SimpleHTTPRequestHandler):
    """Serves the site under `prefix`, and 404.html for anything missing, as static hosts do."""

    prefix = ""

    def translate_path(self, path):
        if self.prefix:
            if not path.startswith(self.prefix + "/"):
                return str(Path(self.directory) / "__missing__")
            path = path[len(self.prefix) :]
        return super().translate_path(path)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve(output: Path, prefix: str = ""):
    handler = functools.partial(type("Host", (StaticHost,), {"prefix": prefix}), directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def root_url(theme_site):
    server = serve(theme_site.output)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def subpath_url(subpath_site):
    server = serve(subpath_site.output, SUBPATH)
    yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}/"
    server.shutdown()


@pytest.fixture(scope="module")
def relative_subpath_url(theme_site):
    """The relative build (make html) served at a sub-path, as a host would serve an uploaded output/."""
    server = serve(theme_site.output, SUBPATH)
    yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


def test_overview_opens_with_navigation_and_a_skip_link(page, root_url):
    page.goto(root_url)
    assert page.locator("h1").inner_text() == "Missile defence and arms control, 2007"
    nav = page.get_by_role("navigation", name="Sections")
    for label in (
        "Overview",
        "Articles",
        "People",
        "Organisations",
        "Countries",
        "Treaties",
        "Events",
        "Chronology",
        "Search",
    ):
        assert nav.get_by_role("link", name=label, exact=True).is_visible()
    assert page.locator("#actors ~ .groups a.entity").count() > 0
    page.keyboard.press("Tab")
    skip = page.locator("a.skip")
    assert skip.evaluate("element => element === document.activeElement")
    box = skip.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0, "the focused skip link is on screen"
    outline = skip.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none", "focus is visible"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_article_to_entity_to_source_round_trip(page, root_url):
    page.goto(root_url)
    page.locator("#latest ~ ul.articles a").last.click()
    title = page.locator("h1").inner_text()
    entity_link = page.locator(".article .body a.entity").first
    name = entity_link.get_attribute("title") or entity_link.inner_text()
    entity_link.click()
    assert page.url.startswith(root_url) and "/articles/" not in page.url
    assert page.locator("h1").inner_text() == name
    while not page.locator("#mentions ~ h3 cite a", has_text=title).count():  # the further pages of mentions
        page.locator('nav.pager [aria-current="page"]').locator("xpath=../following-sibling::li[1]/a").click()
    page.locator("#mentions ~ h3 cite a", has_text=title).first.click()
    assert page.locator("h1").inner_text() == title
    assert page.locator(".article .body a.entity", has_text=name.split()[-1]).count() > 0


def test_entity_graph_nodes_are_links_to_entities(page, root_url):
    page.goto(root_url + "countries/united-states/")
    node = page.locator("figure.graph svg a").first
    label = node.get_attribute("aria-label")
    node.focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert label.startswith(page.locator("h1").inner_text())


@pytest.mark.parametrize("width", [1280, 360])
def test_key_facts_box_and_the_timeline_column_fit_the_screen(browser, root_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(root_url + "people/robert-gates/")
    box = page.locator(".key-facts")
    assert box.get_by_role("heading", name="Key facts").is_visible()
    role = box.locator(".fact.role").first
    assert "Defense Secretary" in role.inner_text()
    assert role.get_by_role("link", name="United States").is_visible()
    assert role.locator(".sources a").count() == 2, "a source link for each article that states it"
    facts, timeline = box.bounding_box(), page.locator("section:has(> #timeline)").bounding_box()
    assert facts["y"] < timeline["y"], "the box is at the top, above the timeline"
    assert facts["x"] >= 0 and facts["x"] + facts["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "nothing overflows sideways"
    related = page.locator("section:has(> #related)").bounding_box()
    if width == 1280:  # side by side
        assert abs(related["y"] - timeline["y"]) < 2 and related["x"] > timeline["x"] + timeline["width"]
    else:  # the graph, a screen high, comes before the timeline, as long as the entity's events
        assert related["y"] < timeline["y"]
    what = page.locator(".chronology .event .what").first.bounding_box()
    # the event's text gets the column's width less the date's (1280), or all of it (phones)
    assert what["width"] >= timeline["width"] * (0.7 if width == 1280 else 0.95), (what, timeline)
    page.get_by_role("link", name="United States").first.click()
    assert page.locator("h1").inner_text() == "United States"
    people = page.locator(".key-facts dl.people")
    assert (
        "Defense Secretary" in people.inner_text()
        and people.get_by_role("link", name="Robert Gates").is_visible()
    )
    context.close()


# Names and descriptions as long as real dossiers have them (a German body, a compound title), invented here.
LONG_NAMES_SEED = """\
Port board names Wolkenkratzerschmidt chairman

HAMBURG, March 3, 2021 -- Maximilianus Wolkenkratzerschmidt was named chairman of the \
Hafenbetriebsgesellschaftsverwaltung on Wednesday, the board said in a statement.
Wolkenkratzerschmidt said the Hafenbetriebsgesellschaftsverwaltung would review every contract \
signed by the Kreuzfahrtterminalbetreibergesellschaft before the summer.
"""
# more items of the theme registry's `entities` list, its last key
LONG_NAMES_ENTITIES = """\
  - {name: Maximilianus Wolkenkratzerschmidt, type: person, aliases: [Wolkenkratzerschmidt],
     description: "Aufsichtsratsvorsitzender, Hafenbetriebsgesellschaftsverwaltung"}
  - {name: Hafenbetriebsgesellschaftsverwaltung, type: organisation,
     description: "Hafenbetriebsgesellschaftsverwaltungsgesetz body of the port"}
  - {name: Kreuzfahrtterminalbetreibergesellschaft, type: organisation}
"""
PHONE = 390  # a common phone's width in CSS pixels


@pytest.fixture(scope="module")
def long_names_url(theme_content, tmp_path_factory):
    """The theme's dossier plus an article whose people and organisations have very long names."""
    content = tmp_path_factory.mktemp("long-names") / "content"
    shutil.copytree(theme_content, content)
    (content / "seeds" / "zz_long_names.txt").write_text(LONG_NAMES_SEED, encoding="utf-8")
    registry = content / "dossier.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + LONG_NAMES_ENTITIES, encoding="utf-8")
    site = build_theme_site(content, content.parent / "output")
    server = serve(site.output)
    yield f"http://127.0.0.1:{server.server_address[1]}/", site
    server.shutdown()


def test_no_list_page_scrolls_sideways_on_a_phone(browser, long_names_url):
    url, site = long_names_url
    folders = {entity["url"].split("/")[0] for entity in site.json()["entities"]}
    assert {"people", "organisations"} <= folders
    lists = sorted(folders) + [
        "articles",
        "topics",
        "tags",
        "chronology",
        "conflicts",
        "updates",
        "problems",
        "export",
    ]
    context = browser.new_context(viewport={"width": PHONE, "height": 800})
    page = context.new_page()
    for folder in lists:
        page.goto(f"{url}{folder}/")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE, f"/{folder}/ is {width} px wide on a {PHONE} px phone"
    # each row of a list of people stacks: the name and its counts, the description under them
    page.goto(url + "people/")
    row = page.locator("tr", has_text="Wolkenkratzerschmidt")
    name, description = row.locator("td").first.bounding_box(), row.locator("td.description").bounding_box()
    assert description["y"] >= name["y"] + name["height"] - 1, (name, description)
    counts = row.locator("td.number").last
    assert counts.inner_text() == "1" and abs(counts.bounding_box()["y"] - name["y"]) < name["height"]
    label = counts.evaluate("cell => getComputedStyle(cell, '::after').content")
    assert label == '" article"', "a count on its own says what it counts"
    context.close()


def test_chronology_filters_by_type_without_and_with_javascript(browser, root_url):
    for javascript in (False, True):
        context = browser.new_context(java_script_enabled=javascript)
        page = context.new_page()
        page.goto(root_url + "chronology/")
        everything = page.locator("li.event").count()
        page.get_by_role("navigation", name="Filter the chronology by entity type").get_by_role(
            "link", name="People"
        ).click()
        assert page.url.endswith("/chronology/people/")
        rows = page.locator("li.event")
        assert 0 < rows.count() <= everything
        for i in range(rows.count()):
            assert rows.nth(i).locator(".who a.person").count() > 0
        if javascript:
            page.goto(root_url + "chronology/")
            page.get_by_label("Filter by name or words").fill("Lavrov")
            visible = page.locator("li.event:visible")
            assert 0 < visible.count() < everything
            assert all("Lavrov" in text for text in visible.all_inner_texts())
            months = page.locator("section.year .month:visible")
            assert months.count() == months.filter(has=page.locator("li.event:visible")).count()
        else:
            assert page.locator(".text-filter").is_hidden()
        context.close()


@pytest.mark.parametrize("site", ["root", "subpath"])
def test_search_for_a_name_lands_on_its_page(page, site, request):
    base = request.getfixturevalue("root_url" if site == "root" else "subpath_url")
    page.goto(base + "search/")
    page.locator(".pagefind-ui__search-input").fill("Lavrov")
    results = page.locator(".pagefind-ui__result-link")
    results.first.wait_for(timeout=10000)
    more = page.locator(".pagefind-ui__button")  # "Load more results"
    while more.count() and more.is_visible():
        more.click()
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert hrefs[0].endswith("/people/sergei-lavrov/"), "the person's own page comes first"
    assert any(href.endswith("/people/sergei-lavrov/") for href in hrefs), hrefs
    assert any("/articles/" in href for href in hrefs), hrefs
    page.locator(".pagefind-ui__result-link", has_text="Sergei Lavrov").first.click()
    page.wait_for_load_state()
    assert page.url == base + "people/sergei-lavrov/"
    assert page.locator("h1").inner_text() == "Sergei Lavrov"


def test_search_says_what_to_do_without_javascript(browser, root_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(root_url + "search/")
    assert "Search needs JavaScript" in page.locator("main").inner_text()
    context.close()


@pytest.mark.parametrize("site", ["root_url", "subpath_url", "relative_subpath_url"])
def test_a_missing_page_gets_the_404_page_styled_at_any_depth(page, site, request):
    site_url = request.getfixturevalue(site)
    response = page.goto(site_url + "people/nobody/at/all/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    # a relative build finds its folder with a script: wait for the stylesheet it leads there
    page.wait_for_function(
        "getComputedStyle(document.querySelector('header.site')).backgroundColor != 'rgba(0, 0, 0, 0)'",
        timeout=5000,
    )
    page.get_by_role("link", name="The chronology").click()
    assert page.url == site_url + "chronology/" and page.locator("h1").inner_text() != "Page not found"
    page.go_back()
    page.get_by_role("link", name="The overview").click()
    assert page.url == site_url


def family_urls(site) -> dict[str, str]:
    data = site.json()
    urls = {
        "overview": "",
        "articles": "articles/",
        "article": data["articles"][0]["url"],
        "chronology": "chronology/",
        "chronology by type": "chronology/people/",
        "search": "search/",
        "tags": "tags/",
        "problems": "problems/",
        "404": "404.html",
        "export": "export/",
        "updates": "updates/",
        "conflicts": "conflicts/",
    }
    for entity_type in ("person", "organisation", "country", "treaty"):
        entity = next(e for e in data["entities"] if e["type"] == entity_type)
        urls[entity_type] = entity["url"]
        urls[f"{entity_type} index"] = entity["url"].split("/")[0] + "/"
    if data.get("topics"):
        urls["topic"] = data["topics"][0]["url"]
        urls["topics"] = "topics/"
    tag = next((site.output / "tags").glob("*/index.html"), None)
    if tag:
        urls["tag"] = tag.parent.relative_to(site.output).as_posix() + "/"
    return urls


@pytest.mark.parametrize("scheme, width", [("light", 1280), ("dark", 360)])
def test_no_serious_accessibility_violations_on_any_page_family(browser, theme_site, root_url, scheme, width):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    found = {}
    for family, url in family_urls(theme_site).items():
        page.goto(root_url + url)
        if family == "search":
            page.locator(".pagefind-ui__search-input").fill("Putin")
            page.locator(".pagefind-ui__result-link").first.wait_for(timeout=10000)
        violations = axe.run(page).response["violations"]
        serious = [
            f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in violations
            if v["impact"] in ("serious", "critical")
        ]
        if serious:
            found[family] = serious
    context.close()
    assert not found, found
