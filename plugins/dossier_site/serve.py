"""`make serve`: serve a built site on 127.0.0.1:8000 as a static host would, without rebuilding.

Pelican's own server (`pelican --listen`) answers a missing page with an empty reply; a static host
answers it with the site's 404.html and status 404, and so does this one.
"""

from __future__ import annotations

import argparse
from http import HTTPStatus
from pathlib import Path

from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer

NOT_FOUND_PAGE = "404.html"  # written by every build (DIRECT_TEMPLATES in pelican.conf.py)


class SiteHandler(ComplexHTTPRequestHandler):
    def do_GET(self) -> None:
        found = self.get_path_that_exists(self.path.split("?", 1)[0])
        if found is None:
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        self.path = found
        super(ComplexHTTPRequestHandler, self).do_GET()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.base_path) / NOT_FOUND_PAGE
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="output")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    RootedHTTPServer.allow_reuse_address = True
    httpd = RootedHTTPServer(str(Path(args.folder).resolve()), (args.host, args.port), SiteHandler)
    print(f"dossier: serving {args.folder}/ at http://{args.host}:{args.port}/ (Ctrl-C stops)")
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        httpd.server_close()


if __name__ == "__main__":
    main()
