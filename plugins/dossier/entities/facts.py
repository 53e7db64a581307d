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

from collections import defaultdict

from ..language.nlp import Parsed
from ..language.timex import parse_reference
from ..model import Article, Candidate, RelationStatement, RoleStatement
from .block_facts import BlockReader
from .role_history import attach, describe, role_label

__all__ = ["attach", "describe", "find_facts", "role_label"]


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
