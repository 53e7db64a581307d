"""Benchmark: the dossier build against plain Pelican on the same articles, in one run.

For each size it times, and records the peak memory of:
  1. plain Pelican building the articles as Markdown, no plugin (the baseline);
  2. the full dossier build, cold (empty cache);
  3. the dossier rebuild after adding one seed (warm cache);
and prints the ratios the project targets. Machines here are noisy: compare ratios, not seconds.

    python bench/run.py [--sizes 1000 10000] [--work /tmp/dossier-bench]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

from generate import generate

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"cold / plain": 1.5, "rebuild / cold": 0.3, "memory cold / plain": 2.0}


def measure(command: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak resident memory (MB) of one command, from its own rusage."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed: {' '.join(command)}\n{process.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def dossier_build(content: Path, output: Path, cache: Path) -> list[str]:
    settings = json.dumps({"registry": str(content / "dossier.yaml"), "cache": str(cache)})
    return [sys.executable, "-m", "pelican", str(content), "-s", "pelican.conf.py", "-o", str(output),
            "-q", "-e", f"DOSSIER={settings}"]


def run_size(size: int, work: Path) -> dict:
    folder = work / str(size)
    shutil.rmtree(folder, ignore_errors=True)
    content, markdown, cache = folder / "content", folder / "markdown", folder / "cache"
    generate(content / "seeds", size, markdown)
    plain = measure([sys.executable, "-m", "pelican", str(markdown), "-s", "bench/plain.conf.py",
                     "-o", str(folder / "plain"), "-q"])
    cold = measure(dossier_build(content, folder / "site", cache))
    generate(content / "seeds", 1, start=size)  # one new seed
    rebuild = measure(dossier_build(content, folder / "site", cache))
    return {"size": size, "plain": plain, "cold": cold, "rebuild": rebuild}


def report(results: list[dict]) -> str:
    lines = ["| seeds | plain Pelican | dossier cold | rebuild +1 seed | cold / plain | rebuild / cold "
             "| peak MB plain / cold / rebuild | memory cold / plain |",
             "|---|---|---|---|---|---|---|---|"]
    for r in results:
        (pt, pm), (ct, cm), (rt, rm) = r["plain"], r["cold"], r["rebuild"]
        lines.append(f"| {r['size']} | {pt:.1f} s | {ct:.1f} s | {rt:.1f} s | {ct / pt:.2f} | {rt / ct:.2f} "
                     f"| {pm:.0f} / {cm:.0f} / {rm:.0f} | {cm / pm:.2f} |")
    if len(results) > 1:
        small, large = results[0], results[-1]
        lines.append("")
        lines.append(f"Scaling {large['size']}/{small['size']} seeds: dossier cold time x"
                     f"{large['cold'][0] / small['cold'][0]:.1f}, plain Pelican x"
                     f"{large['plain'][0] / small['plain'][0]:.1f} (target for the dossier: <= 11)")
    lines.append("")
    lines.append(f"Targets: {', '.join(f'{k} <= {v}' for k, v in TARGETS.items())}.")
    lines.append(f"Machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores.")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/dossier-bench"))
    args = parser.parse_args()
    results = []
    for size in args.sizes:
        results.append(run_size(size, args.work))
        print(f"{size} seeds done", file=sys.stderr)
    print(report(results))


if __name__ == "__main__":
    main()
