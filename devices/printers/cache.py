"""Small bounded caches for label encoding that count their hits.

Only things that repeat belong here: glyphs (a batch reuses a few thousand characters), fixed
label elements (captions, sender, batch lines), advance widths and font faces. Recipient lines are
unique per label; caching them only grows memory, so callers never put them in. Hit rates of every
cache are logged at debug level: all of them once the first few thousand look-ups are done, then
at most once a minute while labels are made, and on demand (`log_cache_stats`).
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Generic, Protocol, TypeVar

logger = logging.getLogger(__name__)

V = TypeVar("V")

LOG_INTERVAL_S = 60.0


class _Counted(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def maxsize(self) -> int: ...
    @property
    def hits(self) -> int: ...
    @property
    def misses(self) -> int: ...
    def __len__(self) -> int: ...


_ALL: list[_Counted] = []
_last_log = [float("-inf")]


def _tick() -> None:
    """Called every few thousand look-ups of any cache: log them all, at most once a minute."""
    now = time.monotonic()
    if now - _last_log[0] >= LOG_INTERVAL_S:
        _last_log[0] = now
        log_cache_stats()


def _log(c: _Counted) -> None:
    n = c.hits + c.misses
    logger.debug(
        "label cache %s: %d entries (max %d), %d hits, %d misses, hit rate %.1f%%",
        c.name,
        len(c),
        c.maxsize,
        c.hits,
        c.misses,
        100.0 * c.hits / n if n else 0.0,
    )


class CountingCache(Generic[V]):
    """An LRU of at most `maxsize` entries with hit/miss counters."""

    def __init__(self, name: str, maxsize: int, log_every: int = 5000) -> None:
        self.name, self.maxsize, self.log_every = name, maxsize, log_every
        self._d: OrderedDict[Hashable, V] = OrderedDict()
        self.hits = 0
        self.misses = 0
        _ALL.append(self)

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
            _tick()
        return v

    @property
    def hit_rate(self) -> float:
        n = self.hits + self.misses
        return self.hits / n if n else 0.0

    def __len__(self) -> int:
        return len(self._d)

    def log(self) -> None:
        _log(self)

    def clear(self) -> None:
        self._d.clear()
        self.hits = self.misses = 0


class CountingDict(Generic[V]):
    """A plain dict with hit/miss counters, emptied when it passes `maxsize` entries: for hot
    look-ups (advance widths, measured for every character of every candidate line) whose values
    are a few bytes, where an LRU's bookkeeping would cost more than it saves. Logging is checked
    on misses only (every `log_every`), so a hit costs one dict look-up and one addition."""

    def __init__(self, name: str, maxsize: int, log_every: int = 200) -> None:
        self.name, self.maxsize, self.log_every = name, maxsize, log_every
        self.data: dict[Hashable, V] = {}  # hot callers may read it directly and count hits
        self.hits = 0
        self.misses = 0
        _ALL.append(self)

    def get(self, key: Hashable, make: Callable[..., V], *args: Any) -> V:
        d = self.data
        try:
            v = d[key]
        except KeyError:  # rare once warm: hit rates are >99 %
            self.misses += 1
            if len(d) >= self.maxsize:
                d.clear()
            v = d[key] = make(*args)
            if self.misses % self.log_every == 0:
                _tick()
            return v
        self.hits += 1
        return v

    @property
    def hit_rate(self) -> float:
        n = self.hits + self.misses
        return self.hits / n if n else 0.0

    def __len__(self) -> int:
        return len(self.data)

    def clear(self) -> None:
        self.data.clear()
        self.hits = self.misses = 0


class _Lru:
    """A functools.lru_cache'd function seen through the same counters."""

    def __init__(self, name: str, fn: Any) -> None:
        self.name, self.fn = name, fn

    @property
    def maxsize(self) -> int:
        return int(self.fn.cache_info().maxsize or 0)

    @property
    def hits(self) -> int:
        return int(self.fn.cache_info().hits)

    @property
    def misses(self) -> int:
        return int(self.fn.cache_info().misses)

    def __len__(self) -> int:
        return int(self.fn.cache_info().currsize)


def track_lru(name: str, fn: Any) -> None:
    """Count a functools.lru_cache'd function among the label caches (stats and debug logs)."""
    _ALL.append(_Lru(name, fn))


def cache_stats() -> dict[str, dict[str, float]]:
    """Every label cache's size and hit rate (benchmarks, debug logs)."""
    out = {}
    for c in _ALL:
        n = c.hits + c.misses
        out[c.name] = {
            "entries": len(c),
            "hits": c.hits,
            "misses": c.misses,
            "hit_rate": c.hits / n if n else 0.0,
        }
    return out


def log_cache_stats() -> None:
    for c in _ALL:
        _log(c)
