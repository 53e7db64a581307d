"""The registry's `roles:` and `relations:`: a matching role or relation is corrected (or hidden), any
other added; curated facts always win over the ones read from the text."""

from __future__ import annotations

from ..model import Entity, Relation, Role
from ..registry import Registry
from .role_names import same_role

STATUS_ORDER = {"current": 0, "expected": 1, "ended": 2}


def role_order(role: Role):
    return (STATUS_ORDER[role.status], -(len(role.sources)), role.since or "", role.role)


def apply_registry(entities: list[Entity], registry: Registry) -> None:
    """The registry's roles and relations: a matching one is corrected (or hidden), any other added."""
    named = {}
    for e in entities:
        for name in (e.name, *e.aliases):
            named.setdefault(name.lower(), e)
    for rule in registry.roles:
        holder = named.get(rule.person.lower())
        if holder is None:
            continue  # named on /problems/ by registry.check_references
        of = named[rule.of.lower()].id if rule.of and rule.of.lower() in named else rule.of
        match = next(
            (r for r in holder.roles if same_role(r.role, rule.role) and (not rule.of or r.of == of)), None
        )
        if rule.hide:
            holder.roles = [r for r in holder.roles if r is not match]
            continue
        if match is None:
            match = Role(rule.role, of or "", status="current")
            holder.roles.append(match)
        match.curated = True
        match.of = of or match.of
        match.since = rule.since or match.since
        match.until = rule.until or match.until
        match.status = rule.status or ("ended" if rule.until else match.status)
        holder.roles.sort(key=role_order)
    for rule in registry.relations:
        subject, obj = named.get(rule.entity.lower()), named.get(rule.to.lower())
        if subject is None or obj is None:
            continue
        match = next((r for r in subject.relations if r.kind == rule.kind and r.to == obj.id), None)
        if rule.hide:
            subject.relations = [r for r in subject.relations if r is not match]
            continue
        if match is None:
            match = Relation(rule.kind, obj.id)
            subject.relations.append(match)
        match.curated = True
        match.since = rule.since or match.since
        match.until = rule.until or match.until
