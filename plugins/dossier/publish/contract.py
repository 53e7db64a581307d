"""The machine-readable contract: `output/dossier.json` and `dossier inspect` print this shape."""

from __future__ import annotations

from collections.abc import Iterator

import msgspec

from ..model import Dossier, Source


def to_json(dossier: Dossier, site_url: str = "") -> dict:
    prefix = f"{site_url.rstrip('/')}/" if site_url else ""
    return {
        "articles": [
            {
                "id": a.id,
                "source_file": a.source_file,
                "url": prefix + a.url,
                "title": a.title,
                "date": a.date,
                "publisher": a.publisher,
                "dateline_place": a.dateline_place,
                "body": [b.text for b in a.body],
                "removed": [b.text for b in a.removed],
                "entities": dossier.article_entities.get(a.id, []),
                "events": dossier.article_events.get(a.id, []),
                "key_phrases": dossier.article_phrases.get(a.id, []),
                "problems": a.problems,
            }
            for a in dossier.articles
        ],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": e.aliases,
                "url": prefix + e.url,
                "description": e.description,
                "articles": e.articles,
                "mentions": [
                    {"article": m.article, "text": m.text, "sentence": m.sentence} for m in e.mentions
                ],
                "roles": [
                    {
                        "role": r.role,
                        "of": r.of or None,
                        "from": r.since,
                        "until": r.until,
                        "as_of": r.as_of,
                        "status": r.status,
                        "successor": r.successor or None,
                        "predecessor": r.predecessor or None,
                        "curated": r.curated,
                        "sources": _sources(r.sources),
                    }
                    for r in e.roles
                ],
                "relations": [
                    {
                        "kind": r.kind,
                        "to": r.to,
                        "from": r.since,
                        "until": r.until,
                        "curated": r.curated,
                        "sources": _sources(r.sources),
                    }
                    for r in e.relations
                ],
            }
            for e in dossier.entities
        ],
        "events": [
            {
                "id": ev.id,
                "date": ev.date,
                "precision": ev.precision,
                "dated": ev.dated,
                "status": ev.status,
                "action": ev.action,
                "summary": ev.summary,
                "entities": ev.entities,
                "agents": ev.agents,
                "patients": ev.patients,
                "main": ev.main,
                "weight": ev.weight,
                "sources": _sources(ev.sources),
                "conflicts": [
                    {
                        "field": c.field,
                        "values": [{"value": v.value, "sources": _sources(v.sources)} for v in c.values],
                    }
                    for c in ev.conflicts
                ],
            }
            for ev in dossier.events
        ],
        "topics": [
            {
                "id": t.id,
                "name": t.name,
                "description": t.description,
                "sentences": [{"article": s.article, "sentence": s.sentence} for s in t.sentences],
                "url": prefix + t.url,
                "articles": t.articles,
                "entities": t.entities,
                "events": t.events,
                "curated": t.curated,
            }
            for t in dossier.topics
        ],
        "problems": [{"file": p.file, "message": p.message} for p in dossier.problems],
        "possibly_same": [
            {"entities": same.entities, "reason": same.reason} for same in dossier.possibly_same
        ],
    }


def _sources(sources: list[Source]) -> list[dict]:
    return [{"article": s.article, "sentence": s.sentence} for s in sources]


def json_chunks(data: dict) -> Iterator[bytes]:
    """The JSON text of `data` (to_json's), one record at a time: the bytes of
    `json.dumps(data, ensure_ascii=False, indent=1) + "\n"` in UTF-8, encoded by msgspec (in C, about
    nine times as fast) without ever holding the whole text."""
    encoder = msgspec.json.Encoder()
    yield b"{"
    for n, (name, value) in enumerate(data.items()):
        yield (b",\n " if n else b"\n ") + encoder.encode(name) + b": "
        if not isinstance(value, list) or not value:
            yield _indented(encoder.encode(value), 1)
            continue
        yield b"["
        for i, record in enumerate(value):
            yield (b",\n  " if i else b"\n  ") + _indented(encoder.encode(record), 2)
        yield b"\n ]"
    yield b"\n}\n" if data else b"}\n"


def _indented(encoded: bytes, depth: int) -> bytes:
    """One value laid out as json.dumps(indent=1) lays it out at this depth (a JSON string holds no
    raw line break, so every line break is the layout's)."""
    return msgspec.json.format(encoded, indent=1).replace(b"\n", b"\n" + b" " * depth)
