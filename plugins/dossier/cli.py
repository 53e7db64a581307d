"""The `dossier` command: `dossier inspect FILE... [--registry YAML]`."""
from __future__ import annotations

import argparse
import json
import sys

from .contract import to_json
from .pipeline import build_dossier
from .registry import RegistryError, load_registry


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dossier", description="Turn pasted news articles into a dossier.")
    commands = parser.add_subparsers(dest="command", required=True)
    inspect = commands.add_parser("inspect", help="print the dossier JSON for these files, without building")
    inspect.add_argument("files", nargs="+")
    inspect.add_argument("--registry", help="a curated dossier.yaml (none is used by default)")
    build = commands.add_parser("build", help="build the site (Pelican) into output/, replacing it only on success")
    build.add_argument("--settings", default="pelican.conf.py")
    build.add_argument("--output", default="output")
    build.add_argument("--strict", action="store_true", help="fail when any seed has a problem")
    args = parser.parse_args(argv)

    if args.command == "build":
        from dossier_site.build import build as build_site  # the Pelican glue, imported only here

        return build_site(args.settings, args.output, strict=args.strict)

    if args.command == "inspect":
        try:
            registry = load_registry(args.registry) if args.registry else None
        except RegistryError as error:
            print(f"dossier: {error}", file=sys.stderr)
            return 2
        json.dump(to_json(build_dossier(args.files, registry)), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    return 0
