"""Benchmark: the corpus steps after the per-seed analysis (entities, roles, events, topics), step by step.

The per-seed work of the synthetic seeds (bench/generate.py) is computed once and kept in WORK as
MessagePack, whatever the code version, so the corpus steps can be timed again after each change
to them without redoing the analysis (delete the file after changing the per-seed stages).
Prints the CPU seconds (of this process: the machine is shared) of each step, a cold corpus build, the rebuild with no change (the corpus result
reused) and the rebuild after one new seed; with --profile, the cProfile of a cold corpus build.

    python bench/corpus.py [--seeds 300] [--work /tmp/dossier-corpus] [--profile FILE]
"""
from __future__ import annotations

import argparse
import cProfile
import hashlib
import os
import pstats
import tempfile
import sys
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

import msgspec

from generate import generate

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from dossier import cache as cache_module, entities, events, facts, pipeline, topics  # noqa: E402
from dossier.cache import Cache, NoCache  # noqa: E402
from dossier.model import Dossier  # noqa: E402
from dossier.registry import Registry  # noqa: E402

STEPS = {"entities.resolve": (entities, "resolve"), "facts.attach": (facts, "attach"),
         "events.build_events": (events, "build_events"), "topics.find_topics": (topics, "find_topics")}


def seed_works(seeds: Path, count: int, work: Path) -> list[pipeline.SeedWork]:
    """The first `count` seeds' own work, analysed once and then read back from WORK."""
    kind = list[pipeline.SeedWork]
    for stored in sorted(work.glob("works-*.msgpack"), key=lambda p: int(p.stem.split("-")[1])):
        if int(stored.stem.split("-")[1]) >= count:  # a larger set's first seeds will do
            decoder = msgspec.msgpack.Decoder(kind, dec_hook=cache_module._decode_hook)
            return decoder.decode(stored.read_bytes())[:count]
    stored = work / f"works-{count}.msgpack"
    paths = sorted(str(p) for p in seeds.glob("*.txt"))[:count]
    works, _ = pipeline.seed_works(paths, Registry(), NoCache(), [])
    stored.write_bytes(msgspec.msgpack.encode(works))
    return works


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


def corpus(works: list[pipeline.SeedWork], cache: Cache) -> tuple[float, dict[str, float], str]:
    """Seconds of the corpus steps over these works (through the corpus cache), in all and by step,
    and a digest of what they made (the same before and after a change that only makes them faster)."""
    seconds: dict[str, float] = defaultdict(float)
    dossier = Dossier(articles=[w.article for w in works])
    entries = [w.article.id for w in works]  # stands for the seeds' cache entries: one per seed
    with timed(seconds):
        start = time.process_time()
        pipeline.assemble(dossier, works, entries, Registry(), {Path(w.article.source_file).name for w in works},
                          cache)
        total = time.process_time() - start
    made = msgspec.msgpack.encode([dossier.entities, dossier.events, dossier.topics, dossier.problems,
                                   dossier.article_phrases])
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
    print(f"{args.seeds} seeds (+1), load {os.getloadavg()[0]:.1f}: per-seed work in "
          f"{time.process_time() - start:.1f} s")
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        corpus(_fresh(works[:-1]), NoCache())
        profile.disable()
        profile.dump_stats(args.profile)
        pstats.Stats(str(args.profile)).sort_stats("cumulative").print_stats(40)
        return
    with tempfile.TemporaryDirectory() as folder:
        for name, part in (("cold", works[:-1]), ("no change", works[:-1]), ("+1 seed", works)):
            total, seconds, digest = corpus(_fresh(part), Cache(folder))
            print(f"{name:>9}: {total:6.2f} s  " + "  ".join(f"{k} {v:.2f}" for k, v in seconds.items())
                  + f"  (result {digest})")


def _fresh(works: list[pipeline.SeedWork]) -> list[pipeline.SeedWork]:
    """A copy of the works, as the cache gives them: the corpus steps must not see another run's changes."""
    data = msgspec.msgpack.encode(works)
    return msgspec.msgpack.Decoder(list[pipeline.SeedWork], dec_hook=cache_module._decode_hook).decode(data)


if __name__ == "__main__":
    main()
