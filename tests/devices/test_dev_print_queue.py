"""The print queue against the printer simulator process: paper out mid-batch and back, offline,
cancel, crash recovery, and reprints only by a lead. No waybill is ever printed twice on its own."""

from __future__ import annotations

import json
import socket
from collections import Counter

import pytest

from devices.errors import DeviceError
from devices.printers.printer import Printer
from devices.serial_device import wait_for
from tests.devices.conftest import Collector, make_presale_batch
from warehouse_app.errors import InvalidOperation
from warehouse_app.print_worker import PrintQueue
from warehouse_app.printing import enqueue_batch, held_labels
from warehouse_app.store.writer import StoreWriter


@pytest.fixture
def writer(seeded_store):  # type: ignore[no-untyped-def]
    w = StoreWriter(seeded_store)
    yield w
    w.close()


def events_of(store, type_: str) -> list:  # type: ignore[no-untyped-def]
    c = store.connect()
    try:
        return c.execute(
            "SELECT payload, operator FROM events WHERE type=? ORDER BY seq", (type_,)
        ).fetchall()
    finally:
        c.close()


def test_paper_out_mid_batch_then_resume_without_duplicates(
    seeded_store, writer, printer_sim
) -> None:
    batch, wbs = make_presale_batch(seeded_store, 8)
    sim = printer_sim("--paper-out-after", "3", "--no-preview")
    events = Collector()
    q = PrintQueue(writer, Printer(sim.url), on_event=events, poll_interval=0.1).start()
    try:
        run, n = q.enqueue_batch(batch, "P1")
        assert n == 8
        assert wait_for(lambda: any(e.kind == "fault" for e in events.items), 60)
        fault = next(e for e in events.items if e.kind == "fault")
        assert "缺纸" in fault.message_zh and "out of paper" in fault.message_en
        assert sim.printed_waybills() == wbs[:3]
        assert q.progress(run).get("queued") == 5  # held, not lost
        sim.control("paper in")
        assert wait_for(lambda: q.progress(run).get("done") == 8, 60)
        assert any(e.kind == "resumed" for e in events.items)
    finally:
        q.stop()
    assert sim.printed_waybills() == wbs  # each exactly once, in batch order
    assert len(events_of(seeded_store, "waybill.printed")) == 8
    c = seeded_store.connect()
    assert {
        r[0] for r in c.execute("SELECT print_count FROM parcels WHERE batch_id=?", (batch,))
    } == {1}
    c.close()
    # Asking again queues nothing: a waybill has one ordinary print, ever.
    assert writer.call(enqueue_batch, batch, Printer(sim.url).url.key)[1] == 0
    progress = [e for e in events.items if e.kind == "progress"]
    assert [e.done for e in progress] == list(range(1, 9)) and progress[-1].total == 8


def test_queued_jobs_survive_a_printer_settings_change(seeded_store, writer, printer_sim) -> None:
    batch, wbs = make_presale_batch(seeded_store, 2)
    sim = printer_sim("--no-preview")
    sim.control("pause")
    events = Collector()
    q = PrintQueue(writer, Printer(sim.url), on_event=events, poll_interval=0.1).start()
    try:
        run, _ = q.enqueue_batch(batch)
        assert wait_for(lambda: any(e.kind == "fault" for e in events.items), 60)
    finally:
        q.stop()
    sim.control("resume")
    q2 = PrintQueue(writer, Printer(sim.url + "&darkness=28&speed=4"), poll_interval=0.1).start()
    try:
        assert wait_for(lambda: q2.progress(run).get("done") == 2, 60)
    finally:
        q2.stop()
    assert sim.printed_waybills() == wbs
    assert all((sim.jobs_dir / j["file"]).read_bytes().count(b"~SD28") == 1 for j in sim.jobs())


def test_reprint_needs_a_lead_and_is_recorded(seeded_store, writer, printer_sim) -> None:
    batch, wbs = make_presale_batch(seeded_store, 2)
    sim = printer_sim("--no-preview")
    q = PrintQueue(writer, Printer(sim.url), poll_interval=0.1).start()
    try:
        run, _ = q.enqueue_batch(batch)
        assert wait_for(lambda: q.progress(run).get("done") == 2, 60)
        with pytest.raises(InvalidOperation) as e:  # a floor rule, kept by the core
            q.request_reprint(wbs[0], "P1", "torn")
        assert "组长" in e.value.zh
        run2 = q.request_reprint(wbs[0], "L1", "label torn")
        assert wait_for(lambda: q.progress(run2).get("done") == 1, 60)
    finally:
        q.stop()
    assert Counter(sim.printed_waybills()) == {wbs[0]: 2, wbs[1]: 1}
    last = sim.jobs()[-1]
    assert last["waybills"] == [wbs[0]]
    rep = events_of(seeded_store, "waybill.reprinted")
    assert len(rep) == 1 and rep[0]["operator"] == "L1"
    assert len(events_of(seeded_store, "waybill.reprint_requested")) == 1


def test_offline_printer_holds_then_prints_when_it_comes_up(
    seeded_store, writer, printer_sim
) -> None:
    batch, wbs = make_presale_batch(seeded_store, 3)
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    events = Collector()
    url = f"tcp://127.0.0.1:{port}?lang=tspl&timeout=2"
    q = PrintQueue(writer, Printer(url), on_event=events, poll_interval=0.1).start()
    try:
        run, _ = q.enqueue_batch(batch)
        assert wait_for(lambda: any(e.kind == "fault" for e in events.items), 60)
        assert "离线" in events.items[0].message_zh
        sim = printer_sim("--port", str(port), "--lang", "tspl", "--no-preview")
        assert wait_for(lambda: q.progress(run).get("done") == 3, 60)
    finally:
        q.stop()
    assert sim.printed_waybills() == wbs


def test_cancel_and_crash_recovery(seeded_store, writer, printer_sim) -> None:
    batch, wbs = make_presale_batch(seeded_store, 4)
    sim = printer_sim("--no-preview")
    sim.control("pause")
    events = Collector()
    q = PrintQueue(writer, Printer(sim.url), on_event=events, poll_interval=0.1).start()
    try:
        run, _ = q.enqueue_batch(batch)
        assert wait_for(lambda: any(e.kind == "fault" for e in events.items), 60)
        assert "暂停" in events.items[0].message_zh
        assert q.cancel(run) == 4
    finally:
        q.stop()
    assert sim.jobs() == []
    # A crash while sending: that job may have printed. On restart it is uncertain, never resent.
    c = seeded_store.connect()
    c.execute("UPDATE print_jobs SET state='sending' WHERE waybill=?", (wbs[0],))
    c.close()
    sim.control("resume")
    events2 = Collector()
    q2 = PrintQueue(writer, Printer(sim.url), on_event=events2, poll_interval=0.1).start()
    try:
        run2, n = q2.enqueue_batch(batch)  # cancelled jobs may be queued again
        assert n == 3
        assert wait_for(lambda: q2.progress(run2).get("done") == 3, 60)
    finally:
        q2.stop()
    assert any(e.kind == "uncertain" and e.waybill == wbs[0] for e in events2.items)
    assert sim.printed_waybills() == wbs[1:]


def test_failover_print_requests_are_printed_once_and_closed(
    seeded_store, writer, printer_sim
) -> None:
    batch, wbs = make_presale_batch(seeded_store, 3)
    sim = printer_sim("--no-preview")
    q = PrintQueue(writer, Printer(sim.url), poll_interval=0.1).start()
    try:
        run, _ = q.enqueue_batch(batch)
        assert wait_for(lambda: q.progress(run).get("done") == 3, 60)
        # A carrier failover gave parcel 2 a new waybill and asked for it to be printed.
        c = seeded_store.connect()
        pid, oid = c.execute(
            "SELECT parcel_id, order_id FROM parcels WHERE waybill=?", (wbs[1],)
        ).fetchone()
        c.execute("UPDATE orders SET waybill='YT-NEW-1', carrier='YTO' WHERE order_id=?", (oid,))
        c.execute("UPDATE parcels SET waybill='YT-NEW-1', carrier='YTO' WHERE parcel_id=?", (pid,))
        c.execute(
            "INSERT INTO print_requests (order_id, parcel_id, waybill, carrier, reason, requested_at) "
            "VALUES (?,?,?,?,?,?)",
            (oid, pid, "YT-NEW-1", "YTO", "carrier_failover", "2026-11-11T00:00:00Z"),
        )
        c.close()
        run2, n = q.enqueue_print_requests()
        assert n == 1
        assert wait_for(lambda: q.progress(run2).get("done") == 1, 60)
        assert q.enqueue_print_requests()[1] == 0
    finally:
        q.stop()
    assert sim.printed_waybills() == [*wbs, "YT-NEW-1"]
    c = seeded_store.connect()
    assert c.execute("SELECT printed_at IS NOT NULL FROM print_requests").fetchone()[0] == 1
    c.close()


def test_batch_printing_skips_parcels_that_left_and_a_stopped_run_says_how_far(
    seeded_store, writer, printer_sim
) -> None:
    """Issue 10: batch printing never prints for parcels handed off, returned, voided,
    intercepted or pulled, also when they left after the run was queued; a run that stops says
    why and how many printed, and resumes without duplicates."""
    batch, wbs = make_presale_batch(seeded_store, 10)
    c = seeded_store.connect()
    left = ("handed_off", "returned", "voided", "intercepted", "pulled")
    for wb, state in zip(wbs[:5], left, strict=True):
        c.execute("UPDATE parcels SET state=? WHERE waybill=?", (state, wb))
    c.close()
    sim = printer_sim("--paper-out-after", "2", "--no-preview")
    events = Collector()
    q = PrintQueue(writer, Printer(sim.url), on_event=events, poll_interval=0.1).start()
    try:
        run, n = q.enqueue_batch(batch, "L1")
        assert n == 5  # the five that left are not even queued
        assert wait_for(lambda: any(e.kind == "fault" for e in events.items), 60)
        fault = next(e for e in events.items if e.kind == "fault")
        assert fault.run_id == run and fault.done == 2 and fault.total == 5
        assert "缺纸" in fault.message_zh
        # while the run is held, one queued parcel is handed off: it must not print on resume
        c = seeded_store.connect()
        c.execute("UPDATE parcels SET state='handed_off' WHERE waybill=?", (wbs[8],))
        c.close()
        assert q.cancel(run) == 3
        cancelled = next(e for e in events.items if e.kind == "cancelled")
        assert cancelled.done == 2 and "已打印 2 张" in cancelled.message_zh
        sim.control("paper in")
        run2, n2 = q.enqueue_batch(batch, "L1")
        assert n2 == 2  # resume: the unprinted ones still on the line, none twice
        assert wait_for(lambda: q.progress(run2).get("done") == 2, 60)
    finally:
        q.stop()
    assert sim.printed_waybills() == [wbs[5], wbs[6], wbs[7], wbs[9]]


def test_a_job_whose_parcel_left_after_queueing_is_skipped(
    seeded_store, writer, printer_sim
) -> None:
    batch, wbs = make_presale_batch(seeded_store, 3)
    sim = printer_sim("--no-preview")
    sim.control("pause")
    events = Collector()
    q = PrintQueue(writer, Printer(sim.url), on_event=events, poll_interval=0.1).start()
    try:
        run, n = q.enqueue_batch(batch)
        assert n == 3
        assert wait_for(lambda: any(e.kind == "fault" for e in events.items), 60)
        c = seeded_store.connect()
        c.execute("UPDATE parcels SET state='returned' WHERE waybill=?", (wbs[1],))
        c.close()
        sim.control("resume")
        assert wait_for(lambda: q.progress(run).get("done") == 2, 60)
        assert wait_for(lambda: any(e.kind == "skipped" for e in events.items), 60)
    finally:
        q.stop()
    assert sim.printed_waybills() == [wbs[0], wbs[2]]
    skipped = next(e for e in events.items if e.kind == "skipped")
    assert skipped.waybill == wbs[1] and "退回" in skipped.message_zh


def test_anonymous_batch_prints_its_prepack_labels_once(seeded_store, writer, printer_sim) -> None:
    """Anonymous pre-pack parcels have no waybill until verify: print-batch prints their pre-pack
    labels (label code as Code 128), once; print_count (waybill prints) stays 0; batch show
    lists the labels and which printed."""
    import json

    from tests.core_helpers import make_batch

    c = seeded_store.connect()
    b = make_batch(c, "A*1", kind="anonymous", qty=3)["batch_id"]
    codes = [
        r[0]
        for r in c.execute(
            "SELECT label_code FROM parcels WHERE batch_id=? ORDER BY label_code", (b,)
        )
    ]
    c.close()
    sim = printer_sim()
    q = PrintQueue(writer, Printer(sim.url), poll_interval=0.1).start()
    try:
        run, n = q.enqueue_batch(b, "P1")
        assert n == 3
        assert wait_for(lambda: q.progress(run).get("done") == 3, 60)
    finally:
        q.stop()
    assert sim.printed_waybills() == codes  # the barcodes on the labels are the label codes
    assert len(events_of(seeded_store, "prepack.printed")) == 3
    assert writer.call(enqueue_batch, b, Printer(sim.url).url.key)[1] == 0  # once
    c = seeded_store.connect()
    assert {r[0] for r in c.execute("SELECT print_count FROM parcels WHERE batch_id=?", (b,))} == {
        0
    }
    c.close()
    from tests.cli_helpers import run_cli

    out = run_cli(seeded_store.data_dir, "batch", "show", b)
    shown = json.loads(out.stdout)
    assert [x["label_code"] for x in shown["labels"]] == codes
    assert all(x["label_printed"] for x in shown["labels"])


def test_a_held_run_stays_held_until_released(seeded_store, writer, printer_sim) -> None:
    """The window holds a label it must ask about first: stored as held (nothing lost), not
    printed, and printed once when released."""
    batch, wbs = make_presale_batch(seeded_store, 3)
    sim = printer_sim("--no-preview")
    q = PrintQueue(writer, Printer(sim.url), poll_interval=0.1)
    run, _ = q.enqueue_batch(batch)
    assert q.hold(run, "缺纸", "out of paper").result(10) == 3
    q.start()
    try:
        assert wait_for(q.idle.is_set, 30)
        assert q.progress(run).get("held") == 3 and sim.printed_waybills() == []
        assert [r["waybill"] for r in writer.call(held_labels)] == wbs
        assert q.release().result(10) == 3
        assert wait_for(lambda: q.progress(run).get("done") == 3, 60)
    finally:
        q.stop()
    assert sim.printed_waybills() == wbs
    assert writer.call(held_labels) == []


def _bind_one(store, prefix: str = "V") -> tuple[str, str]:  # type: ignore[no-untyped-def]
    _b, wbs = make_presale_batch(store, 1, prefix=prefix)
    c = store.connect()
    pid = c.execute("SELECT parcel_id FROM parcels WHERE waybill=?", (wbs[0],)).fetchone()[0]
    c.close()
    return pid, wbs[0]


def test_a_verdicts_label_the_printer_did_not_take_is_held_across_a_restart(
    seeded_store, writer, printer_sim
) -> None:
    """Issue 10: a label a verdict asked for (its parcel in the packer's hand) that the printer
    did not take is held, stored: the printer coming back, or a restart of the station, never
    prints it by itself; released, it prints once."""
    pid, wb = _bind_one(seeded_store)
    sim = printer_sim("--no-preview")
    sim.control("paper out")
    events = Collector()
    q = PrintQueue(writer, Printer(sim.url), on_event=events, poll_interval=0.1).start()
    try:
        q.enqueue_parcel(pid, "P1")
        assert wait_for(lambda: any(e.kind == "held" and e.waybill for e in events.items), 60)
        held = next(e for e in events.items if e.kind == "held")
        assert held.waybill == wb and "缺纸" in held.message_zh and "待打印区" in held.message_zh
        sim.control("paper in")
        # the printer is back: the worker says so and asks about the held label, prints nothing
        assert wait_for(lambda: any(e.kind == "resumed" for e in events.items), 60)
        assert wait_for(lambda: any(e.kind == "held" and e.total == 1 for e in events.items), 60)
    finally:
        q.stop()
    assert sim.printed_waybills() == []
    # a restart: the held label is still held and announced, still not printed
    events2 = Collector()
    q2 = PrintQueue(writer, Printer(sim.url), on_event=events2, poll_interval=0.1).start()
    try:
        assert wait_for(lambda: any(e.kind == "held" for e in events2.items), 60)
        assert wait_for(q2.idle.is_set, 30)
        assert sim.printed_waybills() == []
        [row] = writer.call(held_labels)
        assert row["waybill"] == wb and row["held_en"] and "paper" in row["held_en"]
        assert q2.release([wb]).result(10) == 1
        assert wait_for(lambda: any(e.kind == "progress" for e in events2.items), 60)
        assert wait_for(q2.idle.is_set, 30)
    finally:
        q2.stop()
    assert sim.printed_waybills() == [wb]  # once
    assert len(events_of(seeded_store, "waybill.printed")) == 1
    assert writer.call(held_labels) == []


def test_batch_runs_are_not_held_they_resume_by_themselves(
    seeded_store, writer, printer_sim
) -> None:
    """Only a verdict's label waits for the packer; a lead's batch print resumes where it stopped
    (the paper-out test above), so a fault holds no batch job."""
    batch, _wbs = make_presale_batch(seeded_store, 2)
    sim = printer_sim("--no-preview")
    sim.control("paper out")
    events = Collector()
    q = PrintQueue(writer, Printer(sim.url), on_event=events, poll_interval=0.1).start()
    try:
        run, _ = q.enqueue_batch(batch)
        assert wait_for(lambda: any(e.kind == "fault" for e in events.items), 60)
        assert q.progress(run).get("queued") == 2 and writer.call(held_labels) == []
    finally:
        q.stop()


def test_a_parcels_own_label_goes_before_a_batch_run(seeded_store, writer, printer_sim) -> None:
    """The packer holding a parcel bound at verify must not wait behind 600 batch labels."""
    batch, wbs = make_presale_batch(seeded_store, 4)
    _other, mine = make_presale_batch(seeded_store, 1, prefix="Q")
    c = seeded_store.connect()
    pid = c.execute("SELECT parcel_id FROM parcels WHERE waybill=?", (mine[0],)).fetchone()[0]
    c.close()
    sim = printer_sim("--no-preview")
    q = PrintQueue(writer, Printer(sim.url), poll_interval=0.1)
    run, _ = q.enqueue_batch(batch)
    q.enqueue_parcel(pid)
    q.start()
    try:
        assert wait_for(lambda: q.progress(run).get("done") == 4, 60)
    finally:
        q.stop()
    assert sim.printed_waybills() == [mine[0], *wbs]


def test_the_cli_lists_and_releases_held_labels(seeded_store, writer, printer_sim) -> None:
    """`print held` shows what is set aside (the headless station's list), `print release` is
    the confirmation: the station's print worker then prints each once."""
    from tests.cli_helpers import run_cli
    from warehouse_app.printing import enqueue_parcel, hold_jobs

    pid, wb = _bind_one(seeded_store)
    sim = printer_sim("--no-preview")
    key = Printer(sim.url).url.key
    run, _ = writer.call(enqueue_parcel, pid, key, "P1")
    assert writer.call(hold_jobs, "缺纸", "out of paper", run_ids=[run]) == 1
    shown = json.loads(run_cli(seeded_store.data_dir, "print", "held", "--format", "json").stdout)
    assert [(r["waybill"], r["held_zh"]) for r in shown] == [(wb, "缺纸")]
    q = PrintQueue(writer, Printer(sim.url), poll_interval=0.1).start()
    try:
        assert wait_for(q.idle.is_set, 30)
        assert sim.printed_waybills() == []  # held: not printed by the running worker
        out = run_cli(seeded_store.data_dir, "print", "release", wb, "--printer", sim.url)
        assert json.loads(out.stdout)["count"] == 1
        assert wait_for(lambda: sim.printed_waybills() == [wb], 60)
        again = run_cli(seeded_store.data_dir, "print", "release", "--all", "--printer", sim.url)
        assert json.loads(again.stdout)["count"] == 0
        assert wait_for(q.idle.is_set, 30)
    finally:
        q.stop()
    assert sim.printed_waybills() == [wb]
    assert (
        json.loads(run_cli(seeded_store.data_dir, "print", "held", "--format", "json").stdout) == []
    )
