"""`make devserver`: serve output/ on 127.0.0.1:8000, rebuild when the dossier's sources change,
and reload the open browser tab (livereload injects its script into served pages only).

Each rebuild runs in a new process so that edits to the plugin itself take effect; the per-seed
cache makes a rebuild after one new seed cost that seed plus the corpus-wide steps. A rebuild refused
because another build (a `make html` in another terminal) holds the output folder waits for it to
finish and runs again: the change it was started for is not lost.
"""

from __future__ import annotations

import argparse
import fcntl
import subprocess
import sys
from pathlib import Path

from livereload import Server

from .build import LOCKED, lock_path

WATCHED = ["content/seeds/", "content/dossier.yaml", "theme/", "plugins/", "pelican.conf.py"]


OUTPUT = "output"


def rebuild() -> None:
    while subprocess.run([sys.executable, "-m", "dossier", "build"], check=False).returncode == LOCKED:
        print(
            "dossier: devserver: waiting for the other build to finish, then building again", file=sys.stderr
        )
        with open(lock_path(Path(OUTPUT).resolve()), "a+") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # returns when the other build has released it
            fcntl.flock(lock, fcntl.LOCK_UN)


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
    server.serve(host=args.host, port=args.port, root=OUTPUT, restart_delay=1)


if __name__ == "__main__":
    main()
