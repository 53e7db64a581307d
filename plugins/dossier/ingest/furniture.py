"""Page furniture found on news sites everywhere, not on any one site: tool rows, prompts, credits.

The words are the lexicon's (furniture_openings, furniture_phrases, comments_openings); the shapes
that are not words (a copyright year, "5 min read", a trailing "»") are written here.
"""

import re

from .. import lexicon


def _phrases(name: str) -> str:
    """The lexicon's phrases as one alternation, each ending at a word's end when it ends in a letter."""
    phrases = sorted(lexicon.phrases(name), key=len, reverse=True)
    return "|".join(re.escape(p) + (r"\b" if p[-1].isalnum() else "") for p in phrases)


FURNITURE = re.compile(
    rf"^\W*(?:{_phrases('furniture_openings')}|\(c\)\s*\d{{4}}|share\b\W*$|\d+\s*min(?:ute)?s?\s+read\b)",
    re.IGNORECASE,
)
FURNITURE_ANYWHERE = re.compile(
    rf"\b(?:{_phrases('furniture_phrases')})|\(more\)\s*$|>>\s*$|»\s*$|\bcookies?\b.*\b(?:accept|policy)\b",
    re.IGNORECASE,
)
MENU_SEPARATORS = re.compile(r"\s[|·•]\s|\s\|\s?|\s?\|\s")
# A trail of section names ("World · Europe", "News › Politics › Russia"): each name a capitalised word or
# three, the separators a middle dot, bullet or arrow. Pages print it above the headline.
SECTION_NAME = r"[^\W\d_][\w&'’.-]*(?: (?:&|[\w'’.-]+)){0,2}"
SECTION_TRAIL = re.compile(rf"^{SECTION_NAME}(?:\s*[·•›»]\s*{SECTION_NAME})+$")
# The start of a comments section: the article is over (readers' comments are prose too).
COMMENTS = re.compile(
    rf"^\W*(?:{_phrases('comments_openings')})|^\W*\d+ (?:comments?|responses|replies)\W*$",
    re.IGNORECASE,
)
