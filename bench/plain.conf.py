"""The benchmark's baseline: plain Pelican, no plugin, its default theme, the same URL scheme."""

AUTHOR = "bench"
SITENAME = "Baseline"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
ARTICLE_URL = "articles/{slug}/"
ARTICLE_SAVE_AS = "articles/{slug}/index.html"
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
DEFAULT_PAGINATION = False
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
