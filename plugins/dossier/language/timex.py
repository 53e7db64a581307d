"""Temporal expressions: find dates in news prose and normalise them against the article's date.

One compiled regex finds candidate spans cheaply (month names, weekdays, years, "today", "last
month", ...); only those candidates are normalised, by calendar arithmetic rather than a general
date parser, so that the news conventions stay explicit and testable:

- a value is written at its precision: "YYYY" (year), "YYYY-MM" (month), "YYYY-MM-DD" (day);
- an expression without a year ("Friday", "Oct. 26", "April", "Thanksgiving") is the nearest such
  day or month on or before the reference date, or on or after it when its clause speaks of the
  future ("will", "is scheduled to", "next", ...);
- "last week" and "this week" are not days: they are given at month precision;
- durations ("for six months", "24 hours a day", "the past decade"), ages, times of day, counts,
  copyright lines and the modal verb "May" are not dates.
"""

from __future__ import annotations

import datetime as dt
import re

from .. import lexicon
from ..model import TimeExpression
from .calendar import (  # noqa: F401 (re-exported: the stages read the tables here)
    MONTH_NAMES,
    MONTHS,
    NUMBERS,
    WEEKDAYS,
    add_months,
    calendar_day,
    choose,
    int_or_none,
    month_number,
    ordinal,
    parse_reference,
)
from .date_tense import is_future, tense, word_before  # noqa: F401
from .relative_dates import RELATIVE, counted_from

# Month and weekday names must be capitalised: "may", "march" and "sun" are ordinary words.
FULL_MONTH = r"(?:" + "|".join(MONTH_NAMES) + ")"
MONTH = (
    r"(?:"
    + FULL_MONTH[3:-1]
    + r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept\.?|Sep\.|Oct\.?|Nov\.?|Dec\.?)"
)
WEEKDAY = r"(?:" + "|".join(name.capitalize() for name in WEEKDAYS) + ")"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
NUMBER = r"(?:\d{1,3}|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + ")"
# "Easter week", "the Christmas season": a period around the holiday, not its day.
SEASON = r"(?:week|weekend|season|holidays?|break|vacation|period|recess|shopping|truce|tree)\b"
HOLIDAY = (
    r"(?:Thanksgiving(?: Day)?|Christmas(?: Day| Eve)?|New Year's (?:Day|Eve)|Election Day"
    r"|Easter(?: Sunday)?|Halloween|Valentine's Day)"
)

# The alternatives are tried in this order at each position, so longer forms come first.
# Lower-case words a candidate may start with; any other candidate starts with a digit or a capital.
OPENERS = (
    "early|mid|late|last|next|this|past|coming|earlier|later|today|tonight|yesterday|tomorrow|in|within|"
    "the|that|" + "|".join(NUMBERS)
)
CANDIDATE = re.compile(
    # The look-ahead rejects most positions at once, before the alternatives are tried.
    rf"\b(?=[0-9A-Z]|(?:{OPENERS})\b)(?:"
    r"(?P<iso>\b(?P<iso_y>\d{4})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)\b)"
    rf"|(?P<span>\b(?P<span_a>{YEAR})\s?[-–]\s?(?P<span_b>\d{{4}}|\d\d)\b(?![-–]\d))"
    rf"|(?P<mdy>\b(?:(?P<mdy_wd>{WEEKDAY}),?\s+)?(?P<mdy_m>{MONTH})\s+(?P<mdy_d>{DAY})\b(?!:\d|\.\d|,\d)"
    rf"(?:\s*(?:-|–|and|to|through)\s*(?P<mdy_d2>{DAY})\b(?!:\d|\.\d|,\d))?(?:,?\s+(?P<mdy_y>{YEAR})\b)?)"
    rf"|(?P<dmy>\b(?P<dmy_d>{DAY})\s+(?:of\s+)?(?P<dmy_m>{MONTH})(?:,?\s+(?P<dmy_y>{YEAR})\b)?)"
    rf"|(?P<my>\b(?:(?i:early|mid|late)[- ])?(?P<my_m>{MONTH})(?:\s+of)?,?\s+(?P<my_y>{YEAR})\b(?!,\d))"
    rf"|(?P<mr>\b(?:(?i:early|mid|late)[- ])?(?P<mr_m>{FULL_MONTH})"
    rf"\s+(?P<mr_rel>(?i:this|last|next))\s+year\b)"
    rf"|(?P<hol>\b(?:(?P<hol_rel>(?i:last|next|this))\s+)?(?P<hol_name>{HOLIDAY})\b(?!\s+{SEASON}))"
    rf"|(?P<wd>\b(?:(?P<wd_rel>(?i:last|next|this|past|coming))\s+)?(?P<wd_name>{WEEKDAY})\b)"
    r"|(?P<day>\b(?i:today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|last night)\b)"
    r"|(?P<rel>\b(?P<rel_mod>(?i:(?:earlier|later|late|early) this|this|last|next))\s+"
    r"(?P<rel_unit>week|month|year)\b)"
    rf"|(?P<ago>\b(?P<ago_n>(?i:{NUMBER}))\s+(?P<ago_unit>(?i:day|month|year))s?\s+ago\b)"
    rf"|(?P<after>\b(?:(?P<after_n>(?i:{NUMBER}))\s+(?P<after_unit>(?i:day|week|month|year))s?\s+(?i:later|afterwards?)"
    r"|(?i:the)\s+(?i:next|following)\s+(?P<after_next>(?i:day|month|year))"
    r"|(?i:(?:later|earlier) that|(?:that|the) same)\s+(?P<after_same>(?i:day|month|year)))\b)"
    rf"|(?P<within>\b(?i:in|within)\s+(?P<within_n>(?i:{NUMBER}))\s+"
    r"(?P<within_unit>(?i:day|month|year))s?\b)"
    rf"|(?P<month>\b(?:(?P<month_rel>(?i:last|next|this|early|late|mid))[- ])?(?P<month_name>{FULL_MONTH})\b)"
    rf"|(?P<year>(?<![\w$#£€.,:/])(?P<year_y>{YEAR})(?![\w%/]|'s|’s|,\d|\.\d|:\d|[-–]\d)))"
)
# Every candidate holds one of these; the full pattern is tried only in a window around them,
# which keeps the scan of text without dates cheap.
TRIGGER = re.compile(  # digits spelt out: a pattern of plain alternatives is scanned much faster
    r"0|1|2|3|4|5|6|7|8|9|day|night|week|month|year|morrow|morning|noon|evening|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
    r"Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Thanksgiving|Christmas|New Year|Election Day|Easter|"
    r"Halloween|Valentine"
)
REACH_BEFORE, REACH_AFTER = 20, 40  # characters a candidate may reach before and after its trigger

# Words after which a four-digit number is not a year ("No. 1998", "Flight 2000", "© 2007").
NOT_YEAR_BEFORE = lexicon.sections("date_cues")["not_year_before"]
# Words after which it is a count, a measure or a time of day ("2000 people", "1930 GMT").
NOT_YEAR_AFTER = re.compile(
    r"\s*(?:[a-z]+ )?(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET|hours?|hrs|local time|people|"
    r"persons|troops|soldiers|men|women|children|refugees|dead|deaths|killed|injured|wounded|"
    r"votes|feet|ft|meters|metres|miles|kilometers|kilometres|km|kg|tons|tonnes|dollars|euros|yen|"
    r"pounds|francs|marks|rupees|yuan|percent|per cent|points|units|cars|homes|houses|jobs|cases)\b"
)
# Words before a weekday or month that make it a different day than the plain one, or no day.
ANAPHORIC = lexicon.sections("date_cues")["anaphoric"]


def find_dates(
    text: str, reference: dt.date | None, anchor: str | None = None, looks_ahead=None
) -> list[TimeExpression]:
    """Every date expression in `text`, normalised against the reference (publication) date.

    Relative expressions ("Friday", "last month", "today") need the reference and are skipped
    without it; absolute ones ("June 14, 1990", "in 1990") are found either way. A date told from
    another ("one year later", "the next day") counts from the date found last before it in `text`,
    else from `anchor` (the date the story was last at), and is skipped without one. `looks_ahead`
    (start, end) -> bool, when given, says from the parse whether the clause holding a span speaks of
    the future ("agreed to resume the talks in six months"), where the words near it cannot tell.
    """
    found: list[TimeExpression] = []
    for window_start, window_end in _windows(text):
        for match in CANDIDATE.finditer(text, window_start, window_end):
            if match.lastgroup == "after":
                value = counted_from(match, text, found[-1].value if found else anchor)
                found += [TimeExpression(match.start(), match.end(), match.group(), *value)] if value else []
                continue
            found += normalise(match, text, reference, looks_ahead)
    return found


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around the triggers, overlapping ones joined."""
    windows: list[list[int]] = []
    for trigger in TRIGGER.finditer(text):
        start, end = max(0, trigger.start() - REACH_BEFORE), trigger.end() + REACH_AFTER
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([_word_start(text, start), end])
    return [(start, min(end, len(text))) for start, end in windows]


def _word_start(text: str, index: int) -> int:
    """Move a window's start back to the beginning of the word it falls in."""
    while index > 0 and not text[index - 1].isspace():
        index -= 1
    return index


def normalise(
    match: re.Match, text: str, reference: dt.date | None, looks_ahead=None
) -> list[TimeExpression]:
    """The dates a candidate gives (two for '1982-92' or 'April 24 and 25'), or [] when it is not a date."""
    kind = match.lastgroup
    if kind in ("iso", "span", "dmy", "my", "year"):
        return _absolute(kind, match, text, reference)
    if kind == "mdy":
        found = _month_day(match, text, reference)
    elif reference is None or word_before(text, match.start()).lower() in ANAPHORIC:
        return []
    else:
        tense_ = tense(text, match.start(), match.end())
        if kind == "within" and looks_ahead is not None and looks_ahead(match.start(), match.end()):
            tense_ = "future"  # "in six months" is a date only in a clause that looks ahead
        value = RELATIVE[kind](match, reference, tense_, text)
        found = [_expression(text, match.start(), match.end(), *value)] if value else []
    return [_day_before_or_after(text, found_date) for found_date in found]


def _expression(text: str, start: int, end: int, value: str, precision: str) -> TimeExpression:
    return TimeExpression(start, end, text[start:end], value, precision)


def _day_before_or_after(text: str, date: TimeExpression) -> TimeExpression:
    """'the day before Tuesday's hearing' is the Monday."""
    shift = re.search(
        r"\bthe (?:day|night) (before|after)\s+$", text[max(0, date.start - 30) : date.start], re.IGNORECASE
    )
    if shift and date.precision == "day":
        day = dt.date.fromisoformat(date.value) + dt.timedelta(
            days=-1 if shift.group(1).lower() == "before" else 1
        )
        date.value = day.isoformat()
    return date


# --- absolute expressions -------------------------------------------------------------------


def _absolute(kind: str, match: re.Match, text: str, reference: dt.date | None) -> list[TimeExpression]:
    start, end = match.span()
    if kind == "iso":
        day = calendar_day(int(match["iso_y"]), int(match["iso_m"]), int(match["iso_d"]))
        return [_expression(text, start, end, day.isoformat(), "day")] if day else []
    if kind == "span":
        return _span(match, text, reference)
    if kind == "year":
        year = int(match["year_y"])
        if not _plausible_year(year, reference) or not _is_year_context(text, start, end):
            return []
        return [_expression(text, start, end, f"{year:04d}", "year")]
    if kind == "my":
        return [
            _expression(
                text, start, end, f"{int(match['my_y']):04d}-{month_number(match['my_m']):02d}", "month"
            )
        ]
    month, day_number = month_number(match["dmy_m"]), ordinal(match["dmy_d"])
    if match["dmy_y"]:
        day = calendar_day(int(match["dmy_y"]), month, day_number)
    elif reference is None:
        return []
    else:
        day = choose(lambda year: calendar_day(year, month, day_number), reference, tense(text, start, end))
    return [_expression(text, start, end, day.isoformat(), "day")] if day else []


def _month_day(match: re.Match, text: str, reference: dt.date | None) -> list[TimeExpression]:
    """'Oct. 26', 'Monday, Oct. 26', 'March 5, 1946', 'April 24 and 25' (two days)."""
    month = month_number(match["mdy_m"])
    days = [(match.start(), match.end("mdy_d"), ordinal(match["mdy_d"]))]
    if match["mdy_d2"]:
        days.append((match.start("mdy_d2"), match.end("mdy_d2"), ordinal(match["mdy_d2"])))
    if match["mdy_y"]:
        years = [int(match["mdy_y"])]
    elif reference is None:
        return []
    else:
        year = _year_of_month_day(
            month, days[0][2], match["mdy_wd"], reference, tense(text, match.start(), match.end())
        )
        years = [year] if year else []
    found = []
    for year in years:
        for start, end, number in days:
            day = calendar_day(year, month, number)
            if day:
                found.append(_expression(text, start, end, day.isoformat(), "day"))
    if found:  # the last day's span runs to the end of the match ("June 14-16, 2007")
        last = found[-1]
        found[-1] = _expression(text, last.start, match.end(), last.value, last.precision)
    return found


def _year_of_month_day(
    month: int, number: int, weekday: str | None, reference: dt.date, tense_: str | None
) -> int | None:
    """The year of a day given without one: the one its weekday fits, else by tense or nearness."""
    if weekday:
        fits = [
            y
            for y in (reference.year - 1, reference.year, reference.year + 1)
            if (d := calendar_day(y, month, number)) and d.weekday() == WEEKDAYS[weekday.lower()]
        ]
        if len(fits) == 1:
            return fits[0]
    day = choose(lambda year: calendar_day(year, month, number), reference, tense_)
    return day.year if day else None


def _span(match: re.Match, text: str, reference: dt.date | None) -> list[TimeExpression]:
    """'1982-92' and '1998-2000' are two years; '1998-08' is a month of 1998."""
    first, second = int(match["span_a"]), match["span_b"]
    if len(second) == 2:
        later = first // 100 * 100 + int(second)
        if later <= first:
            month = int(second)
            return (
                [_expression(text, match.start(), match.end(), f"{first:04d}-{month:02d}", "month")]
                if 1 <= month <= 12
                else []
            )
        second_year = later
    else:
        second_year = int(second)
    if not first < second_year <= first + 100 or not _is_year_context(text, match.start(), match.end()):
        return []
    end_a = match.start("span_a") + 4
    return [
        _expression(text, match.start(), end_a, f"{first:04d}", "year"),
        _expression(text, match.start("span_b"), match.end(), f"{second_year:04d}", "year"),
    ]


def _is_year_context(text: str, start: int, end: int) -> bool:
    """False for '© 2007', 'No. 1998', 'about 2000 people', '1930 GMT'."""
    before = text[max(0, start - 16) : start].split()
    word = before[-1].lower().rstrip(".") if before else ""
    if word in NOT_YEAR_BEFORE or word[-1:] in ("$", "£", "€", "#", "©"):
        return False
    return not NOT_YEAR_AFTER.match(text, end)


def _plausible_year(year: int, reference: dt.date | None) -> bool:
    latest = (reference.year if reference else dt.date.today().year) + 30
    return 1600 <= year <= latest
