"""What changed since the last build: snapshots of the dossier, their differences, a short history.

Each build takes a small snapshot of the dossier from its contract data (ids, labels and digests of
articles, entities, events and roles; see `snapshot`) and compares it with the previous build's
(`compare`). A build that changed something is added to the history, newest first, which keeps the
last `KEEP_BUILDS`. Everything here is derived from the snapshots and the build's date, never from the
clock, so two builds of the same seeds on the same day give the same history and the same pages.
"""

from __future__ import annotations

import hashlib
import html
import json
import uuid
from dataclasses import asdict
from pathlib import Path
from urllib.parse import urlsplit

import msgspec

from .. import xmltext
from ..files import write_atomically
from ..model import CHANGE_KINDS, BuildRecord, Change, History

KEEP_BUILDS = 20  # builds kept in the history (and entries in the feed)
VERSION = 1  # of the history file; another version is read as no history
DIGEST = 12  # hex digits of a digest: enough to tell a few million items apart


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:DIGEST]


def snapshot(data: dict) -> dict:
    """The part of the contract's data (contract.to_json) a later build compares itself with."""
    return {
        "articles": {
            a["id"]: {"label": a["title"], "date": a["date"] or "", "digest": _digest(a["title"], *a["body"])}
            for a in data["articles"]
        },
        "entities": {e["id"]: {"label": e["name"], "type": e["type"]} for e in data["entities"]},
        "events": {
            ev["id"]: {
                "label": ev["summary"],
                "date": ev["date"],
                "status": ev["status"],
                "sources": sorted(
                    {_digest(s["article"], " ".join(s["sentence"].split())) for s in ev["sources"]}
                ),
                "conflicts": sorted(c["field"] for c in ev["conflicts"]),
            }
            for ev in data["events"]
        },
        "roles": {
            _digest(e["id"], json.dumps(role, sort_keys=True)): {
                "label": f"{e['name']}: {role['role']}",
                "entity": e["id"],
            }
            for e in data["entities"]
            for role in e["roles"]
        },
    }


def compare(old: dict, new: dict) -> list[Change]:
    """What `new` adds to or changes in `old`, in the order of CHANGE_KINDS, then by id."""
    changes = [
        Change("article-added", i, a["label"], after=a["date"])
        for i, a in new["articles"].items()
        if i not in old["articles"]
    ]
    changes += [
        Change("article-removed", i, a["label"], after=a["date"])
        for i, a in old["articles"].items()
        if i not in new["articles"]
    ]
    changes += [
        Change("entity-added", i, e["label"], type=e["type"])
        for i, e in new["entities"].items()
        if i not in old["entities"]
    ]
    changes += _event_changes(old["events"], new["events"])
    changes += [
        Change("role-added", r["entity"], r["label"])
        for key, r in new["roles"].items()
        if key not in old["roles"]
    ]
    order = list(CHANGE_KINDS)
    return sorted(changes, key=lambda c: (order.index(c.kind), c.id, c.label))


def _event_changes(old: dict, new: dict) -> list[Change]:
    """An event is the same across builds by its id or, when its id changed (its words or date did),
    by a report (article and sentence) they share."""
    by_source = {}
    for eid, event in old.items():
        for source in event["sources"]:
            by_source.setdefault(source, eid)
    changes = []
    for eid, event in new.items():
        before = old.get(eid) or next((old[by_source[s]] for s in event["sources"] if s in by_source), None)
        if before is None:
            changes.append(Change("event-added", eid, event["label"], after=event["date"]))
            continue
        if before["status"] != event["status"]:
            kind = "event-happened" if event["status"] == "happened" else "event-status"
            changes.append(Change(kind, eid, event["label"], before=before["status"], after=event["status"]))
        if before["date"] != event["date"]:
            changes.append(
                Change("event-date", eid, event["label"], before=before["date"], after=event["date"])
            )
        if set(event["sources"]) - set(before["sources"]):
            changes.append(
                Change(
                    "event-sources",
                    eid,
                    event["label"],
                    before=str(len(before["sources"])),
                    after=str(len(event["sources"])),
                )
            )
        if set(event["conflicts"]) - set(before["conflicts"]):
            changes.append(Change("conflict-added", eid, event["label"], after=", ".join(event["conflicts"])))
    return changes


def advance(history: History, current: dict, date: str) -> History:
    """The history after a build of `date` whose snapshot is `current`."""
    totals = {
        "articles": len(current["articles"]),
        "entities": len(current["entities"]),
        "events": len(current["events"]),
    }
    if not history.snapshot:
        record = BuildRecord(date, first=True, **totals)
    else:
        changes = compare(history.snapshot, current)
        record = BuildRecord(date, changes, **totals) if changes else None
    builds = ([record] if record else []) + history.builds
    return History(builds[:KEEP_BUILDS], current, date, record is not None)


def load_history(path: str | Path) -> History:
    """The history kept by the last build; none (a first build) when missing, unreadable or older."""
    try:
        data = msgspec.json.decode(
            Path(path).read_bytes()
        )  # the snapshot is the dossier's size: msgspec, in C
        if data.get("version") != VERSION:
            return History()
        builds = [
            BuildRecord(**{**b, "changes": [Change(**c) for c in b["changes"]]}) for b in data["builds"]
        ]
        return History(builds, data["snapshot"], data.get("date", ""))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return History()


def save_history(path: str | Path, history: History) -> None:
    """Written to a temporary file and renamed into place: a crash never leaves half a history."""
    path = Path(path)
    data = {
        "version": VERSION,
        "date": history.date,
        "snapshot": history.snapshot,
        "builds": [asdict(b) for b in history.builds],
    }
    write_atomically(path, msgspec.json.encode(data))  # the bytes json.dump wrote with separators (",", ":")


def record_id(record: BuildRecord) -> str:
    """A stable id for a build in the history: the same build always gets the same one."""
    return _digest(record.date, json.dumps(asdict(record), sort_keys=True))


def summary(record: BuildRecord) -> str:
    """One line: 'First build: 3 articles, ...' or '2 articles added, 5 new events, ...'."""
    if record.first:
        return (
            f"First build: {record.articles} article{'s' * (record.articles != 1)}, {record.entities} "
            f"entit{'ies' if record.entities != 1 else 'y'}, "
            f"{record.events} event{'s' * (record.events != 1)}"
        )
    counts = {kind: sum(c.kind == kind for c in record.changes) for kind in CHANGE_KINDS}
    return "; ".join(f"{CHANGE_KINDS[kind]}: {n}" for kind, n in counts.items() if n)


def _uuid(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def entry_id(record: BuildRecord, page_url: str) -> str:
    """A tag: URI of the site's domain when it has one (as Pelican's feeds have), else a name-based UUID."""
    site = urlsplit(page_url)
    if site.netloc:
        return f"tag:{site.netloc},{record.date}:{site.path}#build-{record_id(record)}"
    return _uuid("dossier-build:" + record_id(record))


def to_atom(history: History, title: str, page_url: str, feed_url: str) -> str:
    """An Atom feed with one entry per build in the history. `page_url` and `feed_url` are the
    /updates/ page and the feed itself, absolute or relative to the feed."""
    site = urlsplit(page_url)
    updated = f"{history.builds[0].date if history.builds else history.date or '1970-01-01'}T00:00:00Z"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <title>{xmltext.text(title)}: updates</title>",
        f'  <link href={xmltext.attribute(page_url)} rel="alternate"/>',
        f'  <link href={xmltext.attribute(feed_url)} rel="self"/>',
        f"  <id>{xmltext.text(page_url if site.netloc else _uuid('dossier-updates:' + title))}</id>",
        f"  <updated>{updated}</updated>",
        "  <author><name>dossier</name></author>",
    ]
    for record in history.builds:
        anchor = f"build-{record_id(record)}"
        items = "".join(
            f"<li>{html.escape(CHANGE_KINDS[c.kind])}: {html.escape(c.label)}</li>" for c in record.changes
        )
        content = f"<p>{html.escape(summary(record))}</p>" + (f"<ul>{items}</ul>" if items else "")
        lines += [
            "  <entry>",
            f"    <title>{xmltext.text(record.date)}: {xmltext.text(summary(record))}</title>",
            f'    <link href={xmltext.attribute(f"{page_url}#{anchor}")} rel="alternate"/>',
            f"    <id>{xmltext.text(entry_id(record, page_url))}</id>",
            f"    <updated>{record.date}T00:00:00Z</updated>",
            f'    <content type="html">{xmltext.text(content)}</content>',
            "  </entry>",
        ]
    lines += ["</feed>", ""]
    return "\n".join(lines)
