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


@pytest.mark.parametrize("url", ["tcp://p?lang=zpl", "tcp://p?lang=tspl"])
def test_download_mode_caches_are_counted_and_logged(url: str, caplog, monkeypatch) -> None:
    """The default mode (downloaded fonts) measures advances and opens font faces: those caches
    count their hits too, and making labels logs every cache's hit rate by itself (debug)."""
    from labels import waybills  # type: ignore[import-not-found]

    from devices.printers import bitmap, cache

    bitmap._ADVANCES.clear()  # cold, as in a station's first batch (an earlier test warmed it)
    monkeypatch.setattr(cache, "_last_log", [float("-inf")])
    pr = Printer(url)
    with caplog.at_level(logging.DEBUG, logger="devices.printers.cache"):
        for wb in waybills(60, seed=5):
            pr.encode(wb)
    stats = cache_stats()
    for name in ("advance", "font-advance", "font-has-glyph", "font-face", "em-for-cell"):
        assert stats[name]["hits"] + stats[name]["misses"] > 0, name
    assert stats["advance"]["hit_rate"] > 0.9 and stats["font-advance"]["hit_rate"] > 0.9
    logged = {r.getMessage().split(":")[0] for r in caplog.records if "hit rate" in r.getMessage()}
    assert {"label cache advance", "label cache font-face"} <= logged
