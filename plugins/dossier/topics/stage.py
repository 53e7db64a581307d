"""The themes stage: group the dossier's articles into the stories an analyst would name.

An article's features are its key phrases (see `phrases`: noun phrases of the parse, in word
families) and its actors (the entities it names); each is weighted by how often the article uses it,
how few other articles do (tf-idf), how far it is from everyday English, and more when the headline
names it. An article tells the story of what its headline names and of its ABOUT best features; it
is "about" its SALIENT best shared ones. Features several articles tell seed stories, best first
(a country or place is where a story happens, never what it is about); a feature joins the story
whose articles it shares most (Jaccard, and more often than chance would give), unless it tells a
story of its own there (most of the articles it tells are not the story's, or their headline names it
and not the story's first feature: a store beside the device). A product named after another product
is of its line and counts as a mention of it too ('VelaBook Pro' of the 'Vela'). A story is also a
stretch of time: when its actor's articles form bursts far apart, each told with key phrases of its
own, each is a story ('<company> tailings spill', '<company> takeover bid'), while bursts told with
the same key phrases stay one story spanning them (yearly launches). A story's articles
are those it tells, and those about its first feature and another. It is named after its actor and
what happens to it when both are central ("Medicines agency blood clots"), else after the one that
is, names in their own spelling; a word of everyday English never names a story alone. It is
described by its most central sentences, each with its source; its chronology holds its actors'
events and those told with its phrases. Each step is linear in the number of articles (a feature is
compared with at most 2 * MAX_THEMES stories, never articles pairwise).

A dossier of fewer than SMALL articles is grouped by paragraph instead: two articles share too few
phrases to tell themes apart, but their paragraphs do, so one article can hold several themes. A
paragraph's features are then its phrases and the treaties, organisations, countries and places it
names; a theme grown from such an entity is named after it and the best entity of the other kind
that joined it ("NATO and Afghanistan"), and a theme's articles are those holding its paragraphs.

Curated themes (`topics:` in content/dossier.yaml) select the articles that contain one of
their phrases or name one of their entities; they win over automatic ones. `rename_topics` renames
(two themes renamed alike are merged) and `hide_topics` hides, by name or slug.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from functools import total_ordering

from slugify import slugify

from ..groups import Groups
from ..language import nlp
from ..model import Dossier, Entity, Problem, Source, Topic, TopicsFound
from ..registry import Registry, TopicRule
from ..slugs import bounded_slug
from . import phrases as ph

MAX_THEMES = 15
KEY_PHRASES = 8  # per article, for `dossier inspect`
CANDIDATES = 120  # phrases considered for themes, best first
SALIENT = 12  # an article is about the phrases among its best this many (shared ones only)
MAX_SHARE = 0.75  # a phrase used by more of the articles than this is the whole dossier, not a theme
JOIN = 0.3  # Jaccard of article sets above which a phrase joins a theme
LIFT = 1.25  # ... and they must share at least this many times what chance would give
DUPLICATE = 0.75  # overlap above which two themes are one
ONCE = 0.5  # a phrase of several words written once in the whole dossier is likely a chance run
MAIN_ENTITIES = 12
DESCRIPTION_SENTENCES = 2
SPECIFIC_NAME = 0.6  # a longer phrase names a theme if it is this central
# A dossier of fewer articles than this is grouped by paragraph: two articles share too few phrases
# to tell themes apart, but each article's paragraphs tell its several subjects.
SMALL = 6  # three themes of two articles each need six articles
PARAGRAPH_SHARE = 0.4  # a feature of more of the paragraphs than this is the dossier's backdrop
FEATURE_TYPES = {"treaty", "organisation", "event", "country", "place"}  # what a theme can be about
SUBJECT_TYPES = {"treaty", "organisation", "event"}
PLACE_TYPES = {"country", "place"}
HEADLINE = 2  # a phrase or actor in the headline counts as this many more uses
ABOUT = 3  # an article tells the story of what its headline names and of this many of its best phrases
WEAK = 0.35  # a paragraph theme told in fewer than this share of the main one's paragraphs is an aside
# A story splits into episodes where the time between two of its articles is this many times the
# stretch each side covers, each side's stretch counted as at least BURST_DAYS (news of one event
# spreads over days): yearly launches of a product, a year apart each, stay one story.
SEPARATE = 3
BURST_DAYS = 7
NEARLY_ALL = 0.8  # a part of a phrase salient in this share of the phrase's articles adds nothing to it;
# an automatic theme with this share of a curated one's articles is that theme
RELATED_SHARE = 0.5  # a phrase inside or around a theme's, in at least this share of its articles, joins it
DESCRIPTION_WORDS = (6, 45)  # a sentence shorter is a fragment, longer a run-on paste: neither describes


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
class _ParagraphPhrases(ph.ArticlePhrases):
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
    _sentences: dict[tuple[str, str], frozenset[str]] | None = None
    _lower: set[str] | None = None  # words the dossier writes in lower case

    @staticmethod
    def article(unit: Unit) -> str:
        """The article holding a unit (itself when the units are articles)."""
        return unit.article if isinstance(unit, Paragraph) else unit

    def articles(self, units: set[Unit]) -> set[str]:
        return {self.article(u) for u in units}

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


def find_topics(
    dossier: Dossier, registry: Registry, phrases: dict[str, ph.ArticlePhrases | None] | None = None
) -> list[Topic]:
    """The topics alone (see find_themes)."""
    return find_themes(dossier, registry, phrases).topics


def find_themes(
    dossier: Dossier, registry: Registry, phrases: dict[str, ph.ArticlePhrases | None] | None = None
) -> TopicsFound:
    """The dossier's themes, curated first, then automatic ones by size; sorted and deterministic; with
    each article's key phrases and the registry's problems. The dossier is read, not changed.

    `phrases` are the articles' candidate phrases when the per-seed cache has them."""
    analysis = analyse(dossier, phrases or {})
    article_phrases = key_phrases(analysis)
    grouping = paragraph_analysis(dossier, analysis) if len(dossier.articles) < SMALL else analysis
    themes = automatic_themes(grouping, len(grouping.items))
    curated = [curated_theme(rule, dossier, analysis) for rule in registry.topics]
    found = {_key(t.name) for t in themes + curated}
    themes = _merge_same_slug(_rename(themes, registry.rename_topics))
    curated = _merge_same_slug(_rename(curated, registry.rename_topics))
    themes = curated + sorted(
        (t for t in themes if not _covered(t, curated)), key=lambda t: (-len(t.articles), t.name)
    )
    found |= {_key(t.name) for t in themes}
    hidden = {_key(name) for name in registry.hide_topics}
    themes = [t for t in themes if not hidden & {_key(t.name), t.original}]
    return TopicsFound(
        [_topic(t, dossier, analysis, grouping) for t in themes if t.articles],
        article_phrases,
        _registry_problems(registry, found),
    )


def _registry_problems(registry: Registry, found: set[str]) -> list[Problem]:
    """Names in rename_topics and hide_topics that no theme has (themes change as seeds come)."""
    messages = [
        f"{registry.where(f'rename_topics.{old}')}: no topic named '{old}'"
        for old in registry.rename_topics
        if _key(old) not in found
    ]
    messages += [
        f"{registry.where(f'hide_topics[{i}]')}: no topic named '{name}'"
        for i, name in enumerate(registry.hide_topics)
        if _key(name) not in found
    ]
    return [Problem(registry.path, message) for message in messages]


def analyse(dossier: Dossier, phrases: dict[str, ph.ArticlePhrases | None]) -> Analysis:
    """The articles' phrases (parsed here when the per-seed stage did not give them) and actors, weighed.

    An article's actors are the entities it names, as often as it names them; what its headline
    names, phrase or actor, counts HEADLINE times more: the headline says what the story is. A phrase
    of the headline its body never writes is left out: a headline in capitals or Title Case makes a
    name of any run of words ('Harbour Board Presses For ...')."""
    items = [phrases.get(a.id) or ph.article_phrases(a, nlp.parse(a)) for a in dossier.articles]
    counts = {item.article: item.counts for item in items}
    headlines = {item.article: {p for p in item.title if p in counts[item.article]} for item in items}
    for article, told in headlines.items():
        for phrase in told:
            counts[article][phrase] += HEADLINE
    titles = {a.id: a.title or "" for a in dossier.articles}
    actors, named = {}, {}
    lines = product_lines(dossier.entities)
    for entity in dossier.entities:
        features = [EntityFeature(entity.id)] + [EntityFeature(e.id) for e in lines.get(entity.id, [])]
        for mention in entity.mentions:
            if mention.article in counts:
                for feature in features:
                    counts[mention.article][feature] += 1
                named.setdefault((mention.article, mention.sentence), set()).add(features[0])
        actors[features[0]] = entity
        pattern = _phrase_pattern([entity.name, *entity.aliases], ignore_case=False)
        for article in {m.article for m in entity.mentions if m.article in counts}:
            if pattern and pattern.search(titles[article]):
                for feature in features:
                    counts[article][feature] += HEADLINE
                    headlines[article].add(feature)
    analysis = _weigh(items, _entity_phrases(dossier), counts=counts, headlines=headlines)
    analysis.entities, analysis.named = actors, named
    for article, features in headlines.items():
        for feature in features:
            analysis.headlined.setdefault(feature, set()).add(article)
    analysis.days = {a.id: day for a in dossier.articles if (day := _day(a.date)) is not None}
    return analysis


def _day(text: str | None) -> int | None:
    try:
        return date.fromisoformat((text or "")[:10]).toordinal()
    except ValueError:
        return None


def product_lines(entities: list[Entity]) -> dict[str, list[Entity]]:
    """Products named after another product are of its line ('Vela Air', 'VelaBook Pro' and 'Vela OS 3'
    of the 'Vela'; a product's name continues another's after a space, or with a capital as in
    'VelaBook'): entity id -> the products whose line it is of, shortest name first. Each name is cut
    at its words and inner capitals only, so this is linear in the number of products."""
    products = {e.name: e for e in entities if e.type == "product"}
    lines = {}
    for entity in products.values():
        cuts = [m.start() for m in re.finditer(r"(?<=\S) (?=\S)|(?<=[a-z])(?=[A-Z])", entity.name)]
        heads = [products[entity.name[:cut]] for cut in cuts if entity.name[:cut] in products]
        if heads:
            lines[entity.id] = heads
    return lines


def paragraph_analysis(dossier: Dossier, analysis: Analysis) -> Analysis:
    """Each kept paragraph a unit with its phrases and the entities it names."""
    texts = {
        Paragraph(a.id, i): block.text
        for a in dossier.articles
        for i, block in enumerate(a.body)
        if block.kind != "heading"
    }
    items = {unit: _ParagraphPhrases(unit) for unit in texts}
    for item in analysis.items:
        for sentence in item.sentences:
            unit = items.get(Paragraph(item.article, sentence.block))
            if unit is not None:
                unit.sentences.append(sentence)
                unit.forms, unit.names = item.forms, item.names
    items = list(items.values())
    by_unit = {item.article: item for item in items}
    counts = {item.article: item.counts for item in items}
    features, named = {}, {}
    for entity in dossier.entities:
        if entity.type not in FEATURE_TYPES:
            continue  # people speak about themes; a theme is not named after who speaks
        for mention in entity.mentions:
            item = by_unit.get(Paragraph(mention.article, mention.block))
            if item is not None:
                feature = EntityFeature(entity.id)
                counts[item.article][feature] += 1
                features[feature] = entity
                named.setdefault((item.article, mention.sentence), set()).add(feature)
    analysis = _weigh(items, _entity_phrases(dossier), PARAGRAPH_SHARE, counts)
    analysis.entities, analysis.named, analysis.unit_texts, analysis.paragraphs = features, named, texts, True
    return analysis


def _weigh(
    items: list[ph.ArticlePhrases],
    excluded: set[str],
    max_share: float = MAX_SHARE,
    counts: dict[str, Counter] | None = None,
    headlines: dict[str, set[str]] | None = None,
) -> Analysis:
    """Weights and salient phrases of items (articles or paragraphs), entity names left out.

    With `headlines` (articles' headline phrases and actors), an article tells the story of what its
    headline names and of its ABOUT best phrases; without, of its salient ones."""
    counts = counts or {item.article: item.counts for item in items}
    kept: dict[str, bool] = {}  # by phrase: asked once of `excluded`, not once per article
    for item in items:
        for phrase in counts[item.article].keys() - kept.keys():
            kept[phrase] = isinstance(phrase, EntityFeature) or phrase not in excluded
        counts[item.article] = Counter({p: n for p, n in counts[item.article].items() if kept[p]})
    analysis = Analysis(items, counts=counts, max_share=max_share)
    for item in items:
        for phrase, forms in item.forms.items():
            analysis.forms.setdefault(phrase, Counter()).update(forms)
        analysis.names |= item.names
        for phrase in counts[item.article]:
            analysis.articles_of.setdefault(phrase, set()).add(item.article)
    n = len(items)
    specificity = {phrase: _specificity(phrase) for phrase in analysis.articles_of}
    for item in items:
        analysis.weights[item.article] = {
            p: (1 + math.log(tf))
            * ph.idf(len(analysis.articles_of[p]), n)
            * specificity[p]
            * (ONCE if tf == 1 and _several_words(p) and len(analysis.articles_of[p]) == 1 else 1.0)
            for p, tf in counts[item.article].items()
        }
    for item in items:
        shared = [
            (p, (1 + math.log(tf)) * math.sqrt(ph.idf(len(analysis.articles_of[p]), n)) * specificity[p])
            for p, tf in counts[item.article].items()
            if len(analysis.articles_of[p]) >= 2
        ]
        ranked = [phrase for phrase, _ in sorted(shared, key=lambda pw: (-pw[1], pw[0]))]
        for phrase in ranked[:SALIENT]:
            analysis.salient.setdefault(phrase, set()).add(item.article)
        if headlines is not None:
            told = headlines[item.article].intersection(ranked) | set(ranked[:ABOUT])
            for phrase in told:
                analysis.about.setdefault(phrase, set()).add(item.article)
                analysis.salient.setdefault(phrase, set()).add(item.article)
    if headlines is None:
        analysis.about = analysis.salient
    return analysis


def _specificity(feature: Feature) -> float:
    return ENTITY_SPECIFICITY if isinstance(feature, EntityFeature) else ph.specificity(feature)


def _several_words(feature: Feature) -> bool:
    """A phrase of several words (an entity is none)."""
    return isinstance(feature, str) and " " in feature


class _Covered(set):
    """Names, aliases and titles the entity stage already covers, lower-cased; a name ending with one
    of them ("Apple CEO Steve Jobs") is covered too."""

    def __contains__(self, phrase: object) -> bool:
        words = _plain(str(phrase)).split()
        return any(set.__contains__(self, " ".join(words[i:])) for i in range(len(words)))


def _plain(name: str) -> str:
    """A name without its punctuation: 'Apple Inc.' is 'Apple Inc'."""
    return re.sub(r"[^\w\s]", "", name.lower()).strip()


def _entity_phrases(dossier: Dossier) -> set[str]:
    """Names, aliases and titles the entity stage already covers (see _Covered)."""
    names = _Covered()
    for entity in dossier.entities:
        for name in [entity.name, *entity.aliases, *entity.titles]:
            name = _plain(re.sub(r"^the\s+", "", name.lower()))
            if name:
                names.add(name)
    return names


def key_phrases(analysis: Analysis, limit: int = KEY_PHRASES) -> dict[str, list[str]]:
    """Each article's best phrases, a phrase inside a better one left out (its entities, features of the
    themes too, are the article's "entities" in dossier.json, not phrases)."""
    result = {}
    for article, weights in analysis.weights.items():
        chosen: list[str] = []
        for phrase, _ in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0])):
            if isinstance(phrase, EntityFeature) or any(
                _inside(phrase, other) or _inside(other, phrase) for other in chosen
            ):
                continue
            chosen.append(phrase)
            if len(chosen) == limit:
                break
        result[article] = [analysis.form(phrase) for phrase in chosen]
    return result


def _inside(small: Feature, big: Feature) -> bool:
    """A phrase written inside another (an entity is inside no phrase, and holds none)."""
    return isinstance(small, str) and isinstance(big, str) and f" {small} " in f" {big} "


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
        kept = [episode for theme in kept for episode in _episodes(theme, analysis, salient_of)][:MAX_THEMES]
    for theme in kept:
        theme.name = _name(theme, analysis)
        theme.articles = analysis.articles(theme.units)
        if not analysis.paragraphs:  # its chronology: the events of its actors, and of its phrases
            theme.entity_ids = {
                f.entity_id for f in theme.phrases if f in analysis.entities and not _where(f, analysis)
            }
    return _without_near_duplicates([t for t in kept if t.name])


def _episodes(theme: Theme, analysis: Analysis, salient_of: dict[str, set[str]]) -> list[Theme]:
    """A story whose actor's articles form clearly separate episodes, each told with key phrases of its
    own, is one story per episode; bursts told with the same key phrases are one story spanning them
    (a second spill years after the first), so yearly launches stay one story.

    Its dated articles are cut into bursts (see _bursts); bursts sharing a key phrase (a feature salient
    in two of a burst's articles or more, the actor, places and the dossier's backdrop aside) are one
    episode, and a burst with none of its own joins the largest. Each episode must be the actor's
    story in two of its articles or more; undated articles go to the episode whose key phrases they
    share most. Each episode keeps the story's features, its own key phrases first after the actor.
    Sorting the story's articles is the only cost above linear."""
    head = theme.phrases[0]
    bursts = _bursts(sorted((analysis.days[a], a) for a in theme.units if a in analysis.days))
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
        mine = sorted(own[r], key=lambda p: (-_centrality(p, sides[r], analysis), p))
        parts.append(
            replace(
                theme,
                phrases=[head, *mine, *(p for p in theme.phrases[1:] if p not in own[r])],
                units=sides[r],
                score=theme.score * len(sides[r]) / len(theme.units),
            )
        )
    return parts


def _bursts(dated: list[tuple[int, str]]) -> list[set[str]]:
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
    return _bursts(dated[:cut]) + _bursts(dated[cut:])


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
        if k >= 2 and p != head and not _where(p, analysis) and len(analysis.articles_of[p]) <= limit
    }


def _without_near_duplicates(themes: list[Theme]) -> list[Theme]:
    """A theme whose whole name is inside another's and that shares an article with it is part of that
    story: 'Trademark dispute' of 'Apple Corps trademark dispute'."""
    kept: list[Theme] = []
    for theme in sorted(themes, key=lambda t: (-len(t.name), t.name)):
        whole = next(
            (k for k in kept if _inside(theme.name.lower(), k.name.lower()) and k.articles & theme.articles),
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
    related = any(_inside(phrase, p) or _inside(p, phrase) for p in theme.phrases)
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
            and (analysis.paragraphs or not _where(phrase, analysis))
        ):
            tf = sum(1 + math.log(analysis.counts[a][phrase]) for a in sorted(articles))
            scored[phrase] = tf * _specificity(phrase)
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


def _where(feature: str, analysis: Analysis) -> bool:
    """A country or place: where a story happens, not what it is about."""
    entity = analysis.entities.get(feature)
    return entity is not None and entity.type in PLACE_TYPES


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
            if entity.type in SUBJECT_TYPES if entity else _several_words(phrase):
                head |= analysis.salient[phrase]
    return {a for a, k in seen.items() if a in head or k >= 2}


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _centrality(phrase: str, articles: set[str], analysis: Analysis) -> float:
    """How much the theme's articles are about a phrase: in how many it is salient, how often they
    use it, and how specific it is."""
    about = analysis.salient.get(phrase, set()) & articles
    uses = sum(1 + math.log(analysis.counts[a][phrase]) for a in sorted(about))
    return uses / max(1, len(articles)) * _specificity(phrase)


def _name(theme: Theme, analysis: Analysis) -> str:
    """A story of articles is named after its actor and what happens to it ('Apple Corps trademark
    dispute'); a small dossier's theme after the entity it grew from ('CFE Treaty', 'NATO and
    Afghanistan'); else after its most central phrase, written as a person would: 'Missile defense'."""
    if not analysis.paragraphs:
        return _story_name(theme, analysis)
    return _entity_name(theme, analysis) or _phrase_name(theme, analysis)


def _story_name(theme: Theme, analysis: Analysis) -> str:
    """'<actor> <what happens>' when both are central to the story, else the one that is."""

    def centrality(feature: str) -> float:
        return _centrality(feature, theme.units, analysis)

    def actor(feature: str) -> bool:  # a name, not a place, and not an everyday word ("Computer")
        entity = analysis.entities.get(feature)
        if entity:
            return entity.type not in PLACE_TYPES and not analysis.everyday(_label(entity))
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
        _label(analysis.entities[actors[0]]) if actors[0] in analysis.entities else analysis.label(actors[0])
    )
    shared = analysis.about.get(actors[0], set()) & theme.units
    if not what:  # what most of its articles say of it
        told = [
            p
            for p in analysis.salient
            if p not in analysis.names
            and _several_words(p)
            and analysis.names_alone(p)
            and 2 * len(analysis.salient[p] & theme.units) > len(theme.units)
        ]
        what = analysis.label(max(told, key=lambda p: (centrality(p), p))) if told else ""
    if what and len(shared) * 2 >= len(theme.units) and what.lower() not in who.lower():
        who = f"{who} {what[:1].lower() + what[1:] if what[:1].isupper() and what[1:2].islower() else what}"
    return who if any(c.isupper() for c in who.split()[0]) else who[:1].upper() + who[1:]


def _phrase_name(theme: Theme, analysis: Analysis) -> str:
    def centrality(phrase: str):
        return _centrality(phrase, theme.units, analysis), len(phrase.split()), phrase

    own = [p for p in theme.phrases if isinstance(p, str)]
    if not own:
        return _label(analysis.entities[theme.phrases[0]])
    best = max(own, key=centrality)
    # a longer phrase the articles also use is the better name: "Hydroelectric dam" for "Dam"
    longer = [
        p
        for p in analysis.salient
        if _inside(best, p) and p != best and centrality(p)[0] >= SPECIFIC_NAME * centrality(best)[0]
    ]
    if longer:
        best = max(longer, key=centrality)
    if not analysis.names_alone(
        best
    ):  # "Bombing": the phrase holding it that most of its articles use says which
        holding = {
            p: len(analysis.articles_of[p] & theme.units)
            for p in analysis.articles_of
            if _inside(best, p) and p != best and analysis.names_alone(p)
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

    return " and ".join(_label(e) for e in (first(SUBJECT_TYPES), first(PLACE_TYPES)) if e) or _label(head)


def _label(entity: Entity) -> str:
    """The entity as the articles write it most ('NATO', 'CFE Treaty'), capitalised forms only; a
    person by their name ('Steve Jobs', not 'Jobs')."""
    forms = Counter(m.text for m in entity.mentions if m.text[:1].isupper())
    if not forms or entity.type == "person":
        return entity.name
    return max(forms.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]


def curated_theme(rule: TopicRule, dossier: Dossier, analysis: Analysis) -> Theme:
    """The articles whose text contains one of the rule's phrases or that name one of its entities.

    An entity name the dossier does not know is looked for in the text instead (and reported as a
    registry problem by the pipeline)."""
    wanted = {name.lower() for name in rule.entities}
    ids = {e.id for e in dossier.entities if wanted & {n.lower() for n in [e.name, *e.aliases]}}
    known = {n.lower() for e in dossier.entities for n in [e.name, *e.aliases]}
    pattern = _phrase_pattern(list(rule.phrases) + [n for n in rule.entities if n.lower() not in known])
    articles = set()
    for article in dossier.articles:
        if ids & set(dossier.article_entities.get(article.id, [])):
            articles.add(article.id)
        elif pattern and any(
            pattern.search(text) for text in [article.title, *(b.text for b in article.body)]
        ):
            articles.add(article.id)
    phrases = [p.lower().strip() for p in rule.phrases if p.strip()]
    return Theme(rule.name, phrases, articles, curated=True, description=rule.description, entity_ids=ids)


def _key(name: str) -> str:
    return slugify(name) or name.casefold()


def _rename(themes: list[Theme], renames: dict[str, str]) -> list[Theme]:
    by_key = {_key(old): new for old, new in renames.items()}
    for theme in themes:
        theme.original = theme.original or _key(theme.name)
        new = by_key.get(_key(theme.name))
        if new:
            theme.name = new
    return themes


def _merge_same_slug(themes: list[Theme]) -> list[Theme]:
    merged: dict[str, Theme] = {}
    for theme in themes:
        first = merged.get(theme.slug)
        if first is None:
            merged[theme.slug] = theme
        else:
            first.phrases += [p for p in theme.phrases if p not in first.phrases]
            first.articles |= theme.articles
            first.units |= theme.units
            first.score += theme.score
            first.description = first.description or theme.description
            first.entity_ids |= theme.entity_ids
    return list(merged.values())


def _covered(theme: Theme, curated: list[Theme]) -> bool:
    """An automatic theme gives way to a curated one with its slug or nearly all its articles."""
    return any(
        c.slug == theme.slug or len(theme.articles & c.articles) >= NEARLY_ALL * len(theme.articles)
        for c in curated
    )


def _topic(theme: Theme, dossier: Dossier, analysis: Analysis, grouping: Analysis) -> Topic:
    dates = {a.id: a.date or "" for a in dossier.articles}
    articles = sorted(theme.articles, key=lambda a: (dates.get(a, ""), a), reverse=True)
    articles = [a for a in articles if dates.get(a)] + sorted(a for a in articles if not dates.get(a))
    entities = _main_entities(theme, articles, dossier, grouping.paragraphs)
    if grouping.paragraphs and theme.units:
        events = _paragraph_events(theme, dossier, grouping)
    else:
        events = _events(theme, set(articles), dossier, analysis)
    sentences = _central_sentences(theme, grouping if theme.units else analysis)
    description = theme.description or " ".join(s.sentence for s in sentences)
    return Topic(
        id=f"topic/{theme.slug}",
        name=theme.name,
        slug=theme.slug,
        description=description,
        articles=articles,
        entities=entities,
        events=events,
        curated=theme.curated,
        sentences=[] if theme.description else sentences,
    )


def _main_entities(theme: Theme, articles: list[str], dossier: Dossier, paragraphs: bool) -> list[str]:
    """The entities its articles name most; in a small dossier, those its paragraphs name most (an
    article's other subjects are not the theme's)."""
    if paragraphs and theme.units:
        counts = Counter(
            e.id
            for e in dossier.entities
            for unit in {Paragraph(m.article, m.block) for m in e.mentions}
            if unit in theme.units
        )
    else:
        counts = Counter(e for a in articles for e in dossier.article_entities.get(a, []))
    return [e for e, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAIN_ENTITIES]]


def _events(theme: Theme, articles: set[str], dossier: Dossier, analysis: Analysis) -> list[str]:
    """The theme's own chronology: events its articles report in a sentence that uses one of its
    phrases, or that involve one of its curated entities; in date order."""
    pattern = _phrase_pattern(theme.phrases) if theme.curated else None
    own = set(theme.phrases)
    chosen = []
    for event in dossier.events:
        sources = [s for s in event.sources if s.article in articles]
        if not sources:
            continue
        if theme.entity_ids.intersection(event.entities):
            chosen.append(event)
        elif pattern and any(pattern.search(s.sentence) for s in sources):
            chosen.append(event)
        elif not theme.curated and any(own & analysis.phrases_in(s.article, s.sentence) for s in sources):
            chosen.append(event)
    return [e.id for e in sorted(chosen, key=lambda e: (e.date, e.id))]


def _paragraph_events(theme: Theme, dossier: Dossier, grouping: Analysis) -> list[str]:
    """A small dossier's theme: the events told in its paragraphs, in date order."""
    texts = {}
    for unit in sorted(theme.units):
        texts.setdefault(grouping.article(unit), []).append(grouping.unit_texts[unit])
    chosen = [
        e
        for e in dossier.events
        if any(s.sentence in text for s in e.sources for text in texts.get(s.article, []))
    ]
    return [e.id for e in sorted(chosen, key=lambda e: (e.date, e.id))]


def _phrase_pattern(phrases: list[str], ignore_case: bool = True) -> re.Pattern | None:
    """Any of the phrases, as whole words, in any case (or as written)."""
    texts = sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    if not texts:
        return None
    return re.compile(
        "|".join(rf"(?<!\w){re.escape(p)}(?!\w)" for p in texts), re.IGNORECASE if ignore_case else 0
    )


def _central_sentences(theme: Theme, analysis: Analysis) -> list[Source]:
    """The sentences that carry most of the theme's phrases (and names, in paragraphs), one per
    article or paragraph, best first."""
    units = theme.units or theme.articles
    weight = {p: _centrality(p, units, analysis) for p in theme.phrases}
    best = []
    for item in analysis.items:
        if item.article not in units:
            continue
        scored = [
            (
                sum(
                    weight.get(p, 0.0)
                    for p in sorted(set(s.phrases) | analysis.named.get((item.article, s.text), set()))
                ),
                s.text,
            )
            for s in item.sentences
            if DESCRIPTION_WORDS[0] <= len(s.text.split()) <= DESCRIPTION_WORDS[1]
        ]
        scored = [(s, sentence) for s, sentence in scored if s > 0]
        if scored:
            score, sentence = max(scored, key=lambda ss: (ss[0], -len(ss[1])))
            best.append((-score, analysis.article(item.article), sentence))
    best.sort()
    return [Source(article, sentence) for _, article, sentence in best[:DESCRIPTION_SENTENCES]]
