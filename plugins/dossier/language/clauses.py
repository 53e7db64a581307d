"""Happenings in a parsed sentence: which clause tells what, in which tense, and which date is whose.

A sentence tells one happening, its main clause: the root of the dependency parse, followed through
"is expected to", "plans to" to the verb that says what happens. A clause with a verb of its own and a
date of its own tells a second one ("he bought Pixar, which Disney acquired in 2005"). A date belongs
to the clause whose verb it hangs from; a date that names a thing ("the 1991 agreement") dates no
clause, nor does "since" unless the clause tells a lasting state ("has been fighting cancer since
2004", not "its first loss since 1992"). Tense comes from the verb's tag and its auxiliaries.
"""

from __future__ import annotations

from .. import lexicon
from ..model import Reference, Stretch

# Dependencies that open a clause of its own (a verb there heads a happening that may be dated apart).
DEPENDENCIES = lexicon.sections("dependency_labels")
OWN_CLAUSE = DEPENDENCIES["own_clause"]
# Verbs of plan and expectation: "is expected to launch", "plans to sell" tell of the launch, the sale.
PLANS = lexicon.words("plan_verbs")
FUTURE_MODALS = frozenset("will shall 'll wo".split())
MODIFIERS = DEPENDENCIES["modifier"]  # a date before its noun names a thing
# Words that stand for an entity named before, by the kind of entity they stand for.
PRONOUNS = {
    "he": "person",
    "him": "person",
    "his": "person",
    "she": "person",
    "her": "person",
    "it": "thing",
    "its": "thing",
}
# Common nouns that refer back to an organisation ("the company said"); "-maker" covers automaker,
# carmaker, chipmaker and the like.
ORGANISATION_NOUNS = lexicon.sections("organisation_nouns")["business"]
SUBJECTS = frozenset(("nsubj", "nsubjpass"))
PATIENTS = frozenset(("dobj", "dative", "nsubjpass"))  # what a happening is done to
DESCRIBING = frozenset("acl relcl amod".split())  # a clause or adjective describing a noun
PARTICIPANT_ROLES = DEPENDENCIES["participant"]
SETTINGS = frozenset(
    "in at during".split()
)  # "at the Monday meeting": the occasion of the clause's happening
RANGE_ENDS = frozenset("to until till through".split())  # "from June to August"
COMPARISON = lexicon.sections("date_cues")["comparison"]


def main_verb(root):
    """The verb that says what happens: 'expected to launch' -> launch."""
    verb = root
    while verb.lemma_ in PLANS or verb.lemma_ == "be":  # "is to sign": a plan, as "plans to sign"
        nxt = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if nxt is None:
            break
        verb = nxt
    return verb


def tense(verb) -> str | None:
    """'future', 'modal', 'past', 'past perfect', 'perfect', 'progressive' (present), 'present' or None
    (no finite verb)."""
    if verb.lemma_ in PLANS and any(c.dep_ == "xcomp" for c in verb.children):
        return "future"
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    modals = [a for a in auxiliaries if a.tag_ == "MD"]
    if modals:
        return "future" if modals[0].lower_ in FUTURE_MODALS else "modal"
    if any(a.tag_ == "TO" for a in auxiliaries):
        return "future" if verb.dep_ == "ROOT" else None  # a headline's "Apple to give refunds"
    have = [a for a in auxiliaries if a.lemma_ == "have"]
    if have:
        return "past perfect" if have[0].tag_ == "VBD" else "perfect"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    be = [a for a in auxiliaries if a.lemma_ == "be"]
    if be and verb.tag_ in ("VBG", "VBN"):
        return "past" if be[0].tag_ == "VBD" else "progressive" if verb.tag_ == "VBG" else "present"
    return None


def clause_head(token, root):
    """The head of the clause `token` belongs to: the nearest verb above it that opens a clause, or
    the root; an 'xcomp' ("expected to launch") belongs to the clause above it, and so does a bare
    participle that goes on from it ("signed a decree suspending the pact on 3 May": the signing)."""
    node = token
    while node.i != root.i and node.head.i != node.i:
        if node.pos_ in ("VERB", "AUX") and node.dep_ in OWN_CLAUSE and not _goes_on(node):
            return node
        node = node.head
    return root


def _goes_on(verb) -> bool:
    """A participle adverbial with no subject nor conjunction of its own ("..., suspending the pact")."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in verb.children)
    )


def top_of(tokens):
    """The token of a phrase whose head lies outside it: the phrase's attachment."""
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])


def dated_word(date_tokens):
    """What a date phrase dates: its clause (the clause's verb, returned as None), a happening named by
    a noun it stands before ("the Aug. 7 bombings", "Wednesday's ruling": that noun), or nothing (a
    name such as "WWDC 2005", a comparison such as "the first loss since 1992" or "up 5% from a year ago":
    False)."""
    node = top_of(date_tokens)
    if node.dep_ in MODIFIERS and node.i < node.head.i:
        noun = node.head
        if noun.dep_ == "pobj" and noun.head.lower_ in SETTINGS and noun.head.head.pos_ in ("VERB", "AUX"):
            return None  # "in a Wednesday media event, Apple released ...": when the clause happened
        return noun if noun.pos_ == "NOUN" else False
    preposition = node.head if node.dep_ in ("pobj", "pcomp") else None
    if preposition is not None and preposition.lower_ == "from" and _compared(preposition):
        return False  # "up 82% from a year ago": the base of a comparison, not when the clause happened
    if preposition is not None and preposition.lower_ == "since":
        verb = preposition.head
        objects = (
            [c for c in verb.children if c.dep_ in ("dobj", "attr")]
            if verb.pos_ in ("VERB", "AUX")
            else [verb]
        )
        if any(w.lower_ in COMPARISON or w.tag_ == "JJS" for o in objects for w in o.subtree):
            return False
    if (
        node.pos_ in ("NUM", "PROPN")
        and node.dep_ in ("nummod", "appos", "npadvmod")
        and node.head.pos_ == "PROPN"
        and node.head.ent_type_ != "DATE"
    ):
        return False  # "WWDC 2005", "Windows 2000"
    return None


def _compared(preposition) -> bool:
    """Whether "from" a date gives the base of a comparison: the word it hangs from is measured ("up
    82%", "rose 5 percent") and the date opens no range of dates ("from June to August": a "to",
    "until" or "through" beside it or after it holds a date). "Prices rise from April" says when."""
    head = preposition.head
    measured = any(
        t.like_num or t.lower_ in ("%", "percent")
        for c in head.children
        if c.i != preposition.i
        for t in c.subtree
    )
    ranged = any(
        c.dep_ == "prep" and c.lower_ in RANGE_ENDS and any(o.ent_type_ == "DATE" for o in c.subtree)
        for c in (*preposition.children, *head.children)
    )
    return measured and not ranged


def taking_part(tokens, left_out=(), head=None) -> list:
    """The tokens of the clause's argument positions among `tokens` (in order): without the subtrees
    of `left_out` heads (clauses told apart), nor those of words that only describe a noun (a
    participle or relative clause, an adjective): what is named there, or referred to ("the version
    that it sold"), does not take part, unless that clause is the one told (`head`)."""
    skipped = {t.i for left in left_out for t in left.subtree}
    for token in tokens:
        if token.dep_ in DESCRIBING and (head is None or token.i != head.i):
            skipped |= {t.i for t in token.subtree}
    return [t for t in tokens if t.i not in skipped]


def stretches(tokens) -> list[Stretch]:
    """The character ranges `tokens` cover, neighbours joined."""
    out: list[Stretch] = []
    last = None
    for token in tokens:
        end = token.idx + len(token.text)
        if out and token.i - 1 == last:
            out[-1].end = end
        else:
            out.append(Stretch(token.idx, end))
        last = token.i
    return out


def arguments(verb, tokens) -> tuple[list[Stretch], list[Stretch]]:
    """Who does what to whom: the stretches of the clause's agent (its active subject, or the "by"
    phrase of a passive) and of its patient (the object, or the passive subject), among `tokens`. A verb
    reached through "plans to" or a second verb without a subject takes the subject of the verb above."""
    kept = {t.i for t in tokens}
    node = verb
    while (
        not any(c.dep_ in SUBJECTS for c in node.children)
        and node.dep_ in ("xcomp", "conj")
        and node.head.i != node.i
    ):
        node = node.head
    agents, patients = [], []
    for child in (*verb.children, *(node.children if node.i != verb.i else ())):
        if child.dep_ == "nsubj" or child.dep_ == "agent":
            agents += [t for t in child.subtree if t.i in kept]
        elif child.dep_ in PATIENTS:
            patients += [t for t in child.subtree if t.i in kept]
    return stretches(sorted(agents, key=lambda t: t.i)), stretches(sorted(patients, key=lambda t: t.i))


def qualifiers(tokens) -> list[Stretch]:
    """The names that only qualify a common noun right after them ("the Acme logo", "Zephyr users",
    "200 Zephyr 5 owners"): each a range from the name's first character to the noun's last. A name
    there tells whose or what kind, it takes no part in the clause's happening; a name that takes the
    noun in ("the Acme store") ends past the range and still does, and a name with more words before
    its noun ("a Zephyr portable music player") names the thing the noun classes."""
    out = []
    for token in tokens:
        if token.pos_ != "NOUN":
            continue
        # any tag: "Zephyr" opening a sentence is tagged a common noun
        name = next((c for c in token.lefts if c.dep_ in ("compound", "nmod")), None)
        between = token.doc[name.right_edge.i + 1 : token.i] if name is not None else []
        if name is not None and all(t.like_num or t.text[:1].isupper() for t in between):
            out.append(Stretch(name.left_edge.idx, token.idx + len(token.text)))
    return out


def references(tokens) -> list[Reference]:
    """Pronouns and "the company"-like phrases among `tokens` that are the clause's subject or object,
    by the kind of entity they stand for ("its store" names the store's owner, not a participant)."""
    found = []
    for token in tokens:
        if token.dep_ not in PARTICIPANT_ROLES:
            continue
        kind = PRONOUNS.get(token.lower_) if token.pos_ == "PRON" else None
        if (
            token.pos_ == "NOUN"
            and token.tag_ == "NN"
            and (token.lower_ in ORGANISATION_NOUNS or token.lower_.endswith("maker"))
        ):
            if any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) and not any(
                c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" for c in token.children
            ):
                kind = "organisation"
        if kind:
            found.append(Reference(token.idx, token.idx + len(token.text), kind))
    return found


def quoted(text: str) -> list[bool]:
    """For each character of `text`, whether it lies inside quotation marks."""
    inside, out = False, []
    for i, char in enumerate(text):
        if char == "“":
            inside = True
        elif char == "”":
            out.append(True)
            inside = False
            continue
        elif char == '"':
            inside = not inside
            out.append(True)
            continue
        out.append(inside)
    return out
