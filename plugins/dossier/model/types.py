"""The entity types: the one table the core, the contract and the theme read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntityType:
    """One entity type: its name in the contract, its URL folder (the design card's site map) and labels."""

    name: str
    folder: str
    label: str  # a heading for a list of them
    singular: str  # one of them, in running text
    actors: int = 0  # an actor type: how many of the most mentioned the overview lists (0: not an actor)


# The one table of entity types, in the order pages list them; the core, the contract and the theme
# read it. Market indexes and other traded instruments are products.
TYPES = (
    EntityType("person", "people", "People", "person", actors=6),
    EntityType("organisation", "organisations", "Organisations", "organisation", actors=5),
    EntityType("country", "countries", "Countries", "country", actors=5),
    EntityType("place", "places", "Places", "place"),
    EntityType("product", "products", "Products", "product", actors=5),
    EntityType("treaty", "treaties", "Treaties", "treaty", actors=5),
    EntityType("event", "events", "Events", "named event"),
)


TYPE = {t.name: t for t in TYPES}


ENTITY_TYPES = tuple(TYPE)


TYPE_FOLDERS = {t.name: t.folder for t in TYPES}


ARTICLE_FOLDER = "articles"  # an article's page is <folder>/<id>/ (pelican.conf.py's ARTICLE_URL reads it)


# Before the corpus decides, a candidate's type may also be left open (entities.py, merge.py):
MAYBE = "maybe"  # one capitalised word: a surname, a speaker, a place or a company, or nothing


ACRONYM = "acronym"  # capitals the article does not spell out


OPEN_TYPES = (MAYBE, ACRONYM)
