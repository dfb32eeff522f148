"""Starting the station window: checks, context, devices, sync, and the `--demo` rig.

`warehouse-station gui` and the `warehouse-station-gui` desktop script both end up in
`run_gui()`. Expected failures (no display, no Qt platform plugin, a locked or missing DB)
print a clear zh + en message and return non-zero instead of a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ui.translator import install_translator as install_translator

logger = logging.getLogger(__name__)

APT_HINT = (
    "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 "
    "libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 libgl1"
)


class StartupError(Exception):
    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.zh = zh


def qt_probe_command() -> tuple[list[str], dict[str, str]]:
    """The child that tries Qt's platform plugin. In a frozen bundle sys.executable is the app
    itself (no `-c`): it is started with QT_PROBE_ENV set and its entry point runs the probe."""
    env = dict(os.environ)
    if getattr(sys, "frozen", False):
        env[QT_PROBE_ENV] = "1"
        return [sys.executable], env
    env.pop(QT_PROBE_ENV, None)
    return [sys.executable, "-c", _PROBE], env


def run_qt_probe_if_asked() -> None:
    """Frozen entry points call this first: as the probe child, open Qt's platform and exit."""
    if os.environ.get(QT_PROBE_ENV) != "1":
        return
    from PySide6.QtGui import QGuiApplication

    QGuiApplication([])
    sys.exit(0)


QT_PROBE_ENV = "WAREHOUSE_QT_PROBE"
_PROBE = "from PySide6.QtGui import QGuiApplication; QGuiApplication([])"


def check_display() -> None:
    """Fail early and clearly where Qt would abort the process with a cryptic message."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal", "vnc", "eglfs", "linuxfb")):
        return
    if sys.platform.startswith("linux"):
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            raise StartupError(
                "No display: this window needs a desktop session (DISPLAY or WAYLAND_DISPLAY is not set). "
                "Start it from the station's desktop, or use the command line (`warehouse-station --help`).",
                "没有显示器会话：窗口需要在桌面环境中运行（未设置 DISPLAY 或 WAYLAND_DISPLAY）。"
                "请在工位桌面上启动，或使用命令行（warehouse-station --help）。",
            )
        # Qt aborts the whole process when the platform plugin can't load: try it in a child first.
        cmd, env = qt_probe_command()
        try:
            res = subprocess.run(cmd, capture_output=True, text=True, timeout=20, env=env)
        except (OSError, subprocess.TimeoutExpired) as exc:
            logger.warning("Qt platform probe did not run: %s", exc)
            return
        if res.returncode != 0:
            detail = (res.stderr or "").strip().splitlines()
            tail = " / ".join(detail[-3:])
            raise StartupError(
                f"Qt cannot open the display (platform plugin failed: {tail}). "
                f"On Debian/Ubuntu install the X11 libraries: {APT_HINT}",
                f"Qt 无法打开显示（平台插件加载失败：{tail}）。Debian/Ubuntu 请安装 X11 依赖库：{APT_HINT}",
            )


def _acquire_lock(data_dir: Path) -> Any:
    from PySide6.QtCore import QLockFile

    data_dir.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir / "station-window.lock"))
    lock.setStaleLockTime(0)
    if not lock.tryLock(100):
        raise StartupError(
            f"Another station window already uses {data_dir}. Close it first (one window per station DB).",
            f"另一个站点窗口正在使用 {data_dir}，请先关闭它（每个站点数据库只能开一个窗口）。",
        )
    return lock


def prepare_demo(data_dir: Path, orders: int = 3000, extensions: bool = True) -> Path:
    """A demo station DB in `data_dir` (built once; reused after).

    `extensions=False` leaves out the add-ons other areas hook into the demo (the promo playbook's
    schedule, failover, returns...): the UI tests want only the core promo-in-progress."""
    from warehouse_app.demo import build_demo
    from warehouse_app.paths import db_path
    from warehouse_app.store import open_store

    p = db_path(data_dir)
    store = open_store(p)
    conn = store.connect()
    try:
        if store.station_id(conn) is None:
            logger.info("building demo data in %s", data_dir)
            build_demo(conn, orders=orders, extensions=None if extensions else ())
    finally:
        conn.close()
    return p


def build_context(
    data_dir: Path, *, lang: str | None = None, rig: Any = None, start_sync: bool = True
) -> Any:
    """Open the store, writer, settings, devices and sync for a window."""
    from dataclasses import asdict

    from ui.devices import DeviceHub
    from ui.ops import FIELD_KEYS, AppContext, StationSettings, load_carrier_names
    from warehouse_app.errors import StationError
    from warehouse_app.paths import db_path
    from warehouse_app.store import open_store
    from warehouse_app.store.writer import StoreWriter

    store = open_store(db_path(data_dir))
    conn = store.connect(readonly=True)
    try:
        if store.station_id(conn) is None:
            raise StartupError(
                f"This station is not set up ({data_dir}): run `warehouse-station init --station-id ID` "
                "or start the demo with `warehouse-station gui --demo`.",
                f"站点尚未初始化（{data_dir}）：请运行 `warehouse-station init --station-id ID`，"
                "或用 `warehouse-station gui --demo` 打开演示。",
            )
        settings = StationSettings.load(conn)
        carriers = load_carrier_names(conn)  # a few rows, once, before the window exists
    finally:
        conn.close()
    stored = asdict(settings)
    if lang:
        settings.language = lang
    if rig is not None:
        rig.settings(settings)
    # what this run uses but did not read from the DB (the demo's simulators, --lang)
    overrides = {FIELD_KEYS[k] for k, v in asdict(settings).items() if stored[k] != v}
    writer = StoreWriter(store)
    sync = None
    try:
        from warehouse_app.sync import SyncService

        sync = SyncService(store, writer)
    except StationError as exc:
        logger.warning("sync unavailable: %s", exc)
    devices = DeviceHub(writer)
    ctx = AppContext(store, writer, data_dir, settings=settings, devices=devices, sync=sync)
    ctx.carriers = carriers
    ctx.overrides = overrides
    devices.configure(settings)
    devices.start_status_polling()
    if sync is not None and start_sync and sync.status.configured:
        sync.start()  # unconfigured: the settings page starts it once an upstream is saved
    return ctx


def shutdown_context(ctx: Any) -> None:
    """Join every thread the context owns: sync, devices, pool, then the writer last."""
    if ctx.sync is not None:
        ctx.sync.stop(10)
    if ctx.devices is not None:
        ctx.devices.shutdown()
    ctx.close()
    ctx.writer.close()


def run_gui(
    data_dir: Path | None,
    *,
    demo: bool = False,
    lang: str | None = None,
    feed: bool = False,
    sounds: bool = True,
    kiosk: bool = False,
    argv: Sequence[str] | None = None,
) -> int:
    from warehouse_app.errors import StationError
    from warehouse_app.paths import default_data_dir
    from warehouse_app.startup import wire

    wire()  # the promo playbook's policies, as every entry point installs them
    try:
        check_display()
    except StartupError as exc:
        _print_error(exc.zh, str(exc))
        return 2
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui import qtcompat

    if qtcompat.describe():
        logger.info(qtcompat.describe())
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName("warehouse-station")
    if isinstance(app, QGuiApplication):
        app.setApplicationDisplayName("打包站 Packing station")
    base = Path(data_dir) if data_dir else default_data_dir()
    if demo:
        base = base / "demo"
    from ui.single_instance import SingleInstance, bring_to_front

    instance = SingleInstance(base)
    if instance.notify_running():
        # one station window per data folder: a second launch brings the first to the front
        print(f"已在运行：已切换到该窗口 / already running ({base}): raised its window")
        logger.info("second launch for %s: raised the running window", base)
        return 0
    app.setWindowIcon(_app_icon())  # type: ignore[attr-defined]
    rig = None
    ctx = None
    lock = None
    try:
        if demo:
            prepare_demo(base)
            from ui.sim_rig import SimRig

            rig = SimRig(base / "sim").start()
        lock = _acquire_lock(base)
        if not demo and not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
            _first_run_setup(base)  # a fresh install asks for its station id on screen
        ctx = build_context(base, lang=lang, rig=rig)
        install_translator(ctx.lang)
        from ui.window import MainWindow

        win = MainWindow(ctx, sounds=sounds)
        from ui.geometry import show_station_window

        # --kiosk (the installers' kiosk shortcut) or the station setting
        show_station_window(win, kiosk=kiosk or bool(ctx.settings.kiosk))
        instance.listen(lambda: bring_to_front(win))
        _quit_on_signals(app)
        feeder = None
        if demo and rig is not None:
            from PySide6.QtGui import QKeySequence, QShortcut

            from ui.demo_feed import DemoFeeder

            feeder = DemoFeeder(win, rig)
            if feed:
                feeder.start()
            # Ctrl+D plays the demo scans through the simulated scanner at any time
            play = QShortcut(QKeySequence("Ctrl+D"), win)
            play.activated.connect(feeder.start)
        rc = app.exec()
        return int(rc)
    except (StartupError, StationError) as exc:
        _print_error(exc.zh, str(exc))
        if QApplication.instance() is not None and not os.environ.get(
            "QT_QPA_PLATFORM", ""
        ).startswith("offscreen"):
            QMessageBox.critical(None, "打包站 Packing station", f"{exc.zh}\n\n{exc}")
        return 1
    finally:
        instance.close()
        if ctx is not None:
            shutdown_context(ctx)
        if rig is not None:
            rig.stop()
        if lock is not None:
            lock.unlock()


def _first_run_setup(data_dir: Path) -> None:
    """No station in `data_dir` yet: the setup page (station id, optional hub and token)."""
    from warehouse_app.paths import db_path
    from warehouse_app.store import open_store

    store = open_store(db_path(data_dir))
    conn = store.connect(readonly=True)
    try:
        if store.station_id(conn) is not None:
            return
    finally:
        conn.close()
    from ui.first_run import FirstRunDialog

    if FirstRunDialog(data_dir).exec() != FirstRunDialog.DialogCode.Accepted:
        raise StartupError(
            "Station setup cancelled: nothing was saved.", "已取消工位设置：未保存任何内容。"
        )


def _app_icon() -> Any:
    from PySide6.QtGui import QIcon

    from warehouse_app.paths import resource_path

    return QIcon(str(resource_path("icons", "app.png")))


def _quit_on_signals(app: Any) -> None:
    """Ctrl+C / SIGTERM close the window cleanly (threads joined, DB closed) instead of killing it."""
    import signal

    from PySide6.QtCore import QTimer

    def handler(signum: int, frame: object) -> None:
        app.quit()

    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            signal.signal(sig, handler)
        except (ValueError, OSError):  # not the main thread
            return
    timer = QTimer(app)
    timer.setInterval(250)  # let the interpreter run its signal handlers while Qt waits
    timer.timeout.connect(lambda: None)
    timer.start()


def _print_error(zh: str, en: str) -> None:
    print(f"错误：{zh}\nerror: {en}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """`warehouse-station-gui` (desktop shortcut)."""
    from warehouse_app import __version__
    from warehouse_app.log import setup_logging
    from warehouse_app.paths import log_dir_for

    p = argparse.ArgumentParser(
        prog="warehouse-station-gui", description="Packing-station window / 打包站窗口"
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--data-dir", type=Path, default=None)
    p.add_argument(
        "--demo", action="store_true", help="open on embedded demo data with simulated devices"
    )
    p.add_argument("--feed", action="store_true", help="with --demo: feed a few simulated scans")
    p.add_argument("--lang", choices=["zh", "en"], default=None)
    p.add_argument("--no-sound", action="store_true")
    p.add_argument(
        "--kiosk", action="store_true", help="full screen, whatever the station setting says"
    )
    p.add_argument("-v", "--verbose", action="store_true")
    args = p.parse_args(argv)
    setup_logging(log_dir_for(args.data_dir), level=logging.DEBUG if args.verbose else logging.INFO)
    return run_gui(
        args.data_dir,
        demo=args.demo,
        lang=args.lang,
        feed=args.feed,
        sounds=not args.no_sound,
        kiosk=args.kiosk,
    )


if __name__ == "__main__":
    sys.exit(main())
