"""The `dossier` command: `dossier inspect FILE... [--registry YAML] [--explain NAME]`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from contextlib import contextmanager

from .add import add_seeds
from .corpus.engine import SCHEDULER_VARIABLE
from .corpus.pipeline import build_dossier
from .language.nlp import DEFAULT_MODEL, ModelError
from .publish.contract import to_json
from .registry import RegistryError, load_registry


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dossier", description="Turn pasted news articles into a dossier.")
    commands = parser.add_subparsers(dest="command", required=True)
    inspect = commands.add_parser("inspect", help="print the dossier JSON for these files, without building")
    inspect.add_argument("files", nargs="+")
    inspect.add_argument("--registry", help="a curated dossier.yaml (none is used by default)")
    inspect.add_argument(
        "--explain",
        metavar="NAME",
        help="print why the entity of this name or alias has its type (the votes), not the JSON",
    )
    inspect.add_argument(
        "--model", default=DEFAULT_MODEL, help=f"the spaCy pipeline (default: {DEFAULT_MODEL})"
    )
    build = commands.add_parser(
        "build", help="build the site (Pelican) into output/, replacing it only on success"
    )
    build.add_argument("--settings", default="pelican.conf.py")
    build.add_argument("--output", help="the site's folder (default: OUTPUT_PATH of the settings, output/)")
    build.add_argument("--strict", action="store_true", help="fail when any seed has a problem")
    build.add_argument(
        "--scheduler",
        help="a Dask scheduler's address (tcp://HOST:8786): the seeds' analysis runs on its workers",
    )
    add = commands.add_parser("add", help="copy articles into the seeds folder (- reads standard input)")
    add.add_argument("files", nargs="+")
    add.add_argument("--to", default="content/seeds", help="the seeds folder (default: content/seeds)")
    args = parser.parse_args(argv)

    if args.command == "add":
        return add_files(args.files, args.to)

    if args.command == "build":
        from dossier_site.build import build as build_site  # the Pelican glue, imported only here

        with scheduler_setting(args.scheduler):
            return build_site(args.settings, args.output, strict=args.strict)

    if args.command == "inspect":
        try:
            registry = load_registry(args.registry) if args.registry else None
        except RegistryError as error:
            print(f"dossier: {error}", file=sys.stderr)
            return 2
        try:
            dossier = build_dossier(args.files, registry, model=args.model)
        except ModelError as error:
            print(f"dossier: {error}", file=sys.stderr)
            return 2
        if args.explain:
            return explain(dossier.entities, args.explain)
        json.dump(to_json(dossier), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    return 0


def explain(entities: list, name: str) -> int:
    """The votes on the type of every entity this name or alias is (0), or 1 when none is."""
    wanted = name.strip().lower()
    found = [e for e in entities if wanted in {n.lower() for n in (e.name, *e.aliases)}]
    if not found:
        print(f"dossier: no entity named {name!r} in these files", file=sys.stderr)
        return 1
    for e in found:
        print(f"{e.name} ({e.id}): {e.type}, {len(e.mentions)} mentions")
        print(e.typing.explain() if e.typing else "(no votes: typed before this build kept them)")
    return 0


@contextmanager
def scheduler_setting(address: str | None):
    """--scheduler reaches the build as DOSSIER_SCHEDULER (settings.py reads it over DOSSIER["scheduler"]),
    for this build only."""
    before = os.environ.get(SCHEDULER_VARIABLE)
    if address:
        os.environ[SCHEDULER_VARIABLE] = address
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(SCHEDULER_VARIABLE, None)
        else:
            os.environ[SCHEDULER_VARIABLE] = before


def add_files(files: list[str], folder: str) -> int:
    """0 when every file was added; 1 when one was refused or unreadable; 2 when the folder is unusable."""
    if os.path.exists(folder) and not os.path.isdir(folder):
        print(
            f"dossier: --to {folder} is not a folder: give the seeds folder (default: content/seeds)",
            file=sys.stderr,
        )
        return 2
    inputs, status = [], 0
    for name in files:
        try:
            if name == "-":
                inputs.append(("<stdin>", sys.stdin.buffer.read()))
            else:
                with open(name, "rb") as handle:
                    inputs.append((name, handle.read()))
        except OSError as error:
            print(f"dossier: cannot read {name}: {error.strerror or error}", file=sys.stderr)
            status = 1
    try:
        results = add_seeds(inputs, folder)
    except OSError as error:
        print(f"dossier: cannot use the folder {folder}: {error.strerror or error}", file=sys.stderr)
        return 2
    for result in results:
        print(result.message, file=sys.stdout if result.path else sys.stderr)
        status = status if result.path else 1
    return status
