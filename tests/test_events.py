"""The chronology: dated statements per article, participants, merging across articles, curation."""

from __future__ import annotations

import random
import re

import pytest

from dossier.corpus.pipeline import build_dossier
from dossier.events.stage import build_events, event_id, find_events
from dossier.model import Article, Block, Entity, Event, Mention, Source
from dossier.registry import EventCorrection, EventRule, Registry, load_registry


def article(text: str, date: str | None = "2007-06-15", article_id: str = "a1", title: str = "") -> Article:
    """An article of one paragraph per blank-line-separated part of `text` (no headline unless given)."""
    return Article(
        id=article_id,
        source_file=f"{article_id}.txt",
        title=title,
        date=date,
        blocks=[Block(part) for part in text.split("\n\n")],
    )


def events_of(text: str, date: str | None = "2007-06-15") -> list[tuple[str, str, str]]:
    return [(e.date, e.precision, e.status) for e in find_events(article(text, date))]


# --- per article -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The ministers held a meeting today in Geneva.", [("2007-06-15", "day", "happened")]),
        ("The council will meet Tuesday to vote on the plan.", [("2007-06-19", "day", "expected")]),
        ("The lease expires in six months, the landlord said.", [("2007-12", "month", "expected")]),
        ("Officials said the plant closed in 1990.", [("1990", "year", "happened")]),
        ("Elections are scheduled for next year.", [("2008", "year", "expected")]),
        ("Talks will resume today in Geneva.", [("2007-06-15", "day", "expected")]),
        ("The strike began last month.", [("2007-05", "month", "happened")]),
        ("The summit is planned for Oct. 26 in Lisbon.", [("2007-10-26", "day", "expected")]),
        ("Prices rose this year.", [("2007", "year", "happened")]),
    ],
)
def test_each_dated_sentence_is_an_event_with_its_status(sentence, expected):
    assert events_of(sentence) == expected


def test_a_dateline_today_is_the_publication_date():
    [event] = find_events(article("MOSCOW (AP) - Russian and U.S. envoys held a meeting today."))
    assert (event.date, event.status) == ("2007-06-15", "happened")
    assert event.sources == [Source("a1", "MOSCOW (AP) - Russian and U.S. envoys held a meeting today.")]
    assert event.entities == []


def test_one_event_per_date_in_a_sentence():
    text = "Rebels attacked on Friday, and on June 15 the army struck back; in 1990 they had signed a truce."
    assert [e.date for e in find_events(article(text))] == ["2007-06-15", "1990"]


def test_each_sentence_gives_its_own_events():
    text = "Rebels attacked on Friday. The army struck back on Friday."
    assert [e.sources[0].sentence for e in find_events(article(text))] == [
        "Rebels attacked on Friday.",
        "The army struck back on Friday.",
    ]


def test_headings_and_bare_dates_are_not_events():
    a = article("2007-06-15 14:02\n\nThe council met Tuesday.")
    a.blocks.insert(0, Block("Talks resume in June", kind="heading"))
    assert [e.date for e in find_events(a)] == ["2007-06-12"]


def test_without_a_publication_date_only_absolute_dates_count():
    assert events_of("The council met Tuesday. The treaty was signed on June 14, 1990.", None) == [
        ("1990-06-14", "day", "happened")
    ]


def test_summary_is_the_sentence_when_short():
    sentence = "The council will meet Tuesday to vote on the plan."
    [event] = find_events(article(sentence))
    assert event.summary == sentence


def test_a_summary_drops_what_only_qualifies_and_keeps_the_clause_told_apart():
    sentence = (
        "The council will meet Tuesday to vote on the plan, which was drafted in 1990 by a committee "
        "of experts that met in Vienna, Prague, Budapest and Warsaw over several long months of "
        "negotiation with the ministers of the neighbouring states, the mayors of the border towns and "
        "the farmers' unions, officials said."
    )
    assert len(sentence.split()) > 40
    meeting, drafting = [e.summary for e in find_events(article(sentence))]
    assert meeting == "The council will meet Tuesday to vote on the plan"  # the relative clause dropped
    # a clause describing a noun is told with its noun
    assert drafting.startswith("The plan which was drafted in 1990 by a committee")
    assert len(drafting.split()) <= 31


@pytest.mark.parametrize(
    "sentence",
    [
        "However, the automaker cut 10,000 jobs on Friday and closed 14 plants across "
        "the country "
        "over the last three years as sales of its large sport utility vehicles and pickup trucks kept "
        "falling in "
        "the United States and in Canada, where dealers had warned of the slump for months.",
        "But the talks on missile defense issues ended on Friday as both sides failed to agree on "
        "the radar "
        "in the Czech Republic and the interceptors in Poland, which the United States wants to build by "
        "2012 "
        "despite the objections raised by the Russian foreign ministry in Moscow and by several European "
        "governments.",
    ],
)
def test_summaries_read_as_sentences(sentence):
    events = find_events(article(sentence))
    assert events
    for event in events:
        summary = event.summary
        assert summary[:1].isupper() and summary.split()[0].lower() not in ("however", "but", "and", "as")
        assert len(summary.split()) <= 41 and "000 jobs" not in summary.replace("10,000 jobs", "")
        assert summary.count('"') % 2 == 0


def test_a_short_sentence_is_its_own_summary_without_the_leading_however():
    [event] = find_events(article("However, the company posted a loss on Friday."))
    assert event.summary == "The company posted a loss on Friday."


def test_draft_ids_are_stable_and_start_with_the_date():
    text = "Rebels attacked the town on Friday."
    first, second = find_events(article(text)), find_events(article(text))
    assert [e.id for e in first] == [e.id for e in second] == ["2007-06-15-rebels-attacked-town"]


def test_an_event_id_is_its_date_and_the_summary_words_that_say_what_happened():
    """Registries cite ids: function words, reporting verbs, relative times and weekdays stay out."""
    assert (
        event_id("2024-03-01", "Acme said on Friday that it will close its Tarn plant early next year")
        == "2024-03-01-acme-close-tarn-plant"
    )
    assert (
        event_id("2024-03-01", "Later, the mayor told us the bridge had been shut since last week")
        == "2024-03-01-mayor-bridge-shut"
    )


def test_a_draft_id_is_the_event_id_of_its_date_and_summary():
    """build_events reuses the drafts' ids for the events that keep their date and words."""
    drafts = find_events(
        article(
            "Acme said on Monday it had closed the Leeds plant, which opened in March 1990, and that talks "
            "with the union will resume in July.\n\nThe company cut 300 jobs in 2004. Its chief executive "
            "resigned on 3 May 2006.",
            title="Acme closes plant",
        )
    )
    assert len({e.date for e in drafts}) >= 3
    assert all(e.id == event_id(e.date, e.summary) for e in drafts)


# --- corpus ------------------------------------------------------------------------------------


def entity(entity_id: str, *mentions: tuple[str, str], texts: dict[str, str] | None = None) -> Entity:
    """An entity named in these (article id, sentence) places, found in the article's one paragraph
    (`texts`, by article id; the sentence itself when not given)."""
    name = entity_id.split("/")[1]

    def mention(article_id: str, sentence: str) -> Mention:
        text = (texts or {}).get(article_id, sentence)
        start = text.find(sentence) + max(0, sentence.lower().find(name))
        return Mention(article_id, 0, start, start + len(name), name, sentence, entity_id)

    return Entity(
        id=entity_id,
        name=name.title(),
        type=entity_id.split("/")[0],
        slug=name,
        mentions=[mention(a, sentence) for a, sentence in mentions],
    )


BOMBING_A = "Bombs exploded outside the embassy in Nairobi on Friday."
BOMBING_B = "The Nairobi embassy was hit by a bomb Friday, officials said."
PLANNED = "Albright will visit Nairobi on Friday, aides said."


def corpus(registry: Registry | None = None, entities: list[Entity] | None = None):
    a = article(BOMBING_A, "2007-06-15", "a")
    b = article(BOMBING_B, "2007-06-16", "b")
    articles = [a, b]
    drafts = {x.id: find_events(x) for x in articles}
    if entities is None:
        entities = [entity("place/nairobi", ("a", BOMBING_A), ("b", BOMBING_B))]
    return build_events(articles, drafts, entities, registry or Registry())


def test_participants_are_the_entities_of_the_same_sentence():
    text = "Kenya and Tanzania met on Friday. Uganda met them in 1990."
    a = article(text, article_id="a")
    texts = {"a": text}
    entities = [
        entity("country/kenya", ("a", "Kenya and Tanzania met on Friday."), texts=texts),
        entity("country/tanzania", ("a", "Kenya and Tanzania met on Friday."), texts=texts),
        entity("country/uganda", ("a", "Uganda met them in 1990."), texts=texts),
        entity("country/sudan", ("b", "Kenya and Tanzania met on Friday.")),
    ]
    events = build_events([a], {"a": find_events(a)}, entities, Registry())
    assert {e.date: e.entities for e in events} == {
        "1990": ["country/uganda"],
        "2007-06-15": ["country/kenya", "country/tanzania"],
    }


def test_the_same_event_reported_by_two_articles_is_merged():
    [event] = corpus()
    assert event.date == "2007-06-15"
    assert [s.article for s in event.sources] == ["a", "b"]
    assert event.summary == BOMBING_A  # the earliest report's words
    assert event.entities == ["place/nairobi"]


def test_reports_without_a_shared_participant_stay_apart():
    events = corpus(entities=[])
    assert len(events) == 2 and all(len(e.sources) == 1 for e in events)


def test_a_month_needs_the_same_action_and_two_shared_participants_to_merge():
    first = article("Kenya signed the treaty in March 2007.", article_id="a")
    second = article("Kenya raised taxes in March 2007.", article_id="b")
    third = article("In March 2007 Kenya signed the treaty with Zambia.", article_id="c")
    texts = [("a", first.blocks[0].text), ("b", second.blocks[0].text), ("c", third.blocks[0].text)]
    both = [entity("country/kenya", *texts), entity("treaty/lusaka", *texts)]
    drafts = {x.id: find_events(x) for x in (first, second, third)}
    assert len(build_events([first, second], drafts, both, Registry())) == 2  # signing, raising taxes
    [signed] = build_events([first, third], drafts, both, Registry())
    assert [s.article for s in signed.sources] == ["a", "c"]


def test_a_merged_event_happened_if_any_report_says_so():
    visited = "Albright visited Nairobi on Friday."
    a = article(PLANNED, "2007-06-14", "a")
    b = article(visited, "2007-06-16", "b")
    entities = [entity("place/nairobi", ("a", PLANNED), ("b", visited))]
    drafts = {x.id: find_events(x) for x in (a, b)}
    assert drafts["a"][0].status == "expected"
    [event] = build_events([a, b], drafts, entities, Registry())
    # the attribution is dropped from the summary: what aides said is the visit
    assert (event.date, event.status, event.summary) == ("2007-06-15", "happened", PLANNED.split(",")[0])


def test_building_does_not_change_the_cached_drafts():
    a = article(BOMBING_A, article_id="a")
    drafts = {"a": find_events(a)}
    before = [(e.id, list(e.entities), list(e.sources)) for e in drafts["a"]]
    build_events([a], drafts, [entity("place/nairobi", ("a", BOMBING_A))], Registry())
    assert [(e.id, list(e.entities), list(e.sources)) for e in drafts["a"]] == before


def test_events_are_sorted_by_date_with_unique_ids():
    a = article(
        "Rebels attacked on Friday. Rebels attacked on Friday again. Rebels attacked in 1990.", article_id="a"
    )
    events = build_events([a], {"a": find_events(a)}, [], Registry())
    assert [e.date for e in events] == ["1990", "2007-06-15", "2007-06-15"]
    assert len({e.id for e in events}) == 3
    assert [e.id for e in events] == sorted([e.id for e in events], key=lambda i: (i[:10], i))


def test_output_does_not_depend_on_the_order_of_entities():
    entities = [
        entity("place/nairobi", ("a", BOMBING_A), ("b", BOMBING_B)),
        entity("country/kenya", ("a", BOMBING_A)),
        entity("organisation/fbi", ("b", BOMBING_B)),
    ]
    expected = corpus(entities=entities)
    for seed in range(5):
        shuffled = entities[:]
        random.Random(seed).shuffle(shuffled)
        assert corpus(entities=shuffled) == expected


# --- registry ----------------------------------------------------------------------------------


def two_events() -> list[Event]:
    return corpus(entities=[])


def test_registry_hides_an_event_by_id():
    first, second = two_events()
    events = corpus(Registry(hide_events=[first.id]), entities=[])
    assert [e.id for e in events] == [second.id]


def test_registry_merges_events_into_the_first_id():
    first, second = two_events()
    [event] = corpus(Registry(merge_events=[[first.id, second.id]]), entities=[])
    assert event.id == first.id and len(event.sources) == 2
    assert event.merged == [second.id]


def test_registry_corrects_date_summary_and_status():
    first, second = two_events()
    correction = {first.id: EventCorrection(date="2007-06", summary="Embassy bombings", status="expected")}
    events = corpus(Registry(correct_events=correction), entities=[])
    corrected = next(e for e in events if e.id == first.id)
    assert (corrected.date, corrected.precision, corrected.summary, corrected.status) == (
        "2007-06",
        "month",
        "Embassy bombings",
        "expected",
    )
    assert events[0] is corrected  # still sorted by date: "2007-06" comes first


def test_registry_adds_events_with_entities_by_name_or_alias():
    nairobi = entity("place/nairobi", ("a", BOMBING_A))
    nairobi.aliases = ["Nairobi city"]
    rule = EventRule(
        date="1963",
        summary="Kenya becomes independent",
        entities=["nairobi city", "Nowhere"],
        article="b.txt",
    )
    events = corpus(Registry(add_events=[rule]), entities=[nairobi])
    added = events[0]
    assert (added.id, added.date, added.precision, added.status) == (
        "1963-kenya-becomes-independent",
        "1963",
        "year",
        "happened",
    )
    assert added.entities == ["place/nairobi"]
    assert added.sources == [Source("b", "Kenya becomes independent")]


def test_registry_ids_of_merged_events_are_not_reported_as_unknown(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "one.txt").write_text(
        "Embassy bombed\n\nBombs exploded at the embassy on Friday.\n\n"
        "Rescuers worked through the night in 1998.\n",
        encoding="utf-8",
    )
    registry_file = tmp_path / "dossier.yaml"
    registry_file.write_text("articles:\n  one.txt: {date: 1998-08-07}\n", encoding="utf-8")
    dossier = build_dossier([seeds / "one.txt"], load_registry(registry_file))
    ids = [e.id for e in dossier.events]
    assert [e.date for e in dossier.events] == [
        "1998",
        "1998-08-07",
        "1998-08-07",
    ]  # the headline's, Friday's
    registry_file.write_text(
        f"articles:\n  one.txt: {{date: 1998-08-07}}\nevents:\n  merge: [[{ids[1]}, {ids[0]}, {ids[2]}]]\n",
        encoding="utf-8",
    )
    dossier = build_dossier([seeds / "one.txt"], load_registry(registry_file))
    assert [e.id for e in dossier.events] == [ids[1]]
    assert not [p for p in dossier.problems if "no event with id" in p.message]


def test_the_dateline_dates_the_report_and_today_dates_the_event():
    article = Article(
        "a",
        "a.txt",
        "Board meets",
        date="2022-08-03",
        blocks=[
            Block(
                "FRESNO, August 3, 2022 (Example Wire) -- The water board held a meeting today with the "
                "farmers' union."
            )
        ],
    )
    [event] = find_events(article)
    assert (event.date, event.summary) == (
        "2022-08-03",
        "The water board held a meeting today with the farmers' union.",
    )


def test_every_event_says_how_it_is_dated_and_what_happened_in_the_contract():
    from dossier.model import Dossier
    from dossier.publish.contract import to_json

    [event] = find_events(article("The council met Tuesday."))
    assert event.dated == "stated"
    event.action = "meet"
    [out] = to_json(Dossier(events=[event]))["events"]
    assert (out["dated"], out["action"]) == ("stated", "meet")


def test_a_number_sign_does_not_end_the_sentence():
    from dossier.language.text import sentence_spans

    text = "The store became the No. 2 music retailer in 2007. Sales rose."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "The store became the No. 2 music retailer in 2007.",
        "Sales rose.",
    ]


# --- happenings from the parse (issue 13's defects, on sentences written for them) -------------


def dated(text: str, date: str = "2011-08-25", title: str = "") -> list[tuple[str, str, str]]:
    return [(e.date, e.dated, e.status) for e in find_events(article(text, date, title=title))]


def test_news_told_without_a_date_is_dated_by_the_article_as_reported():
    assert dated("", title="Acme executive Jane Roe resigns") == [("2011-08-25", "reported", "happened")]
    assert dated("The chief executive of Acme has resigned, the company said.") == [
        ("2011-08-25", "reported", "happened")
    ]
    assert dated("Acme is recalling its kettles across Europe.") == [("2011-08-25", "reported", "ongoing")]
    assert dated("Acme says its kettles are safe.") == []  # a statement: said, not happened
    assert dated("The kettle weighs 900 grams.") == []  # a description is not a happening
    assert dated("The pact was an agreement between the two alliances.") == []


def test_the_headline_and_the_lead_are_one_event_with_the_headlines_participants():
    lead = "Jane Roe resigned from her post on Wednesday."
    a = article(lead, "2011-08-25", title="Acme executive Jane Roe resigns", article_id="a")
    [draft] = find_events(a)
    assert (draft.date, draft.dated, draft.action) == ("2011-08-24", "stated", "resign")
    assert [s.sentence for s in draft.sources] == [lead]
    roe = entity("person/roe", ("a", lead))
    acme = Entity(
        "organisation/acme", "Acme", "organisation", "acme", mentions=[Mention("a", 0, 0, 0, "Acme", lead)]
    )
    [event] = build_events([a], {"a": [draft]}, [roe, acme], Registry())
    assert event.entities == ["organisation/acme", "person/roe"]  # Acme is named in the headline only


def test_a_sentence_listing_several_dates_for_one_verb_is_one_event():
    events = find_events(
        article(
            "In 1998 the firm introduced a desktop computer, in 2001 a music player and "
            "in 2003 an online store."
        )
    )
    assert [(e.date, e.action) for e in events] == [("1998", "introduce")]


def test_a_second_dated_happening_with_its_own_verb_is_a_second_event():
    events = find_events(article("In 1986 he bought a film studio, which a rival acquired in 2005."))
    assert [(e.date, e.action) for e in events] == [("1986", "buy"), ("2005", "acquire")]


def test_a_comparison_since_a_year_is_not_the_date_of_the_happening():
    assert dated("The carmaker has posted its first annual loss since 1992.") == [
        ("2011-08-25", "reported", "happened")
    ]
    assert dated("She has been fighting cancer since 2004.") == [("2004", "stated", "happened")]


def test_background_is_not_dated_by_the_article():
    assert dated("The board had approved the plan before the vote.") == []  # past perfect
    text = "She founded the company in 1976.\n\nShe was later fired from the board."
    assert dated(text) == [("1976", "stated", "happened")]  # told after an older date: background
    assert dated("The board will meet to discuss the plan.") == []  # the future, undated


def test_a_quotation_is_not_an_event_and_its_dates_date_nothing():
    assert dated('"I dread looking at the markets tomorrow," the minister said.') == []  # a statement
    assert dated('"We will never give up the fight for our jobs."') == []


def test_a_day_the_story_is_told_at_dates_its_following_sentences():
    text = (
        "Acme unveiled its new kettle on Monday in Berlin.\n\nThe kettle was shown by the chief "
        "executive.\n\n"
        "The kettle is selling well in Germany."
    )
    assert dated(text, "2011-08-25") == [
        ("2011-08-22", "stated", "happened"),
        ("2011-08-22", "stated", "happened"),
        ("2011-08-25", "reported", "ongoing"),
    ]


def test_he_and_the_company_are_participants_through_the_entities_they_stand_for():
    text = (
        "Jane Roe left Acme on Monday.\n\nShe founded Initech in 2001.\n\n"
        "He and the company were sued in March 2011."
    )
    a = article(text, "2011-08-25", article_id="a")
    blocks = text.split("\n\n")

    def named(entity_id: str, name: str, block: int) -> Entity:
        start = blocks[block].index(name)
        return Entity(
            entity_id,
            name,
            entity_id.split("/")[0],
            entity_id.split("/")[1],
            mentions=[Mention("a", block, start, start + len(name), name, blocks[block], entity_id)],
        )

    people = [
        named("person/jane-roe", "Jane Roe", 0),
        named("organisation/acme", "Acme", 0),
        named("organisation/initech", "Initech", 1),
    ]
    events = build_events([a], {"a": find_events(a)}, people, Registry())
    by_date = {e.date: e.entities for e in events}
    assert by_date["2001"] == ["organisation/initech", "person/jane-roe"]  # "She": the person named before
    assert by_date["2011-03"] == ["organisation/initech", "person/jane-roe"]  # "the company": the nearest one


def test_a_later_retelling_of_a_past_happening_is_merged_at_the_finer_date():
    first = article(
        "The treaty was signed by Kenya and Uganda in Paris on 19 November 1990.", "1990-11-20", "a"
    )
    later = article("Kenya and Uganda signed the treaty in 1990.", "2007-06-15", "b")
    texts = {"a": first.blocks[0].text, "b": later.blocks[0].text}
    entities = [
        entity("country/kenya", ("a", texts["a"]), ("b", texts["b"])),
        entity("country/uganda", ("a", texts["a"]), ("b", texts["b"])),
    ]
    events = build_events(
        [first, later], {x.id: find_events(x) for x in (first, later)}, entities, Registry()
    )
    signed = [e for e in events if e.action == "sign"]
    assert [(e.date, sorted({s.article for s in e.sources})) for e in signed] == [("1990-11-19", ["a", "b"])]


def test_an_expected_happening_is_linked_to_its_later_report():
    before = article("Kenya will sign the treaty with Uganda on June 20.", "2007-06-15", "a")
    after = article("Kenya signed the treaty with Uganda on Wednesday.", "2007-06-21", "b")
    texts = {"a": before.blocks[0].text, "b": after.blocks[0].text}
    entities = [
        entity("country/kenya", ("a", texts["a"]), ("b", texts["b"])),
        entity("country/uganda", ("a", texts["a"]), ("b", texts["b"])),
    ]
    drafts = {x.id: find_events(x) for x in (before, after)}
    assert [(e.date, e.status) for e in drafts["a"]] == [("2007-06-20", "expected")]
    [event] = build_events([before, after], drafts, entities, Registry())
    assert (event.date, event.status, [s.article for s in event.sources]) == (
        "2007-06-20",
        "happened",
        ["a", "b"],
    )


def test_an_announcement_is_a_happening_and_what_it_announces_for_a_date_a_second_one():
    events = find_events(
        article("Jane Roe announced that the new kettle would be released in 2012.", "2011-08-25")
    )
    assert [(e.date, e.dated, e.status, e.action) for e in events] == [
        ("2011-08-25", "reported", "happened", "announce"),
        ("2012", "stated", "expected", "release"),
    ]


def test_the_speaker_takes_no_part_in_what_is_told_for_a_date():
    text = "Acme sold two million kettles last year, Jane Roe said."
    a = article(text, "2011-08-25", article_id="a")
    [draft] = find_events(a)
    assert (draft.date, draft.action, draft.summary) == ("2010", "sell", text.split(",")[0])
    events = build_events(
        [a],
        {"a": [draft]},
        [entity("organisation/acme", ("a", text)), entity("person/roe", ("a", text))],
        Registry(),
    )
    assert events[0].entities == ["organisation/acme"]


def test_a_date_of_the_occasion_dates_the_clause():
    assert dated("In a Wednesday media event, Acme released a new kettle.") == [
        ("2011-08-24", "stated", "happened")
    ]


def participants(
    text: str, names: dict[str, list[str]], date: str = "2011-08-25"
) -> dict[str, list[list[str]]]:
    """Each event's participants by its sentence, in an article of `text` (blank lines part paragraphs)
    whose entities are named by the surfaces given per entity id ("product/zephyr-5": ["Zephyr 5"])."""
    a = article(text, date, article_id="a")
    blocks = text.split("\n\n")
    entities = []
    for entity_id, surfaces in names.items():
        mentions = [
            Mention("a", b, m.start(), m.end(), m.group(), block, entity_id)
            for b, block in enumerate(blocks)
            for surface in surfaces
            for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", block)
        ]
        entities.append(
            Entity(
                entity_id,
                surfaces[0],
                entity_id.split("/")[0],
                entity_id.split("/")[1],
                mentions=sorted(mentions, key=lambda m: (m.block, m.start)),
            )
        )
    by_sentence: dict[str, list[list[str]]] = {}
    for event in build_events([a], {"a": find_events(a)}, entities, Registry()):
        by_sentence.setdefault(event.sources[0].sentence, []).append(event.entities)
    return by_sentence


def test_a_product_that_only_qualifies_a_noun_takes_no_part():
    text = (
        "Zephyr users flooded the help line on Friday. Roe was put in charge of Zephyr development in May. "
        "Acme recalled the Zephyr on Saturday. The Leeds plant closed on Sunday. Acme shares fell on Monday. "
        "Roe bought a Zephyr portable music player on Tuesday."
    )
    found = participants(
        text,
        {
            "product/zephyr": ["Zephyr"],
            "person/roe": ["Roe"],
            "organisation/acme": ["Acme"],
            "place/leeds": ["Leeds"],
        },
    )
    assert found == {
        "Zephyr users flooded the help line on Friday.": [[]],
        "Roe was put in charge of Zephyr development in May.": [["person/roe"]],
        "Acme recalled the Zephyr on Saturday.": [["organisation/acme", "product/zephyr"]],
        "The Leeds plant closed on Sunday.": [["place/leeds"]],  # a place says where
        "Acme shares fell on Monday.": [["organisation/acme"]],  # a company's shares are its own
        # more words before the noun: the name names what the noun classes
        "Roe bought a Zephyr portable music player on Tuesday.": [["person/roe", "product/zephyr"]],
    }


def test_a_name_and_its_model_number_qualify_the_noun_after_them():
    text = "Acme refunded 200 Zephyr 5 owners on Monday."
    assert participants(text, {"product/zephyr-5": ["Zephyr 5"], "organisation/acme": ["Acme"]}) == {
        text: [["organisation/acme"]]
    }


def test_a_name_and_its_noun_that_name_an_entity_stand_for_it():
    text = "Acme opened the Zephyr store on Friday."
    found = participants(
        text,
        {
            "product/zephyr": ["Zephyr"],
            "product/zephyr-store": ["Zephyr Store"],
            "organisation/acme": ["Acme"],
        },
    )
    assert found == {text: [["organisation/acme", "product/zephyr-store"]]}


def test_the_bare_name_of_a_product_line_stands_for_the_model_the_article_names():
    text = (
        "Acme launched the Zephyr 5 on Friday.\n\nThe new Zephyr sold out on Saturday, and the Zephyr 5 "
        "was sold again on Monday.\n\nAcme has sold ten million Zephyrs since it began."
    )
    names = {
        "product/zephyr": ["Zephyr", "Zephyrs"],
        "product/zephyr-5": ["Zephyr 5"],
        "organisation/acme": ["Acme"],
    }
    found = participants(text, names)
    assert found["The new Zephyr sold out on Saturday, and the Zephyr 5 was sold again on Monday."] == [
        ["product/zephyr-5"],
        ["product/zephyr-5"],
    ]
    assert found["Acme has sold ten million Zephyrs since it began."] == [
        ["organisation/acme", "product/zephyr"]
    ]
    alone = "The new Zephyr sold out on Saturday."
    assert participants(alone, {"product/zephyr": ["Zephyr"], "product/zephyr-x": ["Zephyr X"]}) == {
        alone: [["product/zephyr"]]
    }  # "Zephyr X" has no model number: it is not a model of the line


def test_the_base_of_a_comparison_is_not_the_date_of_the_happening():
    # "from nine months ago" says what the share is compared with: the share is up now, and the story
    # stays at the article's time (the next sentence is its news, not background)
    assert dated(
        "Acme's market share is up 8% from nine months ago. Jane Roe then showed the new kettle."
    ) == [("2011-08-25", "reported", "happened")]
    assert dated("The fair ran from June 3 until June 9.") == [
        ("2011-06-03", "stated", "happened")
    ]  # a range
    assert dated("Kettle prices will rise from December.") == [("2011-12", "stated", "expected")]  # a start


def test_one_year_later_counts_from_the_date_told_last():
    text = "Roe founded Acme in 1976, and in 1984 the first kettle was sold. One year later she was fired."
    assert dated(text) == [
        ("1976", "stated", "happened"),
        ("1984", "stated", "happened"),
        ("1985", "stated", "happened"),
    ]


def test_the_same_action_of_one_actor_on_two_things_is_two_events():
    first = article("Acme introduced the kettle in 2010.", "2010-06-15", "a")
    later = article("Acme introduced the toaster in April 2010.", "2010-06-20", "b")
    texts = {"a": first.blocks[0].text, "b": later.blocks[0].text}
    entities = [
        entity("organisation/acme", ("a", texts["a"]), ("b", texts["b"])),
        entity("product/kettle", ("a", texts["a"])),
        entity("product/toaster", ("b", texts["b"])),
    ]
    events = build_events(
        [first, later], {x.id: find_events(x) for x in (first, later)}, entities, Registry()
    )
    assert sorted((e.date, e.entities) for e in events) == [
        ("2010", ["organisation/acme", "product/kettle"]),
        ("2010-04", ["organisation/acme", "product/toaster"]),
    ]


def test_what_a_statement_foretells_is_not_a_part_the_named_take_in_it():
    foretold = "Jane Roe announced that Acme will sell the kettle in shops."
    told = "Jane Roe announced that Acme sold the kettle in shops."
    names = {"person/jane-roe": ["Jane Roe"], "organisation/acme": ["Acme"]}
    assert participants(foretold, names) == {foretold: [["person/jane-roe"]]}
    assert participants(told, names) == {told: [["organisation/acme", "person/jane-roe"]]}
    dated_saying = "On Friday, Jane Roe announced that Acme will sell the kettle in shops."
    assert participants(dated_saying, names) == {dated_saying: [["person/jane-roe"]]}


def test_the_one_a_dated_clause_describes_takes_part_in_it():
    born = "Jane Roe, born in Leeds on 3 May 1950, founded Acme in 1976."
    names = {
        "person/jane-roe": ["Jane Roe"],
        "organisation/acme": ["Acme"],
        "place/leeds": ["Leeds"],
        "organisation/initech": ["Initech"],
    }
    assert participants(born, names) == {
        born: [
            ["person/jane-roe", "place/leeds"],  # by date: 1950 first
            ["organisation/acme", "person/jane-roe"],
        ]
    }
    bought = "In 1986 Jane Roe bought Initech, which Acme acquired in 2005."
    assert participants(bought, names) == {
        bought: [["organisation/initech", "person/jane-roe"], ["organisation/acme", "organisation/initech"]]
    }


def test_a_day_weeks_before_is_told_but_the_story_is_not_at_it():
    text = "On August 1, Jane Roe resigned from the board. John Smith praised her work."
    assert dated(text) == [("2011-08-01", "stated", "happened"), ("2011-08-25", "reported", "happened")]


def test_a_pronoun_in_a_describing_clause_takes_no_part():
    text = "Jane Roe joined Initech in 2001.\n\nOn Friday, Acme sold the kettle that she designed."
    names = {
        "person/jane-roe": ["Jane Roe"],
        "organisation/acme": ["Acme"],
        "organisation/initech": ["Initech"],
    }
    assert participants(text, names)["On Friday, Acme sold the kettle that she designed."] == [
        ["organisation/acme"]
    ]


def test_a_second_verb_sharing_the_subject_has_it_among_its_participants():
    text = "Acme was founded by Jane Roe in 1976, and launched the Zephyr in 2003."
    names = {"person/jane-roe": ["Jane Roe"], "organisation/acme": ["Acme"], "product/zephyr": ["Zephyr"]}
    assert participants(text, names) == {
        text: [["organisation/acme", "person/jane-roe"], ["organisation/acme", "product/zephyr"]]
    }


def test_what_a_quotation_names_takes_no_part_in_the_saying():
    text = 'On Friday, Jane Roe said: "We beat Acme fair and square."'
    names = {"person/jane-roe": ["Jane Roe"], "organisation/acme": ["Acme"]}
    assert participants(text, names) == {}  # a quotation is a statement, not an event
