"""Benchmark of the themes stage alone: find_topics on synthetic dossiers of growing size.

The earlier stages, the parse and each article's phrases run once per size (untimed); the themes
stage is then timed, best of three, so the numbers show whether it stays linear. Machines here are noisy:
compare ratios, not seconds.

    python bench/topics.py [--sizes 250 500 1000] [--work /tmp/dossier-topics-bench]
"""

from __future__ import annotations

import argparse
import shutil
import time
from pathlib import Path

from generate import generate

from dossier.corpus.pipeline import build_dossier
from dossier.language.nlp import parse
from dossier.registry import Registry
from dossier.topics.phrases import article_phrases
from dossier.topics.stage import find_topics


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000])
    parser.add_argument("--work", default="/tmp/dossier-topics-bench")
    args = parser.parse_args()
    work = Path(args.work)
    for size in args.sizes:
        seeds = work / str(size)
        shutil.rmtree(seeds, ignore_errors=True)
        generate(seeds, size)
        dossier = build_dossier(sorted(seeds.glob("*.txt")))
        phrases = {a.id: article_phrases(a, parse(a)) for a in dossier.articles}  # the per-seed stage's part
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            topics = find_topics(dossier, Registry(), phrases)
            runs.append(time.perf_counter() - start)
        best = min(runs)
        print(
            f"{size:6} articles: themes step {best:6.2f} s ({1000 * best / size:.2f} ms/article), "
            f"{len(topics)} themes: {', '.join(t.name for t in topics)}"
        )


if __name__ == "__main__":
    main()
