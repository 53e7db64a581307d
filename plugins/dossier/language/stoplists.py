"""The stoplists: the words each stage passes over, each list with the question it answers.

- The cleaner's, per language, are jusText's own (about 100 languages): the share of function words
  tells prose from menus and headlines in any language; the language is the one whose stoplist covers
  most of the page's words (stoplist_for).
- The English lists of the later stages (events' ids, key phrases, names) share the function words of
  English and add what their own question needs.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import justext

from .. import lexicon

FALLBACK = "English"
OTHER_LANGUAGE_MARGIN = 1.5


@lru_cache(maxsize=1)
def _languages_of_word() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for language in sorted(justext.get_stoplists()):
        for word in justext.get_stoplist(language):
            index.setdefault(word, []).append(language)
    return {word: tuple(languages) for word, languages in index.items()}


@lru_cache(maxsize=128)
def _stoplist(language: str) -> frozenset[str]:
    return frozenset(justext.get_stoplist(language))


def stoplist_for(words: list[str]) -> frozenset[str]:
    """The stoplist of the language these words are most likely in (English unless another stands out)."""
    index, hits = _languages_of_word(), Counter()
    for word, count in Counter(w.lower() for w in words).items():
        for language in index.get(word, ()):
            hits[language] += count
    if not hits:
        return _stoplist(FALLBACK)
    best = max(sorted(hits), key=hits.__getitem__)
    # Some stoplists (made from Wikipedias) hold many English words: another language must clearly win
    return _stoplist(best if hits[best] > OTHER_LANGUAGE_MARGIN * hits[FALLBACK] else FALLBACK)


# The English lists of the later stages, from the lexicon: each stage's list answers its own question.
FUNCTION_WORDS = lexicon.words("function_words")
# Reporting verbs: news says them of every happening. Kept to these four (not all of speech_verbs.txt):
# they are in event ids, which registries cite.
SAYING_WORDS = frozenset("said say says told".split())
RELATIVE_TIME_WORDS = lexicon.sections("time_words")["relative"]
MONTHS_AND_WEEKDAYS = lexicon.lemmas("months") | lexicon.words("weekdays")

# events: the words an event's id and the comparison of a headline with its lead pass over, so that both
# are made of the happening's own words. Registries cite event ids: a change here changes ids.
EVENT_STOPWORDS = (
    FUNCTION_WORDS | SAYING_WORDS | RELATIVE_TIME_WORDS | lexicon.sections("time_words")["vague"]
)

# names: the words that end a body named in lower case after a country ("the state department said"):
# no such name holds a function word or a reporting verb.
NAME_STOPWORDS = FUNCTION_WORDS | SAYING_WORDS

# phrases: the words a key phrase is not made of: the above and the everyday words of news (more function
# words, titles, verbs of reporting and of doing, dates, numbers, vague adjectives) that name no theme.
PHRASE_STOPWORDS = (
    FUNCTION_WORDS | SAYING_WORDS | RELATIVE_TIME_WORDS | MONTHS_AND_WEEKDAYS | lexicon.words("news_words")
)
