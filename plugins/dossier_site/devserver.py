"""`make devserver`: serve output/ on 127.0.0.1:8000, rebuild when the dossier's sources change,
and reload the open browser tab (livereload injects its script into served pages only).

Each rebuild runs in a new process so that edits to the plugin itself take effect; the per-seed
cache makes a rebuild after one new seed cost that seed plus the corpus-wide steps.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

from livereload import Server

WATCHED = ["content/seeds/", "content/dossier.yaml", "theme/", "plugins/", "pelican.conf.py"]


def rebuild() -> None:
    subprocess.run([sys.executable, "-m", "dossier", "build"], check=False)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    rebuild()
    server = Server()
    for path in WATCHED:
        server.watch(
            path, rebuild, delay=1, ignore=lambda name: "__pycache__" in name or name.endswith(".pyc")
        )
    server.serve(host=args.host, port=args.port, root="output", restart_delay=1)


if __name__ == "__main__":
    main()
