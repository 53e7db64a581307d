"""Temporal expressions: each kind of date, each trap, against a reference (publication) date.

The reference is Friday 15 June 2007 unless a case says otherwise. Each case lists every date the
sentence holds as (text, value, precision), so a spurious extra date fails the case too.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dossier.language.timex import find_dates, tense

FRIDAY = dt.date(2007, 6, 15)


def dates(sentence: str, reference: dt.date | None = FRIDAY) -> list[tuple[str, str, str]]:
    return [(t.text, t.value, t.precision) for t in find_dates(sentence, reference)]


ABSOLUTE = [
    ("The treaty was signed on June 14.", [("June 14", "2007-06-14", "day")]),
    ("He was born on November 19, 1990, in Moscow.", [("November 19, 1990", "1990-11-19", "day")]),
    ("The accord took effect in 1990.", [("1990", "1990", "year")]),
    ("Production stopped in July 2007.", [("July 2007", "2007-07", "month")]),
    ("The summit opened Oct. 26 in Lisbon.", [("Oct. 26", "2006-10-26", "day")]),
    ("The vote is scheduled for Oct. 26.", [("Oct. 26", "2007-10-26", "day")]),
    ("The file is dated 1998-08-07.", [("1998-08-07", "1998-08-07", "day")]),
    ("Forces withdrew on 14 June 2007.", [("14 June 2007", "2007-06-14", "day")]),
    ("The ceasefire of Sept. 3, 2006 held for a while.", [("Sept. 3, 2006", "2006-09-03", "day")]),
    ("In mid-November 1990 the talks resumed.", [("mid-November 1990", "1990-11", "month")]),
    ("The accord of August of 1990 was short-lived.", [("August of 1990", "1990-08", "month")]),
    ("Talks began Thursday, Nov. 22, 1990.", [("Thursday, Nov. 22, 1990", "1990-11-22", "day")]),
    ("Ratification began in February this year.", [("February this year", "2007-02", "month")]),
    ("They join the alliance in April next year.", [("April next year", "2008-04", "month")]),
    ("Relations have been frozen since 1979.", [("1979", "1979", "year")]),
    ("The post-1945 order is fraying.", [("1945", "1945", "year")]),
]

RANGES = [
    ("Troop numbers fell from 1982 to 1992.", FRIDAY, [("1982", "1982", "year"), ("1992", "1992", "year")]),
    ("Troop numbers fell in 1982-92.", FRIDAY, [("1982", "1982", "year"), ("92", "1992", "year")]),
    ("The 1998-2000 drought ruined farmers.", FRIDAY, [("1998", "1998", "year"), ("2000", "2000", "year")]),
    (
        "Prices rose between June and August.",
        dt.date(2007, 10, 1),
        [("June", "2007-06", "month"), ("August", "2007-08", "month")],
    ),
    (
        "The fair ran June 11-13, 2007.",
        FRIDAY,
        [("June 11", "2007-06-11", "day"), ("13, 2007", "2007-06-13", "day")],
    ),
    (
        "The summit will be held on April 24 and 25.",
        dt.date(2007, 2, 10),
        [("April 24", "2007-04-24", "day"), ("25", "2007-04-25", "day")],
    ),
    (
        "Inflation in the 2007-08 fiscal year was high.",
        FRIDAY,
        [("2007", "2007", "year"), ("08", "2008", "year")],
    ),
]

RELATIVE = [
    ("The ministers held a meeting today.", [("today", "2007-06-15", "day")]),
    ("Today the envoy flew home.", [("Today", "2007-06-15", "day")]),
    ("Protesters gathered again tonight.", [("tonight", "2007-06-15", "day")]),
    ("He left for Paris yesterday.", [("yesterday", "2007-06-14", "day")]),
    ("Talks resume tomorrow.", [("tomorrow", "2007-06-16", "day")]),
    ("Troops fired on the crowd Friday.", [("Friday", "2007-06-15", "day")]),
    ("Rebels attacked the town on Tuesday.", [("Tuesday", "2007-06-12", "day")]),
    ("Rebels attacked the town Tuesday night.", [("Tuesday", "2007-06-12", "day")]),
    ("Saturday's attack killed five.", [("Saturday", "2007-06-09", "day")]),
    ("The council will meet Tuesday.", [("Tuesday", "2007-06-19", "day")]),
    ("He is scheduled to arrive Monday.", [("Monday", "2007-06-18", "day")]),
    ("The minister said Monday that talks will resume.", [("Monday", "2007-06-11", "day")]),
    ("Talks will resume, the minister said Monday.", [("Monday", "2007-06-11", "day")]),
    ("Relatives have until 9 a.m. Tuesday to sign.", [("Tuesday", "2007-06-19", "day")]),
    ("The envoy could arrive as early as Sunday.", [("Sunday", "2007-06-17", "day")]),
    ("The ceremony would be held on Wednesday.", [("Wednesday", "2007-06-20", "day")]),
    ("Police made arrests last Friday.", [("last Friday", "2007-06-08", "day")]),
    ("The panel reports next Friday.", [("next Friday", "2007-06-22", "day")]),
    ("Prices rose last month.", [("last month", "2007-05", "month")]),
    ("Elections are due next year.", [("next year", "2008", "year")]),
    ("The lease will expire in six months.", [("in six months", "2007-12", "month")]),
    ("Two envoys visited earlier this month.", [("earlier this month", "2007-06", "month")]),
    ("Exports doubled this year.", [("this year", "2007", "year")]),
    ("Exports doubled last year.", [("last year", "2006", "year")]),
    ("The plant closed two years ago.", [("two years ago", "2005", "year")]),
    ("The plant closed 11 days ago.", [("11 days ago", "2007-06-04", "day")]),
    ("The plant closed three months ago.", [("three months ago", "2007-03", "month")]),
    ("The bombing last week killed ten.", [("last week", "2007-06", "month")]),
    ("The strike began last November.", [("last November", "2006-11", "month")]),
    ("The strike ends next March.", [("next March", "2008-03", "month")]),
    ("The strike began in April.", [("April", "2007-04", "month")]),
    ("The mill was shut in September.", [("September", "2006-09", "month")]),
    ("The mill will reopen in September.", [("September", "2007-09", "month")]),
    ("The hearing is in July.", [("July", "2007-07", "month")]),
    ("The strike began in late-November.", [("late-November", "2006-11", "month")]),
    ("Fighting resumed after last Thanksgiving.", [("last Thanksgiving", "2006-11-23", "day")]),
    ("Shops were looted on Christmas Day.", [("Christmas Day", "2006-12-25", "day")]),
    ("Clinic violence will be an issue until Election Day.", [("Election Day", "2007-11-06", "day")]),
    ("The editorial said on Monday, Oct. 29:", [("Monday, Oct. 29", "2007-10-29", "day")]),
    ("Aides met the day before Tuesday's vote.", [("Tuesday", "2007-06-11", "day")]),
    ("He arrived the day before yesterday.", [("yesterday", "2007-06-13", "day")]),
    ("The council meets Tuesday.", [("Tuesday", "2007-06-19", "day")]),
    ("Police have a suspect in the October slaying.", [("October", "2006-10", "month")]),
    ("The Oct. 26 attack killed five, police said.", [("Oct. 26", "2006-10-26", "day")]),
    ("Officials gave no reason for the June 25 deadline.", [("June 25", "2007-06-25", "day")]),
]

LAST_WEEK_ACROSS_A_MONTH = (
    "The bombing last week killed ten.",
    dt.date(2007, 6, 3),
    [("last week", "2007-05", "month")],
)

TRAPS = [
    "May I ask a question?",
    "May the best team win.",
    "Prime Minister Theresa May said nothing.",
    "© 2007 The Associated Press. All rights reserved.",
    "Copyright 2007 Reuters.",
    "Police counted about 2000 people.",
    "He was jailed for six months.",
    "The talks lasted six months.",
    "Guards patrol the clinic 24 hours a day.",
    "Crime fell over the past decade.",
    "The 45-year-old suspect, aged 45, was released.",
    "The blast happened at 10:35 a.m. local time.",
    "The curfew starts at 1930 GMT.",
    "Flight 2000 landed safely.",
    "They crossed in a 17-foot boat.",
    "Music of the 1990s was louder.",
    "In the last year prices doubled.",
    "It was the first time in six months that they met.",
    "Markets close early every Friday.",
    "Thousands joined the March for Life.",
    "Veterans of the Long March spoke.",
    "The market is closed on Mondays.",
    "They met again the following Monday.",
    "The council passed Resolution No. 1998.",
    "The car cost $2000.",
    "He scored 1999 points in his career.",
    "We will win this, said the mayor.",
    "The cars were sold for 1,998 dollars.",
    "Talks could last for weeks.",
    "A ruling will come in two weeks.",
    "Women joined the March of the Mothers.",
    "The bombing happened later that year.",
]


@pytest.mark.parametrize("sentence, expected", ABSOLUTE)
def test_absolute_dates(sentence, expected):
    assert dates(sentence) == expected


@pytest.mark.parametrize("sentence, reference, expected", RANGES)
def test_ranges_give_both_ends(sentence, reference, expected):
    assert dates(sentence, reference) == expected


@pytest.mark.parametrize("sentence, expected", RELATIVE)
def test_relative_dates_resolve_against_the_reference(sentence, expected):
    assert dates(sentence) == expected


def test_last_week_is_the_month_of_seven_days_before():
    sentence, reference, expected = LAST_WEEK_ACROSS_A_MONTH
    assert dates(sentence, reference) == expected


@pytest.mark.parametrize("sentence", TRAPS)
def test_traps_are_not_dates(sentence):
    assert dates(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "He resigned Friday.",
        "They met in April.",
        "It opened June 14.",
        "It closed last year.",
        "He left yesterday.",
    ],
)
def test_relative_dates_need_a_reference(sentence):
    assert dates(sentence, None) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("He was born on November 19, 1990.", [("November 19, 1990", "1990-11-19", "day")]),
        ("The war began in 1990.", [("1990", "1990", "year")]),
        ("Exports fell in July 2007.", [("July 2007", "2007-07", "month")]),
    ],
)
def test_absolute_dates_need_no_reference(sentence, expected):
    assert dates(sentence, None) == expected


def test_a_year_alone_never_borrows_day_and_month():
    [(text, value, precision)] = dates("Iraq invaded Kuwait in 1990.")
    assert (value, precision) == ("1990", "year")


def test_a_weekday_on_the_reference_day_is_that_day_whatever_the_tense():
    assert dates("The council meets Friday.")[0][1] == "2007-06-15"
    assert dates("The council met Friday.")[0][1] == "2007-06-15"


def test_month_and_day_near_the_year_end_roll_over():
    january = dt.date(2000, 1, 5)
    assert dates("The boy must be returned by Jan. 14.", january) == [("Jan. 14", "2000-01-14", "day")]
    assert dates("The boy arrived on Nov. 25.", january) == [("Nov. 25", "1999-11-25", "day")]
    assert dates("Congress reconvenes Jan. 24.", january) == [("Jan. 24", "2000-01-24", "day")]


def test_offsets_point_at_the_expression():
    text = "On Friday, the envoy met rebels."
    [expression] = find_dates(text, FRIDAY)
    assert text[expression.start : expression.end] == expression.text == "Friday"


@pytest.mark.parametrize(
    "sentence, word, expected",
    [
        ("The council will meet Tuesday.", "Tuesday", "future"),
        ("The council met Tuesday.", "Tuesday", "past"),
        ("A ruling is expected Tuesday.", "Tuesday", "future"),
        ("The ceremony would still be held on Tuesday.", "Tuesday", "future"),
        ("The minister said Tuesday that talks will resume.", "Tuesday", "past"),
        ("Nothing has changed since Tuesday.", "Tuesday", "past"),
        ("On Tuesday, the league plans to hold a conference.", "Tuesday", "future"),
    ],
)
def test_tense_of_the_clause(sentence, word, expected):
    start = sentence.index(word)
    assert tense(sentence, start, start + len(word)) == expected


@pytest.mark.parametrize(
    "sentence, anchor, expected",
    [
        ("One year later he was fired.", "1984", [("One year later", "1985", "year")]),
        ("The next day he resigned.", "2007-06-03", [("The next day", "2007-06-04", "day")]),
        ("Two months later the plant closed.", "2007-03-09", [("Two months later", "2007-05", "month")]),
        ("Three days later the plant closed.", "2007-03", []),  # three days after a month: no day, no date
        (
            "They met in 1998 and the following year they married.",
            None,
            [("1998", "1998", "year"), ("the following year", "1999", "year")],
        ),  # the date before it in the text
        ("Later that day he resigned.", "2007-06-03", [("Later that day", "2007-06-03", "day")]),
        ("He resigned in the same year.", "2007-06-03", [("the same year", "2007", "year")]),
        ("Later that day he resigned.", "2007", []),  # a day of a year is not known
        ("The next day he resigned.", None, []),  # counted from nothing
        ("He will stay for the next year.", "2001", []),  # a duration
        ("The child would be free to leave seven days later.", "2007-06-01", []),  # a hypothetical
    ],
)
def test_a_date_told_from_another_counts_from_the_anchor(sentence, anchor, expected):
    assert [(t.text, t.value, t.precision) for t in find_dates(sentence, FRIDAY, anchor)] == expected


def test_a_date_told_from_another_has_no_anchor_in_a_lone_sentence():
    assert dates("One year later he was fired.") == []
