"""Weigh every article's features: its key phrases and the actors it names (tf-idf, rarity in English,
the headline), and the paragraphs of a small dossier the same way.

An article's actors are the entities it names, as often as it names them; what its headline names,
phrase or actor, counts HEADLINE times more: the headline says what the story is. An article tells
the story of what its headline names and of its ABOUT best features; it is "about" its SALIENT best
shared ones. A product named after another product is of its line and counts as a mention of it too
('VelaBook Pro' of the 'Vela').
"""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import date

from ..language import nlp
from ..model import Dossier, Entity
from . import phrases as ph
from .analysis import (
    MAX_SHARE,
    Analysis,
    EntityFeature,
    Paragraph,
    ParagraphPhrases,
    feature_specificity,
    inside,
    phrase_pattern,
    several_words,
)

KEY_PHRASES = 8  # per article, for `dossier inspect`

SALIENT = 12  # an article is about the phrases among its best this many (shared ones only)

ONCE = 0.5  # a phrase of several words written once in the whole dossier is likely a chance run

PARAGRAPH_SHARE = 0.4  # a feature of more of the paragraphs than this is the dossier's backdrop

FEATURE_TYPES = {"treaty", "organisation", "event", "country", "place"}  # what a theme can be about

HEADLINE = 2  # a phrase or actor in the headline counts as this many more uses

ABOUT = 3  # an article tells the story of what its headline names and of this many of its best phrases


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
        pattern = phrase_pattern([entity.name, *entity.aliases], ignore_case=False)
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
    for event in dossier.events:
        for article in {s.article for s in event.sources}:
            analysis.events_of.setdefault(article, []).append(event)
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
    items = {unit: ParagraphPhrases(unit) for unit in texts}
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
        analysis.verbs |= item.verbs
        for phrase in counts[item.article]:
            analysis.articles_of.setdefault(phrase, set()).add(item.article)
    n = len(items)
    specificity = {phrase: feature_specificity(phrase) for phrase in analysis.articles_of}
    for item in items:
        analysis.weights[item.article] = {
            p: (1 + math.log(tf))
            * ph.idf(len(analysis.articles_of[p]), n)
            * specificity[p]
            * (ONCE if tf == 1 and several_words(p) and len(analysis.articles_of[p]) == 1 else 1.0)
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
                inside(phrase, other) or inside(other, phrase) for other in chosen
            ):
                continue
            chosen.append(phrase)
            if len(chosen) == limit:
                break
        result[article] = [analysis.form(phrase) for phrase in chosen]
    return result
