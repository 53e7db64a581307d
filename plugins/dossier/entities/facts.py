"""Key facts: the roles people hold and a few typed relations, read from the parse, dated and sourced.

Per seed (cached with it), `find_facts` reads each kept block's spaCy parse for statements whose
parties are text spans: a title before a name ("U.S. Defense Secretary Robert Gates", "NATO's
spokesman X"), an apposition ("X, chief executive of Y", "Y's chief executive, X"), a relative clause
("X, who heads Y"), a copula ("X is the president of Y", "X became ..."), and the verbs and words of
change: "former", "new", "resigned", "stepped down", "was replaced by", "will succeed", "took over",
"named X as its new ...", "serving as interim ... since ...". Relations come from plain patterns:
"X is a member of Y", "Y member X", "X, a subsidiary of Y", "X owns a stake in Y", "X signed T",
"X met (with) Y".

On the whole dossier, `attach` resolves each span to the entity whose mention it overlaps (by block
and offsets, never by finding names again), dates each statement by its article (or the date the
text gives), merges the statements of one person, role and body into one `Role` (as of which
article dates, from, until, status, successor) and the registry's `roles:` and `relations:` win.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..language.nlp import Parsed
from ..language.timex import find_dates, parse_reference
from ..model import (
    ACRONYM,
    MAYBE,
    Article,
    Candidate,
    Entity,
    Relation,
    RelationStatement,
    Role,
    RoleStatement,
    Source,
    Span,
)
from ..registry import Registry
from .gazetteer import load as load_gazetteer

# Nouns that name an organisation without naming it: "the company", "alliance Secretary-General X".
GENERIC_BODIES = frozenset(
    "company firm alliance organisation organization group party bloc agency ministry government bank "
    "union club team league council committee corporation board administration institute foundation "
    "commission bureau department office".split()
)
# Words that relate a person to another person, not to a post.
RELATIVE = frozenset(
    "counterpart counterparts colleague colleagues wife husband son daughter brother sister father mother "
    "friend partner widow widower cousin uncle aunt nephew niece spouse girlfriend boyfriend".split()
)
# Words before a title that say when it was held, not what it is.
ENDED_WORDS = frozenset("former ex ex- late then".split())
START_WORDS = frozenset(["new", "newly"])
EXPECTED_WORDS = frozenset(["incoming", "designate", "designated", "future"])
DROPPED_WORDS = (
    frozenset("current outgoing longtime long-time veteran embattled visiting powerful influential".split())
    | ENDED_WORDS
    | START_WORDS
    | EXPECTED_WORDS
)
# "X, who heads Y": the verb of leading and the role it gives.
HEAD_VERBS = {
    "head": "head",
    "lead": "leader",
    "chair": "chair",
    "run": "head",
    "direct": "director",
    "manage": "manager",
    "command": "commander",
    "govern": "governor",
    "found": "founder",
}
HOLD_VERBS = frozenset("serve continue remain stay work act".split())  # "... as R": the role is held
END_VERBS = frozenset(["resign", "quit", "retire"])
APPOINT_VERBS = frozenset("name appoint elect choose promote hire tap nominate select install".split())
COPULAS = {"be": "", "become": "starts", "remain": ""}
FUTURE_HEADS = frozenset("expect plan set due intend schedule prepare".split())
NAME_LABELS = ("PERSON",)
BODY_LABELS = ("GPE", "NORP", "ORG")
BODY_TYPES = ("country", "organisation", ACRONYM, MAYBE)
# A role's head noun names a person: a known title word, or an agent noun ("shareholder", "employee").
AGENT_NOUN = re.compile(r"(?:er|or|ist|ian|ant|ent|man|woman|person|ee|eer|ary|ive)s?$")
POST_NOUNS = frozenset(
    "coach boss captain head chief chair host trustee treasurer clerk".split()
)  # beside roles.txt
COMPANY_SUFFIXES = frozenset("inc inc. corp corp. co co. ltd ltd. plc llc ag sa nv gmbh".split())


# -- per article ---------------------------------------------------------------------------------------


def find_facts(
    article: Article, parsed: Parsed, candidates: list[Candidate]
) -> tuple[list[RoleStatement], list[RelationStatement]]:
    """The role and relation statements of one article's kept blocks."""
    reference = parse_reference(article.date)
    roles: list[RoleStatement] = []
    relations: list[RelationStatement] = []
    by_block: dict[int, list[Candidate]] = defaultdict(list)
    for c in candidates:
        by_block[c.mention.block].append(c)
    people = {c.name for c in candidates if c.type == "person"}  # a person typed otherwise in one sentence
    for b, (block, doc) in enumerate(zip(article.body, parsed.blocks)):
        if block.kind == "heading":
            continue
        reader = BlockReader(article.id, b, doc, by_block.get(b, []), reference, people)
        roles += reader.roles()
        relations += reader.relations()
    return roles, relations


def _union(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping character ranges joined: "Lisbon Port" and "Lisbon Port Authority" are one body."""
    out: list[list[int]] = []
    for start, end in sorted(ranges):
        if out and start < out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(start, end) for start, end in out]


class BlockReader:
    """The statements of one parsed block."""

    def __init__(
        self,
        article: str,
        block: int,
        doc,
        candidates: list[Candidate],
        reference,
        people: set[str] = frozenset(),
    ):
        self.article, self.block, self.doc = article, block, doc
        self.gaz = load_gazetteer()
        self.dates = find_dates(doc.text, reference)
        named = [
            (c.mention.start, c.mention.end)
            for c in candidates
            if c.type in ("country", "organisation") and c.name not in people
        ]
        ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in BODY_LABELS]
        self.known_bodies = {
            t.i for start, end in named for t in doc.char_span(start, end, alignment_mode="expand") or ()
        }
        maybes = [(c.mention.start, c.mention.end) for c in candidates if c.type == MAYBE]
        self.names = [
            span
            for span in self._spans(
                [
                    (c.mention.start, c.mention.end)
                    for c in candidates
                    if c.type == "person" or c.name in people
                ]
                + [
                    (start, end)
                    for start, end in maybes  # a word left open that the model calls a body is not a name
                    if not any(s < end and start < e for s, e in ents)
                ]
                + [(e.start_char, e.end_char) for e in doc.ents if e.label_ in NAME_LABELS]
            )
            if span[-1].lower_ not in self.gaz.role_heads  # "Chief Operating Officer" is a title, not a name
            and not self.known_bodies & set(range(span.start, span.end))
        ]
        self.bodies = self._spans(
            _union(
                [
                    (c.mention.start, c.mention.end)
                    for c in candidates
                    if c.type in BODY_TYPES and c.name not in people
                ]
                + ents
            )
        )
        self.name_at = {i: span for span in self.names for i in range(span.start, span.end)}
        self.body_at = {i: span for span in self.bodies for i in range(span.start, span.end)}

    def _spans(self, ranges: list[tuple[int, int]]) -> list:
        """Token spans for character ranges; the first (a candidate's) wins where two overlap."""
        out, taken = [], set()
        for start, end in ranges:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0 or taken & set(range(span.start, span.end)):
                continue
            taken |= set(range(span.start, span.end))
            out.append(span)
        return out

    def span(self, tokens) -> Span:
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        return Span(start, end, self.block, self.doc.text[start:end])

    def sentence(self, token) -> str:
        return token.sent.text.strip()

    # -- roles ---------------------------------------------------------------------------------------

    def roles(self) -> list[RoleStatement]:
        out: list[RoleStatement] = []
        # a body may be a person the model mistyped here ("Vera Lind" as ORG): the dossier's type decides
        holders = self.names + [
            b for b in self.bodies if b.start not in self.name_at and b[-1].pos_ == "PROPN"
        ]
        for name in holders:
            out += self.title_before(name)
            out += self.apposition(name)
            out += self.clauses(name)
        seen, unique = set(), []
        for s in out:
            key = (s.holder.start, s.role.lower(), s.change, s.other.start if s.other else None)
            if key not in seen:
                seen.add(key)
                unique.append(s)
        return unique

    def statement(
        self,
        name,
        role: Phrase,
        change: str = "",
        expected: bool = False,
        date: str | None = None,
        other=None,
    ) -> RoleStatement:
        return RoleStatement(
            self.article,
            self.sentence(name.root),
            self.span(name),
            role.text,
            self.span(role.body) if role.body is not None else None,
            role.generic,
            change or role.change,
            expected or role.expected,
            date,
            self.span(other) if other is not None else None,
        )

    def title_before(self, name) -> list[RoleStatement]:
        """The title written before a name: "U.S. Defense Secretary X", "alliance Secretary-General X"."""
        doc, i = self.doc, name.start - 1
        first = name.start
        while i >= 0 and i >= name.sent.start:
            t = doc[i]
            if t.i in self.name_at:
                break  # another person's name: "Bush adviser X" reads no further
            if (
                t.tag_ == "HYPH"
                or t.text in ("'s", "’s")
                or t.pos_ in ("NOUN", "PROPN", "ADJ")
                or (
                    t.lower_ == "and"
                    and first < name.start
                    and i > 0
                    and doc[i - 1].pos_ in ("NOUN", "PROPN")
                )
                or (
                    t.lower_ == "of"
                    and i > 0
                    and doc[i - 1].pos_ == "PROPN"
                    and doc[i + 1].text[:1].isupper()
                )
            ):
                first = i
                i -= 1
            else:
                break
        if first == name.start:
            return []
        return [self.statement(name, role) for role in self.read_roles(list(doc[first : name.start]))]

    def apposition(self, name) -> list[RoleStatement]:
        """ "X, chief executive of Y," and "Y's chief executive, X"."""
        root, out = name.root, []
        for child in root.children:
            if child.dep_ == "appos" and child.i >= name.end and child.i not in self.name_at:
                out += [self.statement(name, role) for role in self.role_phrases(child)]
        head = root.head
        before_comma = name.start >= 2 and self.doc[name.start - 1].text == ","
        if (
            before_comma
            and head.i < name.start
            and head.i not in self.name_at
            and head.pos_ in ("NOUN", "PROPN")
            and (root.dep_ == "appos" or (root.dep_ == head.dep_ == "nsubj"))
        ):
            # "The company's chief executive, X" (and its misparse as two subjects)
            out += [self.statement(name, role) for role in self.role_phrases(head)]
        elif before_comma and root.dep_ == "nsubj":
            head_noun = self.doc[name.start - 2]  # "The former Chief Operating Officer, X will ..."
            if (
                head_noun.dep_ == "nsubj"
                and head_noun.head == root.head
                and head_noun.pos_ in ("NOUN", "PROPN")
                and head_noun.i not in self.name_at
            ):
                out += [self.statement(name, role) for role in self.role_phrases(head_noun)]
        return out

    def clauses(self, name) -> list[RoleStatement]:
        """A relative clause on the name, or the verb the name is subject or object of."""
        root, out = name.root, []
        for child in root.children:
            if child.dep_ == "relcl" and any(
                c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in child.children
            ):
                out += self.verb_facts(child, name, "nsubj")
        verb, dep = root.head, root.dep_
        if dep == "appos" and verb.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.i not in self.name_at:
            verb, dep = verb.head, verb.dep_  # "The former finance chief, X, will succeed Y"
        if dep in ("nsubj", "nsubjpass", "dobj", "oprd") and verb.pos_ in ("VERB", "AUX"):
            out += self.verb_facts(verb, name, dep)
            for conj in verb.children:  # "X resigned and was replaced by Y"
                if (
                    conj.dep_ == "conj"
                    and conj.pos_ in ("VERB", "AUX")
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)
                ):
                    out += self.verb_facts(conj, name, dep)
        elif dep == "pobj" and verb.dep_ == "agent":  # "X was replaced by Y": Y, through "by"
            out += self.verb_facts(verb.head, name, "agent")
        for xcomp in (c for c in verb.children if c.dep_ == "xcomp") if dep == "nsubj" else ():
            out += self.verb_facts(xcomp, name, "nsubj")  # "X has chosen to step down"
        return out

    def verb_facts(self, verb, name, dep: str) -> list[RoleStatement]:
        lemma = verb.lemma_.lower()
        expected = self.future(verb)
        date = self.date_in(verb)
        particle = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod", "prep")}
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "oprd") and c.i in self.name_at), None)
        agent = next(
            (
                g
                for c in verb.children
                if c.dep_ == "agent"
                for g in c.children
                if g.dep_ == "pobj" and g.i in self.name_at
            ),
            None,
        )
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        subjects += [
            a for c in subjects for a in c.children if a.dep_ == "appos"
        ]  # "The former ..., X, will"
        subject = next((c for c in subjects if c.i in self.name_at), subjects[0] if subjects else None)
        as_role = self.as_role(verb)
        role = as_role or Phrase("")
        if lemma in COPULAS and dep == "nsubj":
            attr = next(
                (c for c in verb.children if c.dep_ in ("attr", "acomp") and c.i not in self.name_at), None
            )
            phrase = self.role_phrase(attr) if attr is not None and attr.pos_ in ("NOUN", "PROPN") else None
            if phrase is None or (lemma == "be" and verb.tag_ == "VBD" and not phrase.change):
                return []  # "X was president": when is not said
            return [self.statement(name, phrase, COPULAS[lemma], expected, date)]
        if lemma in HEAD_VERBS and dep == "nsubj" and obj is None and verb.dep_ == "relcl":
            body = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if body is None:
                return []
            held = Phrase(HEAD_VERBS[lemma], *self.body_of(body))
            if held.body is None and not held.generic:
                return []
            return [self.statement(name, held, "former" if verb.tag_ == "VBD" else "", expected)]
        if dep == "nsubj" and (lemma in END_VERBS or (lemma == "step" and particle & {"down", "aside"})):
            return [self.statement(name, role, "ends", expected, date)]
        if dep == "nsubj" and lemma in HOLD_VERBS and as_role:  # "X has served as R since ...", "X remains R"
            since = self.date_in(verb, ("since", "from"))
            return [
                self.statement(name, as_role, "starts" if since else "", expected and lemma == "serve", since)
            ]
        if lemma == "take" and "over" in particle and dep == "nsubj":
            return [self.statement(name, role, "starts", expected, date)]
        if lemma == "replace" and dep in ("nsubjpass", "agent"):
            old = (
                name
                if dep == "nsubjpass"
                else next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i in self.name_at), None)
            )
            new = agent if dep == "nsubjpass" else name
            if old is None or new is None:
                return []
            old, new = self.name_of(old), self.name_of(new)
            return [
                self.statement(old, role, "ends", expected, date, new),
                self.statement(new, role, "starts", expected, date, old),
            ]
        if lemma in ("replace", "succeed") and dep in ("nsubj", "dobj"):
            new = (
                name
                if dep == "nsubj"
                else (subject if subject is not None and subject.i in self.name_at else None)
            )
            old = obj if dep == "nsubj" else name.root
            if new is None or old is None or old.i not in self.name_at:
                return []
            new, old = self.name_of(new), self.name_of(old)
            return [
                self.statement(old, role, "ends", expected, date, new),
                self.statement(new, role, "starts", expected, date, old),
            ]
        if lemma in APPOINT_VERBS and dep in ("dobj", "oprd", "nsubjpass"):
            phrase = as_role or next(
                (
                    self.role_phrase(c)
                    for c in verb.children
                    if c.dep_ in ("oprd", "attr", "xcomp")
                    and c.i not in self.name_at
                    and c.pos_ in ("NOUN", "PROPN")
                ),
                None,
            )
            if phrase is None:
                return []
            if phrase.body is None and phrase.generic in ("its", "their") and subject is not None:
                phrase.body, phrase.generic = self.body_of(subject)  # "Acme named X as its new ..."
            return [self.statement(name, phrase, "starts", expected, date)]
        return []

    def name_of(self, token_or_span):
        """The name span at a token (a span is its own)."""
        return self.name_at[token_or_span.i] if hasattr(token_or_span, "i") else token_or_span

    def future(self, verb) -> bool:
        """ "will succeed", "is to step down", "is expected to resign"."""
        if any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "shall", "'ll", "’ll")
            for c in verb.children
        ):
            return True
        head = verb.head
        if verb.dep_ == "xcomp" and head.lemma_.lower() in FUTURE_HEADS | {"be"}:
            return True
        return False

    def date_in(self, verb, cues: tuple[str, ...] = ()) -> str | None:
        """The date stated in the verb's clause (after one of `cues` when given)."""
        start, end = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge.text)
        sent = verb.sent
        start, end = max(start, sent.start_char), min(end, sent.end_char)
        for expression in self.dates:
            if start <= expression.start and expression.end <= end:
                before = self.doc.text[max(0, expression.start - 7) : expression.start].split()
                if not cues or (before and before[-1].lower() in cues):
                    return expression.value
        return None

    def as_role(self, verb) -> Phrase | None:
        """ "... as chief executive of Y", also through "from his post as ..."."""
        queue, seen = [(verb, 0)], set()
        while queue:
            token, depth = queue.pop(0)
            for child in token.children:
                if child.i in seen or child.dep_ in ("nsubj", "nsubjpass", "relcl", "ccomp", "advcl", "conj"):
                    continue
                seen.add(child.i)
                if child.dep_ == "prep" and child.lower_ == "as":
                    pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if pobj is not None and pobj.i not in self.name_at:
                        return self.role_phrase(pobj)
                if depth < 3:
                    queue.append((child, depth + 1))
        if verb.dep_ == "acl":  # "The board named X as ...": "as" hangs on the noun the verb describes
            return next(
                (
                    self.role_phrase(g)
                    for c in verb.head.children
                    if c.dep_ == "prep" and c.lower_ == "as"
                    for g in c.children
                    if g.dep_ == "pobj" and g.i not in self.name_at
                ),
                None,
            )
        return None

    def role_phrases(self, head) -> list[Phrase]:
        """A role noun and those coordinated with it ("co-founder and chief executive of Y"), which share
        the body one of them names."""
        roles = [self.role_phrase(head)] + [
            self.role_phrase(c)
            for c in head.children
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and c.i not in self.name_at
        ]
        return _share([role for role in roles if role])

    def role_phrase(self, head) -> Phrase | None:
        """The role a noun phrase names: its words up to the head, then "of/for/at Y"."""
        tokens = [t for t in head.subtree if t.i <= head.i]
        start = next((k for k in range(len(tokens) - 1, -1, -1) if tokens[k].text == ","), -1) + 1
        tokens = tokens[start:]
        first = tokens[0].i if tokens else head.i
        while (
            first >= 2
            and self.doc[first - 1].text == "-"
            and not self.doc[first - 2].whitespace_
            and not self.doc[first - 1].whitespace_
        ):
            first -= 2  # "co-founder", split by the tokenizer and parsed as three nouns
        tokens = list(self.doc[first : tokens[0].i]) + tokens if tokens else tokens
        role = self.read_role(tokens)
        if role is None:
            return None
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "at") and prep.i > head.i:
                pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                body, generic = self.body_of(pobj)
                if (body is not None or generic) and role.body is None and not role.generic:
                    role.body, role.generic = body, generic
                elif body is None and not generic and pobj.i not in self.name_at and prep.lower_ == "of":
                    words = [t for t in pobj.subtree if t.i <= pobj.i]
                    role.text += " of " + self.doc[words[0].i : pobj.i + 1].text  # "minister of agriculture"
                break
        return role

    def body_of(self, token) -> tuple:
        """The body a noun names: a name's span, a generic noun ("the company"), or nothing."""
        inside = next((t for t in token.subtree if t.i in self.body_at and t.i <= token.i), None)
        if inside is not None:  # "Apple Inc.", "the Lisbon Port Authority"
            return self.body_at[inside.i], ""
        if token.lower_ in GENERIC_BODIES or token.lower_ in ("its", "their"):
            return None, token.lower_
        return None, ""

    def read_roles(self, tokens: list) -> list[Phrase]:
        """Titles joined by "and" ("Acme CEO and co-founder X"): each read, the first one's body shared."""
        parts, part = [], []
        for t in tokens:
            if t.lower_ == "and":
                parts.append(part)
                part = []
            else:
                part.append(t)
        return _share([role for role in map(self.read_role, [*parts, part]) if role])

    def strip_changes(self, tokens: list, role: Phrase) -> None:
        """Drop what opens a title without being it, noting the change words ("former", "new")."""
        while tokens and (
            tokens[0].pos_
            in ("DET", "PRON", "PUNCT", "NUM", "VERB", "AUX", "CCONJ", "PART", "SCONJ", "ADP", "ADV", "INTJ")
            or tokens[0].lower_ in DROPPED_WORDS
            or tokens[0].lower_.rstrip(".") in self.gaz.honorifics
        ):
            word = tokens.pop(0)
            if word.lower_ in ENDED_WORDS:
                role.change = "former"
            elif word.lower_ in START_WORDS:
                role.change = "starts"
            elif word.lower_ in EXPECTED_WORDS:
                role.change, role.expected = "starts", True
            elif word.lower_ in ("its", "their"):
                role.generic = word.lower_

    def read_role(self, tokens: list) -> Phrase | None:
        """A title's words: change words, a leading body ("U.S.", "NATO's", "alliance"), then the role."""
        role = Phrase("")
        self.strip_changes(tokens, role)
        while tokens and tokens[-1].lower_.rstrip(".") in self.gaz.honorifics:
            tokens.pop()
        inner = [t for t in tokens[1:-1] if t.i in self.known_bodies and t.i in self.body_at]
        if inner or (
            tokens and tokens[0].i in self.body_at
        ):  # "Russian State Duma committee head": the nearest
            body = self.body_at[inner[-1].i if inner else tokens[0].i]
            rest = [t for t in tokens if t.i >= body.end]
            while rest and rest[0].lower_ in COMPANY_SUFFIXES:
                rest = rest[1:]  # "Apple Inc. CEO"
            if rest and rest[0].text in ("'s", "’s"):
                rest = rest[1:]
            if rest:
                role.body, role.generic, tokens = body, "", rest
                self.strip_changes(tokens, role)  # "the Y Company's new chief executive"
        elif any(t.text in ("'s", "’s") for t in tokens[1:-1]):  # "Y's new chief strategist": Y, as written
            mark = max(k for k, t in enumerate(tokens[:-1]) if t.text in ("'s", "’s"))
            if tokens[0].text[:1].isupper() or tokens[0].lower_ in GENERIC_BODIES:
                body = self.doc[tokens[0].i : tokens[mark].i]
                role.body, role.generic = (
                    (None, body.text.lower()) if body.text.lower() in GENERIC_BODIES else (body, "")
                )
            tokens = tokens[mark + 1 :]
            self.strip_changes(tokens, role)
        elif len(tokens) > 1 and tokens[0].lower_ in GENERIC_BODIES and tokens[0].text.islower():
            role.generic = tokens[0].lower_  # "alliance Secretary-General X"
            tokens = tokens[2:] if tokens[1].text in ("'s", "’s") else tokens[1:]
        if not tokens or tokens[-1].pos_ not in ("NOUN", "PROPN") or tokens[-1].tag_ == "HYPH":
            return None
        if any(t.i in self.name_at for t in tokens):
            return None  # a person's name inside the title: not a title
        head = next((t for t in tokens if t.lower_ == "of"), None)
        head = tokens[-1] if head is None or head.i == tokens[0].i else self.doc[head.i - 1]
        if (
            head.lower_ in RELATIVE
            or head.tag_ in ("NNS", "NNPS")
            or not (
                head.lower_ in self.gaz.role_heads
                or head.lower_ in POST_NOUNS
                or (
                    head.pos_ == "NOUN"
                    and AGENT_NOUN.search(head.lower_)
                    and not head.lower_.endswith("ment")
                    and len(head.text) > len(AGENT_NOUN.search(head.lower_)[0]) + 2
                )
            )
        ):
            return None  # "his counterpart", "the same move", "iPod": no post
        role.text = self.doc[tokens[0].i : tokens[-1].i + 1].text
        return role

    # -- relations -----------------------------------------------------------------------------------

    def relations(self) -> list[RelationStatement]:
        out, seen = [], set()
        for span in self.names + self.bodies:
            if span.start not in seen:
                seen.add(span.start)
                out += self.relations_of(span)
        unique = {(r.kind, r.subject.start, r.object.start): r for r in out}
        return list(unique.values())

    def relation(self, kind: str, subject, obj, date: str | None = None) -> RelationStatement:
        return RelationStatement(
            self.article, self.sentence(subject.root), kind, self.span(subject), self.span(obj), date
        )

    def party(self, token):
        """The name or body span at a token, if any."""
        return self.name_at.get(token.i) or self.body_at.get(token.i)

    def relations_of(self, span) -> list[RelationStatement]:
        root, out = span.root, []
        verb = root.head
        # "Poland, a member of NATO", "X, a subsidiary of Y", "Y member X"
        nouns = [c for c in root.children if c.dep_ == "appos" and c.i >= span.end]
        if (
            verb.pos_ in ("AUX", "VERB")
            and verb.lemma_ in ("be", "become", "remain")
            and root.dep_ == "nsubj"
        ):
            nouns += [c for c in verb.children if c.dep_ == "attr"]
        for noun in nouns:  # "a member of", "a subsidiary of", "the parent company of"
            kind = RELATION_NOUNS.get(noun.lower_) or next(
                (
                    RELATION_NOUNS[c.lower_]
                    for c in noun.children
                    if c.dep_ in ("amod", "compound", "nmod") and c.lower_ in RELATION_NOUNS
                ),
                None,
            )
            pobj = next(
                (
                    g
                    for p in noun.children
                    if p.dep_ == "prep" and p.lower_ in ("of", "in")
                    for g in p.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
            if kind and pobj is not None and self.party(pobj) is not None:
                clause = verb if noun.head == verb else noun  # "X became a member of Y in 1999"
                out.append(self.relation(kind, span, self.party(pobj), self.date_in(clause)))
        before = span.start - 1
        if (
            before >= 1
            and self.doc[before].lower_ in ("member", "members")
            and self.doc[before - 1].i in self.body_at
        ):
            out.append(
                self.relation("member of", span, self.body_at[self.doc[before - 1].i])
            )  # "NATO member Poland"
        if root.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX"):
            return out
        lemma, date = verb.lemma_.lower(), self.date_in(verb)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if lemma == "sign" and obj is not None and self.party(obj) is not None and not self.future(verb):
            out.append(self.relation("signed", span, self.party(obj), date))
        meeting = obj is not None and lemma in ("hold", "have") and obj.lemma_.lower() in MEETING_NOUNS
        if (lemma == "meet" or meeting) and not self.future(verb):  # "X met (with) Y", "X held talks with Y"
            others = [obj] if obj is not None and not meeting else []
            others += [
                g
                for head in (verb, obj)
                if head is not None
                for p in head.children
                if p.dep_ == "prep" and p.lower_ == "with"
                for g in p.children
                if g.dep_ == "pobj"
            ]
            others += [a for g in others for a in g.children if a.dep_ == "appos"]  # "his counterpart, Y"
            for other in others:
                party = self.party(other)
                if party is not None and party.start != span.start:
                    out.append(self.relation("met with", span, party, date))
        if (
            lemma in ("own", "hold", "acquire", "buy", "take")
            and obj is not None
            and obj.lower_ in ("stake", "share", "shares")
        ):
            target = next(
                (
                    g
                    for p in obj.children
                    if p.dep_ == "prep" and p.lower_ in ("in", "of")
                    for g in p.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
            if target is not None and self.party(target) is not None:
                out.append(self.relation("owns a stake in", span, self.party(target), date))
        return out


MEETING_NOUNS = frozenset(["meeting", "talk", "talks"])
RELATION_NOUNS = {
    "member": "member of",
    "subsidiary": "part of",
    "unit": "part of",
    "division": "part of",
    "arm": "part of",
    "part": "part of",
    "parent": "parent of",
    "owner": "parent of",
}


def _share(roles: list[Phrase]) -> list[Phrase]:
    """Coordinated roles share the body and the change word one of them has."""
    body = next((r for r in roles if r.body is not None or r.generic), None)
    change = next((r for r in roles if r.change), None)
    for role in roles:
        if body and role.body is None and not role.generic:
            role.body, role.generic = body.body, body.generic
        if change and not role.change:
            role.change, role.expected = change.change, change.expected
    return roles


@dataclass
class Phrase:
    """A role as a sentence writes it, while it is read: its words, its body (a span of the parse, or a
    generic noun such as "company") and its change word."""

    text: str
    body: object | None = None  # a spaCy Span
    generic: str = ""
    change: str = ""
    expected: bool = False


# -- the whole dossier ---------------------------------------------------------------------------------


@dataclass
class Resolved:
    """A role statement with its names resolved to entities and its date known."""

    statement: RoleStatement
    holder: str  # entity id
    role: str
    of: str  # entity id or text, "" when none
    date: str | None  # the stated date, or the article's
    article_date: str | None
    other: str = ""
    key: str = field(default="")


STATUS_ORDER = {"current": 0, "expected": 1, "ended": 2}


def attach(
    articles: list[Article],
    roles: dict[str, list[RoleStatement]],
    relations: dict[str, list[RelationStatement]],
    entities: list[Entity],
    registry: Registry,
) -> None:
    """Give each entity its roles and relations, from the articles' statements and the registry."""
    index = MentionIndex(entities)
    by_id = {e.id: e for e in entities}
    dates = {a.id: a.date for a in articles}
    main_org = _main_organisations(entities)
    resolved = []
    for article_id, statements in roles.items():
        for s in statements:
            holder = index.entity(article_id, s.holder)
            if holder is None or holder.type != "person":
                continue  # no role for a product or a place
            of = ""
            if s.of is not None:  # a body the entity stage did not mark here may still be one it knows
                body = index.entity(article_id, s.of) or index.named.get(s.of.text.lower())
                of = (
                    body.id
                    if body is not None and body.type in ("country", "organisation", "place")
                    else ("" if body is not None else s.of.text)
                )
            elif s.generic:
                of = main_org.get(article_id, "")
            other = index.entity(article_id, s.other) if s.other is not None else None
            resolved.append(
                Resolved(
                    s,
                    holder.id,
                    s.role,
                    of,
                    s.date or dates.get(article_id),
                    dates.get(article_id),
                    other.id if other is not None and other.type == "person" else "",
                )
            )
    _fill_unsaid(resolved)
    _group_keys(resolved)
    _promotions(resolved)
    groups: dict[tuple[str, str, str], list[Resolved]] = defaultdict(list)
    for r in resolved:
        if r.role:
            groups[r.holder, r.key, r.of].append(r)
    surfaces: dict[tuple[str, str], Counter] = defaultdict(Counter)  # one spelling per post, whoever holds it
    for (_, key, of), members in groups.items():
        surfaces[key, of].update(r.role for r in members)
    found: dict[str, list[Role]] = defaultdict(list)
    for (holder, key, of), members in groups.items():
        found[holder].append(_role(members, of, _spelling(surfaces[key, of])))
    for entity in entities:
        entity.roles = sorted(found.get(entity.id, []), key=_role_order)
        entity.relations = []
    _attach_relations(relations, index, by_id, dates)
    apply_registry(entities, registry)
    for entity in entities:
        if entity.roles and not _curated_description(entity, registry):
            entity.description = describe(entity.roles[0], by_id)


def describe(role: Role, by_id: dict[str, Entity]) -> str:
    """The one line under a name: its current role, else the expected or the last one."""
    label = role_label(role, by_id)
    return {"current": label, "expected": f"{label} (expected)", "ended": f"former {label}"}[role.status]


def role_label(role: Role, by_id: dict[str, Entity]) -> str:
    """ "Defense Secretary, United States"."""
    of = by_id[role.of].name if role.of in by_id else role.of
    return f"{role.role}, {of}" if of else role.role


def _curated_description(entity: Entity, registry: Registry) -> bool:
    names = {entity.name.lower(), *(a.lower() for a in entity.aliases)}
    return any(rule.description and rule.name.lower() in names for rule in registry.entities)


def _role_order(role: Role):
    return (STATUS_ORDER[role.status], -(len(role.sources)), role.since or "", role.role)


class MentionIndex:
    """Entity mentions by article and block, to resolve a span by its offsets."""

    def __init__(self, entities: list[Entity]):
        self.at: dict[tuple[str, int], list[tuple[int, int, Entity]]] = defaultdict(list)
        self.named = {
            name.lower(): e
            for e in entities
            for name in (e.name, *e.aliases)
            if e.type in ("country", "organisation")
        }
        for e in entities:
            for m in e.mentions:
                self.at[m.article, m.block].append((m.start, m.end, e))

    def entity(self, article: str, span: Span) -> Entity | None:
        best, overlap = None, 0
        for start, end, e in self.at.get((article, span.block), ()):
            size = min(end, span.end) - max(start, span.start)
            if size > overlap:
                best, overlap = e, size
        return best


def _main_organisations(entities: list[Entity]) -> dict[str, str]:
    """Per article, the organisation it names most: what "the company" and "the alliance" refer to."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for e in entities:
        if e.type == "organisation":
            for m in e.mentions:
                counts[m.article][e.id] += 1
    return {article: min(c, key=lambda i: (-c[i], i)) for article, c in counts.items()}


def _fill_unsaid(resolved: list[Resolved]) -> None:
    """ "X resigned", "Y succeeded X": the role not written is the one the other party or the holder
    is given in the same article, else the one the dossier gives them most."""
    said: dict[tuple[str, str], Counter] = defaultdict(Counter)
    anywhere: dict[str, Counter] = defaultdict(Counter)
    for r in resolved:
        if r.role:
            said[r.statement.article, r.holder][r.role, r.of] += 1
            anywhere[r.holder][r.role, r.of] += 1
    for r in resolved:
        if r.role:
            continue
        for source in (
            said.get((r.statement.article, r.other)),
            anywhere.get(r.other),
            said.get((r.statement.article, r.holder)),
            anywhere.get(r.holder),
        ):
            if source:
                r.role, of = min(source, key=lambda k: (-source[k], k))
                r.of = r.of or of
                break


def _normal(role: str) -> str:
    words = role.lower().replace("-", " ").split()
    if len(words) > 2 and words[0] == "chief" and words[-1] == "officer":
        words = words[:-1]  # "chief executive officer" is the "chief executive"
    return " ".join(words)


def _initials(role: str) -> str:
    return "".join(w[0] for w in role.lower().replace("-", " ").split())


def _same_role(a: str, b: str) -> bool:
    """ "CEO" is the "chief executive officer"; "Defense secretary" the "Defense Secretary"."""
    if _normal(a) == _normal(b):
        return True
    short, long_ = sorted((a.replace(".", ""), b), key=len)
    return short.isupper() and short.lower() == _initials(long_)


def _group_keys(resolved: list[Resolved]) -> None:
    """One key per role however written: case, "CEO" for "chief executive officer"; a role with no body
    joins the holder's one role of that key that has one."""
    long_forms = {}
    for r in resolved:
        if len(r.role.split()) > 1:
            long_forms.setdefault(_initials(r.role), _normal(r.role))
    for r in resolved:
        text = r.role.replace(".", "")
        r.key = (
            long_forms.get(text.lower(), _normal(r.role))
            if text.isupper() and len(text) > 1
            else _normal(r.role)
        )
    bodies: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for r in resolved:
        if r.of:
            bodies[r.holder, r.key][r.of] += 1
    for r in resolved:  # the holder's own body for this role, else the predecessor's or successor's
        known = bodies.get((r.holder, r.key)) or bodies.get((r.other, r.key))
        if not r.of and known:
            r.of = min(known, key=lambda k: (-known[k], k))


def _promotions(resolved: list[Resolved]) -> None:
    """ "The former chief operating officer, X, will succeed Y as chief executive": a role the sentence
    gives no body is one in the body of the role the holder takes in the same sentence."""
    taken = {
        (r.statement.article, r.statement.sentence, r.holder): r.of
        for r in resolved
        if r.statement.change == "starts" and r.of
    }
    for r in resolved:
        if not r.of:
            r.of = taken.get((r.statement.article, r.statement.sentence, r.holder), "")


def _spelling(surfaces: Counter) -> str:
    """The most used spelling of a post, written out rather than as an acronym when the text has both."""
    spelled = [s for s in surfaces if not s.replace(".", "").isupper()] or list(surfaces)
    return min(spelled, key=lambda s: (-surfaces[s], s))


def _role(members: list[Resolved], of: str, name: str) -> Role:
    """One role from its statements: as of the articles that report it held, from its start, until
    the date it ended (stated, or the first article that says so; "former" only bounds it)."""
    starts = [r for r in members if r.statement.change == "starts"]
    ends = [r for r in members if r.statement.change == "ends"]
    leaving = {
        (r.statement.article, r.statement.sentence) for r in ends
    }  # "CEO X stepped down": X no longer is
    held = sorted(
        {
            r.article_date
            for r in members
            if not r.statement.change
            and r.article_date
            and (r.statement.article, r.statement.sentence) not in leaving
        }
    )
    formers = [r for r in members if r.statement.change == "former"]
    since = min((r.date for r in starts if r.date), default=None)
    until = min((r.date for r in ends if r.date), default=None)
    if until is None and formers and not ends:
        until = min((r.article_date for r in formers if r.article_date), default=None)
    status = "current"
    done = [r for r in ends if not r.statement.expected] + formers
    if done and (not held or (until or "") >= held[-1]):
        status = "ended"
    elif starts and all(r.statement.expected for r in starts) and not held:
        status = "expected"
    sources = []
    for r in sorted(members, key=lambda r: (r.article_date or "9999", r.statement.article)):  # oldest first
        source = Source(r.statement.article, r.statement.sentence)
        if source not in sources:
            sources.append(source)
    successor = next((r.other for r in ends if r.other), "")
    predecessor = next((r.other for r in starts if r.other), "")
    return Role(name, of, since, until, held, status, sources, successor, predecessor)


def _attach_relations(
    relations: dict[str, list[RelationStatement]],
    index: MentionIndex,
    by_id: dict[str, Entity],
    dates: dict[str, str | None],
) -> None:
    merged: dict[tuple[str, str, str], Relation] = {}
    for article_id, statements in relations.items():
        for s in statements:
            subject, obj = index.entity(article_id, s.subject), index.entity(article_id, s.object)
            if subject is None or obj is None or subject.id == obj.id or not _fits(s.kind, subject, obj):
                continue
            # a signing or a meeting happens on its article's date unless the text says; a membership
            # or a holding has a start only when the text gives one
            date = s.date or (dates.get(article_id) if s.kind in ("signed", "met with") else None)
            relation = merged.get((subject.id, s.kind, obj.id))
            if relation is None:
                relation = merged[subject.id, s.kind, obj.id] = Relation(s.kind, obj.id, date)
                subject.relations.append(relation)
            elif date and (relation.since is None or date < relation.since):
                relation.since = date
            source = Source(s.article, s.sentence)
            if source not in relation.sources:
                relation.sources.append(source)


ACTORS = ("person", "organisation", "country")
RELATION_TYPES = {
    "member of": (("country", "organisation", "person"), ("organisation",)),
    "part of": (("organisation",), ("organisation",)),
    "parent of": (("organisation",), ("organisation",)),
    "owns a stake in": (ACTORS, ("organisation",)),
    "signed": (ACTORS, ("treaty",)),
    "met with": (("person",), ("person",)),
}


def _fits(kind: str, subject: Entity, obj: Entity) -> bool:
    subjects, objects = RELATION_TYPES[kind]
    return subject.type in subjects and obj.type in objects


# -- the registry ------------------------------------------------------------------------------------


def apply_registry(entities: list[Entity], registry: Registry) -> None:
    """The registry's roles and relations: a matching one is corrected (or hidden), any other added."""
    named = {}
    for e in entities:
        for name in (e.name, *e.aliases):
            named.setdefault(name.lower(), e)
    for rule in registry.roles:
        holder = named.get(rule.person.lower())
        if holder is None:
            continue  # named on /problems/ by registry.check_references
        of = named[rule.of.lower()].id if rule.of and rule.of.lower() in named else rule.of
        match = next(
            (r for r in holder.roles if _same_role(r.role, rule.role) and (not rule.of or r.of == of)), None
        )
        if rule.hide:
            holder.roles = [r for r in holder.roles if r is not match]
            continue
        if match is None:
            match = Role(rule.role, of or "", status="current")
            holder.roles.append(match)
        match.curated = True
        match.of = of or match.of
        match.since = rule.since or match.since
        match.until = rule.until or match.until
        match.status = rule.status or ("ended" if rule.until else match.status)
        holder.roles.sort(key=_role_order)
    for rule in registry.relations:
        subject, obj = named.get(rule.entity.lower()), named.get(rule.to.lower())
        if subject is None or obj is None:
            continue
        match = next((r for r in subject.relations if r.kind == rule.kind and r.to == obj.id), None)
        if rule.hide:
            subject.relations = [r for r in subject.relations if r is not match]
            continue
        if match is None:
            match = Relation(rule.kind, obj.id)
            subject.relations.append(match)
        match.curated = True
        match.since = rule.since or match.since
        match.until = rule.until or match.until
