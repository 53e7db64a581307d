"""Property-based tests: every stage survives arbitrary text, escaping holds, kept text is the input's."""

import re

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.entities import stage as entities
from dossier.events import stage as events
from dossier.ingest.clean import clean
from dossier.ingest.read import normalise, read_seed
from dossier.publish.render import render_block
from dossier.registry import Registry

FRAGMENTS = st.sampled_from(
    [
        "Home | World | Sport",
        "Related >>",
        "© 2007 Example",
        "(more)",
        "Save | Print | E-mail",
        "MOSCOW, June 15, 2007 (Reuters) --",
        "U.S. Defense Secretary Robert Gates said",
        "on Friday",
        "in six months",
        "May",
        "the Treaty on Open Skies (TOS)",
        "NATO",
        '"We will," she said.',
        "<script>alert(1)</script>",
        "{{ x }}",
        "{% if %}",
        "&amp;",
        "*a*",
        "[x](javascript:y)",
        "\u00a0",
        "\t",
        "\n",
        "\n\n",
        ".",
        ",",
        "Mr.",
        "Dr. Ana Ruiz",
        "2008",
        "1990s",
        "next year",
        "'Quote'",
        "--",
        "·",
    ]
)
NEWSISH = st.lists(st.one_of(FRAGMENTS, st.text(max_size=30)), max_size=40).map(" ".join)
ANY_TEXT = st.one_of(NEWSISH, st.text(max_size=400))
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def squash(text: str) -> str:
    return " ".join(text.split())


@PROPERTY
@given(st.binary(max_size=2000))
def test_reading_any_bytes_never_fails(data):
    seed = read_seed("x.txt", data)
    assert seed.skip or seed.text.strip()
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", seed.text)


@PROPERTY
@given(ANY_TEXT)
def test_stages_survive_any_text_and_keep_only_input_text(text):
    seed = read_seed("x.txt", text.encode())
    if seed.skip:
        return
    article = clean(seed)
    assert isinstance(article.title, str)
    source, position = squash(seed.text), 0
    for block in article.body:  # kept blocks are the input's own words, in the input's order
        found = source.find(squash(block.text), position)
        assert found >= 0, block.text
        position = found + len(squash(block.text))
    candidates = entities.find_candidates(article)
    for candidate in candidates:
        m = candidate.mention
        assert article.body[m.block].text[m.start : m.end] == m.text
    found_entities = entities.resolve([article], {article.id: candidates}, Registry())
    drafts = events.find_events(article)
    for event in events.build_events([article], {article.id: drafts}, found_entities, Registry()):
        assert re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", event.date)
        assert event.status in ("happened", "expected")


@PROPERTY
@given(ANY_TEXT)
def test_rendering_escapes_everything(raw):
    text = normalise(raw)  # blocks reach the renderer as the reader left them
    html = render_block(text)
    soup = BeautifulSoup(html, "html.parser")
    assert {tag.name for tag in soup.find_all(True)} <= {"p"}
    assert squash(soup.get_text()) == squash(text)
