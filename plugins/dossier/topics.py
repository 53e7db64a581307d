"""Placeholder for the themes stage."""
from __future__ import annotations

from .model import Dossier, Topic
from .registry import Registry


def find_topics(dossier: Dossier, registry: Registry) -> list[Topic]:
    return []
