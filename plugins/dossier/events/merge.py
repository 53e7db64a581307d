"""One event per happening: the reports of it by several articles merged, blocked by date and participants."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from ..model import Event, Source
from .actions import same_action, stem, told_stems

# A merged event's status: the most certain of its reports' (a later report tells what was expected).
STATUS_ORDER = ("happened", "ongoing", "expected")


def merge_reports(events: list[Event], article_dates: dict[str, str]) -> list[Event]:
    """Merge the reports of one happening by several articles.

    Events of different articles are one happening when their dates agree, they share participants
    (one for a day, two for a month or a year, since "the U.S. in 1998" names many events) and they
    tell the same action: the same verb, or one's action among the other's words ("filed for
    bankruptcy", "the bankruptcy filing"; actions.same_action), and no other agent (on one day a
    minister's speech and a company's filing in the same city are two happenings). A report dated only
    by its article's date, or a later retelling at another precision ("in 1990" for "on 19 November
    1990"), meets the others through its action's and its words' stems with its participants (two of
    them when it has two or more). One article tells each happening once: its events are never merged
    with each other. Events meet only through keys (a date or year, a participant, a stem), never all
    pairs, and a key keeps MERGE_CANDIDATES clusters, so the merge is a function of these blocks.
    """
    clusters: list[list[Event]] = []
    articles: list[set[str]] = []
    finest: list[str] = []
    index: dict[tuple, list[int]] = defaultdict(list)
    for event in events:
        article = event.sources[0].article if event.sources else ""
        keys = _merge_keys(event)
        joined = next(
            (
                c
                for k in keys
                for c in index.get(k, ())
                if article not in articles[c] and _agree(event.date, finest[c]) and _tells(event, clusters[c])
            ),
            None,
        )
        if joined is None:
            joined = len(clusters)
            clusters.append([])
            articles.append(set())
            finest.append(event.date)
        clusters[joined].append(event)
        articles[joined].add(article)
        if len(event.date) > len(finest[joined]):
            finest[joined] = event.date
        for k in keys:  # only the first clusters of a key are ever tried: a key keeps no more
            if len(index[k]) < MERGE_CANDIDATES and joined not in index[k]:
                index[k].append(joined)
    return [_combine(cluster, article_dates) for cluster in clusters]


def _tells(event: Event, cluster: list[Event]) -> bool:
    """Whether a report tells the happening of a cluster: the same action (or its nominalisation) as
    one of its reports, and not another agent: on one day a minister's speech and a company's filing
    in the same city are two happenings."""
    agents = {i for e in cluster for i in e.agents}
    if event.agents and agents and not agents & set(event.agents):
        return False
    return any(same_action(event, other) for other in cluster)


MERGE_CANDIDATES = 50  # clusters tried per key: enough for real overlaps, bounded for huge dossiers


def _merge_keys(event: Event) -> list[tuple]:
    participants = sorted(set(event.entities))
    keys: list[tuple] = []
    if event.dated == "stated":
        keys += (
            [("date", event.date, p) for p in participants]
            if event.precision == "day"
            else [("date", event.date, pair) for pair in combinations(participants, 2)]
        )
    # the action's stem and the stems of the words telling it ("filed" meets "the bankruptcy filing")
    words = sorted({stem(event.action)} | told_stems(event)) if event.action else []
    groups = list(combinations(participants, 2)) if len(participants) > 1 else participants
    keys += [("action", event.date[:4], word, group) for word in words for group in groups]
    return keys


def _agree(date: str, other: str) -> bool:
    """The same date, or one at a coarser precision that holds the other."""
    return date.startswith(other) or other.startswith(date)


def _combine(cluster: list[Event], article_dates: dict[str, str]) -> Event:
    """One event from several reports: the earliest report's words, every source and participant.

    It happened if any report says so: a later article reports what an earlier one expected.
    """

    def first_report(event: Event):
        return min((article_dates.get(s.article, ""), s.article) for s in event.sources)

    ordered = sorted(cluster, key=first_report)  # stable: within one article, the first sentence leads
    lead = ordered[0]
    dating = max(ordered, key=lambda e: (len(e.date), e.dated == "stated"))  # the finest date told
    sources = list(dict.fromkeys((s.article, s.sentence) for e in ordered for s in e.sources))
    return Event(
        id=lead.id,
        date=dating.date,
        precision=dating.precision,
        status=min((e.status for e in cluster), key=STATUS_ORDER.index),
        summary=lead.summary,
        entities=sorted({i for e in cluster for i in e.entities}),
        sources=[Source(article, sentence) for article, sentence in sources],
        dated=dating.dated,
        action=lead.action,
        agents=sorted({i for e in cluster for i in e.agents}),
        patients=sorted({i for e in cluster for i in e.patients}),
    )
