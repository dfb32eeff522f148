"""Background operations and the app context passed to every screen (Anki `CollectionOp` style).

Why: the UI thread must never wait on SQLite, a printer, a serial port or the network (a 100 ms
stall is a bug). Work runs on one of two executors and its result comes back to the UI thread
through a queued Qt signal, where the callbacks may touch widgets.

API (stable; the promo screens in ``ui/promo/`` use it):

``AppContext`` (one per window, created by ``ui.app``):
    ``ctx.store``       warehouse_app.store.Store - the station DB file
    ``ctx.writer``      warehouse_app.store.writer.StoreWriter - the ONE writer thread
    ``ctx.data_dir``    Path of the station data folder
    ``ctx.settings``    ``StationSettings`` - typed per-station settings (cached; ``ctx.save_setting``)
    ``ctx.devices``     ``ui.devices.DeviceHub`` or None - Qt signals for scanner/printer/scale
    ``ctx.sync``        ``warehouse_app.sync.SyncService`` or None
    ``ctx.lang``        "zh" or "en" (message language of core texts)
    ``ctx.tz``          tzinfo of the station zone (``settings.timezone``); ``ctx.local_time(stamp)``
                        formats a stored UTC stamp for people
    ``ctx.carrier_label(code)``  the carrier's display name in the current language (中通快递 / ZTO
                        Express), from ``warehouse_app.catalog.carrier_name``; the code if unknown
    ``ctx.operator``    dict(code, name, role) of who is logged in, or None
    ``ctx.lead``        dict of the lead who unlocked the lead area with a PIN, or None
    ``ctx.events``      ``ContextEvents`` QObject: ``data_changed(str)`` (a hint such as "batch",
                        "handoff", "scan", "settings"), ``error_raised(str, str)`` (zh, en),
                        ``operator_changed(object)``, ``language_changed(str)``

Running work (call from the UI thread only; never touch widgets inside ``fn``):
    ``run_on_writer(ctx, fn, *args, on_success=cb, on_failure=cb, parent=widget)``
        ``fn(conn, *args)`` on the writer thread (all writes). Returns the Future.
    ``run_read(ctx, fn, *args, on_success=..., on_failure=..., parent=...)``
        ``fn(conn, *args)`` with a read-only connection on the background pool (reports).
    ``run_in_background(fn, on_success=None, on_failure=None, *, ctx=None, parent=None)``
        ``fn()`` on the background pool (network, rendering, device I/O).
    ``WriteOp(parent, ctx, fn, *args).success(cb).failure(cb).run()`` - the same as a builder.

``call_in_ui(thunk)`` runs ``thunk()`` on the UI thread from any thread (wrap plain device/sync
callbacks with it, or emit a Qt signal: ``ui.qtcompat.emit(sig, ...)``). After ``ctx.close()``
(window closing) the run_* helpers return an already-cancelled Future and do nothing.

``on_success(result)`` and ``on_failure(exc)`` run on the UI thread. If ``parent`` (a QObject)
has been deleted by then they are skipped. Without ``on_failure`` a failure is logged and, for a
StationError, its zh/en text is emitted on ``ctx.events.error_raised`` (the window shows it in
its message bar) - never a modal box, so a scanning packer is never blocked.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, fields
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from shiboken6 import isValid

from ui.qtcompat import emit
from warehouse_app import localtime
from warehouse_app.errors import StationError
from warehouse_app.store import Store
from warehouse_app.store.writer import StoreWriter

if TYPE_CHECKING:
    from warehouse_app.sync import SyncService

logger = logging.getLogger(__name__)

Callback = Callable[[Any], None]


class _Bridge(QObject):
    """Lives on the UI thread; worker threads emit `delivered` and Qt queues the call over."""

    delivered = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.delivered.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _run(self, thunk: Callable[[], None]) -> None:
        try:
            thunk()
        except Exception:  # a callback bug must not kill the event loop
            logger.exception("UI callback failed")


_bridge: _Bridge | None = None


def _get_bridge() -> _Bridge:
    global _bridge
    if _bridge is None or not isValid(_bridge):
        app = QCoreApplication.instance()
        assert app is not None, "create the QApplication before running operations"
        _bridge = _Bridge()
        _bridge.moveToThread(app.thread())
    return _bridge


def call_in_ui(thunk: Callable[[], None]) -> None:
    """Run `thunk()` on the UI thread soon (safe from any thread). Used to wrap device callbacks."""
    emit(_get_bridge().delivered, thunk)


class ContextEvents(QObject):
    """App-wide notifications; screens connect to refresh themselves."""

    data_changed = Signal(str)
    error_raised = Signal(str, str)  # zh, en
    operator_changed = Signal(object)
    language_changed = Signal(str)


@dataclass
class StationSettings:
    """The window's view of the settings registry (warehouse_app.settings): one typed field per
    registry key (FIELD_KEYS), loaded and saved through the registry."""

    language: str = "zh"
    scanner_kind: str = "wedge"  # serial | wedge
    scanner_port: str = ""
    scanner_baud: int = 9600
    printer_url: str = ""  # tcp://host:9100, serial:///dev/ttyUSB0, file:///path, cups://queue
    label_format: str = "zpl"  # zpl | tspl | pdf
    label_size: str = "76x130"
    scale_port: str = ""
    scale_baud: int = 9600
    use_scale_in_verify: bool = False
    sounds: bool = True
    voice: bool = False  # spoken verdicts where the OS has a voice for the language (tones else)
    voice_engine: str = ""  # QtTextToSpeech engine; "" = the OS default
    verdict_fade_s: float = 6.0  # a verdict turns neutral after this long (0 = never)
    kiosk: bool = False  # full screen, no window frame (a dedicated packing PC)
    timezone: str = ""  # IANA name people read times in; "" = the PC's own zone (storage stays UTC)

    @classmethod
    def load(cls, conn: sqlite3.Connection, operator: str | None = None) -> StationSettings:
        """From the settings registry (warehouse_app.settings): typed, defaults, validated; user
        settings as `operator` has them (the registry decides which value wins)."""
        from warehouse_app import settings as registry

        s = cls()
        for f in fields(cls):
            setattr(s, f.name, registry.get(conn, FIELD_KEYS[f.name], operator))
        return s

    def save(self, conn: sqlite3.Connection, operator: str | None = None) -> None:
        """Write every field through the registry (validated; one transaction; writer thread);
        user settings for `operator` when one is logged in."""
        from warehouse_app import settings as registry

        registry.set_values(conn, {FIELD_KEYS[k]: v for k, v in asdict(self).items()}, operator)

    def update(self, typed: dict[str, Any]) -> None:
        """Take registry values (key -> typed value) into the matching fields."""
        by_key = {v: k for k, v in FIELD_KEYS.items()}
        for key, value in typed.items():
            if key in by_key:
                setattr(self, by_key[key], value)


# StationSettings field -> settings registry key (warehouse_app.settings)
FIELD_KEYS: dict[str, str] = {
    "language": "language",
    "scanner_kind": "scanner.kind",
    "scanner_port": "scanner.port",
    "scanner_baud": "scanner.baud",
    "printer_url": "printer.url",
    "label_format": "printer.label_format",
    "label_size": "printer.label_size",
    "scale_port": "scale.port",
    "scale_baud": "scale.baud",
    "use_scale_in_verify": "scale.use_in_verify",
    "sounds": "sound.enabled",
    "voice": "voice.enabled",
    "voice_engine": "voice.engine",
    "verdict_fade_s": "verdict.fade_s",
    "kiosk": "window.kiosk",
    "timezone": "timezone",
}


def load_carrier_names(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """code -> (zh, en) display names through the core's carrier_name (one small table)."""
    from warehouse_app.catalog import carrier_names

    return carrier_names(conn)


class AppContext:
    """Everything a screen needs, passed explicitly instead of globals."""

    def __init__(
        self,
        store: Store,
        writer: StoreWriter,
        data_dir: Path,
        *,
        settings: StationSettings | None = None,
        devices: Any = None,
        sync: SyncService | None = None,
        pool_workers: int = 2,
    ) -> None:
        self.store = store
        self.writer = writer
        self.data_dir = Path(data_dir)
        self.settings = settings or StationSettings()
        self.devices = devices
        self.sync = sync
        self.operator: dict[str, Any] | None = None
        # registry keys whose value this run set in memory, not from the DB (the demo's
        # simulators, --lang): the settings page shows these as running, the rest as stored
        self.overrides: set[str] = set()
        self.lead: dict[str, Any] | None = None
        self.events = ContextEvents()
        self.pool = ThreadPoolExecutor(max_workers=pool_workers, thread_name_prefix="ui-bg")
        self._local = threading.local()
        self._read_conns: list[sqlite3.Connection] = []
        self._conns_lock = threading.Lock()
        self._closed = False
        self.carriers: dict[str, tuple[str, str]] = {}  # code -> (zh, en) display names
        self._tz: tuple[str, tzinfo] | None = None
        _get_bridge()  # create the bridge on the UI thread, before any worker needs it

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def lang(self) -> str:
        return self.settings.language

    def read_conn(self) -> sqlite3.Connection:
        """A read-only connection for the calling pool thread (opened once per thread)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self.store.connect(readonly=True)
            self._local.conn = conn
            with self._conns_lock:
                self._read_conns.append(conn)
        return conn

    def text(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en

    @property
    def tz(self) -> tzinfo:
        """The station zone, re-resolved only when the setting changes."""
        name = self.settings.timezone
        if self._tz is None or self._tz[0] != name:
            self._tz = (name, localtime.zone(name))
        return self._tz[1]

    def local_time(self, stamp: Any, fmt: str = "%m-%d %H:%M:%S") -> str:
        """A stored UTC stamp as the station's local clock reading."""
        return localtime.fmt_local(stamp, self.tz, fmt)

    def zone_label(self) -> str:
        return localtime.zone_name(self.tz)

    def carrier_label(self, code: str | None) -> str:
        """What a person reads for a carrier: its name in the current language, else the code."""
        if not code:
            return "-"
        names = self.carriers.get(code)
        if names is None:
            return code
        return names[0] if self.lang == "zh" else names[1]

    def load_carriers(self, conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
        """Fill the carrier-name cache (any thread: a dict swap is atomic). Returns it."""
        self.carriers = load_carrier_names(conn)
        return self.carriers

    def save_setting(self, **changes: Any) -> Future[None]:
        """Update settings in memory now and persist them on the writer thread."""
        for k, v in changes.items():
            if not hasattr(self.settings, k):
                raise AttributeError(f"unknown setting {k}")
            setattr(self.settings, k, v)
        snapshot = StationSettings(**asdict(self.settings))
        op = self.operator_code
        return run_on_writer(self, lambda conn: snapshot.save(conn, op))

    @property
    def operator_code(self) -> str | None:
        """The operator logged in at the station: whose user settings are read and saved."""
        return str(self.operator["code"]) if self.operator else None

    def close(self) -> None:
        """Stop background work and close the read connections (the writer is closed by its owner)."""
        if self._closed:
            return
        self._closed = True
        self.pool.shutdown(wait=True, cancel_futures=True)
        with self._conns_lock:
            for c in self._read_conns:
                try:
                    c.close()
                except sqlite3.Error:
                    pass
            self._read_conns.clear()


def _deliver(
    fut: Future[Any],
    on_success: Callback | None,
    on_failure: Callback | None,
    ctx: AppContext | None,
    parent: QObject | None,
    what: str,
) -> None:
    def thunk() -> None:
        if parent is not None and not isValid(parent):
            return
        exc = fut.exception() if not fut.cancelled() else None
        if fut.cancelled():
            return
        if exc is None:
            if on_success is not None:
                on_success(fut.result())
            return
        if on_failure is not None:
            on_failure(exc)
            return
        report_error(ctx, exc, what)

    fut.add_done_callback(lambda _f: call_in_ui(thunk))


def report_error(ctx: AppContext | None, exc: BaseException, what: str = "operation") -> None:
    """Default failure path: log it, and show StationError text in the window's message bar."""
    if isinstance(exc, StationError):
        logger.warning("%s failed: %s", what, exc)
        zh, en = exc.zh, str(exc)
    else:
        logger.error("%s failed", what, exc_info=exc)
        zh, en = f"操作失败：{exc}", f"Operation failed: {exc}"
    if ctx is not None and isValid(ctx.events):
        emit(ctx.events.error_raised, zh, en)


def run_on_writer(
    ctx: AppContext,
    fn: Callable[..., Any],
    *args: Any,
    on_success: Callback | None = None,
    on_failure: Callback | None = None,
    parent: QObject | None = None,
) -> Future[Any]:
    """`fn(conn, *args)` on the writer thread; callbacks on the UI thread."""
    if ctx.closed:
        return _cancelled()
    try:
        fut = ctx.writer.submit(fn, *args)
    except RuntimeError:  # writer already shut down (window closing)
        return _cancelled()
    _deliver(fut, on_success, on_failure, ctx, parent, getattr(fn, "__name__", "write"))
    return fut


def run_read(
    ctx: AppContext,
    fn: Callable[..., Any],
    *args: Any,
    on_success: Callback | None = None,
    on_failure: Callback | None = None,
    parent: QObject | None = None,
) -> Future[Any]:
    """`fn(read_only_conn, *args)` on the background pool; for reports and lists."""
    if ctx.closed:
        return _cancelled()
    fut = ctx.pool.submit(lambda: fn(ctx.read_conn(), *args))
    _deliver(fut, on_success, on_failure, ctx, parent, getattr(fn, "__name__", "read"))
    return fut


def run_in_background(
    fn: Callable[[], Any],
    on_success: Callback | None = None,
    on_failure: Callback | None = None,
    *,
    ctx: AppContext | None = None,
    parent: QObject | None = None,
) -> Future[Any]:
    """`fn()` on the background pool (the context's, else a shared one)."""
    if ctx is not None and ctx.closed:
        return _cancelled()
    pool = ctx.pool if ctx is not None else _shared_pool()
    fut = pool.submit(fn)
    _deliver(fut, on_success, on_failure, ctx, parent, getattr(fn, "__name__", "background"))
    return fut


_pool: ThreadPoolExecutor | None = None


def _cancelled() -> Future[Any]:
    f: Future[Any] = Future()
    f.cancel()
    return f


def _shared_pool() -> ThreadPoolExecutor:
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="ui-shared")
    return _pool


class WriteOp:
    """Builder form: ``WriteOp(parent, ctx, fn, *args).success(cb).failure(cb).run()``."""

    def __init__(
        self, parent: QObject | None, ctx: AppContext, fn: Callable[..., Any], *args: Any
    ) -> None:
        self._parent, self._ctx, self._fn, self._args = parent, ctx, fn, args
        self._ok: Callback | None = None
        self._fail: Callback | None = None

    def success(self, cb: Callback) -> WriteOp:
        self._ok = cb
        return self

    def failure(self, cb: Callback) -> WriteOp:
        self._fail = cb
        return self

    def run(self) -> Future[Any]:
        return run_on_writer(
            self._ctx,
            self._fn,
            *self._args,
            on_success=self._ok,
            on_failure=self._fail,
            parent=self._parent,
        )


class ReadOp(WriteOp):
    """Same as WriteOp but on the read pool with a read-only connection."""

    def run(self) -> Future[Any]:
        return run_read(
            self._ctx,
            self._fn,
            *self._args,
            on_success=self._ok,
            on_failure=self._fail,
            parent=self._parent,
        )
