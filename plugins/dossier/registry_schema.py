"""The registry's schema, and the walk that checks `content/dossier.yaml`'s YAML nodes against it.

Every mistake raises RegistryError with one line, `file:line: key: what is wrong`: the analyst edits the
file by hand and gets a message to act on, never a traceback. registry.py loads the file and turns the
checked data into its dataclasses.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

import yaml

from .ingest.read import CONTROL
from .model import ENTITY_TYPES, RELATION_KINDS, ROLE_STATUSES


class RegistryError(ValueError):
    """A problem in the registry file; str() is one line: 'file:line: key: what is wrong'."""


# Schema: a type, a list [item schema], or a dict of key -> schema ("*" for any key).
DATE = "date"
STATUS = "status"
ENTITY_TYPE = "entity_type"
ROLE_STATUS = "role_status"
RELATION_KIND = "relation_kind"
STR_LIST = [str]
SCHEMA: dict = {
    "title": str,
    "summary": str,
    "articles": {
        "*": {
            "title": str,
            "date": DATE,
            "publisher": str,
            "dateline_place": str,
            "keep": STR_LIST,
            "drop": STR_LIST,
        }
    },
    "entities": [
        {"name": str, "type": ENTITY_TYPE, "aliases": STR_LIST, "description": str, "articles": STR_LIST}
    ],
    "ignore": STR_LIST,
    "events": {
        "add": [{"date": DATE, "summary": str, "status": STATUS, "entities": STR_LIST, "article": str}],
        "hide": STR_LIST,
        "merge": [STR_LIST],
        "correct": {"*": {"date": DATE, "summary": str, "status": STATUS}},
    },
    "topics": [{"name": str, "description": str, "phrases": STR_LIST, "entities": STR_LIST}],
    "hide_topics": STR_LIST,
    "rename_topics": {"*": str},
    "roles": [
        {
            "person": str,
            "role": str,
            "of": str,
            "from": DATE,
            "until": DATE,
            "status": ROLE_STATUS,
            "hide": bool,
        }
    ],
    "relations": [
        {"entity": str, "kind": RELATION_KIND, "to": str, "from": DATE, "until": DATE, "hide": bool}
    ],
}
REQUIRED = {
    ("entities", "name"),
    ("events.add", "date"),
    ("events.add", "summary"),
    ("topics", "name"),
    ("roles", "person"),
    ("roles", "role"),
    ("relations", "entity"),
    ("relations", "kind"),
    ("relations", "to"),
}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# What a YAML escape ("\x0b", "\e", "\0", "\ud800") can put in a string that no page, feed or XML file
# can hold: refused with the line and key (the file itself may not hold them raw: YAML refuses those).
# The invisible characters seed text loses (read.CONTROL: zero-width, bidirectional controls) are removed.
UNSHOWABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
OPENING = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
CLOSING = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)
MAX_DEPTH = 50  # levels of nesting; the schema has five, and YAML's parser recurses once per level
MAX_VALUES = 200_000  # values once aliases (*name) are expanded: a registry of thousands of entities has tens
# of thousands; a few kilobytes of aliases of aliases would otherwise expand to billions


def check_depth(text: str, path: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH, by brackets or by indentation, before YAML's recursive
    parser meets it (50,000 nested brackets overflowed its stack); the message names the line. The
    depth is counted on YAML's own tokens (its scanner does not recurse), so a "[" inside a quoted
    string is text, not structure."""
    depth = 0
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, OPENING):
                depth += 1
                if depth > MAX_DEPTH:
                    line = token.start_mark.line + 1
                    raise RegistryError(f"{path}:{line}: nested more than {MAX_DEPTH} levels deep")
            elif isinstance(token, CLOSING):
                depth -= 1
    except yaml.YAMLError:
        return  # a syntax error: the parser names it with its line


def check(node, schema, where: str, path: str, lines: dict[str, int]):
    """Turn a YAML node into plain data, checking it against the schema."""
    line = node.start_mark.line + 1
    lines[where] = line

    def fail(message: str):
        raise RegistryError(f"{path}:{line}: {where or 'top level'}: {message}")

    def fail_at(key_node, message: str):
        raise RegistryError(f"{path}:{key_node.start_mark.line + 1}: {where or 'top level'}: {message}")

    if len(lines) > MAX_VALUES:
        fail(f"more than {MAX_VALUES:,} values once aliases (*name) are expanded: write the lists out")
    if isinstance(schema, dict):
        if not isinstance(node, yaml.MappingNode):
            fail("expected a mapping of keys")
        result, key_lines = {}, {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                line = key_node.start_mark.line + 1
                fail("a key must be a single value, not a list or mapping")
            key = _text(key_node.value, lambda message, at=key_node: fail_at(at, message))
            if key in key_lines:
                line = key_node.start_mark.line + 1
                fail(f"key '{key}' is given twice (also on line {key_lines[key]}): keep one")
            key_lines[key] = key_node.start_mark.line + 1
            if key not in schema and "*" not in schema:
                line = key_node.start_mark.line + 1
                fail(f"unknown key '{key}' (expected one of: {', '.join(schema)})")
            sub = schema.get(key, schema.get("*"))
            result[key] = check(value_node, sub, f"{where}.{key}" if where else key, path, lines)
        parent = re.sub(r"\[\d+\]", "", where)
        for required_parent, required_key in REQUIRED:
            if parent == required_parent and required_key not in result:
                fail(f"missing required key '{required_key}'")
        return result
    if isinstance(schema, list):
        if not isinstance(node, yaml.SequenceNode):
            fail("expected a list")
        return [check(item, schema[0], f"{where}[{i}]", path, lines) for i, item in enumerate(node.value)]
    if not isinstance(node, yaml.ScalarNode):
        fail("expected a single value, not a list or mapping")
    if schema is str:
        if node.style is None and node.value in ("", "~", "null", "Null", "NULL"):
            fail("expected text, got nothing")
        return _text(node.value, fail)
    if schema == DATE:
        if not DATE_RE.match(node.value):
            fail(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {node.value!r}")
        if impossible := _impossible(node.value):
            fail(f"{node.value!r} is not a date: {impossible}")
        return node.value
    if schema == STATUS:
        if node.value not in ("happened", "expected"):
            fail(f"expected 'happened' or 'expected', got {node.value!r}")
        return node.value
    if schema is bool:
        if node.value.lower() not in ("true", "false", "yes", "no"):
            fail(f"expected true or false, got {node.value!r}")
        return node.value.lower() in ("true", "yes")
    if schema == ROLE_STATUS:
        if node.value not in ROLE_STATUSES:
            fail(f"expected one of {', '.join(ROLE_STATUSES)}, got {node.value!r}")
        return node.value
    if schema == RELATION_KIND:
        if node.value not in RELATION_KINDS:
            fail(f"expected one of {', '.join(repr(k) for k in RELATION_KINDS)}, got {node.value!r}")
        return node.value
    if schema == ENTITY_TYPE:
        if node.value not in ENTITY_TYPES:
            fail(f"expected one of {', '.join(ENTITY_TYPES)}, got {node.value!r}")
        return node.value
    raise AssertionError(f"unknown schema {schema!r}")


def _text(value: str, fail) -> str:
    """A registry string cleaned as seed text is (read.normalise): characters no page can show are
    refused, invisible ones removed, the rest in Unicode's composed form (as the seeds, so names match)."""
    if unshowable := UNSHOWABLE.search(value):
        code = ord(unshowable.group())
        what = "a lone surrogate" if 0xD800 <= code <= 0xDFFF else "the control character"
        fail(f"contains {what} U+{code:04X}, which no page can show (a YAML escape such as \\x0b): remove it")
    return unicodedata.normalize("NFC", CONTROL.sub("", value))


def _impossible(value: str) -> str:
    """Why a YYYY[-MM[-DD]] date does not exist ('' when it does)."""
    year, month, day = (int(part) for part in (value.split("-") + ["1", "1"])[:3])
    if year < 1:
        return "there is no year 0"
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    try:
        datetime.date(year, month, day)
    except ValueError:
        return f"{datetime.date(year, month, 1):%B %Y} has no day {day}"
    return ""
