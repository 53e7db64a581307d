"""Benchmark: the pipeline around the per-seed analysis at N synthetic seeds, corpus step by step.

The per-seed work of the synthetic seeds (bench/generate.py) is computed once and kept in WORK as
MessagePack, whatever the code version, then put in a fresh cache under the entries this code gives
the seeds, so the corpus steps can be timed again after each change without redoing the analysis
(delete the file after changing the per-seed stages). Prints the CPU seconds (of this process: the
machine is shared) of `build_dossier` and of each corpus step for a build whose corpus steps run
(cold), the rebuild with no change and the rebuild after one new seed, with a digest of what the
corpus steps made; with --profile, the cProfile of the cold one.

    python bench/corpus.py [--seeds 300] [--work /tmp/dossier-corpus] [--profile FILE]
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import os
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

import msgspec
from generate import generate

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from dossier.corpus import cache as cache_module  # noqa: E402
from dossier.corpus import pipeline  # noqa: E402
from dossier.corpus.cache import Cache, NoCache  # noqa: E402
from dossier.entities import facts  # noqa: E402
from dossier.entities import stage as entities  # noqa: E402
from dossier.events import stage as events  # noqa: E402
from dossier.registry import Registry  # noqa: E402
from dossier.topics import stage as topics  # noqa: E402

STEPS = {
    "entities.resolve": (entities, "resolve"),
    "facts.attach": (facts, "attach"),
    "events.build_events": (events, "build_events"),
    "topics.find_themes": (topics, "find_themes"),
}


def seed_works(seeds: Path, count: int, work: Path) -> list[pipeline.SeedWork]:
    """The first `count` seeds' own work, analysed once and then read back from WORK."""
    kind = list[pipeline.SeedWork]
    for stored in sorted(work.glob("works-*.msgpack"), key=lambda p: int(p.stem.split("-")[1])):
        if int(stored.stem.split("-")[1]) >= count:  # a larger set's first seeds will do
            decoder = msgspec.msgpack.Decoder(kind, dec_hook=cache_module._decode_hook)
            return decoder.decode(stored.read_bytes())[:count]
    stored = work / f"works-{count}.msgpack"
    paths = sorted(str(p) for p in seeds.glob("*.txt"))[:count]
    problems: list = []
    seeds_read = pipeline.read_seeds(paths, NoCache(), problems)
    works = pipeline.seed_works(
        seeds_read, pipeline.seed_entries(seeds_read, Registry()), NoCache(), problems
    )
    stored.write_bytes(msgspec.msgpack.encode(works))
    return works


def fill_cache(cache: Cache, paths: list[str], works: list[pipeline.SeedWork]) -> None:
    """Each seed's stored work under the entry this code gives it, for `paths` and for all but the last."""
    seeds = pipeline.read_seeds(paths, cache, [])
    for count in (len(paths) - 1, len(paths)):
        for seed, entry, work in zip(seeds, pipeline.seed_entries(seeds[:count], Registry()), works):
            cache.put(entry.key, work, seed.text)


@contextmanager
def timed(seconds: dict[str, float]):
    """Time each corpus step while inside."""
    originals = {}
    for name, (module, attribute) in STEPS.items():
        original = originals[name] = getattr(module, attribute)

        def wrapper(*args, _name=name, _original=original, **kwargs):
            start = time.process_time()
            try:
                return _original(*args, **kwargs)
            finally:
                seconds[_name] += time.process_time() - start

        setattr(module, attribute, wrapper)
    try:
        yield
    finally:
        for name, (module, attribute) in STEPS.items():
            setattr(module, attribute, originals[name])


def build(paths: list[str], folder: Path) -> tuple[float, dict[str, float], str]:
    """CPU seconds of `build_dossier` over these seeds (their work in the cache), in all and by corpus
    step, and a digest of what the corpus steps made (the same before and after a change that only makes
    them faster)."""
    seconds: dict[str, float] = defaultdict(float)
    with timed(seconds):
        start = time.process_time()
        dossier = pipeline.build_dossier(paths, Registry(), Cache(folder))
        total = time.process_time() - start
    made = msgspec.msgpack.encode(
        [dossier.entities, dossier.events, dossier.topics, dossier.problems, dossier.article_phrases]
    )
    return total, seconds, hashlib.sha256(made).hexdigest()[:12]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=300)
    parser.add_argument("--work", type=Path, default=Path("/tmp/dossier-corpus"))
    parser.add_argument("--profile", type=Path, help="write the cProfile of a cold corpus build here")
    args = parser.parse_args()
    seeds = args.work / "seeds"
    if len(list(seeds.glob("*.txt"))) < args.seeds + 1:
        generate(seeds, args.seeds + 1)
    start = time.process_time()
    works = seed_works(seeds, args.seeds + 1, args.work)
    paths = sorted(str(p) for p in seeds.glob("*.txt"))[: args.seeds + 1]
    print(
        f"{args.seeds} seeds (+1), load {os.getloadavg()[0]:.1f}: per-seed work in "
        f"{time.process_time() - start:.1f} s"
    )
    with tempfile.TemporaryDirectory() as folder:
        fill_cache(Cache(folder), paths, works)
        if args.profile:
            profile = cProfile.Profile()
            profile.enable()
            build(paths[:-1], Path(folder))
            profile.disable()
            profile.dump_stats(args.profile)
            pstats.Stats(str(args.profile)).sort_stats("cumulative").print_stats(40)
            return
        for name, part in (("cold", paths[:-1]), ("no change", paths[:-1]), ("+1 seed", paths)):
            total, seconds, digest = build(part, Path(folder))
            print(
                f"{name:>9}: {total:6.2f} s  "
                + "  ".join(f"{k} {v:.2f}" for k, v in seconds.items())
                + f"  (result {digest})"
            )


if __name__ == "__main__":
    main()
