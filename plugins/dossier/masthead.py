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

from .furniture import CREDIT_AT_END, FURNITURE, SECTION_TRAIL
from .timex import MONTH, MONTHS, find_dates, month_number

DASH = r"(?:--|—|–|-|_)"
AGENCY = r"\((?P<agency>[A-Z][\w&.'/-]*(?:[ -][A-Z][\w&.'/-]*){0,4})(?:,?\s+(?P<agency_date>[^)]{4,30}))?\)"
# "MOSCOW, June 15 (Reuters) -", "NAIROBI, Kenya (AP) _", "June 15, 2007 --", "WASHINGTON _"
DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})(?:,\s*(?:[A-Z][a-z.]+(?: [A-Z][a-z.]+){0,2}))?,?\s*)?"
    r"(?P<date>" + MONTH + r"\.? \d{1,2}(?:, \d{4})?|\d{1,2} " + MONTH + r"(?: \d{4})?)?,?\s*"
    r"(?:" + AGENCY + r")?\s*" + DASH + r"(?:\s|$)")
# a photo caption ending in a credit, glued in front of the dateline that starts the article
GLUED_CAPTION = re.compile(r"^(?P<caption>.{15,400}?\([A-Z][\w&./ -]{1,30}\))\s+(?=\S.{0,60}?" + DASH + r"\s)")
BYLINE = re.compile(r"^(?:by|from|posted by|written by|reporting by)\s+[A-Z]|"
                    r"\b(?:writer|correspondent|reporter|editor|columnist|staff|contributor)s?\s*$", re.IGNORECASE)
NAME_IN_PLACE = re.compile(r"^[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,2} (?:in|at) [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?$")
SOURCE_LINE = re.compile(r"^\((?P<agency>[A-Z][\w&.'/ -]{1,30}?),?\s+(?P<date>(?:" + MONTH + r"|\d)[^)]{4,28})\)$")
COPYRIGHT_HOLDER = re.compile(r"(?:copyright|©)(?:\s*(?:copyright|©|\(c\)|\d{4}(?:\s*[-–]\s*\d{4})?))*\s+"
                              r"(?P<holder>[A-Z][\w&.' -]{2,50}?)(?:,? (?:inc|llc|ltd)\b|[.,|]|\s+\d{4}|\s+all rights|\s*$)",
                              re.IGNORECASE)
DATE_LINE_OPENING = re.compile(r"^(?:updated|published|posted|last (?:updated|modified)|first published)\b", re.IGNORECASE)
NUMERIC_DATE = re.compile(r"\b(?:(?P<iso_year>(?:19|20)\d\d)-(?P<iso_month>\d\d)-(?P<iso_day>\d\d)(?=T|\b)"
                          r"|(?P<first>\d{1,2})(?P<separator>[/.])(?P<second>\d{1,2})(?P=separator)(?P<year>(?:19|20)\d\d)\b)")
SHORT = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"  # "Jul", "Sept.", "July"
SHORT_MONTH_DATE = re.compile(
    r"\b(?:(?P<day>\d{1,2})(?:st|nd|rd|th)? (?P<month>" + SHORT + r"),? (?P<year>(?:19|20)\d\d)"
    r"|(?P<month2>" + SHORT + r") (?P<day2>\d{1,2})(?:st|nd|rd|th)?,? (?P<year2>(?:19|20)\d\d))\b", re.IGNORECASE)
HEADER_WINDOW = 25  # the headline is within this many blocks above the article text
END_PUNCTUATION = re.compile(r"[.!?;,]$")


@dataclass
class Masthead:
    title: str = ""
    date: str | None = None
    publisher: str | None = None
    place: str | None = None
    consumed: list[int] = field(default_factory=list)  # header blocks read as headline or date line


def split_glued_captions(texts: list[str]) -> tuple[list[str], set[int]]:
    """Cut a photo caption off the dateline it was pasted onto; returns the blocks and the captions' indexes."""
    out, captions = [], set()
    for text in texts:
        match = GLUED_CAPTION.match(text)
        rest = text[match.end():] if match else ""
        if match and DATELINE.match(rest):
            captions.add(len(out))
            out += [match["caption"], rest]
        else:
            out.append(text)
    return out, captions


def read_masthead(texts: list[str], body_start: int, captions: set[int] = frozenset()) -> Masthead:
    head = Masthead()
    dateline_at = next((i for i in range(max(0, body_start - 2), min(len(texts), body_start + 2))
                        if DATELINE.match(texts[i])), None)
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
    title_at = _headline(texts, body_start, captions)
    if title_at is not None:
        head.title = texts[title_at]
        head.consumed.append(title_at)
    head.consumed += [i for i, _ in dates]  # date lines above the text, and a source line after it
    if head.publisher is None:
        head.publisher = _publisher(texts)
    return head


def _header_dates(texts: list[str], body_start: int) -> list[tuple[int, str]]:
    """Full dates on the lines around the start of the article, nearest to it first."""
    window = range(max(0, body_start - HEADER_WINDOW), min(len(texts), body_start + 2))
    order = sorted(window, key=lambda i: (abs(i - body_start + 0.5), i))
    found = []
    for index in order:
        text = texts[index][:300]
        value = _compact_date(text) if index < body_start else None
        for expression in find_dates(text, None):
            if expression.precision == "day" and (index < body_start or expression.start < 80):
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


def _headline(texts: list[str], body_start: int, captions: set[int]) -> int | None:
    """The likeliest headline among the blocks above the article text."""
    header = texts[max(0, body_start - HEADER_WINDOW):body_start]
    offset = body_start - len(header)
    page = "\n".join(texts[:body_start + 1])
    best, best_score = None, 0.0
    # the headline stands above its date line: a line between that date line and the text is a byline
    date_line = next((p for p in range(len(header) - 1, max(-1, len(header) - 7), -1) if _is_date_line(header[p])), None)
    for position, text in enumerate(header):
        score = _headline_score(text, page)
        if score <= 0 or offset + position in captions:
            continue
        score -= 0.15 * (len(header) - position)  # nearer the text is likelier
        if date_line is not None and position > date_line:
            score -= 1.0
        if score > best_score:
            best, best_score = offset + position, score
    return best


def _headline_score(text: str, page: str) -> float:
    words = text.split()
    if not 3 <= len(words) <= 30 or END_PUNCTUATION.search(text) or BYLINE.search(text) or text[0].islower():
        return 0.0
    if DATELINE.match(text) or _is_date_line(text) or "|" in text or text.endswith(":"):
        return 0.0
    if FURNITURE.match(text) or CREDIT_AT_END.search(text) or SECTION_TRAIL.match(text):
        return 0.0  # a trail of section names stands above the headline, it is not one
    score = 3.0 + min(len(words), 10) / 5
    if page.count(text) > 1:
        score += 1.5  # pages repeat their headline (title bar, breadcrumbs, share text)
    if text.isupper():
        score -= 0.5
    if NAME_IN_PLACE.match(text):
        score -= 1.0  # "Luke Harding in Moscow": a byline without "By"
    if re.match(r"\d+ ", text):
        score -= 1.0  # "3 Min Read", "12 photos"
    if sum(w[0].isupper() for w in words) == len(words) and len(words) <= 4:
        score -= 1.5  # a name or a section title rather than a headline
    return score


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
        day, month, year = int(match["day"] or match["day2"]), month_number(match["month"] or match["month2"]), \
            int(match["year"] or match["year2"])
    else:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _is_date_line(text: str) -> bool:
    if DATE_LINE_OPENING.match(text) or _compact_date(text) and len(text.split()) <= 8:
        return True
    expressions = find_dates(text[:200], None)
    return bool(expressions) and len(text.split()) <= 14


def _publisher(texts: list[str]) -> str | None:
    for text in reversed(texts[-40:]):
        match = SOURCE_LINE.match(text)
        if match:
            return match["agency"]
    for text in reversed(texts[-40:]):
        match = COPYRIGHT_HOLDER.search(text)
        if match and not match["holder"].lower().startswith("all rights"):
            return match["holder"].strip()
    return None
