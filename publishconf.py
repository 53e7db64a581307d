"""Settings for the public site: `make publish` builds with this file (so do `make rsync_upload` and
`make github`). It starts from the development settings, as Pelican's quickstart publishconf.py does,
and gives the site its address: every link, canonical link, feed and the sitemap are then absolute."""

import os
import runpy
import sys

# Pelican's `from pelicanconf import *`: this project's file has a dot in its name, so it is run by path.
globals().update(
    (name, value)
    for name, value in runpy.run_path(
        os.path.join(os.path.dirname(os.path.abspath(__file__)), "pelican.conf.py")
    ).items()
    if name.isupper()
)

# The address the site is served at, with https:// when the host has it. SITEURL in the environment
# wins; to publish without it, write the address between the last quotes.
SITEURL = (os.environ.get("SITEURL") or "").rstrip("/")
if not SITEURL.startswith(("https://", "http://")):
    print(
        f"publishconf.py: SITEURL "
        f"{'is not set' if not SITEURL else f'{SITEURL!r} is not an absolute address'}: "
        "give the address the site will be served at, e.g. SITEURL=https://example.org/dossier make publish, "
        "or write it in publishconf.py",
        file=sys.stderr,
    )
    raise SystemExit(2)

RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
TAG_FEED_ATOM = "feeds/tags/{slug}.atom.xml"
