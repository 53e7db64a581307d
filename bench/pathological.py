"""Every stage stays linear on 1 MB of pathological text (`python bench/pathological.py`).

A pasted seed may be anything up to read.MAX_BYTES: a run of initials, one word repeated, numbers,
quotes, brackets, table rules, dates. Each stage runs on each text at a quarter and at the whole size;
it passes when the whole size takes at most BOUND seconds and at most GROWTH times the quarter
(linear is 4x; quadratic would be 16x). Exits 1 when a stage fails, naming it.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from dossier.corpus.pipeline import build_dossier  # noqa: E402
from dossier.entities import stage as entities  # noqa: E402
from dossier.events import stage as events  # noqa: E402
from dossier.ingest import clean  # noqa: E402
from dossier.ingest.read import MAX_BYTES, read_seed  # noqa: E402
from dossier.language import nlp  # noqa: E402
from dossier.topics import phrases  # noqa: E402

BOUND = 60.0  # seconds for one stage on 1 MB (a pasted article takes milliseconds)
GROWTH = 8.0  # time at the whole size over time at a quarter
UNITS = {
    "initials": "A. B. C. D. ",
    "one word": "word ",
    "capitalised words": "Minister Ivan Petrov Of The United Nations ",
    "numbers": "1,234.5 67 8.9% 2007 ",
    "quotes": "\"He said\" 'she said' \u201cwe said\u201d ",
    "parentheses": "(a (b [c {d} e] f) g) ",
    "pipes": "Home | News | World | ",
    "dates": "June 15, 2007 15 June 2007 2007-06-15 on Monday next week ",
    "abbreviations": "Mr. Dr. Gen. U.S. Jan. ",
    "stops": "... !!! ??? ",
}


def pathological(unit: str, size: int, lines: bool) -> bytes:
    """`unit` repeated to `size` bytes: as one paragraph, or as short lines (a menu-like page)."""
    text = unit * (size // len(unit) + 1)
    if lines:
        text = "\n".join(text[i : i + 60] for i in range(0, len(text), 60))
    return ("Headline of the page\n\n" + text).encode()[:size]


def stages(data: bytes, folder: Path):
    seed = read_seed("seed.txt", data)
    article = clean.clean(seed)
    parsed = nlp.parse(article)
    path = folder / f"seed-{len(data)}.txt"
    path.write_bytes(data)
    return [
        ("read", lambda: read_seed("seed.txt", data)),
        ("clean", lambda: clean.clean(seed)),
        ("parse", lambda: nlp.parse(article)),
        ("candidates", lambda: entities.find_candidates(article, parsed)),
        ("events", lambda: events.find_events(article, parsed)),
        ("phrases", lambda: phrases.article_phrases(article, parsed)),
        ("whole dossier", lambda: build_dossier([path])),
    ]


def timed(function) -> float:
    def expire(*_):
        raise TimeoutError

    signal.signal(signal.SIGALRM, expire)
    signal.alarm(int(BOUND * 2))
    start = time.perf_counter()
    try:
        function()
    except TimeoutError:
        return float("inf")
    finally:
        signal.alarm(0)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=MAX_BYTES)
    parser.add_argument("--only", help="run only the inputs whose name contains this")
    args = parser.parse_args()
    import tempfile

    failures = []
    print(f"{'input':<28} {'stage':<14} {'1/4 s':>8} {'1/1 s':>8} {'growth':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, unit in UNITS.items():
            for lines in (False, True):
                label = f"{name}{' (lines)' if lines else ''}"
                if args.only and args.only not in label:
                    continue
                quarter = dict(stages(pathological(unit, args.size // 4, lines), Path(tmp)))
                for stage, run in stages(pathological(unit, args.size, lines), Path(tmp)):
                    small, whole = timed(quarter[stage]), timed(run)
                    growth = whole / max(small, 1e-3)
                    ok = whole <= BOUND and (growth <= GROWTH or whole < 0.5)
                    print(
                        f"{label:<28} {stage:<14} {small:8.2f} {whole:8.2f} {growth:7.1f}"
                        f"{'' if ok else '  FAIL'}",
                        flush=True,
                    )
                    if not ok:
                        failures.append(f"{label}: {stage}")
    if failures:
        print("not linear or too slow: " + "; ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
