"""spaCy's own time on a folder of seeds' text: the floor of a cold build's analysis.

The seeds are read and cleaned as the build does (not timed), then every title and kept paragraph goes
through the model's `nlp.pipe` with one process per core, as spaCy runs it at its fastest here; prints
the wall seconds of that alone.

    python bench/model_time.py SEEDS_FOLDER
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from dossier.ingest.clean import clean
from dossier.ingest.read import read_seed
from dossier.language import nlp


def main() -> None:
    folder = Path(sys.argv[1])
    seeds = [read_seed(str(p), p.read_bytes()) for p in sorted(folder.glob("*.txt"))]
    texts = [
        t for s in seeds for a in [clean(s, frozenset())] for t in [a.title or "", *(b.text for b in a.body)]
    ]
    model = nlp.load()
    start = time.perf_counter()
    for _ in model.pipe(texts, batch_size=nlp.BATCH, n_process=os.cpu_count() or 1):
        pass
    print(f"{time.perf_counter() - start:.2f}")


if __name__ == "__main__":
    main()
