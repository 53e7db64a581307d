"""The per-seed analysis against the language model's own time on the same text (the floor).

CPU time of this process (not wall time), so other work on the machine counts less; one core, since
the build runs one such process per core. On the same synthetic seeds:
- model: spaCy alone, `nlp.pipe` over every title and kept block in one stream (the pipeline the
  analysis runs: tagger, parser, lemmatizer, ner);
- analysis: `analysis.analyse_batch` as the build runs it, in batches of `engine.BATCH` seeds
  (cleaning, the parse, entities, facts, events, key phrases);
- the rest: analysis less model, and each step of it on its own (on parses made beforehand);
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

from dossier.corpus.analysis import SeedJob, analyse_batch  # noqa: E402
from dossier.corpus.engine import BATCH  # noqa: E402
from dossier.entities import facts  # noqa: E402
from dossier.entities import stage as entities  # noqa: E402
from dossier.events import stage as events  # noqa: E402
from dossier.ingest.clean import clean  # noqa: E402
from dossier.ingest.read import read_seed  # noqa: E402
from dossier.language import nlp  # noqa: E402
from dossier.language.timex import find_dates, parse_reference  # noqa: E402
from dossier.topics import phrases  # noqa: E402


def cpu(work) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        generate(Path(folder), args.seeds)
        seeds = [read_seed(str(p), p.read_bytes()) for p in sorted(Path(folder).glob("*.txt"))]
    articles = [clean(seed, frozenset()) for seed in seeds]
    texts = [text for a in articles for text in [a.title or "", *(b.text for b in a.body)]]
    words = sum(len(text.split()) for text in texts)
    model = nlp.load()
    list(model.pipe(texts[:20]))  # warm up
    floor = cpu(lambda: list(model.pipe(texts, batch_size=nlp.BATCH)))
    jobs = [SeedJob(seed, frozenset(), None) for seed in seeds]
    analysis = cpu(lambda: [analyse_batch(jobs[i : i + BATCH]) for i in range(0, len(jobs), BATCH)])
    parses = list(nlp.parse_many(articles))
    steps = {
        "clean": lambda: [clean(seed, frozenset()) for seed in seeds],
        "names": lambda: [entities.find_candidates(a, p) for a, p in zip(articles, parses)],
        "facts": lambda: [
            facts.find_facts(a, p, entities.find_candidates(a, p)) for a, p in zip(articles, parses)
        ],
        "events": lambda: [events.find_events(a, p) for a, p in zip(articles, parses)],
        "phrases": lambda: [phrases.article_phrases(a, p) for a, p in zip(articles, parses)],
    }
    times = {name: cpu(step) for name, step in steps.items()}
    times["facts"] -= times["names"]  # facts need the candidates: their time is counted under names
    rest = analysis - floor
    print(f"{args.seeds} seeds, {words:,} words (titles and kept text), model {nlp.version()}")
    print(
        f"model alone {floor:.2f} s ({words / floor:,.0f} words/s/core) · analysis {analysis:.2f} s "
        f"({words / analysis:,.0f} words/s/core) · the rest {rest:.2f} s = {rest / floor:.2f} of the model "
        f"(target < 0.33)"
    )
    print("the rest by step: " + " · ".join(f"{name} {t:.2f} s" for name, t in times.items()))
    plain = " ".join(["The minister of finance spoke to reporters about the budget and the economy."] * 1000)
    reference = parse_reference("2007-06-15")
    scan = cpu(lambda: [find_dates(plain, reference) for _ in range(20)]) / (len(plain.split()) * 20)
    print(f"date scan of text without dates: {scan * 1000 * 1000:.3f} ms per 1,000 words")


if __name__ == "__main__":
    main()
