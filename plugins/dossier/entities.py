"""Placeholder for entity extraction (replaced by the entities stage)."""
from __future__ import annotations

from .model import Article, Candidate, Entity
from .registry import Registry


def find_candidates(article: Article) -> list[Candidate]:
    return []


def resolve(articles: list[Article], candidates: dict[str, list[Candidate]], registry: Registry) -> list[Entity]:
    return []
