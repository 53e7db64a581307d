"""Themes (topics): key phrases, automatic themes, curation, and the topic pages, on invented dossiers."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from slugify import slugify

from dossier.model import Article, Block, Dossier, Entity, Mention
from dossier.publish.contract import to_json
from dossier.registry import Registry, TopicRule, load_registry
from dossier.topics.phrases import common
from dossier.topics.stage import SMALL, find_themes, find_topics

# Three small dossiers on different subjects: {article id: (date, paragraphs)}.
FISHERIES = {
    "f1": (
        "2021-01-10",
        [
            "Norway and the European Union failed on Monday to agree on mackerel quotas for the coming "
            "season, officials said.",
            "Scientists have warned that mackerel stocks in the North Sea are falling, and that catch "
            "limits must be cut by a fifth.",
            "The talks will resume next week in Bergen.",
        ],
    ),
    "f2": (
        "2021-01-18",
        [
            "Fishermen in Shetland said the mackerel quotas proposed by Brussels would ruin the local fleet.",
            "Catch limits for mackerel stocks have been cut three years in a row, the fishermen's "
            "association said.",
            "Officials said on Tuesday that the talks would continue.",
        ],
    ),
    "f3": (
        "2021-02-02",
        [
            "Negotiators reached a provisional deal on mackerel quotas late on Friday, ending weeks of "
            "talks.",
            "Under the deal catch limits will fall by twelve percent, less than scientists had urged for "
            "the mackerel stocks.",
        ],
    ),
    "f4": (
        "2021-02-14",
        [
            "The Norwegian coast guard seized a Scottish trawler on Sunday for fishing inside the "
            "exclusion zone.",
            "The crew of the trawler were detained in Tromso and the catch was confiscated.",
            "It was the second trawler seized inside the exclusion zone this year, the coast guard said.",
        ],
    ),
    "f5": (
        "2021-02-20",
        [
            "A court in Tromso fined the skipper of the seized trawler and ordered the release of the crew.",
            "The skipper said the coast guard had boarded the trawler outside the exclusion zone.",
        ],
    ),
    "f6": (
        "2021-03-01",
        [
            "Britain summoned the Norwegian ambassador over the seized trawler and the detained crew.",
            "London said the coast guard had acted unlawfully outside the exclusion zone.",
        ],
    ),
    "f7": (
        "2021-03-09",
        [
            "Fish processors in Peterhead warned of job losses as cod landings fell to a record low.",
            "Processors said the harbour had lost half its cod landings since the quotas were cut.",
            "The harbour master said the processors need new markets for cod.",
        ],
    ),
    "f8": (
        "2021-03-15",
        [
            "Another processing plant in Peterhead closed as cod landings dried up, with sixty job losses.",
            "Unions said the processors had been abandoned and asked for aid to the harbour.",
        ],
    ),
}
VACCINE = {
    "v1": (
        "2021-01-04",
        [
            "The health ministry began the vaccine rollout on Monday, giving the first doses to care home "
            "residents.",
            "Nurses at the vaccination centres said demand for appointments was high.",
        ],
    ),
    "v2": (
        "2021-01-12",
        [
            "The vaccine rollout slowed this week as deliveries of doses from the manufacturer fell short.",
            "Regional officials said vaccination centres had cancelled appointments for lack of doses.",
        ],
    ),
    "v3": (
        "2021-01-20",
        [
            "Vaccination centres in the capital extended their opening hours to speed up the vaccine "
            "rollout.",
            "More than a million doses have now been given, the ministry said.",
        ],
    ),
    "v4": (
        "2021-02-03",
        [
            "Regulators are investigating reports of blood clots in a small number of people who received "
            "the vaccine.",
            "The medicines agency said the risk of blood clots was very rare and that the benefits "
            "outweighed the risks.",
        ],
    ),
    "v5": (
        "2021-02-10",
        [
            "Several countries paused the use of the vaccine after cases of blood clots were reported.",
            "Doctors urged patients not to panic, saying rare side effects were expected in any mass "
            "vaccination.",
        ],
    ),
    "v6": (
        "2021-02-18",
        [
            "The medicines agency concluded that blood clots should be listed as a very rare side effect.",
            "The regulators said younger patients should be offered an alternative vaccine.",
        ],
    ),
    "v7": (
        "2021-03-01",
        [
            "Pharmacies will join the vaccine rollout next month, the ministry said, as supplies of doses "
            "improve.",
            "Pharmacists said they were ready to give booster shots at short notice.",
        ],
    ),
}
FOOTBALL = {
    "s1": (
        "2022-06-01",
        [
            "The striker has asked to leave the club, and several rivals are preparing a transfer bid.",
            "His agent said the player wanted a new challenge abroad.",
        ],
    ),
    "s2": (
        "2022-06-08",
        [
            "The club rejected an opening transfer bid of forty million euros for the striker.",
            "The board insisted the release clause of one hundred million euros must be paid in full.",
        ],
    ),
    "s3": (
        "2022-06-15",
        [
            "A second transfer bid was rejected on Wednesday, but talks over the release clause continue.",
            "The striker missed training for the second day in a row.",
        ],
    ),
    "s4": (
        "2022-06-22",
        [
            "The striker flew to Madrid for a medical after the clubs agreed a transfer fee close to the "
            "release clause.",
            "The medical was completed on Thursday, and the striker will sign a five-year contract.",
        ],
    ),
    "s5": (
        "2022-06-29",
        [
            "Supporters protested outside the stadium against the sale of the striker and the board.",
            "The protest ended peacefully, police said, after fans marched to the training ground.",
        ],
    ),
    "s6": (
        "2022-07-03",
        [
            "Angry supporters booed the board during a second protest at the stadium.",
            "The supporters' trust demanded a meeting with the owners over the sale.",
        ],
    ),
}
# Longer articles, with a dateline, filler sentences and pasted boilerplate left in.
DAM = {
    "d1": (
        "2023-03-02",
        [
            "ADDIS CITY (Wire) - Upland began filling the reservoir behind its giant hydroelectric dam on "
            "Thursday, a move downstream Lowland called a violation of earlier understandings.",
            "The dam, built on the main tributary of the river, is meant to double the country's "
            "electricity output when its turbines start turning next year.",
            "Lowland's water minister said the filling of the reservoir during the dry season would cut "
            "the river flow reaching its farms.",
            "Talks between the two governments stalled last month.",
            "Copyright 2023 Wire. All rights reserved.",
        ],
    ),
    "d2": (
        "2023-03-09",
        [
            "Farmers in the delta say the river flow has already dropped, leaving irrigation canals half "
            "empty as the planting season begins.",
            "Water engineers in Lowland estimate that the reservoir could hold back a fifth of the annual "
            "river flow for three years.",
            "The irrigation canals feed nearly all the country's wheat fields, and farmers fear a poor "
            "harvest.",
            "Officials said the government would compensate farmers if the harvest fails.",
        ],
    ),
    "d3": (
        "2023-03-20",
        [
            "Mediators from the regional bloc arrived in the capital on Monday to restart negotiations "
            "over the dam.",
            "The mediators proposed a binding agreement on the filling schedule and a joint technical "
            "committee to monitor the reservoir.",
            "Upland has rejected a binding agreement, saying it will only accept guidelines.",
            "Read more: Upland's electricity plans explained.",
        ],
    ),
    "d4": (
        "2023-04-02",
        [
            "The joint technical committee met for the first time on Sunday, but the mediators said no "
            "progress was made on the filling schedule.",
            "Lowland insists that any binding agreement must guarantee a minimum river flow in drought "
            "years.",
            "The negotiations will resume after the holidays, the mediators said.",
        ],
    ),
    "d5": (
        "2023-04-15",
        [
            "Border guards from the two countries exchanged fire near the disputed farmland on Friday, "
            "killing two soldiers, officials said.",
            "The border clash was the first in a decade along the frontier, where farmers from both sides "
            "grow sesame.",
            "Both armies sent reinforcements to the frontier after the clash.",
        ],
    ),
    "d6": (
        "2023-04-18",
        [
            "Villagers fled the frontier area on Tuesday as troops dug in near the disputed farmland.",
            "Aid agencies said thousands of villagers had crossed into neighbouring districts since the "
            "border clash.",
            "The regional bloc called for restraint and offered to send observers to the frontier.",
        ],
    ),
    "d7": (
        "2023-05-01",
        [
            "The first two turbines of the hydroelectric dam began producing electricity on Monday, the "
            "state power company said.",
            "Upland plans to export electricity to its neighbours once all thirteen turbines are running.",
            "The power company said the dam would end the rolling blackouts that have hit the capital for "
            "years.",
        ],
    ),
    "d8": (
        "2023-05-12",
        [
            "Rolling blackouts eased in the capital this week as the hydroelectric dam fed electricity "
            "into the national grid.",
            "Economists say electricity exports could earn the country hundreds of millions of dollars a "
            "year.",
            "The power company said the next turbines would be installed before the rainy season.",
        ],
    ),
    "d9": (
        "2023-05-20",
        [
            "The mediators presented a draft agreement on the filling schedule, which Lowland welcomed and "
            "Upland said it would study.",
            "The draft provides for a joint technical committee and for data sharing on river flow during "
            "droughts.",
            "The negotiations are expected to resume next month.",
        ],
    ),
}

GENERIC = {"said", "week", "year", "officials", "talks", "people", "time", "statement", "reporters", "news"}


def dossier_of(texts: dict, entities: list[Entity] | None = None) -> Dossier:
    articles = [
        Article(aid, f"{aid}.txt", f"Story {aid}", date=date, blocks=[Block(text) for text in paragraphs])
        for aid, (date, paragraphs) in texts.items()
    ]
    dossier = Dossier(articles=articles, entities=entities or [])
    for entity in dossier.entities:
        for article_id in entity.articles:
            dossier.article_entities.setdefault(article_id, []).append(entity.id)
    return dossier


def themes(texts: dict, registry: Registry | None = None, entities=None) -> dict[str, list[str]]:
    """{topic name: sorted article ids}."""
    return {
        t.name: sorted(t.articles) for t in find_topics(dossier_of(texts, entities), registry or Registry())
    }


@pytest.mark.parametrize(
    "texts, expected",
    [
        (
            FISHERIES,
            {
                ("Mackerel quotas", "Catch limits"): ["f1", "f2", "f3"],
                ("Trawler", "Exclusion zone", "Coast guard"): ["f4", "f5", "f6"],
                ("Cod landings", "Processors"): ["f7", "f8"],
            },
        ),
        (
            VACCINE,
            {
                ("Vaccine rollout", "Vaccination centres"): ["v1", "v2", "v3", "v7"],
                ("Blood clots",): ["v4", "v5", "v6"],
            },
        ),
        # the protests share only everyday words ("supporters", "stadium", "board"): none names a theme alone
        (FOOTBALL, {("Release clause", "Transfer bid"): ["s1", "s2", "s3", "s4"]}),
    ],
)
def test_recognisable_themes_of_invented_dossiers(texts, expected):
    found = themes(texts)
    assert sorted(found.values()) == sorted(expected.values())
    for names, articles in expected.items():
        assert [name for name, ids in found.items() if ids == articles][0] in names


def test_longer_articles_give_the_themes_a_reader_would_name():
    found = themes(DAM, entities=named(DAM, [("country", "Upland", []), ("country", "Lowland", [])]))
    assert len(found) == 3

    def theme_with(articles: set[str]) -> str:
        return next(name for name, ids in found.items() if articles <= set(ids))

    assert theme_with({"d7", "d8"}) in {"Hydroelectric dam", "Turbines", "Rolling blackouts", "Electricity"}
    assert theme_with({"d3", "d4", "d9"}) in {
        "Mediators",
        "Binding agreement",
        "Filling schedule",
        "Joint technical committee",
        "Negotiations",
    }
    assert found[theme_with({"d5", "d6"})] == ["d5", "d6"]
    assert theme_with({"d5", "d6"}) in {"Disputed farmland", "Farmland", "Border clash"}


@pytest.mark.parametrize("texts", [FISHERIES, VACCINE, FOOTBALL, DAM])
def test_no_theme_is_boilerplate_or_a_generic_word(texts):
    boiler = {
        aid: (
            date,
            [
                *paragraphs,
                "Related stories",
                "All rights reserved.",
                "Officials said on Tuesday that the talks would continue next week, reporters were told.",
            ],
        )
        for aid, (date, paragraphs) in texts.items()
    }
    found = find_topics(dossier_of(boiler), Registry())
    assert found
    for topic in found:
        words = set(topic.name.lower().split())
        assert not words & GENERIC, topic.name
        assert "rights reserved" not in topic.name.lower() and "related" not in topic.name.lower()


def test_theme_has_slug_id_url_description_with_sources_newest_first():
    dossier = dossier_of(VACCINE)
    topic = next(t for t in find_topics(dossier, Registry()) if t.name == "Blood clots")
    assert (topic.slug, topic.id, topic.url) == ("blood-clots", "topic/blood-clots", "topics/blood-clots/")
    assert topic.articles == ["v6", "v5", "v4"]
    assert 1 <= len(topic.sentences) <= 2
    texts = {a.id: " ".join(b.text for b in a.blocks) for a in dossier.articles}
    for source in topic.sentences:
        assert source.sentence in texts[source.article] and "blood clots" in source.sentence
    assert topic.description == " ".join(s.sentence for s in topic.sentences)


def test_names_of_entities_are_not_themes_and_their_articles_give_main_entities():
    agency = Entity(
        "organisation/medicines-agency",
        "medicines agency",
        "organisation",
        "medicines-agency",
        mentions=[Mention(a, 0, 0, 1, "x", "x") for a in ("v4", "v6")],
    )
    dossier = dossier_of(VACCINE, [agency])
    stage = find_themes(dossier, Registry())
    found = stage.topics
    assert all("medicines agency" not in phrases for phrases in stage.key_phrases.values())
    clots = next(t for t in found if "v4" in t.articles)
    assert clots.name == "Medicines agency blood clots"  # its actor, and what happens
    assert clots.entities == ["organisation/medicines-agency"]
    assert all(t.entities == [] for t in found if t is not clots)


def test_key_phrases_per_article_are_in_the_contract():
    dossier = dossier_of(FISHERIES)
    stage = find_themes(dossier, Registry())
    dossier.topics, dossier.article_phrases = stage.topics, stage.key_phrases
    data = to_json(dossier)
    by_id = {a["id"]: a for a in data["articles"]}
    assert "mackerel" in by_id["f1"]["key_phrases"]
    assert any("trawler" in p for p in by_id["f4"]["key_phrases"])
    assert len(data["topics"]) == 3 and "Mackerel quotas" in {t["name"] for t in data["topics"]}
    topic = data["topics"][0]
    assert set(topic) >= {"id", "name", "description", "articles", "entities", "events", "curated", "url"}
    assert topic["sentences"] and topic["sentences"][0]["article"] in topic["articles"]


def test_output_is_deterministic_and_independent_of_article_order():
    first = find_topics(dossier_of(FISHERIES), Registry())
    backwards = find_topics(dossier_of(dict(reversed(list(FISHERIES.items())))), Registry())
    assert first == backwards


def test_curated_theme_selects_exactly_the_articles_its_rules_select_and_wins():
    whisky = Entity(
        "place/peterhead",
        "Peterhead",
        "place",
        "peterhead",
        mentions=[Mention("f7", 0, 0, 9, "Peterhead", "x"), Mention("f8", 0, 0, 9, "Peterhead", "x")],
    )
    rule = TopicRule(
        "Arrests at sea", "Trawlers seized by coast guards.", phrases=["Coast Guard"], entities=[]
    )
    port = TopicRule("The port", phrases=[], entities=["peterhead"])
    found = find_topics(dossier_of(FISHERIES, [whisky]), Registry(topics=[rule, port]))
    by_name = {t.name: t for t in found}
    # "coast guard" (any case, whole words) is in f4, f5 and f6 only; Peterhead is named by f7 and f8
    assert sorted(by_name["Arrests at sea"].articles) == ["f4", "f5", "f6"]
    assert (
        by_name["Arrests at sea"].curated
        and by_name["Arrests at sea"].description == "Trawlers seized by coast guards."
    )
    assert sorted(by_name["The port"].articles) == ["f7", "f8"]
    assert [t.name for t in found][:2] == ["Arrests at sea", "The port"]
    # the automatic themes on the same articles gave way
    assert len(by_name) == 3
    assert "Mackerel quotas" in by_name and not by_name["Mackerel quotas"].curated


def test_curated_entity_unknown_to_the_dossier_is_looked_for_in_the_text():
    found = find_topics(
        dossier_of(FOOTBALL), Registry(topics=[TopicRule("Madrid move", entities=["Madrid"])])
    )
    assert [(t.name, t.articles) for t in found if t.curated] == [("Madrid move", ["s4"])]


def test_hide_and_rename_and_merge_by_renaming_alike():
    rollout = next(name for name, ids in themes(VACCINE).items() if ids == ["v1", "v2", "v3", "v7"])
    registry = Registry(
        hide_topics=["Blood clots"], rename_topics={slugify(rollout): "The rollout"}
    )  # by slug
    assert themes(VACCINE, registry) == {"The rollout": ["v1", "v2", "v3", "v7"]}
    merged = Registry(rename_topics={"Mackerel quotas": "Fishing", "Cod landings": "Fishing"})
    assert themes(FISHERIES, merged)["Fishing"] == ["f1", "f2", "f3", "f7", "f8"]


def test_registry_topics_load_from_yaml_and_unknown_names_are_problems(tmp_path):
    path = tmp_path / "dossier.yaml"
    path.write_text(
        "topics:\n  - name: Arrests at sea\n    phrases: [coast guard]\nhide_topics: [Cod landings, Golf]\n"
        "rename_topics:\n  Mackerel quotas: Quotas\n  Tennis: Sport\n",
        encoding="utf-8",
    )
    dossier = dossier_of(FISHERIES)
    stage = find_themes(dossier, load_registry(path))
    found = stage.topics
    assert {t.name: sorted(t.articles) for t in found} == {
        "Arrests at sea": ["f4", "f5", "f6"],
        "Quotas": ["f1", "f2", "f3"],
    }
    assert sorted(p.message for p in stage.problems) == [
        "line 4: hide_topics[1]: no topic named 'Golf'",
        "line 7: rename_topics.Tennis: no topic named 'Tennis'",
    ]


def test_tiny_and_empty_dossiers():
    assert find_topics(Dossier(), Registry()) == []
    assert find_topics(dossier_of({"a": ("2020-01-01", ["Mackerel quotas were cut."])}), Registry()) == []


def synthetic(n: int) -> dict:
    """n articles drawn from a few subjects, each with its own vocabulary, plus shared filler."""
    subjects = SUBJECTS
    texts = {}
    for i in range(n):
        words = subjects[i % len(subjects)]
        other = random.Random(i).choice(subjects)
        paragraphs = [
            f"The dispute over {words[0]} deepened on day {i}, as critics of the {words[1]} spoke out.",
            f"Observers said the {words[2]} would decide the matter, "
            f"while {other[i % 3]} was mentioned once.",
            "Officials said on Tuesday that the talks would continue next week.",
        ]
        texts[f"a{i:04d}"] = (f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}", paragraphs)
    return texts


SUBJECTS = [
    ["mackerel quotas", "catch limits", "fishing fleet"],
    ["vaccine rollout", "booster doses", "vaccination centres"],
    ["transfer fee", "release clause", "medical tests"],
    ["missile defense", "radar station", "interceptor sites"],
    ["wind farms", "grid connection", "offshore turbines"],
    ["rail strike", "pay offer", "train drivers"],
]


def test_many_articles_give_one_theme_per_subject():
    """(How the time grows with the articles is measured in bench/topics.py.)"""
    found = find_topics(dossier_of(synthetic(48)), Registry())
    assert 5 <= len(found) <= 15
    names = {t.name.lower() for t in found}
    assert all(names & set(subject) for subject in SUBJECTS)  # one theme per subject, named by its phrases
    assert all(len(t.articles) >= 2 for t in found)
    stems = {" ".join(word[:5] for word in t.name.lower().split()) for t in found}
    assert len(stems) == len(found)  # no near-duplicates


SEEDS = {
    f"{aid}.txt": f"Story about {aid}\n\n{date}\n\n" + "\n\n".join(paragraphs) + "\n"
    for aid, (date, paragraphs) in {**FISHERIES}.items()
}


def test_topic_pages_end_to_end(make_site):
    site = make_site(
        SEEDS,
        registry="topics:\n  - name: Arrests at sea\n    description: Trawlers seized.\n"
        "    phrases: [coast guard]\n",
    )
    data = site.json()
    topics = {t["name"]: t for t in data["topics"]}
    assert "Arrests at sea" in topics and topics["Arrests at sea"]["curated"]
    by_file = {a["source_file"].split("/")[-1]: a["id"] for a in data["articles"]}
    assert sorted(topics["Arrests at sea"]["articles"]) == sorted(by_file[f"f{i}.txt"] for i in (4, 5, 6))
    assert all(a["key_phrases"] for a in data["articles"])

    overview = site.page("/").select("#main-topics ~ ul.topics li")
    assert sorted(li.a.get_text(strip=True) for li in overview) == sorted(t["name"] for t in data["topics"])
    dates = {a["id"]: a["date"] for a in data["articles"]}
    latest = {t["name"]: max(dates[a] for a in t["articles"]) for t in data["topics"]}
    shown = [(li.a.get_text(strip=True), li.time["datetime"]) for li in overview]
    assert [day for _, day in shown] == sorted(latest.values(), reverse=True)  # by recent activity
    assert all(latest[name] == day for name, day in shown)
    index = site.page("topics/")
    links = {a.get_text(strip=True): a["href"] for a in index.select("ul.topics a")}
    assert set(links) == set(topics)
    assert "3 articles" in index.get_text()

    automatic = next(t for t in data["topics"] if not t["curated"])
    page = site.page(automatic["url"])
    assert page.h1.get_text(strip=True) == automatic["name"]
    rows = page.select("section ul.articles > li")
    assert len(rows) == len(automatic["articles"])
    dates = [row.time["datetime"] for row in rows]
    assert dates == sorted(dates, reverse=True)  # newest first
    assert (
        site.output / "tags" / automatic["url"].split("/")[1] / "index.html"
    ).exists()  # a tag (its feed: test_publish)
    quoted = page.select(".description blockquote")
    assert quoted and all(q.select_one("cite a") for q in quoted)

    curated = site.page(topics["Arrests at sea"]["url"])
    assert "Trawlers seized." in curated.get_text()
    article = site.page(f"articles/{by_file['f4.txt']}/")
    assert "Arrests at sea" in [a.get_text(strip=True) for a in article.select("p.topics a")]


# Car-industry news where the shared words are everyday ones, in several spellings.
MOTORS = {
    "m1": (
        "2009-04-01",
        [
            "The automaker said its plants would close for a month as sales of automobiles collapsed.",
            "The firm lost money in the quarter, and its units in Europe are for sale.",
        ],
    ),
    "m2": (
        "2009-04-08",
        [
            "Automakers asked for a rescue package, saying the plants could not survive the quarter.",
            "The firm said two units would be sold and a stake offered to investors.",
        ],
    ),
    "m3": (
        "2009-04-15",
        [
            "Dealers of the automakers said showrooms were empty and the automobile plants idle.",
            "Another firm bought a stake in the units, and the package was approved.",
        ],
    ),
    "m4": (
        "2009-05-02",
        [
            "Union members voted on a new wage deal that cuts overtime pay at the assembly lines.",
            "The wage deal was approved by a narrow margin at the assembly lines.",
        ],
    ),
    "m5": (
        "2009-05-09",
        [
            "Workers on the assembly lines said the wage deal left them worse off.",
            "Some union members want the wage deal renegotiated.",
        ],
    ),
}


def test_word_families_are_one_phrase_and_everyday_words_never_name_a_theme_alone():
    dossier = dossier_of(MOTORS)
    stage = find_themes(dossier, Registry())
    found = {t.name: sorted(t.articles) for t in stage.topics}
    assert found["Wage deal"] == ["m4", "m5"] or found["Assembly lines"] == ["m4", "m5"]
    for name in found:  # "Firm", "Quarter", "Units", "Stake", "Package", "Plants" are words of any news
        assert " " in name or not common(name.lower()), name
    keys = {name.lower().rstrip("s") for name in found}
    assert len(keys) == len(found)  # no name twice in two spellings ("Automaker", "Automakers")
    phrases = {p for ps in stage.key_phrases.values() for p in ps}
    assert "automakers" in phrases and "automaker" not in phrases  # one family, written as most articles do


STAKE = {
    "a1": (
        "2009-01-05",
        [
            "Brantwell Motors said its firm would cut its stake in two units this quarter.",
            "The package was approved by Brantwell Motors.",
        ],
    ),
    "a2": (
        "2009-01-12",
        [
            "Brantwell Motors sold the units, and the firm said the package was complete this quarter.",
            "Brantwell Motors will keep a stake.",
        ],
    ),
    **{k: v for k, v in VACCINE.items() if k in ("v1", "v2", "v3", "v4", "v5", "v6")},
}


def test_a_story_of_everyday_words_is_named_after_its_actor():
    texts = STAKE
    motors = named(texts, [("organisation", "Brantwell Motors", [])])
    dossier = dossier_of(texts, motors)
    for article in dossier.articles:
        if article.id.startswith("a"):
            article.title = "Brantwell Motors sells units"
    found = {t.name: sorted(t.articles) for t in find_topics(dossier, Registry())}
    # the actor, and what happens to it: a word of everyday English never names a story alone, but
    # after its actor it says what happens ('stake', voted by both articles and their headlines)
    assert found["Brantwell Motors stake"] == ["a1", "a2"]
    # a name the entity stage missed is an actor too
    assert {t.name: sorted(t.articles) for t in find_topics(dossier_of(texts), Registry())}[
        "Brantwell Motors stake"
    ] == ["a1", "a2"]


# An airline's news: stories of a product, of a person, and of a strike; a city named everywhere.
AIRLINE = {
    "k1": (
        "2024-03-02",
        "Norvale Air grounds its Skyrunner 9 fleet",
        [
            "Norvale Air grounded all eleven of its Skyrunner 9 jets in Lisbon on Saturday after a cabin "
            "panel came loose.",
            "Engineers will inspect every Skyrunner 9 before it flies again, the airline said.",
        ],
    ),
    "k2": (
        "2024-03-05",
        "Inspectors find cracks in Skyrunner 9 panels",
        [
            "Inspectors found cracks in the cabin panels of three Skyrunner 9 jets, Corvin Aerospace "
            "confirmed.",
            "Corvin Aerospace, which builds the Skyrunner 9, said a supplier had changed the bolts.",
        ],
    ),
    "k3": (
        "2024-03-20",
        "Skyrunner 9 returns to service",
        [
            "The Skyrunner 9 returned to service on Wednesday after Corvin Aerospace replaced the bolts in "
            "every cabin panel.",
            "Passengers in Lisbon said they were relieved.",
        ],
    ),
    "k4": (
        "2024-04-03",
        "Dana Whitlock to step down",
        [
            "Dana Whitlock, who has run Norvale Air for nine years, will step down in June, the board said "
            "in Lisbon.",
            "Dana Whitlock said the grounding had been the hardest month of her career.",
        ],
    ),
    "k5": (
        "2024-04-10",
        "Dana Whitlock's successor named",
        [
            "The board named a successor to Dana Whitlock on Wednesday, ending a week of speculation.",
            "Dana Whitlock will stay on as an adviser until the end of the year.",
        ],
    ),
    "k6": (
        "2024-05-01",
        "Pilots walk out",
        [
            "Pilots of Norvale Air began a two-day walkout in Lisbon on Wednesday over pay and rosters.",
            "The pilots' union said the walkout would cancel three hundred flights and that the rosters "
            "were unsafe.",
        ],
    ),
    "k7": (
        "2024-05-08",
        "Walkout ends as pilots accept deal",
        [
            "The walkout ended after the pilots' union accepted a deal on rosters and a pay rise of six "
            "percent.",
            "Norvale Air said all flights would run normally from Thursday, including those from Lisbon.",
        ],
    ),
}
AIRLINE_ENTITIES = [
    ("product", "Skyrunner 9", []),
    ("organisation", "Norvale Air", []),
    ("organisation", "Corvin Aerospace", []),
    ("person", "Dana Whitlock", []),
    ("place", "Lisbon", []),
]


def airline_dossier() -> Dossier:
    texts = {aid: (date, paragraphs) for aid, (date, _, paragraphs) in AIRLINE.items()}
    dossier = dossier_of(texts, named(texts, AIRLINE_ENTITIES))
    for article in dossier.articles:
        article.title = AIRLINE[article.id][1]
    return dossier


def test_stories_are_told_by_their_actors_and_headlines_and_a_place_is_no_story():
    dossier = airline_dossier()
    found = {t.name: sorted(t.articles) for t in find_topics(dossier, Registry())}
    by_articles = {tuple(ids): name for name, ids in found.items()}
    assert "Skyrunner 9" in by_articles[("k1", "k2", "k3")]  # the product, in its own spelling
    assert "Dana Whitlock" in by_articles[("k4", "k5")]  # a person's story, named in full
    strike = next(name for name, ids in found.items() if {"k6", "k7"} <= set(ids))
    assert "walkout" in strike.lower()  # the strike, after its actor when it has one: "Norvale Air walkout"
    assert not any("Lisbon" in name for name in found)  # named in five articles, but where, not what
    assert all(len(ids) >= 2 for ids in found.values())


def test_a_story_keeps_its_actors_and_chronology():
    from dossier.model import Event, Source

    dossier = airline_dossier()
    told = (
        "Inspectors found cracks in the cabin panels of three Skyrunner 9 jets, Corvin Aerospace confirmed."
    )
    dossier.events = [
        Event(
            "e1",
            "2024-03-05",
            "day",
            "happened",
            "cracks found",
            entities=["product/skyrunner-9"],
            sources=[Source("k2", told)],
        ),
        Event(
            "e2",
            "2024-05-01",
            "day",
            "happened",
            "walkout",
            entities=["organisation/norvale-air"],
            sources=[Source("k6", AIRLINE["k6"][2][0])],
        ),
    ]
    story = next(t for t in find_topics(dossier, Registry()) if "Skyrunner 9" in t.name)
    assert story.events == ["e1"]
    assert story.entities[0] == "product/skyrunner-9" and "place/lisbon" in story.entities
    assert story.sentences and all(s.article in story.articles for s in story.sentences)


def test_an_everyday_word_taken_for_a_name_does_not_name_a_story():
    # the entity stage took "Harbour" for an organisation; the articles also write "harbour" as a word
    harbour = Entity(
        "organisation/harbour",
        "Harbour",
        "organisation",
        "harbour",
        mentions=[Mention(a, 0, 0, 7, "Harbour", "x") for a in ("f7", "f8", "f7")],
    )
    found = themes(FISHERIES, entities=[harbour])
    assert found["Cod landings"] == ["f7", "f8"] and not any("Harbour" in name for name in found)
    # but a name never written as a word is a name, even if the word is everyday English elsewhere
    texts = {
        aid: (date, [p.replace("Brantwell Motors", "Liberty") for p in paragraphs])
        for aid, (date, paragraphs) in STAKE.items()
    }
    dossier = dossier_of(texts, named(texts, [("organisation", "Liberty", [])]))
    for article in dossier.articles:
        article.title = "Liberty sells units" if article.id.startswith("a") else article.title
    liberty = next(t for t in find_topics(dossier, Registry()) if t.name.startswith("Liberty"))
    assert sorted(liberty.articles) == ["a1", "a2"]


# A company's trademark dispute, another dispute, and a drought: {id: (date, headline, paragraphs)}.
PAPER = {
    "p1": (
        "2022-01-10",
        "Kestrel Foods sued over its logo",
        [
            "Kestrel Foods was sued on Monday by a Dutch bakery in a trademark dispute over its falcon logo.",
            "The bakery says the falcon logo of Kestrel Foods copies its own.",
        ],
    ),
    "p2": (
        "2022-02-14",
        "Kestrel Foods loses first round",
        [
            "A court ruled against Kestrel Foods in the trademark dispute, ordering it to stop using the "
            "falcon logo.",
            "Kestrel Foods said it would appeal.",
        ],
    ),
    "p3": (
        "2022-04-02",
        "Kestrel Foods settles",
        [
            "Kestrel Foods settled the trademark dispute with the bakery and will redesign its falcon logo.",
            "Kestrel Foods will pay the bakery's legal costs.",
        ],
    ),
    "p4": (
        "2022-05-20",
        "Brewers in trademark dispute",
        [
            "Two brewers began a trademark dispute over the name of a pale ale.",
            "A lawyer who represented the bakery against Kestrel Foods said the trademark dispute could "
            "last years.",
        ],
    ),
    "p5": (
        "2022-06-11",
        "Brewers settle",
        [
            "The brewers settled their trademark dispute over the pale ale out of court.",
            "Both brewers will sell the pale ale under new names.",
        ],
    ),
    "p6": (
        "2022-03-01",
        "Harvest falls",
        [
            "The wheat harvest fell by a tenth after the drought, farmers said.",
            "The drought hit the wheat harvest hardest in the east.",
        ],
    ),
    "p7": (
        "2022-03-09",
        "Drought spreads",
        [
            "The drought spread to the north, where the wheat harvest was already poor.",
            "Farmers asked for drought aid.",
        ],
    ),
}


def test_a_story_is_named_after_its_actor_and_what_its_articles_say_of_it():
    texts = {k: (date, paragraphs) for k, (date, _, paragraphs) in PAPER.items()}
    dossier = dossier_of(texts, named(texts, [("organisation", "Kestrel Foods", [])]))
    for article in dossier.articles:
        article.title = PAPER[article.id][1]
    found = {t.name: sorted(t.articles) for t in find_topics(dossier, Registry())}
    kestrel = next(name for name, ids in found.items() if {"p1", "p2", "p3"} <= set(ids))
    assert kestrel in {"Kestrel Foods falcon logo", "Kestrel Foods trademark dispute"}
    assert found["Wheat harvest"] == ["p6", "p7"]


def test_a_theme_named_inside_another_that_shares_an_article_is_part_of_that_story():
    from dossier.topics.analysis import EntityFeature, Theme
    from dossier.topics.grouping import without_near_duplicates

    whole = Theme(
        "Kestrel Foods trademark dispute", [EntityFeature("organisation/kestrel-foods")], {"p1", "p2", "p3"}
    )
    part = Theme("Trademark dispute", ["trademark dispute"], {"p3", "p4"})
    other = Theme("Trademark law", ["trademark law"], {"p3", "p5"})
    apart = Theme("Dispute", ["dispute"], {"p8", "p9"})
    kept = without_near_duplicates([whole, part, other, apart])
    assert [t.name for t in kept] == ["Kestrel Foods trademark dispute", "Trademark law", "Dispute"]
    assert whole.articles == {"p1", "p2", "p3", "p4"} and "trademark dispute" in whole.phrases


def headlined(texts: dict, names: list[tuple[str, str, list[str]]], others: dict | None = None) -> Dossier:
    """A dossier of {id: (date, headline, paragraphs)} with the entities named in them, and other
    articles of {id: (date, paragraphs)} beside them."""
    plain = {aid: (date, paragraphs) for aid, (date, _, paragraphs) in texts.items()} | (others or {})
    dossier = dossier_of(plain, named(plain, names, longest=True))
    for article in dossier.articles:
        if article.id in texts:
            article.title = texts[article.id][1]
    return dossier


# A reader device and the book store its owners use: some articles name both, but each article's
# headline says which one it is about.
READER = {
    "q1": (
        "2019-03-04",
        "Halvard unveils the Quillpad",
        [
            "Halvard unveiled the Quillpad on Monday, a reader with a paper-like screen and a battery that "
            "lasts a month.",
            "The Quillpad weighs less than a paperback and opens books bought on Inkshelf, Halvard said.",
        ],
    ),
    "q2": (
        "2019-04-11",
        "Quillpad sales pass a million",
        [
            "Halvard has sold a million Quillpad readers, and shops ran out of the Quillpad within days of "
            "its launch.",
            "The Quillpad battery and its paper-like screen won over reviewers.",
        ],
    ),
    "q3": (
        "2019-06-20",
        "Quillpad screens crack in the cold",
        [
            "Owners say the paper-like screen of the Quillpad cracks in frost.",
            "Halvard will replace every cracked Quillpad screen free of charge.",
        ],
    ),
    "q4": (
        "2019-08-02",
        "Inkshelf cuts e-book prices",
        [
            "Inkshelf cut its e-book prices by a third, a move publishers fear will spread to every online "
            "bookshop.",
            "Inkshelf sells two million e-books a month, many of them to Quillpad owners.",
        ],
    ),
    "q5": (
        "2019-09-15",
        "Inkshelf adds audiobooks",
        [
            "Inkshelf will sell audiobooks from October, and its subscribers can hear them on any phone.",
            "Inkshelf said audiobooks were the fastest-growing request of its subscribers.",
        ],
    ),
    "q6": (
        "2019-11-30",
        "Publishers sign with Inkshelf",
        [
            "Three large publishers signed with Inkshelf on Saturday after months of talks about e-book "
            "prices.",
            "The deal puts their backlists on Inkshelf, which subscribers had long asked for.",
        ],
    ),
}
READER_ENTITIES = [("product", "Quillpad", []), ("product", "Inkshelf", []), ("organisation", "Halvard", [])]


def test_a_store_its_articles_are_about_is_a_story_of_its_own_beside_the_device():
    found = {
        t.name: set(t.articles) for t in find_topics(headlined(READER, READER_ENTITIES, VACCINE), Registry())
    }
    device = next(name for name in found if "Quillpad" in name)
    store = next(name for name in found if "Inkshelf" in name)
    assert {"q1", "q2", "q3"} <= found[device] and len({"q4", "q5", "q6"} & found[device]) <= 1
    assert {"q4", "q5", "q6"} <= found[store] and len(
        {"q1", "q2", "q3"} & found[store]
    ) <= 1  # named in passing


# A computer line: models and a system named after it ('Vela Air', 'VelaBook Pro', 'Vela OS 3'), and a
# chip maker that joins its story.
LINE = {
    "r1": (
        "2020-02-03",
        "Orrin unveils a thinner laptop",
        [
            "Orrin unveiled the Vela Air on Monday, the thinnest laptop it has made, with a chip from "
            "Quorra Semiconductors.",
            "The Vela Air will cost less than earlier models.",
        ],
    ),
    "r2": (
        "2020-05-12",
        "VelaBook Pro gets faster chips",
        [
            "The VelaBook Pro now runs on Quorra Semiconductors chips, which Orrin said doubled its speed.",
            "The VelaBook Pro is the first of the line to drop the old ports.",
        ],
    ),
    "r3": (
        "2020-09-21",
        "Vela OS 3 released",
        [
            "Orrin released Vela OS 3, the system of its computers, with a new file browser.",
            "Vela OS 3 runs on every model sold since 2015.",
        ],
    ),
    "r4": (
        "2021-01-18",
        "Orrin sells more computers",
        [
            "Orrin sold a record number of Vela computers over the holidays, helped by the Vela Air.",
            "Sales of the Vela grew by a fifth.",
        ],
    ),
}
LINE_ENTITIES = [
    ("product", "Vela", []),
    ("product", "Vela Air", []),
    ("product", "VelaBook Pro", []),
    ("product", "Vela OS 3", []),
    ("organisation", "Quorra Semiconductors", []),
    ("organisation", "Orrin", []),
]


def test_products_named_after_another_are_its_line_and_the_line_names_its_story():
    from dossier.topics.weigh import product_lines

    entities = named(
        {k: (d, ps) for k, (d, _, ps) in LINE.items()},
        LINE_ENTITIES + [("product", "Velamax", []), ("organisation", "Vela Partners", [])],
    )
    lines = {e.name: [head.name for head in product_lines(entities).get(e.id, [])] for e in entities}
    assert lines == {
        "Vela": [],
        "Vela Air": ["Vela"],
        "VelaBook Pro": ["Vela"],
        "Vela OS 3": ["Vela"],
        "Quorra Semiconductors": [],
        "Orrin": [],
        "Velamax": [],
        "Vela Partners": [],
    }
    found = {
        t.name: sorted(t.articles) for t in find_topics(headlined(LINE, LINE_ENTITIES, VACCINE), Registry())
    }
    story = next(name for name, ids in found.items() if "r1" in ids)
    assert found[story] == ["r1", "r2", "r3", "r4"] and story.startswith(
        "Vela"
    )  # the product, not the chip maker


# A mining company's two episodes years apart, each with its own words: a spill, then a takeover.
MINE = {
    "m1": (
        "2015-04-02",
        "Dunmore Mining spill poisons the river",
        [
            "A tailings dam of Dunmore Mining burst on Thursday, and the tailings spill poisoned forty "
            "kilometres of the river.",
            "Dunmore Mining said the tailings spill was contained by the evening.",
        ],
    ),
    "m2": (
        "2015-04-09",
        "Fishermen sue Dunmore Mining over the spill",
        [
            "Fishermen sued Dunmore Mining over the tailings spill, saying the river would take years to "
            "recover.",
            "Dunmore Mining has promised a cleanup fund for the villages along the river.",
        ],
    ),
    "m3": (
        "2015-04-20",
        "Dunmore Mining starts the cleanup",
        [
            "Dunmore Mining began the cleanup of the river on Monday, three weeks after the tailings spill.",
            "The cleanup fund of Dunmore Mining will pay the fishermen for a year.",
        ],
    ),
    "m4": (
        "2019-09-03",
        "Rival makes a takeover bid for Dunmore Mining",
        [
            "Copperline made a takeover bid for Dunmore Mining on Tuesday, offering shareholders a premium "
            "of a quarter.",
            "The board of Dunmore Mining said the takeover bid undervalued its mines.",
        ],
    ),
    "m5": (
        "2019-09-17",
        "Dunmore Mining shareholders back the takeover",
        [
            "Shareholders of Dunmore Mining urged the board to accept the takeover bid after Copperline "
            "raised its offer.",
            "Dunmore Mining said it would open its books to Copperline.",
        ],
    ),
    "m6": (
        "2019-10-01",
        "Dunmore Mining accepts the takeover bid",
        [
            "Dunmore Mining accepted the takeover bid on Tuesday, and its shareholders will vote in "
            "November.",
            "Copperline will keep the name Dunmore Mining for its mines.",
        ],
    ),
}
MINE_ENTITIES = [("organisation", "Dunmore Mining", []), ("organisation", "Copperline", [])]
# A product launched once a year, each launch with its own words: one story.
LAUNCHES = {
    "y1": (
        "2019-09-10",
        "Orrin launches the Pelion",
        [
            "Orrin launched the Pelion on Tuesday, a phone with a folding screen.",
            "The Pelion goes on sale next week, and Orrin expects a million orders for the folding screen.",
        ],
    ),
    "y2": (
        "2019-09-24",
        "Pelion sells out",
        [
            "The first Pelion phones sold out within hours, and the folding screen drew queues outside the "
            "shops.",
            "Orrin said more Pelion phones would arrive in October.",
        ],
    ),
    "y3": (
        "2020-09-08",
        "Orrin launches a new Pelion",
        [
            "Orrin launched a new Pelion on Tuesday with a longer battery life and a second camera.",
            "The new Pelion costs less than last year's, Orrin said.",
        ],
    ),
    "y4": (
        "2021-09-14",
        "Pelion gets a faster chip",
        [
            "This year's Pelion has a faster chip and a brighter display, Orrin said at its launch event.",
            "Orrin sold more Pelion phones last year than ever before.",
        ],
    ),
    "y5": (
        "2022-09-13",
        "Orrin shows the fourth Pelion",
        [
            "Orrin showed the fourth Pelion at its launch event on Tuesday, with satellite messaging.",
            "Reviewers said the Pelion was the best phone Orrin had made.",
        ],
    ),
}
LAUNCHES_ENTITIES = [("product", "Pelion", []), ("organisation", "Orrin", [])]


def test_an_actors_separate_episodes_with_their_own_words_are_two_stories_and_yearly_launches_one():
    found = {
        t.name: sorted(t.articles) for t in find_topics(headlined(MINE, MINE_ENTITIES, VACCINE), Registry())
    }
    assert sorted(ids for ids in found.values() if set(ids) & set(MINE)) == [
        ["m1", "m2", "m3"],
        ["m4", "m5", "m6"],
    ]
    spill, takeover = (next(name for name, ids in found.items() if first in ids) for first in ("m1", "m4"))
    assert "spill" in spill.lower() and "takeover" in takeover.lower()
    # a second spill four years later: apart in time, but told with some of the same words, so one story
    again = {
        "m7": (
            "2019-03-03",
            "Second spill at Dunmore Mining",
            [
                "Another tailings dam of Dunmore Mining burst on Sunday, and the governor ordered the "
                "evacuation of the villages.",
                "The evacuation of the villages was the largest in the province.",
            ],
        ),
        "m8": (
            "2019-03-06",
            "Villages evacuated after Dunmore Mining spill",
            [
                "The evacuation of four villages went on as the tailings spill reached the delta.",
                "Dunmore Mining said it would pay for the evacuation.",
            ],
        ),
        "m9": (
            "2019-03-15",
            "Dunmore Mining ends the evacuation",
            [
                "The evacuation ended on Friday, two weeks after the tailings spill, and Dunmore Mining "
                "said the water was safe."
            ],
        ),
    }
    found = {
        t.name: sorted(t.articles)
        for t in find_topics(headlined(MINE | again, MINE_ENTITIES, VACCINE), Registry())
    }
    assert sorted(ids for ids in found.values() if set(ids) & set(MINE)) == [
        ["m1", "m2", "m3", "m7", "m8", "m9"],
        ["m4", "m5", "m6"],
    ]
    found = {
        t.name: sorted(t.articles)
        for t in find_topics(headlined(LAUNCHES, LAUNCHES_ENTITIES, VACCINE), Registry())
    }
    assert [ids for ids in found.values() if set(ids) & set(LAUNCHES)] == [["y1", "y2", "y3", "y4", "y5"]]
    name = next(name for name, ids in found.items() if "y1" in ids)  # what every launch has, not one
    assert name.startswith("Pelion ") and "launch" in name


def test_a_date_or_an_amount_is_never_a_phrase():
    texts = {
        f"b{i}": (
            "2016-03-1" + str(i),
            [
                f"Engineers are still looking for the cause of the landslides of Mar. 3, {detail}.",
                "The landslides of Mar. 3 buried more than two hundred houses and cost $5 million in damage.",
            ],
        )
        for i, detail in enumerate(["a geologist said", "the mayor said", "a witness said"])
    }
    dossier = dossier_of(texts | VACCINE)
    stage = find_themes(dossier, Registry())
    found = stage.topics
    phrases = {p for ps in stage.key_phrases.values() for p in ps}
    assert not any(word in p.lower() for p in phrases for word in ("mar", "$", "million", "hundred"))
    assert not any("Mar" in t.name for t in found)


def test_a_headline_in_title_case_makes_no_name_its_body_never_writes():
    body = [
        "The harbour board asked the ministry again for a dredging permit for the eastern channel.",
        "Without the dredging permit, larger ships cannot reach the eastern channel, the board said.",
    ]
    texts = {
        "h1": ("2020-05-01", "Harbour Board Presses For Dredging Permit", body),
        "h2": ("2020-05-08", "Harbour Board Presses For Dredging Permit", body[::-1]),
        "h3": (
            "2020-05-20",
            "Ministry Grants Dredging Permit",
            ["The ministry granted the dredging permit on Monday."],
        ),
    }
    dossier = headlined(texts, [], VACCINE)
    stage = find_themes(dossier, Registry())
    found = stage.topics
    phrases = {p for ps in stage.key_phrases.values() for p in ps}
    assert not any("presses" in p.lower() for p in phrases) and not any("Presses" in t.name for t in found)
    assert any(t.name == "Dredging permit" and {"h1", "h2", "h3"} <= set(t.articles) for t in found)


# Storms told with an everyday word; some articles say which storms with a longer phrase.
STORMS = {
    "w1": (
        "2021-10-02",
        [
            "The storm flooded the coast road on Saturday, and the storm cut power to nine villages.",
            "Forecasters warned that the autumn storms would return within days.",
        ],
    ),
    "w2": (
        "2021-10-05",
        [
            "A second storm closed the ferry port on Tuesday.",
            "Fishermen said the autumn storms had cost them a week at sea.",
        ],
    ),
    "w3": (
        "2021-10-09",
        [
            "The storm damage to the sea wall will take months to repair, engineers said.",
            "Insurers said the claims had doubled since the storm.",
        ],
    ),
    "w4": (
        "2021-10-12",
        ["Villagers cleared the storm debris from the coast road as the storm moved north."],
    ),
    "w5": (
        "2021-10-15",
        [
            "The coast road reopened on Friday, a week after the storm.",
            "The storm had torn up the surface of the coast road.",
        ],
    ),
    "w6": ("2021-10-19", ["Schools reopened after the storm, and the storm shelters closed."]),
}


def test_a_story_of_an_everyday_word_is_named_by_a_phrase_of_its_articles_holding_it():
    found = themes(STORMS | VACCINE)
    story = next(name for name, ids in found.items() if {"w1", "w2", "w3", "w4", "w5", "w6"} & set(ids))
    assert story == "Autumn storms"  # not "Storm", a word of any news; "autumn storms" says which


def test_names_keep_their_spelling_and_a_model_number():
    texts = {
        "n1": (
            "2010-06-07",
            [
                "The new iPhone 4 went on sale in five countries, and the iPhone sold out within hours.",
                "Buyers of the iPhone 4 queued outside the shops overnight.",
            ],
        ),
        "n2": (
            "2010-06-20",
            [
                "Owners of the iPhone 4 complained about its antenna, and the iPhone maker offered free "
                "cases.",
                "The antenna problem affects the iPhone 4 when it is held in the left hand.",
            ],
        ),
        "n3": (
            "2010-07-01",
            [
                "The iPhone 4 antenna problem was the subject of a press event, where free cases were "
                "offered.",
                "Analysts said the antenna problem would not hurt sales of the iPhone.",
            ],
        ),
    }
    dossier = dossier_of(texts)
    stage = find_themes(dossier, Registry())
    phrases = {p for ps in stage.key_phrases.values() for p in ps}
    assert {"iPhone 4", "antenna problem"} <= phrases and not {"Iphone", "iphone", "Iphone 4"} & phrases


def test_phrases_skip_names_verbs_and_join_hyphenated_spellings():
    texts = {
        "p1": (
            "2020-01-01",
            [
                "Any plan that undermines missile defense is a mistake, Ivan Petrov told the Duma.",
                "Critics say the scheme undermines the missile-defense treaty.",
            ],
        ),
        "p2": (
            "2020-01-02",
            [
                "The proposal undermines missile defense, Ivan Petrov said in Geneva.",
                "Missile defense dominated the agenda.",
            ],
        ),
    }
    dossier = dossier_of(texts)
    stage = find_themes(dossier, Registry())
    phrases = {p for ps in stage.key_phrases.values() for p in ps}
    assert "missile defense" in phrases and "missile-defense" not in phrases
    assert not any("undermines" in p or "petrov" in p or "geneva" in p or "duma" in p for p in phrases)


def test_a_theme_chronology_is_the_events_its_articles_tell_with_its_phrases():
    from dossier.model import Event, Source

    dossier = dossier_of(VACCINE)
    told = (
        "Regulators are investigating reports of blood clots in a small number of people "
        "who received the vaccine."
    )
    dossier.events = [
        Event("e1", "2021-02-01", "day", "happened", "clots investigated", sources=[Source("v4", told)]),
        Event(
            "e2",
            "2021-01-04",
            "day",
            "happened",
            "rollout began",
            sources=[
                Source(
                    "v1",
                    "The health ministry began "
                    "the vaccine rollout on Monday, giving the first doses to care home residents.",
                )
            ],
        ),
        Event(
            "e3",
            "2021-02-17",
            "day",
            "happened",
            "other",
            sources=[Source("v6", "Nothing on the subject at all.")],
        ),
    ]
    for event in dossier.events:
        dossier.article_events.setdefault(event.sources[0].article, []).append(event.id)
    by_name = {t.name: t for t in find_topics(dossier, Registry())}
    assert by_name["Blood clots"].events == ["e1"]
    assert next(t for t in by_name.values() if "v1" in t.articles).events == ["e2"]


WORDS = st.lists(
    st.sampled_from(["ab", "Ab", "abc", "cd", "é-ab", "Zz", "XY", ".", ",", "’s", "\n"]), max_size=30
).map(" ".join)


@given(
    st.lists(
        st.lists(
            st.one_of(st.text(alphabet=st.sampled_from("ab cdé-'’.,\nXY Zz"), max_size=80), WORDS), max_size=4
        ),
        max_size=6,
    )
)
@settings(max_examples=60, deadline=None)
def test_any_text_gives_well_formed_themes_and_the_curated_one_holds_exactly_its_articles(paragraph_lists):
    texts = {
        f"a{i}": ("2020-01-01" if i % 2 else None, paragraphs) for i, paragraphs in enumerate(paragraph_lists)
    }
    found = find_topics(dossier_of(texts), Registry(topics=[TopicRule("Any", phrases=["ab", " "])]))
    with_ab = {
        aid
        for aid, (_, paragraphs) in texts.items()
        if any(re.search(r"(?<!\w)ab(?!\w)", p, re.IGNORECASE) for p in paragraphs)
    }
    curated = [t for t in found if t.curated]
    assert [(t.name, set(t.articles)) for t in curated] == ([("Any", with_ab)] if with_ab else [])
    if len(texts) >= SMALL:  # a story has two articles or more (a small dossier's themes are of paragraphs)
        assert all(len(t.articles) >= 2 for t in found if not t.curated)
    assert all(set(t.articles) <= set(texts) and len(set(t.articles)) == len(t.articles) for t in found)
    assert len({t.slug for t in found}) == len(found) and all(t.id == f"topic/{t.slug}" for t in found)


# Two-article dossiers: each article mixes two subjects, one subject shared by both.
# {article id: (date, paragraphs)}, and the entities named in them: (type, name, aliases).
SUMMIT = {
    "c1": (
        "2022-03-01",
        [
            "European leaders met in Brussels on Thursday to discuss carbon emissions and the targets of "
            "the Paris Agreement.",
            "Several governments said the carbon emissions targets were out of reach without a carbon tax "
            "on imports.",
            "The Paris Agreement asks each country to publish a plan for cutting carbon emissions every "
            "five years.",
            "The leaders also discussed the refugee camps on the Greek islands, where aid groups describe "
            "overcrowded tents.",
            "Aid groups said the refugee camps on Lesbos held three times as many asylum seekers as they "
            "were built for.",
            "Greece asked for more help with asylum seekers, and the leaders promised to relocate some of "
            "them.",
            "The summit ended late on Friday.",
        ],
    ),
    "c2": (
        "2022-03-09",
        [
            "Poland said on Monday it would close its last coal mines by 2049, later than the Paris "
            "Agreement would require.",
            "Miners' unions in Silesia fear the closure of the coal mines will cost tens of thousands of "
            "jobs.",
            "The coal mines employ about eighty thousand miners, most of them in Silesia.",
            "Critics said the carbon emissions of the power plants fed by the coal mines keep Poland far "
            "from its targets.",
            "The carbon emissions targets under the Paris Agreement were agreed in 2015.",
            "The government will publish its plan next month.",
        ],
    ),
}
SUMMIT_ENTITIES = [
    ("treaty", "Paris Agreement", []),
    ("place", "Brussels", []),
    ("country", "Greece", ["Greek"]),
    ("place", "Lesbos", []),
    ("country", "Poland", []),
    ("place", "Silesia", []),
]

OUTBREAK = {
    "h1": (
        "2023-06-02",
        [
            "The World Health Organization warned on Tuesday that the cholera outbreak in Yemen was "
            "spreading to the coast.",
            "More than four thousand cholera cases were recorded last week, and clean water is scarce in "
            "the port cities.",
            "Doctors said the cholera outbreak had overwhelmed the field hospitals around Hodeidah.",
            "In a separate session, the World Health Organization discussed its budget for the coming two "
            "years.",
            "Member states agreed to raise their membership fees, so that voluntary donations weigh less "
            "in the budget.",
            "The budget shortfall had forced the World Health Organization to cut programmes in the spring.",
        ],
    ),
    "h2": (
        "2023-06-20",
        [
            "The cholera outbreak in Yemen has killed more than two hundred people this month, aid workers "
            "said.",
            "Vaccination teams reached the port of Hodeidah, where the cholera cases are concentrated.",
            "Meanwhile heavy rains flooded the farmland of the Nile delta in Egypt, destroying the cotton "
            "harvest.",
            "Farmers in the Nile delta said the floods ruined their cotton harvest for the second year.",
            "Egypt promised compensation to the farmers whose cotton harvest was lost in the floods.",
        ],
    ),
}
OUTBREAK_ENTITIES = [
    ("organisation", "World Health Organization", []),
    ("country", "Yemen", []),
    ("place", "Hodeidah", []),
    ("country", "Egypt", []),
    ("place", "Nile delta", []),
]

TARIFFS = {
    "t1": (
        "2024-02-05",
        [
            "The European Commission imposed steel tariffs of twenty-five percent on imports from three "
            "countries on Monday.",
            "Carmakers warned that the steel tariffs would raise the price of every car built in Europe.",
            "The African Union asked for more troops for its peacekeeping mission in Somalia, where "
            "militants attacked a base.",
            "The African Union said the peacekeeping mission in Somalia lacked helicopters and armoured "
            "vehicles.",
            "Somalia's government said the militants had been pushed out of two towns, with help from the "
            "African Union.",
            "The Commission will review the measures in the autumn.",
        ],
    ),
    "t2": (
        "2024-02-12",
        [
            "Dockworkers in Rotterdam walked out on Tuesday, and the port strike left hundreds of "
            "containers stranded.",
            "The union said the port strike would go on until the terminal operators raised wages for "
            "night shifts.",
            "Shipping lines diverted their vessels to Antwerp as the dockworkers picketed the terminals.",
            "Steelmakers welcomed the steel tariffs, which they said would protect the mills from cheap "
            "imports.",
            "Importers of steel said the tariffs would hurt the shipyards that depend on foreign plate.",
        ],
    ),
}
TARIFFS_ENTITIES = [
    ("organisation", "European Commission", ["Commission"]),
    ("organisation", "African Union", []),
    ("country", "Somalia", []),
    ("place", "Rotterdam", []),
    ("place", "Antwerp", []),
]


def named(texts: dict, names: list[tuple[str, str, list[str]]], longest: bool = False) -> list[Entity]:
    """The entities with a mention wherever the text writes one of their names (a test's entity stage);
    with `longest`, only where no longer name holds it, as a real entity stage does ('Vela' is not
    mentioned in 'Vela Air')."""
    from dossier.language.text import sentence_spans

    forms = sorted((form for _, name, aliases in names for form in [name, *aliases]), key=len, reverse=True)
    entities = []
    for kind, name, aliases in names:
        entity = Entity(
            f"{kind}/{name.lower().replace(' ', '-')}",
            name,
            kind,
            name.lower().replace(" ", "-"),
            aliases=aliases,
        )
        for aid, (_, paragraphs) in texts.items():
            for block, text in enumerate(paragraphs):
                for start, end in sentence_spans(text):
                    sentence = text[start:end]
                    found = (
                        re.findall("|".join(rf"\b{re.escape(f)}\b" for f in forms), sentence)
                        if longest
                        else None
                    )
                    for form in [name, *aliases]:
                        entity.mentions += [
                            Mention(aid, block, start, end, form, sentence)
                            for _ in range(found.count(form) if longest else sentence.count(form))
                        ]
        entities.append(entity)
    return entities


@pytest.mark.parametrize(
    "texts, names, expected",
    [
        (
            SUMMIT,
            SUMMIT_ENTITIES,
            [
                ({"Paris Agreement", "Carbon emissions", "Carbon emissions targets"}, ["c1", "c2"]),
                ({"Refugee camps", "Asylum seekers", "Greece"}, ["c1"]),
                ({"Coal mines", "Coal mines and Silesia", "Silesia", "Miners"}, ["c2"]),
            ],
        ),
        (
            OUTBREAK,
            OUTBREAK_ENTITIES,
            [
                ({"Cholera outbreak", "Cholera outbreak in Yemen", "Cholera cases"}, ["h1", "h2"]),
                ({"World Health Organization", "Budget", "Membership fees"}, ["h1"]),
                ({"Cotton harvest", "Nile delta", "Floods"}, ["h2"]),
            ],
        ),
        (
            TARIFFS,
            TARIFFS_ENTITIES,
            [
                ({"Steel tariffs"}, ["t1", "t2"]),
                ({"African Union and Somalia", "Peacekeeping mission"}, ["t1"]),
                ({"Port strike", "Dockworkers", "Rotterdam"}, ["t2"]),
            ],
        ),
    ],
)
def test_two_article_dossiers_give_a_theme_per_subject_from_their_paragraphs(texts, names, expected):
    found = themes(texts, entities=named(texts, names))
    assert len(found) >= 3
    for accepted, articles in expected:
        assert [name for name in found if name in accepted], (accepted, found)
        assert found[next(name for name in found if name in accepted)] == articles
    for name in found:
        assert not set(name.lower().split()) & GENERIC, name


def test_a_paragraph_theme_is_named_after_its_entities_and_lists_its_paragraphs_entities():
    dossier = dossier_of(TARIFFS, named(TARIFFS, TARIFFS_ENTITIES))
    found = {t.name: t for t in find_topics(dossier, Registry())}
    union = found["African Union and Somalia"]
    assert set(union.entities[:2]) == {"organisation/african-union", "country/somalia"}
    assert "organisation/european-commission" not in union.entities  # named in the article, not in the theme
    for topic in found.values():
        assert topic.sentences and all(s.article in topic.articles for s in topic.sentences)
    assert all("African Union" in s.sentence for s in union.sentences)


def test_the_stage_reads_the_dossier_and_changes_nothing_in_it(tmp_path):
    import copy

    path = tmp_path / "dossier.yaml"
    path.write_text("hide_topics: [Golf]\n", encoding="utf-8")
    dossier = dossier_of(FISHERIES)
    before = copy.deepcopy(dossier)
    stage = find_themes(dossier, load_registry(path))
    assert dossier == before
    assert stage.topics and set(stage.key_phrases) == {a.id for a in dossier.articles}
    assert [p.message for p in stage.problems] == ["line 1: hide_topics[0]: no topic named 'Golf'"]


def test_the_nouns_of_roles_in_roles_txt_are_no_key_phrases():
    texts = {
        f"r{i}": (
            "2020-01-0" + str(i + 1),
            [
                f"Defence lawyers for the harbour pilots asked for a new hearing {when}.",
                "The lawyers said the harbour pilots had followed the rules.",
            ],
        )
        for i, when in enumerate(["on Monday", "in March", "next week"])
    }
    phrases = {p for ps in find_themes(dossier_of(texts), Registry()).key_phrases.values() for p in ps}
    assert "harbour pilots" in phrases and not any("lawyer" in p for p in phrases)


CALDER = Path(__file__).parent / "fixtures" / "dossiers" / "calder"


def test_a_fixture_dossier_gives_its_stories_named_by_participant_and_happening():
    """Nine invented articles of a town's news, three stories of three articles each over months: a
    haulier's bankruptcy, a carmaker's recall, a harbour contract's dispute. Each comes out with its
    articles, named by its participant and what happens to it, never by a lone name or everyday word."""
    from dossier.corpus.pipeline import build_dossier

    dossier = build_dossier(sorted(CALDER.glob("*.txt")))
    by_file = {a.id: Path(a.source_file).stem for a in dossier.articles}
    found = {t.name: sorted(by_file[a] for a in t.articles) for t in dossier.topics}
    assert found == {
        "Northwind Freight bankruptcy": ["n1", "n2", "n3"],
        "Velta X2 recall": ["v1", "v2", "v3"],
        "Osprey Marine harbour contract": ["h1", "h2", "h3"],
    }
    names = {n.lower() for e in dossier.entities for n in [e.name, *e.aliases]}
    for name in found:
        assert name.lower() not in names and not common(name.lower())  # never a lone name or word
    bankruptcy = next(t for t in dossier.topics if t.name == "Northwind Freight bankruptcy")
    told = [e for e in dossier.events if e.id in bankruptcy.events]
    assert told and all({s.article for s in e.sources} & set(bankruptcy.articles) for e in told)
    assert [e.date for e in told] == sorted(e.date for e in told)  # its own chronology, in date order


def test_names_that_differ_only_in_number_are_one_topic_and_a_curated_one_keeps_its_name():
    from dossier.topics.analysis import Theme
    from dossier.topics.curated import covered_by_curated, family_key, merge_same_slug

    assert family_key("Automakers") == family_key("Automaker") != family_key("Automation")
    assert family_key("Recall inquiries") == family_key("Recall inquiry")
    assert family_key("Bus crashes") == family_key("Bus crash") and family_key("Census") == "census"
    one, other = Theme("Automaker", ["automaker"], {"a1", "a2"}), Theme("Automakers", ["plant"], {"a3"})
    merged = merge_same_slug([one, other])
    assert [(t.name, t.articles, t.phrases) for t in merged] == [
        ("Automaker", {"a1", "a2", "a3"}, ["automaker", "plant"])
    ]
    curated = Theme("Recall inquiries", ["recall inquiry"], {"b1"}, curated=True)
    assert covered_by_curated(Theme("Recall inquiry", ["recall inquiry"], {"b7", "b8"}), [curated])


VELTA = Path(__file__).parent / "fixtures" / "dossiers" / "velta"


def test_an_actors_separate_happenings_in_the_same_months_are_separate_stories():
    """Twelve invented articles: a carmaker recalls a car, its workers strike and it bids for a battery
    maker, all between March and July, beside ferry fares. The carmaker is named in nine articles, but
    the recall, the strike and the takeover are three stories, each named by a participant and what
    happens; never one bucket named after the carmaker."""
    from dossier.corpus.pipeline import build_dossier

    dossier = build_dossier(sorted(VELTA.glob("*.txt")))
    by_file = {a.id: Path(a.source_file).stem for a in dossier.articles}
    found = {t.name: sorted(by_file[a] for a in t.articles) for t in dossier.topics}
    groups = sorted(found.values())
    assert groups == [["f1", "f2", "f3"], ["r1", "r2", "r3"], ["s1", "s2", "s3"], ["t1", "t2", "t3"]]
    names = {n for e in dossier.entities for n in [e.name, *e.aliases]}
    for story, happening in (("r1", "recall"), ("s1", "strike"), ("t1", "takeover")):
        name = next(name for name, ids in found.items() if story in ids)
        assert name.endswith(f" {happening}") and name.removesuffix(f" {happening}") in names, name


def test_a_new_article_joins_its_story_and_leaves_the_others_as_they_were():
    """The carmaker's dossier without the recall's last article, then with it: the recall story takes
    the article, and the strike, the takeover and the ferry fares keep their names and articles."""
    from dossier.corpus.pipeline import build_dossier

    def stories(paths):
        dossier = build_dossier(paths)
        by_file = {a.id: Path(a.source_file).stem for a in dossier.articles}
        return {t.name: sorted(by_file[a] for a in t.articles) for t in dossier.topics}

    paths = sorted(VELTA.glob("*.txt"))
    before = stories([p for p in paths if p.stem != "r3"])
    after = stories(paths)
    assert before["Velta Motors recall"] == ["r1", "r2"] and after["Velta Motors recall"] == [
        "r1",
        "r2",
        "r3",
    ]
    assert {n: ids for n, ids in before.items() if "r1" not in ids} == {
        n: ids for n, ids in after.items() if "r1" not in ids
    }
