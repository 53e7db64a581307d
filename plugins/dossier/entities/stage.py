"""The entity stage: mentions of people, organisations, countries, places, treaties and named events.

`find_candidates` works on one article (cached per seed): it scans each kept block (names.py), then
decides what the article as a whole tells: acronyms defined in the text ("... Europe (CFE)"), a
surname that stands for a person named in full, a single word said to speak ("Lavrov said").
`resolve` works on the whole dossier in one pass over the candidates: it merges names across
articles (merge.py: by canonical name, and surnames to the one full name that ends with them),
applies the registry (which always wins), and attributes quotes to their speakers (quotes.py).
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..events.quotes import find_quotes
from ..language.nlp import Parsed, parse
from ..model import ACRONYM, MAYBE, OPEN_TYPES, Acronym, Article, Candidate, Entity, Mention, Stretch
from ..registry import Registry
from .gazetteer import load
from .merge import (
    TYPE_ORDER,
    RuleKey,
    Rules,
    auto_key,
    build_entity,
    give_ids,
    middle_name_variants,
    settle_bare_words,
    settle_open,
    short_forms,
    spelling_variants,
    trade_names,
)
from .names import OWNER, PERSON_EVIDENCE, BlockScanner, Item, full_names, fuller
from .recognizer import EVIDENCE, reconcile
from .type_votes import reading

LOWER_WORD = re.compile(r"\b[a-z]+\b")


# -- one article ---------------------------------------------------------------------------------------


def find_candidates(article: Article, parsed: Parsed | None = None) -> list[Candidate]:
    """Every mention the article makes, with the fullest name the article gives it."""
    parsed = parsed or parse(article)
    gaz = load()
    body = article.body
    lower_words = {w for b in body for w in LOWER_WORD.findall(b.text)}
    scanners = [
        BlockScanner(b.text, gaz, lower_words, b.kind == "heading" or _title_case(b.text)) for b in body
    ]
    items = [s.scan() for s in scanners]
    people = full_names(it for block in items for it in block if it.type == "person")
    items = [
        reconcile(scanner, block_items, doc, _settled(block_items, people))
        for scanner, block_items, doc in zip(scanners, items, parsed.blocks)
    ]
    acronyms = _define_acronyms(scanners, items)
    people = full_names(it for block in items for it in block if it.type == "person")
    maybes = [it for block in items for it in block if it.type == MAYBE or _bare_model_name(it)]
    # a word that speaks somewhere ("Lavrov said") and is written mid-sentence somewhere is a name
    speakers = {it.name.lower() for it in maybes if it.evidence in PERSON_EVIDENCE} & {
        it.name.lower() for it in maybes if not it.first_word
    }
    out = []
    last_treaty: Candidate | None = None  # "the pact" refers back to it
    for b, (scanner, block_items) in enumerate(zip(scanners, items)):
        pending = _anaphora(scanner)
        for it in block_items:
            short = ""
            if it.text in acronyms and it.type in (ACRONYM, MAYBE, "organisation", "treaty"):
                acronym = acronyms[it.text]
                it.type, it.name, short = acronym.type, acronym.name, acronym.long_form
            elif it.type in ("treaty", "organisation", "event") and it.text.split()[0] in acronyms:
                acronym = acronyms[it.text.split()[0]]  # "CFE Treaty" once "(CFE)" is defined
                it.type, it.name, short = acronym.type, acronym.name, acronym.long_form
            elif it.type in ("person", MAYBE) or (_bare_model_name(it) and it.name.lower() in speakers):
                _decide_name(it, people, speakers)
            if it.type not in TYPE_ORDER and it.type not in OPEN_TYPES:
                continue  # maybes and acronyms left open may be a surname or acronym known elsewhere
            while pending and pending[0].start < it.start:
                last_treaty = _refer(pending.pop(0), last_treaty, b, scanner, out)
            mention = Mention(article.id, b, it.start, it.end, it.text, scanner.sentence(it.start))
            out.append(
                Candidate(mention, it.name, it.type, it.role, short, it.weight, it.votes, reading(it, short))
            )
            if it.type == "treaty":
                last_treaty = out[-1]
        for span in pending:
            last_treaty = _refer(span, last_treaty, b, scanner, out)
    return _bare_keywords(out, gaz)


def _bare_keywords(out: list[Candidate], gaz) -> list[Candidate]:
    """ "The Navy" in an article that names one "Veldanian Navy": the body its keyword alone stands for,
    as a surname stands for a person named in full (two such bodies leave it alone)."""
    full: dict[str, set[str]] = defaultdict(set)
    for c in out:
        words = c.name.split()
        if c.type == "organisation" and len(words) > 1:
            full[words[-1].lower()].add(c.name)
    for c in out:
        word = c.name.lower()
        if c.type == "organisation" and " " not in word and gaz.keywords.get(word) == "organisation":
            if len(full.get(word, ())) == 1:
                c.name = next(iter(full[word]))
                c.how = f"'the {word}' of the article: the one body it names so"
    return out


def _bare_model_name(it: Item) -> bool:
    """One word the model calls an organisation: a company, or a surname the article makes speak."""
    return it.type == "organisation" and not it.known and " " not in it.name


def _settled(items: list[Item], people: dict[str, set[str]]) -> set[int]:
    """Open items the article itself settles: the surname of a person it names in full."""
    return {n for n, it in enumerate(items) if it.type in OPEN_TYPES and fuller(it.name, people)}


ANAPHORA = re.compile(r"\b(?:[Tt]he|[Tt]his) (pact|treaty)\b(?! (?:on|of|between)\b)")
ANAPHORA_REACH = 2  # paragraphs after the treaty was named


def _anaphora(scanner: BlockScanner) -> list[Stretch]:
    """Where a block says "the pact" / "the treaty" (the word only, not the article)."""
    return [Stretch(*m.span(1)) for m in ANAPHORA.finditer(scanner.text)]


def _refer(
    span: Stretch, last: Candidate | None, b: int, scanner: BlockScanner, out: list
) -> Candidate | None:
    """ "The pact" is the treaty named last, in this paragraph or one of the two before (a reference
    made in turn carries it on: the reach counts from the last paragraph that named it)."""
    if last and b - last.mention.block <= ANAPHORA_REACH:
        text = scanner.text[span.start : span.end]
        mention = Mention(last.mention.article, b, span.start, span.end, text, scanner.sentence(span.start))
        out.append(
            Candidate(mention, last.name, "treaty", "", last.short, how="'the pact': the treaty named last")
        )
        return out[-1]
    return last


TITLE_CASE_WORDS = (3, 25)  # a line of fewer words is a label, of more a paragraph, whatever its capitals
TITLE_CASE_SHARE = 0.9  # capitalised words of a line in Title Case: all but a few short ones ("of", "a")
TITLE_CASE_OPEN_SHARE = 0.7  # enough for a line that does not end as a sentence does


def _title_case(text: str) -> bool:
    """A line in Title Case or CAPITALS ("Analysts Say New Arms Race Unlikely") reads like a headline."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    if not TITLE_CASE_WORDS[0] <= len(words) <= TITLE_CASE_WORDS[1]:
        return False
    share = sum(w[0].isupper() for w in words) / len(words)
    ends_as_sentence = text.rstrip().endswith((".", '."', ".”"))
    return share >= TITLE_CASE_SHARE or (share > TITLE_CASE_OPEN_SHARE and not ends_as_sentence)


def _define_acronyms(scanners: list[BlockScanner], items: list[list[Item]]) -> dict[str, Acronym]:
    """'Long Form (ACR)' and 'ACR (Long Form)': what each acronym the article defines stands for."""
    found: dict[str, Acronym] = {}
    for scanner, block_items in zip(scanners, items):
        at = {it.first: it for it in block_items}
        for it in block_items:
            gap = int(
                it.last + 1 < len(scanner.keys)
                and scanner.toks[it.last].text.isalpha()
                and scanner.toks[it.last].text.islower()
            )  # "United Auto Workers union (UAW)"
            inner = at.get(it.last + 1 + gap)
            if (
                not inner
                or it.last + gap >= len(scanner.keys)
                or scanner.keys[it.last + gap] != "("
                or inner.last >= len(scanner.keys)
                or scanner.keys[inner.last] != ")"
            ):
                continue
            long_, short = (it, inner) if len(inner.text) < len(it.text) else (inner, it)
            if short.text[:1].upper() != long_.text[:1].upper():
                continue  # "Force in Afghanistan (ISAF)": the long form is not the name before
            if (
                short.known
                and (not long_.known or long_.name == short.name)
                and long_.type not in ("person",)
            ):
                long_.type, long_.name = short.type, short.name  # a known acronym names the long form
            elif (
                (short.type in OPEN_TYPES or short.type == "organisation" and not short.known)
                and long_.type in TYPE_ORDER
                and long_.type != "person"
                and short.text[:1] == long_.text[:1]
            ):
                found[short.text] = Acronym(long_.type, long_.name, long_.text)
    for block_items in items:  # "ACR Treaty" makes a defined acronym a treaty
        for it in block_items:
            words = it.text.split()
            if it.type == "treaty" and words[0] in found and len(words) == 2:
                found[words[0]].type = "treaty"
    return found


def _decide_name(it: Item, people: dict[str, set[str]], speakers: set[str]) -> None:
    """A person's fullest name in the article; a maybe becomes a person, a place or nothing."""
    if it.evidence == "organisation":
        it.type, it.weight = "organisation", EVIDENCE  # "X said its profits ...": a company
        return
    longer = fuller(it.name, people)
    if longer:
        it.type, it.name = "person", longer
        return
    if it.type == MAYBE and it.evidence in ("place", "organisation"):
        it.type = it.evidence  # "in X"; "X said its ..."
    elif it.type in (MAYBE, "organisation") and (
        it.evidence == OWNER or it.evidence == "person" and not it.first_word or it.name.lower() in speakers
    ):
        it.type = "person"  # "said Wanjiru"; a first word that speaks may be "Negotiators said"
    if (it.type == "person" or it.evidence in PERSON_EVIDENCE) and " " not in it.name:
        # "Abiy said" after "Abiy Ahmed": a first name alone, for names that are not "first + surname"
        firsts = sorted({n.lower(): n for n in sorted(people.get(f"^{it.name.lower()}", ()))}.values())
        if len(firsts) == 1:
            it.type, it.name = "person", firsts[0]


# -- the whole dossier ------------------------------------------------------------------------------


def resolve(
    articles: list[Article], candidates: dict[str, list[Candidate]], registry: Registry
) -> list[Entity]:
    """Merge the articles' candidates into entities; the registry's rules win."""
    order = {a.id: n for n, a in enumerate(articles)}
    ignore = {name.lower() for name in registry.ignore}
    rules = Rules(registry, articles)
    all_candidates = [
        c for aid in sorted(candidates, key=lambda a: order.get(a, len(order))) for c in candidates[aid]
    ]
    surnames = full_names(c for c in all_candidates if c.type == "person")
    all_candidates = settle_bare_words(settle_open(all_candidates, surnames, rules), surnames)
    spellings = spelling_variants(all_candidates) | middle_name_variants(all_candidates)
    # "Kopp" ends three spellings of one name: once they are one, the surname is no longer ambiguous
    surnames = {key: {spellings.get(n, n) for n in names} for key, names in surnames.items()}
    groups: dict[str | RuleKey, list[Candidate]] = defaultdict(list)
    for c in all_candidates:
        if c.name.lower() in ignore or c.mention.text.lower() in ignore:
            continue
        groups[rules.split_key(c) or auto_key(c, surnames, spellings)].append(c)
    merged: dict[str | RuleKey, list[Candidate]] = defaultdict(list)
    for key, members in _merge_company_names(groups).items():
        merged[rules.merge_key(key, members)] += members
    entities = [build_entity(key, members, rules) for key, members in merged.items()]
    entities = [e for e in entities if e.name.lower() not in ignore]
    give_ids(entities, order)
    _attach_quotes(entities, articles)
    return sorted(entities, key=lambda e: e.id)


def _merge_company_names(
    groups: dict[str | RuleKey, list[Candidate]],
) -> dict[str | RuleKey, list[Candidate]]:
    """One group per company: its name with a trade word joins the short name ("Acme Computer" ->
    "Acme"), and a short name the text uses for one long name joins it ("Lehman" -> "Lehman Brothers"),
    as it does for places.
    A product's plural is the product ("eSlates" -> "eSlate")."""
    named = {key: members for key, members in groups.items() if isinstance(key, str)}  # not a registry rule's
    companies = {key for key, members in named.items() if any(c.type == "organisation" for c in members)}
    into = trade_names(companies)
    # a short name another joins by its trade word ("Acme" of "Acme Foods") joins no longer name: that
    # chain would make "Acme Foods" one with "Acme Textiles"
    into |= _short_forms_of(companies - set(into) - set(into.values()), groups)
    into |= _short_forms_of(
        {key for key, members in named.items() if any(c.type == "place" for c in members)} - set(into), groups
    )  # "Moscone West" for "Moscone West Convention Center"
    products = {key for key, members in named.items() if any(c.type == "product" for c in members)}
    into |= {key: key[:-1] for key in products if key.endswith("s") and key[:-1] in products}  # "iPhones"
    out: dict[str | RuleKey, list[Candidate]] = defaultdict(list)
    for key, members in groups.items():
        out[into.get(key, key)] += members
    return out


def _short_forms_of(keys: set[str], groups: dict[str, list[Candidate]]) -> dict[str, str]:
    """merge.short_forms among these keys, from where their mentions stand."""
    articles_of = {key: {c.mention.article for c in groups[key]} for key in keys}
    sentences_of = {key: {(c.mention.article, c.mention.sentence) for c in groups[key]} for key in keys}
    return short_forms(articles_of, sentences_of)


def _attach_quotes(entities: list[Entity], articles: list[Article]) -> None:
    people: dict[str, list[Mention]] = defaultdict(list)
    by_id = {e.id: e for e in entities}
    for e in entities:
        if e.type == "person":
            for m in e.mentions:
                people[m.article].append(m)
    for article in articles:
        if article.id in people:
            for quote in find_quotes(article, people[article.id]):
                by_id[quote.speaker].quotes.append(quote)
