"""Key phrases from the parse: the noun phrases of each sentence, in word families, scored against English.

A phrase is one to three words of a noun chunk of the spaCy parse ("missile defense", "ballistic missile
interceptors"), keyed by the lower-case lemmas of its words, so "automakers" and "automaker", "plane"
and "planes" are one phrase. Common nouns and names (proper nouns, and words spelled with an inner
capital such as "iPhone") are never mixed in one phrase: a name is kept whole, with a model number
after it ("iPhone 4"), and in its own spelling. How common each word is in general English comes from
wordfreq (its Zipf frequency, log10 of uses per billion words), so "said" or "week" never make a theme,
and a word among the 10,000 or so commonest ("firm", "quarter", "stake") never names a theme alone.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from wordfreq import zipf_frequency

from .. import lexicon
from ..entities.gazetteer import role_nouns
from ..language.nlp import Parsed
from ..language.stoplists import PHRASE_STOPWORDS
from ..language.text import sentence_spans
from ..model import Article

MAX_WORDS = 3
RARE_ZIPF = 3.0  # a word met a few times in a million or less: as rare as a word gets for a theme
COMMON_ZIPF = 3.8  # the 10,000 or so commonest words of English are at least this frequent
EDGE_MAX_ZIPF = 5.6  # a phrase neither starts nor ends with a word this common ("world", "place")
SINGLE_MAX_ZIPF = 4.9  # a phrase of one word must be rarer than this ("stadium" yes, "world" no)
STOP_ZIPF = 5.8  # words this common are function words whatever PHRASE_STOPWORDS says

# Words that name the reporting itself or nothing in particular: a phrase containing one is not a theme,
# nor is one containing the noun of a role (gazetteer.role_nouns, from lexicon/roles.txt).
REPORTING_WORDS = lexicon.words("reporting_words")
# Multi-word boilerplate that survives the cleaner in article bodies.
STOP_PHRASES = frozenset(lexicon.phrases("boilerplate_phrases"))

# The parser's entity labels of dates and amounts ("Mar. 3", "Monday", "a third", "$5 million").
AMOUNTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


@lru_cache(maxsize=1 << 16)
def zipf(word: str) -> float:
    """Zipf frequency of a word in general English (wordfreq's, to a tenth). A word outside the
    commonest (below COMMON_ZIPF) counts as RARE_ZIPF: a name the web knows well ("iphone") is as
    distinctive in its dossier as any rare word; so does a number or a spelling with other signs than
    letters ("4" of "iPhone 4", "missile-defense"): a model number makes a name no less distinctive."""
    found = round(zipf_frequency(word, "en"), 1) if word.isalpha() else RARE_ZIPF
    return found if found >= COMMON_ZIPF else RARE_ZIPF


# A word's rarity runs from 0 at Zipf 7 and above (the commonest words: "the", "of") to 1 at Zipf 3 and below
# (words met a few times in a million); each word after the first makes a phrase this much more specific.
COMMONEST_ZIPF, RARITY_SPAN = 7.0, 4.0
EXTRA_WORD = 0.35


def specificity(phrase: str) -> float:
    """How far a phrase is from everyday English: 1 for rare words, near 0 for the commonest;
    each extra word makes a phrase more specific."""
    words = phrase.split()
    if not words:
        return 0.0
    rarity = sum(min(1.0, max(0.0, (COMMONEST_ZIPF - zipf(w)) / RARITY_SPAN)) for w in words) / len(words)
    return rarity * (1.0 + EXTRA_WORD * (len(words) - 1))


def common(word: str) -> bool:
    """Is a word among the commonest of general English (it then never names a theme alone)."""
    return zipf(word) >= COMMON_ZIPF


@dataclass
class SentencePhrases:
    """The phrases of one sentence of an article's body, as often as it holds them."""

    block: int  # index into Article.body
    text: str
    phrases: tuple[str, ...]
    # phrase -> the lemma of the verb it is a subject or object of ("filed for bankruptcy": "file"):
    # what is done, or what is done to, in the sentence
    acted: dict[str, str] = field(default_factory=dict)


@dataclass
class ArticlePhrases:
    """The phrases of one article: each sentence's, the headline's, and how each phrase is written."""

    article: str
    sentences: list[SentencePhrases] = field(default_factory=list)
    title: frozenset[str] = frozenset()
    forms: dict[str, Counter] = field(default_factory=dict)  # phrase -> its spellings in the body
    names: frozenset[str] = frozenset()  # the phrases that are names rather than common nouns
    verbs: frozenset[str] = frozenset()  # lemmas the body uses as verbs: what can happen ("recall")

    @property
    def counts(self) -> Counter:
        return Counter(p for s in self.sentences for p in s.phrases)


@dataclass
class _Word:
    key: str  # lemma (common nouns) or text (names), lower case
    form: str  # as the phrase is written: names in their spelling, common words in lower case
    name: bool
    noun: bool  # may end a phrase


def _word(token) -> _Word | None:
    text = token.text.replace("’", "'")
    if token.tag_ == "POS" or not any(c.isalpha() for c in text) or len(text) < 2:
        return None
    if token.ent_type_ in AMOUNTS:  # "Mar. 3", "two weeks", "$5 million": a date or an amount, never a phrase
        return None
    lower = text.lower()
    if lower in PHRASE_STOPWORDS or lower in REPORTING_WORDS or lower in role_nouns():
        return None
    inner_capital = any(c.isupper() for c in text[1:]) and any(c.islower() for c in text)
    if token.pos_ == "PROPN" and text[0].isupper() or inner_capital:
        # an abbreviation of two letters is a unit ("GB", "km") more often than a name
        return _Word(lower, text, True, True) if len(text) > 2 or not text.isalpha() else None
    lemma = token.lemma_.lower().replace("’", "'")
    pos = "NOUN" if token.pos_ == "PROPN" else token.pos_  # the tagger's lower-case "names" are nouns
    if pos not in ("NOUN", "ADJ") or not lemma.replace("-", "").isalpha() or len(lemma) < 3:
        return None
    if lemma in PHRASE_STOPWORDS or zipf(lemma) >= STOP_ZIPF or pos == "ADJ" and lemma.endswith("ly"):
        return None
    return _Word(lemma, text if text.isupper() else lower, False, pos == "NOUN")  # "CEO" stays in capitals


def _runs(chunk) -> list[list[_Word]]:
    """A noun chunk's runs of words of one kind (names or common words); a possessive or anything
    else ends a run, a hyphen inside a word ("missile-defense") does not, and a number after a name
    belongs to it ("iPhone 4")."""
    runs, run = [], []
    for i, token in enumerate(chunk):
        if token.text == "-" and i and not chunk[i - 1].whitespace_ and run:
            continue
        word = _word(token)
        if word is None and token.like_num and run and run[-1].name and len(token.text) <= 4:
            word = _Word(token.text.lower(), token.text, True, True)
        if word is None or run and run[-1].name != word.name:
            if run:
                runs.append(run)
            run = [word] if word else []
        else:
            run.append(word)
        if token.whitespace_ == "" and i + 1 < len(chunk) and chunk[i + 1].tag_ == "POS" and run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def _grams(run: list[_Word]) -> list[tuple[str, str]]:
    """(key, form) of the acceptable phrases of a run: a name whole, common words one to three at a time."""
    if run[0].name:
        if len(run) > MAX_WORDS + 1 or all(w.form.isdigit() for w in run):
            return []
        grams = [(" ".join(w.key for w in run), " ".join(w.form for w in run))]
        while len(run) > 1 and run[-1].form.isdigit():  # "iPhone 4" is also the "iPhone"
            run = run[:-1]
            grams.append((" ".join(w.key for w in run), " ".join(w.form for w in run)))
        return grams
    grams = []
    for n in range(1, MAX_WORDS + 1):
        for i in range(len(run) - n + 1):
            words = run[i : i + n]
            first, last = words[0].key, words[-1].key
            if not words[-1].noun or zipf(first) >= EDGE_MAX_ZIPF or zipf(last) >= EDGE_MAX_ZIPF:
                continue
            if n == 1 and zipf(first) >= SINGLE_MAX_ZIPF:
                continue
            key = " ".join(w.key for w in words)
            if key not in STOP_PHRASES:
                grams.append((key, " ".join(w.form for w in words)))
    return grams


@dataclass(frozen=True, slots=True)
class FoundPhrase:
    offset: int  # character offset of its noun chunk in the parsed text
    key: str
    form: str
    name: bool
    verb: str  # lemma of the verb its chunk is a subject or object of, or ""


# Dependency labels of a verb's subjects and objects (spaCy's English scheme, ClearNLP).
ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "attr", "oprd", "dative"})


def _verb_of(root) -> str:
    """The verb a noun chunk's root is an argument of: its subject or object, or the object of a
    preposition after it ("filed for bankruptcy")."""
    head = root.head
    if root.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
        head = head.head
    elif root.dep_ not in ARGUMENTS:
        return ""
    return head.lemma_.lower() if head.pos_ == "VERB" and head.i != root.i else ""


def doc_phrases(doc) -> list[FoundPhrase]:
    """Every phrase of a parsed text, where it is and the verb it is an argument of."""
    found = []
    for chunk in doc.noun_chunks:
        end = chunk.end
        while end < len(doc) and doc[end].dep_ == "nummod" and doc[end].head.i == chunk.root.i:
            end += 1  # the parser leaves a model number out of its noun chunk: "iPhone 4"
        verb = _verb_of(chunk.root)
        chunk = doc[chunk.start : end]
        for run in _runs(chunk):
            name = run[0].name
            found += [FoundPhrase(chunk.start_char, key, form, name, verb) for key, form in _grams(run)]
    return found


def article_phrases(article: Article, parsed: Parsed) -> ArticlePhrases:
    """Every candidate phrase of an article's kept paragraphs, sentence by sentence, and of its headline."""
    result = ArticlePhrases(article.id)
    names, verbs = set(), set()
    for index, (block, doc) in enumerate(zip(article.body, parsed.blocks)):
        if block.kind == "heading":
            continue
        verbs |= {t.lemma_.lower() for t in doc if t.pos_ == "VERB" and t.lemma_.isalpha()}
        spans = sentence_spans(block.text)
        starts = [start for start, _ in spans]
        found: list[list[FoundPhrase]] = [[] for _ in spans]
        for phrase in doc_phrases(doc):
            position = bisect_right(starts, phrase.offset) - 1
            if position >= 0:
                found[position].append(phrase)
                result.forms.setdefault(phrase.key, Counter())[phrase.form] += 1
                if phrase.name:
                    names.add(phrase.key)
        result.sentences += [
            SentencePhrases(
                index, block.text[s:e], tuple(p.key for p in keys), {p.key: p.verb for p in keys if p.verb}
            )
            for (s, e), keys in zip(spans, found)
            if keys
        ]
    if parsed.title is not None:
        result.title = frozenset(p.key for p in doc_phrases(parsed.title))
    result.names, result.verbs = frozenset(names), frozenset(verbs)
    return result


def idf(df: int, n: int) -> float:
    return math.log((1 + n) / (1 + df)) + 1.0
