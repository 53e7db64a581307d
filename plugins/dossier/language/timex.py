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
from .text import sentence_around

# The one table of month names (lexicon/months.txt): read here, written by corpus.display_date.
MONTH_NAMES = tuple(line.split()[0].capitalize() for line in lexicon.lines("months"))
MONTHS = {word: n for n, line in enumerate(lexicon.lines("months"), 1) for word in line.split()}
WEEKDAYS = {name: n for n, name in enumerate(lexicon.lines("weekdays"))}
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
}

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
NOT_YEAR_BEFORE = frozenset(
    "© (c) copyright no no. number flight room resolution route highway page pp p model "
    "about nearly almost some over around approximately roughly exactly total "
    "rs usd us$ tel fax phone ext suite box".split()
)
# Words after which it is a count, a measure or a time of day ("2000 people", "1930 GMT").
NOT_YEAR_AFTER = re.compile(
    r"\s*(?:[a-z]+ )?(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET|hours?|hrs|local time|people|"
    r"persons|troops|soldiers|men|women|children|refugees|dead|deaths|killed|injured|wounded|"
    r"votes|feet|ft|meters|metres|miles|kilometers|kilometres|km|kg|tons|tonnes|dollars|euros|yen|"
    r"pounds|francs|marks|rupees|yuan|percent|per cent|points|units|cars|homes|houses|jobs|cases)\b"
)
DURATION = frozenset("for over during within throughout in".split())  # "for the next year": how long
# Words before a weekday or month that make it a different day than the plain one, or no day.
ANAPHORIC = frozenset("following previous same that each every any one some".split())
# A bare month with one of these just before it is a month, even "May" ("in May", "last May").
MONTH_CONTEXT = frozenset(
    "in since until till by from to through throughout during of before after and or between early "
    "late mid last next this since in-between".split()
)

FUTURE_WORDS = frozenset(
    "will won't 'll shall would wouldn't going upcoming next expire expires deadline tomorrow "
    "scheduled slated planned planning "
    "may might should must can".split()
)
# Future only when followed by "to", "for"... ("plans to visit", not "vacation plans").
FUTURE_BEFORE = {
    **dict.fromkeys("plans plan intends intend intended aims aim hopes hope expects expect".split(), ("to",)),
    **dict.fromkeys("due expected set".split(), ("to", "for", "on", "in", "at", "by", "")),
}
# The present of a scheduled event ("the council meets Tuesday") speaks of the coming one.
PRESENT_WORDS = frozenset(
    "is are am now meets opens begins starts ends arrives visits leaves returns "
    "resumes convenes reconvenes closes".split()
)
PASSIVE_AUXILIARIES = frozenset("be been being".split())
# Just before the date, these make it a deadline or a start: "by Jan. 14", "as early as Tuesday".
FUTURE_CUE = re.compile(
    r"\b(?:by|until|till|no later than|as (?:early|soon|late) as|ahead of|from now (?:to|until)|"
    r"between now "
    r"and|starting|beginning)\s+(?:(?:\d{1,2}(?::\d\d)?\s*[ap]\.m\.\s*(?:[A-Z]{3}\s+)?)|the\s+)?$",
    re.IGNORECASE,
)
# A date after one of these names a thing ("the Aug. 7 bombings"); the clause's verb is not its tense.
DETERMINER = re.compile(r"\b(?:the|a|an|its|his|her|their|our|this|these|those)\s+$", re.IGNORECASE)
PAST_CUE = re.compile(r"\b(?:since|ago)\s+$", re.IGNORECASE)
# Words ending in -ed that are not past participles.
NOT_PAST = frozenset("hundred indeed speed proceed succeed exceed united red need seed".split())
PAST_WORDS = frozenset(
    "said says told was were had did could ago last met went came took gave made held left began won "
    "lost saw found got fell rose struck shot sent spoke wrote became brought fought led ran "
    "stood thought knew flew drove broke chose sought put been earlier since yesterday".split()
)
CLAUSE_BREAK = re.compile(
    r"[;:()\[\]—–]|\b(?:but|while|although|because|whereas|after|before|where|when|"
    r"which|who|whom|whose|that)\b|, (?=and\b)"
)
WORD = re.compile(r"[A-Za-z']+")


def find_dates(text: str, reference: dt.date | None, anchor: str | None = None) -> list[TimeExpression]:
    """Every date expression in `text`, normalised against the reference (publication) date.

    Relative expressions ("Friday", "last month", "today") need the reference and are skipped
    without it; absolute ones ("June 14, 1990", "in 1990") are found either way. A date told from
    another ("one year later", "the next day") counts from the date found last before it in `text`,
    else from `anchor` (the date the story was last at), and is skipped without one.
    """
    found: list[TimeExpression] = []
    for window_start, window_end in _windows(text):
        for match in CANDIDATE.finditer(text, window_start, window_end):
            if match.lastgroup == "after":
                value = _after(match, text, found[-1].value if found else anchor)
                found += [TimeExpression(match.start(), match.end(), match.group(), *value)] if value else []
                continue
            found += normalise(match, text, reference)
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


def normalise(match: re.Match, text: str, reference: dt.date | None) -> list[TimeExpression]:
    """The dates a candidate gives (two for '1982-92' or 'April 24 and 25'), or [] when it is not a date."""
    kind = match.lastgroup
    if kind in ("iso", "span", "dmy", "my", "year"):
        return _absolute(kind, match, text, reference)
    if kind == "mdy":
        found = _month_day(match, text, reference)
    elif reference is None or _word_before(text, match.start()).lower() in ANAPHORIC:
        return []
    else:
        value = RELATIVE[kind](match, reference, tense(text, match.start(), match.end()), text)
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
        day = _day(int(match["iso_y"]), int(match["iso_m"]), int(match["iso_d"]))
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
    month, day_number = month_number(match["dmy_m"]), _ordinal(match["dmy_d"])
    if match["dmy_y"]:
        day = _day(int(match["dmy_y"]), month, day_number)
    elif reference is None:
        return []
    else:
        day = _choose(lambda year: _day(year, month, day_number), reference, tense(text, start, end))
    return [_expression(text, start, end, day.isoformat(), "day")] if day else []


def _month_day(match: re.Match, text: str, reference: dt.date | None) -> list[TimeExpression]:
    """'Oct. 26', 'Monday, Oct. 26', 'March 5, 1946', 'April 24 and 25' (two days)."""
    month = month_number(match["mdy_m"])
    days = [(match.start(), match.end("mdy_d"), _ordinal(match["mdy_d"]))]
    if match["mdy_d2"]:
        days.append((match.start("mdy_d2"), match.end("mdy_d2"), _ordinal(match["mdy_d2"])))
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
            day = _day(year, month, number)
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
            if (d := _day(y, month, number)) and d.weekday() == WEEKDAYS[weekday.lower()]
        ]
        if len(fits) == 1:
            return fits[0]
    day = _choose(lambda year: _day(year, month, number), reference, tense_)
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


# --- relative expressions -------------------------------------------------------------------


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
    if _word_before(text, match.start()).lower() in ("the", "a", "past"):
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


def _after(match: re.Match, text: str, anchor: str | None):
    """'one year later', 'the next day', 'later that day': counted from the anchor, at the precision
    both can give (a day later than a year is not a day); 'for the next year' is a duration, not a
    date, and 'would be free seven days later' a hypothetical, counted from no date that happened."""
    if (
        anchor is None
        or tense(text, match.start(), match.end()) == "future"
        or not match["after_same"]
        and _word_before(text, match.start()).lower() in DURATION
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
    value, precision = _shift(dt.date(int(year), int(month), int(day)), count, unit)
    return (value[:7], "month") if len(anchor) == 7 and precision == "day" else (value, precision)


def _ago(match: re.Match, reference: dt.date, tense_: str | None, text: str):
    count = NUMBERS.get(match["ago_n"].lower()) or int_or_none(match["ago_n"])
    return _shift(reference, -count, match["ago_unit"].lower()) if count else None


def _within(match: re.Match, reference: dt.date, tense_: str | None, text: str):
    """'in six months' is a date only when the clause looks ahead ('will end in six months')."""
    count = NUMBERS.get(match["within_n"].lower()) or int_or_none(match["within_n"])
    if (
        tense_ != "future"
        or not count
        or _word_before(text, match.start()).lower() in ("time", "first", "once")
    ):
        return None
    return _shift(reference, count, match["within_unit"].lower())


def _month(match: re.Match, reference: dt.date, tense_: str | None, text: str):
    name, relation = match["month_name"], (match["month_rel"] or "").lower()
    if not _is_month_context(text, match, relation):
        return None
    month = MONTHS[name.lower()]
    if relation == "last":
        year = reference.year if month < reference.month else reference.year - 1
    elif relation == "next":
        year = reference.year if month > reference.month else reference.year + 1
    elif relation == "this":
        year = reference.year
    else:
        year = _choose(lambda y: dt.date(y, month, 1), reference.replace(day=1), tense_).year
    return f"{year:04d}-{month:02d}", "month"


def _month_relative_year(match: re.Match, reference: dt.date, tense_: str | None, text: str):
    """'October this year', 'April next year'."""
    step = {"last": -1, "next": 1}.get(match["mr_rel"].lower(), 0)
    return f"{reference.year + step:04d}-{month_number(match['mr_m']):02d}", "month"


def _holiday(match: re.Match, reference: dt.date, tense_: str | None, text: str):
    name, relation = match["hol_name"], (match["hol_rel"] or "").lower()
    on = HOLIDAYS[name.split()[0].lower() + (" eve" if name.endswith("Eve") else "")]
    if relation == "last":
        day = _choose(on, reference - dt.timedelta(days=1), "past")
    elif relation == "next":
        day = _choose(on, reference + dt.timedelta(days=1), "future")
    else:
        day = _choose(on, reference, tense_)
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


def _is_month_context(text: str, match: re.Match, relation: str) -> bool:
    """A bare month name is a month unless it is the modal 'May', part of a name ('Theresa May')
    or a noun ('the Long March')."""
    before = _word_before(text, match.start())
    if relation or before.lower() in MONTH_CONTEXT:
        return True
    if match["month_name"] == "May" or re.match(r"\s+(?:of|for)\b", text[match.end() :]):
        return False  # "the March of the Mothers", "March for Life"
    after = text[match.end() : match.end() + 2].strip()
    preceding = text[: match.start()].rstrip()
    name_before = before[:1].isupper() and preceding[-1:] not in ".!?\"'“‘`" and preceding
    return not name_before and not (after[:1].isupper())


# --- calendar helpers -----------------------------------------------------------------------


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _easter(year: int) -> dt.date:
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
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "election": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
    "christmas": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "new": lambda y: dt.date(y, 1, 1),
    "new eve": lambda y: dt.date(y, 12, 31),
    "easter": _easter,
    "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's": lambda y: dt.date(y, 2, 14),
}

NEAR_FUTURE_DAYS = 62  # with no tense to go by, a date this close ahead is taken as coming


def _choose(day_in, reference: dt.date, tense_: str | None) -> dt.date | None:
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


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shift(reference: dt.date, count: int, unit: str):
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


def _ordinal(text: str) -> int:
    return int(re.match(r"\d+", text)[0])


def int_or_none(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def parse_reference(value: str | None) -> dt.date | None:
    """The article's date ('YYYY-MM-DD', possibly followed by a time) as a date, or None."""
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


# --- tense ----------------------------------------------------------------------------------


def tense(text: str, start: int, end: int) -> str | None:
    """'future', 'present', 'past' or None: how the clause around text[start:end] speaks of it.

    A cue just before the date decides ("by Jan. 14", "as early as Tuesday", "since Friday");
    otherwise the nearest tense word before it in its clause ("said Friday" is past even in
    "said Friday that talks will resume"), failing one the words just after it.
    """
    clause_start, clause_end = clause_bounds(text, start, end)
    lead = text[max(clause_start, start - 40) : start]
    if FUTURE_CUE.search(lead):
        return "future"
    if PAST_CUE.search(lead):
        return "past"
    if re.match(r"\s?['’]s\b", text[end : end + 3]) or DETERMINER.search(text, max(0, start - 8), start):
        return None  # "Wednesday's ruling", "the Jan. 14 deadline": a name, whatever the clause's tense
    before = WORD.findall(text[clause_start:start])
    after = WORD.findall(text[end:clause_end])
    for words, order in ((before, range(len(before) - 1, -1, -1)), (after, range(len(after)))):
        lowered, counted = [w.lower() for w in words], 0
        for index in order:
            found = _tense_of_word(lowered, index)
            if found:
                return found
            counted += not words[index][:1].isupper()  # names do not use up the window
            if counted >= TENSE_WINDOW:
                break
    return None


TENSE_WINDOW = 8  # lower-case words looked at on each side of a date


def _tense_of_word(words: list[str], index: int) -> str | None:
    word = words[index]
    following = words[index + 1] if index + 1 < len(words) else ""
    preceding = words[index - 1] if index > 0 else ""
    if word == "next" and following == "to":
        return None  # "next to the embassy"
    if word in FUTURE_WORDS or word.endswith("'ll"):
        return "past" if following == "have" or following == "not" and word in ("may", "might") else "future"
    if word in FUTURE_BEFORE and following in FUTURE_BEFORE[word]:
        return "future"
    if word in PRESENT_WORDS:
        return "present"
    participle = word in PAST_WORDS or word.endswith("ed") and len(word) > 4 and word not in NOT_PAST
    if participle and preceding not in PASSIVE_AUXILIARIES:  # "would be held": the auxiliary decides
        return "past"
    return None


def is_future(text: str, start: int, end: int) -> bool:
    """Whether the clause around text[start:end] speaks of the future."""
    return tense(text, start, end) == "future"


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding text[start:end]: up to the nearest sentence or clause break each side."""
    sentence_start, sentence_end = sentence_around(text, start)
    left = max((m.end() for m in CLAUSE_BREAK.finditer(text, sentence_start, start)), default=sentence_start)
    right = CLAUSE_BREAK.search(text, end, sentence_end)
    return left, right.start() if right else sentence_end


def _word_before(text: str, start: int) -> str:
    match = re.search(r"([\w'’.]+)\W*$", text[max(0, start - 30) : start])
    return match.group(1).rstrip(".") if match else ""
