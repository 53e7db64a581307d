"""One event per happening: the reports of it by several articles merged, blocked by date and participants."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from ..model import Event, Source


def merge_reports(events: list[Event], article_dates: dict[str, str]) -> list[Event]:
    """Merge the reports of one happening by several articles.

    Events of different articles are one happening when their dates agree and they share participants:
    one for a day, two for a month or a year (since "the U.S. in 1998" names many events). A report
    dated only by its article's date, or a later retelling at another precision ("in 1990" for "on
    19 November 1990"), must also tell the same action, with two of its participants when it has two
    or more (Acme introduced one thing in 2010 and another in April 2010). One article tells each
    happening once: its events are never merged with each other. Events are joined through keys, never
    compared pairwise, so a year named by thousands of reports stays linear.
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
                if article not in articles[c] and _agree(event.date, finest[c])
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
    if event.action:
        keys += (
            [("action", event.date[:4], event.action, pair) for pair in combinations(participants, 2)]
            if len(participants) > 1
            else [("action", event.date[:4], event.action, p) for p in participants]
        )
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
        status="happened" if any(e.status == "happened" for e in cluster) else "expected",
        summary=lead.summary,
        entities=sorted({i for e in cluster for i in e.entities}),
        sources=[Source(article, sentence) for article, sentence in sources],
        dated=dating.dated,
        action=lead.action,
    )
