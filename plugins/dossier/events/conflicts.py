"""Conflicting reports: one happening that articles tell with different dates or different figures.

A pass over the events once the reports of one date are merged (events.merge_reports) and before the
registry's corrections. Two events are one happening told differently when
- they come from different articles (no article stands in two versions), have the same status, and
  name the same participants: the same people when both name people (the countries and bodies a
  sentence names beside them are often its context: "citing NATO's refusal"), else every participant of the
  one naming fewer is named by
  the other; there is at least one;
- they tell the same action: the same lemma (Event.action), or one's action word, inflected, in the
  other's sentences ("suspend" in "the decree suspending the treaty"), or one announces what the
  other tells;
- their dates, both to the day, are at most WINDOW_DAYS apart.
They become one event with a `date` conflict listing each date and its sources, dated by the version
a text states (not only its article's date), then by the one with more sources, then the earlier
report. Within one event, articles that give different figures for the same thing ("30,000 jobs",
"25,000 to 30,000 jobs") make a `figure` conflict.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from functools import lru_cache

from .. import lexicon
from ..groups import Groups
from ..language.timex import MONTHS
from ..model import Conflict, Event, Source, Version

WINDOW_DAYS = 3  # "within a few days": a report a day or two off, not a happening repeated a week later
STEM_MIN = 4  # an action word shorter than this is not looked for inside other words
# people speak every day: a statement is not one happening that two dates could contradict
SPEECH = lexicon.lemmas("speech_verbs", "reporting")
# an announcement reports a happening: what it announces is the other report's action ("announced the
# moratorium" and "signed the decree suspending the treaty" tell one happening)
ANNOUNCING = lexicon.words("publishing_verbs")
FIGURE = re.compile(
    r"(?<![\w.,])(?P<figure>(?:[$€£]\s?)?\d[\d,.]*(?:\s?(?:%|percent|per cent))?"
    r"(?:\s*(?:to|-|–|or|and)\s*(?:[$€£]\s?)?\d[\d,.]*)?(?:\s(?:million|billion|thousand|trillion))?)"
    r"\s+(?P<unit>[a-z]{3,})"
)  # a lower-case noun: "13 Putin", "13 July" count nothing
YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
NOT_UNITS = (
    lexicon.words("function_words") | lexicon.forms("speech_verbs") | frozenset(("per", "while", *MONTHS))
)


def find_conflicts(
    events: list[Event], article_dates: dict[str, str], people: frozenset[str] | set[str] = frozenset()
) -> list[Event]:
    """The events with every happening told with different dates merged into one, and each event's
    figure conflicts noted. Events with no such reports are returned as they are. `people` are the
    ids of the entities that are persons."""
    merged = [
        _merge(group, article_dates) if len(group) > 1 else group[0]
        for group in _same_happenings(events, people)
    ]
    for event in merged:
        figures = figure_conflict(event)
        if figures:
            event.conflicts.append(figures)
    return merged


def _same_happenings(events: list[Event], people) -> list[list[Event]]:
    """Groups of events that are one happening (single linkage), in first-seen order; no article
    is in two events of a group.

    Never compared pairwise: every event is indexed by date under each of its people (or, naming
    none, each of its participants), and looks up only the events of its status within WINDOW_DAYS
    under the rarest of its own: the other report of the same happening names that one too."""
    groups = Groups(len(events))
    articles = [{s.article for s in e.sources} for e in events]  # of each group, at its root
    days = {
        i: _day(e.date).toordinal()
        for i, e in enumerate(events)
        if e.precision == "day" and e.action and e.action not in SPEECH and e.entities
    }
    named = {i: frozenset(events[i].entities) & people for i in days}
    every = {i: frozenset(events[i].entities) for i in days}
    index: dict[tuple, list[int]] = defaultdict(list)
    for i in days:
        event = events[i]
        for key in named[i] or event.entities:
            index["people" if named[i] else "others", event.status, key].append(i)
        for key in event.entities if named[i] else ():  # for the reports that name nobody
            index["all", event.status, key].append(i)
    for bucket in index.values():
        bucket.sort(key=lambda i: days[i])
    for i in days:
        event = events[i]
        for kind in ("people",) if named[i] else ("others", "all"):
            rarest = min(
                named[i] or event.entities, key=lambda k: (len(index.get((kind, event.status, k), ())), k)
            )
            bucket = index.get((kind, event.status, rarest), [])
            low = bisect_left(bucket, days[i] - WINDOW_DAYS, key=lambda j: days[j])
            high = bisect_right(bucket, days[i] + WINDOW_DAYS, key=lambda j: days[j])
            for j in bucket[low:high]:
                a, b = groups.root(i), groups.root(j)
                # one article in two versions would contradict itself: it tells two happenings
                if days[j] == days[i] or a == b or articles[a] & articles[b]:
                    continue
                ours, theirs = (named[i], named[j]) if named[i] and named[j] else (every[i], every[j])
                if (ours <= theirs or theirs <= ours) and _same_action(event, events[j]):
                    articles[groups.join(a, b)] |= articles[max(a, b)]
    happenings = defaultdict(list)
    for i, event in enumerate(events):
        happenings[groups.root(i)].append(event)
    return list(happenings.values())


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _same_action(one: Event, other: Event) -> bool:
    return (
        one.action == other.action
        or _tells(other, one.action)
        or _tells(one, other.action)
        or bool({one.action, other.action} & ANNOUNCING)
    )


def _tells(event: Event, action: str) -> bool:
    """The action's word, inflected or not, in one of the event's sentences."""
    pattern = _action_pattern(action)
    return pattern is not None and any(pattern.search(s.sentence) for s in event.sources)


@lru_cache(maxsize=4096)
def _action_pattern(action: str) -> re.Pattern | None:
    stem = action[:-1] if action.endswith("e") and len(action) > STEM_MIN else action
    return re.compile(rf"\b{re.escape(stem)}\w*", re.IGNORECASE) if len(stem) >= STEM_MIN else None


def _merge(group: list[Event], article_dates: dict[str, str]) -> Event:
    """One event of several dated versions: the leading version's date and words, every source."""
    versions: dict[str, list[Event]] = defaultdict(list)
    for event in group:
        versions[event.date].append(event)

    def strength(date: str):
        articles = {s.article for e in versions[date] for s in e.sources}
        first = min(article_dates.get(a, "") or "9999" for a in articles)
        reported = all(e.dated == "reported" for e in versions[date])  # an article's date says when it told
        return reported, -len(articles), first, date

    order = sorted(versions, key=strength)
    lead = min(versions[order[0]], key=lambda e: (-len(e.sources), e.summary))
    sources = list(
        dict.fromkeys((s.article, s.sentence) for d in order for e in versions[d] for s in e.sources)
    )
    conflict = Conflict(
        "date",
        [Version(d, [Source(s.article, s.sentence) for e in versions[d] for s in e.sources]) for d in order],
    )
    return Event(
        id=lead.id,
        date=lead.date,
        precision=lead.precision,
        status=lead.status,
        summary=lead.summary,
        entities=sorted({i for e in group for i in e.entities}),
        sources=[Source(article, sentence) for article, sentence in sources],
        merged=sorted({m for e in group for m in e.merged}),
        dated=lead.dated,
        action=lead.action,
        conflicts=[conflict] + [c for e in group for c in e.conflicts],
    )


def figures(sentence: str) -> dict[str, str]:
    """The figures a sentence gives, by the thing counted: {"job": "30,000 jobs"}."""
    found: dict[str, str] = {}
    for match in FIGURE.finditer(sentence):
        figure, unit = match["figure"], match["unit"]
        if YEAR.match(figure) or unit in NOT_UNITS:
            continue
        found.setdefault(unit.removesuffix("s"), f"{figure} {unit}")
    return found


def figure_conflict(event: Event) -> Conflict | None:
    """Articles of one event giving different figures for the same thing, each article one figure."""
    given: dict[str, dict[str, dict[str, list[Source]]]] = defaultdict(lambda: defaultdict(dict))
    for source in event.sources:  # unit -> article -> figure -> its sentences
        for unit, value in figures(source.sentence).items():
            given[unit][source.article].setdefault(value, []).append(source)
    for unit in sorted(given):
        versions: dict[str, list[Source]] = {}
        for by_value in given[unit].values():
            if len(by_value) == 1:  # an article giving two figures of one thing tells no single version
                [(value, sources)] = by_value.items()
                versions.setdefault(value, []).extend(sources)
        if len(versions) > 1:
            ranked = sorted(versions.items(), key=lambda kv: -len({s.article for s in kv[1]}))
            return Conflict("figure", [Version(value, sources) for value, sources in ranked])
    return None
