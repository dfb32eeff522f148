"""The station's sync thread: push the outbox, pull reference data, survive any outage.

Exactly once: events go in seq order after the last seq the hub acknowledged; the hub dedups
by uuid and acknowledges only what it committed, and the station stores that ack before it
moves on. A lost answer just means the same batch is sent again and counted as duplicates.
The pull cursor is stored in the same transaction as the rows it applies.

All station DB writes go through the `StoreWriter`; reading events uses a separate read
connection on the sync thread. Status goes out through plain callbacks (the UI wraps them in
a Qt signal); callbacks run on the sync thread and must not touch widgets.
"""

from __future__ import annotations

import json
import logging
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import warehouse_app.sync.state as state  # the module, not the package (no init cycle)
from warehouse_app import outbox, settings
from warehouse_app.clock import iso, parse_iso, utcnow
from warehouse_app.errors import StationError
from warehouse_app.outbox import last_seq
from warehouse_app.store.db import Store
from warehouse_app.store.tx import transaction
from warehouse_app.store.writer import StoreWriter
from warehouse_app.sync.client import AckConflict, HubClient, SyncError

logger = logging.getLogger(__name__)

# a station's wait for one hub answer (the hub queues a burst and refuses beyond its queue)
REQUEST_TIMEOUT_S = 15.0


@dataclass(frozen=True)
class SyncStatus:
    """One snapshot for the status bar and `sync status`."""

    configured: bool
    online: bool
    syncing: bool
    hub_url: str | None
    pending_events: int
    acked_seq: int
    last_seq: int
    last_push_at: str | None
    last_pull_at: str | None
    last_ok_at: str | None
    last_error_en: str | None
    last_error_zh: str | None
    next_retry_in_s: float | None
    clock_offset_s: float | None  # hub clock minus station clock, from the last exchange
    checked_at: str
    # when the hub divides the work: the newest lease grant and the soonest expiry it holds
    lease_granted_at: str | None = None
    lease_expires_at: str | None = None

    def last_pull_age_s(self, now: datetime | None = None) -> float | None:
        """Seconds since the last successful pull (station clock)."""
        if not self.last_pull_at:
            return None
        return ((now or utcnow()) - parse_iso(self.last_pull_at)).total_seconds()

    def lease_age_s(self, now: datetime | None = None) -> float | None:
        """Seconds since the hub last granted or renewed this station's lease (None: no lease)."""
        if not self.lease_granted_at:
            return None
        return ((now or utcnow()) - parse_iso(self.lease_granted_at)).total_seconds()

    def lease_expired(self, now: datetime | None = None) -> bool:
        return bool(self.lease_expires_at) and parse_iso(str(self.lease_expires_at)) <= (
            now or utcnow()
        )

    def last_error(self, lang: str = "zh") -> str | None:
        return self.last_error_zh if lang.startswith("zh") else self.last_error_en

    def to_dict(self) -> dict[str, Any]:
        d = dict(self.__dict__)
        d["last_pull_age_s"] = self.last_pull_age_s()
        d["lease_age_s"] = self.lease_age_s()
        return d


@dataclass
class SyncResult:
    pushed: int = 0
    duplicates: int = 0
    pulled: int = 0
    acked_seq: int = 0
    pending_events: int = 0
    resynced: bool = False  # the hub was restored (new epoch): everything was pulled again
    busy_waits: int = 0  # 429s honoured (hub back-pressure), not failures


StatusCallback = Callable[[SyncStatus], None]


def apply_changes(
    conn: sqlite3.Connection,
    changes: list[dict[str, Any]],
    cursor: int,
    at: str,
    epoch: str | None = None,
    reset: bool = False,
) -> int:
    """Apply one pulled page and its cursor (and the hub's epoch) in one transaction (writer
    thread). `reset`: the hub was restored and this page starts its feed from 0 again."""
    from warehouse_app import batches, catalog, multistation, orders

    appliers: dict[str, Callable[[sqlite3.Connection, list[dict[str, Any]]], Any]] = {
        "order": orders.apply_orders,
        "sku": catalog.upsert_skus,
        "carrier": catalog.upsert_carriers,
        "batch_plan": batches.upsert_batch_plans,
        "session": catalog.upsert_sessions,
        "setting": _apply_settings,
        # the hub's work division (warehouse_app.multistation): each keeps what is ours
        "lease": multistation.apply_leases,
        "hold": multistation.apply_holds,
        "transfer": multistation.apply_transfers,
        "conflict": multistation.apply_conflicts,
        "station_state": multistation.apply_station_states,
    }
    with transaction(conn):
        current = int(conn.execute("SELECT pull_cursor FROM sync_state WHERE id=1").fetchone()[0])
        if reset:
            current = -1  # everything on this page applies, the cursor starts over
            conn.execute("UPDATE sync_state SET last_resync_at=? WHERE id=1", (at,))
        if epoch:
            conn.execute("UPDATE sync_state SET hub_epoch=? WHERE id=1", (epoch,))
        if cursor <= current:
            return 0  # already applied (a concurrent sync_once got there first)
        todo = [c for c in changes if int(c["rev"]) > current]
        for kind, rows in _runs(todo):
            fn = appliers.get(kind)
            if fn is None:
                logger.warning(
                    "skipping %d pulled rows of unknown kind %r (newer hub?)", len(rows), kind
                )
                continue
            try:
                fn(conn, rows)
            except (
                KeyError,
                TypeError,
                ValueError,
                AttributeError,
                OverflowError,
                sqlite3.IntegrityError,
                sqlite3.InterfaceError,
                sqlite3.ProgrammingError,
                StationError,
            ) as exc:  # bad upstream data, not a station database fault
                logger.error("pulled %s rows could not be applied: %r", kind, exc)
                raise SyncError(
                    f"The hub sent {kind} data this station cannot apply ({exc!r}); "
                    "nothing was changed. Tell IT.",
                    zh=f"上游下发的{kind}数据无法应用（{exc!r}），本站未做任何更改，请联系 IT。",
                ) from exc
        conn.execute("UPDATE sync_state SET pull_cursor=?, last_pull_at=? WHERE id=1", (cursor, at))
        return len(todo)


def _apply_settings(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> int:
    from warehouse_app.station import set_setting

    for r in rows:
        set_setting(conn, str(r["key"]), r.get("value"))
    return len(rows)


def read_batch(conn: sqlite3.Connection, after_seq: int, limit: int) -> list[sqlite3.Row]:
    """Raw outbox rows; payload stays the JSON text append_event wrote."""
    return conn.execute(
        "SELECT seq, uuid, station_id, type, payload, operator, created_at FROM events "
        "WHERE seq > ? ORDER BY seq LIMIT ?",
        (after_seq, limit),
    ).fetchall()


def outbox_body(station_id: str, after_seq: int, rows: list[sqlite3.Row]) -> bytes:
    """The push request, built event by event with the stored payload text spliced in.

    Why not json.dumps of the whole batch: that re-parses every payload and then holds the GIL
    for one long encode, which shows up as scan latency on the writer thread during catch-up.
    """
    dumps = json.dumps
    parts = [
        '{"seq":%d,"uuid":%s,"station_id":%s,"type":%s,"payload":%s,"operator":%s,"created_at":%s}'  # noqa: UP031
        % (
            r["seq"],
            dumps(r["uuid"]),
            dumps(r["station_id"]),
            dumps(r["type"]),
            r["payload"],
            dumps(r["operator"]),
            dumps(r["created_at"]),
        )
        for r in rows
    ]
    head = (
        '{"station_id":' + dumps(station_id) + ',"after_seq":' + str(int(after_seq)) + ',"events":['
    )
    return (head + ",".join(parts) + "]}").encode("utf-8")


def _runs(changes: Iterable[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Consecutive same-kind runs in rev order, so an order and its cancellation stay ordered."""
    out: list[tuple[str, list[dict[str, Any]]]] = []
    for c in changes:
        if out and out[-1][0] == c["kind"]:
            out[-1][1].append(c["data"])
        else:
            out.append((c["kind"], [c["data"]]))
    return out


class SyncService:
    """Owns the sync thread.

    UI: `svc = SyncService(store, writer)`, `svc.on_status(cb)` (cb runs on the sync thread: emit
    a Qt signal from it, touch no widget), `svc.start()`, `svc.nudge()` for "sync now",
    `svc.stop()` on quit (joins; waits at most one in-flight request, <= timeout_s).
    `sync_once()` blocks: for the CLI and tests, never the Qt thread.
    """

    def __init__(
        self,
        store: Store,
        writer: StoreWriter,
        *,
        batch_size: int = 500,
        pull_limit: int = 1000,
        interval_s: float = 10.0,
        backoff_base_s: float = 1.0,
        backoff_max_s: float = 60.0,
        timeout_s: float = REQUEST_TIMEOUT_S,
        connect_timeout_s: float = 3.0,
        clock: Callable[[], datetime] = utcnow,
        refresh_s: float = 2.0,
        apply_chunk: int = 100,
        busy_patience_s: float = 600.0,
    ) -> None:
        self.busy_patience_s = busy_patience_s
        self.store = store
        self._clock = clock
        self.writer = writer
        self.batch_size = batch_size
        self.pull_limit = pull_limit
        self.interval_s = interval_s
        self.backoff_base_s = backoff_base_s
        self.backoff_max_s = backoff_max_s
        self.timeout_s = timeout_s
        self.connect_timeout_s = connect_timeout_s
        self.refresh_s = refresh_s
        self.apply_chunk = apply_chunk
        self._callbacks: list[StatusCallback] = []
        self._run_lock = threading.Lock()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._failures = 0
        self._syncing = False
        self._next_retry: float | None = None
        self._status = read_status(store, clock=clock)  # online as of the last recorded attempt
        self._online = self._status.online

    # -- public API -------------------------------------------------------------------------
    def on_status(self, callback: StatusCallback) -> None:
        """Call `callback(SyncStatus)` from the sync thread whenever the status changes."""
        self._callbacks.append(callback)

    @property
    def status(self) -> SyncStatus:
        return self._status

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="sync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float | None = None) -> None:
        """Ask the thread to finish its current request and join it."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self.close_client()

    def nudge(self) -> None:
        """Sync now instead of waiting for the interval or the backoff (e.g. 'sync now' button)."""
        self._wake.set()

    def sync_once(self) -> SyncResult:
        """Push everything pending, pull everything new, push what the pull produced.

        Raises SyncError (zh + en) when the hub can't be reached or answers nonsense; what was
        acknowledged or applied before the failure stays done.
        """
        with self._run_lock:
            self._syncing = True
            self._emit()
            conn = self.store.connect(readonly=True)
            try:
                try:
                    result = self._sync(conn)
                except SyncError as exc:
                    self._online = False
                    logger.warning("sync failed: %s", exc)
                    self._write(state.record_error, iso(self._clock()), str(exc), exc.zh)
                    raise
                except sqlite3.Error as exc:
                    self._online = False
                    logger.exception("sync failed on the station database")
                    err = SyncError(
                        f"Sync stopped on a station database error: {exc}",
                        zh=f"同步因本地数据库错误中断：{exc}",
                    )
                    self._write(state.record_error, iso(self._clock()), str(err), err.zh)
                    raise err from exc
                self._online = True
                return result
            finally:
                self._syncing = False
                conn.close()
                self._emit()

    # -- internals --------------------------------------------------------------------------
    def _stopping(self) -> bool:
        """Only the sync thread cuts a run short on stop(); a CLI/UI sync_once() always finishes."""
        return self._stop.is_set() and threading.current_thread() is self._thread

    def _write(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.writer.submit(fn, *args).result()

    def _client(self, conn: sqlite3.Connection) -> tuple[HubClient, str]:
        cfg = state.load_config(conn)
        if cfg is None:
            raise SyncError(
                "Sync is not configured: run `warehouse-station sync configure --hub-url URL "
                "--token-file FILE`.",
                zh="尚未配置同步：请运行 "
                "`warehouse-station sync configure --hub-url 地址 --token-file 令牌文件`。",
                retry=False,
            )
        if not cfg.token:
            raise SyncError(
                "The hub token is missing from the OS keyring / token file: run `warehouse-station "
                "sync configure` again.",
                zh="在系统钥匙串/令牌文件中找不到上游令牌：请重新运行 `warehouse-station sync configure`。",
                retry=False,
            )
        sid = self.store.station_id(conn)
        if not sid:
            raise SyncError(
                "This station has no id yet: run `warehouse-station init --station-id ID`.",
                zh="本站尚未初始化站点编号：请运行 `warehouse-station init --station-id ID`。",
                retry=False,
            )
        # one keep-alive connection for the life of the service (a new TLS handshake every
        # cycle from 200 stations is a storm of its own); a new one when the config changes
        key = (cfg.hub_url, cfg.token, cfg.ca_file, self.timeout_s, self.connect_timeout_s)
        if self._http is None or self._http_key != key:
            self.close_client()
            self._http = HubClient(
                cfg.hub_url,
                cfg.token,
                ca_file=cfg.ca_file,
                timeout_s=self.timeout_s,
                connect_timeout_s=self.connect_timeout_s,
                busy_patience_s=self.busy_patience_s,
                wait=self._busy_wait,
            )
            self._http_key = key
        return self._http, sid

    _http: HubClient | None = None
    _http_key: Any = None

    def close_client(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    def _busy_wait(self, seconds: float) -> bool:
        """Wait out a 429; the sync thread stops waiting when stop() is called."""
        if threading.current_thread() is self._thread:
            return not self._stop.wait(seconds)
        time.sleep(seconds)
        return True

    def _sync(self, conn: sqlite3.Connection) -> SyncResult:
        client, sid = self._client(conn)
        result = SyncResult()
        busy_before = client.busy_waits
        try:
            self._push_all(conn, client, sid, result)
            self._pull_all(conn, client, result)
            self._push_all(conn, client, sid, result)  # intercept events the pull just produced
            self._write(state.record_ok, iso(self._clock()), self._offset)
            self._compact(conn)
        except SyncError:
            self.close_client()  # a broken connection is not reused
            raise
        finally:
            result.busy_waits = client.busy_waits - busy_before
        st = state.read_state(conn)
        result.acked_seq = int(st["acked_seq"])
        result.pending_events = state.pending_count(conn, result.acked_seq)
        return result

    _offset: float | None = None
    _compacted_at: float | None = None
    compact_every_s: float = 3600.0

    def _compact(self, conn: sqlite3.Connection) -> None:
        """At most hourly, after a good sync: shed acknowledged events older than the retention
        window (setting sync.outbox_retention_days), a chunk per writer turn."""
        now = time.monotonic()
        if self._compacted_at is not None and now - self._compacted_at < self.compact_every_s:
            return
        self._compacted_at = now
        try:
            cutoff = outbox.compact_cutoff(
                self._clock(), int(settings.get(conn, "sync.outbox_retention_days"))
            )
            total = 0
            while cutoff is not None and not self._stopping():
                n = int(self._write(outbox.compact_chunk, cutoff))
                total += n
                if n < outbox.COMPACT_CHUNK:
                    break
        except sqlite3.Error:  # never fails a sync: the events just stay a while longer
            logger.exception("outbox compaction failed")
            return
        if total:
            logger.info("outbox: %d acknowledged events older than %s removed", total, cutoff)

    def _note_server_time(self, data: dict[str, Any]) -> None:
        try:
            self._offset = (parse_iso(str(data["server_time"])) - self._clock()).total_seconds()
        except (KeyError, ValueError):
            pass

    def _push_all(
        self, conn: sqlite3.Connection, client: HubClient, sid: str, result: SyncResult
    ) -> None:
        # what is in the outbox now, not what a busy packer adds meanwhile: a station scanning
        # faster than one push takes would otherwise push for ever and never pull (no lease
        # renewal, no holds); later events go with the next push step
        upto = last_seq(conn)
        while not self._stopping():
            acked = int(state.read_state(conn)["acked_seq"])
            if acked >= upto:
                return
            batch = read_batch(conn, acked, self.batch_size)
            if not batch:
                return
            if int(batch[0]["seq"]) != acked + 1:
                # compacted after the hub acknowledged them, and the hub no longer has them
                # (restored from a backup older than the retention window)
                first = int(batch[0]["seq"])
                raise SyncError(
                    f"The hub wants events from seq {acked + 1}, but this station removed events "
                    f"up to {first - 1} after the hub had acknowledged them. On the hub run "
                    f"`warehouse-hub station reset-seq {sid} --to {first - 1}`.",
                    zh=f"上游要求从序号 {acked + 1} 重传，但本站已在上游确认后清理了 {first - 1} "
                    f"及之前的事件。请在上游运行 `warehouse-hub station reset-seq {sid} "
                    f"--to {first - 1}`。",
                )
            try:
                data = client.push_raw(outbox_body(sid, acked, batch))
            except AckConflict as exc:
                if exc.acked_seq >= acked:
                    # uploads refused (not offline): e.g. a new PC under an old station id
                    raise SyncError(
                        f"The hub rejected the event stream (uploads refused): {exc}",
                        zh="上游拒绝了事件流，本站上传被拒（序号冲突）。若这是接替旧站点的新电脑，"
                        f"请在上游运行 `warehouse-hub station replace 站点编号`；否则请联系 IT。{exc}",
                    ) from exc
                logger.warning(
                    "hub holds events only up to %d (station thought %d): re-sending",
                    exc.acked_seq,
                    acked,
                )
                self._write(state.rewind_ack, exc.acked_seq)
                continue
            hub_ack = data.get("acked_seq")
            top = batch[-1]["seq"]
            if (
                not isinstance(hub_ack, int)
                or isinstance(hub_ack, bool)
                or not acked <= hub_ack <= max(top, last_seq(conn))
            ):
                raise SyncError(
                    f"The hub acknowledged seq {hub_ack!r} for a batch {acked + 1}..{top}; "
                    "not trusting it.",
                    zh="上游的确认序号不合理，本站不采信，稍后重试。",
                )
            self._note_server_time(data)
            self._write(state.save_ack, hub_ack, iso(self._clock()))
            result.pushed += int(data.get("stored") or 0)
            result.duplicates += int(data.get("duplicates") or 0)
            self._online = True
            self._emit()
            if hub_ack < top:
                raise SyncError(
                    f"The hub stored only up to seq {hub_ack} of {top}.",
                    zh="上游只保存了部分事件，稍后重试。",
                )

    def _pull_all(self, conn: sqlite3.Connection, client: HubClient, result: SyncResult) -> None:
        while not self._stopping():
            st = state.read_state(conn)
            since = int(st["pull_cursor"])
            data = client.changes(since, self.pull_limit, st.get("hub_epoch") or None)
            changes, cursor = data.get("changes"), data.get("cursor")
            reset = data.get("reset") is True  # hub restored (new epoch): its feed from 0
            epoch = data.get("epoch") if isinstance(data.get("epoch"), str) else None
            base = 0 if reset else since
            if (
                not isinstance(changes, list)
                or not isinstance(cursor, int)
                or cursor < base
                or (changes and cursor <= base)
                or not all(
                    isinstance(c, dict)
                    and isinstance(c.get("rev"), int)
                    and isinstance(c.get("kind"), str)
                    and isinstance(c.get("data"), dict)
                    for c in changes
                )
            ):
                raise SyncError(
                    "The hub sent a malformed change list; nothing applied.",
                    zh="上游下发的数据格式错误，未应用任何更改。",
                )
            self._note_server_time(data)
            if reset:
                logger.warning(
                    "上游已从备份恢复（新纪元 %s），本站重新全量下载 / the hub was restored from a "
                    "backup (new epoch %s): this station pulls everything again (cursor was %d)",
                    epoch,
                    epoch,
                    since,
                )
                result.resynced = True
            at = iso(self._clock())
            if changes or reset:
                # small writer transactions, each with its own cursor, so a big pull never
                # holds the writer (and the packer's next scan) for long
                step = self.apply_chunk
                for i in range(0, max(1, len(changes)), step):
                    part = changes[i : i + step]
                    upto = cursor if i + step >= len(changes) else int(part[-1]["rev"])
                    result.pulled += self._write(
                        apply_changes, part, upto, at, epoch, reset and i == 0
                    )
            else:
                self._write(_touch_pull, at, epoch)
            self._online = True
            self._emit()
            if not data.get("more") or not changes:
                return

    def _loop(self) -> None:
        logger.info("sync thread started")
        while not self._stop.is_set():
            self._next_retry = None
            try:
                self.sync_once()
                self._failures = 0
                wait = self.interval_s
            except SyncError as exc:
                self._failures += 1
                wait = min(
                    self.backoff_max_s, self.backoff_base_s * 2 ** min(self._failures - 1, 16)
                )
                wait *= random.uniform(0.8, 1.2)
                if not exc.retry:
                    wait = max(wait, self.interval_s)
            except Exception:  # never let the sync thread die silently
                logger.exception("unexpected error in the sync thread")
                self._failures += 1
                wait = self.backoff_max_s
            if self._stop.is_set():
                break
            self._next_retry = wait
            self._emit()
            self._idle(wait, retry=self._failures > 0)
        logger.info("sync thread stopped")

    def _idle(self, wait: float, *, retry: bool) -> None:
        """Wait for the next run, refreshing the status so 'events waiting' stays current;
        while online, new events end the wait early (pushed within ~refresh_s)."""
        deadline = time.monotonic() + wait
        while not self._stop.is_set():
            left = deadline - time.monotonic()
            if left <= 0 or self._wake.wait(min(left, self.refresh_s)):
                break
            before = self._status.pending_events
            self._emit()
            if not retry and self._status.pending_events > before:
                break
        self._wake.clear()

    def _snapshot(self) -> SyncStatus:
        try:
            return read_status(
                self.store,
                online=self._online,
                syncing=self._syncing,
                next_retry_in_s=self._next_retry,
                clock=self._clock,
            )
        except Exception:
            logger.exception("could not read the sync status")
            return replace(self._status, online=self._online, syncing=self._syncing)

    def _emit(self) -> None:
        self._status = self._snapshot()
        for cb in list(self._callbacks):
            try:
                cb(self._status)
            except Exception:
                logger.exception("sync status callback failed")


def _touch_pull(conn: sqlite3.Connection, at: str, epoch: str | None = None) -> None:
    with transaction(conn):
        conn.execute("UPDATE sync_state SET last_pull_at=? WHERE id=1", (at,))
        if epoch:
            conn.execute("UPDATE sync_state SET hub_epoch=? WHERE id=1", (epoch,))


def read_status(
    store: Store,
    *,
    online: bool | None = None,
    syncing: bool = False,
    next_retry_in_s: float | None = None,
    clock: Callable[[], datetime] = utcnow,
) -> SyncStatus:
    """Status from the DB; `online` None means judge it from the last recorded attempt
    (for `sync status` in another process than the app)."""
    conn = store.connect(readonly=True)
    try:
        st = state.read_state(conn)
        cfg = state.load_config(conn)
        acked = int(st.get("acked_seq") or 0)
        ok, err = st.get("last_ok_at"), st.get("last_error_at")
        if online is None:
            online = bool(ok) and (not err or ok >= err)
        lease = conn.execute("SELECT max(granted_at), min(expires_at) FROM leases").fetchone()
        return SyncStatus(
            configured=cfg is not None,
            online=online,
            syncing=syncing,
            hub_url=cfg.hub_url if cfg else None,
            pending_events=state.pending_count(conn, acked),
            acked_seq=acked,
            last_seq=last_seq(conn),
            last_push_at=st.get("last_push_at"),
            last_pull_at=st.get("last_pull_at"),
            last_ok_at=ok,
            last_error_en=None if online else st.get("last_error_en"),
            last_error_zh=None if online else st.get("last_error_zh"),
            next_retry_in_s=next_retry_in_s,
            clock_offset_s=st.get("hub_time_offset_s"),
            checked_at=iso(clock()),
            lease_granted_at=lease[0],
            lease_expires_at=lease[1],
        )
    finally:
        conn.close()


__all__ = ["SyncError", "SyncResult", "SyncService", "SyncStatus", "apply_changes", "read_status"]
