"""Merging the dossier's candidates into entities: names left open by one article settled by the others,
one key per entity (canonical name; a surname -> the one full name ending with it), the registry's
rules (which always win), and the entity's name, aliases, roles and description.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from .. import lexicon
from ..model import ACRONYM, MAYBE, OPEN_TYPES, Article, Candidate, Entity, Mention
from ..registry import EntityRule, Registry, seed_names
from ..slugs import bounded_slug, unique_id
from .gazetteer import LEGAL_FORM
from .surnames import fuller
from .type_votes import TYPE_ORDER, entity_type

RELATIVE_ROLE = re.compile(r"\bcounterparts?\b", re.I)


def settle_open(candidates: list[Candidate], surnames: dict[str, set[str]], rules: Rules) -> list[Candidate]:
    """A word an article left open is a company's name (alone or with its trade word), a person's
    surname, an acronym defined in another article, or a name the registry knows (which gives its type)."""
    defined = {}
    for c in candidates:
        if c.short and c.mention.text.isupper():
            defined.setdefault(c.mention.text, c)
    companies = {company_key(c.name) for c in candidates if c.type == "organisation"}
    settled = []
    for c in candidates:
        key = company_key(c.name)
        if c.type == MAYBE and (key in companies or trade_name(key, companies)):
            c = replace(c, type="organisation")
        elif c.type == MAYBE and fuller(c.name, surnames):
            c = replace(c, name=fuller(c.name, surnames), type="person")
        elif c.type in (ACRONYM, "organisation") and c.mention.text in defined and c.name == c.mention.text:
            d = defined[c.mention.text]
            c = replace(c, name=d.name, type=d.type, short=d.short)
        elif c.type in OPEN_TYPES:
            rule = rules.named(c)
            if rule is None:
                continue
            c = replace(c, type=rule.type or ("organisation" if c.type == ACRONYM else "person"))
        settled.append(c)
    return settled


SPACES = re.compile(r"\s+")


def norm_key(name: str) -> str:
    """One key for the spellings of a name: "U.N." and "UN", "Robert  Gates" and "robert gates"."""
    return SPACES.sub(" ", name.replace(".", "")).strip().lower()


def auto_key(c: Candidate, surnames: dict[str, set[str]], spellings: dict[str, str]) -> str:
    name = c.name
    if c.type == "person":
        name = fuller(name, surnames) or name
        name = spellings.get(name, name)
    return company_key(name) if c.type == "organisation" else norm_key(name)


# Words a company adds to its short name for its trade ("Acme Computer", "Acme Motors", "Acme Group"):
# such a name is the short one's when the dossier also names the short one as an organisation.
TRADE_WORDS = lexicon.words("trade_words")


def settle_bare_words(candidates: list[Candidate], surnames: dict[str, set[str]]) -> list[Candidate]:
    """A single word that is both a company's name and a person's surname ("Ford", "Jobs") is, wherever
    it stands alone, the company when the text says so somewhere ("Ford said its ..."), else what most
    of its bare mentions in the dossier are; a full name stays a person."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for c in candidates:
        if c.type in ("organisation", "person") and " " not in c.mention.text.strip():
            votes[norm_key(c.mention.text)][c.type] += c.weight if c.type == "organisation" else 1
    settled = []
    for c in candidates:
        word = norm_key(c.mention.text)
        if (
            c.type in ("organisation", "person")
            and " " not in c.mention.text.strip()
            and len(votes[word]) == 2
        ):
            winner = min(votes[word], key=lambda t: (-votes[word][t], TYPE_ORDER[t]))
            if winner == "organisation" and c.type == "person":
                c = replace(c, type="organisation", name=c.mention.text, role="")
            elif winner == "person" and c.type == "organisation" and fuller(c.mention.text, surnames):
                c = replace(c, type="person", name=fuller(c.mention.text, surnames))
        settled.append(c)
    return settled


def short_forms(articles_of: dict[str, set[str]], sentences_of: dict[str, set]) -> dict[str, str]:
    """ "lehman" -> "lehman brothers": an organisation's short name that opens exactly one longer one, in
    articles that all name the long one too, and never in the same sentence as it (the text's short form
    for it, not another company: "Acme Records sued Acme")."""
    out = {}
    for short, where in articles_of.items():
        longer = [key for key in articles_of if key.startswith(short + " ")]
        if (
            len(longer) == 1
            and where <= articles_of[longer[0]]
            and not sentences_of[short] & sentences_of[longer[0]]
        ):
            out[short] = longer[0]
    return out


def company_key(name: str) -> str:
    return norm_key(LEGAL_FORM.sub("", name.strip()) or name)


def trade_names(keys: set[str]) -> dict[str, str]:
    """ "acme computer" -> "acme" when "acme" is an organisation's key too, and the only one of its trade
    names: "Acme Foods" and "Acme Textiles" may be two companies, and a wrong merge is worse than a split."""
    out = {}
    for key in keys:
        head = trade_name(key, keys)
        if head:
            out[key] = head
    heads = Counter(out.values())
    return {key: head for key, head in out.items() if heads[head] == 1}


def trade_name(key: str, keys: set[str]) -> str:
    """The short name a company's key is with a trade word ("acme" for "acme computer"), when it is one
    of the keys; else ""."""
    head, _, last = key.rpartition(" ")
    return head if head and last in TRADE_WORDS and head in keys else ""


def spelling_variants(candidates: list[Candidate]) -> dict[str, str]:
    """Transliterations of one person's first name ("Sergey Lavrov" -> "Sergei Lavrov"): same surname, a
    first name one letter apart with the same two first letters. The most used spelling wins."""
    counts = Counter(c.name for c in candidates if c.type == "person" and len(c.name.split()) == 2)
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name in counts:
        first, last = name.split()
        groups[last.lower(), first[:2].lower()].append(name)
    variants = {}
    for names in groups.values():
        names.sort(key=lambda n: (-counts[n], n))
        for name in names[1:]:
            keeper = next((k for k in names if k != name and _one_apart(k.split()[0], name.split()[0])), None)
            if keeper and counts[keeper] >= counts[name]:
                variants[name] = keeper
    return variants


def middle_name_variants(candidates: list[Candidate]) -> dict[str, str]:
    """One person written with and without a middle name or initial ("James Kopp", "James C. Kopp",
    "James Charles Kopp") or with a short form of the first name ("Tim Kopp", "Timothy D. Kopp"): same
    first (or short first) and last names, and middles that agree on their initials. Where
    the middles disagree ("George W. Bush", "George H. W. Bush") they are different people and nothing
    merges. The most used form (then the longest) wins."""
    counts = Counter(c.name for c in candidates if c.type == "person" and len(c.name.split()) >= 2)
    firsts: dict[str, set[str]] = defaultdict(set)
    for name in counts:
        firsts[name.split()[-1].lower()].add(name.split()[0].lower())
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name in counts:
        words = name.split()
        last, first = words[-1].lower(), words[0].lower()
        groups[_short_form(first, firsts[last]), last].append(name)
    variants = {}
    for names in groups.values():
        initials = {"".join(w[0].lower() for w in n.split()[1:-1]) for n in names} - {""}
        if len(names) < 2 or len(initials) > 1:
            continue
        keeper = min(names, key=lambda n: (-counts[n], -len(n), n))
        variants.update({n: keeper for n in names if n != keeper})
    return variants


def _short_form(first: str, others: set[str]) -> str:
    """The short form of a first name that the dossier also uses with the same surname ("tim" for
    "timothy"): a prefix of three or four letters, as diminutives are."""
    return min((o for o in others if 3 <= len(o) <= 4 and first.startswith(o)), key=len, default=first)


def _one_apart(a: str, b: str) -> bool:
    """One letter changed, added or removed."""
    a, b = a.lower(), b.lower()
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@dataclass(frozen=True)
class RuleKey:
    """The key of the mentions a registry rule claims: rule number `index` of Registry.entities (the
    other keys are the names' own, as strings)."""

    index: int


class Rules:
    """The registry's entity rules, looked up by lower-cased name or alias."""

    def __init__(self, registry: Registry, articles: list[Article]):
        self.rules: list[EntityRule] = registry.entities
        # a rule names seeds by file name, with or without its extension, or by article id
        self.seed_names = {a.id: {a.id, *seed_names(a.source_file)} for a in articles}
        self.by_name: dict[str, int] = {}
        self.split: dict[str, list[int]] = defaultdict(list)
        for n, rule in enumerate(self.rules):
            for name in (rule.name, *rule.aliases):
                if rule.articles:
                    self.split[name.lower()].append(n)
                else:
                    self.by_name.setdefault(name.lower(), n)

    def split_key(self, c: Candidate) -> RuleKey | None:
        """A rule limited to some seeds claims the mentions of its names in those seeds only."""
        for name in (c.name.lower(), c.mention.text.lower()):
            for n in self.split.get(name, ()):
                seeds = self.seed_names.get(c.mention.article, {c.mention.article})
                if any(seed in seeds for seed in self.rules[n].articles):
                    return RuleKey(n)
        return None

    def merge_key(self, key: str | RuleKey, members: list[Candidate]) -> str | RuleKey:
        if isinstance(key, RuleKey):
            return key
        for name in [key, *(c.name for c in members), *(c.mention.text for c in members)]:
            n = self.by_name.get(name.lower())
            if n is not None:
                return RuleKey(n)
        return key

    def named(self, c: Candidate) -> EntityRule | None:
        """The rule that names this candidate, if any."""
        key = self.split_key(c) or self.merge_key(norm_key(c.name), [c])
        return self.rule(key)

    def rule(self, key: str | RuleKey) -> EntityRule | None:
        return self.rules[key.index] if isinstance(key, RuleKey) else None


def build_entity(key: str | RuleKey, members: list[Candidate], rules: Rules) -> Entity:
    rule = rules.rule(key)
    typing = entity_type(members, rule.type if rule else "")
    type_ = typing.label
    names = Counter(c.name for c in members if c.type == type_)
    for plural in [n for n in names if n.endswith("s") and n[:-1] in names]:  # "iPhones" is "iPhone"
        names[plural[:-1]] += names.pop(plural)
    if type_ == "person":  # the fullest name: most words, then most used
        best = max(names, key=lambda n: (len(n.split()), names[n], n))
    else:
        best = max(names or Counter(c.name for c in members), key=lambda n: (names[n], len(n), n))
    name = rule.name if rule else best
    seen = {name.lower()}
    aliases = []
    for alias in [
        *(rule.aliases if rule else []),
        *sorted({c.name for c in members} | {c.mention.text for c in members}),
    ]:
        if alias.lower() not in seen and not alias.islower():
            seen.add(alias.lower())
            aliases.append(alias)
    roles = Counter(c.role for c in members if c.role)
    role_list = sorted(roles, key=lambda r: (-roles[r], r))
    titles = [
        r for r in role_list if not RELATIVE_ROLE.search(r)
    ]  # "his Russian counterpart" describes no one
    description = (rule.description if rule else "") or (titles[0] if type_ == "person" and titles else "")
    mentions = [
        Mention(m.article, m.block, m.start, m.end, m.text, m.sentence)  # cached candidates stay as they were
        for m in (c.mention for c in members)
    ]
    entity = Entity(
        "", name, type_, bounded_slug(name, "entity"), sorted(aliases), description, role_list, mentions
    )
    entity.typing = typing
    return entity


def give_ids(entities: list[Entity], order: dict[str, int]) -> None:
    used: dict[str, set[str]] = defaultdict(set)  # the slugs taken, by type
    for e in sorted(entities, key=lambda e: (-len(e.mentions), e.type, e.name)):
        e.slug = unique_id(e.slug, used[e.type])
        e.id = f"{e.type}/{e.slug}"
        e.mentions.sort(key=lambda m: (order.get(m.article, len(order)), m.block, m.start))
        for m in e.mentions:
            m.entity = e.id
