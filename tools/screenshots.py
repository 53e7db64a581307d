"""Screenshots of each page family at desktop (1280 px) and phone (360 px) widths, into docs/screenshots/.

    .venv/bin/python tools/screenshots.py [SITE_FOLDER]   # default: output/ (run `make html` first)

Serves the folder on a free local port and drives Debian's Chromium (/usr/bin/chromium) with Playwright.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = {"desktop": (1280, 900), "phone": (360, 740)}
CHROMIUM = "/usr/bin/chromium"


def page_families(site: Path) -> dict[str, str]:
    """One URL of each page family, picked from the site's dossier.json."""
    data = json.loads((site / "dossier.json").read_text(encoding="utf-8"))
    pages = {
        "overview": "",
        "articles": "articles/",
        "chronology": "chronology/",
        "search": "search/",
        "404": "404.html",
        "people": "people/",
    }
    if data["articles"]:
        pages["article"] = data["articles"][0]["url"]
    entities = sorted(data["entities"], key=lambda e: -len(e["mentions"]))
    if entities:
        pages["entity"] = entities[0]["url"]
    if data.get("topics"):
        pages["topic"] = data["topics"][0]["url"]
    return pages


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(ROOT / "output"))
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--full-page", action="store_true", help="the whole page, not the first screen")
    args = parser.parse_args(argv)
    site, out = Path(args.site), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for device, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for name, url in page_families(site).items():
                page.goto(base + url)
                if name == "search":
                    page.fill(".pagefind-ui__search-input", "Gates")
                    page.wait_for_selector(".pagefind-ui__result", timeout=5000)
                target = out / f"{name}-{device}.png"
                page.screenshot(path=str(target), full_page=args.full_page)
                print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
            page.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
