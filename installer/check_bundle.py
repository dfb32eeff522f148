"""Check a built bundle: what must be inside is, what must not is not, size and glibc floor.

    python installer/check_bundle.py [dist/warehouse-station] [--deb dist/warehouse-station_*.deb]

- translations (station .qm files and Qt's own zh_CN/en), verdict sounds, the CJK label font
  and the icon are inside; so is the package metadata the version is read from;
- the Qt parts left out on purpose (QML/Quick, PDF, virtual keyboard, FFmpeg) are absent;
- every ELF file's libraries resolve (in the bundle or on this system);
- size: at most 200 MB (prints `bundle_mb=`);
- glibc floor: the newest GLIBC_x.y symbol version any binary needs (`glibc_floor=`), and with
  --deb, that the package's Depends declares exactly that floor (libc6 (>= x.y)).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

LIMIT_MB = 200  # decimal megabytes, as the issue counts them
ROOT = Path(__file__).resolve().parent.parent
DROPPED = re.compile(r"Qt6(Quick|Qml|Pdf|VirtualKeyboard)|ffmpegmediaplugin|libavcodec|qgtk3")


def ok(cond: bool, what: str, detail: str = "") -> None:
    if not cond:
        print(f"FAIL {what}\n{detail}".rstrip(), flush=True)
        raise SystemExit(1)
    print(f"ok   {what}", flush=True)


def is_elf(p: Path) -> bool:
    try:
        with p.open("rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def glibc_floor(elfs: list[Path]) -> tuple[str, str]:
    best: tuple[int, ...] = ()
    who = ""
    for chunk in range(0, len(elfs), 64):
        batch = [str(p) for p in elfs[chunk : chunk + 64]]
        out = subprocess.run(
            ["objdump", "-T", *batch], capture_output=True, text=True, errors="replace", check=False
        ).stdout
        current = ""
        for line in out.splitlines():
            if line.endswith("file format elf64-x86-64") or "file format elf" in line:
                current = line.split(":")[0]
            for m in re.finditer(r"GLIBC_(\d+(?:\.\d+)+)", line):
                v = tuple(int(x) for x in m.group(1).split("."))
                if v > best:
                    best, who = v, current
    return ".".join(map(str, best)), who


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bundle", type=Path, nargs="?", default=ROOT / "dist" / "warehouse-station")
    ap.add_argument("--deb", type=Path, default=None)
    args = ap.parse_args()
    b = args.bundle
    internal = b / "_internal"
    res = internal / "resources"
    ok((b / "warehouse-station").is_file() and (b / "warehouse-station-gui").is_file(), "programs")
    qms = sorted(p.name for p in (res / "translations").glob("station_*.qm"))
    ok({"station_zh_CN.qm", "station_en.qm"} <= set(qms), f"translations {qms}")
    qt_qm = sorted({p.name for p in internal.rglob("qt*_*.qm")})
    others = [n for n in qt_qm if not re.search(r"_(zh_CN|en)\.qm$", n)]
    ok("qtbase_zh_CN.qm" in qt_qm and not others, f"Qt's own translations {qt_qm}", str(others))
    wavs = sorted(p.name for p in (res / "sounds").glob("*.wav"))
    ok(len(wavs) >= 6 and "ok.wav" in wavs and "reject.wav" in wavs, f"sounds {wavs}")
    fonts = [
        p.name for p in (res / "fonts").iterdir() if p.suffix.lower() in (".ttf", ".ttc", ".otf")
    ]
    ok(bool(fonts), f"CJK label font {fonts}")
    ok((res / "icons" / "app.png").is_file(), "icon")
    ok(any(internal.glob("warehouse_station-*.dist-info/METADATA")), "package metadata (version)")
    files = [p for p in b.rglob("*") if p.is_file() and not p.is_symlink()]  # links: counted once
    dropped = [str(p.relative_to(b)) for p in files if DROPPED.search(p.name)]
    ok(not dropped, "unused Qt parts left out", "\n".join(dropped))
    elfs = [p for p in files if is_elf(p)]
    missing: list[str] = []
    libdirs = sorted({str(p.parent) for p in elfs if ".so" in p.name})
    env = {"LD_LIBRARY_PATH": ":".join(libdirs), "PATH": "/usr/bin:/bin"}
    for p in elfs:
        out = subprocess.run(["ldd", str(p)], capture_output=True, text=True, env=env, check=False)
        missing += [
            f"{p.relative_to(b)}: {line.strip()}"
            for line in out.stdout.splitlines()
            if "not found" in line
        ]
    ok(not missing, f"{len(elfs)} ELF files: every library resolves", "\n".join(missing[:30]))
    size = sum(p.stat().st_size for p in files)
    print(f"     bundle: {len(files)} files, {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB)")
    ok(size <= LIMIT_MB * 1e6, f"bundle ≤ {LIMIT_MB} MB")
    floor, who = glibc_floor(elfs)
    print(f"     glibc floor {floor} (first needed by {Path(who).name})")
    if args.deb:
        control = subprocess.run(
            ["dpkg-deb", "-f", str(args.deb), "Depends"], capture_output=True, text=True, check=True
        ).stdout
        declared = re.search(r"libc6 \(>= ([^)]+)\)", control)
        ok(
            declared is not None and declared.group(1) == floor,
            f"the package declares the glibc floor: libc6 (>= {floor})",
            control,
        )
    print(f"bundle_mb={size / 1e6:.1f} glibc_floor={floor}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
