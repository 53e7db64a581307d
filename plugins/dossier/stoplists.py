"""Function words of the page's language, from jusText's stoplists (about 100 languages).

The share of function words tells prose from menus and headlines in any language; the language is
the one whose stoplist covers most of the page's words.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

import justext

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
