"""Rendering: seed text shows literally, mentions become link tokens, headings stay headings."""

import pytest
from bs4 import BeautifulSoup

from dossier.model import Article, Block, Link
from dossier.publish.render import render_article, render_block


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script> and <img src=x onerror=alert(1)>",
        "*not emphasis* and _not either_ and `not code`",
        "Fish &amp; chips &lt;b&gt; &#169;",
        "{{ config }} and {% include 'x' %}",
        "# not a heading",
        "[a link](javascript:alert(1)) and javascript:alert(2)",
        "1. not a list \\* escaped",
    ],
)
def test_text_shows_exactly_as_written(text):
    html = render_block(text)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("p").get_text() == text
    assert not soup.find_all(["script", "img", "a", "em", "code", "h1", "ol"])


def test_mentions_become_links_at_their_offsets():
    text = "Robert Gates met Gates's counterpart in Brussels."
    html = render_block(
        text,
        links=[
            Link(0, 12, "people/robert-gates/", "Robert Gates"),
            Link(40, 48, "places/brussels/", "Brussels"),
        ],
    )
    links = BeautifulSoup(html, "html.parser").find_all("a")
    assert [(a.get_text(), a["href"], a.get("title")) for a in links] == [
        ("Robert Gates", "people/robert-gates/", "Robert Gates"),
        ("Brussels", "places/brussels/", "Brussels"),
    ]
    assert BeautifulSoup(html, "html.parser").get_text().strip() == text


def test_overlapping_links_keep_the_first():
    html = render_block("Jaap de Hoop Scheffer spoke.", links=[Link(0, 21, "a/"), Link(5, 21, "b/")])
    assert [a["href"] for a in BeautifulSoup(html, "html.parser").find_all("a")] == ["a/"]


def test_headings_and_dropped_blocks():
    article = Article(
        "x",
        "x.txt",
        "T",
        blocks=[Block("Menu | Home", kept=False), Block("A subheading", "heading"), Block("Text here.")],
    )
    soup = BeautifulSoup(render_article(article, {1: [Link(0, 4, "u/")]}), "html.parser")
    assert soup.find("h2").get_text() == "A subheading"
    assert soup.find("p").find("a").get_text() == "Text"
    assert "Menu" not in soup.get_text()


@pytest.mark.parametrize(
    "value, shown",
    [("2008", "2008"), ("2007-06", "June 2007"), ("1990-11-19", "19 November 1990"), (None, "date unknown")],
)
def test_dates_show_at_their_precision(value, shown):
    from dossier.publish.index import display_date

    assert display_date(value) == shown
