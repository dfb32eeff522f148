"""Back-pressure: a burst is queued; a full queue gets 429 with a wait sized from the calls in
progress (a fraction of a second for a burst, a second or more under sustained load), and the
station's client waits that long, not a whole second."""

from __future__ import annotations

import threading
import time
import uuid
from pathlib import Path
from typing import Any

from tests.sync_helpers import Hub, outbox_event
from warehouse_app.hub.app import Pressure
from warehouse_app.sync.client import HubClient


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_a_burst_up_to_the_queue_is_admitted_not_refused() -> None:
    clock = Clock()
    p = Pressure(max_queue=16, max_latency_ms=1500, clock=clock)
    for _ in range(16):  # sixteen stations at the same moment
        assert p.enter(is_push=True) is None
    assert p.enter(is_push=True) is not None  # the seventeenth: the queue is full
    for _ in range(16):
        clock.t += 0.03
        p.leave(is_push=True, took_s=0.03)
    assert p.in_flight == 0 and p.refused == 1


def test_a_burst_is_told_a_fraction_of_a_second_and_load_at_least_a_second() -> None:
    clock = Clock()
    p = Pressure(max_queue=4, max_latency_ms=1500, sustained_s=1.0, clock=clock)
    for _ in range(30):  # calls have been taking 40 ms
        assert p.enter(is_push=False) is None
        p.leave(is_push=False, took_s=0.04)
    for _ in range(4):
        assert p.enter(is_push=False) is None
    first = p.enter(is_push=True)  # a burst: the queue turns over within a call's time
    assert first is not None and 0.2 <= first < 1.0
    clock.t += 0.3
    again = p.enter(is_push=True)  # refusals keep coming: load, a second at least
    assert again is not None and again >= 1.0
    for _ in range(4):
        p.leave(is_push=False, took_s=0.04)
    assert p.enter(is_push=True) is None  # room again: admitted at once
    clock.t += 2.0
    for _ in range(3):
        assert p.enter(is_push=False) is None
    later = p.enter(is_push=True)  # a new burst after a quiet spell: short again
    assert later is not None and later < 1.0


def test_a_slow_database_asks_for_longer_waits() -> None:
    clock = Clock()
    p = Pressure(max_queue=4, max_latency_ms=60_000, clock=clock)
    for _ in range(40):  # calls take 3 s
        assert p.enter(is_push=False) is None
        p.leave(is_push=False, took_s=3.0)
    for _ in range(4):
        assert p.enter(is_push=False) is None
    first = p.enter(is_push=True)
    assert first is not None and 2.0 < first <= 3.0


def test_slow_pushes_are_refused_and_a_quiet_second_lets_them_in_again() -> None:
    clock = Clock()
    p = Pressure(max_queue=64, max_latency_ms=1000, clock=clock)
    admitted = 0
    while (wait := p.enter(is_push=True)) is None:  # pushes take 3 s each
        admitted += 1
        p.leave(is_push=True, took_s=3.0)
    assert 1 <= admitted <= 3 and wait >= 1.0  # refused once the average passes 1 s
    assert p.enter(is_push=False) is None  # pulls are not held back by slow pushes
    p.leave(is_push=False, took_s=0.01)
    clock.t += 3.0  # nothing finished for 3 s: the average has decayed
    assert p.enter(is_push=True) is None


def test_stations_wait_the_hubs_hint_not_a_whole_second(
    tmp_path: Path, hub_url: tuple[str | None, Any]
) -> None:
    """A real hub admitting one sync call at a time; eight stations push at once. Every push
    lands; the refused ones waited what the hub's retry_after_ms said (a fraction of a
    second for a short queue), not the whole second of Retry-After."""
    hub = Hub(
        tmp_path / "hub", database_url=hub_url[0], pg=hub_url[1], extra_args=["--max-queue", "1"]
    ).start()
    waits: list[float] = []
    lock = threading.Lock()

    def wait(seconds: float) -> bool:
        with lock:
            waits.append(seconds)
        time.sleep(seconds)
        return True

    results: dict[str, Any] = {}

    def push(sid: str, token: str) -> None:
        c = HubClient(hub.url, token, timeout_s=60, busy_patience_s=120, wait=wait)
        try:
            events = [outbox_event(i) for i in range(1, 301)]
            results[sid] = c.push(sid, 0, events)
        except Exception as exc:  # reported below
            results[sid] = exc
        finally:
            c.close()

    try:
        tokens = {f"P{i}": hub.add_station(f"P{i}") for i in range(8)}
        threads = [threading.Thread(target=push, args=kv) for kv in tokens.items()]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert all(isinstance(r, dict) and r["acked_seq"] == 300 for r in results.values()), results
        assert len(results) == 8 and waits, "back-pressure never kicked in"
        assert min(waits) < 1.0, waits  # the fine hint, jittered up to x1.5
    finally:
        hub.stop()
