"""End to end: build real sites into a temporary folder and check the pages a reader opens."""

import re

SEED_TITLES = {
    "000_bce709b2bb2c44e6.txt": ("U.S., Russian Defense Chiefs Meet, Avoid Missile Issue", "2007-06-15"),
    "003_07e72f23cbb6789e.txt": ("Tension continues after Russian-US missile defense talks", "2007-10-14"),
}
BOILERPLATE = [
    "Accessibility links",
    "Breaking News",
    "Save | Print",
    "Related >>",
    "Most Viewed",
    "(more)",
    "Copyright",
    "Adjust font size",
    "at a meeting in April (ITAR-TASS)",
    "Username",
    "SiteMap",
]


def test_every_seed_has_a_clean_article_page(seed_site):
    data = seed_site.json()
    by_file = {a["source_file"].split("/")[-1]: a for a in data["articles"]}
    assert set(by_file) == set(SEED_TITLES)
    for name, (title, date) in SEED_TITLES.items():
        record = by_file[name]
        assert (record["title"], record["date"]) == (title, date)
        page = seed_site.page(record["url"])
        assert page.find("h1").get_text(strip=True) == title
        assert page.find("time")["datetime"] == date
        body = page.select_one(".article .body").get_text(" ")
        assert len(body.split()) > 150
        for junk in BOILERPLATE:
            assert junk not in body, f"{junk!r} left in the body of {name}"
        assert page.select_one("details.removed"), "dropped blocks are shown behind a disclosure"


def test_removed_text_is_kept_for_the_reader(seed_site):
    record = next(
        a for a in seed_site.json()["articles"] if a["source_file"].endswith("000_bce709b2bb2c44e6.txt")
    )
    removed = " ".join(record["removed"])
    assert "Accessibility links" in removed and "(ITAR-TASS)" in removed
    page = seed_site.page(record["url"]).select_one("details.removed").get_text()
    assert "Accessibility links" in page


def test_index_and_article_list_link_every_article(seed_site):
    urls = {a["url"] for a in seed_site.json()["articles"]}
    for page in ("", "articles/"):
        hrefs = {a["href"] for a in seed_site.page(page).select("main a")}
        for url in urls:
            assert any(href.rstrip("/").endswith(url.rstrip("/")) for href in hrefs), (page, url)


def test_dossier_json_follows_the_contract(seed_site):
    data = seed_site.json()
    assert set(data) >= {"articles", "entities", "events", "topics", "problems"}
    article_keys = {
        "id",
        "source_file",
        "url",
        "title",
        "date",
        "publisher",
        "dateline_place",
        "body",
        "removed",
        "entities",
        "events",
        "problems",
    }
    for article in data["articles"]:
        assert set(article) >= article_keys
        assert all(isinstance(p, str) and p for p in article["body"])
    for entity in data["entities"]:
        assert set(entity) >= {
            "id",
            "name",
            "type",
            "aliases",
            "url",
            "description",
            "articles",
            "mentions",
            "roles",
            "relations",
        }
        for role in entity["roles"]:
            assert (
                set(role) >= {"role", "of", "from", "until", "as_of", "status", "sources"} and role["sources"]
            )
            assert role["status"] in ("current", "ended", "expected")
    roles = {(e["name"], r["role"], r["of"], tuple(r["as_of"])) for e in data["entities"] for r in e["roles"]}
    assert roles >= {
        ("Robert Gates", "Defense Secretary", "country/united-states", ("2007-06-15", "2007-10-14")),
        ("Sergei Lavrov", "Foreign Minister", "country/russia", ("2007-10-14",)),
    }
    for event in data["events"]:
        assert re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", event["date"])
        assert event["sources"]


def test_dossier_json_links_agree_both_ways(seed_site):
    """Every id one record lists is a record that lists it back: articles and their entities, events and their
    sources, topics and what they hold; urls, types and dates are those the site map and the contract give."""
    from dossier.model import TYPE

    data = seed_site.json()
    articles = {a["id"]: a for a in data["articles"]}
    entities = {e["id"]: e for e in data["entities"]}
    events = {e["id"]: e for e in data["events"]}
    assert len(articles) == len(data["articles"]) and len(entities) == len(data["entities"])
    for article in data["articles"]:
        assert article["url"] == f"articles/{article['id']}/"
        words = " ".join(re.findall(r"\w+", " ".join([article["title"], *article["body"]]).lower()))
        assert article["key_phrases"] and all(
            " ".join(re.findall(r"\w+", p.lower())) in words  # words, not ids
            for p in article["key_phrases"]
        )
        assert article["entities"] == sorted(article["entities"])
        assert set(article["entities"]) == {
            e["id"] for e in data["entities"] if article["id"] in e["articles"]
        }
        assert set(article["events"]) == {
            e["id"] for e in data["events"] if any(s["article"] == article["id"] for s in e["sources"])
        }
    for entity in data["entities"]:
        kind, slug = entity["id"].split("/")
        assert entity["type"] == kind and entity["url"] == f"{TYPE[kind].folder}/{slug}/"
        assert entity["articles"] == list(dict.fromkeys(m["article"] for m in entity["mentions"]))
        for mention in entity["mentions"]:
            assert mention["text"] in mention["sentence"]
            assert any(mention["sentence"] in paragraph for paragraph in articles[mention["article"]]["body"])
        for role in entity["roles"]:
            assert role["of"] in entities or not role["of"].count("/"), role["of"]
    for event in data["events"]:
        assert event["precision"] == {4: "year", 7: "month", 10: "day"}[len(event["date"])]
        assert event["dated"] in ("stated", "reported") and event["status"] in ("happened", "expected")
        assert set(event["entities"]) <= set(entities)
        for source in event["sources"]:
            assert source["article"] in articles
    for topic in data["topics"]:
        assert topic["url"] == f"topics/{topic['id'].split('/', 1)[1]}/"
        assert set(topic["articles"]) <= set(articles) and set(topic["entities"]) <= set(entities)
        assert set(topic["events"]) <= set(events)


def test_markup_in_a_seed_shows_as_text_and_bad_seeds_are_listed(make_site):
    hostile = (
        "Ministers meet in Geneva <script>alert('x')</script>\n\n"
        "GENEVA, March 3, 2021 -- Ministers met today. <img src=x onerror=alert(1)> "
        "{{ SITENAME }} {% raw %} *stars* &amp; [link](javascript:alert(1)) were typed by the author "
        "of this deliberately long paragraph so that it reads as article text to the cleaner.\n"
    )
    site = make_site(
        {"good.txt": hostile, "empty.txt": "", "image.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8}
    )
    html = (site.output / "articles").rglob("index.html")
    pages = "".join(p.read_text() for p in html)
    assert "<script>alert" not in pages and "<img src=x" not in pages
    assert 'href="javascript:' not in pages
    assert "{{ SITENAME }}" in pages and "&amp;amp;" in pages
    problems = {p["file"].split("/")[-1]: p["message"] for p in site.json()["problems"]}
    assert "empty" in problems["empty.txt"] and "binary" in problems["image.txt"]
    table = site.page("problems/").get_text()
    assert "empty.txt" in table and "image.txt" in table


def test_long_entity_pages_continue_on_further_pages(make_site):
    story = (
        "Talks on the water accord, round {n}\n\n"
        # a meeting of its own each year: reports of one meeting (or of meetings days apart) are one event
        "KHARTOUM, March {n}, 2021 -- Minister Ali Hassan met officials in Khartoum in {year} to discuss "
        "the "
        "water accord, the ministry said in a statement released after the talks had ended.\n\n"
        "Ali Hassan said the accord, signed in {year}, would be reviewed in June, and that he would travel "
        "to Cairo in May for the next round.\n"
    )
    site = make_site(
        {f"{n:02}.txt": story.format(n=n, year=1990 + n) for n in range(1, 6)},
        DOSSIER={"timeline_per_page": 1, "mentions_per_page": 2},
    )
    data = site.json()
    hassan = next(e for e in data["entities"] if e["name"] == "Ali Hassan")
    page = site.page(hassan["url"])
    seen, n = [], 0
    while (
        True
    ):  # the mentions newest first: the latest on the entity's page, then pages 2, 1 (2 articles each)
        mentions = page.select_one("#mentions").parent
        found = [a["href"].rstrip("/").split("/")[-1] for a in mentions.select("h3 cite a")]
        assert len(found) == 2 if n else 2 <= len(found) < 4
        seen += found
        current = mentions.select_one('.pager [aria-current="page"]').parent
        following = current.find_next_sibling("li")
        if not following:
            break
        n = int(following.a.get_text())
        assert following.a["href"].endswith(f"mentions/{n}/")
        page = site.page(f"{hassan['url']}mentions/{n}/")
    assert n == 1 and sorted(seen) == sorted(hassan["articles"]) and len(seen) == len(set(seen))
    by_id = {a["id"]: a["date"] for a in data["articles"]}
    assert [by_id[a] for a in seen] == sorted((by_id[a] for a in seen), reverse=True)

    events = [e for e in data["events"] if hassan["id"] in e["entities"]]
    assert len(events) > 2
    first = site.page(hassan["url"])
    rows = [li["id"][len("event-") :] for li in first.select("#timeline ~ ol.chronology > li")]
    assert len(rows) == 1
    marks = {a["href"].split("#event-")[1]: a["href"] for a in first.select("figure.strip a.mark")}
    earlier = len(events) - 1
    for n in range(1, earlier + 1):  # the earlier events, 1 a page, page 1 the oldest
        more = site.page(f"{hassan['url']}timeline/{n}/")
        ids = [li["id"][len("event-") :] for li in more.select("ol.chronology > li")]
        assert len(ids) == 1
        rows += ids
        for event_id in ids:  # a mark of the strip leads to the page that holds its event
            if event_id in marks:
                assert marks[event_id].endswith(f"timeline/{n}/#event-{event_id}")
    assert not (site.output / hassan["url"] / "timeline" / str(earlier + 1)).exists()
    assert sorted(rows) == sorted(e["id"] for e in events)
    assert marks[rows[0]] == f"#event-{rows[0]}"
    assert rows[1:] == [e["id"] for e in events[:-1]]
