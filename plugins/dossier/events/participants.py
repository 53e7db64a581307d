"""Who takes part in an event: the entities named in its clause, and those it refers to."""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from functools import cache

from ..language.clauses import PRONOUNS as REFERENCE_KINDS
from ..model import Article, Clause, Entity, Event, Reference

# The entity types a reference may stand for, by its kind ("it" is never a person).
REFERS_TO = {
    "person": ("person",),
    "organisation": ("organisation",),
    "thing": ("organisation", "product", "country", "treaty", "event"),
}
QUALIFYING = ("product",)  # entity types that only say what kind when they stand before a noun
PRONOUNS = frozenset(("he", "she", "it", "his", "her", "its"))  # a summary never opens on one of them
POSSESSIVES = frozenset(("his", "her", "its"))
SUMMARY_REACH = 1  # paragraphs back a summary's pronoun is named from
REFERENCE_REACH = 2  # paragraphs back an antecedent is looked for before the article's main actor


def attach_participants(events: list[Event], entities: list[Entity], articles: list[Article] = ()) -> None:
    """An event's participants: the entities named in its clause, and those the clause refers to by
    "he", "it" or "the company" (the nearest entity of that kind named before, within a couple of
    paragraphs, else the one the article names most). A headline's: the entities the article names
    whose name it holds. An event with no clause (added by the analyst): its sentence's entities."""
    by_article: dict[str, list] = defaultdict(list)
    named = defaultdict(set)
    normal = cache(_normal)  # a sentence's mentions share one string: split once, not once a mention
    for entity in entities:
        for mention in entity.mentions:
            by_article[mention.article].append(
                (mention.block, mention.start, entity, mention.text, mention.end)
            )
            named[mention.article, normal(mention.sentence)].add(entity.id)
    for article, found in by_article.items():
        found.sort(key=lambda item: (item[0], item[1], item[2].id))
        by_article[article] = Named(_as_models(found))
    titles = {a.id: a.title or "" for a in articles}
    bodies = {a.id: [block.text for block in a.body] for a in articles}
    names = _names(entities)
    for event in events:
        ids = set(event.entities)
        article = event.sources[0].article if event.sources else ""
        found = by_article.get(article) or Named([])
        if not event.clauses:
            for source in event.sources:
                ids |= named.get((source.article, normal(source.sentence)), set())
        for clause in event.clauses:
            if clause.block is None:
                ids |= _in_headline(titles.get(article, ""), clause, found.found)
                continue
            inside = _in_clause(clause, found, bodies.get(article, []), names)
            ids |= inside
            _take_roles(event, clause, found, inside)
            block = bodies.get(article, [""] * (clause.block + 1))[clause.block]
            for reference in clause.references:
                antecedent = _antecedent(found, clause.block, reference)
                if antecedent is not None:
                    ids.add(antecedent.id)
                    _take_role(event, clause, reference.start, antecedent.id)
                    if _named_nearby(found, clause.block, reference):
                        event.summary = _named(
                            event.summary, block[reference.start : reference.end], antecedent
                        )
        _name_opening_pronoun(event, found)
        event.entities = sorted(ids)
        event.agents = sorted(set(event.agents) & ids)
        event.patients = sorted(set(event.patients) & ids - set(event.agents))
        event.clauses = []  # done with: the corpus's events carry no offsets


def _take_roles(event: Event, clause: Clause, found: Named, ids: set[str]) -> None:
    """Of the entities named in a clause, those in its subject are its agents, those in its object
    its patients."""
    for stretches, roles in ((clause.agents, event.agents), (clause.patients, event.patients)):
        for stretch in stretches:
            roles += [
                e.id for _, _, e, *_ in found.within(clause.block, stretch.start, stretch.end) if e.id in ids
            ]


def _take_role(event: Event, clause: Clause, start: int, entity_id: str) -> None:
    if any(s.start <= start < s.end for s in clause.agents):
        event.agents.append(entity_id)
    elif any(s.start <= start < s.end for s in clause.patients):
        event.patients.append(entity_id)


def _name_opening_pronoun(event: Event, found: list) -> None:
    """A summary still opening on "its", "his" or "he" (a possessive is no participant): the pronoun
    becomes the name of the entity it stands for, found as for any reference."""
    first = event.summary.split(" ", 1)[0]
    clause = next((c for c in event.clauses if c.block is not None and c.stretches), None)
    if first.lower() not in PRONOUNS or clause is None:
        return
    reference = Reference(clause.stretches[0].start, 0, REFERENCE_KINDS.get(first.lower()))
    if _named_nearby(found, clause.block, reference):
        event.summary = _named(event.summary, first, _antecedent(found, clause.block, reference))


def _named_nearby(found: Named, block: int, reference: Reference) -> bool:
    """Whether the entity a pronoun stands for is named before it in its paragraph or the one before: a
    summary takes its name only then (the article's most named one, or a name further back, is a guess
    a reader of the summary could not check)."""
    before = found.last_before(block, reference.start, REFERS_TO[reference.kind])
    return before is not None and block - before[0] <= SUMMARY_REACH


def _named(summary: str, word: str, entity: Entity) -> str:
    """A summary that opens on a pronoun ("He resigned ...") opens on the name it stands for."""
    first = summary.split(" ", 1)
    if not word or first[0].lower() != word.lower() or first[0].lower() not in PRONOUNS:
        return summary
    name = entity.name + ("'s" if first[0].lower() in POSSESSIVES else "")
    return " ".join([name, *first[1:]])


def _as_models(found: list) -> list:
    """An article that names a model of a product ("Zephyr 5", the line's name and a model number)
    means that model by the line's bare name ("the new Zephyr"): those mentions stand for the model
    it names most (the first of equals). A plural ("Zephyrs") still means the line."""
    products = {entity.id: entity for _, _, entity, *_ in found if entity.type == "product"}
    counts = Counter(entity.id for _, _, entity, *_ in found if entity.id in products)
    model_of = {}
    for line in products.values():
        models = [m for m in products.values() if _is_model(m.name, line.name)]
        if models:
            model_of[line.id] = min(models, key=lambda m: -counts[m.id])  # stable: found is in text order
    return [
        (block, start, model_of[entity.id], text, end)
        if entity.id in model_of and not (text.endswith("s") and not entity.name.endswith("s"))
        else (block, start, entity, text, end)
        for block, start, entity, text, end in found
    ]


def _is_model(name: str, line: str) -> bool:
    """Whether `name` is `line` and a model number: a last word holding a digit ("Zephyr 5", "Zephyr 3G")."""
    rest = name[len(line) :]
    return (
        name.lower().startswith(line.lower())
        and rest[:1] == " "
        and len(rest.split()) == 1
        and any(c.isdigit() for c in rest)
    )


def _in_clause(clause: Clause, found: Named, blocks: list[str], names: dict[str, str]) -> set[str]:
    """The entities named in a clause's stretches, but for a product that only qualifies a noun
    ("Zephyr users", "Zephyr development"), which takes no part; a name and its noun that name an
    entity ("the Zephyr store" for "Zephyr Store") name that one. A company, person or place before
    a noun takes part through it ("Acme shares fell", "the Nairobi embassy was hit")."""
    ids = set()
    for stretch in clause.stretches:
        for block, start, entity, _, end in found.within(clause.block, stretch.start, stretch.end):
            qualifier = next((q for q in clause.qualifiers if q.start <= start and end < q.end), None)
            phrase = (
                _name_key(blocks[block][start : qualifier.end]) if qualifier and block < len(blocks) else None
            )
            if phrase in names:
                ids.add(names[phrase])
            elif qualifier is None or entity.type not in QUALIFYING:
                ids.add(entity.id)
    return ids


def _names(entities: list[Entity]) -> dict[str, str]:
    """Each name or alias of the dossier's entities that only one of them bears, to that entity's id."""
    owners = defaultdict(set)
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            owners[_name_key(name)].add(entity.id)
    return {name: next(iter(ids)) for name, ids in owners.items() if len(ids) == 1}


def _name_key(name: str) -> str:
    return " ".join(name.lower().split())


def _in_headline(title: str, clause: Clause, found: list) -> set[str]:
    """The entities the article names whose name stands in the headline's clause."""
    ids = set()
    for _, _, entity, text, _ in found:
        if entity.id in ids:
            continue
        for name in {text, entity.name, *entity.aliases}:
            if (
                name
                and name in title
                and any(
                    any(s.start <= m.start() < s.end for s in clause.stretches)
                    for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", title)
                )
            ):
                ids.add(entity.id)
                break
    return ids


def _antecedent(found: Named, block: int, reference) -> Entity | None:
    """The entity a reference stands for: the nearest compatible one named before it, else the
    article's most named one of that kind."""
    kinds = REFERS_TO[reference.kind]
    before = found.last_before(block, reference.start, kinds)
    if before is not None and block - before[0] <= REFERENCE_REACH:
        return before[2]
    return found.most_named(kinds)


class Named:
    """An article's mentions (block, start, entity, text, end) in text order, looked up by position
    rather than read whole for each event: a long article has thousands of both."""

    def __init__(self, found: list):
        self.found = found
        self.keys = [(block, start) for block, start, *_ in found]
        self._of_kinds: dict[tuple, list[int]] = {}
        self._most: dict[tuple, Entity | None] = {}

    def within(self, block: int, start: int, end: int) -> list:
        """The mentions starting in [start, end) of a block."""
        lo = bisect.bisect_left(self.keys, (block, start))
        return self.found[lo : bisect.bisect_left(self.keys, (block, end), lo)]

    def last_before(self, block: int, start: int, kinds: tuple) -> tuple | None:
        """The last mention of an entity of these types before the position."""
        of_kinds = self._kinds(kinds)
        i = bisect.bisect_left(of_kinds, bisect.bisect_left(self.keys, (block, start))) - 1
        return self.found[of_kinds[i]] if i >= 0 else None

    def most_named(self, kinds: tuple) -> Entity | None:
        """The entity of these types the article names most (the first id of equals)."""
        if kinds not in self._most:
            counts = Counter(self.found[i][2].id for i in self._kinds(kinds))
            best = min(counts, key=lambda eid: (-counts[eid], eid)) if counts else None
            self._most[kinds] = next((e for _, _, e, *_ in self.found if e.id == best), None)
        return self._most[kinds]

    def _kinds(self, kinds: tuple) -> list[int]:
        if kinds not in self._of_kinds:
            self._of_kinds[kinds] = [i for i, item in enumerate(self.found) if item[2].type in kinds]
        return self._of_kinds[kinds]


def _normal(sentence: str) -> str:
    return " ".join(sentence.split())
