"""Entities that may be one thing, kept apart: a wrong merge is worse than a split, so the resolver
merges only when sure and lists the rest here for the analyst (dossier.json's `possibly_same`, the
/problems/ page), who merges them with an alias in the registry.

Three clues, each a reason a reader can check: an acronym that has the initials of a longer name the
text never spells out for it; a name that opens another of the same type ("Acme" and "Acme Records",
left apart because one sentence names both or several longer names open with it); one name read as
two types.
"""

from __future__ import annotations

from collections import defaultdict

from ..model import Entity, PossiblySame
from .merge import company_key, norm_key

# types whose short names stand for longer ones ("Acme" for "Acme Records"); a product's longer name is
# another model ("eSlate Mini" of "eSlate"), not the same thing
JOINED = ("organisation", "place")


def possibly_same(entities: list[Entity]) -> list[PossiblySame]:
    found: dict[tuple[str, ...], str] = {}
    for pair, reason in [*_acronyms(entities), *_openers(entities), *_two_types(entities)]:
        found.setdefault(tuple(sorted(pair)), reason)
    return [PossiblySame(list(ids), reason) for ids, reason in sorted(found.items())]


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


def _acronyms(entities: list[Entity]):
    """ "BFU" and "Baltic Freight Union": an acronym with the initials of a longer name of its kind."""
    by_initials: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        if len(e.name.split()) >= 2 and e.type in ("organisation", "treaty", "event"):
            by_initials[_initials(e.name)].append(e)
    for e in entities:
        letters = e.name.replace(".", "")
        if letters.isupper() and 2 <= len(letters) <= 8 and " " not in letters:
            for long_form in by_initials.get(letters, ()):
                if letters not in (a.replace(".", "") for a in long_form.aliases):
                    yield (e.id, long_form.id), f"{e.name!r} has the initials of {long_form.name!r}"


def _openers(entities: list[Entity]):
    """ "Acme" and "Acme Records": a name whose words open another name of the same type."""
    keys = {e.id: company_key(e.name) for e in entities if e.type in JOINED}
    by_type: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        if e.type in JOINED:
            by_type[e.type].append(e)
    for members in by_type.values():
        for short in members:
            for long_ in members:
                if short is not long_ and keys[long_.id].startswith(keys[short.id] + " "):
                    yield (short.id, long_.id), f"{short.name!r} opens the name {long_.name!r}"


def _two_types(entities: list[Entity]):
    """One name read as two types in different places ("Brennholt" a company and a person)."""
    by_name: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        by_name[norm_key(e.name)].append(e)
    for members in by_name.values():
        for a, b in zip(members, members[1:]):
            if a.type != b.type:
                yield (a.id, b.id), f"{a.name!r} is read as {a.type} and as {b.type}"
