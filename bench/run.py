"""Benchmark: the dossier build against plain Pelican on the same articles, in one run.

For each size it times, and records the peak memory of the largest process of (Pagefind included):
  1. plain Pelican building the articles as Markdown, no plugin (the baseline);
  2. `dossier build` cold (empty cache, no previous site);
  3. the rebuild after one new seed;
  4. the rebuild after one new seed and an edit of content/dossier.yaml;
  5. the rebuild with nothing changed;
and, per rebuild, how many of the site's files were written (a file kept from the previous site is
the same inode; the list is kept in the work folder, as written-1-seed.txt and so on), and the largest
page. Machines here are noisy: compare ratios, not seconds.

    python bench/run.py [--sizes 1000 10000] [--work /tmp/dossier-bench]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

from generate import generate

ROOT = Path(__file__).resolve().parent.parent
REBUILDS = ("+1 seed", "+1 seed, YAML edit", "no change")
TARGETS = {  # issue 28
    "cold": "<= 2 x plain + 1.5 x model",
    "+1 seed / cold": 0.05,
    "no change / cold": 0.02,
    "files written +1 seed": "< 2 %",
    "largest page": "< 1 MB",
}


def measure(command: list[str], what: str = "") -> tuple[float, float]:
    """Wall time (s) and peak resident memory (MB) of the largest process of one command (its own or
    a waited-for child's, such as Pagefind), from its rusage. Each is said on stderr as it ends, with
    the machine's load, so that a run cut short still tells what it measured."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed: {' '.join(command)}\n{process.stderr.read().decode()[-2000:]}")
    if what:
        load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
        print(
            f"{time.strftime('%H:%M:%S')} {what}: {elapsed:.1f} s, {usage.ru_maxrss / 1024:.0f} MB "
            f"(load average {load})",
            file=sys.stderr,
            flush=True,
        )
    return elapsed, usage.ru_maxrss / 1024


def dossier_build(content: Path, output: Path, cache: Path) -> list[str]:
    """`dossier build` of this content: the project's settings with the content folder and cache swapped."""
    settings = output.with_name(output.name + ".conf.py")
    settings.write_text(
        f"exec(open({str(ROOT / 'pelican.conf.py')!r}).read())\n"
        f"PATH = {str(content)!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
        f"DOSSIER = {{'registry': {str(content / 'dossier.yaml')!r}, 'cache': {str(cache)!r}}}\n",
        encoding="utf-8",
    )
    return [sys.executable, "-m", "dossier", "build", "--settings", str(settings), "--output", str(output)]


def model_time(seeds: Path) -> float:
    """spaCy's own wall time on the seeds' text (bench/model_time.py), the floor of the analysis."""
    command = [sys.executable, str(ROOT / "bench" / "model_time.py"), str(seeds)]
    return float(subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout)


def largest_pages(site: dict, count: int = 5) -> list[tuple[str, int]]:
    pages = sorted(((n, v[1]) for n, v in site.items() if n.endswith(".html")), key=lambda kv: -kv[1])
    return pages[:count]


def files(site: Path) -> dict[str, tuple[int, int]]:
    """Every file of the site -> (inode, size)."""
    result = {}
    for folder, _, names in os.walk(site):
        for name in names:
            stat = os.stat(os.path.join(folder, name))
            result[os.path.relpath(os.path.join(folder, name), site)] = (stat.st_ino, stat.st_size)
    return result


def written(before: dict, after: dict) -> list[str]:
    """The files of `after` that are not the same inode as in `before`: written by the rebuild."""
    return sorted(name for name, (inode, _) in after.items() if before.get(name, (None,))[0] != inode)


def slug(name: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in name).split()).lower()


def largest_page(site: dict) -> tuple[str, int]:
    name, (_, size) = max(((n, v) for n, v in site.items() if n.endswith(".html")), key=lambda kv: kv[1][1])
    return name, size


def run_size(size: int, work: Path) -> dict:
    folder = work / str(size)
    shutil.rmtree(folder, ignore_errors=True)
    content, markdown, cache, site = (
        folder / "content",
        folder / "markdown",
        folder / "cache",
        folder / "site",
    )
    generate(content / "seeds", size, markdown)
    (content / "dossier.yaml").write_text("title: Benchmark\n", encoding="utf-8")
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in (content / "seeds").iterdir())
    result = {"size": size, "words": words}
    result["plain"] = measure(
        [
            sys.executable,
            "-m",
            "pelican",
            str(markdown),
            "-s",
            "bench/plain.conf.py",
            "-o",
            str(folder / "plain"),
            "-q",
        ],
        f"{size} plain",
    )
    result["model"] = model_time(content / "seeds")
    print(
        f"{size} model alone (spaCy, n_process=cores): {result['model']:.1f} s", file=sys.stderr, flush=True
    )
    result["cold"] = measure(dossier_build(content, site, cache), f"{size} cold")
    changes = {
        "+1 seed": lambda: generate(content / "seeds", 1, start=size),
        "+1 seed, YAML edit": lambda: (
            generate(content / "seeds", 1, start=size + 1),
            (content / "dossier.yaml").write_text(
                "title: Benchmark\nentities:\n  - name: NATO\n    type: organisation\n"
                "    description: The North Atlantic alliance.\n",
                encoding="utf-8",
            ),
        ),
        "no change": lambda: None,
    }
    for name, change in changes.items():
        before = files(site)
        change()
        result[name] = measure(dossier_build(content, site, cache), f"{size} {name}")
        after = files(site)
        changed = written(before, after)
        (folder / f"written-{slug(name)}.txt").write_text(
            "".join(f"{n}\n" for n in changed), encoding="utf-8"
        )
        result[name + " written"] = (len(changed), len(after))
        print(
            f"{size} {name}: {result[name + ' written'][0]} of {len(after)} files written",
            file=sys.stderr,
            flush=True,
        )
    result["largest"] = largest_page(files(site))
    result["largest pages"] = largest_pages(files(site))
    return result


def report(results: list[dict]) -> str:
    lines = [
        "| seeds | plain Pelican | dossier cold | "
        + " | ".join(REBUILDS)
        + " | cold / plain | "
        + " | ".join(f"{r} / cold" for r in REBUILDS)
        + " | files written (+1 seed; YAML; none) "
        "| largest page | peak MB plain / cold / +1 seed |",
        "|---" * (9 + 2 * len(REBUILDS) - 2) + "|",
    ]
    for r in results:
        (pt, pm), (ct, cm) = r["plain"], r["cold"]
        times = " | ".join(f"{r[name][0]:.1f} s" for name in REBUILDS)
        ratios = " | ".join(f"{r[name][0] / ct:.3f}" for name in REBUILDS)
        total = r["+1 seed written"][1]
        counts = "; ".join(f"{r[name + ' written'][0]}" for name in REBUILDS) + f" of {total}"
        page, page_size = r["largest"]
        lines.append(
            f"| {r['size']} | {pt:.1f} s | {ct:.1f} s | {times} | {ct / pt:.2f} | {ratios} | {counts} "
            f"| {page_size / 1e6:.2f} MB ({page}) | {pm:.0f} / {cm:.0f} / {r['+1 seed'][1]:.0f} |"
        )
    lines.append("")
    for r in results:
        (pt, _), (ct, _), model = r["plain"], r["cold"], r["model"]
        lines.append(
            f"{r['size']} seeds: {r['words']:,} words; the cold build read "
            f"{r['words'] / ct:,.0f} words a second, all stages on {os.cpu_count()} cores; spaCy alone "
            f"{model:.1f} s: cold {ct:.1f} s against 2 x plain + 1.5 x model = {2 * pt + 1.5 * model:.1f} s; "
            "largest pages: "
            + ", ".join(f"{name} {size / 1e6:.2f} MB" for name, size in r["largest pages"])
            + f"; load average at the end {os.getloadavg()[0]:.1f}."
        )
    lines.append("")
    targets = (f"{k} <= {v}" if not isinstance(v, str) else f"{k} {v}" for k, v in TARGETS.items())
    lines.append(f"Targets: {', '.join(targets)}.")
    lines.append(
        f"Machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores."
    )
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
