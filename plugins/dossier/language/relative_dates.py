"""Relative date expressions ("Friday", "last month", "in six months", "one year later", "Easter"),
resolved against the article's date or the date told before them."""

from __future__ import annotations

import datetime as dt
import re

from .. import lexicon
from .calendar import (
    HOLIDAYS,
    MONTHS,
    NUMBERS,
    WEEKDAYS,
    add_months,
    choose,
    int_or_none,
    month_number,
    shift,
)
from .date_tense import tense, word_before

DURATION = lexicon.sections("date_cues")["duration"]  # "for the next year": how long
# A bare month with one of these just before it is a month, even "May" ("in May", "last May").
MONTH_CONTEXT = lexicon.sections("date_cues")["month_context"]


def _weekday(match: re.Match, reference: dt.date, tense_: str | None, text: str):
    """A weekday alone is the last such day (news report what happened) unless the clause looks ahead."""
    target, relation = WEEKDAYS[match["wd_name"].lower()], (match["wd_rel"] or "").lower()
    back = (reference.weekday() - target) % 7
    ahead = (target - reference.weekday()) % 7
    if relation in ("last", "past"):
        day = reference - dt.timedelta(days=back or 7)
    elif relation in ("next", "coming"):
        day = reference + dt.timedelta(days=ahead or 7)
    elif tense_ in ("future", "present") or relation == "this" and ahead < back:
        day = reference + dt.timedelta(days=ahead)
    else:
        day = reference - dt.timedelta(days=back)
    return day.isoformat(), "day"


def _named_day(match: re.Match, reference: dt.date, tense_: str | None, text: str):
    words = " ".join(match["day"].lower().split())
    shift = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(words, 0)
    return (reference + dt.timedelta(days=shift)).isoformat(), "day"


def _relative_unit(match: re.Match, reference: dt.date, tense_: str | None, text: str):
    """'last month', 'this year', 'next week' (weeks are not days: given as their month)."""
    if word_before(text, match.start()).lower() in ("the", "a", "past"):
        return None  # "in the last year", "for the next month": durations, not dates
    modifier, unit = match["rel_mod"].lower().split()[0], match["rel_unit"]
    step = {"last": -1, "next": 1}.get(modifier, 0)
    if unit == "year":
        return f"{reference.year + step:04d}", "year"
    if unit == "month":
        year, month = add_months(reference.year, reference.month, step)
        return f"{year:04d}-{month:02d}", "month"
    if step != -1:
        return None  # this or next week: not a day, and usually covered by the article's own date
    day = reference - dt.timedelta(weeks=1)  # "last week": not a day, but its month is clear enough
    return f"{day.year:04d}-{day.month:02d}", "month"


def counted_from(match: re.Match, text: str, anchor: str | None):
    """'one year later', 'the next day', 'later that day': counted from the anchor, at the precision
    both can give (a day later than a year is not a day); 'for the next year' is a duration, not a
    date, and 'would be free seven days later' a hypothetical, counted from no date that happened."""
    if (
        anchor is None
        or tense(text, match.start(), match.end()) == "future"
        or not match["after_same"]
        and word_before(text, match.start()).lower() in DURATION
    ):
        return None
    unit = (match["after_unit"] or match["after_next"] or match["after_same"]).lower()
    if match["after_same"]:
        count = 0  # "later that day", "the same year"
    else:
        count = (
            1
            if match["after_next"]
            else NUMBERS.get(match["after_n"].lower()) or int_or_none(match["after_n"])
        )
        if not count:
            return None
    if len(anchor) < {"year": 4, "month": 7}.get(unit, 10):
        return None
    if len(anchor) == 4:
        return f"{int(anchor) + count:04d}", "year"
    year, month, day = (anchor.split("-") + ["1"])[:3]
    value, precision = shift(dt.date(int(year), int(month), int(day)), count, unit)
    return (value[:7], "month") if len(anchor) == 7 and precision == "day" else (value, precision)


def _ago(match: re.Match, reference: dt.date, tense_: str | None, text: str):
    count = NUMBERS.get(match["ago_n"].lower()) or int_or_none(match["ago_n"])
    return shift(reference, -count, match["ago_unit"].lower()) if count else None


def _within(match: re.Match, reference: dt.date, tense_: str | None, text: str):
    """'in six months' is a date only when the clause looks ahead ('will end in six months')."""
    count = NUMBERS.get(match["within_n"].lower()) or int_or_none(match["within_n"])
    if (
        tense_ != "future"
        or not count
        or word_before(text, match.start()).lower() in ("time", "first", "once")
    ):
        return None
    return shift(reference, count, match["within_unit"].lower())


def _month(match: re.Match, reference: dt.date, tense_: str | None, text: str):
    name, relation = match["month_name"], (match["month_rel"] or "").lower()
    if not is_month_context(text, match, relation):
        return None
    month = MONTHS[name.lower()]
    if relation == "last":
        year = reference.year if month < reference.month else reference.year - 1
    elif relation == "next":
        year = reference.year if month > reference.month else reference.year + 1
    elif relation == "this":
        year = reference.year
    else:
        year = choose(lambda y: dt.date(y, month, 1), reference.replace(day=1), tense_).year
    return f"{year:04d}-{month:02d}", "month"


def _month_relative_year(match: re.Match, reference: dt.date, tense_: str | None, text: str):
    """'October this year', 'April next year'."""
    step = {"last": -1, "next": 1}.get(match["mr_rel"].lower(), 0)
    return f"{reference.year + step:04d}-{month_number(match['mr_m']):02d}", "month"


def _holiday(match: re.Match, reference: dt.date, tense_: str | None, text: str):
    name, relation = match["hol_name"], (match["hol_rel"] or "").lower()
    on = HOLIDAYS[name.split()[0].lower() + (" eve" if name.endswith("Eve") else "")]
    if relation == "last":
        day = choose(on, reference - dt.timedelta(days=1), "past")
    elif relation == "next":
        day = choose(on, reference + dt.timedelta(days=1), "future")
    else:
        day = choose(on, reference, tense_)
    return (day.isoformat(), "day") if day else None


RELATIVE = {
    "wd": _weekday,
    "day": _named_day,
    "rel": _relative_unit,
    "ago": _ago,
    "within": _within,
    "month": _month,
    "mr": _month_relative_year,
    "hol": _holiday,
}


def is_month_context(text: str, match: re.Match, relation: str) -> bool:
    """A bare month name is a month unless it is the modal 'May', part of a name ('Theresa May')
    or a noun ('the Long March')."""
    before = word_before(text, match.start())
    if relation or before.lower() in MONTH_CONTEXT:
        return True
    if match["month_name"] == "May" or re.match(r"\s+(?:of|for)\b", text[match.end() :]):
        return False  # "the March of the Mothers", "March for Life"
    after = text[match.end() : match.end() + 2].strip()
    preceding = text[: match.start()].rstrip()
    name_before = before[:1].isupper() and preceding[-1:] not in ".!?\"'“‘`" and preceding
    return not name_before and not (after[:1].isupper())
