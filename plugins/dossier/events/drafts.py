"""Draft events of one article, read from the parse: one per sentence, two when a clause of its own is
dated apart (sentence.py). Runs per seed (cached); `stage.build_events` joins the drafts of the corpus."""

from __future__ import annotations

from ..language.clauses import quoted
from ..language.nlp import Parsed, parse
from ..language.text import sentence_spans
from ..language.timex import parse_reference
from ..model import Article, Event
from .sentence import Sentence
from .status import CHRONOLOGY
from .story import Story, recent, same_words


def find_events(article: Article, parsed: Parsed | None = None) -> list[Event]:
    """The happenings the article tells for the chronology: happened, ongoing or expected (see
    `read_article` for what each sentence tells, statements and what did not happen included)."""
    return [event for event in read_article(article, parsed) if event.status in CHRONOLOGY]


def read_article(article: Article, parsed: Parsed | None = None) -> list[Event]:
    """What each sentence tells, one draft per sentence (two when a clause of its own is dated apart),
    with its status: happened, ongoing, expected, hypothetical, negated, or a statement.

    The headline's happening is always dated (by the article's date when it states none); a body
    sentence is dated by the date its main clause states, else, when it tells news in the article's
    own time, by the article's date (`dated="reported"`). Background (past perfect, a past told
    after an older date) and the undated future give no event."""
    parsed = parsed or parse(article)
    story = Story(parse_reference(article.date))
    headline, drafts = [], []
    if parsed.title is not None:
        title = parsed.title
        headline = Sentence(article.id, title, None, 0, len(title.text), quoted(title.text), True).events(
            story
        )
    for b, (block, doc) in enumerate(zip(article.body, parsed.blocks)):
        if block.kind == "heading":
            continue
        inside = quoted(block.text)  # the block's text, not Doc.text: spaCy joins it anew at each call
        for start, end in sentence_spans(block.text):
            drafts += Sentence(article.id, doc, b, start, end, inside, whole=block.text).events(story)
    first = next((b for b, block in enumerate(article.body) if block.kind != "heading"), None)
    return _with_headline(headline, drafts, first, story.reference)


def _with_headline(headline: list[Event], drafts: list[Event], first: int | None, reference) -> list[Event]:
    """The headline and the lead tell the article's main happening: one event, the lead's, with the
    headline's participants too, when the lead tells it as news of the article's time."""
    if not headline or not drafts:
        return headline + drafts
    lead, top = drafts[0], headline[0]
    if (
        lead.clauses[0].block != first
        or lead.status != "happened"
        or reference is None
        or not recent(lead.date, reference)
        or not same_words(top.sources[0].sentence, lead.sources[0].sentence)
    ):
        return headline + drafts
    lead.clauses += (
        top.clauses
    )  # the headline's names take part; the lead, which tells it whole, is the source
    return headline[1:] + drafts
