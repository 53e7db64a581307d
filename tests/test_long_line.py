"""One endless line: a pasted page with no full stop was quadratic in time, memory and output (250 KB
took 43 s and 1.5 GB, 500 KB wrote 5 GB, 5 MB was killed). Sentences are bounded; each stage is linear."""

from __future__ import annotations

import json
import os

from test_faults import dossier_build
from test_hostile import site_settings

from dossier.ingest.read import MAX_BYTES
from dossier.language.text import MAX_SENTENCE, sentence_spans

FIRST_NAMES = "Borvath Trenna Kelmis Odrana Vasko Lirien".split()
SURNAMES = "Kelling Ostrow Fennimore Arkwell Dunmarch".split()
PLACES = "Valdmere Ostrakov Pellion".split()


def endless_line(size: int) -> str:
    """Invented news without one full stop: people, a union, places and dates, `size` characters."""
    words, length, n = [], 0, 0
    while length < size:
        n += 1
        clause = (
            f"{FIRST_NAMES[n % 6]} {SURNAMES[n % 5]} met officials of the Kestrel Union in "
            f"{PLACES[n % 3]} on {n % 28 + 1} June {1990 + n % 30} and talks went on"
        )
        words.append(clause)
        length += len(clause) + 1
    return " ".join(words)[:size]


def test_a_long_sentence_is_cut_at_spaces_into_bounded_pieces():
    text = endless_line(5_000) + ". Then it ended."
    spans = sentence_spans(text)
    assert max(end - start for start, end in spans) <= MAX_SENTENCE
    assert text[spans[-1][0] : spans[-1][1]] == "Then it ended."
    assert all(text[end] == " " for _, end in spans[:-2])  # cut at spaces, never inside a word
    assert " ".join(text[s:e] for s, e in spans) == text  # nothing lost
    assert sentence_spans("x" * 1300) == [(0, 600), (600, 1200), (1200, 1300)]  # a run without a space


def test_a_one_megabyte_line_builds_in_linear_time_memory_and_output(tmp_path):
    """Was quadratic: 250 KB took 43 s and 1.5 GB, 500 KB wrote 5 GB, 5 MB was killed. The bounds
    are generous (a loaded machine); the quadratic build missed them by far."""
    headline = "Talks in Valdmere\n\n"
    line = endless_line(MAX_BYTES - len(headline) - 1)  # the whole file 1 MB, the most a seed is read
    settings = site_settings(tmp_path, {"line.txt": f"{headline}{line}\n"})
    log = tmp_path / "build.log"
    with open(log, "w") as stream:  # a pipe nobody reads while waiting would fill and stop the build
        process = dossier_build(tmp_path, "--settings", str(settings), stdout=stream, stderr=stream)
        _, status, usage = os.wait4(process.pid, 0)
    err = log.read_text()
    assert os.waitstatus_to_exitcode(status) == 0, err
    assert usage.ru_maxrss < 2_000_000, f"peak memory {usage.ru_maxrss // 1024} MB"
    assert usage.ru_utime < 900, f"{usage.ru_utime:.0f} s of CPU"
    output = tmp_path / "output"
    # Linear: each mention carries one sentence of at most MAX_SENTENCE characters, to dossier.json,
    # mentions.csv and its entity's pages; this text names someone every few words (100 KB writes 12 MB).
    # Unbounded, 500 KB wrote 5 GB.
    assert sum(p.stat().st_size for p in output.rglob("*") if p.is_file()) < 150 * len(line)
    data = json.loads((output / "dossier.json").read_text())
    sentences = [m["sentence"] for e in data["entities"] for m in e["mentions"]]
    assert sentences and max(map(len, sentences)) <= MAX_SENTENCE
    (article,) = data["articles"]
    assert "".join(article["body"]).replace(" ", "") == line.replace(" ", "")  # nothing lost
