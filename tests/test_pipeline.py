"""The pipeline's own joints: a seed's work renamed to its dossier-wide id keeps no trace of the old one."""

import msgspec

from dossier.corpus.analysis import SeedJob, analyse_seed
from dossier.corpus.pipeline import build_dossier
from dossier.model import SeedText

STORY = (
    "Acme closes two plants\n\nBERLIN, March 3, 2021 -- Acme Corp said on Tuesday it would close two plants "
    'in Germany, chief executive Jane Roe told reporters in Berlin. "We had no choice," Roe said.\n\n'
    "Acme was founded in 1990. Roe, who joined Acme in 2015, will step down in June, the company said.\n"
)


def strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def test_a_renamed_seed_keeps_no_old_id():
    work = analyse_seed(SeedJob(SeedText("a.txt", STORY), frozenset(), None))
    old = work.article.id
    found = msgspec.to_builtins(work)
    assert old and strings(found).count(old) > 3  # mentions, events, phrases and statements all record it
    work.give_id("acme-closes-two-plants-2")
    assert old not in strings(msgspec.to_builtins(work))


def test_two_seeds_of_one_headline_get_two_ids_and_keep_their_own_records(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(STORY.replace("Germany", "Austria").replace("Berlin", "Vienna"))
    dossier = build_dossier([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert [a.id for a in dossier.articles] == ["acme-closes-two-plants", "acme-closes-two-plants-2"]
    vienna = next(e for e in dossier.entities if e.name == "Vienna")
    assert vienna.articles == ["acme-closes-two-plants-2"]
