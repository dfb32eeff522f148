"""Label caches hold glyphs and fixed elements, never per-recipient lines (issue 17), and log
their hit rates at debug level."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from devices.printers.cache import cache_stats, log_cache_stats
from devices.printers.printer import Printer

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))


@pytest.mark.parametrize("url", ["tcp://p?lang=zpl&cjk=bitmap", "tcp://p?lang=tspl&cjk=bitmap"])
def test_caches_do_not_grow_with_unique_recipients(url: str, caplog) -> None:
    from labels import waybills  # type: ignore[import-not-found]

    pr = Printer(url)
    wbs = waybills(300, seed=11)
    for wb in wbs[:100]:
        pr.encode(wb)
    first = {k: v["entries"] for k, v in cache_stats().items()}
    for wb in wbs[100:]:
        pr.encode(wb)
    after = cache_stats()
    fixed = [k for k in after if k.endswith("-fixed")]
    # Fixed elements: a handful per batch, not one per label.
    assert all(after[k]["entries"] <= 40 for k in fixed)
    # Glyphs: 200 more unique recipients (each with ~15 unique lines) add only the characters
    # not seen before, far fewer than one entry per line.
    assert after["glyph"]["entries"] - first["glyph"] < 200
    assert after["glyph"]["hit_rate"] > 0.9
    with caplog.at_level(logging.DEBUG, logger="devices.printers.cache"):
        log_cache_stats()
    assert any("hit rate" in r.getMessage() and "glyph" in r.getMessage() for r in caplog.records)
