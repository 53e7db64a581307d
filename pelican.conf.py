"""Pelican settings for the dossier site. `make html` builds with this file, `make publish` with
publishconf.py (which starts from it); see README.md."""

import os

AUTHOR = "dossier"
SITENAME = "Dossier"  # the registry's `title` is shown instead when it has one
SITEURL = os.environ.get("SITEURL", "")  # e.g. https://example.org/dossier for a sub-path
RELATIVE_URLS = not SITEURL  # a site built without SITEURL opens from any folder
PATH = "content"
ARTICLE_PATHS = ["seeds"]
PAGE_PATHS = []
STATIC_PATHS = []
OUTPUT_PATH = "output"
THEME = "theme"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE = (1970, 1, 1)  # sorts undated articles last; pages say "date unknown" instead
DEFAULT_CATEGORY = "articles"

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["dossier_site"]
HERE = os.path.dirname(os.path.abspath(__file__))
DOSSIER = {
    "registry": os.path.join(HERE, "content", "dossier.yaml"),
    "cache": os.path.join(HERE, ".cache", "dossier"),
}

from dossier.model import ARTICLE_FOLDER  # noqa: E402  (the contract's article URLs: one folder)
from dossier.publish.index import display_date  # noqa: E402  (the core is installed with the project)

JINJA_FILTERS = {"display_date": display_date}

# Seed text is untrusted: every template variable is escaped unless marked safe.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

ARTICLE_URL = ARTICLE_FOLDER + "/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_FOLDER + "/{slug}/index.html"
DRAFT_URL = DRAFT_SAVE_AS = ""
PAGE_URL = PAGE_SAVE_AS = ""
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_SAVE_AS = "tags/index.html"
CATEGORY_URL = CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_URL = AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""

# Single pages drawn from the whole dossier (template name -> <NAME>_SAVE_AS).
DIRECT_TEMPLATES = ["index", "tags", "articles", "chronology", "problems", "search", "404"]  # 404 -> 404.html
ARTICLES_SAVE_AS = ARTICLE_FOLDER + "/index.html"
ARTICLES_URL = ARTICLE_FOLDER + "/"
CHRONOLOGY_SAVE_AS = "chronology/index.html"
CHRONOLOGY_URL = "chronology/"
PROBLEMS_SAVE_AS = "problems/index.html"
PROBLEMS_URL = "problems/"
SEARCH_SAVE_AS = "search/index.html"
SEARCH_URL = "search/"
DEFAULT_PAGINATION = False

# A feed's entries need absolute addresses: feeds are written only when the site has one (SITEURL here,
# or publishconf.py), as in Pelican's quickstart, so the development build has none and warns of none.
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml" if SITEURL else None
TAG_FEED_ATOM = "feeds/tags/{slug}.atom.xml" if SITEURL else None
FEED_MAX_ITEMS = 30  # a feed carries the latest articles, not the whole dossier once per tag
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None

CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
