"""Key facts (roles and relations) on sentences written for these tests: clubs, a port, a hospital, banks."""

import pytest

from dossier.entities import facts
from dossier.entities.stage import find_candidates, resolve
from dossier.language.nlp import parse
from dossier.model import Article, Block
from dossier.registry import Registry, RelationRule, RoleRule


def article(*paragraphs: str, id: str = "a1", date: str = "2019-03-14") -> Article:
    return Article(
        id=id, source_file=f"{id}.txt", title="t", date=date, blocks=[Block(p) for p in paragraphs]
    )


def dossier_of(*articles: Article, registry: Registry | None = None) -> dict:
    registry = registry or Registry()
    candidates, roles, relations = {}, {}, {}
    for a in articles:
        parsed = parse(a)
        candidates[a.id] = find_candidates(a, parsed)
        roles[a.id], relations[a.id] = facts.find_facts(a, parsed, candidates[a.id])
    entities = resolve(list(articles), candidates, registry)
    facts.attach(list(articles), roles, relations, entities, registry)
    return {e.id: e for e in entities}


def role_of(found: dict, person: str):
    """The person's roles as (role, of, from, until, as_of, status) tuples."""
    return [(r.role, r.of, r.since, r.until, r.as_of, r.status) for r in found[person].roles]


# -- how a role is written -------------------------------------------------------------------------


def test_a_title_before_the_name_with_the_country_or_body_before_it():
    found = dossier_of(
        article(
            "Norwegian Fisheries Minister Ingrid Solberg opened the harbour on Monday.",
            "The Baltic Ports Council chairman Pavel Novak visited the harbour too.",
        )
    )
    assert role_of(found, "person/ingrid-solberg") == [
        ("Fisheries Minister", "country/norway", None, None, ["2019-03-14"], "current")
    ]
    assert found["person/ingrid-solberg"].description == "Fisheries Minister, Norway"
    [chair] = found["person/pavel-novak"].roles
    assert chair.role == "chairman" and found[chair.of].name == "Baltic Ports Council"


def test_apposition_after_the_name_and_possessive_before_it():
    found = dossier_of(
        article(
            "Marta Quiroga, chief executive of the Andes Copper Corporation, said output fell.",
            "The Danube Shipping Company's spokesman, Viktor Horvat, declined to comment.",
        )
    )
    [ceo] = found["person/marta-quiroga"].roles
    assert ceo.role == "chief executive" and found[ceo.of].name == "Andes Copper Corporation"
    [spokesman] = found["person/viktor-horvat"].roles
    assert spokesman.role == "spokesman" and found[spokesman.of].name == "Danube Shipping Company"


def test_who_heads_and_a_copula():
    found = dossier_of(
        article(
            "Lucia Brandt, who heads the Alpine Rescue Service, praised the volunteers.",
            "Omar Haddad is the treasurer of the Levant Chess Federation.",
        )
    )
    [head] = found["person/lucia-brandt"].roles
    assert head.role == "head" and found[head.of].name == "Alpine Rescue Service" and head.status == "current"
    [treasurer] = found["person/omar-haddad"].roles
    assert treasurer.role == "treasurer" and found[treasurer.of].name == "Levant Chess Federation"


def test_a_generic_noun_is_the_organisation_the_article_is_about():
    found = dossier_of(
        article(
            "The Harbin Ice Hockey Club lost again on Sunday.",
            "The Harbin Ice Hockey Club will play in Riga next.",
            "The club's coach, Sergei Volkov, blamed the ice.",
        )
    )
    [coach] = found["person/sergei-volkov"].roles
    assert found[coach.of].name == "Harbin Ice Hockey Club"


def test_relatives_products_and_places_get_no_role():
    found = dossier_of(
        article(
            "His Finnish counterpart, Mikko Virtanen, arrived later.",
            "Jonas Berg, a close friend of Virtanen, drove him.",
        )
    )
    assert found["person/mikko-virtanen"].roles == [] and found["person/jonas-berg"].roles == []
    assert all(not e.roles for e in found.values() if e.type != "person")


# -- changes in time ------------------------------------------------------------------------------


def test_former_ends_a_role_by_the_article_date():
    found = dossier_of(article("Former Kenyan Trade Minister Amina Odhiambo criticised the deal."))
    assert role_of(found, "person/amina-odhiambo") == [
        ("Trade Minister", "country/kenya", None, "2019-03-14", [], "ended")
    ]
    assert found["person/amina-odhiambo"].description == "former Trade Minister, Kenya"


@pytest.mark.parametrize(
    "sentence",
    [
        "Karl Weber resigned as chief executive of the Helmstadt Energy Group on March 2.",
        "Karl Weber stepped down as chief executive of the Helmstadt Energy Group on March 2.",
    ],
)
def test_resigned_and_stepped_down_end_a_role_at_the_date_stated(sentence):
    found = dossier_of(
        article(
            "Karl Weber, chief executive of the Helmstadt Energy Group, spoke in January.",
            id="a0",
            date="2019-01-20",
        ),
        article(sentence),
    )
    [role] = found["person/karl-weber"].roles
    assert (role.role, role.since, role.until, role.as_of, role.status) == (
        "chief executive",
        None,
        "2019-03-02",
        ["2019-01-20"],
        "ended",
    )
    assert [s.article for s in role.sources] == ["a0", "a1"]


def test_was_replaced_by_ends_one_role_and_starts_the_successors():
    found = dossier_of(
        article("Anna Berg was replaced by Tom Hale as chairman of the Nordvik Savings Bank on March 3.")
    )
    [old], [new] = found["person/anna-berg"].roles, found["person/tom-hale"].roles
    assert (old.role, old.until, old.status, old.successor) == (
        "chairman",
        "2019-03-03",
        "ended",
        "person/tom-hale",
    )
    assert (new.role, new.since, new.status, new.predecessor) == (
        "chairman",
        "2019-03-03",
        "current",
        "person/anna-berg",
    )
    assert old.of == new.of and found[old.of].name == "Nordvik Savings Bank"


def test_will_succeed_is_expected_and_takes_the_predecessors_body():
    found = dossier_of(
        article(
            "Ann Lee, president of the Kestrel Foundation, thanked the staff.",
            "Ravi Menon will succeed Lee as president in May.",
        )
    )
    [new] = found["person/ravi-menon"].roles
    assert (new.role, new.since, new.status, new.predecessor) == (
        "president",
        "2019-05",
        "expected",
        "person/ann-lee",
    )
    assert found[new.of].name == "Kestrel Foundation"
    [old] = found["person/ann-lee"].roles
    assert old.successor == "person/ravi-menon" and old.status == "current"  # not gone yet


def test_interim_is_part_of_the_role_and_since_starts_it():
    found = dossier_of(
        article("Paolo Ricci has been serving as interim director of the Verona Opera since January.")
    )
    [role] = found["person/paolo-ricci"].roles
    assert (role.role, role.since, role.status) == ("interim director", "2019-01", "current")


def test_named_as_its_new_starts_a_role_of_the_subject():
    found = dossier_of(
        article("The Osaka Robotics Institute named Keiko Tanaka as its new director on Friday.")
    )
    [role] = found["person/keiko-tanaka"].roles
    assert (role.role, role.since, role.status) == ("director", "2019-03-08", "current")
    assert found[role.of].name == "Osaka Robotics Institute"


# -- the organisation's side and the registry ---------------------------------------------------------


def test_roles_merge_however_written_and_registry_corrects_hides_and_adds():
    text = article(
        "Clara Nunez, the chief executive officer of the Lisbon Port Authority, signed the lease.",
        "Lisbon Port Authority CEO Clara Nunez said the Tagus terminal would open.",
        "Lisbon Port Authority spokesman Rui Costa confirmed it.",
    )
    found = dossier_of(text)
    [ceo] = found["person/clara-nunez"].roles
    assert ceo.role == "chief executive officer" and len(ceo.sources) == 2
    registry = Registry(
        roles=[
            RoleRule("Clara Nunez", "CEO", until="2020-01"),
            RoleRule("Rui Costa", "spokesman", hide=True),
            RoleRule("Rui Costa", "harbour master", of="Lisbon Port Authority", since="2020"),
        ]
    )
    found = dossier_of(text, registry=registry)
    [ceo] = found["person/clara-nunez"].roles
    assert (ceo.until, ceo.status, ceo.curated) == ("2020-01", "ended", True)
    [master] = found["person/rui-costa"].roles
    assert (master.role, master.since, master.curated) == ("harbour master", "2020", True)
    assert found[master.of].name == "Lisbon Port Authority"


# -- relations ---------------------------------------------------------------------------------------


def test_relations_member_signed_met_and_stake():
    found = dossier_of(
        article(
            "Estonia, a member of the Nordic Council, signed the Tallinn Fisheries Treaty on Monday.",
            "Prime Minister Liis Tamm met with Finnish President Aino Koskinen in Helsinki.",
            "The Baltic Rail Company owns a stake in the Riga Freight Terminal Company.",
            "Defence Minister Jaan Kask held talks with his Latvian counterpart, Andris Ozols, on Friday.",
        )
    )
    relations = {(e.name, r.kind, found[r.to].name) for e in found.values() for r in e.relations}
    assert relations == {
        ("Estonia", "member of", "Nordic Council"),
        ("Estonia", "signed", "Tallinn Fisheries Treaty"),
        ("Liis Tamm", "met with", "Aino Koskinen"),
        ("Jaan Kask", "met with", "Andris Ozols"),
        ("Baltic Rail Company", "owns a stake in", "Riga Freight Terminal Company"),
    }
    registry = Registry(relations=[RelationRule("Estonia", "member of", "Nordic Council", hide=True)])
    found = dossier_of(article("Estonia, a member of the Nordic Council, said no."), registry=registry)
    assert found["country/estonia"].relations == []


def test_new_people_of_a_later_article_get_their_roles():
    found = dossier_of(
        article(
            "Russian Deputy Foreign Minister Alexander Volsky said the talks had failed.",
            "Boris Malkin, the speaker of the Federation Council, disagreed.",
        )
    )
    [deputy] = found["person/alexander-volsky"].roles
    assert (deputy.role, deputy.of) == ("Deputy Foreign Minister", "country/russia")
    [speaker] = found["person/boris-malkin"].roles
    assert speaker.role == "speaker" and found[speaker.of].name == "Federation Council"


@pytest.mark.parametrize(
    "sentence, change",
    [
        ("Helga Lund took over as chief executive of the Skagen Ferry Company on Monday.", "took over"),
        ("The Skagen Ferry Company's new chief executive, Helga Lund, started on Monday.", "new"),
        ("Helga Lund became chief executive of the Skagen Ferry Company on Monday.", "became"),
    ],
)
def test_took_over_new_and_became_start_a_role(sentence, change):
    found = dossier_of(article(sentence))
    [role] = found["person/helga-lund"].roles
    assert (role.role, role.status) == ("chief executive", "current"), change
    assert found[role.of].name == "Skagen Ferry Company"
    assert role.since == ("2019-03-14" if change == "new" else "2019-03-11"), change


def test_incoming_is_an_expected_role():
    found = dossier_of(article("Incoming Arctic Council Chairman Pia Holm will start in October."))
    [role] = found["person/pia-holm"].roles
    assert (role.role, role.status, role.since) == ("Chairman", "expected", "2019-03-14")


def test_coordinated_roles_share_their_body():
    found = dossier_of(
        article(
            "Dana Reyes, the co-founder and chief executive of the Tessaract Software Company, spoke first."
        )
    )
    roles = {(r.role, found[r.of].name) for r in found["person/dana-reyes"].roles}
    assert roles == {
        ("co-founder", "Tessaract Software Company"),
        ("chief executive", "Tessaract Software Company"),
    }


def test_a_promotion_keeps_the_former_role_in_the_same_body():
    found = dossier_of(
        article(
            "Ann Lee, chief executive of the Kestrel Mining Company, will retire in May.",
            "The former chief financial officer, Ravi Menon, will succeed Lee as chief executive.",
        )
    )
    roles = {r.role: r for r in found["person/ravi-menon"].roles}
    assert roles["chief financial officer"].status == "ended"
    assert (
        roles["chief financial officer"].of
        == roles["chief executive"].of
        == "organisation/kestrel-mining-company"
    )
    assert roles["chief executive"].status == "expected"


def test_a_noun_before_and_is_no_title():
    found = dossier_of(
        article(
            "Nadia Rossi, chief executive of the Serra Textile Company, spoke on Monday.",
            "The new looms are under development and Rossi will keep her seat on the board.",
        )
    )
    assert [r.role for r in found["person/nadia-rossi"].roles] == ["chief executive"]


def test_will_continue_as_holds_the_role_now():
    found = dossier_of(
        article("The Serra Textile Company said Nadia Rossi will continue as chairman of the board.")
    )
    [role] = found["person/nadia-rossi"].roles
    assert (role.role, role.status, found[role.of].name) == ("chairman", "current", "Serra Textile Company")


def test_an_organisation_lists_its_people_by_post_and_period():
    from dossier.model import Dossier
    from dossier.publish.index import DossierIndex

    articles = [
        article(
            "Vera Lind, chief executive officer of the Halden Shipyard Company, opened the dock.",
            id="a0",
            date="2018-05-02",
        ),
        article(
            "Halden Shipyard Company CEO Vera Lind stepped down on Monday.",
            "The former chief operating officer, Jonas Dahl, succeeded Lind as CEO.",
        ),
    ]
    found = dossier_of(*articles)
    index = DossierIndex(Dossier(articles=articles, entities=list(found.values())))
    people = [
        (label, [(person.name, role.since, role.until, role.status) for person, role in holders])
        for label, holders in index.people_of(found["organisation/halden-shipyard-company"])
    ]
    assert people == [
        (
            "chief executive officer",
            [("Vera Lind", None, "2019-03-11", "ended"), ("Jonas Dahl", "2019-03-14", None, "current")],
        ),
        ("chief operating officer", [("Jonas Dahl", None, "2019-03-14", "ended")]),
    ]


def test_part_of_parent_of_and_a_dated_membership():
    found = dossier_of(
        article(
            "Nordvik Leasing, a subsidiary of the Nordvik Savings Bank, posted a loss.",
            "The Halden Holding Company is the parent company of the Halden Shipyard Company.",
            "Poland became a member of the Nordic Council in 1999.",
        )
    )
    relations = {(e.name, r.kind, found[r.to].name, r.since) for e in found.values() for r in e.relations}
    assert relations == {
        ("Nordvik Leasing", "part of", "Nordvik Savings Bank", None),
        ("Halden Holding Company", "parent of", "Halden Shipyard Company", None),
        ("Poland", "member of", "Nordic Council", "1999"),
    }
