"""Entities kept apart that may be one (entities/same.py): in dossier.json and on /problems/, where the
analyst merges them with an alias. Texts invented for these tests."""

from dossier.entities.same import possibly_same
from dossier.model import Entity

HARBOUR = """Harbour strike

Lisbon, 4 May 2020

The Baltic Freight Union called a strike at the port of Lisbon on Monday. Dockers stopped work.
"""
TALKS = """Talks fail

Lisbon, 6 May 2020

The BFU said on Wednesday that talks with the port authority had failed.
"""


def entity(id_: str, name: str, type_: str, aliases=()) -> Entity:
    return Entity(id_, name, type_, id_.split("/")[1], list(aliases))


def test_an_acronym_with_the_initials_of_a_long_name_is_listed_not_merged():
    union = entity("organisation/baltic-freight-union", "Baltic Freight Union", "organisation")
    short = entity("organisation/bfu", "BFU", "organisation")
    [same] = possibly_same([union, short])
    assert same.entities == ["organisation/baltic-freight-union", "organisation/bfu"]
    assert "initials" in same.reason


def test_an_acronym_already_an_alias_is_not_listed():
    union = entity("organisation/baltic-freight-union", "Baltic Freight Union", "organisation", ["BFU"])
    short = entity("organisation/bfu", "BFU", "organisation")
    assert possibly_same([union, short]) == []


def test_names_of_products_opening_others_are_other_models_not_listed():
    line = entity("product/eslate", "eSlate", "product")
    model = entity("product/eslate-mini", "eSlate Mini", "product")
    assert possibly_same([line, model]) == []


def test_the_problems_page_and_dossier_json_list_them(make_site):
    site = make_site({"harbour.txt": HARBOUR, "talks.txt": TALKS})
    data = site.json()
    names = {e["id"]: e["name"] for e in data["entities"]}
    listed = [sorted(names[i] for i in same["entities"]) for same in data["possibly_same"]]
    assert ["BFU", "Baltic Freight Union"] in listed
    page = site.page("problems/")
    section = page.select_one("#possibly-the-same")
    assert section is not None
    items = page.select("ul.possibly-same li")
    assert any("BFU" in li.get_text() and "Baltic Freight Union" in li.get_text() for li in items)
    assert all(a["href"].endswith("/") for li in items for a in li.select("a[href]"))
