"""Roles across the dossier: each role statement resolved to the entities its spans overlap, dated by
its article (or the date the text gives), and the statements of one person, role and body merged into
one `Role` (as of which article dates, from, until, status, successor).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..model import Article, Entity, RelationStatement, Role, RoleStatement, Source, Span
from ..registry import Registry
from .curated_facts import apply_registry, role_order
from .relations import attach_relations
from .role_names import initials, normal_role


@dataclass
class Resolved:
    """A role statement with its names resolved to entities and its date known."""

    statement: RoleStatement
    holder: str  # entity id
    role: str
    of: str  # entity id or text, "" when none
    date: str | None  # the stated date, or the article's
    article_date: str | None
    other: str = ""
    key: str = field(default="")


def attach(
    articles: list[Article],
    roles: dict[str, list[RoleStatement]],
    relations: dict[str, list[RelationStatement]],
    entities: list[Entity],
    registry: Registry,
) -> None:
    """Give each entity its roles and relations, from the articles' statements and the registry."""
    index = MentionIndex(entities)
    by_id = {e.id: e for e in entities}
    dates = {a.id: a.date for a in articles}
    main_org = _main_organisations(entities)
    resolved = []
    for article_id, statements in roles.items():
        for s in statements:
            holder = index.entity(article_id, s.holder)
            if holder is None or holder.type != "person":
                continue  # no role for a product or a place
            of = ""
            if s.of is not None:  # a body the entity stage did not mark here may still be one it knows
                body = index.entity(article_id, s.of) or index.named.get(s.of.text.lower())
                of = (
                    body.id
                    if body is not None and body.type in ("country", "organisation", "place")
                    else ("" if body is not None else s.of.text)
                )
            elif s.generic:
                of = main_org.get(article_id, "")
            other = index.entity(article_id, s.other) if s.other is not None else None
            resolved.append(
                Resolved(
                    s,
                    holder.id,
                    s.role,
                    of,
                    s.date or dates.get(article_id),
                    dates.get(article_id),
                    other.id if other is not None and other.type == "person" else "",
                )
            )
    _fill_unsaid(resolved)
    _group_keys(resolved)
    _promotions(resolved)
    groups: dict[tuple[str, str, str], list[Resolved]] = defaultdict(list)
    for r in resolved:
        if r.role:
            groups[r.holder, r.key, r.of].append(r)
    surfaces: dict[tuple[str, str], Counter] = defaultdict(Counter)  # one spelling per post, whoever holds it
    for (_, key, of), members in groups.items():
        surfaces[key, of].update(r.role for r in members)
    found: dict[str, list[Role]] = defaultdict(list)
    for (holder, key, of), members in groups.items():
        found[holder].append(_role(members, of, _spelling(surfaces[key, of])))
    for entity in entities:
        entity.roles = sorted(found.get(entity.id, []), key=role_order)
        entity.relations = []
    attach_relations(relations, index, by_id, dates)
    apply_registry(entities, registry)
    for entity in entities:
        if entity.roles and not _curated_description(entity, registry):
            entity.description = describe(entity.roles[0], by_id)


def describe(role: Role, by_id: dict[str, Entity]) -> str:
    """The one line under a name: its current role, else the expected or the last one."""
    label = role_label(role, by_id)
    return {"current": label, "expected": f"{label} (expected)", "ended": f"former {label}"}[role.status]


def role_label(role: Role, by_id: dict[str, Entity]) -> str:
    """ "Defense Secretary, United States"."""
    of = by_id[role.of].name if role.of in by_id else role.of
    return f"{role.role}, {of}" if of else role.role


def _curated_description(entity: Entity, registry: Registry) -> bool:
    names = {entity.name.lower(), *(a.lower() for a in entity.aliases)}
    return any(rule.description and rule.name.lower() in names for rule in registry.entities)


class MentionIndex:
    """Entity mentions by article and block, to resolve a span by its offsets."""

    def __init__(self, entities: list[Entity]):
        self.at: dict[tuple[str, int], list[tuple[int, int, Entity]]] = defaultdict(list)
        self.named = {
            name.lower(): e
            for e in entities
            for name in (e.name, *e.aliases)
            if e.type in ("country", "organisation")
        }
        for e in entities:
            for m in e.mentions:
                self.at[m.article, m.block].append((m.start, m.end, e))

    def entity(self, article: str, span: Span) -> Entity | None:
        best, overlap = None, 0
        for start, end, e in self.at.get((article, span.block), ()):
            size = min(end, span.end) - max(start, span.start)
            if size > overlap:
                best, overlap = e, size
        return best


def _main_organisations(entities: list[Entity]) -> dict[str, str]:
    """Per article, the organisation it names most: what "the company" and "the alliance" refer to."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for e in entities:
        if e.type == "organisation":
            for m in e.mentions:
                counts[m.article][e.id] += 1
    return {article: min(c, key=lambda i: (-c[i], i)) for article, c in counts.items()}


def _fill_unsaid(resolved: list[Resolved]) -> None:
    """ "X resigned", "Y succeeded X": the role not written is the one the other party or the holder
    is given in the same article, else the one the dossier gives them most."""
    said: dict[tuple[str, str], Counter] = defaultdict(Counter)
    anywhere: dict[str, Counter] = defaultdict(Counter)
    for r in resolved:
        if r.role:
            said[r.statement.article, r.holder][r.role, r.of] += 1
            anywhere[r.holder][r.role, r.of] += 1
    for r in resolved:
        if r.role:
            continue
        for source in (
            said.get((r.statement.article, r.other)),
            anywhere.get(r.other),
            said.get((r.statement.article, r.holder)),
            anywhere.get(r.holder),
        ):
            if source:
                r.role, of = min(source, key=lambda k: (-source[k], k))
                r.of = r.of or of
                break


def _group_keys(resolved: list[Resolved]) -> None:
    """One key per role however written: case, "CEO" for "chief executive officer"; a role with no body
    joins the holder's one role of that key that has one."""
    long_forms = {}
    for r in resolved:
        if len(r.role.split()) > 1:
            long_forms.setdefault(initials(r.role), normal_role(r.role))
    for r in resolved:
        text = r.role.replace(".", "")
        r.key = (
            long_forms.get(text.lower(), normal_role(r.role))
            if text.isupper() and len(text) > 1
            else normal_role(r.role)
        )
    bodies: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for r in resolved:
        if r.of:
            bodies[r.holder, r.key][r.of] += 1
    for r in resolved:  # the holder's own body for this role, else the predecessor's or successor's
        known = bodies.get((r.holder, r.key)) or bodies.get((r.other, r.key))
        if not r.of and known:
            r.of = min(known, key=lambda k: (-known[k], k))


def _promotions(resolved: list[Resolved]) -> None:
    """ "The former chief operating officer, X, will succeed Y as chief executive": a role the sentence
    gives no body is one in the body of the role the holder takes in the same sentence."""
    taken = {
        (r.statement.article, r.statement.sentence, r.holder): r.of
        for r in resolved
        if r.statement.change == "starts" and r.of
    }
    for r in resolved:
        if not r.of:
            r.of = taken.get((r.statement.article, r.statement.sentence, r.holder), "")


def _spelling(surfaces: Counter) -> str:
    """The most used spelling of a post, written out rather than as an acronym when the text has both."""
    spelled = [s for s in surfaces if not s.replace(".", "").isupper()] or list(surfaces)
    return min(spelled, key=lambda s: (-surfaces[s], s))


def _role(members: list[Resolved], of: str, name: str) -> Role:
    """One role from its statements: as of the articles that report it held, from its start, until
    the date it ended (stated, or the first article that says so; "former" only bounds it)."""
    starts = [r for r in members if r.statement.change == "starts"]
    ends = [r for r in members if r.statement.change == "ends"]
    leaving = {
        (r.statement.article, r.statement.sentence) for r in ends
    }  # "CEO X stepped down": X no longer is
    held = sorted(
        {
            r.article_date
            for r in members
            if not r.statement.change
            and r.article_date
            and (r.statement.article, r.statement.sentence) not in leaving
        }
    )
    formers = [r for r in members if r.statement.change == "former"]
    since = min((r.date for r in starts if r.date), default=None)
    until = min((r.date for r in ends if r.date), default=None)
    if until is None and formers and not ends:
        until = min((r.article_date for r in formers if r.article_date), default=None)
    status = "current"
    done = [r for r in ends if not r.statement.expected] + formers
    if done and (not held or (until or "") >= held[-1]):
        status = "ended"
    elif starts and all(r.statement.expected for r in starts) and not held:
        status = "expected"
    sources = []
    for r in sorted(members, key=lambda r: (r.article_date or "9999", r.statement.article)):  # oldest first
        source = Source(r.statement.article, r.statement.sentence)
        if source not in sources:
            sources.append(source)
    successor = next((r.other for r in ends if r.other), "")
    predecessor = next((r.other for r in starts if r.other), "")
    return Role(name, of, since, until, held, status, sources, successor, predecessor)
