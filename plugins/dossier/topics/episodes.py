"""A story is also a stretch of time: when its actor's articles form bursts far apart, each told with
key phrases of its own, each is a story ('<company> tailings spill', '<company> takeover bid'), while
bursts told with the same key phrases stay one story spanning them (yearly launches).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..groups import Groups
from .analysis import Analysis, Theme, is_place, theme_centrality

# A story splits into episodes where the time between two of its articles is this many times the
# stretch each side covers, each side's stretch counted as at least BURST_DAYS (news of one event
# spreads over days): yearly launches of a product, a year apart each, stay one story.
SEPARATE = 3

BURST_DAYS = 7


def split_episodes(theme: Theme, analysis: Analysis, salient_of: dict[str, set[str]]) -> list[Theme]:
    """A story whose actor's articles form clearly separate episodes, each told with key phrases of its
    own, is one story per episode; bursts told with the same key phrases are one story spanning them
    (a second spill years after the first), so yearly launches stay one story.

    Its dated articles are cut into bursts (see news_bursts); bursts sharing a key phrase (a feature salient
    in two of a burst's articles or more, the actor, places and the dossier's backdrop aside) are one
    episode, and a burst with none of its own joins the largest. Each episode must be the actor's
    story in two of its articles or more; undated articles go to the episode whose key phrases they
    share most. Each episode keeps the story's features, its own key phrases first after the actor.
    Sorting the story's articles is the only cost above linear."""
    head = theme.phrases[0]
    bursts = news_bursts(sorted((analysis.days[a], a) for a in theme.units if a in analysis.days))
    if len(bursts) < 2:
        return [theme]
    keys = [_recurring(burst, salient_of, head, analysis) for burst in bursts]
    groups = Groups(len(bursts))  # bursts joined through the first burst of each key phrase
    first: dict[str, int] = {}
    for i, key in enumerate(keys):
        for phrase in sorted(key):
            groups.join(i, first.setdefault(phrase, i))
    largest = max(range(len(bursts)), key=lambda i: (len(bursts[i]), -i))
    for i, key in enumerate(keys):
        if not key:
            groups.join(i, largest)
    sides: dict[int, set[str]] = {}
    own: dict[int, set[str]] = {}
    for i, burst in enumerate(bursts):
        sides.setdefault(groups.root(i), set()).update(burst)
        own.setdefault(groups.root(i), set()).update(keys[i])
    if len(sides) < 2 or any(len(analysis.about.get(head, set()) & side) < 2 for side in sides.values()):
        return [theme]  # one episode, or the actor's story is told in one only: the others are told by others
    roots = sorted(sides, key=lambda r: min(analysis.days[a] for a in sides[r]))
    for article in sorted(theme.units - set().union(*sides.values())):
        best = max(roots, key=lambda r: (len(salient_of.get(article, set()) & own[r]), -roots.index(r)))
        sides[best].add(article)
    parts = []
    for r in roots:
        mine = sorted(own[r], key=lambda p: (-theme_centrality(p, sides[r], analysis), p))
        parts.append(
            replace(
                theme,
                phrases=[head, *mine, *(p for p in theme.phrases[1:] if p not in own[r])],
                units=sides[r],
                score=theme.score * len(sides[r]) / len(theme.units),
            )
        )
    return parts


def news_bursts(dated: list[tuple[int, str]]) -> list[set[str]]:
    """Articles (day, id), in date order, cut into bursts: at the longest gap, when it is SEPARATE times
    the stretch of each side (each counted as at least BURST_DAYS) and each side has two articles or
    more; then each side the same way. Each cut leaves sides SEPARATE times shorter in time, so there
    are at most log(days covered / BURST_DAYS) / log(SEPARATE) levels (8 for a century): linear."""
    if len(dated) < 4:
        return [{a for _, a in dated}]
    cut = max(range(2, len(dated) - 1), key=lambda i: (dated[i][0] - dated[i - 1][0], -i))
    stretch = max(dated[cut - 1][0] - dated[0][0], dated[-1][0] - dated[cut][0], BURST_DAYS)
    if dated[cut][0] - dated[cut - 1][0] < SEPARATE * stretch:
        return [{a for _, a in dated}]
    return news_bursts(dated[:cut]) + news_bursts(dated[cut:])


def _recurring(
    articles: set[str], salient_of: dict[str, set[str]], head: str, analysis: Analysis
) -> set[str]:
    """The features salient in at least two of the articles, the actor, places and the dossier's
    backdrop (features of more than MAX_SHARE of its articles) left out."""
    limit = analysis.max_share * len(analysis.items)
    seen = Counter(p for a in articles for p in salient_of.get(a, ()))
    return {
        p
        for p, k in seen.items()
        if k >= 2 and p != head and not is_place(p, analysis) and len(analysis.articles_of[p]) <= limit
    }
