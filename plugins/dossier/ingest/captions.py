"""Photo captions and credits, recognised by their own signs rather than by being short.

A credit line names who took the picture ("Jane Roe/Getty Images", "Photo: Jane Roe, AP",
"(Image: © Acme Lab)"); a caption says where the people in it stand ("Roe, left, ...", "(pictured)"),
opens as captions do ("FILE PHOTO: ..."), ends in its credit ("... REUTERS/Jane Roe"), or sits
directly before or after a credit line or an image marker ("Image 1 of 23"). A short sentence that
merely names a person and a place is none of these, and stays in the article.
"""

from __future__ import annotations

import re
from functools import cache

from .. import lexicon

CREDIT_WORDS = 12  # a credit line is a name or two and an agency
CAPTION_WORDS = 60  # a caption is a sentence or two; a longer block is a paragraph
UNDER_MARKER_WORDS = (
    25  # under an image marker, a caption is a sentence; a paragraph may follow a picture too
)
NAME = r"[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|de|van|von|da|di|del|la|le|al|bin))*"
# "Photo: ...", "(Image: ...)", "Credit: ...", "Photograph by ...": the credit's own label
CREDIT_LABEL = re.compile(
    r"^\(?(?:photo(?:graph)?s?|images?|pictures?|credits?|fotos?|bild|illustration)"
    r"(?: credit)?(?:\s*:|\s+by\b|\s*\|)",
    re.IGNORECASE,
)
NAME_WORD = r"\b[A-Z][\w'’-]+"
POSITION_MARK = r"(?:\s\(({0})\)|, ({0}),)"  # "Roe (left)" or "Roe, left,"


@cache
def _agencies(after_a_name: bool = False) -> re.Pattern:
    """An agency closing the line: alone, after a name ("Jane Roe Getty Images"), or, with
    `after_a_name`, only after a separator that joins it to the photographer's name: a slash, a bar,
    a comma, "via" or "for" ("Jane Roe/Getty Images"; "Mayor Jane Bloomberg" is not a credit)."""
    names = sorted(lexicon.phrases("photo_agencies"), key=len, reverse=True)
    alternatives = "|".join(re.escape(name) for name in names)
    joined = r"[/|,]\s*|\bvia\s+|\bfor\s+"
    before = joined if after_a_name else rf"^|{joined}|\s"
    return re.compile(rf"(?:{before})(?:{alternatives})\)?\s*$", re.IGNORECASE)


@cache
def _agency_credit_at_end() -> re.Pattern:
    """A caption's own credit at its end: "... REUTERS/Jane Roe", "... (AP Photo/Jane Roe)", "© Acme",
    "(Acme Lab/Jane Roe)"."""
    names = "|".join(_agency_spellings())
    return re.compile(
        rf"(?:\b(?:{names})\s?/\s?{NAME}|\((?:(?:{names}) )?Photo(?:/[^)]*)?\)|©\s*{NAME}(?:\s?/\s?{NAME})?"
        rf"|\({NAME}(?:\s?/\s?{NAME})+\))\s*$"
    )


@cache
def _agency_names() -> frozenset[str]:
    return frozenset(name.lower() for name in lexicon.phrases("photo_agencies"))


def _agency_spellings() -> list[str]:
    """Each agency as the lexicon writes it and in capitals ("Reuters", "REUTERS"), longest first."""
    names = {spelling for name in lexicon.phrases("photo_agencies") for spelling in (name, name.upper())}
    return [re.escape(name) for name in sorted(names, key=lambda n: (-len(n), n))]


@cache
def _caption_marks() -> tuple[re.Pattern, re.Pattern]:
    signs = lexicon.sections("caption_signs")
    positions = "|".join(sorted(signs["position"]))
    pictured, where = "|".join(sorted(signs["pictured"])), "|".join(sorted(signs["where"]))
    marks = re.compile(
        rf"{POSITION_MARK.format(positions)}|\(({pictured})\)|,\s*({pictured})\s+(?:{where})\b", re.IGNORECASE
    )
    openings = "|".join(re.escape(phrase) for phrase in lexicon.phrases("caption_openings"))
    return marks, re.compile(rf"^(?:{openings})\b\W", re.IGNORECASE)


@cache
def _image_markers() -> frozenset[str]:
    return frozenset(lexicon.phrases("image_markers"))


GALLERY_COUNT = re.compile(
    r"^(?:(?:image|photo|picture|slide)s?\s*)?\d+\s*(?:of|/)\s*/?\s*\d+$", re.IGNORECASE
)


def is_credit(text: str) -> bool:
    """A line that is a photo credit (or an agency's name alone) and nothing else."""
    if len(text.split()) > CREDIT_WORDS:
        return False
    bare = text.strip(" ()[].").lower() in _agency_names()
    return bare or bool(
        CREDIT_LABEL.match(text)
        or "©" in text
        or _agencies(after_a_name=True).search(text)
        and _capitalised(text)
    )


def is_image_marker(text: str) -> bool:
    """A control or counter of a photo player left in the pasted text."""
    return text.strip(" .:[]()").lower() in _image_markers() or bool(GALLERY_COUNT.match(text.strip()))


def caption_sign(text: str) -> str:
    """What marks this block as a caption on its own ("" when nothing does)."""
    words = len(text.split())
    if words > CAPTION_WORDS or text.startswith(('"', "“", "‘")):
        return ""
    marks, openings = _caption_marks()
    if openings.match(text):
        return "opens as a photo caption"
    if _agency_credit_at_end().search(text):
        return "photo caption ending in its credit"
    if marks.search(text):
        return "photo caption (says who is pictured where)"
    return ""


def next_to_a_picture(texts: list[str], index: int) -> bool:
    """The block stands directly above a photo's credit (one naming its photographer or labelled as a
    credit: captions are printed above it), or is a short line directly under an image marker."""
    text = texts[index]
    words = len(text.split())
    if words > CAPTION_WORDS or text.startswith(('"', "“", "‘")):
        return False
    following = texts[index + 1] if index + 1 < len(texts) else ""
    preceding = texts[index - 1] if index else ""
    return is_photographer_credit(following) or words <= UNDER_MARKER_WORDS and is_image_marker(preceding)


def is_photographer_credit(text: str) -> bool:
    """A credit that names who took the picture, or calls itself one: a bare agency or "© Agency" at
    the end of a story is its source line, not a picture's credit."""
    if len(text.split()) > CREDIT_WORDS:
        return False
    if CREDIT_LABEL.match(text):
        return True
    return (
        bool(_agencies(after_a_name=True).search(text))
        and _capitalised(text)
        and len(re.findall(NAME_WORD, text)) >= 3
    )


def _capitalised(text: str) -> bool:
    """Every word opens with a capital (names, an agency), apart from a few joining words."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", text) if len(w) > 3]
    return all(w[0].isupper() for w in words)
