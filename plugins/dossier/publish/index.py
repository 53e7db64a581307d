"""All articles together: lookups, co-mentions, backlinks and timelines the pages are drawn from."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property

from ..language.timex import MONTH_NAMES
from ..model import ENTITY_TYPES, PRECISIONS, Article, Dossier, Entity, Event, Link, Mention, Relation, Role


def display_date(value: str | None) -> str:
    """A date at the precision it was given: '2008', 'June 2007', '15 June 2007'."""
    if not value:
        return "date unknown"
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTH_NAMES[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


class DossierIndex:
    """Read-only views over a Dossier, computed once; every method is linear in the dossier's size."""

    def __init__(self, dossier: Dossier):
        self.dossier = dossier
        self.articles = {a.id: a for a in dossier.articles}
        self.entities = {e.id: e for e in dossier.entities}
        self.events = {e.id: e for e in dossier.events}
        self.topics = {t.id: t for t in dossier.topics}

    @cached_property
    def newest_first(self) -> list[Article]:
        """Articles, newest first; undated ones last."""
        dated = sorted(
            (a for a in self.dossier.articles if a.date), key=lambda a: (a.date, a.id), reverse=True
        )
        return dated + sorted((a for a in self.dossier.articles if not a.date), key=lambda a: a.id)

    @cached_property
    def by_type(self) -> dict[str, list[Entity]]:
        """Entities of each type, most mentioned first."""
        groups = {t: [] for t in ENTITY_TYPES}
        for entity in sorted(self.dossier.entities, key=lambda e: (-len(e.mentions), e.name)):
            groups[entity.type].append(entity)
        return groups

    @cached_property
    def co_mentions(self) -> dict[str, Counter]:
        """For each entity, how many sentences name it together with each other entity."""
        sentences: dict[tuple[str, str], set[str]] = defaultdict(set)
        for entity in self.dossier.entities:
            for mention in entity.mentions:
                sentences[(mention.article, mention.sentence)].add(entity.id)
        counts: dict[str, Counter] = defaultdict(Counter)
        for ids in sentences.values():
            for a in ids:
                counts[a].update(b for b in ids if b != a)
        return counts

    @cached_property
    def _holders(self) -> dict[str, list[tuple[Entity, Role]]]:
        """For each body (organisation, country), the people's roles held in it."""
        result: dict[str, list[tuple[Entity, Role]]] = defaultdict(list)
        for entity in self.dossier.entities:
            for role in entity.roles:
                if role.of in self.entities:
                    result[role.of].append((entity, role))
        return result

    def people_of(self, entity: Entity) -> list[tuple[str, list[tuple[Entity, Role]]]]:
        """The people of an organisation or country by role, each role's holders in the order they held it."""
        groups: dict[str, list[tuple[Entity, Role]]] = {}
        names: dict[str, str] = {}
        for person, role in sorted(self._holders.get(entity.id, ()), key=lambda pr: _held_from(pr[1])):
            key = role.role.lower()
            names.setdefault(key, role.role)
            groups.setdefault(key, []).append((person, role))
        return [(names[key], holders) for key, holders in groups.items()]

    @cached_property
    def _relations_to(self) -> dict[str, list[tuple[Entity, Relation]]]:
        result: dict[str, list[tuple[Entity, Relation]]] = defaultdict(list)
        for entity in self.dossier.entities:
            for relation in entity.relations:
                result[relation.to].append((entity, relation))
        return result

    def relations_to(self, entity: Entity) -> list[tuple[Entity, Relation]]:
        """The relations other entities have with this one ("Poland" member of this alliance)."""
        return self._relations_to.get(entity.id, [])

    def related(self, entity_id: str, limit: int = 10) -> list[tuple[Entity, int]]:
        ranked = sorted(self.co_mentions.get(entity_id, Counter()).items(), key=lambda kv: (-kv[1], kv[0]))
        return [(self.entities[eid], n) for eid, n in ranked[:limit]]

    @cached_property
    def mentions_by_article(self) -> dict[str, Counter]:
        counts: dict[str, Counter] = defaultdict(Counter)
        for entity in self.dossier.entities:
            for mention in entity.mentions:
                counts[mention.article][entity.id] += 1
        return counts

    def article_entities(self, article_id: str) -> dict[str, list[Entity]]:
        """The entities an article names, grouped by type, most mentioned first."""
        counts = self.mentions_by_article.get(article_id, Counter())
        groups = {t: [] for t in ENTITY_TYPES}
        for eid, _ in sorted(counts.items(), key=lambda kv: (-kv[1], self.entities[kv[0]].name)):
            groups[self.entities[eid].type].append(self.entities[eid])
        return {t: group for t, group in groups.items() if group}

    def main_entities(self, article_id: str, limit: int) -> list[Entity]:
        """The entities an article is about: the most mentioned ones (ties broken by name)."""
        counts = self.mentions_by_article.get(article_id, Counter())
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], self.entities[kv[0]].name))
        return [self.entities[eid] for eid, _ in ranked[:limit]]

    def links(self, article_id: str, prefix: str) -> dict[int, list[Link]]:
        """Entity links of an article's body, by block, for render.render_article."""
        links: dict[int, list[Link]] = defaultdict(list)
        for entity, m in self._mentions_by_article.get(article_id, ()):
            links[m.block].append(Link(m.start, m.end, prefix + entity.url, entity.name))
        return links

    @cached_property
    def _mentions_by_article(self) -> dict[str, list[tuple[Entity, Mention]]]:
        result: dict[str, list[tuple[Entity, Mention]]] = defaultdict(list)
        for entity in self.dossier.entities:
            for mention in entity.mentions:
                result[mention.article].append((entity, mention))
        return result

    @cached_property
    def events_by_entity(self) -> dict[str, list[Event]]:
        result: dict[str, list[Event]] = defaultdict(list)
        for event in self.chronology:
            for eid in event.entities:
                result[eid].append(event)
        return result

    @cached_property
    def events_by_article(self) -> dict[str, list[Event]]:
        result: dict[str, list[Event]] = defaultdict(list)
        for event in self.chronology:
            for article_id in dict.fromkeys(s.article for s in event.sources):
                result[article_id].append(event)
        return result

    @cached_property
    def chronology(self) -> list[Event]:
        """Events in date order; a year-only event sorts before the months of that year."""
        return sorted(self.dossier.events, key=lambda e: (e.date, PRECISIONS.index(e.precision), e.id))

    @cached_property
    def events_by_type(self) -> dict[str, list[Event]]:
        """The chronology's events that involve an entity of each type, in date order (the filters'
        counts on every chronology page: indexed once, not scanned per page)."""
        result: dict[str, list[Event]] = {t: [] for t in ENTITY_TYPES}
        for event in self.chronology:
            for entity_type in dict.fromkeys(
                self.entities[e].type for e in event.entities if e in self.entities
            ):
                result.setdefault(entity_type, []).append(event)
        return result

    @cached_property
    def chronology_shown(self) -> list[Event]:
        """The events /chronology/ lists: all of them in a small dossier, else the main ones (each
        article's main happening, told in its headline, and every happening more than one article
        reports); every event is on its year's page, /chronology/<year>/."""
        return main_events(self.chronology, self.articles)

    @cached_property
    def chronology_by_month(self) -> list[tuple[str, list[tuple[str, list[Event]]]]]:
        return group_by_month(self.chronology_shown)

    @cached_property
    def chronology_by_year(self) -> dict[str, list[Event]]:
        """Every event, by the year of its date."""
        years: dict[str, list[Event]] = {}
        for event in self.chronology:
            years.setdefault(event.date[:4], []).append(event)
        return years

    @cached_property
    def chronology_pages(self) -> dict[str, list[ChronologyPage]]:
        """The pages of every event of each year, PAGE_EVENTS at most on each: /chronology/<year>/,
        /chronology/<year>/2/, ..."""
        pages: dict[str, list[ChronologyPage]] = {}
        for year, events in self.chronology_by_year.items():
            for number, start in enumerate(range(0, len(events), PAGE_EVENTS), 1):
                path = f"{year}/" if number == 1 else f"{year}/{number}/"
                pages.setdefault(year, []).append(
                    ChronologyPage(year, number, path, events[start : start + PAGE_EVENTS])
                )
        return pages

    @cached_property
    def chronology_paths(self) -> dict[str, str]:
        """Where each event is listed among the pages of its year (relative to the chronology)."""
        return {
            event.id: page.path
            for pages in self.chronology_pages.values()
            for page in pages
            for event in page.events
        }

    def mentions_in(self, entity: Entity) -> list[tuple[Article, list]]:
        """An entity's mentions grouped by article, newest article first."""
        groups: dict[str, list] = defaultdict(list)
        for mention in entity.mentions:
            groups[mention.article].append(mention)
        ordered = sorted(groups, key=lambda aid: (self.articles[aid].date or "", aid), reverse=True)
        return [(self.articles[aid], _unique_sentences(groups[aid])) for aid in ordered]

    @cached_property
    def date_span(self) -> tuple[str | None, str | None]:
        dates = sorted(a.date for a in self.dossier.articles if a.date)
        return (dates[0], dates[-1]) if dates else (None, None)

    @cached_property
    def topics_by_article(self) -> dict[str, list]:
        """The topics each article belongs to, in the dossier's topic order."""
        result: dict[str, list] = defaultdict(list)
        for topic in self.dossier.topics:
            for article_id in topic.articles:
                result[article_id].append(topic)
        return result

    @cached_property
    def topics_by_activity(self) -> list:
        """The stories by recent activity, for the overview: the one whose latest article is newest
        first, the larger first on the same day; stories without a dated article last."""
        ranked = sorted(self.dossier.topics, key=lambda t: (-len(t.articles), t.name))
        ranked.sort(key=lambda t: self.topic_span(t)[1] or "", reverse=True)  # stable: "" (undated) last
        return ranked

    def topic_span(self, topic) -> tuple[str | None, str | None]:
        """The first and last dates of a topic's articles."""
        dates = sorted(
            self.articles[a].date for a in topic.articles if a in self.articles and self.articles[a].date
        )
        return (dates[0], dates[-1]) if dates else (None, None)

    def topic_entities(self, topic) -> dict[str, list[Entity]]:
        """A topic's main entities grouped by type, in the topic's order (most frequent first)."""
        groups: dict[str, list[Entity]] = {}
        for entity_id in topic.entities:
            if entity_id in self.entities:
                groups.setdefault(self.entities[entity_id].type, []).append(self.entities[entity_id])
        return groups


def _held_from(role: Role) -> str:
    """When a role is first known held: its start, else its first report, else its end."""
    return role.since or (role.as_of[0] if role.as_of else "") or role.until or ""


def _unique_sentences(mentions: list) -> list:
    seen, result = set(), []
    for mention in mentions:
        if mention.sentence not in seen:
            seen.add(mention.sentence)
            result.append(mention)
    return result


ALL_EVENTS_MAX = 400  # events /chronology/ lists in full; beyond this, the main ones (see main_events)
PAGE_EVENTS = 400  # events on one page of a year: a long but readable page, whatever the dossier's size


@dataclass
class ChronologyPage:
    """One page of a year's events: /chronology/<path>."""

    year: str
    number: int
    path: str  # "2007/", "2007/2/"
    events: list[Event]


def main_events(events: list[Event], articles: dict[str, Article]) -> list[Event]:
    """The events the stage marked `main`; without any, all `events` when they are few, else each
    article's main happening (an event sourced in its headline or its lead, the first sentence of its
    text) and every happening reported by more than one article; when those are still more than a
    page, the ones most articles report in each year."""
    flagged = [e for e in events if e.main]  # weighed by the events stage (events/salience.py)
    if flagged:
        return flagged if len(flagged) <= PAGE_EVENTS else _most_reported(flagged)
    if len(events) <= ALL_EVENTS_MAX:
        return events

    def main(article: Article | None, sentence: str) -> bool:
        return article is not None and (
            sentence == article.title or bool(article.body) and (article.body[0].text.startswith(sentence))
        )

    chosen = [
        e
        for e in events
        if len({s.article for s in e.sources}) > 1
        or any(main(articles.get(s.article), s.sentence) for s in e.sources)
    ]
    return chosen if len(chosen) <= PAGE_EVENTS else _most_reported(chosen)


def _most_reported(chosen: list[Event]) -> list[Event]:
    """Still too many for one page: in each year, those the most articles report."""
    years: dict[str, list[Event]] = {}
    for event in chosen:
        years.setdefault(event.date[:4], []).append(event)
    per_year = max(1, PAGE_EVENTS // len(years))
    kept = {
        id(e)
        for group in years.values()
        for e in sorted(group, key=lambda e: -len({s.article for s in e.sources}))[:per_year]
    }
    return [e for e in chosen if id(e) in kept]


def group_by_month(events: list[Event]) -> list[tuple[str, list[tuple[str, list[Event]]]]]:
    """[(year, [(month name, or "" for year-only events, events)])], keeping the events' order."""
    years: dict[str, dict[str, list[Event]]] = {}
    for event in events:
        year, _, rest = event.date.partition("-")
        month = MONTH_NAMES[int(rest[:2]) - 1] if rest else ""
        years.setdefault(year, {}).setdefault(month, []).append(event)
    return [(year, list(months.items())) for year, months in years.items()]
