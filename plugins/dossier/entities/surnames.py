"""Surnames and first names to the full name they stand for: "Gates" -> "Robert Gates" when the
article (or the dossier) names exactly one person whose name ends so."""

from __future__ import annotations

import re
from collections import defaultdict

INITIAL = re.compile(r"[A-Z]\.")


def full_names(people) -> dict[str, set[str]]:
    """Each person's name and its endings ("Gates", "de Hoop Scheffer") -> the full names they end."""
    index: dict[str, set[str]] = defaultdict(set)
    for it in people:
        words = it.name.split()
        if len(words) < 2:
            continue
        index[it.name.lower()].add(it.name)
        for s in range(1, len(words)):
            if not INITIAL.fullmatch(words[s]):
                index[" ".join(words[s:]).lower()].add(it.name)
        index[f"^{words[0].lower()}"].add(it.name)  # by first name, for names with no surname
        if len(words) > 2:  # "George Bush" for "George W. Bush"
            index[f"{words[0]} {words[-1]}".lower()].add(it.name)
    return index


def fuller(name: str, index: dict[str, set[str]]) -> str | None:
    """The one longer name that ends with this one ("Gates" -> "Robert Gates"), if there is one."""
    longer = sorted(
        (n for n in index.get(name.lower(), ()) if len(n) > len(name)), key=lambda n: (-len(n), n)
    )
    if not longer:
        return None
    top = longer[0].lower()  # "De Hoop Scheffer" and "Jaap de Hoop Scheffer" are one person: the longest
    return longer[0] if all(top.endswith(n.lower()) for n in longer[1:]) else None
