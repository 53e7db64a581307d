"""Key phrases without a tagger: runs of content words between stop words, scored against English.

A phrase is one to three lower-case content words found together in a sentence ("missile defense",
"ballistic missile interceptors"). Capitalised words inside a sentence are names and end a run (names
are the entity stage's business); a capitalised first word counts when the dossier also writes it in
lower case. How common each word is in general English comes from `data/english_zipf.txt`: the
10,000 commonest words with their Zipf frequency, so "said" or "week" never make a theme.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .model import Article
from .nlp import Parsed
from .text import sentence_spans

MAX_WORDS = 3
RARE_ZIPF = 3.0  # words missing from the list are rarer than its last entry
EDGE_MAX_ZIPF = 5.6  # a phrase neither starts nor ends with a word this common ("world", "place")
SINGLE_MAX_ZIPF = 4.9  # a phrase of one word must be rarer than this ("stadium" yes, "world" no)
STOP_ZIPF = 5.8  # words this common are function words whatever the list below says

STOP_WORDS = frozenset("""
a about above according across after afterwards again against ago ahead all almost alone along already also
although always am among amid an and another any anyone anything anyway anywhere are around as at away
be became because become becomes been before beforehand behind being below beside besides between beyond
both but by can cannot could did do does doing done down due during each either else elsewhere enough
even ever every everyone everything everywhere except few for former formerly from further had has have
having he her here hers herself him himself his how however i if in including indeed instead into is it
its itself just last latter least less many may me meanwhile might mine more moreover most mostly much
must my myself namely neither never nevertheless next no nobody none nor not nothing now nowhere of off
often on once one only onto or other others otherwise our ours ourselves out over own per perhaps please
quite rather really same several she should since so some somehow someone something sometimes somewhere
still such than that the their theirs them themselves then there thereby therefore these they this those
though through throughout thus to together too toward towards under unless until up upon us very via was
we well were what whatever when whenever where whereas whether which while who whoever whole whom whose
why will with within without would yet you your yours yourself yourselves
mr mrs ms dr sir
said says say saying told tell tells added adding asked according announced announce announces stated
noted reported reports claimed warned urged insisted agreed expected expects called calls declined
refused wrote explained confirmed denied stressed suggested argued acknowledged described believes
believed thinks think thought knew know known seems seemed appears appeared wants wanted want
make makes made making take takes took taken taking give gives gave given giving get gets got getting
go goes went gone going come comes came coming see sees saw seen keep keeps kept put puts let lets
is are was were be been being has have had do does did will would shall should can could may might must
also however yesterday today tomorrow tonight
monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
week weeks month months year years day days time times period decade decades
percent per cent million billion thousand hundred dozen
first second third fourth fifth last next new latest recent recently former current top senior
many much several various certain possible likely main major key further other own same
outside inside near nearly beyond despite amid against among within toward onto
zero two three four five six seven eight nine ten eleven twelve thirteen fifteen twenty thirty forty
fifty sixty seventy eighty ninety half dozens hundreds thousands millions billions
began begin begins beginning fell fall falls rose rise rises held hold holds met meet meets left leave
leaves sought seek seeks won win wins lost lose loses continue continues continued remain remains
remained become became include includes included involve involves involved need needs needed
try tries tried use uses used help helps helped show shows showed shown run runs ran bring brings brought
set sets send sends sent seem become stay stays stayed turn turns turned move moves moved pay pays paid
ask asks hope hopes hoped plan plans planned plus yes speak speaks spoke spoken
""".split())

# Words that name a role or the reporting itself: a phrase containing one is not a theme.
ROLE_WORDS = frozenset("""
minister ministers president presidents spokesman spokeswoman spokesperson secretary secretaries
ambassador ambassadors envoy envoys official officials chairman chairwoman chair deputy deputies chief
chiefs negotiator negotiators head heads leader leaders director directors commander commanders general generals adviser
advisers advisor advisors aide aides counterpart counterparts representative representatives
correspondent correspondents reporter reporters journalist journalists editor editors analyst analysts
agency agencies newspaper newspapers statement statements interview interviews conference conferences
comment comments remarks news story stories article articles report reporting source sources
people person thing things way ways lot part parts kind sort side sides issue issues matter matters
""".split())

# Multi-word boilerplate that survives the cleaner in article bodies.
STOP_PHRASES = frozenset("""
related stories|related articles|all rights reserved|rights reserved|click here|read more|press release
|news conference|press conference|told reporters|no comment|further details|full story|more information
|copyright|photo|file photo|video|advertisement|subscribe|sign in|log in|email|print|share
|prime minister|foreign minister|defense minister|defence minister|interior minister|foreign ministry
|secretary general|state department|news agency
""".replace("\n", "").split("|"))

# A word often followed by a determiner or preceded by a subject or modal is a verb ("undermines the",
# "would deploy", "plan that undermines"), whatever the word list says.
DETERMINERS = frozenset("the a an its their his her this these those our any every each some my your".split())
BEFORE_VERB = frozenset("that which who will would could can may might must should shall did does do not never "
                        "he she it they we i also".split())
VERB_SHARE = 0.25
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\d[\d.,:]*|\S")
DATA = Path(__file__).parent / "data" / "english_zipf.txt"


@lru_cache(maxsize=1)
def english() -> dict[str, float]:
    """Zipf frequency of the commonest English words (log10 of uses per billion words)."""
    table = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, zipf = line.split()
            table[word] = float(zipf)
    return table


def zipf(word: str) -> float:
    return english().get(word, RARE_ZIPF)


def specificity(phrase: str) -> float:
    """How far a phrase is from everyday English: 1 for rare words, near 0 for the commonest;
    each extra word makes a phrase more specific."""
    words = phrase.split()
    rarity = sum(min(1.0, max(0.0, (7.0 - zipf(w)) / 4.0)) for w in words) / len(words)
    return rarity * (1.0 + 0.35 * (len(words) - 1))


@dataclass
class ArticlePhrases:
    """The phrases of one article: how often each occurs, and which sentences hold which phrases."""

    article: str
    counts: Counter = field(default_factory=Counter)
    sentences: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    words: Counter = field(default_factory=Counter)  # content words, as often as they occur
    verb_signs: Counter = field(default_factory=Counter)  # ... seen where a verb stands (see VERB_SHARE)


def _norm(token: str) -> str:
    word = token.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return word.strip("'-")


@lru_cache(maxsize=1 << 16)
def _classify(token: str) -> tuple[str, bool, int, bool]:
    """(normalised word, is it a content word, 1 if capitalised and 2 if mixed or upper case, is it
    capitalised at all)."""
    word = _norm(token)
    ok = (word.replace("-", "").isalpha() and len(word) > 2
          and word not in STOP_WORDS and zipf(word) < STOP_ZIPF and not word.endswith("ly"))
    capital = token[:1].isupper()
    odd = token.isupper() or any(c.isupper() for c in token[1:])
    return word, ok, (2 if odd else 1) if capital else 0, capital


def _runs(sentence: str, result: ArticlePhrases) -> list[list[tuple[str, bool]]]:
    """Runs of content words: (lower-case word, was it a capitalised first word)."""
    runs, run = [], []
    tokens = WORD.findall(sentence)
    for i, token in enumerate(tokens):
        word, ok, capital, name = _classify(token)
        if ok and name and (i > 0 or capital == 2):
            ok = False  # a name, an acronym or a title word
        if ok:
            result.words[word] += 1
            if (i + 1 < len(tokens) and tokens[i + 1].lower() in DETERMINERS
                    or i > 0 and tokens[i - 1].lower() in BEFORE_VERB):
                result.verb_signs[word] += 1
            run.append((word, capital))
            if token.endswith(("'s", "’s")):  # "Europe's missile shield": a possessive closes its run
                runs.append(run)
                run = []
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def _grams(run: list[str]) -> list[tuple[int, str]]:
    """(start, phrase) of every acceptable one- to three-word phrase of a run."""
    grams = []
    for n in range(1, MAX_WORDS + 1):
        for i in range(len(run) - n + 1):
            words = run[i:i + n]
            if zipf(words[0]) >= EDGE_MAX_ZIPF or zipf(words[-1]) >= EDGE_MAX_ZIPF:
                continue
            if n == 1 and zipf(words[0]) >= SINGLE_MAX_ZIPF:
                continue
            if words[-1].endswith("ed"):
                continue  # "talks stalled": a verb at the end
            if any(w in ROLE_WORDS for w in words):
                continue
            phrase = " ".join(words)
            if phrase not in STOP_PHRASES:
                grams.append((i, phrase))
    return grams


def article_phrases(article: Article, parsed: Parsed | None = None) -> ArticlePhrases:
    """Every candidate phrase of an article's kept paragraphs (titles are in title case), sentence by sentence.

    A capitalised first word is kept provisionally (marked with a leading '^') and settled by
    `settle` once the whole dossier's lower-case words are known."""
    result = ArticlePhrases(article.id)
    for text in (block.text for block in article.body if block.kind != "heading"):
        for start, end in sentence_spans(text):
            sentence = text[start:end]
            found: list[str] = []
            for run in _runs(sentence, result):
                capital = run[0][1]
                found += [("^" if capital and i == 0 else "") + phrase
                          for i, phrase in _grams([word for word, _ in run])]
            result.counts.update(found)
            if found:
                result.sentences.append((sentence, frozenset(found)))
    return result


def sentence_phrases(sentence: str) -> frozenset[str]:
    """The phrases of a sentence met outside an article's pass (capitalised first words kept)."""
    found = set()
    for run in _runs(sentence, ArticlePhrases("")):
        found.update(phrase for _, phrase in _grams([word for word, _ in run]))
    return frozenset(found)


def settle(items: list[ArticlePhrases]) -> None:
    """Decide what needed the whole dossier: a capitalised first word is kept only where the dossier
    also writes it in lower case, and a phrase with a word that behaves as a verb is dropped."""
    words, before = Counter(), Counter()
    for item in items:
        words.update(item.words)
        before.update(item.verb_signs)
    verbs = {w for w, n in before.items() if n >= 2 and n >= VERB_SHARE * words[w]}
    lowercase = {w for item in items for p in item.counts if not p.startswith("^") for w in p.split()}

    hyphened = {w for item in items for p in item.counts if "-" in p for w in p.lstrip("^").split() if "-" in w}
    known = {p.lstrip("^") for item in items for p in item.counts}
    spaced = {w for w in hyphened if w.replace("-", " ") in known}

    def keep(phrase: str) -> str | None:
        plain = phrase.lstrip("^")
        if "-" in plain:  # "missile-defense" where others write "missile defense"
            plain = " ".join(w.replace("-", " ") if w in spaced else w for w in plain.split())
        parts = plain.split()
        if verbs.intersection(parts) or (phrase.startswith("^") and parts[0] not in lowercase):
            return None
        return plain

    for item in items:
        counts = Counter()
        for phrase, n in item.counts.items():
            plain = keep(phrase)
            if plain:
                counts[plain] += n
        item.counts = counts
        item.sentences = [(s, frozenset(filter(None, map(keep, found)))) for s, found in item.sentences]


def idf(df: int, n: int) -> float:
    return math.log((1 + n) / (1 + df)) + 1.0
