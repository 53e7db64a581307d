"""The statistical recognizer's names, reconciled with the rule scanner's in one block of text.

The model (spaCy's NER) finds names no list holds; the rules (names.py) know the gazetteer, treaties,
named events, titles and roles. Where both read the same words, the one with the better evidence
keeps them: a gazetteer entry, a title or role, a name keyword ("Ministry", "Treaty") or an
article-level fact (a surname of a person named in full) keeps the rules' reading; a name read only
by its shape, a word left open, or a fragment of a longer name the model reads whole goes to the model.
What the model alone reads is added, unless it is not a name at all (a currency, a sentence adverb).
"""

from __future__ import annotations

import bisect

from ..model import OPEN_TYPES
from ..rules import Decision
from .gazetteer import LEGAL_FORM
from .model_names import (
    CODE,
    EVIDENCE,
    MODEL_NUMBER,
    VERSION,
    ModelName,
    bought_names,
    in_markup,
    is_money,
    is_title,
    model_names,
    sold_names,
)
from .names import OWNER, PERSON_EVIDENCE, BlockScanner, Item
from .roles import SPEECH
from .type_votes import INDEX_WORDS, PRODUCT_SHAPE, index_after, mention_type


def reconcile(scanner: BlockScanner, items: list[Item], doc, keep: set[int]) -> list[Item]:
    """The block's names: the rules' items where their evidence is better, the model's elsewhere.

    `keep` holds the indices of open items an article-level fact settles (a known surname)."""
    # a Title Case headline is all capitals to the model; there only the rules' known names count
    names = [] if scanner.heading else model_names(doc, scanner.text, scanner.gaz)
    for it in items:
        if it.type in OPEN_TYPES + ("person",) and " " in it.text and LEGAL_FORM.search(it.text):
            it.type = "organisation"  # "Orsina SpA": no person's name ends with a legal form
        elif it.type == "person" and not it.role and any(CODE.fullmatch(w) for w in it.text.split()[1:]):
            it.type = "product"  # "Mac OS X", "Vela XR2": a code inside a name is a product's, not a person's
    if not scanner.heading:
        sold_names(doc, items)
        bought_names(doc, items)
    products = _product_names(scanner, [it for it in items if it.type not in OPEN_TYPES])
    in_product = _covered(scanner.text, products)
    items = [
        it
        for it in items
        if not (it.type in OPEN_TYPES and any(in_product[it.start : it.end]))
        and not is_title(it, scanner.gaz)
        and not is_money(scanner.text, it.start, it.end)
        and not in_markup(scanner.text, it.start, it.end)
        and not LEGAL_FORM.fullmatch(" " + it.text)
    ] + products
    # which model name covers each character (the model's names never overlap): linear in the block
    name_at = [-1] * len(scanner.text)
    for i, model in enumerate(names):
        name_at[model.start : model.end] = [i] * (model.end - model.start)
    out, claimed = [], set()
    for n, it in enumerate(items):
        over = sorted({i for i in name_at[it.start : it.end] if i >= 0})
        if not over or (_rules_win(it, [names[i] for i in over], n in keep, scanner)):
            out.append(it)
            claimed.update(over)
            continue
        model = names[over[0]]
        if len(over) == 1 and (model.start, model.end) == (it.start, it.end):
            typed(it, mention_type(model.type, it, scanner, model.actor, model.why))
            it.weight = EVIDENCE if model.sure else it.weight
            out.append(it)
            claimed.add(over[0])
        # else the model reads these words differently (a longer name, or two): its reading is added below
    taken, starts = _covered(scanner.text, out), [t.start for t in scanner.toks]
    for i, model in enumerate(names):
        if i not in claimed and not any(taken[model.start : model.end]):
            item = _item(scanner, model, starts)
            if item:
                out.append(item)
    for it in out:
        if it.type in OPEN_TYPES and (
            index_after(scanner, it.last) or scanner.keys[it.last - 1] in INDEX_WORDS
        ):
            it.type, it.weight = "product", EVIDENCE  # "the Nikkei average", left open by both readers
    out.sort(key=lambda it: it.start)
    return out


def _covered(text: str, spans) -> bytearray:
    """1 at each character of the text that one of these spans covers."""
    marks = bytearray(len(text))
    for span in spans:
        marks[span.start : span.end] = b"\x01" * (span.end - span.start)
    return marks


def _product_names(scanner: BlockScanner, items: list[Item]) -> list[Item]:
    """Names shaped like products ("iPhone", "iOS 5", "iTunes Music Store"): a camel-cased word with the
    capitalised words and version numbers that follow it."""
    toks, taken, found = scanner.toks, {x for it in items for x in range(it.first, it.last)}, []
    x = 0
    while x < len(toks):
        if (
            x not in taken
            and MODEL_NUMBER.fullmatch(toks[x].text)
            and x + 1 < len(toks)
            and toks[x + 1].cap
            and scanner.tight_word(x)
            and toks[x + 1].key not in scanner.gaz.common
            and x + 1 not in taken
        ):
            found.append(scanner.item(x, x + 2, "product", weight=EVIDENCE))  # "787 Dreamliner"
            x += 2
            continue
        if x in taken or not PRODUCT_SHAPE.match(toks[x].text):
            x += 1
            continue
        end = x + 1
        while (
            end < len(toks)
            and end - x < 4
            and end not in taken
            and scanner.tight_word(end - 1)
            and (
                (toks[end].cap and toks[end].key not in scanner.gaz.common)
                or VERSION.fullmatch(toks[end].text)
            )
        ):
            end += 1
        item = scanner.item(x, end, "product", weight=EVIDENCE, how="camel-cased like a product's name")
        if LEGAL_FORM.search(item.text):  # "eVolvo AG": a company written in a product's shape
            item.type, item.how = "organisation", f"legal form {item.text.split()[-1]!r} ends the name"
        found.append(item)
        x = end
    return found


def _rules_win(it: Item, over: list[ModelName], settled: bool, scanner: BlockScanner) -> bool:
    """Does the rules' reading of these words stand against the model's?"""
    longer = (
        len(over) == 1
        and over[0].start <= it.start
        and it.end <= over[0].end
        and (over[0].start, over[0].end) != (it.start, it.end)
    )
    if it.role and longer and over[0].start < it.start and over[0].type != "person":
        return False  # the "title" is part of the name: "Federal Reserve", "Royal Navy"
    if it.type == "event" and len(over) >= 2 and over[-1].type in ("place", "country") and " in " in it.text:
        return False  # "Macworld Conference in San Francisco": an event, and where it was
    if settled or it.role or it.type in ("treaty", "event", "product"):
        return True  # a title, a role, a name keyword or the article's own evidence
    if it.evidence in PERSON_EVIDENCE:  # a voice ("X said"), unless part of a longer name; "said X
        return not longer and (it.evidence == OWNER or _speaks(scanner, it))  # would ..." is the model's
    if it.known:  # a known name inside a longer one ("Bank of America", "Apple Corps") is the longer one's
        return not (longer and over[0].type in ("organisation", "product", "event"))
    if it.type in ("organisation", "place"):  # typed by a name keyword or a place word
        return not longer and len(over) < 2
    if it.type == "person" and over[0].type == "person":
        return True  # the rules know titles and honorifics ("Sheikh X" is X)
    return False  # a name read by its shape, or left open: the model reads it


def _speaks(scanner: BlockScanner, it: Item) -> bool:
    """The name is followed by a verb of saying ("X said", "X, asked about it, said")."""
    after = scanner.keys[it.last : it.last + 2]
    return bool(after) and (after[0] in SPEECH or after[0] == "," and after[1:] and after[1] in SPEECH)


def _item(scanner: BlockScanner, model: ModelName, starts: list[int]) -> Item | None:
    """An item over the scanner's tokens (which start at `starts`) for a name only the model read, typed
    by the model and checked against the words around it."""
    first = bisect.bisect_left(starts, model.start)
    last = bisect.bisect_left(starts, model.end)
    if first >= last:
        return None
    item = scanner.item(first, last, model.type, first_word=first in scanner.sentence_first)
    typed(item, mention_type(model.type, item, scanner, model.actor, model.why))
    item.weight = EVIDENCE if model.sure else 1
    return item


def typed(it: Item, decision: Decision) -> None:
    """The item takes the type its mention's votes give, and keeps the votes for `--explain`."""
    it.type, it.votes = decision.label, decision.votes
