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


# The function words of English (articles, pronouns, prepositions, conjunctions, auxiliaries): no stage
# reads what a text is about in them.
FUNCTION_WORDS = frozenset(
    """
a about after also an and are as at be been before being but by can could did do does for from had
has have he her here him his how i in into is it its may might must no not of on or our over shall
she since than that the their them then there these they this those to until us was we were what
when where which who whom why will with would you your
""".split()
)
# Reporting verbs: news says them of every happening.
SAYING_WORDS = frozenset("said say says told".split())
# Words placing a happening in time from the text's own day ("yesterday", "last week").
RELATIVE_TIME_WORDS = frozenset("ago day last month next today tomorrow tonight week year yesterday".split())

# events: the words an event's id and the comparison of a headline with its lead pass over, so that both
# are made of the happening's own words. Registries cite event ids: a change here changes ids.
EVENT_STOPWORDS = (
    FUNCTION_WORDS | SAYING_WORDS | RELATIVE_TIME_WORDS | frozenset("earlier early late later mid".split())
)

# names: the words that end a body named in lower case after a country ("the state department said"):
# no such name holds a function word or a reporting verb.
NAME_STOPWORDS = FUNCTION_WORDS | SAYING_WORDS

# phrases: the words a key phrase is not made of: the above and the everyday words of news (more function
# words, titles, verbs of reporting and of doing, dates, numbers, vague adjectives) that name no theme.
PHRASE_STOPWORDS = (
    FUNCTION_WORDS
    | SAYING_WORDS
    | RELATIVE_TIME_WORDS
    | frozenset(
        """
above according across afterwards again against ahead all almost alone along already
although always am among amid another any anyone anything anyway anywhere around away
became because become becomes beforehand behind below beside besides between beyond
both cannot doing done down due during each either else elsewhere enough
even ever every everyone everything everywhere except few former formerly further
having hers herself himself however if including indeed instead
itself just latter least less many me meanwhile mine more moreover most mostly much
my myself namely neither never nevertheless nobody none nor nothing now nowhere off
often once one only onto other others otherwise ours ourselves out own per perhaps please
quite rather really same several should so some somehow someone something sometimes somewhere
still such theirs themselves thereby therefore
though through throughout thus together too toward towards under unless up upon very via
well whatever whenever whereas whether while whoever whole whose
within without yet yours yourself yourselves
mr mrs ms dr sir
saying tell tells added adding asked announced announce announces stated
noted reported reports claimed warned urged insisted agreed expected expects called calls declined
refused wrote explained confirmed denied stressed suggested argued acknowledged described believes
believed thinks think thought knew know known seems seemed appears appeared wants wanted want
make makes made making take takes took taken taking give gives gave given giving get gets got getting
go goes went gone going come comes came coming see sees saw seen keep keeps kept put puts let lets
monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
weeks months years days time times period decade decades
percent cent million billion thousand hundred dozen
first second third fourth fifth new latest recent recently current top senior
various certain possible likely main major key
outside inside near nearly despite
zero two three four five six seven eight nine ten eleven twelve thirteen fifteen twenty thirty forty
fifty sixty seventy eighty ninety half dozens hundreds thousands millions billions
began begin begins beginning fell fall falls rose rise rises held hold holds met meet meets left leave
leaves sought seek seeks won win wins lost lose loses continue continues continued remain remains
remained include includes included involve involves involved need needs needed
try tries tried use uses used help helps helped show shows showed shown run runs ran bring brings brought
set sets send sends sent seem stay stays stayed turn turns turned move moves moved pay pays paid
ask asks hope hopes hoped plan plans planned plus yes speak speaks spoke spoken
""".split()
    )
)
