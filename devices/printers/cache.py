"""Small bounded caches for label encoding that count their hits.

Only things that repeat belong here: glyphs (a batch reuses a few thousand characters) and fixed
label elements (captions, sender, batch lines). Recipient lines are unique per label; caching them
only grows memory, so callers never put them in. Hit rates are logged at debug level.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

logger = logging.getLogger(__name__)

V = TypeVar("V")

_ALL: list[CountingCache[object]] = []


class CountingCache(Generic[V]):
    """An LRU of at most `maxsize` entries with hit/miss counters."""

    def __init__(self, name: str, maxsize: int, log_every: int = 5000) -> None:
        self.name, self.maxsize, self.log_every = name, maxsize, log_every
        self._d: OrderedDict[Hashable, V] = OrderedDict()
        self.hits = 0
        self.misses = 0
        _ALL.append(self)  # type: ignore[arg-type]

    def get(self, key: Hashable, make: Callable[..., V], *args: Any) -> V:
        """The cached value for `key`, else `make(*args)` (stored)."""
        d = self._d
        try:
            v = d[key]
        except KeyError:
            self.misses += 1
            v = make(*args)
            d[key] = v
            if len(d) > self.maxsize:
                d.popitem(last=False)
        else:
            self.hits += 1
            d.move_to_end(key)
        if (self.hits + self.misses) % self.log_every == 0:
            self.log()
        return v

    @property
    def hit_rate(self) -> float:
        n = self.hits + self.misses
        return self.hits / n if n else 0.0

    def __len__(self) -> int:
        return len(self._d)

    def log(self) -> None:
        logger.debug(
            "label cache %s: %d entries (max %d), %d hits, %d misses, hit rate %.1f%%",
            self.name,
            len(self._d),
            self.maxsize,
            self.hits,
            self.misses,
            100.0 * self.hit_rate,
        )

    def clear(self) -> None:
        self._d.clear()
        self.hits = self.misses = 0


def cache_stats() -> dict[str, dict[str, float]]:
    """Every label cache's size and hit rate (benchmarks, debug logs)."""
    return {
        c.name: {"entries": len(c), "hits": c.hits, "misses": c.misses, "hit_rate": c.hit_rate}
        for c in _ALL
    }


def log_cache_stats() -> None:
    for c in _ALL:
        c.log()
