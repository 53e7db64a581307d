"""The calendar of dates in news: month and weekday tables, holidays, which year a yearless day is in,
and steps of days, weeks, months and years."""

from __future__ import annotations

import datetime as dt
import re

from .. import lexicon

# The one table of month names (lexicon/months.txt): read here, written by corpus.display_date.
MONTH_NAMES = tuple(line.split()[0].capitalize() for line in lexicon.lines("months"))
MONTHS = {word: n for n, line in enumerate(lexicon.lines("months"), 1) for word in line.split()}
WEEKDAYS = {name: n for n, name in enumerate(lexicon.lines("weekdays"))}
NUMBERS = {word: int(value) for word, value in (line.split() for line in lexicon.lines("number_words"))}


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's own letters)
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


HOLIDAYS = {
    "thanksgiving": lambda y: nth_weekday(y, 11, 3, 4),
    "election": lambda y: nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
    "christmas": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "new": lambda y: dt.date(y, 1, 1),
    "new eve": lambda y: dt.date(y, 12, 31),
    "easter": easter,
    "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's": lambda y: dt.date(y, 2, 14),
}

NEAR_FUTURE_DAYS = 62  # with no tense to go by, a date this close ahead is taken as coming


def choose(day_in, reference: dt.date, tense_: str | None) -> dt.date | None:
    """Which year's `day_in(year)` is meant: the last one for the past, the next one for the future;
    with no clear tense the nearer of the two, and the past one unless the next one is close."""
    days = [d for d in (day_in(reference.year + k) for k in (-1, 0, 1)) if d]
    before = max((d for d in days if d <= reference), default=None)
    after = min((d for d in days if d >= reference), default=None)
    if tense_ == "future" or before is None:
        return after
    if tense_ == "past" or after is None:
        return before
    ahead, back = (after - reference).days, (reference - before).days
    return after if ahead < back and ahead <= NEAR_FUTURE_DAYS else before


def calendar_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def shift(reference: dt.date, count: int, unit: str):
    if unit == "day":
        return (reference + dt.timedelta(days=count)).isoformat(), "day"
    if unit == "week":
        day = reference + dt.timedelta(weeks=count)
        return f"{day.year:04d}-{day.month:02d}", "month"
    if unit == "month":
        year, month = add_months(reference.year, reference.month, count)
        return f"{year:04d}-{month:02d}", "month"
    if unit == "year":
        return f"{reference.year + count:04d}", "year"
    return None


def add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + count
    return index // 12, index % 12 + 1


def month_number(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def ordinal(text: str) -> int:
    return int(re.match(r"\d+", text)[0])


def int_or_none(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def parse_reference(value: str | None) -> dt.date | None:
    """The article's date ('YYYY-MM-DD', possibly followed by a time) as a date, or None."""
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
