"""What themes are grouped from: an article's (or paragraph's) features, weighed, and the themes.

A feature is a key phrase (a str, see `phrases`) or an `EntityFeature`; `Analysis` holds every unit's
features with their weights, which units are about each, and how the dossier writes each phrase.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import total_ordering

from ..model import Entity, Event
from ..slugs import bounded_slug
from . import phrases as ph

MAX_SHARE = 0.75  # a phrase used by more of the articles than this is the whole dossier, not a theme

NEARLY_ALL = 0.8  # a part of a phrase salient in this share of the phrase's articles adds nothing to it;

SUBJECT_TYPES = {"treaty", "organisation", "event"}

PLACE_TYPES = {"country", "place"}


@total_ordering
@dataclass(frozen=True)
class EntityFeature:
    """An entity an article or paragraph names, as a feature beside its key phrases (which are str)."""

    entity_id: str

    def __lt__(
        self, other: object
    ) -> bool:  # before every phrase: features mixed in a sort sort the same each run
        if isinstance(other, EntityFeature):
            return self.entity_id < other.entity_id
        return isinstance(other, str)


Feature = str | EntityFeature  # a key phrase or an entity

# An entity counts as one word rarer than everyday English (see phrases.specificity).
ENTITY_SPECIFICITY = min(1.0, max(0.0, (ph.COMMONEST_ZIPF - ph.RARE_ZIPF) / ph.RARITY_SPAN))


@dataclass(frozen=True, order=True)
class Paragraph:
    """A kept paragraph of an article: the unit a small dossier is grouped by."""

    article: str
    block: int  # index into Article.body


Unit = str | Paragraph  # what themes group: article ids, or a small dossier's paragraphs


@dataclass
class ParagraphPhrases(ph.ArticlePhrases):
    """A paragraph's phrases, grouped as an article's are: `article` is the Paragraph."""

    article: Paragraph


@dataclass
class Theme:
    name: str
    phrases: list[Feature]
    articles: set[str]
    score: float = 0.0
    curated: bool = False
    description: str = ""
    entity_ids: set[str] = field(default_factory=set)  # a curated theme's entities
    original: str = ""  # the name's key before any renaming
    units: set[Unit] = field(default_factory=set)  # what it was grouped from: articles or paragraphs

    @property
    def slug(self) -> str:
        return bounded_slug(self.name, "topic")


@dataclass
class Analysis:
    """Phrases of every article with their weights, shared by key phrases and themes."""

    items: list[ph.ArticlePhrases] = field(default_factory=list)
    weights: dict[str, dict[str, float]] = field(default_factory=dict)  # article -> phrase -> weight
    articles_of: dict[str, set[str]] = field(default_factory=dict)  # phrase -> articles
    counts: dict[str, Counter] = field(default_factory=dict)  # article -> phrase -> occurrences
    salient: dict[str, set[str]] = field(default_factory=dict)  # phrase -> articles that are about it
    about: dict[str, set[str]] = field(default_factory=dict)  # phrase -> articles whose story it tells
    headlined: dict[str, set[str]] = field(default_factory=dict)  # phrase -> articles whose headline names it
    days: dict[str, int] = field(default_factory=dict)  # article -> its date as a day number (dated ones)
    max_share: float = MAX_SHARE
    paragraphs: bool = False  # are the units paragraphs (a small dossier) rather than articles
    entities: dict[EntityFeature, Entity] = field(default_factory=dict)
    named: dict[tuple[Unit, str], set[EntityFeature]] = field(
        default_factory=dict
    )  # (unit, sentence) -> entities
    unit_texts: dict[Paragraph, str] = field(default_factory=dict)
    forms: dict[str, Counter] = field(default_factory=dict)  # phrase -> its spellings in the dossier
    names: set[str] = field(default_factory=set)  # phrases that are names
    verbs: set[str] = field(default_factory=set)  # lemmas the articles use as verbs
    events_of: dict[str, list[Event]] = field(default_factory=dict)  # article -> the events it tells
    _sentences: dict[tuple[str, str], frozenset[str]] | None = None
    _lower: set[str] | None = None  # words the dossier writes in lower case
    _by_unit: dict[Unit, ph.ArticlePhrases] | None = None

    @staticmethod
    def article(unit: Unit) -> str:
        """The article holding a unit (itself when the units are articles)."""
        return unit.article if isinstance(unit, Paragraph) else unit

    def articles(self, units: set[Unit]) -> set[str]:
        return {self.article(u) for u in units}

    def item_of(self, unit: Unit) -> ph.ArticlePhrases | None:
        """A unit's phrases, found without a walk over every unit."""
        if self._by_unit is None:
            self._by_unit = {item.article: item for item in self.items}
        return self._by_unit.get(unit)

    def phrases_in(self, article: str, sentence: str) -> frozenset[str]:
        """The phrases of one sentence of an article (as the article's own pass found them)."""
        if self._sentences is None:
            self._sentences = {
                (self.article(item.article), s.text): frozenset(s.phrases)
                for item in self.items
                for s in item.sentences
            }
        return self._sentences.get((article, sentence), frozenset())

    def form(self, phrase: str) -> str:
        """A phrase as the articles write it most: names in their own spelling ("iPhone")."""
        forms = self.forms.get(phrase)
        return max(forms.items(), key=lambda kv: (kv[1], kv[0]))[0] if forms else phrase

    def label(self, phrase: str) -> str:
        """A phrase as a theme's name: 'Missile defense', 'iPhone'."""
        form = self.form(phrase)
        return form if phrase in self.names else form[:1].upper() + form[1:]

    def everyday(self, name: str) -> bool:
        """A name of one everyday word that the dossier also writes in lower case ("Computer", "Airline"),
        unlike a distinctive spelling ("iPhone", "NATO") or a name never written as a word ("Ford")."""
        word = name.strip()
        if " " in word or not word[:1].isupper() or not word[1:].islower():
            return False
        word = word.lower()
        if self._lower is None:
            self._lower = {
                w
                for phrase, forms in self.forms.items()
                if phrase not in self.names
                for form in [phrase, *forms]
                for w in form.split()
            }
        return any(ph.common(w) and w in self._lower for w in (word, word.rstrip("s")))

    def names_alone(self, phrase: str) -> bool:
        """Can a phrase name a theme alone: a name, several words, or a word rarer than everyday English."""
        if phrase in self.names:
            return not self.everyday(self.form(phrase))
        return " " in phrase or not ph.common(phrase)


def feature_specificity(feature: Feature) -> float:
    return ENTITY_SPECIFICITY if isinstance(feature, EntityFeature) else ph.specificity(feature)


def several_words(feature: Feature) -> bool:
    """A phrase of several words (an entity is none)."""
    return isinstance(feature, str) and " " in feature


def inside(small: Feature, big: Feature) -> bool:
    """A phrase written inside another (an entity is inside no phrase, and holds none)."""
    return isinstance(small, str) and isinstance(big, str) and f" {small} " in f" {big} "


def is_place(feature: str, analysis: Analysis) -> bool:
    """A country or place: where a story happens, not what it is about."""
    entity = analysis.entities.get(feature)
    return entity is not None and entity.type in PLACE_TYPES


def theme_centrality(phrase: str, articles: set[str], analysis: Analysis) -> float:
    """How much the theme's articles are about a phrase: in how many it is salient, how often they
    use it, and how specific it is."""
    about = analysis.salient.get(phrase, set()) & articles
    uses = sum(1 + math.log(analysis.counts[a][phrase]) for a in sorted(about))
    return uses / max(1, len(articles)) * feature_specificity(phrase)


def phrase_pattern(phrases: list[str], ignore_case: bool = True) -> re.Pattern | None:
    """Any of the phrases, as whole words, in any case (or as written)."""
    texts = sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    if not texts:
        return None
    return re.compile(
        "|".join(rf"(?<!\w){re.escape(p)}(?!\w)" for p in texts), re.IGNORECASE if ignore_case else 0
    )
