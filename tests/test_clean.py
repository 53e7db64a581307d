"""The cleaner on pages written for these tests: what it keeps, what it drops and what it finds."""

import pytest

from dossier.ingest.clean import clean
from dossier.model import SeedText

PAGE = """Skip to main content
Home | World | Business | Sport | Weather
Search
Breaking News

Fishing fleets idle as quota talks collapse in Reykjavik

Save | Print | E-mail | Most Read

Harbour boats at dawn in Hafnarfjordur (Nordic Photo) REYKJAVIK, March 3, 2021 (Northern Wire) -- Fishing crews across the north Atlantic kept their boats in harbour on Wednesday after talks on the mackerel quota broke down late on Tuesday night.

The coastal states had met for three days to agree how the catch should be shared, but the delegations left without a date for another round.

Who Pays
"We cannot go on fishing blind," said the head of the crews' union, who asked the ministers to come back to the table before the season opens in May.

Stay up to date with the fleet news. Subscribe to our newsletter.

The ministry said it would publish its own limit within two weeks, as it has done in each of the last four years.

Related >>
Mackerel stocks at ten-year low (more)
Ministers trade blame over quotas (more)

Most Viewed
Storm closes ferry routes
Prices of cod rise again

Copyright © 2021 Northern Wire Media. All rights reserved.
"""


def make(text: str, path: str = "page.txt"):
    return clean(SeedText(path, text))


def kept(article) -> list[str]:
    return [block.text for block in article.body]


def test_headline_date_publisher_and_place_come_from_the_masthead():
    article = make(PAGE)
    assert article.title == "Fishing fleets idle as quota talks collapse in Reykjavik"
    assert article.date == "2021-03-03"
    assert article.publisher == "Northern Wire"
    assert article.dateline_place == "Reykjavik"
    assert article.id == "fishing-fleets-idle-as-quota-talks-collapse-in-reykjavik"
    assert not article.problems


def test_the_article_is_kept_and_the_page_around_it_dropped():
    body = kept(make(PAGE))
    assert body[0].startswith("REYKJAVIK, March 3, 2021 (Northern Wire) -- Fishing crews")
    assert body[-1].startswith("The ministry said it would publish")
    assert len(body) == 5
    text = "\n".join(body)
    for furniture in (
        "Save | Print",
        "Related",
        "(more)",
        "Most Viewed",
        "Storm closes",
        "Copyright",
        "Nordic Photo",
        "newsletter",
    ):
        assert furniture not in text


def test_subheadings_and_quotations_are_kept_as_written():
    article = make(PAGE)
    heading = next(block for block in article.body if block.text == "Who Pays")
    assert heading.kind == "heading"
    assert any(block.text.startswith('"We cannot go on fishing blind," said') for block in article.body)


def test_what_was_dropped_is_kept_with_a_reason():
    article = make(PAGE)
    removed = {block.text: block.reason for block in article.removed}
    assert (
        removed["Harbour boats at dawn in Hafnarfjordur (Nordic Photo)"]
        == "photo caption glued to the dateline"
    )
    assert "Home | World | Business | Sport | Weather" in removed
    assert all(reason for reason in removed.values())
    # nothing is lost: every line of the page is either kept or removed
    assert sorted(b.text for b in article.blocks) == sorted(kept(article) + list(removed))


def test_kept_text_is_not_rewritten_beyond_whitespace():
    page = "A  headline   that is long enough\n\nThe first   paragraph of the story says what\u00a0happened, and why it matters to many people here.\n"
    article = make(page.replace("\u00a0", " "))
    assert kept(article) == [
        "The first paragraph of the story says what happened, and why it matters to many people here."
    ]


def test_date_line_under_the_headline_wins_over_a_dateline_without_a_year():
    page = (
        "Dam opens after years of delay\n\n2015-06-02\n\nMANAUS, June 1 (River Agency) --\n\n"
        "The dam on the river opened on Monday after years of delay and protests by the people who live "
        "upstream.\n\n"
        "Engineers said the first turbines would run at half power until the rains come in the autumn.\n"
    )
    article = make(page)
    assert (article.title, article.date, article.publisher, article.dateline_place) == (
        "Dam opens after years of delay",
        "2015-06-02",
        "River Agency",
        "Manaus",
    )


def test_a_dateline_day_without_a_year_leaves_the_date_to_the_date_line():
    page = (
        "Dam opens after years of delay\n\nUpdated 10:02 GMT, 2 June 2015\n\nMANAUS, June 1 (River Agency) "
        "--\n\n"
        "The dam on the river opened on Monday after years of delay and protests by the people who live "
        "upstream.\n"
    )
    assert make(page).date == "2015-06-02"
    no_line = page.replace("Updated 10:02 GMT, 2 June 2015\n\n", "")
    assert make(no_line).date is None and "no publication date was recognised" in make(no_line).problems


def test_numeric_and_source_line_dates():
    body = (
        "The council voted on Tuesday to close the old bridge to cars from next spring, after engineers "
        "found cracks in two of its piers.\n\nThe mayor said buses would still cross it for a year.\n"
    )
    assert make("Bridge to close to cars\n\n04/09/2019 10:31\n\n" + body).date == "2019-04-09"
    assert make("Bridge to close to cars\n\n23.09.2019\n\n" + body).date == "2019-09-23"
    sourced = make("Bridge to close to cars\n\n" + body + "\n(Civic Press News Service September 24, 2019)\n")
    assert (sourced.date, sourced.publisher) == ("2019-09-24", "Civic Press News Service")


def test_the_headline_is_not_the_first_line_nor_a_byline_or_section():
    page = (
        "Log in\n\nOpinion\n\nThe quiet end of the paper map\n\nBy Ana Ruiz\n\nTravel Columnist\n\n"
        "Nobody I know buys a paper map any more, and the shops that sold them have closed one by one "
        "over the last ten years.\n\nThe last one in my town is now a cafe, which sells coffee and "
        "postcards of the old shop.\n"
    )
    assert make(page).title == "The quiet end of the paper map"


def test_articles_in_other_languages_are_kept():
    page = (
        "Inicio | Noticias | Deportes\n\nEl puerto cierra por la tormenta\n\n"
        "El puerto de la ciudad cerró el martes por la tormenta, y los barcos que estaban en el mar "
        "volvieron antes de la noche.\n\nLas autoridades dijeron que el puerto abrirá de nuevo cuando "
        "el viento baje, tal vez el jueves por la mañana.\n\nSíguenos en redes\n"
    )
    article = make(page)
    assert article.title == "El puerto cierra por la tormenta"
    assert [b.text[:20] for b in article.body] == ["El puerto de la ciud", "Las autoridades dije"]


def test_hard_wrapped_paragraphs_are_joined():
    page = (
        "Wind farm approved\n\nThe planning board approved the wind farm on the ridge after a hearing\n"
        "that lasted most of the night, and the first towers could go up\nby the end of next year.\n"
    )
    assert kept(make(page)) == [
        "The planning board approved the wind farm on the ridge after a hearing that "
        "lasted most of the night, and the first towers could go up by the end of next year."
    ]


def test_lines_repeated_across_the_site_are_dropped():
    page = "Storm news\n\nShare this story with friends\n\n" + PAGE
    article = clean(SeedText("p.txt", page), repeated_lines=frozenset({"Share this story with friends"}))
    assert "Share this story with friends" not in kept(article)


def test_text_without_prose_is_kept_and_reported():
    article = make("just some lowercase words without any structure or date at all")
    assert kept(article) == ["just some lowercase words without any structure or date at all"]
    assert any("no article prose" in p for p in article.problems)
    assert article.title.startswith("just some lowercase")


def test_very_long_lines_are_judged_without_reading_them_whole():
    article = make("A headline for a long text\n\n" + "word " * 300_000)
    assert article.title == "A headline for a long text"


def test_readers_comments_are_not_the_article_however_long():
    comments = "".join(
        f"reader{n}\n2 days ago\nI think the board was wrong about this, and I have said so at every "
        f"meeting for years, but nobody there listens to people like us, number {n}.\nReply\n"
        for n in range(12)
    )
    article = make(PAGE.replace("Related >>", "[ 12 comments ]\nLeave a comment\n" + comments + "Related >>"))
    assert kept(article) == kept(make(PAGE))
    assert any(b.reason == "readers' comments, or what follows them" for b in article.removed)


def test_a_story_repeated_in_another_seed_is_still_the_article():
    prose = [block.text for block in make(PAGE).body if len(block.text.split()) > 10]
    article = clean(SeedText("p.txt", PAGE), repeated_lines=frozenset(prose + ["Most Viewed"]))
    assert kept(article) == kept(make(PAGE))


STORY = (
    "\n\nThe council closed the old bridge to cars on Saturday after engineers found cracks in two of its "
    "piers, and buses will use the ferry until the repairs are done.\n\nThe mayor said the work would take "
    "most of the summer and cost the city more than it had set aside for roads this year.\n"
)


def test_bylines_and_reading_times_are_not_headlines():
    guardian = make("Bridge closes to cars\n\nAna Ruiz in Lisbon\n\nSat 14 Jul 2007 12.00 BST" + STORY)
    assert (guardian.title, guardian.date) == ("Bridge closes to cars", "2007-07-14")
    wire = make("Bridge closes to cars\n\nBy Ana Ruiz\n\n3 Min Read\n\nJul 14th, 2007" + STORY)
    assert (wire.title, wire.date) == ("Bridge closes to cars", "2007-07-14")
    assert make("Fighting stops in Lisbon\n\nSat, Jul 14, 2007" + STORY).title == "Fighting stops in Lisbon"


def test_the_page_language_picks_the_stoplist_and_english_wins_ties():
    from dossier.language.stoplists import stoplist_for

    english = stoplist_for(
        "the minister said that the talks would go on in the spring and that he was hopeful".split()
    )
    assert {"the", "that", "would"} <= english
    portuguese = stoplist_for(
        "o ministro disse que as conversas vão continuar na primavera e que ele está confiante".split()
    )
    assert {"que", "na", "ele"} <= portuguese and portuguese is not english
    # a page that is English with a few foreign words stays English
    assert stoplist_for(("the talks in the city of " * 20 + "que na ele disse").split()) is english


def test_a_source_line_is_removed_as_what_it_is():
    article = make("Bridge to close to cars" + STORY + "\n(Civic Press News Service September 24, 2019)\n")
    [source] = [b for b in article.removed if b.text.startswith("(Civic Press")]
    assert source.reason == "headline, date line or source line of the page"


@pytest.mark.parametrize(
    "trail",
    [
        "News · World · Europe",
        "World · Europe",
        "Home › Politics › Arms Control",
        "Politics • Defence & Security",
    ],
)
@pytest.mark.parametrize(
    "headline",
    ["Harbour Board Quits Talks", "Mayor signs decree", "Harbour board quits the fishing talks over quotas"],
)
def test_section_names_above_a_short_headline_are_page_furniture(trail, headline):
    page = (
        f"Skip to content\n\n{trail}\n\n{headline}\n\nBy Jane Doe\n\nMarch 3, 2021\n\n"
        "PORTHAVEN, March 3, 2021 (Coast Wire) -- The harbour board said on Wednesday it would stop taking "
        "part in the talks on fishing quotas, the board's chairman said in a statement.\n\n"
        "The decision takes effect in thirty days, the board said, and the fleet was told of it on Tuesday.\n"
    )
    article = make(page)
    assert article.title == headline
    assert trail not in kept(article)


SITE_BOX = (
    "About the author\nMira Tollan writes about the coast and its people for this site since 2015, and "
    "edits the weekly island letter.\nFollow Mira\n"
)


def test_prose_of_the_site_between_lines_of_its_template_is_not_the_article():
    page = "Bridge to close to cars" + STORY + "\n" + SITE_BOX
    repeated = frozenset(SITE_BOX.splitlines())  # the box is on every page of the site
    article = clean(SeedText("page.txt", page), repeated)
    [bio] = [b for b in article.removed if b.text.startswith("Mira Tollan")]
    assert bio.reason == "the site's own text, on its other pages too"


def test_the_headline_printed_again_in_the_text_is_dropped_once():
    first, second = STORY.strip().split("\n\n")
    page = f"Bridge to close to cars\n\n{first}\n\nBridge to close to cars\n\n{second}\n"
    article = make(page)
    assert article.title == "Bridge to close to cars"
    assert "Bridge to close to cars" not in kept(article)
    assert any(b.reason == "the headline again" for b in article.removed)
