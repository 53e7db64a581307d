"""An entity's type as a tally of named votes, never the first rule that matches.

Each mention the model reads is typed by `mention_type`: every rule of `MENTION_RULES` (a
`dossier.rules.Ruler`) looks at the name and the words around it and casts `Vote`s with a reason
("'Inc.' after the name", "the airline X"); the model's label is one vote among them. The mention's
type is the tally, so adding a rule or moving it in the list cannot silently override another.
Across the dossier, `entity_type` tallies what every mention of an entity says (and the registry,
which always wins); `dossier inspect --explain NAME` prints that decision.

Weights: the model's label counts 1; what the words around a name say counts more, and a legal form
("Inc.", "AG") most, since no person's or product's name ends with one.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .. import lexicon
from ..model import MAYBE, Candidate
from ..rules import Decision, Ruler, Vote, run_votes, tally
from ..topics.phrases import zipf
from .gazetteer import LEGAL_FORM, load
from .name_typing import (
    ORG_BEFORE,
    OWNER,
    PERSON_EVIDENCE,
    PLACE_BEFORE,
    PRODUCT_NOUNS,
    SEAT_WORDS,
    trade_noun,
    trade_word,
)
from .names import BlockScanner
from .tokens import Item

# The order a tie is broken in (the dossier's types, then a word left open for the article to decide).
TYPE_ORDER = {"country": 0, "organisation": 1, "product": 2, "treaty": 3, "event": 4, "person": 5, "place": 6}
TIE_ORDER = (*TYPE_ORDER, MAYBE)
MODEL_LABEL = 1.0  # the statistical model's label: right most of the time, but blind to the words around
NEIGHBOURS = 2.0  # what the parse or the words next to one mention say ("X acted", "the X")
AFTER_IN = 1.5  # "in X": a place more often than not, but "shares in X" is a company: outvotes the label only
NEIGHBOURS_STRONG = 2.5  # a determiner before a model's person: "the X" is a group, never one person
SHAPE = 4.0  # a camel-cased word ("eSlate"): a product's shape, but companies are written so too
DESCRIPTOR = 5.0  # a lower-case noun that says what it is, right before it ("the airline X")
KEYWORD = 5.0  # a name's own last word that says its kind ("X Conference", "X Accord", "X index")
LEGAL = 6.0  # a legal form ("Inc.", "AG", "plc") after the name: a company, whatever its shape
REGISTRY = 1000.0  # the analyst's registry always wins
EVERYDAY = 4.5  # Zipf frequency above which a word is everyday English (about once in 30,000 words)
LOCATIVE = lexicon.words("locatives")
INDEX_WORDS = lexicon.sections("index_words")["index"]
INDEX_MODIFIERS = lexicon.sections("index_words")["modifiers"]
HEADQUARTERS = lexicon.sections("relation_words")["headquarters"]
QUOTES = frozenset("\"'“”‘’«»")
# Camel case with a lower-case first letter ("iPhone", "eReader"): a brand written as a product name.
PRODUCT_SHAPE = re.compile(r"^[a-z]{1,2}[A-Z][\w-]*$")


class Seen:
    """One mention as the typing rules see it: the model's label, the item and its block."""

    def __init__(self, model_type: str, it: Item, scanner: BlockScanner, actor: bool = False, why: str = ""):
        self.model_type, self.it, self.scanner, self.actor = model_type, it, scanner, actor
        self.why = why  # what turned the model's label into this type ("launched, sold or used")
        self.words = it.text.split()
        self.before = scanner.keys[it.first - 1] if it.first > 0 else ""
        self.last_key = scanner.keys[it.last - 1]


def product_shape(seen: Seen):
    if PRODUCT_SHAPE.match(seen.words[0]):
        return [Vote("product", SHAPE, f"camel-cased like a product's name ({seen.words[0]!r})")]
    return None


def descriptor_before(seen: Seen):
    word = descriptor(seen.scanner, seen.it.first)
    if word in ORG_BEFORE:
        return [Vote("organisation", DESCRIPTOR, f"'the {word} X': a descriptor before the name")]
    return None


def product_descriptor(seen: Seen):
    word = descriptor(seen.scanner, seen.it.first)
    if word in PRODUCT_NOUNS:
        return [Vote("product", DESCRIPTOR, f"'the {word} X': a kind of product before the name")]
    return None


def legal_form(seen: Seen):
    found = LEGAL_FORM.search(seen.it.text)
    if found:
        return [Vote("organisation", LEGAL, f"legal form {found[0].strip()!r} in the name")]
    return None


def name_keyword(seen: Seen):
    kind = seen.scanner.gaz.keywords.get(seen.last_key)
    if kind in ("event", "treaty") and len(seen.words) > 1:
        return [Vote(kind, KEYWORD, f"the name ends with {seen.words[-1]!r}")]
    return None


def market_index(seen: Seen):
    if index_after(seen.scanner, seen.it.last) or seen.last_key in INDEX_WORDS:
        return [Vote("product", KEYWORD, "an index or average: a market index")]
    return None


def model_label(seen: Seen):
    return [Vote(seen.model_type, MODEL_LABEL, seen.why or "the statistical model's label")]


def place_or_actor(seen: Seen):
    """A model's place the gazetteer knows is of its type; one that acts is an organisation."""
    if seen.model_type != "place":
        return None
    scanner, it = seen.scanner, seen.it
    known = scanner.gaz.match(scanner.keys, it.first)
    if known and known.end == it.last:
        return [
            Vote(
                known.entry.type, NEIGHBOURS + MODEL_LABEL, f"the gazetteer knows it as {a(known.entry.type)}"
            )
        ]
    if seen.actor and seen.before not in LOCATIVE:
        return [Vote("organisation", NEIGHBOURS, "acts in the parse and is no place the gazetteer knows")]
    return None


def person_shape(seen: Seen):
    """A model's person with no given name, initials, title or voice is no person."""
    if seen.model_type != "person":
        return None
    scanner, it = seen.scanner, seen.it
    if seen.before == "the":
        return [Vote("organisation", NEIGHBOURS_STRONG, "'the X': a group, not one person")]
    if len(seen.words) == 1:
        return [Vote(MAYBE, NEIGHBOURS, "one word: a surname or a speaker, for the article to decide")]
    if (
        scanner.first_name(scanner.toks[it.first])
        or it.role
        or scanner.looks_like_a_name(scanner.toks[it.first : it.last])
    ):
        return None
    evidence = scanner.evidence(it.first, it.last)
    if (evidence == OWNER and trade_word(seen.words[-1])) or trade_noun(seen.words[-1]):
        # "Borealis Shipping's chairman", "Orlen Textiles"
        return [
            Vote("organisation", NEIGHBOURS_STRONG, f"no given name, and {seen.words[-1]!r} is a common noun")
        ]
    if evidence not in PERSON_EVIDENCE:  # "Best Buy", "Music Store", "Nintendo Switch"
        everyday = zipf(seen.words[0].lower()) >= EVERYDAY
        label = "organisation" if everyday else MAYBE
        return [Vote(label, NEIGHBOURS, "no given name, initials, title or voice")]
    return None


def given_name(seen: Seen):
    """A name opening with a given name the gazetteer knows and ending with no common noun is a person's
    ("Hanna Brisk" the model calls an organisation), whatever the model's label."""
    scanner, it = seen.scanner, seen.it
    if (
        seen.model_type != "person"
        and 2 <= len(seen.words) <= 3
        and scanner.first_name(scanner.toks[it.first])
        and not trade_word(seen.words[-1])
        and not LEGAL_FORM.search(it.text)
        and all(w[:1].isupper() for w in seen.words)
    ):
        return [Vote("person", NEIGHBOURS, f"opens with the given name {seen.words[0]!r}")]
    return None


def seat(seen: Seen):
    """ "based in X", "headquartered in X": where a company sits is a place."""
    keys, first, last = seen.scanner.keys, seen.it.first, seen.it.last
    if first >= 2 and keys[first - 1] == "in" and keys[first - 2] in SEAT_WORDS:
        return [Vote("place", NEIGHBOURS, f"'{keys[first - 2]} in X': where a company sits")]
    if last < len(keys) and keys[last] in HEADQUARTERS:
        return [Vote("place", NEIGHBOURS, f"'X {keys[last]}': where a company sits")]
    return None


def after_in(seen: Seen):
    """One word after a preposition of place, that does not act and that no other word makes a company
    ("opened a plant in Ostrava"): a place, more likely than the model's organisation."""
    scanner, it = seen.scanner, seen.it
    if (
        seen.model_type == "organisation"
        and len(seen.words) == 1
        and seen.before in PLACE_BEFORE
        and not seen.actor
        and it.first not in scanner.sentence_first
        and not seen.words[0].isupper()
    ):
        return [Vote("place", AFTER_IN, f"'{seen.before} X': where something is")]
    return None


def kind_unsaid(seen: Seen):
    """The model's events and laws need a word that says so ("Echo Dot" is neither)."""
    gaz, keys = seen.scanner.gaz, seen.scanner.keys
    if (
        seen.model_type in ("event", "treaty")
        and gaz.keywords.get(seen.last_key) != seen.model_type
        and gaz.prefixes.get(keys[seen.it.first]) != seen.model_type
    ):
        return [Vote(MAYBE, NEIGHBOURS, f"no word of the name says it is {a(seen.model_type)}")]
    return None


MENTION_RULES = Ruler()
for _name, _rule in (
    ("model_label", model_label),
    ("product_shape", product_shape),
    ("descriptor_before", descriptor_before),
    ("product_descriptor", product_descriptor),
    ("legal_form", legal_form),
    ("name_keyword", name_keyword),
    ("market_index", market_index),
    ("place_or_actor", place_or_actor),
    ("person_shape", person_shape),
    ("given_name", given_name),
    ("seat", seat),
    ("after_in", after_in),
    ("kind_unsaid", kind_unsaid),
):
    MENTION_RULES.push(_name, _rule)


def mention_type(
    model_type: str, it: Item, scanner: BlockScanner, actor: bool = False, why: str = ""
) -> Decision:
    """The tally of every mention rule's votes for this name the model read."""
    return tally(run_votes(MENTION_RULES, Seen(model_type, it, scanner, actor, why)), TIE_ORDER)


def index_after(scanner: BlockScanner, last: int) -> bool:
    """Lower-case words after a name that make it a market index: "500 index", "industrial average"."""
    for x in range(last, min(last + 3, len(scanner.toks))):
        key = scanner.keys[x]
        if key in INDEX_WORDS and scanner.toks[x].text.islower():
            return True
        if not (key in INDEX_MODIFIERS or key.isdigit() or key in ("'s", "’s")):
            return False
    return False


def descriptor(scanner: BlockScanner, first: int) -> str:
    """The lower-case word before a name, past an opening quote."""
    x = first - 1
    while x >= 0 and scanner.toks[x].text in QUOTES:
        x -= 1
    return scanner.keys[x] if x >= 0 and scanner.toks[x].text.islower() else ""


# -- the dossier ------------------------------------------------------------------------------------


def entity_type(members: list[Candidate], registry_type: str = "") -> Decision:
    """The type of the entity these mentions are: each mention votes for the type it was read as, with
    its weight and the reason its own tally gave; the registry's type outvotes them all. Votes of one
    reason are summed into one line ("x12") so `--explain` stays readable."""
    summed: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0])
    for c in members:
        entry = summed[c.type, why(c)]
        entry[0] += c.weight
        entry[1] += 1
    votes = [
        Vote(label, weight, f"{reason} (x{count})" if count > 1 else reason, "mentions")
        for (label, reason), (weight, count) in sorted(summed.items())
    ]
    if registry_type:
        votes.append(Vote(registry_type, REGISTRY, "content/dossier.yaml gives this type", "registry"))
    return tally(votes, TIE_ORDER)


def why(c: Candidate) -> str:
    """The reason a mention was read as its type: its strongest vote for that type, else how it was read."""
    for_type = [v for v in c.votes if v.label == c.type]
    if for_type:
        best = max(for_type, key=lambda v: (v.weight, v.rule, v.reason))
        return f"{best.rule}: {best.reason}" if best.rule else best.reason
    return c.how or f"read as {c.type}"


def reading(it: Item, short: str = "") -> str:
    """How the rule scanner or the article-level pass read a name whose type no vote gave."""
    if it.how:
        return it.how
    if short:
        return f"an acronym the article spells out ({short!r})"
    if it.known:
        return f"the gazetteer knows it as {a(it.type)}"
    if it.role:
        return f"a title or role with it ({it.role!r})"
    if it.evidence in PERSON_EVIDENCE:
        return "it speaks or owns ('X said', 'X's adviser')"
    if it.evidence:
        return f"the words around it say {it.evidence}"
    last = it.text.split()[-1] if it.text.split() else ""
    if LEGAL_FORM.fullmatch(" " + last):
        return f"legal form {last!r} ends the name"
    if load().keywords.get(last.lower()) == it.type:
        return f"its last word {last!r} says it is {a(it.type)}"
    if it.weight > 1:
        return "launched, sold or used in the parse" if it.type == "product" else f"the parse says {it.type}"
    return f"the rule scanner read it as {a(it.type)}"


def a(label: str) -> str:
    """ "an organisation", "a person"."""
    return f"an {label}" if label[:1] in "aeiou" else f"a {label}"
