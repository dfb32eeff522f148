"""Layer contracts, checked by reading the source (tests/layers.py): an upward import, SQL in a
screen or a CLI command, or an import cycle fails the suite the day it is written, and says where.

- `warehouse_app/` (the core) never imports `ui/` or Qt (`gui` finds the window by entry point);
- `devices/` never imports `warehouse_app/`, `ui/`, Qt or sqlite3, and runs no SQL (bytes in,
  bytes out: no database);
- `ui/` and the CLI (`warehouse_app/cli/`) run no SQL and open no transactions: they call core
  operations (`warehouse_app.operations`, `counts`, the station session, ...);
- the project's modules import each other without cycles (lazy imports count).

KNOWN_DEBT lists what is not fixed yet, by file. It may only shrink: a new violation fails, and
so does an entry that no longer violates (delete it from the list when you fix it).
"""

from __future__ import annotations

import subprocess
import sys

from tests.layers import ROOT, cycles, graph, imports_of, source_files, sql_sites

QT = ("PySide6", "shiboken6")

KNOWN_DEBT: dict[str, set[str]] = {
    # devices/ modules that still read the station DB or core helpers: none left (issue 9)
    "devices_imports_core": set(),
    # screens and commands of other areas that still open transactions or run SQL
    "sql_above_core": set(),
    "cycles": set(),
}


def _importers(package: str, forbidden: tuple[str, ...]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for path in source_files(package):
        for imp in imports_of(path):
            if imp.target.split(".")[0] in forbidden:
                rel = str(path.relative_to(ROOT))
                out.setdefault(rel, []).append(f"{rel}:{imp.line} imports {imp.target}")
    return out


def _check(found: dict[str, list[str]], debt: set[str]) -> None:
    new = [line for f, lines in sorted(found.items()) if f not in debt for line in lines]
    assert new == [], "layer violation(s):\n" + "\n".join(new)
    fixed = sorted(debt - set(found))
    assert fixed == [], f"fixed, now remove from KNOWN_DEBT: {fixed}"


def test_core_imports_neither_ui_nor_qt() -> None:
    _check(_importers("warehouse_app", ("ui", *QT)), set())


def test_devices_import_neither_core_nor_ui_nor_qt() -> None:
    assert _importers("devices", ("ui", *QT)) == {}
    _check(_importers("devices", ("warehouse_app",)), KNOWN_DEBT["devices_imports_core"])


def test_devices_know_nothing_of_the_database() -> None:
    """Bytes in, bytes out: devices/ neither imports sqlite3 nor runs SQL (the label data, the
    print worker and the manifest's wording are the core's; devices get them handed in)."""
    found = _importers("devices", ("sqlite3",))
    for p in source_files("devices"):
        rel = str(p.relative_to(ROOT))
        for line, what in sql_sites(p):
            found.setdefault(rel, []).append(f"{rel}:{line} {what}")
    _check(found, set())


def test_ui_and_cli_run_no_sql() -> None:
    places = [*source_files("ui"), *sorted((ROOT / "warehouse_app" / "cli").rglob("*.py"))]
    found: dict[str, list[str]] = {}
    for p in places:
        rel = str(p.relative_to(ROOT))
        for line, what in sql_sites(p):
            found.setdefault(rel, []).append(f"{rel}:{line} {what}")
    _check(found, KNOWN_DEBT["sql_above_core"])


def test_no_import_cycles() -> None:
    found = {" ".join(c): [" -> ".join(c)] for c in cycles(graph())}
    _check(found, KNOWN_DEBT["cycles"])


def test_the_readers_see_sql_transactions_and_lazy_imports(tmp_path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "def f(conn):\n"
        "    from ui.window import MainWindow\n"
        "    with transaction(conn):\n"
        "        conn.execute('UPDATE parcels SET state=1')\n",
        encoding="utf-8",
    )
    sites = [w for _line, w in sql_sites(probe)]
    assert "transaction(...)" in sites and "execute(...)" in sites
    assert any(s.startswith("UPDATE parcels") for s in sites)


def test_core_and_devices_load_without_qt_or_the_hub() -> None:
    code = (
        "import sys\n"
        "for m in ('fastapi', 'uvicorn', 'PySide6'): sys.modules[m] = None\n"
        "import warehouse_app.cli, warehouse_app.session, warehouse_app.headless\n"
        "import warehouse_app.operations, warehouse_app.counts, warehouse_app.sync\n"
        "import devices.printers.printer, devices.scanners.serial_reader\n"
        "from warehouse_app.cli import build_parser; build_parser()\n"
        "assert not any(m == 'ui' or m.startswith('ui.') for m in sys.modules)\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0 and "ok" in out.stdout, out.stderr
