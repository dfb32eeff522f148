"""QA fuzz: the scan engine on a small seeded station, driven by hypothesis.

Arbitrary codes (unicode, control characters, lone surrogates, very long, SQL-ish) in random
mode/context sequences, with cancellations arriving in between:
- `scan()` never raises and always returns a verdict with a zh and an en message;
- a rejected scan never changes the state tables;
- replaying the outbox events, every parcel moves only along `domain.TRANSITIONS`, each event's
  `from` is the parcel's state at that moment, and the replay ends in the parcels table's state.
Each example works on its own copy of one seeded SQLite file.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# Bounded by default; QA_FUZZ_SCALE=10 explores ten times as many examples (still derandomized).
SCALE = max(1, int(os.environ.get("QA_FUZZ_SCALE", "1")))

from tests.core_helpers import add_orders, make_batch, order, seed_station, state_digest
from warehouse_app.catalog import upsert_skus
from warehouse_app.domain import Mode, ParcelState, can_transition
from warehouse_app.errors import StationError
from warehouse_app.handoffs import close_handoff, open_handoff
from warehouse_app.overrides import void_waybill
from warehouse_app.scan_engine import ScanContext, scan
from warehouse_app.store import open_store
from warehouse_app.store.tx import transaction

ORDERS = {  # order id -> (items, carrier)
    "O1": ({"A": 1}, "ZTO"),
    "O2": ({"A": 1}, "ZTO"),
    "O3": ({"A": 1}, "YTO"),
    "O4": ({"A": 1}, "ZTO"),
    "O5": ({"B": 1}, "ZTO"),
    "O6": ({"B": 1}, "YTO"),
    "O7": ({"Z": 1}, "ZTO"),
    "O8": ({"Z": 1}, "YTO"),
}


class Seed:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.codes: list[str] = []
        self.batches: list[str] = []
        self.handoffs: list[str] = []
        self.parcels: dict[str, str] = {}
        self.seq0 = 0


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Seed:
    path = tmp_path_factory.mktemp("scanfuzz") / "station.db"
    store = open_store(path)
    conn = store.connect()
    seed_station(conn)
    with transaction(conn):  # an SKU without a weight: the batch has no expected weight
        upsert_skus(
            conn,
            [
                {
                    "code": "Z",
                    "name": "赠品 Gift",
                    "weight_g": 0,
                    "tier": "long_tail",
                    "barcodes": ["6920000000097"],
                }
            ],
        )
    add_orders(
        conn,
        *[
            order(o, items, carrier=c, paid_at=f"2026-11-11T12:0{i}:00Z")
            for i, (o, (items, c)) in enumerate(ORDERS.items())
        ],
    )
    s = Seed(path)
    b_a = make_batch(conn, "A*1")
    b_z = make_batch(conn, "Z*1")
    b_anon = make_batch(conn, "B*1", kind="anonymous", qty=3)
    b_paused = make_batch(conn, "C*1", kind="anonymous", qty=1, start=False)
    s.batches = [b["batch_id"] for b in (b_a, b_z, b_anon, b_paused)]
    with transaction(conn):
        h1 = open_handoff(conn, "ZTO", operator="L1")
        h2 = open_handoff(conn, "YTO", operator="L1")
        h3 = open_handoff(conn, "ZTO", operator="L1")
        close_handoff(conn, h3["handoff_id"], operator="L1")
    s.handoffs = [h1["handoff_id"], h2["handoff_id"], h3["handoff_id"]]
    rows = conn.execute(
        "SELECT parcel_id, label_code, waybill, order_id, state FROM parcels"
    ).fetchall()
    # one parcel of O4 voided up front: its waybill is then a voided code
    with transaction(conn):
        void_waybill(conn, "WBO4", "reprint", "L1")
    rows = conn.execute(
        "SELECT parcel_id, label_code, waybill, order_id, state FROM parcels"
    ).fetchall()
    s.parcels = {r["parcel_id"]: r["state"] for r in rows}
    codes = {c for r in rows for c in (r["label_code"], r["waybill"], r["order_id"]) if c}
    codes |= {f"WB{o}" for o in ORDERS} | {
        "6920000000011",
        "6920000000028",
        "6920000000035",
        "6920000000097",
        "A",
        "B",
        "C",
        "Z",
    }
    s.codes = sorted(codes)
    s.seq0 = conn.execute("SELECT COALESCE(max(seq), 0) FROM events").fetchone()[0]
    conn.close()
    return s


weird = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF, categories=None), max_size=20),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "\t\r\n",
            "\ud800",
            "WBO1\ud800",
            "\u202eWBO1",
            "WBO1\x00",
            " WBO1 \r",
            "' OR 1=1 --",
            "WBO1'; DROP TABLE parcels; --",
            "%",
            "_",
            "%WB%",
            "NULL",
            "A" * 5000,
            "口红" * 300,
            "#MODE:PACK",
            "０１２３",
        ]
    ),
)


def code_strategy(seed: Seed) -> st.SearchStrategy[str]:
    known = st.sampled_from(seed.codes)
    return st.sampled_from([0] * 6 + [1, 2, 3]).flatmap(
        lambda k: [known, known.map(lambda c: f" {c}\r\n"), known.map(str.lower), weird][k]
    )


def step_strategy(seed: Seed) -> st.SearchStrategy[tuple[Any, ...]]:
    scan_step = st.tuples(
        st.just("scan"),
        code_strategy(seed),
        st.sampled_from([m.value for m in Mode]),
        st.sampled_from(
            [None, "NOPE-B", *seed.batches, seed.batches[0], seed.batches[1], seed.batches[2]]
        ),
        st.sampled_from([None, "NOPE-H", *seed.handoffs, seed.handoffs[0], seed.handoffs[1]]),
        st.sampled_from(["P1", "P1", "P1", "P1", "L1", None, "", "不存在"]),
        st.sampled_from(["none", "none", "none", "ok", "any", "absurd"]).flatmap(
            lambda k: {
                "none": st.none(),
                "ok": st.integers(min_value=90, max_value=210),
                "any": st.integers(min_value=-10, max_value=400),
                "absurd": st.sampled_from([0, 2**31, 2**63, 2**70, -(2**63) - 1]),
            }[k]
        ),
    )
    cancel_step = st.tuples(st.just("cancel"), st.sampled_from(sorted(ORDERS)))
    # the context a packer would have for this code (its batch, its carrier's open handoff, a
    # plausible weight), so that many scans are OK and the parcels really move
    hot = [c for c in seed.codes if c.startswith("WBO")] + [c for c in seed.codes if "-B0003-" in c]
    smart_step = st.tuples(
        st.just("smart"),
        st.sampled_from(hot),
        st.sampled_from(["auto", "auto", "auto", "pack", "verify", "handoff", "pull", "return"]),
    )
    # a shift lead's void override (reason may be too short, the code unknown or not voidable)
    void_step = st.tuples(
        st.just("void"), code_strategy(seed), st.sampled_from(["reprint", "x", "", "承运商故障"])
    )
    return st.sampled_from([0] * 4 + [1] + [2] * 5 + [3]).flatmap(
        lambda k: [scan_step, cancel_step, smart_step, void_step][k]
    )


def replay(conn: sqlite3.Connection, start: dict[str, str], after_seq: int) -> dict[str, str]:
    states = dict(start)
    for seq, type_, payload_text in conn.execute(
        "SELECT seq, type, payload FROM events WHERE seq > ? ORDER BY seq", (after_seq,)
    ):
        p = json.loads(payload_text)
        pid = p.get("parcel_id")
        if pid is None:
            continue
        if type_ == "parcel.intercepted":
            src, dst = p["state_before"], ParcelState.INTERCEPTED.value
        elif "from" in p and "to" in p:
            src, dst = p["from"], p["to"]
        else:
            continue  # parcel.bound, carrier_intercept.requested: no state change
        assert states[pid] == src, (
            f"event {seq} {type_}: parcel {pid} was {states[pid]}, event says {src}"
        )
        assert can_transition(src, dst), f"event {seq} {type_}: illegal {src} -> {dst}"
        states[pid] = dst
    return states


def run_steps(seed: Seed, tmp: Path, steps: list[tuple[Any, ...]]) -> None:
    path = tmp / "station.db"
    shutil.copyfile(seed.path, path)
    conn = open_store(path).connect()
    try:
        for st_ in steps:
            if st_[0] == "cancel":
                oid = st_[1]
                items, carrier = ORDERS[oid]
                add_orders(conn, order(oid, items, carrier=carrier, status="cancelled"))
                continue
            if st_[0] == "void":
                before = state_digest(conn)
                try:
                    with transaction(conn):
                        void_waybill(conn, st_[1], st_[2], "L1")
                except StationError as exc:
                    assert exc.zh and str(exc)
                    assert state_digest(conn) == before, (
                        f"a refused void of {st_[1]!r} changed state"
                    )
                continue
            if st_[0] == "smart":
                code, mode = st_[1], st_[2]
                row = conn.execute(
                    "SELECT batch_id, carrier, state FROM parcels WHERE waybill=? OR label_code=? "
                    "OR order_id=?",
                    (code, code, code),
                ).fetchone()
                if mode == "auto":  # the next step of this parcel's life
                    mode = {
                        "planned": "pack",
                        "packed": "verify",
                        "verified": "handoff",
                        "intercepted": "pull",
                    }.get(row["state"] if row else "", "return")
                batch = row["batch_id"] if row else seed.batches[0]
                h = conn.execute(
                    "SELECT handoff_id FROM handoffs WHERE status='open' AND carrier=?",
                    (row["carrier"] if row else "ZTO",),
                ).fetchone()
                w = conn.execute(
                    "SELECT expected_weight_g FROM batches WHERE batch_id=?", (batch,)
                ).fetchone()
                st_ = (
                    "scan",
                    code,
                    mode,
                    batch,
                    h[0] if h else None,
                    "P1",
                    (w[0] or None) if w and mode == "verify" else None,
                )
            _, code, mode, batch, handoff, operator, weight = st_
            ctx = ScanContext(
                mode=mode, operator=operator, batch_id=batch, handoff_id=handoff, lang="zh"
            )
            before = state_digest(conn)
            v = scan(conn, code, ctx, weight_g=weight)
            assert v.status in ("ok", "rejected"), v
            assert v.message_zh and v.message_en, v
            assert not conn.in_transaction
            if v.ok:
                assert v.event_seq, v
            else:
                assert v.reason, v
                assert state_digest(conn) == before, (
                    f"rejected scan {code!r} ({v.reason}) changed state"
                )
        replayed = replay(conn, seed.parcels, seed.seq0)
        actual = {r[0]: r[1] for r in conn.execute("SELECT parcel_id, state FROM parcels")}
        assert replayed == actual
    finally:
        conn.close()


@settings(
    max_examples=100 * SCALE,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)
@given(data=st.data())
def test_random_scan_sequences_keep_the_station_consistent(
    seed: Seed, tmp_path: Path, data: st.DataObject
) -> None:
    steps = data.draw(st.lists(step_strategy(seed), min_size=5, max_size=40))
    sub = Path(tempfile.mkdtemp(dir=tmp_path))
    run_steps(seed, sub, steps)


@settings(
    max_examples=80 * SCALE,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_arbitrary_codes_never_raise_in_any_mode(
    seed: Seed, tmp_path: Path, data: st.DataObject
) -> None:
    """One weird code per mode and context: never raises, unknown junk is `unknown_code`."""
    code = data.draw(weird)
    mode = data.draw(st.sampled_from([m.value for m in Mode]))
    steps = [("scan", code, mode, seed.batches[0], seed.handoffs[0], "P1", None)]
    sub = Path(tempfile.mkdtemp(dir=tmp_path))
    run_steps(seed, sub, steps)


def test_full_happy_path_then_pull_replays_legally(seed: Seed, tmp_path: Path) -> None:
    """A deterministic walk through every legal transition, so the replay check is exercised."""
    b_a, _, b_anon, _ = seed.batches
    h_zto = seed.handoffs[0]
    steps: list[tuple[Any, ...]] = [
        ("scan", "WBO1", "pack", b_a, None, "P1", None),
        ("scan", "WBO1", "verify", None, None, "P1", 100),
        ("scan", "WBO1", "handoff", None, h_zto, "P1", None),
        ("scan", "WBO2", "pack", b_a, None, "P1", None),
        ("cancel", "O2"),
        ("scan", "WBO2", "pull", None, None, "P1", None),
        ("scan", "WBO2", "pull", None, None, "P1", None),  # duplicate: rejected, no change
        ("cancel", "O1"),  # after handoff: a carrier-intercept request, no state change
    ]
    run_steps(seed, tmp_path, steps)


@pytest.mark.parametrize("weight", [2**63, -(2**63) - 1, 10**30, -5, 0])
def test_absurd_weight_is_a_rejected_scan_not_a_crash(
    seed: Seed, tmp_path: Path, weight: int
) -> None:
    """A batch without an expected weight still must not store a weight SQLite cannot hold, nor a
    negative one: `scan --weight 99999999999999999999` is a clear verdict, nothing changes."""
    b_z = seed.batches[1]
    sub = Path(tempfile.mkdtemp(dir=tmp_path))
    run_steps(
        seed,
        sub,
        [
            ("scan", "WBO7", "pack", b_z, None, "P1", None),
            ("scan", "WBO7", "verify", None, None, "P1", weight),
        ],
    )
    conn = open_store(sub / "station.db").connect()
    try:
        row = conn.execute("SELECT state, weight_g FROM parcels WHERE waybill='WBO7'").fetchone()
        assert row["state"] == "packed" and row["weight_g"] is None
    finally:
        conn.close()
