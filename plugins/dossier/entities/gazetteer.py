"""Built-in knowledge for the entity stage: countries (pycountry plus data/countries.tsv), organisations,
treaties, regions and cities, role words, name keywords and common words, all from plugins/dossier/lexicon/.

Lookups are by token tuples, so matching a phrase at a position costs one dict probe per length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry
from gender_guesser.detector import Detector

from .. import lexicon

# One token: dotted abbreviations ("U.S.", "Mr."), words with an inner apostrophe ("O'Brien"), a
# possessive "'s" on its own, or any other single character. Hyphens split words, so "Russian-US" and
# "UN-administered" still show their countries; names rejoin across a tight hyphen ("Jean-Claude").
TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|(?:Mr|Mrs|Ms|Dr|St|Mt|Gen|Lt|Col|Sen|Rep|Gov|Prof|Capt|Maj|Adm|Sgt|Jr|Sr|Rev)\.(?=\s)"
    r"|[A-Z]\.(?=\s+[A-Z])"
    r"|\w+(?:['’](?!s\b)\w+)*"
    r"|['’]s\b"
    r"|\S"
)


def norm(token: str) -> str:
    """How a token is looked up: acronyms keep their case ('US' is not 'us'), other words are folded."""
    return token if token.isupper() and len(token) > 1 else token.lower()


def tokens_of(text: str) -> tuple[str, ...]:
    return tuple(norm(m.group()) for m in TOKEN.finditer(text))


@dataclass(frozen=True)
class Entry:
    type: str
    name: str  # canonical name
    demonym: bool = False  # "Russian": an adjective of the country
    capital: bool = False  # "Moscow": the city, or the government when it acts


@dataclass(frozen=True)
class Match:
    """A known phrase found in a run of tokens: its entry, and the index of the token after it."""

    end: int
    entry: Entry


NO_TYPE = "none"  # the keyword kind of names of things of none of the types ("Marshall Plan"; keywords.tsv)


@dataclass
class Gazetteer:
    phrases: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    lengths: dict[str, list[int]] = field(default_factory=dict)  # first word -> phrase lengths, longest first
    honorifics: frozenset[str] = frozenset()
    role_heads: frozenset[str] = frozenset()
    role_words: frozenset[str] = frozenset()
    keywords: dict[str, str] = field(default_factory=dict)  # last word of a name -> type
    prefixes: dict[str, str] = field(default_factory=dict)  # first word of a name -> type
    institution: set[str] = field(default_factory=set)  # words never in a person's name
    common: frozenset[str] = frozenset()
    first_names: frozenset[str] = frozenset()  # given names of many countries (gender-guesser's dictionary)

    def add(self, phrase: str, entry: Entry) -> None:
        key = tokens_of(phrase)
        for k in (key, tuple(w.lower() for w in key)):  # "Nato", "Itar-Tass": acronyms as words
            if k and k not in self.phrases and (k == key or _spelled_as_word(key)):
                self.phrases[k] = entry  # the first source wins: countries, then lists
                sizes = self.lengths.setdefault(k[0], [])
                if len(k) not in sizes:
                    sizes.append(len(k))
                    sizes.sort(reverse=True)

    def keyword_type(self, word: str) -> str | None:
        """The type a name ending in `word` has ("ministry": organisation); None when the word says none
        (no keyword, or a keyword of things of no type: "plan")."""
        kind = self.keywords.get(word)
        return None if kind == NO_TYPE else kind

    def match(self, keys: list[str], i: int) -> Match | None:
        """The longest known phrase starting at token i."""
        for n in self.lengths.get(keys[i], ()):
            entry = self.phrases.get(tuple(keys[i : i + n])) if i + n <= len(keys) else None
            if entry:
                return Match(i + n, entry)
        return None


# A company's name with and without its legal form is one name ("Apple", "Apple Inc.", "Acme Corp").
LEGAL_FORM = re.compile(
    r"(?:,?\s+(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|ag|sa|"
    r"s\.a|gmbh|nv|n\.v|bv|se|spa|s\.p\.a|oyj|ab|asa|pty)\.?)+$",
    re.I,
)

# Federal countries whose states and provinces the news names as places of their own.
FEDERAL_COUNTRIES = frozenset("US CA AU IN BR MX".split())

# Acronyms that are also English words are matched only in capitals.
WORD_ACRONYMS = frozenset("START SALT SORT CIS AU AP WHO ATT EC MDA NRC RIA US".split())


def _spelled_as_word(key: tuple[str, ...]) -> bool:
    """A phrase with an acronym of four letters or more, which papers also write as a word."""
    return any(w.isupper() and len(w) >= 4 and w.isalpha() for w in key) and not (set(key) & WORD_ACRONYMS)


def _split(field_text: str) -> list[str]:
    return [p.strip() for p in field_text.split(";") if p.strip()]


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    gaz = Gazetteer()
    extra = {}
    for line in lexicon.lines("countries.tsv"):
        code, name, aliases, demonyms, capitals = (line.split("\t") + [""] * 5)[:5]
        extra[code] = (name, _split(aliases), _split(demonyms), _split(capitals))
    capitals = []
    for country in pycountry.countries:
        name, aliases, demonyms, caps = extra.get(country.alpha_2, ("", [], [], []))
        name = name or getattr(country, "common_name", None) or country.name
        for phrase in [name, *aliases, country.name, getattr(country, "official_name", "")]:
            if phrase and "," not in phrase:
                gaz.add(phrase, Entry("country", name))
        for phrase in demonyms:
            gaz.add(phrase, Entry("country", name, demonym=True))
        capitals += [(phrase, name) for phrase in caps]
    iso = {country.alpha_2 for country in pycountry.countries}
    for code in sorted(set(extra) - iso):  # Kosovo, and states of the past (Soviet Union, Yugoslavia)
        name, aliases, demonyms, caps = extra[code]
        for phrase in [name, *aliases]:
            gaz.add(phrase, Entry("country", name))
        for phrase in demonyms:
            gaz.add(phrase, Entry("country", name, demonym=True))
        capitals += [(phrase, name) for phrase in caps]
    for kind, file in (
        ("organisation", "organisations.tsv"),
        ("treaty", "treaties.tsv"),
        ("place", "regions.tsv"),
    ):
        for line in lexicon.lines(file):
            name, _, aliases = line.partition("\t")
            for phrase in [name, *_split(aliases)]:
                gaz.add(phrase, Entry(kind, name.strip()))
    for phrase, country in capitals:
        gaz.add(phrase, Entry("country", country, capital=True))
    for subdivision in pycountry.subdivisions:  # "New Jersey" is a state, not the island of Jersey
        if subdivision.country_code in FEDERAL_COUNTRIES and subdivision.parent_code is None:
            gaz.add(subdivision.name, Entry("place", subdivision.name))  # a country's name stays the country
    _load_words(gaz)
    gaz.first_names = _first_names()
    return gaz


def _first_names() -> frozenset[str]:
    """The given names of Jörg Michael's dictionary, as gender-guesser's detector reads them (the genders
    are not used): in UTF-8, and 'Abdel+Aziz' as 'abdel-aziz' and 'abdelaziz' too (not 'abdel aziz': a
    token is one word)."""
    return frozenset(name for name in Detector(case_sensitive=False).names if " " not in name)


@lru_cache(maxsize=1)
def role_sections() -> dict[str, frozenset[str]]:
    """The words of lexicon/roles.txt by section: "honorific", "head" (the noun of a role), "modifier"."""
    sections: dict[str, set[str]] = {}
    current = ""
    for line in lexicon.lines("roles.txt"):
        if line.startswith("["):
            current = line.strip("[] ")
            continue
        sections.setdefault(current, set()).update(line.split())
    return {name: frozenset(words) for name, words in sections.items()}


@lru_cache(maxsize=1)
def role_nouns() -> frozenset[str]:
    """The nouns of roles ("minister", "spokesman") and their plurals ("ministers", "deputies")."""
    heads = role_sections()["head"]
    return heads | {w[:-1] + "ies" if w.endswith("y") and w[-2:-1] not in "aeiou" else w + "s" for w in heads}


def _load_words(gaz: Gazetteer) -> None:
    sections = role_sections()
    gaz.honorifics = frozenset(sections.get("honorific", ()))
    gaz.role_heads = frozenset(sections.get("head", ()))
    gaz.role_words = gaz.honorifics | gaz.role_heads | frozenset(sections.get("modifier", ()))
    for line in lexicon.lines("keywords.tsv"):
        kind, _, words = line.partition("\t")
        for word in words.split():
            if kind.startswith("prefix:"):
                gaz.prefixes.setdefault(word, kind[7:])
            elif kind == "institution":
                gaz.institution.add(word)
            else:
                gaz.keywords.setdefault(word, kind)
    gaz.common = lexicon.words("common") | lexicon.lemmas("months") | lexicon.words("weekdays")
