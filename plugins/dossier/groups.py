"""Union-find: items joined into groups by any chain of joins, in near-constant time a join.

The one helper for single-linkage grouping: reports of one happening told with different dates
(conflicts.py), bursts of a story that share a key phrase (topics.py).
"""

from __future__ import annotations


class Groups:
    """Items 0..size-1, each alone until joined; a group is named by its lowest item (its root)."""

    def __init__(self, size: int):
        self.parent = list(range(size))

    def root(self, item: int) -> int:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]  # path halving: the next lookups take fewer steps
            item = parent[item]
        return item

    def join(self, one: int, other: int) -> int:
        """Join the groups of two items; the root of the group they make."""
        low, high = sorted((self.root(one), self.root(other)))
        self.parent[high] = low
        return low
