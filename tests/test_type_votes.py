"""An entity's type is a tally of named votes (entities/type_votes.py), and `dossier inspect --explain
NAME` prints them. Texts invented for these tests."""

import itertools

from dossier import cli
from dossier.entities.type_votes import MENTION_RULES, entity_type
from dossier.model import Candidate, Mention
from dossier.rules import Ruler, Vote

SEED = """Harbour report

Lisbon, 4 May 2020

Veltro Dynamics Inc. said on Monday that its new eSlate sold well. The chief executive of Veltro
Dynamics, Hanna Brisk, said the company would open a plant in Ostrava. Veltro Dynamics shares rose.
"""


def candidate(type_: str, reason: str, weight: int = 1) -> Candidate:
    mention = Mention("a1", 0, 0, 4, "Acme", "Acme rose.")
    return Candidate(mention, "Acme", type_, weight=weight, votes=[Vote(type_, weight, reason, "rule")])


def test_the_type_of_an_entity_does_not_depend_on_the_order_of_its_mentions():
    members = [
        candidate("product", "camel case", 2),
        candidate("organisation", "Inc."),
        candidate("organisation", "its"),
    ]
    labels = {entity_type(list(order)).label for order in itertools.permutations(members)}
    assert labels == {"organisation"}


def test_the_registry_outvotes_every_mention():
    members = [candidate("organisation", "Inc.", 3) for _ in range(5)]
    decision = entity_type(members, "product")
    assert decision.label == "product"
    assert "content/dossier.yaml" in decision.explain()


def test_mention_votes_are_summed_by_reason():
    decision = entity_type([candidate("organisation", "Inc.") for _ in range(3)])
    assert [(v.label, v.weight, v.reason) for v in decision.votes] == [("organisation", 3, "rule: Inc. (x3)")]


def test_the_mention_rules_are_a_named_list():
    assert isinstance(MENTION_RULES, Ruler)
    names = MENTION_RULES.get_active_rules()
    assert {"model_label", "legal_form", "product_shape", "descriptor_before", "given_name"} <= set(names)


def test_explain_prints_the_votes_of_the_named_entity(tmp_path, capsys):
    seed = tmp_path / "harbour.txt"
    seed.write_text(SEED, encoding="utf-8")
    status = cli.main(["inspect", str(seed), "--explain", "veltro dynamics"])
    out, err = capsys.readouterr()
    assert status == 0 and err == ""
    head, *votes, total = out.strip().splitlines()
    assert head.startswith("Veltro Dynamics") and "(organisation/veltro-dynamics" in head
    assert any("legal form 'Inc" in line for line in votes)
    assert total.startswith("= organisation (")


def test_explain_names_an_entity_it_cannot_find(tmp_path, capsys):
    seed = tmp_path / "harbour.txt"
    seed.write_text(SEED, encoding="utf-8")
    status = cli.main(["inspect", str(seed), "--explain", "Nobody Here"])
    out, err = capsys.readouterr()
    assert status == 1 and out == ""
    assert "no entity named 'Nobody Here'" in err
