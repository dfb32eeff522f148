"""QA sweep: every `warehouse-station` and `warehouse-hub` subcommand, as a real process, with bad input.

The argparse trees are walked, so a new subcommand is swept without anyone adding it here. For
each case: non-zero exit, no traceback, a message that names the problem (zh or en per --lang),
and where a DB exists the state tables are unchanged (tests/core_helpers.state_digest; for the
hub its events/records/stations) — an uninitialised data dir stays empty.

Processes run two at a time (the machine has two cores); each case gets its own copy of a small
seeded station (or hub), so a case that wrongly writes is caught on its own.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.cli_helpers import ROOT, station_cmd
from tests.core_helpers import add_orders, make_batch, order, seed_station, state_digest
from warehouse_app.cli import build_parser
from warehouse_app.handoffs import open_handoff
from warehouse_app.hub.cli import build_parser as build_hub_parser
from warehouse_app.hub.storage import SqliteHubStorage, hash_token
from warehouse_app.paths import db_path
from warehouse_app.store import open_store
from warehouse_app.store.tx import transaction

HUB_CMD = [sys.executable, "-m", "warehouse_app.hub.cli"]
CJK = re.compile(r"[\u4e00-\u9fff]")
NOPE = "NOPE-404"

# Never run in the sweep: they open a window or serve until stopped (their bad input is covered
# by targeted cases below: a bad port, bad TLS files, a missing serial port).
LONG_RUNNING = {
    ("gui",),
    ("simulate", "printer"),
    ("simulate", "scanner"),
    ("simulate", "scale"),
    ("serve",),
}
# With made-up values these legitimately succeed (they create what they are given).
CREATES = {
    ("operator", "add"),
    ("init",),
    ("demo",),
    ("warehouse", "export"),
    ("plan", "config"),
    ("station", "add"),
    ("carrier", "add"),
}


# -- the trees ---------------------------------------------------------------------------------


def leaves(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
        return
    for a in subs:
        for name, sp in a.choices.items():
            yield from leaves(sp, path + (name,))


def required(p: argparse.ArgumentParser) -> list[argparse.Action]:
    return [
        a
        for a in p._actions
        if a.dest != "help"
        and not isinstance(a, argparse._HelpAction)
        and (a.required or (not a.option_strings and a.nargs not in ("?", "*")))
    ]


def filled(p: argparse.ArgumentParser, value: str, skip: tuple[str, ...] = ()) -> list[str]:
    """Arguments for every required option/positional: the first choice, 1 for numbers, else `value`."""
    out: list[str] = []
    for a in required(p):
        if a.dest in skip:
            continue
        if a.choices:
            v = str(next(iter(a.choices)))
        elif a.type in (int, float):
            v = "1"
        elif a.type is Path:
            v = str(Path(tempfile.gettempdir()) / "qa-no-such-dir" / "out.jsonl")
        else:
            v = value
        out += [a.option_strings[0], v] if a.option_strings else [v]
    for g in p._mutually_exclusive_groups:  # a required either/or: take the first
        if g.required:
            a = g._group_actions[0]
            if not a.option_strings:  # a positional (`print release WAYBILL... | --all`)
                out.append(value)
                continue
            takes_value = not isinstance(a, (argparse._StoreTrueAction, argparse._StoreFalseAction))
            out += [a.option_strings[0], value] if takes_value else [a.option_strings[0]]
    return out


STATION_LEAVES = dict(leaves(build_parser()))
HUB_LEAVES = dict(leaves(build_hub_parser()))


# -- fixtures: a seeded station and a seeded hub ----------------------------------------------


def _seed_station(d: Path) -> None:
    store = open_store(db_path(d))
    conn = store.connect()
    seed_station(conn, "QA1")
    add_orders(
        conn, order("O1", {"A": 1}), order("O2", {"A": 1}), order("O3", {"B": 1}, carrier="YTO")
    )
    make_batch(conn, "A*1")
    with transaction(conn):
        open_handoff(conn, "ZTO", operator="L1")
    conn.close()


def station_digest(d: Path) -> str | None:
    p = db_path(d)
    if not p.exists():
        return None
    conn = open_store(p, create=False, migrate=False).connect(readonly=True)
    try:
        return state_digest(conn)
    finally:
        conn.close()


HUB_TABLES = ("stations", "events", "records", "hub_meta")


def hub_digest(d: Path) -> str | None:
    p = d / "hub.db"
    if not p.exists():
        return None
    import sqlite3

    conn = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
    try:
        h = hashlib.sha256()
        for t in HUB_TABLES:
            for row in conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2"):
                h.update(repr(tuple(row)).encode())
        return h.hexdigest()
    finally:
        conn.close()


def _seed_hub(d: Path) -> None:
    s = SqliteHubStorage(d / "hub.db")
    s.add_station("S1", hash_token("tok-S1"))
    s.store_events(
        "S1",
        0,
        [
            {
                "seq": 1,
                "uuid": "0190aaaa-0000-7000-8000-000000000001",
                "type": "parcel.handed_off",
                "payload": {"carrier": "ZTO"},
                "operator": "P1",
                "created_at": "2026-11-11T12:00:00Z",
            }
        ],
    )
    s.put_records(
        "order", [("O1", {"order_id": "O1", "status": "paid", "items": [{"sku": "A", "qty": 1}]})]
    )
    s.close()


@dataclass
class Case:
    name: str
    argv: list[str]
    kind: str = "station"  # station | hub: which data dir the case gets (seeded, empty or corrupt)
    state: str = "seeded"  # seeded | empty | missing | corrupt:<how> | none
    lang: str = "en"
    needles: tuple[
        str, ...
    ] = ()  # the message must name the problem: one of these (case-insensitive)
    stdin: str | None = None
    expect_rc: int | None = None  # default: any non-zero
    changes_ok: bool = False
    files: dict[str, bytes] = field(
        default_factory=dict
    )  # written next to the data dir, {dir} in argv
    xfail: str = ""


@dataclass
class Result:
    case: Case
    rc: int
    out: str
    err: str
    before: str | None
    after: str | None
    dir_listing: list[str]
    raw_before: bytes | None
    raw_after: bytes | None


CORRUPTIONS = {
    "garbage": lambda good: os.urandom(4096),
    "truncated": lambda good: good[:1500],
    "zeroed": lambda good: good[:100] + b"\x00" * (len(good) - 100),
    "text": lambda good: "这不是数据库\n".encode() * 50,
}


class Runner:
    def __init__(self, base: Path) -> None:
        self.base = base
        self.station_tpl = base / "tpl-station"
        self.station_tpl.mkdir()
        _seed_station(self.station_tpl)
        self.hub_tpl = base / "tpl-hub"
        self.hub_tpl.mkdir()
        _seed_hub(self.hub_tpl)
        self.n = 0

    def prepare(self, case: Case) -> tuple[Path, Path]:
        self.n += 1
        work = self.base / f"c{self.n:03d}"
        work.mkdir()
        d = work / "data"
        tpl = self.station_tpl if case.kind == "station" else self.hub_tpl
        dbname = db_path(Path("x")).name if case.kind == "station" else "hub.db"
        if case.state == "seeded" or case.state.startswith("corrupt"):
            shutil.copytree(tpl, d)
            if case.state.startswith("corrupt"):
                f = d / dbname
                for extra in (d / (dbname + "-wal"), d / (dbname + "-shm")):
                    extra.unlink(missing_ok=True)
                f.write_bytes(CORRUPTIONS[case.state.split(":", 1)[1]](f.read_bytes()))
        elif case.state == "empty":
            d.mkdir()
        for name, data in case.files.items():
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            (work / name).write_bytes(data)
        return work, d

    def run(self, case: Case) -> Result:
        work, d = self.prepare(case)
        digest = station_digest if case.kind == "station" else hub_digest
        dbfile = d / (db_path(Path("x")).name if case.kind == "station" else "hub.db")
        corrupt = case.state.startswith("corrupt")
        raw_before = dbfile.read_bytes() if corrupt else None
        before = None if corrupt or not dbfile.exists() else digest(d)
        argv = [a.replace("{dir}", str(work)) for a in case.argv]
        if case.kind == "station":
            cmd = [*station_cmd(), "--data-dir", str(d), "--lang", case.lang, *argv]
        else:
            cmd = [*HUB_CMD, *[a.replace("{data}", str(d)) for a in argv]]
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "WAREHOUSE_HUB_TEST_FAULTS": "0"}
        t0 = time.monotonic()
        p = subprocess.run(
            cmd,
            input=case.stdin,
            stdin=None if case.stdin is not None else subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
            cwd=work,
            errors="replace",
        )
        if os.environ.get("QA_TIMES"):
            print(f"QA_TIME {time.monotonic() - t0:6.2f}s {case.name}", file=sys.stderr)
        raw_after = dbfile.read_bytes() if corrupt and dbfile.exists() else None
        after = None if corrupt or not dbfile.exists() else digest(d)
        listing = sorted(x.name for x in d.iterdir()) if d.exists() else []
        return Result(
            case, p.returncode, p.stdout, p.stderr, before, after, listing, raw_before, raw_after
        )


def problems(r: Result) -> list[str]:
    c, out = r.case, []
    if c.expect_rc is not None:
        if r.rc != c.expect_rc:
            out.append(f"exit {r.rc}, expected {c.expect_rc}")
    elif r.rc == 0:
        out.append("exit 0 for bad input")
    if "Traceback" in r.err or "Traceback" in r.out:
        out.append("traceback on stderr")
    text = (r.err + r.out).lower()
    if c.needles and not any(n.lower() in text for n in c.needles):
        out.append(f"message names none of {c.needles}")
    if (
        r.rc == 1 and c.kind == "station"
    ):  # our own errors (argparse's usage errors are rc 2, English)
        lines = [ln.split("error:", 1)[1] for ln in r.err.splitlines() if "error:" in ln]
        if not lines:
            out.append("no 'error:' line")
        elif c.lang == "zh" and not any(CJK.search(ln) for ln in lines):
            out.append("--lang zh but the error is not in Chinese")
        elif c.lang == "en" and all(CJK.search(ln) for ln in lines):
            out.append("--lang en but the error is only in Chinese")
    if not c.changes_ok:
        if r.before != r.after:
            out.append("state tables changed" if r.before else "a database was created")
        if r.raw_before is not None and r.raw_before != r.raw_after:
            out.append("the damaged database file was modified (IT needs it as it was)")
        if c.state == "empty" and r.dir_listing:
            out.append(f"the uninitialised data dir got {r.dir_listing}")
    return out


def run_cases(tmp: Path, cases: list[Case]) -> list[tuple[Case, list[str], Result]]:
    runner = Runner(tmp)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(runner.run, cases))
    return [(r.case, problems(r), r) for r in results]


def report(results: list[tuple[Case, list[str], Result]]) -> None:
    bad = [(c, p, r) for c, p, r in results if p and not c.xfail]
    fixed = [c for c, p, r in results if c.xfail and not p]
    msg = "\n\n".join(
        f"[{c.name}] {' '.join(c.argv)}\n  -> {'; '.join(p)}\n  rc={r.rc}\n  stderr: {r.err[-800:]}"
        f"\n  stdout: {r.out[-300:]}"
        for c, p, r in bad
    )
    assert not bad, f"{len(bad)} of {len(results)} cases failed:\n\n{msg}"
    if fixed:  # another team fixed it: a reminder, not a failure of their commit
        warnings.warn(
            f"known-bug cases now pass, drop their xfail: {[c.name for c in fixed]}", stacklevel=2
        )


# -- the cases ---------------------------------------------------------------------------------


def missing_arg_cases() -> list[Case]:
    cases = []
    for path, p in STATION_LEAVES.items():
        if required(p):
            cases.append(
                Case(
                    f"missing args: {' '.join(path)}",
                    list(path),
                    state="empty",
                    expect_rc=2,
                    needles=("required", "expected"),
                )
            )
    for path, p in HUB_LEAVES.items():
        if required(p):
            cases.append(
                Case(
                    f"hub missing args: {' '.join(path)}",
                    list(path),
                    kind="hub",
                    state="empty",
                    expect_rc=2,
                    needles=("required",),
                )
            )
    return cases


def uninitialised_cases() -> list[Case]:
    """Every station command on a data dir without a station: non-zero, says init, creates nothing."""
    cases = []
    for i, (path, p) in enumerate(STATION_LEAVES.items()):
        if path in LONG_RUNNING or path in {("init",), ("demo",)}:
            continue
        argv = [*path, *filled(p, NOPE)]
        if path == ("run",):
            argv += ["--headless", "--mode", "pack", "--scanner", "/dev/qa-no-such-tty"]
        if path == ("sync", "configure"):
            argv = [*path, "--hub-url", "http://127.0.0.1:9", "--token", "t", "--no-check"]
        if path in {("print-test",)}:
            continue  # needs no station; covered by the printer cases
        cases.append(
            Case(
                f"uninitialised: {' '.join(path)}",
                argv,
                state="empty",
                lang="zh" if i % 2 else "en",
                needles=("init", "初始化", "no station", "没有站点"),
            )
        )
    for path, p in HUB_LEAVES.items():
        # these make a hub where there is none (restore: a backup into a fresh folder), by design
        if path in LONG_RUNNING or path in {
            ("station", "add"),
            ("import",),
            ("warehouse", "add"),
            ("restore",),
        }:
            continue
        argv = [*path, *filled(p, NOPE, skip=("data_dir",)), "--data-dir", "{data}"]
        cases.append(
            Case(
                f"hub uninitialised: {' '.join(path)}",
                argv,
                kind="hub",
                state="empty",
                needles=("no hub database", "hub.db", "没有上游数据库"),
            )
        )
    return cases


def unknown_id_cases() -> list[Case]:
    """Every command that takes an id, given one that does not exist, on a seeded station."""
    cases = []
    for i, (path, p) in enumerate(STATION_LEAVES.items()):
        if path in LONG_RUNNING or path in CREATES or not required(p):
            continue
        argv = [*path, *filled(p, NOPE)]
        needles: tuple[str, ...] = (
            NOPE.lower(),
            "unknown",
            "no ",
            "未知",
            "没有",
            "找不到",
            "not ",
            "pin",
        )
        if path == ("scan",):
            argv += ["--batch", NOPE]
        cases.append(
            Case(
                f"unknown id: {' '.join(path)}",
                argv,
                lang="zh" if i % 2 else "en",
                needles=needles,
                # a wrong lead PIN is recorded (event + lockout count, issue 10): by design
                changes_ok="--pin" in argv,
            )
        )
    cases += [
        Case(
            "config set a wrong value",
            ["config", "set", "scanner.baud", "fast"],
            needles=("scanner.baud",),
        ),
        Case(
            "config set a printer URL it cannot use",
            ["config", "set", "printer.url", "lpt://x"],
            needles=("printer", "打印机"),
        ),
    ]
    cases += [
        Case(
            "unknown operator lead reprint",
            [
                "reprint",
                "--waybill",
                "WBO1",
                "--printer",
                "file://{dir}/out.zpl",
                "--lead",
                NOPE,
                "--pin",
                "1",
            ],
            needles=("pin",),
            changes_ok=True,  # the failed try is recorded (event + lockout count, issue 10)
        ),
        Case(
            "wrong PIN reprint",
            [
                "reprint",
                "--waybill",
                "WBO1",
                "--printer",
                "file://{dir}/out.zpl",
                "--lead",
                "L1",
                "--pin",
                "0000",
            ],
            needles=("pin",),
            changes_ok=True,  # the failed try is recorded (event + lockout count, issue 10)
        ),
        Case(
            "unknown waybill reprint",
            [
                "reprint",
                "--waybill",
                NOPE,
                "--printer",
                "file://{dir}/out.zpl",
                "--lead",
                "L1",
                "--pin",
                "4321",
            ],
            needles=(NOPE,),
        ),
        Case(
            "unknown carrier handoff",
            ["handoff", "open", "--carrier", NOPE],
            lang="zh",
            needles=(NOPE,),
        ),
        Case("unknown sku batch", ["batch", "create", "--sku-set", f"{NOPE}*1"], needles=(NOPE,)),
        Case("malformed sku set", ["batch", "create", "--sku-set", "A*x+*"], needles=("sku",)),
        Case(
            "scan into unknown handoff",
            ["scan", "WBO1", "--mode", "handoff", "--handoff", NOPE],
            expect_rc=3,
            needles=("no_handoff",),
        ),
        Case(
            "scan an unknown code",
            ["scan", "\x1b' OR 1=1 --", "--mode", "verify"],
            expect_rc=3,
            needles=("unknown_code",),
        ),
        Case(
            "scan stdin garbage",
            ["scan", "-", "--mode", "verify"],
            stdin="\x1b[A\n\u202eWBO1\nWB\ufffdO1\n",
            expect_rc=3,
            needles=("unknown_code",),
        ),
        Case(
            "invalid command card",
            ["scan", "#REASON:broken", "--mode", "verify"],
            expect_rc=3,
            needles=("invalid_command",),
        ),
        Case(
            "absurd weight",
            ["scan", "WBO1", "--mode", "verify", "--weight", "99999999999999999999"],
            expect_rc=3,
            needles=("wrong_weight", "not_packed"),
        ),
        Case(
            "bad report time",
            ["report", "handoffs", "--since", "yesterday-ish"],
            needles=("since", "time"),
        ),
        Case(
            "bad sync report time",
            ["sync", "report", "--since", "32/13/2026"],
            needles=("since", "time"),
        ),
        Case(
            "hub bad report time",
            ["report", "--since", "soon", "--data-dir", "{data}"],
            kind="hub",
            needles=("since", "time"),
        ),
        Case(
            "negative demo orders", ["demo", "--orders", "-5"], state="empty", needles=("orders",)
        ),
        Case(
            "init bad station id",
            ["init", "--station-id", "../../etc"],
            state="empty",
            needles=("station id", "站点编号"),
        ),
        Case("init other station id", ["init", "--station-id", "OTHER"], needles=("QA1",)),
        Case("empty operator code", ["operator", "add", "", "Nobody"], needles=("operator code",)),
        Case("zero units in a sku set", ["batch", "create", "--sku-set", "A*0"], needles=("A*0",)),
        Case(
            "absurd units in a sku set",
            [
                "batch",
                "create",
                "--sku-set",
                "A*999999999999999999999",
                "--kind",
                "anonymous",
                "--qty",
                "1",
            ],
            needles=("units",),
        ),
        Case(
            "sync configure broken url",
            ["sync", "configure", "--hub-url", "http://[::1", "--token", "t"],
            needles=("not valid",),
        ),
        Case(
            "sync configure no host",
            ["sync", "configure", "--hub-url", "http://", "--token", "t", "--no-check"],
            needles=("not valid",),
        ),
        Case(
            "promo set-stock overflow",
            ["plan", "set-stock", "A", "99999999999999999999"],
            needles=("qty", "stock"),
        ),
        Case(
            "lead without pin",
            ["operator", "add", "L9", "Lead", "--role", "lead"],
            needles=("pin",),
        ),
        Case(
            "hub cancel unknown order",
            ["cancel", NOPE, "--data-dir", "{data}"],
            kind="hub",
            needles=(NOPE,),
        ),
        Case(
            "hub revoke unknown station",
            ["station", "revoke", NOPE, "--data-dir", "{data}"],
            kind="hub",
            needles=(NOPE,),
        ),
        Case(
            "hub add existing station",
            ["station", "add", "S1", "--data-dir", "{data}"],
            kind="hub",
            needles=("S1",),
        ),
        Case("sync report unconfigured", ["sync", "report"], needles=("not configured", "未配置")),
        Case("sync once unconfigured", ["sync", "--once"], needles=("configur", "配置")),
        Case(
            "sync configure bad url",
            ["sync", "configure", "--hub-url", "ftp://x", "--token", "t"],
            needles=("http",),
        ),
        Case(
            "sync configure empty token",
            ["sync", "configure", "--hub-url", "http://x", "--token", "  "],
            needles=("token",),
        ),
        Case(
            "sync configure dead hub",
            ["sync", "configure", "--hub-url", f"http://127.0.0.1:{dead_port()}", "--token", "t"],
            needles=("not saved", "未保存"),
        ),
    ]
    return cases


def dead_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again: nothing listens there


BAD_FILES: dict[str, bytes] = {
    "binary.csv": os.urandom(700) + b"\xff\xfe",
    "utf16.csv": "code,name\nA,口红\n".encode("utf-16"),
    # GBK/GB18030 is read now (what Excel saves for Chinese users); Big5 is refused, never guessed
    "big5.csv": "code,name\nQ1,王偉台北市\n".encode("big5"),
    "truncated.jsonl": (
        b'{"order_id": "N1", "items": [{"sku": "A", "qty": 1}], "paid_at": "2026-11-11T12:00:00Z"}'
        b'\n{"order_id": "N2", "ite'
    ),
    "extra.csv": b"code,name,weight_g\nQ1,Lip,100\nQ2,Serum,200,EXTRA,MORE\n",
    "empty.csv": b"",
    "header-only.csv": b"code,name\n",
    "huge-number.csv": b"code,name,weight_g,price\nQ1,Lip,1e400,inf\n",
    "surrogate.jsonl": b'{"code": "Q1", "name": "\\ud800"}\n',
    "array.jsonl": b"[1, 2, 3]\n",
    "big-qty.jsonl": b'{"order_id": "N1", "items": [{"sku": "A", "qty": 1e30}], "paid_at": "2026-11-11T12:00:00Z"}\n',
    "nul.jsonl": b"\x00\x00\x00\x00",
    "weird.xlsx": b"PK\x03\x04 not really",
}


# Found by this sweep in code another team owns right now (warehouse_app/promo/**,
# warehouse_app/cli/promo_cmds.py): reported, not fixed here. An entry that starts passing only
# warns (so their fix never breaks this module); remove it then.
PROMO_BUGS: dict[tuple[tuple[str, ...], str], str] = {}


def file_cases() -> list[Case]:
    cases = []
    for kind in ("skus", "orders"):
        for i, name in enumerate(BAD_FILES):
            cases.append(
                Case(
                    f"import {kind} {name}",
                    ["import", kind, "{dir}/" + name],
                    files={name: BAD_FILES[name]},
                    lang="zh" if i % 2 else "en",
                    needles=(name,),
                )
            )
        cases.append(
            Case(
                f"import {kind} missing file",
                ["import", kind, "{dir}/nope.csv"],
                needles=("nope.csv",),
            )
        )
        cases.append(
            Case(
                f"import {kind} a directory",
                ["import", kind, "{dir}/adir.csv/"],
                files={"adir.csv/x": b""},
                needles=("adir.csv",),
            )
        )
    for kind in ("order", "sku", "carrier", "setting"):
        for name in (
            "binary.csv" if kind in ("order", "sku") else "binary.jsonl",
            "truncated.jsonl",
            "empty.csv" if kind in ("order", "sku") else "empty.jsonl",
            "surrogate.jsonl",
            "big-qty.jsonl",
            "array.jsonl",
        ):
            data = BAD_FILES.get(name, BAD_FILES.get(name.replace(".jsonl", ".csv"), b""))
            cases.append(
                Case(
                    f"hub import {kind} {name}",
                    ["import", "{dir}/" + name, "--kind", kind, "--data-dir", "{data}"],
                    kind="hub",
                    files={name: data},
                    needles=(name,),
                )
            )
    for path in (("plan", "import-schedule"), ("plan", "import-history"), ("carrier", "rules")):
        for name in ("binary.csv", "truncated.jsonl", "empty.csv", "utf16.csv"):
            xfail = PROMO_BUGS.get((path, name), "")
            cases.append(
                Case(
                    f"{' '.join(path)} {name}",
                    [*path, "{dir}/" + name],
                    files={name: BAD_FILES[name]},
                    needles=(name,),
                    xfail=xfail,
                )
            )
    return cases


def printer_and_port_cases() -> list[Case]:
    dead = dead_port()
    urls = [
        "nonsense",
        "tcp://",
        f"tcp://127.0.0.1:{dead}",
        "tcp://127.0.0.1:99999",
        "tcp://256.1.1.1:9100",
        "tcp://127.0.0.1:9100?lang=klingon",
        "serial:///dev/qa-no-such-tty",
        "file:///proc/qa-no-such-dir/out.zpl",
        "cups://",
        "ipp://printer",
    ]
    cases = [
        Case(
            f"print-test {u}",
            ["print-test", "--printer", u],
            needles=("printer", "打印机", "url", "port", "cannot write"),
            lang="zh" if i % 2 else "en",
        )
        for i, u in enumerate(urls)
    ]
    cases += [
        Case(
            "print-test bad size",
            ["print-test", "--printer", "file://{dir}/o.zpl", "--size", "3x5"],
            needles=("size",),
        )
    ]
    cases += [
        Case(
            "print-batch bad url",
            ["print-batch", "--batch", "QA1-B0001", "--printer", "nonsense", "--operator", "P1"],
            needles=("printer", "打印机", "url"),
        )
    ]
    cases += [
        Case(
            "print-batch unknown batch",
            ["print-batch", "--batch", NOPE, "--printer", "file://{dir}/o.zpl"],
            needles=(NOPE,),
        )
    ]
    cases += [
        Case(
            "run bad printer url",
            [
                "run",
                "--headless",
                "--mode",
                "pack",
                "--scanner",
                "/dev/null",
                "--printer",
                "nonsense",
            ],
            needles=("printer", "url"),
        ),
        Case(
            "run bad scanner settings",
            [
                "run",
                "--headless",
                "--mode",
                "pack",
                "--scanner",
                "/dev/null",
                "--suffix",
                "ETX",
                "--parity",
                "Q",
            ],
            needles=("suffix",),
        ),
        Case("run no scanner", ["run", "--headless", "--mode", "pack"], needles=("scanner",)),
        Case("run not headless", ["run"], needles=("headless",)),
        Case(
            "simulate scanner bad link",
            ["simulate", "scanner", "--link", "/proc/qa-no-such-dir/link"],
            needles=("link", "/proc/qa-no-such-dir"),
        ),
        Case(
            "simulate scale bad link",
            ["simulate", "scale", "--link", "/proc/qa-no-such-dir/link"],
            needles=("link", "/proc/qa-no-such-dir"),
        ),
        Case(
            "simulate scale bad format",
            ["simulate", "scale", "--format", "xml"],
            expect_rc=2,
            needles=("invalid choice",),
        ),
        Case(
            "gui bad language", ["gui", "--ui-lang", "fr"], expect_rc=2, needles=("invalid choice",)
        ),
        Case(
            "simulate printer port in use",
            ["simulate", "printer", "--port", "{busy}"],
            needles=("port", "端口", "in use"),
        ),
        Case(
            "simulate printer port out of range",
            ["simulate", "printer", "--port", "99999"],
            needles=("port",),
        ),
        Case(
            "hub serve port out of range",
            ["serve", "--data-dir", "{data}", "--port", "70000"],
            kind="hub",
            needles=("port",),
        ),
        Case(
            "hub serve port in use",
            ["serve", "--data-dir", "{data}", "--port", "{busy}"],
            kind="hub",
            needles=("port", "in use"),
        ),
        Case(
            "hub serve missing tls files",
            [
                "serve",
                "--data-dir",
                "{data}",
                "--port",
                "0",
                "--tls-cert",
                "{dir}/nope.pem",
                "--tls-key",
                "{dir}/nope.key",
            ],
            kind="hub",
            needles=("nope.pem",),
        ),
        Case(
            "hub serve tls cert only",
            ["serve", "--data-dir", "{data}", "--tls-cert", "{dir}/c.pem"],
            kind="hub",
            needles=("tls",),
        ),
    ]
    return cases


def corrupt_db_cases() -> list[Case]:
    cases = []
    cmds = [
        ["status"],
        ["batch", "list"],
        ["scan", "WBO1", "--mode", "verify"],
        ["import", "skus", "{dir}/ok.csv"],
        ["handoff", "open", "--carrier", "ZTO"],
        ["report", "handoffs"],
        ["sync", "status"],
        ["plan", "stock"],
    ]
    hows = sorted(CORRUPTIONS)
    for i, argv in enumerate(cmds):
        how = hows[i % len(hows)]
        cases.append(
            Case(
                f"corrupt({how}) station.db: {' '.join(argv[:2])}",
                argv,
                state=f"corrupt:{how}",
                lang="zh" if i % 2 else "en",
                files={"ok.csv": b"code,name\nQ1,Lip\n"},
                needles=("damaged", "损坏", "database", "数据库"),
            )
        )
    for i, argv in enumerate(
        [
            ["station", "list"],
            ["report"],
            ["cancel", "O1"],
            ["station", "add", "S9"],
            ["serve", "--port", "0"],
        ]
    ):
        how = hows[i % len(hows)]
        cases.append(
            Case(
                f"corrupt({how}) hub.db: {' '.join(argv[:2])}",
                [*argv, "--data-dir", "{data}"],
                kind="hub",
                state=f"corrupt:{how}",
                needles=("damaged", "hub.db", "database"),
            )
        )
    cases.append(
        Case(
            "hub data dir is a file",
            ["station", "list", "--data-dir", "{dir}/afile"],
            kind="hub",
            state="none",
            files={"afile": b"x"},
            needles=("afile",),
        )
    )
    cases.append(
        Case(
            "station data dir is a file",
            ["status"],
            state="none",
            needles=("data", "folder", "目录"),
        )
    )
    return cases


# -- the tests ---------------------------------------------------------------------------------


def test_sweep_covers_every_subcommand() -> None:
    """Every leaf of both trees appears in at least one case (a new command joins the sweep)."""
    seen = {
        tuple(c.argv[: len(path)])
        for c in all_cases()
        for path in (STATION_LEAVES if c.kind == "station" else HUB_LEAVES)
    }
    st_missing = [p for p in STATION_LEAVES if p not in seen]
    hub_missing = [p for p in HUB_LEAVES if p not in seen]
    assert not st_missing and not hub_missing, (st_missing, hub_missing)


def all_cases() -> list[Case]:
    return (
        missing_arg_cases()
        + uninitialised_cases()
        + unknown_id_cases()
        + file_cases()
        + printer_and_port_cases()
        + corrupt_db_cases()
    )


@pytest.fixture(scope="module")
def busy_port() -> Iterator[int]:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(1)
    yield int(s.getsockname()[1])
    s.close()


GROUPS = {
    "missing_args": missing_arg_cases,
    "uninitialised": uninitialised_cases,
    "unknown_ids": unknown_id_cases,
    "malformed_files": file_cases,
    "printers_and_ports": printer_and_port_cases,
    "corrupt_db": corrupt_db_cases,
}


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_bad_input_gets_a_clear_error_and_changes_nothing(
    group: str, tmp_path: Path, busy_port: int
) -> None:
    cases = GROUPS[group]()
    for c in cases:
        c.argv = [a.replace("{busy}", str(busy_port)) for a in c.argv]
    results = run_cases(tmp_path, cases)
    report(results)


def test_headless_station_on_a_missing_serial_port_says_so_and_stops_cleanly(
    tmp_path: Path,
) -> None:
    """A scanner port that does not exist is a device state (it may be plugged in later), so the
    station keeps running and says so in zh and en; SIGTERM stops it with exit 0, no traceback."""
    d = tmp_path / "st"
    d.mkdir()
    _seed_station(d)
    before = station_digest(d)
    p = subprocess.Popen(
        [
            *station_cmd(),
            "--data-dir",
            str(d),
            "run",
            "--headless",
            "--mode",
            "verify",
            "--scanner",
            "/dev/qa-no-such-tty",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert p.stderr is not None
    lines = []
    for line in p.stderr:
        lines.append(line)
        if '"unavailable"' in line:
            break
    p.terminate()
    out, err = p.communicate(timeout=30)
    err = "".join(lines) + err
    ev = json.loads(next(ln for ln in lines if '"unavailable"' in ln))
    assert "/dev/qa-no-such-tty" in ev["message_en"] and ev["message_zh"]
    assert p.returncode == 0 and "Traceback" not in err
    assert station_digest(d) == before


def test_print_batch_to_an_unreachable_printer_says_so_and_cancels_cleanly(tmp_path: Path) -> None:
    """An unreachable printer holds the queue (it resumes when the printer is back), says so in zh
    and en at once, and SIGTERM cancels the run: exit 0, no traceback, no parcel state changed."""
    d = tmp_path / "st"
    d.mkdir()
    _seed_station(d)
    before = station_digest(d)
    p = subprocess.Popen(
        [
            *station_cmd(),
            "--data-dir",
            str(d),
            "print-batch",
            "--batch",
            "QA1-B0001",
            "--printer",
            f"tcp://127.0.0.1:{dead_port()}?lang=zpl",
            "--operator",
            "P1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert p.stdout is not None
    lines = []
    for line in p.stdout:
        lines.append(line)
        if '"fault"' in line:
            break
    p.terminate()
    out, err = p.communicate(timeout=30)
    fault = json.loads(lines[-1])
    assert fault["message_zh"] and "offline" in fault["message_en"].lower()
    assert any(
        json.loads(ln)["event"] == "cancelled" for ln in out.splitlines() if ln.startswith("{")
    )
    assert p.returncode == 0 and "Traceback" not in err
    assert station_digest(d) == before


def test_sync_against_a_hub_answering_500_garbage_and_bad_data_loses_nothing(
    tmp_path: Path,
) -> None:
    """`sync --once` against a real hub that answers 500, then broken JSON, then sends records
    this station cannot apply: each run exits non-zero with a zh/en message and no traceback,
    changes no state table and keeps the pull cursor; once the hub is sane, everything arrives
    exactly once."""
    from tests.sync_helpers import Hub

    d = tmp_path / "st"
    d.mkdir()
    _seed_station(d)
    hub = Hub(tmp_path / "hub", faults=True).start()
    try:
        token = hub.add_station("QA1")

        def cli(*argv: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [*station_cmd(), "--data-dir", str(d), "--lang", lang, *argv],
                capture_output=True,
                text=True,
                timeout=120,
                cwd=ROOT,
                stdin=subprocess.DEVNULL,
            )

        assert cli("sync", "configure", "--hub-url", hub.url, "--token", token).returncode == 0
        before = station_digest(d)

        def cursor() -> int:
            conn = open_store(db_path(d), create=False).connect(readonly=True)
            try:
                return int(
                    conn.execute("SELECT pull_cursor FROM sync_state WHERE id=1").fetchone()[0]
                )
            finally:
                conn.close()

        def refused(lang: str, *needles: str) -> None:
            r = cli("sync", "--once", lang=lang)
            assert r.returncode != 0, r
            assert "Traceback" not in r.stderr, r.stderr
            line = next(ln for ln in r.stderr.splitlines() if "error:" in ln)
            assert (CJK.search(line.split("error:", 1)[1]) is not None) == (lang == "zh"), line
            assert any(n.lower() in r.stderr.lower() for n in needles), r.stderr
            assert station_digest(d) == before
            assert cursor() == 0

        hub.set_faults(fail_next=1000)
        refused("zh", "500", "上游")
        hub.set_faults(fail_next=0, garbage_next=1000)
        refused("en", "hub", "json", "answer")
        hub.set_faults(garbage_next=0)
        hub.storage.put_records("carrier", [("ZZ", {"code": "ZZ", "name": {"not": "text"}})])
        hub.storage.put_records(
            "batch_plan",
            [("BP1", {"batch_id": "BP1", "sku_set": "A*1", "kind": "anonymous", "qty": 10**30})],
        )
        refused("en", "cannot apply")
        # the hub's data is fixed: the next sync applies it and every event is there exactly once
        hub.storage.put_records("carrier", [("ZZ", {"code": "ZZ", "name": "ZZ Express"})])
        hub.storage.put_records(
            "batch_plan",
            [("BP1", {"batch_id": "BP1", "sku_set": "A*1", "kind": "anonymous", "qty": 2})],
        )
        r = cli("sync", "--once")
        assert r.returncode == 0, r.stderr
        conn = open_store(db_path(d), create=False).connect(readonly=True)
        try:
            want = [
                (row[0], row[1])
                for row in conn.execute("SELECT seq, uuid FROM events ORDER BY seq")
            ]
            assert (
                conn.execute("SELECT planned_qty FROM batches WHERE batch_id='BP1'").fetchone()[0]
                == 2
            )
        finally:
            conn.close()
        got = [(e["seq"], e["uuid"]) for e in hub.storage.events("QA1", 0, 10**9)]
        assert got == want  # including the batch.created event the pull produced
    finally:
        hub.stop()


def test_absurd_batch_sizes_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    """`--qty 100000000000` used to build that many parcel rows in memory (the station hung);
    a negative presale qty became SQLite `LIMIT -5`, i.e. every order."""
    cases = [
        Case(
            "huge anonymous qty",
            ["batch", "create", "--sku-set", "A*1", "--kind", "anonymous", "--qty", "100000000000"],
            needles=("qty", "数量"),
        ),
        Case(
            "negative presale qty",
            ["batch", "create", "--sku-set", "A*1", "--qty", "-5"],
            lang="zh",
            needles=("数量",),
        ),
        Case(
            "negative weight tolerance",
            [
                "batch",
                "create",
                "--sku-set",
                "A*1",
                "--kind",
                "anonymous",
                "--qty",
                "2",
                "--weight-tolerance",
                "-1",
            ],
            needles=("tolerance",),
        ),
    ]
    report(run_cases(tmp_path, cases))
