"""The lexicon's loader and the rule lists' votes."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from dossier import lexicon
from dossier.rules import Ruler, Vote, run_votes, tally

LEXICON = Path(lexicon.__file__).parent


@pytest.mark.parametrize(
    "path", sorted(p for p in LEXICON.iterdir() if p.suffix in (".txt", ".tsv")), ids=lambda p: p.name
)
def test_every_file_says_what_it_is_for(path):
    head = path.read_text(encoding="utf-8").splitlines()[0]
    assert head.startswith("# ") and len(head) > 20, f"{path.name}: no header line saying what it is for"


def test_words_lines_and_sections(tmp_path, monkeypatch):
    assert "mr" in lexicon.sections("roles.txt")["honorific"]
    assert lexicon.lines("treaties.tsv")[0].count("\t") >= 1
    assert "the" in lexicon.words("common")


def test_a_verb_file_gives_lemmas_for_the_parse_and_forms_for_the_text():
    assert {"say", "deny"} <= lexicon.lemmas("speech_verbs") and "said" not in lexicon.lemmas("speech_verbs")
    assert {"said", "denies"} <= lexicon.forms("speech_verbs") and "say" not in lexicon.forms("speech_verbs")
    assert "talks" not in lexicon.forms("speech_verbs")  # "the Geneva talks": a plural noun, no speech
    assert "say" in lexicon.lemmas("speech_verbs", "reporting") and "deny" in lexicon.lemmas(
        "speech_verbs", "acts"
    )
    assert "deny" not in lexicon.lemmas("speech_verbs", "reporting")
    with pytest.raises(lexicon.LexiconError, match=r"no \[gossip\] section"):
        lexicon.lemmas("speech_verbs", "gossip")


def test_the_words_of_a_file_with_sections_are_those_of_every_section():
    sections = lexicon.sections("organisation_nouns")
    assert lexicon.words("organisation_nouns") == frozenset().union(*sections.values())
    assert not any(word.startswith("[") for word in lexicon.words("organisation_nouns"))


def test_months_and_weekdays_are_in_calendar_order():
    from dossier.language.timex import MONTH_NAMES, MONTHS, WEEKDAYS

    assert MONTH_NAMES[0] == "January" and MONTHS["sept"] == 9 and MONTHS["dec"] == 12
    assert WEEKDAYS["monday"] == 0 and WEEKDAYS["sunday"] == 6


def test_a_missing_file_is_named():
    with pytest.raises(lexicon.LexiconError, match="no file nothing-here.txt"):
        lexicon.words("nothing-here")


def test_no_word_list_in_the_code():
    """No literal list of five or more words outside the lexicon (a string split into words, or a set,
    tuple or list of five or more single-word strings)."""
    core = Path(lexicon.__file__).parent.parent
    split_words = re.compile(
        r'"(?:[a-z][a-z\'.-]*\s+){4,}[a-z][a-z\'.-]*"\s*(?:\n\s*"[^"]*"\s*)*\)?\.split\(\)'
    )
    offenders = []
    for path in sorted(core.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if split_words.search(text):
            offenders.append(str(path.relative_to(core)))
    assert not offenders, f"word lists in code (move them to lexicon/): {offenders}"


def test_a_tally_does_not_depend_on_the_order_of_votes():
    votes = [
        Vote("product", 1.0, "camel case"),
        Vote("organisation", 0.6, "Inc."),
        Vote("organisation", 0.6, "its chief executive"),
        Vote("person", 1.0, "model label"),
    ]
    results = {
        tally(order, ("person", "organisation", "product")).label for order in itertools.permutations(votes)
    }
    assert results == {"organisation"}


def test_a_tie_goes_to_the_first_label_of_the_order():
    votes = [Vote("place", 1.0, "a"), Vote("country", 1.0, "b")]
    assert tally(votes, ("country", "place")).label == "country"
    assert tally(reversed(votes), ("country", "place")).label == "country"
    assert tally([]).label is None


def test_rules_are_named_and_insertable():
    ruler = Ruler()
    ruler.push("shape", lambda name: [Vote("product", 1.0, "camel case")] if name[1:2].isupper() else [])
    ruler.push(
        "suffix", lambda name: [Vote("organisation", 2.0, "legal form")] if name.endswith("Inc.") else []
    )
    ruler.before("suffix", "registry", lambda name: None)
    assert ruler.get_active_rules() == ["shape", "registry", "suffix"]
    decision = tally(run_votes(ruler, "eVolve Inc."))
    assert decision.label == "organisation"
    assert {v.rule for v in decision.votes} == {"shape", "suffix"}
    assert "suffix: legal form" in decision.explain()
