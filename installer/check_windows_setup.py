"""Compile the Windows setup with `makensis -WX` and test install / upgrade / uninstall under Wine.

    python installer/check_windows_setup.py [--dist dist/warehouse-station] [--work DIR]

1. The real setup: the NSIS script compiled (warnings are errors) around `--dist`, the bundle
   this machine built. A Linux bundle is not a Windows app, so it is compiled, not installed;
   the Windows CI workflow (.github/workflows/windows.yml) builds and runs the real one.
2. The signing hook: compiled with -DSIGN_CMD=<a recording signer>, which must be called for the
   setup and for its uninstaller.
3. Under Wine (64-bit prefix made fresh), two setups whose payload is stand-in executables
   (installer/wine_stub.nsi) that record their command lines:
   - silent install of v1 into a folder that already holds an admin's file, with /STATION, /HUB,
     /TOKEN and /AUTOSTART: files, install.json, shared data folder, shortcuts for all users,
     registry (uninstall entry, remembered folder), PATH, the init and sync calls;
   - v2 over it, without /D and with the v1 window running: same folder (remembered), the
     window closed, stale v1 files gone, new ones there, data and the admin's file kept;
   - silent uninstall: only what was installed goes (the admin's file stays), shortcuts,
     registry and PATH entry go, station data kept; again with /PURGE: data gone.
Prints one line per check and a timing line; exits non-zero on the first failure.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
NSI = HERE / "warehouse_station.nsi"
STUB = HERE / "wine_stub.nsi"
SHORTCUT = "打包工位 Packing Station.lnk"
UNINST = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\WarehouseStation"
ENVKEY = r"HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment"


def sh(cmd: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, capture_output=True, text=True, errors="replace", timeout=300, check=False, **kw
    )  # type: ignore[call-overload,no-any-return]


def ok(cond: bool, what: str, detail: str = "") -> None:
    if not cond:
        print(f"FAIL {what} {detail}".rstrip(), flush=True)
        raise SystemExit(1)
    print(f"ok   {what}", flush=True)


def makensis(*args: str) -> subprocess.CompletedProcess[str]:
    # no compression: the payloads here are never shipped (the Windows workflow builds the real one)
    res = sh(["makensis", "-WX", "-V2", "-DFAST_COMPRESSION", *args])
    if res.returncode != 0:
        print(res.stdout[-4000:], res.stderr[-4000:], sep="\n")
    return res


def version() -> str:
    from importlib import metadata

    return metadata.version("warehouse-station")


def compile_real(dist: Path, work: Path) -> None:
    sys.path.insert(0, str(HERE))
    from nsis_payload import write_payload

    payload = work / "real-payload"
    n_files, _ = write_payload(dist, payload)
    out = work / f"warehouse-station-setup-{version()}.exe"
    t = time.monotonic()
    res = makensis(f"-DVERSION={version()}", f"-DPAYLOAD={payload}", f"-DOUTFILE={out}", str(NSI))
    ok(res.returncode == 0 and out.is_file(), f"makensis -WX: real setup ({n_files} files)")
    print(f"     {out.name}: {out.stat().st_size / 1e6:.1f} MB in {time.monotonic() - t:.0f} s")


def stub_payload(work: Path, name: str, files: dict[str, str]) -> Path:
    src = work / f"{name}-src"
    src.mkdir(parents=True)
    exe = src / "warehouse-station.exe"
    res = makensis(f"-DOUTFILE={exe}", str(STUB))
    ok(res.returncode == 0, f"stub executables for {name}")
    shutil.copy(exe, src / "warehouse-station-gui.exe")
    for rel, text in files.items():
        p = src / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    sys.path.insert(0, str(HERE))
    from nsis_payload import write_payload

    write_payload(src, work / f"{name}-payload")
    return work / f"{name}-payload"


def build_setup(work: Path, name: str, ver: str, payload: Path, *extra: str) -> Path:
    out = work / f"{name}.exe"
    res = makensis(f"-DVERSION={ver}", f"-DPAYLOAD={payload}", f"-DOUTFILE={out}", *extra, str(NSI))
    ok(res.returncode == 0 and out.is_file(), f"makensis -WX: {name}")
    return out


class Wine:
    def __init__(self, prefix: Path) -> None:
        self.prefix = prefix
        self.exe = shutil.which("wine64") or "/usr/lib/wine/wine64"
        server = shutil.which("wineserver") or "/usr/lib/wine/wineserver"
        self.server = server
        self.env = {
            **os.environ,
            "WINEPREFIX": str(prefix),
            "WINEDEBUG": "-all",
            "WINEDLLOVERRIDES": "mscoree,mshtml=",  # no Mono/Gecko download prompts
        }
        self.env.pop("DISPLAY", None)
        self.c = prefix / "drive_c"

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        res = sh([self.exe, *args], env=self.env)
        sh([self.server, "-w"], env=self.env)  # the uninstaller re-runs itself from %TEMP%
        return res

    def spawn(self, *args: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [self.exe, *args], env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

    def reg(self, key: str, value: str | None = None) -> str:
        args = ["reg", "query", key] + (["/v", value] if value else [])
        res = sh([self.exe, *args], env=self.env)
        return res.stdout if res.returncode == 0 else ""


def wine_test(work: Path) -> None:
    wine = Wine(work / "prefix")
    t = time.monotonic()
    # A fresh prefix takes ~30 s to make: a pristine copy is cached between runs.
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    template = cache / "warehouse-station-ci" / "wine-prefix"
    if (template / "system.reg").is_file():
        shutil.copytree(template, wine.prefix, symlinks=True)
        how = "copied from the cache"
    else:
        res = sh([wine.exe, "wineboot", "-i"], env=wine.env)
        sh([wine.server, "-w"], env=wine.env)
        ok(res.returncode == 0 and wine.c.is_dir(), "wineboot")
        shutil.rmtree(template, ignore_errors=True)
        shutil.copytree(wine.prefix, template, symlinks=True)
        how = "made, and cached"
    ok(wine.c.is_dir(), f"wine prefix {how} ({time.monotonic() - t:.0f} s)")

    p1 = stub_payload(
        work, "v1", {"_internal/base.txt": "v1", "_internal/old/stale.txt": "only in v1"}
    )
    p2 = stub_payload(work, "v2", {"_internal/base.txt": "v2", "_internal/new/fresh.txt": "v2"})
    s1 = build_setup(work, "setup-v1", "0.1.0", p1)
    s2 = build_setup(work, "setup-v2", "0.2.0", p2)

    inst = wine.c / "Apps" / "WS"
    inst.mkdir(parents=True)
    (inst / "admin-notes.txt").write_text("an admin's own file", encoding="utf-8")
    data = wine.c / "ProgramData" / "WarehouseStation"
    pub_desktop = wine.c / "users" / "Public" / "Desktop" / SHORTCUT
    programs = wine.c / "ProgramData" / "Microsoft" / "Windows" / "Start Menu" / "Programs"
    menu = programs / "Warehouse Station" / SHORTCUT
    startup = programs / "StartUp" / SHORTCUT

    # -- install v1 ---------------------------------------------------------------------------
    res = wine.run(
        str(s1),
        "/S",
        "/STATION=WH1-ST01",
        "/HUB=https://hub.example:8443",
        "/TOKEN=tok-123",
        "/AUTOSTART",
        "/KIOSK",
        r"/D=C:\Apps\WS",
    )
    ok(res.returncode == 0, "v1 silent install", res.stderr[-500:])
    for rel in ("warehouse-station.exe", "warehouse-station-gui.exe", "uninstall.exe",
                "install.json", "install-manifest.txt", "_internal/base.txt",
                "_internal/old/stale.txt"):  # fmt: skip
        ok((inst / rel).is_file(), f"v1 installed {rel}")
    ok((inst / "admin-notes.txt").is_file(), "admin's file untouched by install")
    cfg = (inst / "install.json").read_text(encoding="utf-8")
    ok(
        r"C:\\ProgramData\\WarehouseStation" in cfg,
        "install.json names the per-machine data dir",
        cfg,
    )
    ok((data / "shared-station").is_file(), "data folder marked shared for all accounts")
    calls = (data / "stub-calls.log").read_text(encoding="utf-8", errors="replace")
    ok('init --station-id "WH1-ST01"' in calls, "/STATION= ran init", calls)
    ok(
        '--hub-url "https://hub.example:8443" --token "tok-123" --no-check' in calls,
        "/HUB= /TOKEN= ran sync configure",
        calls,
    )
    ok((data / "station.db").is_file(), "station data created")
    ok(pub_desktop.is_file() and menu.is_file(), "desktop + start-menu shortcuts for all users")
    ok(startup.is_file(), "/AUTOSTART: all-users startup shortcut")
    ok(b"-\x00-\x00k\x00i\x00o\x00s\x00k" in menu.read_bytes(), "/KIOSK: shortcuts pass --kiosk")
    ok("--kiosk" in wine.reg(r"HKLM\Software\WarehouseStation", "GuiArgs"), "kiosk remembered")
    ok(
        r"C:\Apps\WS" in wine.reg(r"HKLM\Software\WarehouseStation", "InstallDir"),
        "folder remembered",
    )
    ok("0.1.0" in wine.reg(UNINST, "DisplayVersion"), "uninstall entry v0.1.0")
    path1 = wine.reg(ENVKEY, "Path")
    ok(path1.count(r"C:\Apps\WS") == 1, "CLI folder on the machine PATH", path1)

    # -- upgrade to v2 with the v1 window running ---------------------------------------------
    # The stand-in window records its start in the data folder, then stays up; the wine64
    # process is the Windows process, so its exit is the window closing (no wmic/tasklist:
    # Wine's can hang on a busy machine).
    gui = wine.spawn(str(inst / "warehouse-station-gui.exe"))
    log = data / "stub-calls.log"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and "warehouse-station-gui.exe" not in log.read_text(
        encoding="utf-8", errors="replace"
    ):
        time.sleep(0.5)
    ok(gui.poll() is None and "warehouse-station-gui.exe" in log.read_text(encoding="utf-8", errors="replace"),
       "v1 window running before the upgrade")  # fmt: skip
    db_before = (data / "station.db").read_bytes()
    res = wine.run(str(s2), "/S")
    ok(res.returncode == 0, "v2 silent upgrade (no /D)", res.stderr[-500:])
    try:
        gui.wait(60)
        closed = True
    except subprocess.TimeoutExpired:
        gui.kill()
        closed = False
    ok(closed, "running window closed by the upgrade")
    ok((inst / "_internal" / "base.txt").read_text() == "v2", "upgraded in the remembered folder")
    ok((inst / "_internal" / "new" / "fresh.txt").is_file(), "v2 file added")
    ok(not (inst / "_internal" / "old").exists(), "stale v1 files and folder removed")
    ok((inst / "admin-notes.txt").is_file(), "admin's file untouched by upgrade")
    ok((data / "station.db").read_bytes() == db_before, "station data kept by upgrade")
    ok("0.2.0" in wine.reg(UNINST, "DisplayVersion"), "uninstall entry v0.2.0")
    ok(wine.reg(ENVKEY, "Path").count(r"C:\Apps\WS") == 1, "PATH entry not doubled")
    ok(startup.is_file(), "autostart kept by the upgrade")
    ok(b"-\x00-\x00k\x00i\x00o\x00s\x00k" in menu.read_bytes(), "kiosk kept by the upgrade")

    # -- uninstall, keeping data; then reinstall and purge -----------------------------------
    res = wine.run(str(inst / "uninstall.exe"), "/S")
    ok(res.returncode == 0, "silent uninstall", res.stderr[-500:])
    left = sorted(p.name for p in inst.iterdir()) if inst.exists() else []
    ok(left == ["admin-notes.txt"], "uninstall removed exactly what it installed", str(left))
    ok(
        not pub_desktop.exists() and not menu.exists() and not menu.parent.exists(),
        "shortcuts gone",
    )
    ok(wine.reg(UNINST) == "", "uninstall entry gone")
    ok(wine.reg(r"HKLM\Software\WarehouseStation") == "", "app registry key gone")
    ok(r"C:\Apps\WS" not in wine.reg(ENVKEY, "Path"), "PATH entry gone")
    ok((data / "station.db").read_bytes() == db_before, "station data kept by uninstall")

    res = wine.run(str(s2), "/S", r"/D=C:\Apps\WS")
    ok(res.returncode == 0, "reinstall")
    res = wine.run(str(inst / "uninstall.exe"), "/S", "/PURGE")
    ok(res.returncode == 0 and not data.exists(), "uninstall /PURGE deletes the station data")
    ok((inst / "admin-notes.txt").is_file(), "admin's file still untouched")


def signing_hook(work: Path) -> None:
    log = work / "signed.txt"
    signer = work / "fake-sign.sh"
    signer.write_text(f'#!/bin/sh\necho "$1" >> "{log}"\n', encoding="utf-8")
    signer.chmod(0o755)
    payload = stub_payload(work, "sign", {"x.txt": "x"})
    build_setup(work, "setup-signed", "0.1.0", payload, f"-DSIGN_CMD={signer}")
    signed = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    ok(len(signed) == 2, "signing hook called for the setup and its uninstaller", str(signed))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dist", type=Path, default=ROOT / "dist" / "warehouse-station")
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--no-wine", action="store_true", help="compile only")
    args = ap.parse_args()
    t0 = time.monotonic()
    work = args.work or Path(tempfile.mkdtemp(prefix="ws-nsis-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if args.dist.is_dir():
            compile_real(args.dist, work)
        else:
            print(f"note: no bundle at {args.dist}: the real setup is not compiled")
        signing_hook(work)
        if not args.no_wine:
            wine_test(work)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"windows_setup_check_s={time.monotonic() - t0:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
