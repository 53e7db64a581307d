"""The entity stage on sentences written for these tests (climate, trade, health, a dam, arms control)."""

from dossier.entities.stage import find_candidates, resolve
from dossier.model import Article, Block
from dossier.registry import EntityRule, Registry


def article(*paragraphs: str, id: str = "a1") -> Article:
    return Article(id=id, source_file=f"{id}.txt", title="t", blocks=[Block(p) for p in paragraphs])


def entities_of(*articles: Article, registry: Registry | None = None):
    found = {a.id: find_candidates(a) for a in articles}
    return {e.id: e for e in resolve(list(articles), found, registry or Registry())}


def names(found) -> set[str]:
    return {e.name for e in found.values()}


# -- people and roles ---------------------------------------------------------------------------------


def test_people_with_titles_roles_and_apposition():
    found = entities_of(
        article(
            "German Finance Minister Katrin Vogel met her French counterpart, Luc Marchand, in Geneva on "
            "Monday.",
            "Health ministry spokesman Tomas Brandt said the vaccine stocks were sufficient.",
            "Dr. Amina Okafor, who leads the trial, disagreed.",
        )
    )
    vogel, marchand = found["person/katrin-vogel"], found["person/luc-marchand"]
    assert vogel.titles == ["German Finance Minister"] and vogel.description == "German Finance Minister"
    assert marchand.titles == ["French counterpart"]
    assert found["person/tomas-brandt"].titles == ["Health ministry spokesman"]
    assert "person/amina-okafor" in found
    assert {"country/germany", "country/france", "place/geneva"} <= set(found)


def test_surname_and_particle_names_merge_within_an_article():
    found = entities_of(
        article(
            "Trade envoy Maria van der Berg arrived in Ottawa. Van der Berg said tariffs would fall.",
            "Prime Minister Daniel Okoro spoke next. Okoro said the deal was fair, and van der Berg agreed.",
        )
    )
    berg = found["person/maria-van-der-berg"]
    assert {m.text for m in berg.mentions} == {"Maria van der Berg", "Van der Berg", "van der Berg"}
    assert [m.text for m in found["person/daniel-okoro"].mentions] == ["Daniel Okoro", "Okoro"]
    assert not any(e.type == "person" and e.name in ("Okoro", "Van der Berg") for e in found.values())


def test_surnames_resolve_across_the_dossier():
    first = article("Kenyan Energy Minister Grace Wanjiru opened the plant.", id="a1")
    second = article("Wanjiru said the turbines were running.", id="a2")
    found = entities_of(first, second)
    assert found["person/grace-wanjiru"].articles == ["a1", "a2"]
    assert "person/wanjiru" not in found


def test_roles_in_apposition_and_with_a_possessive():
    found = entities_of(
        article(
            '"The harvest is lost," said Lucia Ferro, Peru\'s minister of agriculture.',
            "Analysts said Omar Haddad, a senior trade negotiator, left early. Chile's Foreign Minister "
            "Ana Soto agreed.",
        )
    )
    assert found["person/lucia-ferro"].titles == ["Peru's minister of agriculture"]
    assert found["person/omar-haddad"].titles == ["senior trade negotiator"]
    assert found["person/ana-soto"].titles == ["Chile's Foreign Minister"]


def test_a_first_name_alone_refers_to_the_one_person_with_it():
    found = entities_of(
        article("Prime Minister Abiy Ahmed opened the plant. Abiy said it would run all year.")
    )
    assert [m.text for m in found["person/abiy-ahmed"].mentions] == ["Abiy Ahmed", "Abiy"]


def test_places_from_regions_compass_words_and_place_words():
    found = entities_of(
        article(
            "Floods hit North Africa and the Horn of Africa. Aid reached the Tigray region by road.",
            "Engineers inspected the Kariba Dam and the Danube.",
        )
    )
    assert {
        "place/north-africa",
        "place/horn-of-africa",
        "place/tigray",
        "place/kariba-dam",
        "place/danube",
    } <= set(found)


def test_an_apposition_types_an_unknown_name():
    found = entities_of(article("Officials from Vaxora, the regional vaccine agency, arrived."))
    assert found["organisation/vaxora"].type == "organisation"


def test_institutions_and_party_labels_are_not_people():
    found = entities_of(
        article(
            "Rep. Mary Lind, a California Democrat who heads the House Armed Services strategic forces "
            "subcommittee, "
            "objected. Human Rights advocates agreed."
        )
    )
    assert {e.id for e in found.values() if e.type == "person"} == {"person/mary-lind"}
    assert "place/california" in found


def test_programmes_plans_and_initiatives_are_not_people():
    found = entities_of(
        article(
            "The Strategic Defense Initiative, dubbed Star Wars, and the Iranian Nuclear "
            "Program worried Senator Anna Berg."
        )
    )
    assert set(found) == {"person/anna-berg", "country/iran"}


def test_role_titles_alone_and_first_names_are_not_people():
    found = entities_of(
        article(
            "The Defense Secretary did not comment. The President said nothing.",
            "Analysts said the plan was unlikely to work. On Tuesday, officials met in private.",
        )
    )
    assert not [e for e in found.values() if e.type == "person"]


# -- organisations, countries, places -----------------------------------------------------------------


def test_countries_from_names_adjectives_and_abbreviations_are_one_entity():
    found = entities_of(
        article(
            "The U.S. and the United States Navy differ. US officials and American diplomats met Chinese "
            "envoys.",
            "The United States said China and Russia's positions were close.",
        )
    )
    us = found["country/united-states"]
    assert {m.text for m in us.mentions} >= {"U.S.", "US", "American", "United States"}
    assert {"country/china", "country/russia"} <= set(found)


def test_a_capital_is_a_place_never_an_alias_of_its_country():
    found = entities_of(
        article(
            "Beijing said it would respond. The delegates flew to Beijing on Sunday. China was silent.",
            "Ankara and Athens have agreed to talk.",
        )
    )
    assert [m.text for m in found["place/beijing"].mentions] == ["Beijing", "Beijing"]
    assert [m.text for m in found["country/china"].mentions] == ["China"]
    assert {"place/ankara", "place/athens"} <= set(found) and "country/turkey" not in found


def test_organisations_known_and_named_by_their_last_word():
    found = entities_of(
        article(
            "The World Health Organization and the Kenyan Health Ministry issued a joint statement.",
            "Reuters reported that the Nile Basin Commission will meet, and Xinhua confirmed it.",
        )
    )
    assert {
        "World Health Organization",
        "Reuters",
        "Xinhua",
        "Kenyan Health Ministry",
        "Nile Basin Commission",
    } <= names(found)
    assert found["organisation/kenyan-health-ministry"].type == "organisation"
    assert "organisation/defense-ministry" in entities_of(article("The Defense Ministry said so."))


def test_acronyms_defined_in_the_text_link_to_their_long_form():
    found = entities_of(
        article(
            "Engineers from the Eastern Nile Technical Regional Office (ENTRO) visited the dam.",
            "ENTRO later published its report.",
        )
    )
    entro = found["organisation/eastern-nile-technical-regional-office"]
    assert [m.text for m in entro.mentions] == ["Eastern Nile Technical Regional Office", "ENTRO", "ENTRO"]
    assert "ENTRO" in entro.aliases


def test_treaties_known_defined_and_named():
    found = entities_of(
        article(
            "Both sides discussed the Non-Proliferation Treaty and the Open Skies Treaty.",
            "Delegates also debated the Treaty on Fisheries Cooperation (TFC). The TFC Treaty expires soon.",
            "The NPT review is due next year.",
        )
    )
    npt = found["treaty/treaty-on-the-non-proliferation-of-nuclear-weapons"]
    assert [m.text for m in npt.mentions] == ["Non-Proliferation Treaty", "NPT"]
    assert "treaty/open-skies-treaty" in found
    tfc = found["treaty/treaty-on-fisheries-cooperation"]
    assert [m.text for m in tfc.mentions] == ["Treaty on Fisheries Cooperation", "TFC", "TFC Treaty"]


def test_named_events():
    found = entities_of(
        article(
            "Leaders met at the G20 summit in Osaka before the Davos Economic Forum.",
            "The Munich Security Conference opened on Friday.",
        )
    )
    events = {e.name for e in found.values() if e.type == "event"}
    assert events >= {"G20 summit", "Munich Security Conference", "Davos Economic Forum"}


# -- quotes --------------------------------------------------------------------------------------------


def test_quotes_are_attributed_to_their_speakers():
    found = entities_of(
        article(
            "Climate envoy Sofia Lindqvist arrived in Oslo.",
            '"We cannot wait another decade for this," Lindqvist said.',
            'Energy Minister Pedro Alves said: "The grid is ready for the change."',
            '"Prices will fall by next winter," he said.',
            'Critics called the plan "reckless" in a statement.',
        )
    )
    lindqvist, alves = found["person/sofia-lindqvist"], found["person/pedro-alves"]
    assert [q.text for q in lindqvist.quotes] == ["We cannot wait another decade for this"]
    assert [q.text for q in alves.quotes] == [
        "The grid is ready for the change.",
        "Prices will fall by next winter",
    ]
    assert all(q.speaker == alves.id for q in alves.quotes)


# -- no junk -------------------------------------------------------------------------------------------


def test_no_common_words_months_or_headline_fragments():
    found = entities_of(
        Article(
            id="a1",
            source_file="a1.txt",
            title="t",
            blocks=[
                Block("Breaking News"),
                Block("Water Talks Stall As Deadline Nears", kind="heading"),
                Block(
                    "MORE STORIES. However, the talks stalled in March. During Monday's session, nothing "
                    "moved."
                ),
                Block("But the Minister said Friday that Progress was slow. Meanwhile, Sudan objected."),
            ],
        )
    )
    assert names(found) == {"Sudan"}


def test_mentions_point_at_their_text_and_sentence():
    a = article("Farmers protested. Brazilian Agriculture Minister Joana Reis met them in Recife.")
    for c in find_candidates(a):
        m = c.mention
        assert a.body[m.block].text[m.start : m.end] == m.text
        assert m.text in m.sentence
        assert c.type not in ("person", "country", "place") or m.sentence.startswith("Brazilian")


# -- the registry wins ---------------------------------------------------------------------------------


def test_registry_aliases_types_descriptions_splits_and_ignores():
    a1 = article(
        "Senator Ana Ruiz spoke. Ruiz said the Delta Fund was broke. Breaking Wave reported it.", id="a1"
    )
    a2 = article("Ruiz said the harvest failed, according to the Andes Herald Times.", id="harvest-fails")
    a2.source_file = "content/seeds/042_harvest.txt"
    registry = Registry(
        entities=[
            EntityRule(name="Ana Ruiz", aliases=["Senator Ruiz"], description="Senator since 2019."),
            EntityRule(name="Delta Fund", type="place"),
            EntityRule(name="Carlos Ruiz", type="person", aliases=["Ruiz"], articles=["042_harvest.txt"]),
        ],
        ignore=["Andes Herald Times", "Breaking Wave"],
    )
    found = entities_of(a1, a2, registry=registry)
    assert found["person/ana-ruiz"].description == "Senator since 2019."
    assert "Senator Ruiz" in found["person/ana-ruiz"].aliases
    assert found["person/ana-ruiz"].articles == ["a1"]
    assert found["person/carlos-ruiz"].articles == ["harvest-fails"]
    assert "place/delta-fund" in found and "organisation/delta-fund" not in found
    assert not any("Herald" in n or "Wave" in n for n in names(found))


def test_registry_alias_merges_two_found_entities():
    found = entities_of(
        article("President Lula da Silva spoke. Luiz Inacio Lula da Silva later left."),
        registry=Registry(
            entities=[EntityRule(name="Lula", aliases=["Lula da Silva", "Luiz Inacio Lula da Silva"])]
        ),
    )
    people = [e for e in found.values() if e.type == "person"]
    assert [e.name for e in people] == ["Lula"] and len(people[0].mentions) == 2


def test_entities_are_sorted_and_ids_unique():
    found = resolve(
        [article("Nairobi and Kampala agreed. Kenya and Uganda signed.")],
        {"a1": find_candidates(article("Nairobi and Kampala agreed. Kenya and Uganda signed."))},
        Registry(),
    )
    ids = [e.id for e in found]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert all(m.entity == e.id for e in found for m in e.mentions)


# -- end to end ----------------------------------------------------------------------------------------

WHEAT = """Grain deal talks resume in Istanbul

Turkish mediators brought negotiators back to the table on Monday, officials said.

Agriculture Minister Marta Kovac said the corridor for grain ships had to stay open through the winter.

"Millions of people depend on these shipments," Kovac told reporters in Istanbul after the first session.

The World Food Programme warned that prices would rise again if the talks failed, and Kovac said a deal was close.
"""


def test_a_built_entity_page_lists_its_mentions_with_sentences_and_links(make_site):
    site = make_site({"grain.txt": WHEAT})
    data = site.json()
    person = next(e for e in data["entities"] if e["name"] == "Marta Kovac")
    assert person["type"] == "person" and person["url"] == "people/marta-kovac/"
    page = site.page(person["url"])
    text = page.get_text(" ")
    for mention in person["mentions"]:
        assert " ".join(mention["sentence"].split()) in " ".join(text.split())
    article = data["articles"][0]
    assert any(a["href"].rstrip("/").endswith(article["url"].rstrip("/")) for a in page.select("a[href]"))
    article_page = site.page(article["url"])
    assert any(
        a["href"].rstrip("/").endswith("people/marta-kovac") for a in article_page.select(".body a[href]")
    )
    assert "Millions of people depend on these shipments" in text  # her quote


def test_surnames_and_acronyms_left_open_are_settled_by_other_articles():
    first = article(
        "Kenyan Energy Minister Grace Wanjiru opened the Lake Turkana Wind Power Company (LTWP) site.",
        id="a1",
    )
    second = article("Engineers met Wanjiru at the LTWP offices. Negotiators said little.", id="a2")
    found = entities_of(first, second)
    assert [m.text for m in found["person/grace-wanjiru"].mentions] == ["Grace Wanjiru", "Wanjiru"]
    ltwp = next(e for e in found.values() if "LTWP" in e.aliases)
    assert ltwp.articles == ["a1", "a2"]
    assert not any("Negotiators" in e.name or "Engineers" in e.name for e in found.values())


def test_descriptors_and_honorifics():
    found = entities_of(article("The state oil company Petrobrava said output fell. Mr. Ivo Lanz left."))
    assert found["organisation/petrobrava"].type == "organisation"
    assert found["person/ivo-lanz"].titles == []


def test_the_pact_refers_to_the_treaty_named_last():
    found = entities_of(
        article(
            "Both navies signed the Coral Sea Fisheries Treaty in 2004.",
            "The pact limits trawling. Critics say the treaty is too weak.",
            "Officials met in Suva.",
            "Nothing was said.",
            "The treaty was not discussed.",
        )
    )
    treaty = found["treaty/coral-sea-fisheries-treaty"]
    assert [m.text for m in treaty.mentions] == ["Coral Sea Fisheries Treaty", "pact", "treaty"]
    assert treaty.aliases == []


def test_first_and_last_words_type_a_name_and_connectors_split_unrelated_spans():
    found = entities_of(
        article(
            "Hurricane Maren reached Lake Tana before dawn. Fans of Manchester United waited.",
            "The Bank of England and the Secretary of State Anna Kim spoke, as the Black Sea Fleet sailed.",
        )
    )
    assert {
        "event/hurricane-maren",
        "place/lake-tana",
        "organisation/manchester-united",
        "organisation/bank-of-england",
        "organisation/black-sea-fleet",
    } <= set(found)
    assert found["person/anna-kim"].titles == ["Secretary of State"]
    assert not any(e.name.startswith("Fans") for e in found.values())


def test_arabic_particles_datelines_in_capitals_and_honorific_titles():
    found = entities_of(
        article(
            "AMMAN (AP) — Prime Minister Bisher al-Khasawneh met Sheikh Tamim Nasser on Monday.",
            "Al-Khasawneh said the talks went well. Khalid al-Rashid, a former Jordanian intelligence "
            "chief, agreed.",
            "Saudi Crown Prince Faisal bin Fahd did not attend. The Obama administration was silent.",
        )
    )
    assert [m.text for m in found["person/bisher-al-khasawneh"].mentions] == [
        "Bisher al-Khasawneh",
        "Al-Khasawneh",
    ]
    assert found["person/khalid-al-rashid"].titles == ["former Jordanian intelligence chief"]
    assert found["person/faisal-bin-fahd"].titles == ["Saudi Crown Prince"]
    assert found["person/tamim-nasser"].titles == []
    assert found["place/amman"].name == "Amman" and "person/obama" in found


def test_title_case_lines_only_name_what_is_known():
    found = entities_of(
        article(
            "Analysts Say New Arms Race Unlikely",
            "Ortiz Meets Rivals In Lima, Then Quito",
            "Trade Minister Lucia Ortiz said the deal holds.",
        )
    )
    assert set(found) == {"person/lucia-ortiz", "place/lima", "place/quito"}
    assert [m.text for m in found["person/lucia-ortiz"].mentions] == ["Ortiz", "Lucia Ortiz"]


def test_fuller_roles_owners_and_places_named_by_what_stands_there():
    found = entities_of(
        article(
            "First Deputy Prime Minister Elif Arslan said on Monday that Gen. Omar Tahir, chief of the "
            "Turkish "
            "General Staff, would attend.",
            "Arslan's chief adviser Deniz Kaya said the Incirlik air base and the Akkuyu nuclear plant "
            "were safe.",
            "Kaya opened the plant.",
        )
    )
    assert found["person/elif-arslan"].titles == ["First Deputy Prime Minister"]
    assert found["person/omar-tahir"].titles == ["chief of the Turkish General Staff"]
    assert found["person/deniz-kaya"].titles == ["chief adviser"]
    assert [m.text for m in found["person/elif-arslan"].mentions] == ["Elif Arslan", "Arslan"]
    assert {"place/incirlik", "place/akkuyu"} <= set(found)
    assert not any(e.type == "place" and "Kaya" in e.name for e in found.values())


def test_bodies_named_in_lower_case_after_a_country():
    found = entities_of(
        article(
            "The US state department said it was troubled. The Brazilian foreign ministry spokesman Rui "
            "Leal agreed.",
            "The Chilean parliament voted, but Chilean officials and the US missile plan were not discussed.",
        )
    )
    assert "US state department" in found["organisation/state-department"].aliases
    assert found["person/rui-leal"].titles == ["Brazilian foreign ministry spokesman"]
    assert {"organisation/brazilian-foreign-ministry", "organisation/chilean-parliament"} <= set(found)
    assert {e.id for e in found.values() if e.type == "organisation"} == {
        "organisation/state-department",
        "organisation/brazilian-foreign-ministry",
        "organisation/chilean-parliament",
    }


def test_transliterated_first_names_merge_but_relatives_do_not():
    a1 = article("Foreign Minister Sergei Lavrov met Raul Castro. Lavrov said so.", id="a1")
    a2 = article(
        "Russian Foreign Minister Sergey Lavrov and Ramon Castro spoke. Sergei Lavrov agreed.", id="a2"
    )
    found = entities_of(a1, a2)
    assert (
        found["person/sergei-lavrov"].articles == ["a1", "a2"]
        and "Sergey Lavrov" in found["person/sergei-lavrov"].aliases
    )
    assert {"person/raul-castro", "person/ramon-castro"} <= set(found)


def test_a_lone_surname_that_speaks_and_appears_mid_sentence_is_a_person():
    found = entities_of(
        article("Voronin said the vote was fair. Critics of Voronin disagreed. Negotiators said little.")
    )
    assert [m.text for m in found["person/voronin"].mentions] == ["Voronin", "Voronin"]
    assert set(found) == {"person/voronin"}
    assert "country/soviet-union" in entities_of(article("Soviet troops left; the USSR fell."))


def test_a_name_and_its_capitalised_particle_form_are_one_person():
    found = entities_of(article("Jaap de Hoop Scheffer spoke.", "De Hoop Scheffer said so. Scheffer left."))
    assert [e.id for e in found.values()] == ["person/jaap-de-hoop-scheffer"]
    assert len(found["person/jaap-de-hoop-scheffer"].mentions) == 3


def test_the_registry_names_what_the_stage_left_open():
    found = entities_of(
        article("The Houthi fighters advanced. GERD talks stalled."),
        registry=Registry(
            entities=[
                EntityRule(name="Houthis", type="organisation", aliases=["Houthi"]),
                EntityRule(name="Grand Ethiopian Renaissance Dam", type="place", aliases=["GERD"]),
            ]
        ),
    )
    assert found["organisation/houthis"].mentions[0].text == "Houthi"
    assert found["place/grand-ethiopian-renaissance-dam"].mentions[0].text == "GERD"


def test_a_known_name_after_sentence_openers_is_read_whole():
    found = entities_of(
        article("The New York Times said in an editorial that the council had failed the city.")
    )
    assert ("New York Times", "organisation") in {(e.name, e.type) for e in found.values()}
    assert "York Times" not in names(found)


def test_states_are_places_and_not_the_country_in_their_name():
    found = entities_of(
        article("The suspect had lived in Vermont and New Jersey before he moved to New Mexico.")
    )
    kinds = {(e.name, e.type) for e in found.values()}
    assert {("New Jersey", "place"), ("New Mexico", "place"), ("Vermont", "place")} <= kinds
    assert not {"Jersey", "Mexico"} & names(found)


def test_a_title_after_the_body_it_belongs_to_is_the_role():
    for sentence, name, role in [
        (
            "Commerce Secretary William Daley visited the plant on Monday.",
            "William Daley",
            "Commerce Secretary",
        ),
        ("Miami Mayor Joe Carollo said the city would help.", "Joe Carollo", "Miami Mayor"),
        (
            "Erie County District Attorney Frank Clark said the case was open.",
            "Frank Clark",
            "Erie County District Attorney",
        ),
    ]:
        people = [e for e in entities_of(article(sentence)).values() if e.type == "person"]
        assert [(e.name, e.titles) for e in people] == [(name, [role])], sentence


def test_openers_region_adjectives_and_abbreviated_prefixes():
    found = entities_of(
        article(
            "Making Juan Miguel Gonzalez a citizen would take years, said Dan Manning.",
            "Two East African capitals were hit, and Central European leaders met.",
            "Tourists come for Mt. Kilimanjaro and the parks.",
        )
    )
    kinds = {(e.name, e.type) for e in found.values()}
    assert {
        ("Juan Miguel Gonzalez", "person"),
        ("Dan Manning", "person"),
        ("Mt. Kilimanjaro", "place"),
    } <= kinds
    assert not {
        "Making Juan Miguel Gonzalez",
        "East African",
        "Two East African",
        "Central European",
    } & names(found)


def test_middle_names_and_initials_are_one_person_unless_they_disagree():
    found = entities_of(
        article("James C. Kopp was charged on Monday.", "Kopp denied it."),
        article("James Charles Kopp fled to France, police said.", id="a2"),
        article(
            "Police said James Kopp was seen in Dublin.",
            "George W. Bush and George H. W. Bush met the press.",
            id="a3",
        ),
    )
    people = {e.name: e for e in found.values() if e.type == "person"}
    kopp = [e for e in people.values() if e.name.endswith("Kopp")]
    assert len(kopp) == 1 and len(kopp[0].mentions) == 4
    assert {"George W. Bush", "George H. W. Bush"} <= set(people)


def test_venues_are_places_and_peoples_are_nobody():
    found = entities_of(
        article(
            "The play opened at the Karl Marx Theater in Havana, and anti-Castro Cubans "
            "protested at Manhattan Beach."
        )
    )
    kinds = {(e.name, e.type) for e in found.values()}
    assert {("Karl Marx Theater", "place"), ("Manhattan Beach", "place")} <= kinds
    assert not any(e.type == "person" for e in found.values())


def test_capitalised_pairs_without_a_given_name_or_a_voice_are_not_people():
    found = entities_of(
        article(
            "The new MacBook Pro and the Echo Dot went on sale, while Maria Lopez bought a Nintendo Switch.",
            "Kurinji Selvaraj said the prices would fall.",
        )
    )
    people = {e.name for e in found.values() if e.type == "person"}
    assert people == {"Maria Lopez", "Kurinji Selvaraj"}


def test_a_surname_that_is_a_month_and_a_month_after_a_name():
    found = entities_of(
        article(
            "Theresa May said on Tuesday that the House Committee on Government Reform would meet on Feb. 3.",
            "In May the talks resumed.",
        )
    )
    kinds = {(e.name, e.type) for e in found.values()}
    assert {("Theresa May", "person"), ("House Committee on Government Reform", "organisation")} <= kinds
    assert len(found) == 2
