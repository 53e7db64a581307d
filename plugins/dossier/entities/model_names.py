"""The statistical recognizer's names (spaCy's NER) in one block, made ready for the rules: trimmed of
articles, possessives, change words ("Outgoing Acme") and run-on titles ("Acme Executive"), cut where
the model ran two names together ("X and Y", "X, Y"), dropped when they are no name (money, markup,
an everyday word), and typed "product" when the parse shows the thing launched, sold or used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pycountry

from .. import lexicon
from ..model import MAYBE, OPEN_TYPES
from ..topics.phrases import zipf
from .gazetteer import LEGAL_FORM, NO_TYPE, Gazetteer
from .name_typing import CHANGE_WORDS, ORG_BEFORE
from .names import Item
from .type_votes import EVERYDAY

# The model's labels and the dossier's types; NORP (nationalities) is read by the gazetteer's demonyms,
# and DATE, MONEY and the other numeric labels are not names.
LABELS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "PRODUCT": "product",
    "EVENT": "event",
    "LAW": "treaty",
    "WORK_OF_ART": "product",
}
CURRENCY_CODES = frozenset(c.alpha_3 for c in pycountry.currencies)
EVIDENCE = 3  # a type the words around a name give outvotes the model's label on three other mentions
OF_NAMES = lexicon.words("of_names")  # "Bank of X", "Secretary of State": names that run on through "of"
CURRENCY_SIGN = re.compile(r"[$€£¥₹]")
TRIM_START = re.compile(r"^(?:(?:the|The|THE|a|an|and)\s+)+")
TRIM_END = re.compile(r"(?:['’]s?|[\s.,;:!?\"“”()\[\]-]|\s[a-z]+)+$")  # a name ends on a name's word
DESCRIPTORS = ORG_BEFORE  # organisation_nouns.txt, every kind
CHANGE_OPENER = re.compile(r"([A-Za-z]+)(?:-|\s+)(?=[A-Z])")  # "Former Acme", "Ex-Acme"
SEPARATOR = re.compile(
    r"['’]s\s+|\s+and\s+|,\s+(?!(?:Inc|Ltd|LLC|Corp|Co|Jr|Sr)\b)"
)  # where the model runs names together
CODE = re.compile(r"(?!(?:[IVXLC]+)$)[A-Z]{2,}\d*|[A-Z]+\d+[A-Z]*")  # "OS", "XR2"; not "XIV"
MODEL_NUMBER = re.compile(r"[1-9]\d{2}")  # "787 Dreamliner", "911 Carrera": a model number before its name
VERSION = re.compile(r"\d+(?:\.\d+)*[A-Za-z]?")  # "4", "3G", "1.1"


# Words of the parse that make a name a product: what is launched or sold, or has users and a version.
LAUNCH_VERBS = lexicon.sections("product_words")["launch"]
PRODUCT_HEADS = lexicon.sections("product_words")["heads"]


@dataclass
class ModelName:
    start: int
    end: int
    type: str
    actor: bool = False  # the parse makes it act: a subject, an agent ("by X") or an owner ("X's")
    sure: bool = False  # typed by the words around it, not by the label alone
    why: str = ""  # what the words around it say, when sure


def model_names(doc, text: str, gaz: Gazetteer) -> list[ModelName]:
    """The model's names in a block, trimmed of articles and possessives, split where the model ran two
    names together ("Apple's iPod", "X and Y"), with the dossier's types."""
    found = []
    for ent in doc.ents:
        type_ = LABELS.get(ent.label_)
        if not type_:
            continue
        actor = ent.root.dep_ in ("nsubj", "nsubjpass", "poss") or (
            ent.root.dep_ == "pobj" and ent.root.head.lower_ == "by"
        )
        sold = type_ == "organisation" and _sold(ent)
        if sold:
            type_ = "product"
        model_of = _model_after(ent, gaz)
        if model_of:  # "Toyota Prius": a maker's name before a model's
            why = "a maker's name before a model's name"
            found.append(
                ModelName(ent.start_char, model_of.idx + len(model_of.text), "product", False, True, why)
            )
            continue
        for n, (start, end) in enumerate(
            name_pieces_of(text, *_owner_cut(text, ent.start_char, ent.end_char))
        ):
            surface = text[start:end]
            if surface.endswith(FLIGHT):  # "Air France Flight 447": the airline
                end -= len(FLIGHT[0]) if surface.endswith(FLIGHT[0]) else len(FLIGHT[1])
                surface = text[start:end]
            end = title_cut(text, start, end, gaz)
            surface = text[start:end]
            if end - start < 2 or not any(c.isupper() for c in surface) or _is_role(surface, gaz):
                continue
            if (
                is_money(text, start, end)
                or in_markup(text, start, end)
                or _is_not_a_name(surface, gaz)
                or LEGAL_FORM.fullmatch(" " + surface)
            ):
                continue
            owned = n and text[:start].rstrip().endswith(("'s", "’s"))  # "Apple's iPod": its product
            product = owned and type_ == "organisation"
            why = (
                "launched, sold or used in the parse"
                if sold
                else "a company's own ('Acme's X')"
                if product
                else ""
            )
            found.append(ModelName(start, end, "product" if product else type_, actor, sold or product, why))
    return found


def sold_names(doc, items: list[Item]) -> None:
    """Names the rules left open (a sentence's first word only with another) that the parse shows
    launched, sold or used ("sales of the Varnak Strider", "copies of Gannet sold"): products."""
    for it in items:
        if it.type == MAYBE and (" " in it.text or not it.first_word):
            span = doc.char_span(it.start, it.end)
            if span is not None and _sold(span):
                it.type, it.weight = "product", EVIDENCE


def bought_names(doc, items: list[Item]) -> None:
    """Words the rules left open that the parse shows bought or founded ("the purchase of X", "he
    founded X"): companies."""
    for it in items:
        if it.type != MAYBE or it.first_word:
            continue
        span = doc.char_span(it.start, it.end)
        if span is None:
            continue
        root = span.root
        bought = (root.dep_ == "dobj" and root.head.lemma_.lower() in BUY_OR_FOUND) or (
            root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PURCHASES
        )
        if bought:
            it.type, it.how = "organisation", "bought or founded in the parse: a company"


def _model_after(ent, gaz: Gazetteer):
    """The proper noun a company's name modifies, right after it ("Toyota Prius", "Acme Roadster"), if any."""
    root, doc = ent.root, ent.doc
    if ent.label_ != "ORG" or root.dep_ != "compound" or ent.end >= len(doc):
        return None
    head = doc[ent.end]
    if (
        head is not root.head
        or head.pos_ != "PROPN"
        or head.ent_type_
        or head.lower_ in gaz.role_words
        or not head.text[:1].isupper()
    ):
        return None
    return head


def _sold(ent) -> bool:
    """The parse says a thing is launched, sold or used: "unveiled the X", "X users", "the new X"."""
    root = ent.root
    of_head = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None  # "sales of the X"
    return (
        (root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_ in LAUNCH_VERBS)
        or (root.dep_ == "compound" and root.head.lemma_ in PRODUCT_HEADS)
        or (of_head is not None and of_head.lemma_ in PRODUCT_HEADS - OWNING_NOUNS)  # not "owner of X"
        or any(child.dep_ == "amod" and child.lower_ in ("new", "latest") for child in root.children)
        or any(child.dep_ == "appos" and child.lemma_ in VERSION_NOUNS for child in root.children)
    )  # "X, the newest version of Y"


RELATION_WORDS = lexicon.sections("relation_words")
BUY_OR_FOUND = RELATION_WORDS["acquire"] | lexicon.sections("role_verbs")["found"]
PURCHASES = RELATION_WORDS["acquisition"]
# "the owner of X", "a unit of X", "the buyer of X": X may as well be a company as a product
OWNING_NOUNS = frozenset(line.split("\t")[0] for line in lexicon.lines("relation_nouns.tsv")) | {"buyer"}
VERSION_NOUNS = frozenset(("version", "release", "edition"))
NEXT_WORD = re.compile(r"\s+([A-Z][\w-]*)")


def title_cut(text: str, start: int, end: int, gaz: Gazetteer) -> int:
    """ "Acme Executive" in "Acme Executive Vice President X": a title's first word run on from a name
    into the next capitalised title word; the name ends before it."""
    after = NEXT_WORD.match(text, end)
    if not after or after[1].lower() not in gaz.role_words:
        return end
    cut = text.rfind(" ", start, end)
    return cut if cut > start and text[cut + 1 : end].lower() in gaz.role_words else end


def _is_role(surface: str, gaz: Gazetteer) -> bool:
    """ "C.E.O.", "Chief Executive": a title, nobody's name."""
    return all(w.replace(".", "").lower() in gaz.role_words for w in surface.split())


def is_title(it: Item, gaz: Gazetteer) -> bool:
    """A person's name or a word left open never ends with a title's head ("Operating Officer")."""
    return it.type in OPEN_TYPES + ("person",) and (
        _is_role(it.text, gaz) or it.text.split()[-1].replace(".", "").lower() in gaz.role_heads
    )


def _owner_cut(text: str, start: int, end: int) -> tuple[int, int]:
    """ "Users of Mac OS" is "Mac OS": an everyday word before "of" is not part of a name."""
    match = re.match(r"(?:[Tt]he\s+)?([A-Z][a-z]+)\s+of\s+", text[start:end])
    if match and zipf(match.group(1).lower()) >= EVERYDAY and match.group(1).lower() not in OF_NAMES:
        return start + match.end(), end
    return start, end


def name_pieces_of(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A model name cut at an inner possessive or "and", each piece trimmed of articles and "'s"."""
    pieces, bounds = [], [start]
    for cut in SEPARATOR.finditer(text, start, end):
        bounds += [cut.start(), cut.end()]
    bounds.append(end)
    for a, b in zip(bounds[::2], bounds[1::2]):
        lead = TRIM_START.match(text[a:b])
        a += lead.end() if lead else 0
        change = CHANGE_OPENER.match(text[a:b])
        if change and (
            change[1].lower() in CHANGE_WORDS | {"ex"} or (change[1].islower() and change[1] in DESCRIPTORS)
        ):
            a += change.end()  # "Outgoing Acme", "Ex-Acme", "the union Acme": what it is, not its name
        tail = TRIM_END.search(text[a:b])
        pieces.append((a, a + tail.start() if tail else b))
    return pieces


MARKUP_OPENING = re.compile(r"(?:<!?\[?|</?)$")  # "<![CDATA[", "<tag", "</tag"


def in_markup(text: str, start: int, end: int) -> bool:
    """A word of markup pasted with the text ("<![CDATA[", "<Body>"): a tag's name is nobody's."""
    return bool(MARKUP_OPENING.search(text[max(0, start - 3) : start]))


def is_money(text: str, start: int, end: int) -> bool:
    """A currency code or sign at the name: "AU$ 300", "(USD)", "$US"."""
    before, after = text[max(0, start - 1) : start], text[end : end + 1]
    return bool(CURRENCY_SIGN.search(before + after)) or text[start:end] in CURRENCY_CODES


def _is_not_a_name(surface: str, gaz: Gazetteer) -> bool:
    """One everyday word ("However", "Meanwhile"), capitalised by its place; or a plan, a programme or
    another thing of none of the dossier's types, by its last word ("Star Wars Initiative")."""
    words = surface.split()
    return (len(words) == 1 and surface.lower() in gaz.common and not surface.isupper()) or gaz.keywords.get(
        words[-1].lower()
    ) == NO_TYPE


FLIGHT = (" Flight", " flight")
