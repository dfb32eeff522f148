"""Smoke-test a frozen bundle (or the installed package) the way a station PC runs it.

    python installer/smoke_frozen.py [--bin dist/warehouse-station] [--shot screenshots/frozen-demo.png]

`--bin` is the folder with warehouse-station and warehouse-station-gui (the bundle, or
/opt/warehouse-station once the .deb is installed). Checks, each on a fresh data folder:
  1. `--version` of both programs prints the package version;
  2. `demo` fills a station and `status` reads it;
  3. the headless demo (`run --headless --demo`) prints its seven verdicts;
  4. the window on the demo under a virtual X server (Xvfb) is mapped within 20 s; a
     screenshot is saved; a second launch raises it and exits 0; SIGTERM closes it cleanly.
Prints one line per check and `frozen_smoke_s=`; exits non-zero on the first failure.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOW_DEADLINE_S = 20.0


def ok(cond: bool, what: str, detail: str = "") -> None:
    if not cond:
        print(f"FAIL {what}\n{detail}".rstrip(), flush=True)
        raise SystemExit(1)
    print(f"ok   {what}", flush=True)


def run(
    cmd: list[str], env: dict[str, str], timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, capture_output=True, text=True, errors="replace", timeout=timeout, env=env, check=False
    )


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    r, w = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(w), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(w,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(w)
    with os.fdopen(r) as f:
        num = f.readline().strip()
    ok(num.isdigit(), "Xvfb started", num)
    return proc, f":{num}"


def window_mapped(display: str) -> bool:
    out = subprocess.run(
        ["xwininfo", "-root", "-tree", "-display", display],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=10,
        check=False,
    ).stdout
    return any(
        ("Packing station" in line or "打包" in line) and "has no name" not in line
        for line in out.splitlines()
    )


def screenshot(display: str, dest: Path) -> None:
    from PIL import ImageGrab

    img = ImageGrab.grab(xdisplay=display)
    dest.parent.mkdir(parents=True, exist_ok=True)
    img.save(dest)
    colours = img.convert("RGB").getcolors(1_000_000) or []
    ok(len(colours) > 16, f"screenshot {dest} ({img.width}x{img.height}, {len(colours)} colours)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", type=Path, default=ROOT / "dist" / "warehouse-station")
    ap.add_argument("--shot", type=Path, default=None, help="where to save the window screenshot")
    ap.add_argument("--expect-version", default=None)
    args = ap.parse_args()
    t0 = time.monotonic()
    cli = str(args.bin / "warehouse-station")
    gui = str(args.bin / "warehouse-station-gui")
    if args.expect_version is None:
        from importlib import metadata

        args.expect_version = metadata.version("warehouse-station")
    tmp = Path(tempfile.mkdtemp(prefix="ws-smoke-"))
    # Nothing from the developer's Python may leak into the frozen programs.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QT_", "WAREHOUSE_"))
    }
    env["HOME"] = str(tmp / "home")
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    xvfb = None
    try:
        for prog in (cli, gui):
            res = run([prog, "--version"], env, 60)
            ok(
                res.returncode == 0 and args.expect_version in res.stdout,
                f"{Path(prog).name} --version = {res.stdout.strip()}",
                res.stderr[-2000:],
            )

        d = tmp / "demo"
        res = run([cli, "--data-dir", str(d), "--lang", "en", "demo"], env, 300)
        ok(res.returncode == 0, "demo fills a station", res.stderr[-2000:])
        res = run([cli, "--data-dir", str(d), "--lang", "en", "status"], env, 60)
        ok(res.returncode == 0 and res.stdout.strip() != "", "status reads it", res.stderr[-2000:])

        res = run(
            [
                cli,
                "--data-dir",
                str(tmp / "headless"),
                "--lang",
                "en",
                "run",
                "--headless",
                "--demo",
            ],
            env,
            300,
        )
        ok(
            res.returncode == 0
            and res.stdout.count("✔ Verified") == 3
            and re.search(r"\b\d+ scans", res.stdout) is not None,
            "headless demo: its scans, 3 verified",
            res.stdout[-2000:] + res.stderr[-2000:],
        )

        xvfb, display = start_xvfb()
        genv = {**env, "DISPLAY": display}
        gdir = tmp / "gui"
        # the demo data is built before the window: build it first so the 20 s is the window's
        res = run([cli, "--data-dir", str(gdir / "demo"), "--lang", "en", "demo"], env, 300)
        ok(res.returncode == 0, "window demo data ready", res.stderr[-2000:])
        t = time.monotonic()
        first = subprocess.Popen(
            [gui, "--data-dir", str(gdir), "--demo", "--feed", "--no-sound", "--lang", "zh"],
            env=genv,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        up = False
        while time.monotonic() - t < WINDOW_DEADLINE_S and first.poll() is None:
            if window_mapped(display):
                up = True
                break
            time.sleep(0.25)
        took = time.monotonic() - t
        if not up:
            first.kill()
            out = first.communicate(timeout=10)[0].decode(errors="replace")
            ok(False, f"window up within {WINDOW_DEADLINE_S:.0f} s", out[-3000:])
        ok(True, f"window up in {took:.1f} s (limit {WINDOW_DEADLINE_S:.0f} s)")
        time.sleep(9.0)  # --feed logs in and plays scans: the screenshot shows a verdict
        if args.shot:
            screenshot(display, args.shot)
        res = run([gui, "--data-dir", str(gdir), "--demo", "--no-sound"], genv, 60)
        ok(
            res.returncode == 0 and "already running" in res.stdout,
            "a second launch raises the running window and exits 0",
            res.stdout[-2000:] + res.stderr[-2000:],
        )
        ok(first.poll() is None, "the first window still runs")
        first.send_signal(signal.SIGTERM)
        try:
            rc = first.wait(30)
        except subprocess.TimeoutExpired:
            first.kill()
            rc = -9
        out = first.communicate(timeout=10)[0].decode(errors="replace")
        ok(rc == 0, "SIGTERM closes the window cleanly", out[-3000:])
        print(f"frozen_window_up_s={took:.1f}")
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(10)
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"frozen_smoke_s={time.monotonic() - t0:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
