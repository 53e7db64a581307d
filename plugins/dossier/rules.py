"""Rules as named, ordered lists, and decisions as tallies of named votes.

A stage's rules live in a `Ruler` (markdown-it-py's own: `push`, `before`, `after`, `disable`, each
rule a named function), so a person can print a stage's rules and insert one without editing callers.
A rule that only finds (a date, a role) runs in the list's order. A decision that weighs several clues
(an entity's type, an event's status) must not depend on that order: each rule casts `Vote`s, and the
decision is `tally(votes)`, the label with the greatest total weight, ties broken by a fixed order of
labels. `Decision.votes` keeps every vote with its reason, for `dossier inspect --explain`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from markdown_it.ruler import Ruler

__all__ = ["Decision", "Ruler", "Vote", "run_votes", "tally"]


@dataclass(frozen=True)
class Vote:
    label: str
    weight: float
    reason: str  # what the rule saw, for a reader ("'Inc.' after the name")
    rule: str = ""  # the rule's name in its Ruler


@dataclass
class Decision:
    label: str | None
    votes: list[Vote] = field(default_factory=list)

    def totals(self) -> dict[str, float]:
        totals: dict[str, float] = defaultdict(float)
        for vote in self.votes:
            totals[vote.label] += vote.weight
        return dict(totals)

    def explain(self) -> str:
        """One line a vote, strongest first, then the totals."""
        rows = sorted(self.votes, key=lambda v: (-v.weight, v.label, v.rule, v.reason))
        lines = [f"{v.weight:+.2f} {v.label:<12} {v.rule}: {v.reason}" for v in rows]
        totals = ", ".join(f"{label} {total:.2f}" for label, total in sorted(self.totals().items()))
        return "\n".join([*lines, f"= {self.label} ({totals})"])


def tally(votes: Iterable[Vote], order: Iterable[str] = ()) -> Decision:
    """The label with the greatest total weight; a tie goes to the label first in `order`, then to
    the alphabetically first, so the result never depends on the order the votes were cast in."""
    votes = list(votes)
    decision = Decision(None, votes)
    totals = decision.totals()
    if not totals:
        return decision
    rank = {label: i for i, label in enumerate(order)}
    decision.label = min(totals, key=lambda label: (-totals[label], rank.get(label, len(rank)), label))
    return decision


def run_votes(ruler: Ruler, *args) -> list[Vote]:
    """Every active rule of `ruler` called with `args`; each returns votes (or None), named by its rule."""
    votes = []
    for name, rule in zip(ruler.get_active_rules(), ruler.getRules(""), strict=True):
        for vote in rule(*args) or ():
            votes.append(vote if vote.rule else Vote(vote.label, vote.weight, vote.reason, name))
    return votes
