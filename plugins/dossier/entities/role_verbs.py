"""Roles the verbs of a clause give or end: "X, who heads Y", "X is the president of Y", "X resigned",
"X stepped down", "X was replaced by Y", "Y named X as its new ...", "X has served as R since ...".

`RoleVerbs` is the part of the block reader (block_facts.BlockReader) that reads the verb a name is the
subject or object of; the verbs live in the lexicon (role_verbs.txt, head_verbs.tsv).
"""

from __future__ import annotations

import bisect

from .. import lexicon
from ..model import RoleStatement
from .role_phrases import Phrase

HEAD_VERBS = dict(line.split("\t") for line in lexicon.lines("head_verbs.tsv"))  # "heads Y": head of Y
VERBS = lexicon.sections("role_verbs")
HOLD_VERBS = VERBS["hold"]  # "... as R": the role is held
END_VERBS = VERBS["end"]
APPOINT_VERBS = VERBS["appoint"]
FUTURE_HEADS = lexicon.words("plan_verbs")
FOUND_VERBS = VERBS["found"]
WORK_VERBS = VERBS["work"]
POSITION_NOUNS = VERBS["position"]
EMPLOYEE = "employee"  # the role of one a text ties to a body with no title ("X, with Y,", "X of Y")
COPULAS = {"be": "", "become": "starts", "remain": ""}


class RoleVerbs:
    """Reads roles from verbs; mixed into block_facts.BlockReader."""

    def clauses(self, name) -> list[RoleStatement]:
        """A relative clause on the name, or the verb the name is subject or object of."""
        root, out = name.root, []
        for child in root.children:
            relative = next(
                (
                    c
                    for c in child.children
                    if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that")
                ),
                None,
            )
            if child.dep_ == "relcl" and relative is not None:  # "X, who heads Y", "X, who was named ..."
                out += self.verb_facts(child, name, relative.dep_)
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
            passive = any(c.dep_ == "auxpass" for c in xcomp.children)  # "X is to be replaced by Y"
            out += self.verb_facts(xcomp, name, "nsubjpass" if passive else "nsubj")  # "X chose to step down"
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
        if lemma in FOUND_VERBS and dep in ("nsubj", "agent"):
            return self.founded(verb, name, dep, date)
        posts = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in POSITION_NOUNS]
        if (lemma in WORK_VERBS or (lemma == "hold" and posts)) and dep == "nsubj" and not as_role:
            # "X worked at Y", "X held positions at Y and Z": an employee
            bodies = [
                self.body_at[g.i]
                for head in (verb, *posts)
                for p in head.children
                if p.dep_ == "prep" and p.lower_ in ("at", "for", "with")
                for pobj in p.children
                if pobj.dep_ == "pobj"
                for g in (pobj, *(c for c in pobj.children if c.dep_ == "conj"))  # "at Y and Z"
                if g.i in self.body_at
            ]
            change = "former" if verb.tag_ == "VBD" else ""
            return [self.statement(name, Phrase(EMPLOYEE, body), change, expected) for body in bodies]
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
            if new is None and dep == "nsubjpass":  # "X was replaced on Sunday with Y"
                new = next(
                    (
                        g
                        for p in verb.children
                        if p.dep_ == "prep" and p.lower_ == "with"
                        for g in p.children
                        if g.dep_ == "pobj" and g.i in self.name_at
                    ),
                    None,
                )
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
            phrases = (
                [as_role]
                if as_role
                else next(
                    (
                        self.role_phrases(c)  # "appointed chief executive and chairman of Y"
                        for c in verb.children
                        if c.dep_ in ("oprd", "attr", "xcomp")
                        and c.i not in self.name_at
                        and c.pos_ in ("NOUN", "PROPN")
                    ),
                    [],
                )
            )
            out = []
            for phrase in phrases:
                if phrase.body is None and phrase.generic in ("its", "their") and subject is not None:
                    phrase.body, phrase.generic = self.body_of(subject)  # "Acme named X as its new ..."
                out.append(self.statement(name, phrase, "starts", expected, date))
            return out
        return []

    def founded(self, verb, name, dep: str, date) -> list[RoleStatement]:
        """ "X founded Y", "Y was started by X and Z": founders; two or more named together co-founders."""
        if dep == "nsubj":
            bodies = [c for c in verb.children if c.dep_ == "dobj" and c.i in self.body_at]
            founders = [c for c in verb.children if c.dep_ == "nsubj"]
        else:
            bodies = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i in self.body_at]
            if verb.dep_ == "relcl" and verb.head.i in self.body_at and not bodies:
                bodies = [verb.head]  # "Y, which was founded by X"
            founders = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        together = len(founders) > 1 or any(c.dep_ == "conj" for f in founders for c in f.children)
        role = "co-founder" if together or verb.lemma_.lower().startswith("co") else "founder"
        if verb.lemma_.lower() not in ("found", "co-found", "cofound") and not bodies:
            return []  # "X started a war": only a body started makes a founder
        founders += [c for f in founders for c in f.children if c.dep_ == "conj"]  # "by X and Z"
        return [
            self.statement(self.name_at[f.i], Phrase(role, self.body_at[b.i]), "", False, date)
            for f in founders
            if f.i in self.name_at
            for b in bodies
        ]

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
        first = bisect.bisect_left(self.date_starts, start)  # the clause's dates, not the block's
        for i in range(first, len(self.dates)):
            expression = self.dates[i]
            if expression.start >= end:
                break
            if expression.end <= end:
                before = self.text[max(0, expression.start - 7) : expression.start].split()
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
