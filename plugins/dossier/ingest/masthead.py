"""The article's headline, date, publisher and dateline, found where news pages put them.

The headline sits above the article text, among menus and bylines, and is rarely the first line;
the date comes from the dateline ("MOSCOW, June 15, 2007 (Agency) --"), a source line
("(Agency June 15, 2007)") or a date line under the headline. Dates are read by the chronology's
own parser (`timex.find_dates`), so both stages agree on what a date is.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..language.timex import MONTH, MONTHS, find_dates, month_number
from . import captions
from .ending import words
from .furniture import FURNITURE, FURNITURE_ANYWHERE, SECTION_TRAIL

DASH = r"(?:--|—|–|-|_)"
AGENCY = r"\((?P<agency>[A-Z][\w&.'/-]*(?:[ -][A-Z][\w&.'/-]*){0,4})(?:,?\s+(?P<agency_date>[^)]{4,30}))?\)"
# "MOSCOW, June 15 (Reuters) -", "NAIROBI, Kenya (AP) _", "June 15, 2007 --", "WASHINGTON _"
DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})(?:,\s*(?:[A-Z][a-z.]+(?: "
    r"[A-Z][a-z.]+){0,2}))?,?\s*)?"
    r"(?P<date>" + MONTH + r"\.? \d{1,2}(?:, \d{4})?|\d{1,2} " + MONTH + r"(?: \d{4})?)?,?\s*"
    r"(?:" + AGENCY + r")?\s*" + DASH + r"(?:\s|$)"
)
# a photo caption ending in a credit, glued in front of the dateline that starts the article
GLUED_CAPTION = re.compile(
    r"^(?P<caption>.{15,400}?\([A-Z][\w&./ -]{1,30}\))\s+(?=\S.{0,60}?" + DASH + r"\s)"
)
BYLINE = re.compile(
    r"^(?:by|from|posted by|written by|reporting by)\s+[A-Z]|"
    r"\b(?:writer|correspondent|reporter|editor|columnist|staff|contributor)s?\s*$",
    re.IGNORECASE,
)
NAME_IN_PLACE = re.compile(
    r"^[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,2} (?:in|at) [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?$"
)
SOURCE_LINE = re.compile(
    r"^\((?P<agency>[A-Z][\w&.'/ -]{1,30}?),?\s+(?P<date>(?:" + MONTH + r"|\d)[^)]{4,28})\)$"
)
COPYRIGHT_HOLDER = re.compile(
    r"(?:copyright|©)(?:\s*(?:copyright|©|\(c\)|\d{4}(?:\s*[-–]\s*\d{4})?))*\s+"
    r"(?P<holder>[A-Z][\w&.' -]{2,50}?)(?:,? (?:inc|llc|ltd)\b|[.,|]|\s+\d{4}|\s+all rights|\s*$)",
    re.IGNORECASE,
)
DATE_LINE_OPENING = re.compile(
    r"^(?:updated|published|posted|last (?:updated|modified)|first published)\b", re.IGNORECASE
)
NUMERIC_DATE = re.compile(
    r"\b(?:(?P<iso_year>(?:19|20)\d\d)-(?P<iso_month>\d\d)-(?P<iso_day>\d\d)(?=T|\b)"
    r"|(?P<first>\d{1,2})(?P<separator>[/.])(?P<second>\d{1,2})(?P=separator)(?P<year>(?:19|20)\d\d)\b)"
)
SHORT = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"  # "Jul", "Sept.", "July"
SHORT_MONTH_DATE = re.compile(
    r"\b(?:(?P<day>\d{1,2})(?:st|nd|rd|th)? (?P<month>" + SHORT + r"),? (?P<year>(?:19|20)\d\d)"
    r"|(?P<month2>" + SHORT + r") (?P<day2>\d{1,2})(?:st|nd|rd|th)?,? (?P<year2>(?:19|20)\d\d))\b",
    re.IGNORECASE,
)
HEADER_WINDOW = 25  # the headline is within this many blocks above the article text
# A headline candidate's score: a line of HEADLINE_WORDS words starts at HEADLINE_BASE, plus a point for every
# LENGTH_STEP words up to LENGTH_CAP (a headline says something: longer lines read more like one); what the
# page says of it adds or takes away the hand-set amounts below, on the scale of that length bonus.
HEADLINE_WORDS = (3, 30)  # fewer is a label or a name, more a paragraph
HEADLINE_BASE = 3.0
LENGTH_STEP, LENGTH_CAP = 5, 10
REPEATED_BONUS = 1.5  # pages repeat their headline (title bar, breadcrumbs, share text)
CAPITALS_PENALTY = 0.5  # a line all in capitals is a section name or a kicker more often than a headline
BYLINE_PENALTY = 1.0  # "Luke Harding in Moscow": a byline without "By"
COUNT_PENALTY = 1.0  # "3 Min Read", "12 photos"
SHORT_TITLE_PENALTY = 1.5  # up to SHORT_TITLE_WORDS words all capitalised: a name or a section title
SHORT_TITLE_WORDS = 4
DISTANCE_PENALTY = 0.15  # per line above the text: the headline is near the text it heads
BELOW_DATE_PENALTY = 1.0  # a line between the date line and the text is a byline or a standfirst
DATE_LINE_REACH = 7  # lines above the text where a date line is looked for
# A date line is short: a compact date ("2007-06-15T10:00") with at most COMPACT_DATE_LINE_WORDS words, a date
# in words with at most DATE_LINE_WORDS (read in its first DATE_LINE_CHARS characters).
COMPACT_DATE_LINE_WORDS, DATE_LINE_WORDS, DATE_LINE_CHARS = 8, 14, 200
PUBLISHER_LINES = 40  # the closing source or copyright line is among the last lines of the page
DATELINE_REACH = 2  # the dateline ("MOSCOW, June 15 --") opens the text: within this many blocks of its start
DATE_READ_CHARS = 300  # a line's date is in its opening characters (a date line is short; a body is not)
BODY_DATE_CHARS = 80  # in the text itself, only a date this near the start of a block dates the article
OPENS_TEXT = re.compile(DASH + r"\s*$")  # "BUFFALO, N.Y. (AP) --": a dateline the text runs on from
END_PUNCTUATION = re.compile(r"[.;,]$")  # a sentence or a clause; a headline may ask or exclaim
# A headline names what its article is about: a point for each of its words the article's text uses
# (a site's name or tagline, a menu or a caption above the text names something else)
SUBJECT_BONUS = 2.0
FURNITURE_TITLE_WORDS, FURNITURE_TITLE_NAMED = 5, 0.5
ABOVE_BYLINE_BONUS = 1.0  # the line directly above the byline heads the article


@dataclass
class Masthead:
    title: str = ""
    date: str | None = None
    publisher: str | None = None
    place: str | None = None
    consumed: list[int] = field(default_factory=list)  # header blocks read as headline or date line


def split_glued_captions(texts: list[str]) -> tuple[list[str], set[int]]:
    """Cut a photo caption off the dateline it was pasted onto; returns the blocks and the captions'
    indexes."""
    out, captions = [], set()
    for text in texts:
        match = GLUED_CAPTION.match(text)
        rest = text[match.end() :] if match else ""
        if match and DATELINE.match(rest):
            captions.add(len(out))
            out += [match["caption"], rest]
        else:
            out.append(text)
    return out, captions


def read_masthead(
    texts: list[str], body_start: int, captions: set[int] = frozenset(), subject: frozenset[str] = frozenset()
) -> Masthead:
    """`subject`: the words of the article's text (`ending.words`), which its headline names."""
    head = Masthead()
    near = range(max(0, body_start - DATELINE_REACH), min(len(texts), body_start + DATELINE_REACH))
    dateline_at = next((i for i in near if DATELINE.match(texts[i])), None)
    dates = _header_dates(texts, body_start)
    if dateline_at is not None:
        match = DATELINE.match(texts[dateline_at])
        if match["place"] and len(match["place"]) > 1:
            head.place = match["place"].title() if match["place"].isupper() else match["place"]
        head.publisher = match["agency"]
        head.date = _dateline_date(match)
    # a full date in the dateline wins; a day without its year ("March 12") leaves it to the date line
    if head.date is None and dates:
        head.date = dates[0][1]
    title_at = _headline(texts, body_start, captions, subject)
    if title_at is not None:
        head.title = texts[title_at]
        head.consumed.append(title_at)
    head.consumed += [i for i, _ in dates]  # date lines above the text, and a source line after it
    if head.publisher is None:
        head.publisher = _publisher(texts)
    return head


def _header_dates(texts: list[str], body_start: int) -> list[tuple[int, str]]:
    """Full dates on the lines around the start of the article, nearest to it first."""
    window = range(max(0, body_start - HEADER_WINDOW), min(len(texts), body_start + DATELINE_REACH))
    order = sorted(window, key=lambda i: (abs(i - body_start + 0.5), i))
    found = []
    for index in order:
        text = texts[index][:DATE_READ_CHARS]
        value = _compact_date(text) if index < body_start else None
        for expression in find_dates(text, None):
            if expression.precision == "day" and (index < body_start or expression.start < BODY_DATE_CHARS):
                value = expression.value
                break
        if value:
            found.append((index, value))
    for index, text in enumerate(texts):  # a closing source line: "(Agency June 15, 2007)"
        match = SOURCE_LINE.match(text)
        if match and (expression := find_dates(match["date"], None)) and expression[0].precision == "day":
            found.append((index, expression[0].value))
    return found


def _dateline_date(match: re.Match) -> str | None:
    expressions = find_dates(match["date"] or match["agency_date"] or "", None)
    return expressions[0].value if expressions and expressions[0].precision == "day" else None


def _headline(texts: list[str], body_start: int, captions: set[int], subject: frozenset[str]) -> int | None:
    """The likeliest headline among the blocks above the article text."""
    header = texts[max(0, body_start - HEADER_WINDOW) : body_start]
    offset = body_start - len(header)
    page = "\n".join(texts[: body_start + 1])
    best, best_score = None, 0.0
    # the headline stands above its date line: a line between that date line and the text is a byline
    date_line = next(
        (
            p
            for p in range(len(header) - 1, max(-1, len(header) - DATE_LINE_REACH), -1)
            if _is_date_line(header[p])
        ),
        None,
    )
    for position, text in enumerate(header):
        named = _share_named(text, subject)
        score = _headline_score(text, page, named)
        if score <= 0 or offset + position in captions:
            continue
        score += SUBJECT_BONUS * named
        following = header[position + 1] if position + 1 < len(header) else ""
        if BYLINE.search(following):
            score += ABOVE_BYLINE_BONUS
        score -= DISTANCE_PENALTY * (len(header) - position)
        if date_line is not None and position > date_line:
            score -= BELOW_DATE_PENALTY
        if score > best_score:
            best, best_score = offset + position, score
    return best


def _headline_score(text: str, page: str, named: float = 0.0) -> float:
    """How much the line looks like a headline; `named`: the share of its words the article uses."""
    words = text.split()
    if (
        not HEADLINE_WORDS[0] <= len(words) <= HEADLINE_WORDS[1]
        or END_PUNCTUATION.search(text)
        or BYLINE.search(text)
        or text[0].islower()
    ):
        return 0.0
    if (
        DATELINE.match(text)
        or _is_date_line(text)
        or "|" in text
        or text.endswith(":")
        or OPENS_TEXT.search(text)
    ):
        return 0.0
    if SECTION_TRAIL.match(text) or _picture(text) or FURNITURE_ANYWHERE.search(text):
        return 0.0  # a trail of section names stands above the headline, it is not one
    # a line opening as furniture does ("Privacy ...", "Credit ...") is a headline when it is one's length
    # and names what the article is about ("Privacy regulator fines Acme over user data")
    if FURNITURE.match(text) and not (len(words) >= FURNITURE_TITLE_WORDS and named >= FURNITURE_TITLE_NAMED):
        return 0.0
    score = HEADLINE_BASE + min(len(words), LENGTH_CAP) / LENGTH_STEP
    if page.count(text) > 1:
        score += REPEATED_BONUS
    if text.isupper():
        score -= CAPITALS_PENALTY
    if NAME_IN_PLACE.match(text):
        score -= BYLINE_PENALTY
    if re.match(r"\d+ ", text):
        score -= COUNT_PENALTY
    if sum(w[0].isupper() for w in words) == len(words) and len(words) <= SHORT_TITLE_WORDS:
        score -= SHORT_TITLE_PENALTY
    return score


def _picture(text: str) -> bool:
    """A photo's credit, caption or marker, which stands where headlines stand."""
    return captions.is_credit(text) or captions.is_image_marker(text) or bool(captions.caption_sign(text))


def _share_named(text: str, subject: frozenset[str]) -> float:
    """The share of the line's words that the article's text uses."""
    own = words(text, frozenset())
    return len(own & subject) / len(own) if own and subject else 0.0


def _compact_date(text: str) -> str | None:
    """Date-line forms the running-text parser leaves alone: ISO (2007-06-15T10:00), US (06/15/2007),
    European (15.06.2007), and months cut short without a period ("Sat 14 Jul 2007", "Jul 14th, 2007")."""
    match = NUMERIC_DATE.search(text)
    if match and match["iso_year"]:
        year, month, day = int(match["iso_year"]), int(match["iso_month"]), int(match["iso_day"])
    elif match:
        first, second, year = int(match["first"]), int(match["second"]), int(match["year"])
        day_first = match["separator"] == "." or first > 12
        day, month = (first, second) if day_first else (second, first)
    elif match := SHORT_MONTH_DATE.search(text):
        day, month, year = (
            int(match["day"] or match["day2"]),
            month_number(match["month"] or match["month2"]),
            int(match["year"] or match["year2"]),
        )
    else:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _is_date_line(text: str) -> bool:
    if DATE_LINE_OPENING.match(text) or _compact_date(text) and len(text.split()) <= COMPACT_DATE_LINE_WORDS:
        return True
    expressions = find_dates(text[:DATE_LINE_CHARS], None)
    return bool(expressions) and len(text.split()) <= DATE_LINE_WORDS


def _publisher(texts: list[str]) -> str | None:
    for text in reversed(texts[-PUBLISHER_LINES:]):
        match = SOURCE_LINE.match(text)
        if match:
            return match["agency"]
    for text in reversed(texts[-PUBLISHER_LINES:]):
        match = COPYRIGHT_HOLDER.search(text)
        if match and not match["holder"].lower().startswith("all rights"):
            return match["holder"].strip()
    return None
