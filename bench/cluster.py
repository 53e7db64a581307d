"""The seeds' analysis on a Dask cluster of one and of two workers, against this machine's own engine.

Starts a real scheduler and workers on 127.0.0.1 (`dask scheduler`, `dask worker`, one thread each,
the model loaded before the clock starts, as on a cluster that stays up), analyses the same synthetic
seeds with each, with no cache, and prints the wall time, the words a second and the load average.
The results are checked equal to the local engine's.

    python bench/cluster.py [--seeds 200] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402

from dossier.corpus import pipeline  # noqa: E402
from dossier.corpus.cache import NoCache  # noqa: E402
from dossier.corpus.engine import Cluster, Local  # noqa: E402
from dossier.language import nlp  # noqa: E402
from dossier.registry import Registry  # noqa: E402

DASK = Path(sys.executable).with_name("dask")
PLUGINS = Path(__file__).resolve().parent.parent / "plugins"


def start_cluster(folder: Path, workers: int) -> tuple[str, list[subprocess.Popen]]:
    env = {**os.environ, "PYTHONPATH": str(PLUGINS)}
    quiet = {"env": env, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    address_file = folder / f"scheduler-{workers}.json"
    processes = [
        subprocess.Popen(
            [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard"]
            + ["--scheduler-file", str(address_file)],
            **quiet,
        )
    ]
    while not address_file.exists():
        time.sleep(0.2)
    address = json.loads(address_file.read_text())["address"]
    for n in range(workers):
        processes.append(
            subprocess.Popen(
                [str(DASK), "worker", address, "--nthreads", "1", "--no-dashboard", "--name", f"w{n}"],
                **quiet,
            )
        )
    from distributed import Client

    with Client(address) as client:
        client.wait_for_workers(workers, timeout=300)
        client.run(nlp.load, nlp.DEFAULT_MODEL)  # a cluster that stays up has its model loaded
    return address, processes


def analyse(seeds, entries, engine) -> tuple[float, list]:
    start = time.monotonic()
    works = pipeline.analyse_seeds(seeds, entries, NoCache(), [], engine=engine)
    return time.monotonic() - start, works


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=200)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        generate(Path(folder), args.seeds)
        paths = sorted(str(p) for p in Path(folder).glob("*.txt"))
        seeds = pipeline.read_seeds(paths, NoCache(), [])
        entries = pipeline.seed_entries(seeds, Registry())
        words = sum(len(seed.text.split()) for seed in seeds)
        nlp.load()  # forked workers inherit it
        rows = [("this machine's processes", *analyse(seeds, entries, Local()))]
        for count in args.workers:
            address, processes = start_cluster(Path(folder), count)
            try:
                rows.append((f"Dask, {count} worker(s)", *analyse(seeds, entries, Cluster(address))))
            finally:
                for process in processes:
                    process.terminate()
                for process in processes:
                    process.wait()
    reference = [work for _, work in rows[0][2]]
    print(f"{len(seeds)} seeds, {words:,} words; load average {os.getloadavg()[0]:.1f} at the end")
    print("| engine | wall s | words/s | same results |\n|---|---|---|---|")
    for name, seconds, works in rows:
        same = [work for _, work in works] == reference
        print(f"| {name} | {seconds:.1f} | {words / seconds:,.0f} | {'yes' if same else 'NO'} |")


if __name__ == "__main__":
    main()
