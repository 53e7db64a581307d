"""Text and attribute values for the XML files the build writes by hand (the updates feed, the sitemap,
the GraphML network): one place that escapes them, so that no seed, registry or setting can make a file
malformed. `escape()` alone leaves `"` in an attribute value ("a SITEURL with a quote"), and XML 1.0
allows no control character at all, escaped or not."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # outside XML 1.0's Char


def text(value: object) -> str:
    """Element content: markup escaped, characters XML cannot hold removed."""
    return escape(NOT_XML.sub("", str(value)))


def attribute(value: object) -> str:
    """An attribute value with its quotes: markup and quotes escaped, characters XML cannot hold removed."""
    return quoteattr(NOT_XML.sub("", str(value)))
