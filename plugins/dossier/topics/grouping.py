"""Group weighed features into themes: features several articles tell seed themes, best first (a
country or place is where a story happens, never what it is about); a feature joins the theme whose
articles it shares most (Jaccard, and more often than chance would give), unless it tells a story of
its own there (most of the articles it tells are not the theme's, or their headline names it and not
the theme's first feature: a store beside the device). A theme's articles are those it tells, and
those about its first feature and another. Linear in the number of articles: a feature is compared
with at most 2 * MAX_THEMES themes, never articles pairwise.
"""

from __future__ import annotations

import math
from collections import Counter

from .analysis import (
    NEARLY_ALL,
    SUBJECT_TYPES,
    Analysis,
    EntityFeature,
    Theme,
    feature_specificity,
    inside,
    is_place,
    several_words,
)
from .episodes import split_episodes
from .naming import theme_name
from .strands import split_strands

MAX_THEMES = 15

CANDIDATES = 120  # phrases considered for themes, best first

JOIN = 0.3  # Jaccard of article sets above which a phrase joins a theme

LIFT = 1.25  # ... and they must share at least this many times what chance would give

DUPLICATE = 0.75  # overlap above which two themes are one

WEAK = 0.35  # a paragraph theme told in fewer than this share of the main one's paragraphs is an aside

# an automatic theme with this share of a curated one's articles is that theme
RELATED_SHARE = 0.5  # a phrase inside or around a theme's, in at least this share of its articles, joins it


def automatic_themes(analysis: Analysis, n: int) -> list[Theme]:
    """Group the candidate phrases into at most MAX_THEMES themes of two articles or more."""
    candidates = _candidates(analysis, n)
    themes: list[Theme] = []
    for phrase, score in candidates:
        best, best_join = None, JOIN
        for theme in themes:
            join = _join(phrase, theme, analysis, n)
            if join > best_join:
                best, best_join = theme, join
        if best is not None:
            best.phrases.append(phrase)
            best.score += score
        elif len(themes) < 2 * MAX_THEMES:
            themes.append(Theme("", [phrase], set(), score))
    for theme in themes:
        theme.units = _members(theme, analysis)
    themes = [t for t in themes if len(t.units) >= 2]
    themes.sort(key=lambda t: (-t.score, t.phrases[0]))
    kept: list[Theme] = []
    own = {id(t): set(t.units) for t in themes}  # compared before merging, so merges do not chain
    for theme in themes:
        twin = next((k for k in kept if _overlap(own[id(k)], own[id(theme)]) >= DUPLICATE), None)
        if twin is not None:
            twin.phrases += theme.phrases
            twin.units |= theme.units
        elif len(kept) < MAX_THEMES:
            kept.append(theme)
    if analysis.paragraphs:
        kept = _without_asides(kept)
    else:
        salient_of = {}
        for phrase, articles in analysis.salient.items():
            for article in articles:
                salient_of.setdefault(article, set()).add(phrase)
        kept = [episode for theme in kept for episode in split_episodes(theme, analysis, salient_of)][
            :MAX_THEMES
        ]
    for theme in kept:
        theme.name = theme_name(theme, analysis)
        theme.articles = analysis.articles(theme.units)
        if not analysis.paragraphs:  # its chronology: the events of its actors, and of its phrases
            theme.entity_ids = {
                f.entity_id for f in theme.phrases if f in analysis.entities and not is_place(f, analysis)
            }
    kept = without_near_duplicates([t for t in kept if t.name])
    if not analysis.paragraphs:  # the stories' parts are joined: a strand a story, named by its happening
        kept = [strand for theme in kept for strand in split_strands(theme, analysis)][:MAX_THEMES]
        for theme in kept:
            theme.name = theme_name(theme, analysis, happenings=True)
    return kept


def without_near_duplicates(themes: list[Theme]) -> list[Theme]:
    """A theme whose whole name is inside another's and that shares an article with it is part of that
    story: 'Trademark dispute' of 'Apple Corps trademark dispute'."""
    kept: list[Theme] = []
    for theme in sorted(themes, key=lambda t: (-len(t.name), t.name)):
        whole = next(
            (k for k in kept if inside(theme.name.lower(), k.name.lower()) and k.articles & theme.articles),
            None,
        )
        if whole is None:
            kept.append(theme)
        else:
            whole.phrases += [p for p in theme.phrases if p not in whole.phrases]
            whole.units |= theme.units
            whole.articles |= theme.articles
            whole.entity_ids |= theme.entity_ids
    return [t for t in themes if any(t is k for k in kept)]


def _join(phrase: str, theme: Theme, analysis: Analysis, n: int) -> float:
    """How well a phrase fits a theme (Jaccard of their articles); 0 if no more together than chance."""
    articles, core = analysis.salient[phrase], analysis.salient[theme.phrases[0]]
    if (
        analysis.paragraphs
        and _same_modifier(phrase, theme.phrases[0])
        and analysis.articles(articles) & analysis.articles(core)
    ):
        return 1.0  # one subject's paragraphs vary its phrase: "cholera outbreak", "cholera cases"
    shared = len(articles & core)
    if shared * n < LIFT * len(articles) * len(core) or _own_story(phrase, theme.phrases[0], analysis):
        return 0.0
    join = shared / len(articles | core)
    related = any(inside(phrase, p) or inside(p, phrase) for p in theme.phrases)
    return max(join, 1.0) if related and shared >= RELATED_SHARE * len(articles) else join


def _own_story(feature: str, head: str, analysis: Analysis) -> bool:
    """Does a feature tell a story of its own beside a theme's: more of the articles it tells are its
    own than shared with the theme's first feature, and at least two (a store several articles are
    about, beside the device whose articles name it). An article is its own when the first feature
    does not tell it, or when its headline names the feature and not the first one."""
    if analysis.paragraphs:
        return False
    told, head_told = analysis.about.get(feature, set()), analysis.about.get(head, set())
    headline = analysis.headlined.get(feature, set()) - analysis.headlined.get(head, set())
    own = len(told - head_told) + len(told & head_told & headline)
    return own >= 2 and own > len(told) - own


def _same_modifier(phrase: str, other: str) -> bool:
    """Two phrases of several words opening with the same word."""
    if isinstance(phrase, EntityFeature) or isinstance(other, EntityFeature):
        return False
    words, others = phrase.split(), other.split()
    return len(words) > 1 and len(others) > 1 and words[0] == others[0]


def _candidates(analysis: Analysis, n: int) -> list[tuple[str, float]]:
    """Phrases shared by at least two articles (and not by nearly all), best first, without the
    shorter phrases whose articles a longer one already covers."""
    limit = max(2, int(analysis.max_share * n))
    scored = {}
    for phrase, articles in analysis.salient.items():
        df = len(articles)
        if (
            2 <= df
            and len(analysis.articles_of[phrase]) <= limit
            and len(analysis.about.get(phrase, ())) >= 2
            and (analysis.paragraphs or not is_place(phrase, analysis))
        ):
            tf = sum(1 + math.log(analysis.counts[a][phrase]) for a in sorted(articles))
            scored[phrase] = tf * feature_specificity(phrase)
    redundant = set()
    for phrase in scored:
        words = phrase.split() if isinstance(phrase, str) else []
        for size in range(1, len(words)):
            for i in range(len(words) - size + 1):
                part = " ".join(words[i : i + size])
                if part in scored and len(analysis.salient[phrase]) >= NEARLY_ALL * len(
                    analysis.salient[part]
                ):
                    redundant.add(part)
    ranked = sorted(((p, s) for p, s in scored.items() if p not in redundant), key=lambda ps: (-ps[1], ps[0]))
    return ranked[:CANDIDATES]


def _without_asides(themes: list[Theme]) -> list[Theme]:
    """A small dossier's themes without its asides: a word that recurs alone ("steps") or a subject
    told in far fewer paragraphs than the main one."""
    most = max((len(t.units) for t in themes), default=0)
    return [t for t in themes if len(t.phrases) >= 2 and len(t.units) >= WEAK * most]


def _members(theme: Theme, analysis: Analysis) -> set[str]:
    """Articles that use the theme's first phrase, or two of its phrases; and paragraphs (which are
    short) that use one of its phrases of several words or name one of its treaties or organisations
    (a place is named by too many subjects to place a paragraph alone)."""
    seen = Counter()
    for phrase in theme.phrases:
        seen.update(analysis.salient[phrase])
    head = set(analysis.about[theme.phrases[0]])
    if (
        not analysis.paragraphs
    ):  # an article that tells the story, or that is about its first phrase and another
        members = head | {a for a, k in seen.items() if k >= 2 and a in analysis.salient[theme.phrases[0]]}
        for phrase in theme.phrases[1:]:  # and the articles told by a phrase whose stories are mostly these
            told = analysis.about.get(phrase, set())
            if 2 * len(told & head) > len(told):
                members |= told
        return members
    if analysis.paragraphs:
        for phrase in theme.phrases:
            entity = analysis.entities.get(phrase)
            if entity.type in SUBJECT_TYPES if entity else several_words(phrase):
                head |= analysis.salient[phrase]
    return {a for a, k in seen.items() if a in head or k >= 2}


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0
