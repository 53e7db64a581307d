"""Words per second per core of the per-seed analysis, and of the language model inside it.

CPU time of this process (not wall time), so other work on the machine does not count; one core,
since the build runs one such process per core. Three figures on the same synthetic seeds:
- recognizer: spaCy's named-entity recogniser alone (tok2vec + ner);
- pipeline: the whole small pipeline the analysis runs (tagger, parser, lemmatizer, ner);
- analysis: `pipeline.analyse_seed` as the build runs it (cleaning, the parse, entities, events,
  key phrases, roles), whose result is cached per seed;
and the date scan of text without dates (timex's cheap trigger pattern), in ms per 1,000 words.

    python bench/language.py [--seeds 200]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402

from dossier.corpus.pipeline import analyse_seed  # noqa: E402
from dossier.ingest.clean import clean  # noqa: E402
from dossier.ingest.read import read_seed  # noqa: E402
from dossier.language import nlp  # noqa: E402
from dossier.language.timex import find_dates, parse_reference  # noqa: E402


def per_second(words: int, work) -> float:
    start = time.process_time()
    work()
    return words / (time.process_time() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        generate(Path(folder), args.seeds)
        seeds = [read_seed(str(p), p.read_bytes()) for p in sorted(Path(folder).glob("*.txt"))]
    texts = [block.text for seed in seeds for block in clean(seed, frozenset()).body]
    model = nlp.load()
    words = sum(len(text.split()) for text in texts)
    model.pipe(texts[:20])  # warm up
    with model.select_pipes(enable=["tok2vec", "ner"]):
        recognizer = per_second(words, lambda: list(model.pipe(texts)))
    pipeline = per_second(words, lambda: list(model.pipe(texts)))
    analysis = per_second(
        words, lambda: [analyse_seed((seed, frozenset(), None, nlp.DEFAULT_MODEL)) for seed in seeds]
    )
    print(f"{args.seeds} seeds, {words} words of kept text, model {nlp.version()}")
    print(f"recognizer {recognizer:,.0f} words/s/core · pipeline {pipeline:,.0f} · analysis {analysis:,.0f}")
    plain = " ".join(["The minister of finance spoke to reporters about the budget and the economy."] * 1000)
    reference = parse_reference("2007-06-15")
    scan = per_second(len(plain.split()) * 20, lambda: [find_dates(plain, reference) for _ in range(20)])
    print(f"date scan of text without dates: {1000 / scan * 1000:.3f} ms per 1,000 words")


if __name__ == "__main__":
    main()
