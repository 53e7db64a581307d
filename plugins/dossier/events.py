"""Placeholder for the chronology stage (replaced by the events stage)."""
from __future__ import annotations

from .model import Article, Entity, Event
from .registry import Registry


def find_events(article: Article) -> list[Event]:
    return []


def build_events(articles: list[Article], drafts: dict[str, list[Event]], entities: list[Entity],
                 registry: Registry) -> list[Event]:
    return []
