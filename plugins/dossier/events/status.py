"""An event's status: happened or expected, from its date against the article's and the clause's tense."""

from __future__ import annotations

from ..language.timex import is_future
from ..model import TimeExpression


def status_of(sentence: str, expression: TimeExpression, reference, tense_: str | None = None) -> str:
    """'expected' when the date is after the publication date, or the clause speaks of the future
    and the date is not already past ("will meet today", "later this year")."""
    if reference is not None:
        published = reference.isoformat()[: len(expression.value)]
        if expression.value > published:
            return "expected"
        if expression.value < published:
            return "happened"
    if tense_ is not None:
        return "expected" if tense_ in ("future", "modal") else "happened"
    return "expected" if is_future(sentence, expression.start, expression.end) else "happened"
