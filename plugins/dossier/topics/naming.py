"""Name a theme: after its actor and what happens to it when both are central ("Medicines agency blood
clots"), else after the one that is, names in their own spelling; a word of everyday English never
names a story alone. A small dossier's theme grown from an entity is named after it and the best
entity of the other kind that joined it ("NATO and Afghanistan").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..model import Entity
from .analysis import PLACE_TYPES, SUBJECT_TYPES, Analysis, Theme, inside, several_words, theme_centrality
from .happening import happening

SPECIFIC_NAME = 0.6  # a longer phrase names a theme if it is this central


def theme_name(theme: Theme, analysis: Analysis, happenings: bool = False) -> str:
    """A story of articles is named after its actor and what happens to it ('Apple Corps trademark
    dispute'); a small dossier's theme after the entity it grew from ('CFE Treaty', 'NATO and
    Afghanistan'); else after its most central phrase, written as a person would: 'Missile defense'.

    With `happenings`, what happens to a story's actor is the term its articles and events vote for
    (see happening.py); without, the phrase half its articles are about (the first naming, by which
    parts of one story are found and joined)."""
    if not analysis.paragraphs:
        return _story_name(theme, analysis, happenings)
    return _entity_name(theme, analysis) or _phrase_name(theme, analysis)


def _story_name(theme: Theme, analysis: Analysis, happenings: bool) -> str:
    """'<actor> <what happens>' when both are central to the story, else the one that is."""

    def centrality(feature: str) -> float:
        return theme_centrality(feature, theme.units, analysis)

    def actor(feature: str) -> bool:  # a name, not a place, and not an everyday word ("Computer")
        entity = analysis.entities.get(feature)
        if entity:
            return entity.type not in PLACE_TYPES and not analysis.everyday(entity_label(entity))
        return feature in analysis.names and analysis.names_alone(feature)

    def said(
        phrase: str,
    ) -> bool:  # by half its articles at least: what happens in one launch is not the story
        return 2 * len(analysis.salient.get(phrase, set()) & theme.units) >= len(theme.units)

    actors = sorted((f for f in theme.phrases if actor(f)), key=lambda f: (-centrality(f), f))
    common = [
        p for p in theme.phrases if not actor(p) and p not in analysis.entities and (said(p) or not actors)
    ]
    what = _phrase_name(replace(theme, phrases=common), analysis) if common else ""
    if not actors:
        return what
    who = (
        entity_label(analysis.entities[actors[0]])
        if actors[0] in analysis.entities
        else analysis.label(actors[0])
    )
    shared = analysis.about.get(actors[0], set()) & theme.units
    # what happens to it, by the votes of its articles and events ('Northwind bankruptcy'), unless the
    # phrase half its articles are about holds that and says more ('trademark dispute')
    done = happenings and happening(theme, analysis)
    if done and not inside(done, what.lower()):
        what = analysis.label(done)
    elif not what:  # what most of its articles say of it
        told = [
            p
            for p in analysis.salient
            if p not in analysis.names
            and several_words(p)
            and analysis.names_alone(p)
            and 2 * len(analysis.salient[p] & theme.units) > len(theme.units)
        ]
        what = analysis.label(max(told, key=lambda p: (centrality(p), p))) if told else ""
        lone = happenings and not what and happening(theme, analysis, lone=True)
        what = analysis.label(lone) if lone else what  # never the actor's name alone, if anything is done
    if what and len(shared) * 2 >= len(theme.units) and what.lower() not in who.lower():
        who = f"{who} {what[:1].lower() + what[1:] if what[:1].isupper() and what[1:2].islower() else what}"
    return who if any(c.isupper() for c in who.split()[0]) else who[:1].upper() + who[1:]


def _phrase_name(theme: Theme, analysis: Analysis) -> str:
    def centrality(phrase: str):
        return theme_centrality(phrase, theme.units, analysis), len(phrase.split()), phrase

    own = [p for p in theme.phrases if isinstance(p, str)]
    if not own:
        return entity_label(analysis.entities[theme.phrases[0]])
    best = max(own, key=centrality)
    # a longer phrase the articles also use is the better name: "Hydroelectric dam" for "Dam"
    longer = [
        p
        for p in analysis.salient
        if inside(best, p) and p != best and centrality(p)[0] >= SPECIFIC_NAME * centrality(best)[0]
    ]
    if longer:
        best = max(longer, key=centrality)
    if not analysis.names_alone(
        best
    ):  # "Bombing": the phrase holding it that most of its articles use says which
        holding = {
            p: len(analysis.articles_of[p] & theme.units)
            for p in analysis.articles_of
            if inside(best, p) and p != best and analysis.names_alone(p)
        }
        best = max(
            (p for p, k in holding.items() if k >= 2), key=lambda p: (holding[p], centrality(p)), default=best
        )
    if not analysis.names_alone(best):  # "Firm", "Quarter": the best phrase of its articles that can name it
        told = [
            p
            for p in analysis.salient
            if isinstance(p, str)
            and analysis.names_alone(p)
            and 2 * len(analysis.salient[p] & theme.units) >= len(theme.units)
        ]
        best = max(told, key=centrality, default="")
    # several words say more than one: "Vaccine rollout" rather than "Doses", if nearly as central
    if not best:
        return ""
    longer = [p for p in own if " " in p and centrality(p)[0] >= SPECIFIC_NAME * centrality(best)[0]]
    if " " not in best and best not in analysis.names and longer:
        best = max(longer, key=centrality)
    return analysis.label(best)


def _entity_name(theme: Theme, analysis: Analysis) -> str:
    """A theme grown from an entity is named after it, with the best entity of the other kind that
    joined it: '<treaty or organisation>', '<organisation> and <country or place>'. '' for a theme
    grown from a phrase."""
    head = analysis.entities.get(theme.phrases[0])
    if head is None:
        return ""
    joined = [analysis.entities[f] for f in theme.phrases[1:] if f in analysis.entities]  # best first

    def first(types: set[str]) -> Entity | None:
        return head if head.type in types else next((e for e in joined if e.type in types), None)

    return " and ".join(
        entity_label(e) for e in (first(SUBJECT_TYPES), first(PLACE_TYPES)) if e
    ) or entity_label(head)


def entity_label(entity: Entity) -> str:
    """The entity as the articles write it most ('NATO', 'CFE Treaty'), capitalised forms only; a
    person by their name ('Steve Jobs', not 'Jobs')."""
    forms = Counter(m.text for m in entity.mentions if m.text[:1].isupper())
    if not forms or entity.type == "person":
        return entity.name
    return max(forms.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
