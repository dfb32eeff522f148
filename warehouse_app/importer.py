"""Reading SKU and order files (CSV or JSON Lines), shared by the station CLI and the hub.

Every bad row is reported with its line number and reason; the caller decides whether a file with
errors imports nothing (the default) or only its good rows.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from warehouse_app.catalog import TIERS
from warehouse_app.clock import iso, parse_iso
from warehouse_app.domain import parse_sku_set
from warehouse_app.errors import StationError


@dataclass
class RowError:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


Row = dict[str, Any]


# ---------------------------------------------------------------- encodings

SAMPLE_BYTES = 1 << 20  # what the encoding is judged on; the rest is decoded strictly as it streams
_GB_FAMILY = {"gb18030", "gbk", "gb2312", "cp936", "hz", "hz_gb_2312"}


def detect_encoding(path: Path) -> str:
    """'utf-8-sig', 'utf-8' or 'gb18030' (what Excel saves for Chinese users; a superset of GBK and
    GB2312), judged on the first MB by charset-normalizer plus two strict checks, so a file is never
    read in a wrong encoding silently: anything else is refused with a clear message, and a byte the
    chosen encoding cannot decode later in the file stops the import with its line number."""
    try:
        with open(path, "rb") as f:
            head = f.read(SAMPLE_BYTES)
    except FileNotFoundError as exc:
        raise StationError(f"File not found: {path}", zh=f"找不到文件：{path}") from exc
    except OSError as exc:
        raise StationError(f"Cannot read {path}: {exc}", zh=f"无法读取 {path}：{exc}") from exc
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise StationError(
            f"{path} is UTF-16 text (Excel 'Unicode Text'): save it as UTF-8 CSV (Excel: 'CSV UTF-8')",
            zh=f"{path} 是 UTF-16 文本（Excel“Unicode 文本”）：请另存为 UTF-8 CSV（Excel：“CSV UTF-8”）",
        )
    sample = head
    if len(head) == SAMPLE_BYTES and b"\n" in head:
        sample = head[: head.rfind(b"\n") + 1]  # never judge a character cut in half
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    guess = (best.encoding if best is not None else "").lower()
    if guess in _GB_FAMILY:
        return "gb18030"
    # a short Chinese sample can look like Big5 to a detector: GB18030 decoding into GB2312's
    # simplified characters only is GB (Big5 bytes read as GB land outside GB2312)
    try:
        sample.decode("gb18030").encode("gb2312")
        return "gb18030"
    except (UnicodeDecodeError, UnicodeEncodeError):
        pass
    raise StationError(
        f"{path}: cannot tell its text encoding (it looks like {guess or 'binary data'}): save it as "
        "UTF-8 CSV (Excel: 'CSV UTF-8') or as GB18030/GBK",
        zh=f"{path}：无法确定文件编码（看起来像 {guess or '二进制数据'}）：请另存为 UTF-8 CSV（Excel：“CSV UTF-8”）"
        "或 GB18030/GBK",
    )


def _not_decodable(path: Path, enc: str, line: int) -> StationError:
    return StationError(
        f"{path}: near line {line} the text is not valid {enc.upper()} (the start of the file was): "
        "the file mixes encodings; nothing imported. Save it again as UTF-8 CSV",
        zh=f"{path}：第 {line} 行附近的文字不是有效的 {enc.upper()}（文件开头是）：文件混用了编码，"
        "未导入任何数据。请重新另存为 UTF-8 CSV",
    )


def _first_bad_line(path: Path, enc: str) -> int | None:
    """The exact line a decode error is on (the text reader decodes ahead in blocks); only on error."""
    dec = codecs.getincrementaldecoder(enc)(errors="strict")
    try:
        with open(path, "rb") as f:
            for n, raw in enumerate(f, start=1):
                try:
                    dec.decode(raw)
                except UnicodeDecodeError:
                    return n
    except OSError:
        return None
    return None


def _records(path: Path) -> Iterator[tuple[int, Row | None, str | None]]:
    """(line number, record or None, parse error) for each non-blank data line, streamed: memory stays
    flat however long the file is."""
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".txt"):
        raise StationError(
            f"{path}: unknown file type {path.suffix!r}: use .csv or .jsonl",
            zh=f"{path}：不支持的文件类型 {path.suffix!r}：请用 .csv 或 .jsonl",
        )
    enc = detect_encoding(path)
    if suffix in (".jsonl", ".ndjson", ".json") and enc == "gb18030":
        raise StationError(
            f"{path} is not UTF-8 text (JSON Lines must be UTF-8)",
            zh=f"{path} 不是 UTF-8 文本（JSONL 必须是 UTF-8 编码）",
        )
    n = 0
    try:
        with open(path, encoding=enc, errors="strict", newline="") as f:
            if suffix in (".jsonl", ".ndjson", ".json"):
                for n, line in enumerate(f, start=1):
                    if not line.strip():
                        continue
                    try:
                        rec = json.loads(line)
                    except json.JSONDecodeError as exc:
                        yield n, None, f"not valid JSON ({exc.msg})"
                        continue
                    if not isinstance(rec, dict):
                        yield n, None, "not a JSON object"
                        continue
                    yield n, rec, None
                return
            # csv.reader, not DictReader: one dict per row instead of two (a million-row file)
            reader = csv.reader(f, delimiter="\t" if suffix == ".tsv" else ",")
            header = next(reader, None)
            if not header:
                return
            fields = [HEADER_ALIASES.get(h.strip(), h.strip()) if h else h for h in header]
            nf = len(fields)
            for values in reader:
                if not values:
                    continue  # a blank line (as DictReader skips it)
                n = reader.line_num
                named = values[:nf] if len(values) > nf else values
                if not any(v.strip() for v in named):
                    continue
                if len(values) > nf:
                    yield n, None, "more fields than the header has"
                    continue
                row_rec: Row = dict(zip(fields, [v.strip() for v in values], strict=False))
                for k in fields[len(values) :]:
                    row_rec[k] = None  # a short row: the missing fields are None (as DictReader)
                yield n, row_rec, None
    except UnicodeDecodeError as exc:
        raise _not_decodable(path, enc, _first_bad_line(path, enc) or n + 1) from exc
    except OSError as exc:
        raise StationError(f"Cannot read {path}: {exc}", zh=f"无法读取 {path}：{exc}") from exc


# Chinese column headers a lead's spreadsheet may carry (the export in Chinese mode writes them)
HEADER_ALIASES: dict[str, str] = {
    "订单号": "order_id",
    "付款时间": "paid_at",
    "平台": "platform",
    "场次": "session_id",
    "承诺发货": "ship_by",
    "商品": "items",
    "商品组合": "items",
    "收件人": "recipient_name",
    "电话": "recipient_phone",
    "省份": "province",
    "城市": "city",
    "区县": "district",
    "地址": "address",
    "快递公司": "carrier",
    "面单号": "waybill",
    "三段码": "sort_code",
    "状态": "status",
    "延迟发货": "delayed_ok",
    "代码": "code",
    "名称": "name",
    "重量": "weight_g",
    "分层": "tier",
    "条码": "barcodes",
}


class SeenKeys:
    """Duplicate-key check for read_rows: a dict (small files)."""

    def __init__(self) -> None:
        self.lines: dict[str, int] = {}

    def first_lines(self, keys: list[tuple[str, int]]) -> list[int | None]:
        """For each (key, line) in file order: the line the key was first seen on, or None (first
        time; it is remembered)."""
        out: list[int | None] = []
        for key, line in keys:
            prev = self.lines.get(key)
            if prev is None:
                self.lines[key] = line
            out.append(prev)
        return out


class SeenKeysInDb(SeenKeys):
    """The same check for a million-row import in constant memory: a TEMP table (SQLite's b-tree,
    spilled to a temp file, not a Python dict of a million strings), checked a block of keys at a
    time (one IN query and one executemany per block, not two statements per row)."""

    def __init__(self, conn: Any) -> None:
        super().__init__()
        self.conn = conn
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS import_seen (k TEXT PRIMARY KEY, line INTEGER) WITHOUT ROWID"
        )
        conn.execute("DELETE FROM temp.import_seen")

    def first_lines(self, keys: list[tuple[str, int]]) -> list[int | None]:
        earlier: dict[str, int] = {}
        distinct = list(dict.fromkeys(k for k, _ in keys))
        for i in range(0, len(distinct), 500):
            part = distinct[i : i + 500]
            earlier.update(
                self.conn.execute(
                    f"SELECT k, line FROM temp.import_seen WHERE k IN ({','.join('?' * len(part))})",
                    part,
                ).fetchall()
            )
        out: list[int | None] = []
        new: list[tuple[str, int]] = []
        for key, line in keys:
            prev = earlier.get(key)
            if prev is None:
                earlier[key] = line
                new.append((key, line))
            out.append(prev)
        self.conn.executemany("INSERT INTO temp.import_seen (k, line) VALUES (?, ?)", new)
        return out

    def close(self) -> None:
        self.conn.execute("DROP TABLE IF EXISTS temp.import_seen")


SEEN_BLOCK = 2000  # records parsed before their keys are checked together


def iter_rows(
    path: Path | str,
    parse: Callable[[Row], Row],
    key: str,
    check: Callable[[Row], str | None] | None = None,
    seen: SeenKeys | None = None,
) -> Iterator[tuple[Row | None, RowError | None]]:
    """Stream (row, None) or (None, error) for every record of a CSV/JSONL file, in file order: parse
    errors, duplicate `key` and `check` messages become line-numbered errors. Raises when the file
    has no rows."""
    seen = seen if seen is not None else SeenKeys()
    json_file = Path(path).suffix.lower() in (".jsonl", ".ndjson", ".json")
    records = 0
    block: list[tuple[int, Row | None, RowError | None]] = []

    def checked() -> Iterator[tuple[Row | None, RowError | None]]:
        firsts = iter(
            seen.first_lines([(str(r[key]), line) for line, r, _e in block if r is not None])
        )
        for line, row, err in block:
            if row is not None:
                first = next(firsts)
                if first is not None:
                    err = RowError(line, f"duplicate {key} {row[key]!r} (first on line {first})")
                    row = None
            yield row, err
        block.clear()

    for line, rec, perr in _records(Path(path)):
        records += 1
        if perr:
            block.append((line, None, RowError(line, perr)))
        elif json_file and not _valid_text(
            rec
        ):  # JSON may carry lone surrogates; decoded CSV cannot
            block.append(
                (
                    line,
                    None,
                    RowError(line, "text that is not valid Unicode (a lone \\uD800-style escape)"),
                )
            )
        else:
            assert rec is not None
            try:
                row = parse(rec)
            except (KeyError, ValueError, TypeError, OverflowError) as exc:
                msg = f"missing field {exc.args[0]!r}" if isinstance(exc, KeyError) else str(exc)
                block.append((line, None, RowError(line, msg)))
            else:
                problem = check(row) if check is not None else None
                if problem:
                    block.append((line, None, RowError(line, problem)))
                else:
                    block.append((line, row, None))
        if len(block) >= SEEN_BLOCK:
            yield from checked()
    yield from checked()
    if records == 0:
        raise StationError(
            f"{path} has no rows (an empty file or a header only): nothing imported",
            zh=f"{path} 没有数据行（空文件或只有表头），未导入任何数据",
        )


def read_rows(
    path: Path | str,
    parse: Callable[[Row], Row],
    key: str,
    check: Callable[[Row], str | None] | None = None,
) -> tuple[list[Row], list[RowError]]:
    """Parse every record of a (small) CSV/JSONL file with `parse`; bad rows (parse errors, duplicate
    `key`, or a message from `check`) become line-numbered errors instead of rows. A big file goes
    through iter_rows (orders: import_orders_file)."""
    rows: list[Row] = []
    errors: list[RowError] = []
    for row, err in iter_rows(path, parse, key, check):
        if err is not None:
            errors.append(err)
        else:
            assert row is not None
            rows.append(row)
    return rows, errors


def _valid_text(value: Any) -> bool:
    """False if any text in a record cannot be stored as UTF-8 (JSON allows lone surrogates)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, dict):
        return all(_valid_text(k) and _valid_text(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_valid_text(v) for v in value)
    return True


MAX_NUMBER = 10**12  # quantities, grams, cents: anything larger is a typo (and may not fit SQLite)


def _req(rec: Row, field: str) -> str:
    v = rec.get(field)
    if v is None or (isinstance(v, str) and not v.strip()):
        raise KeyError(field)
    return str(v).strip()


def _int(value: Any, field: str, default: int | None = None) -> int:
    if value is None or value == "":
        if default is None:
            raise KeyError(field)
        return default
    try:
        n = int(float(value)) if isinstance(value, (str, float)) else int(value)
    except (TypeError, ValueError, OverflowError) as exc:
        raise ValueError(f"{field} must be a number, got {value!r}") from exc
    if abs(n) > MAX_NUMBER:
        raise ValueError(f"{field} is too large: {value!r}")
    return n


def parse_sku(rec: Row) -> Row:
    code = _req(rec, "code")
    tier = (
        (rec.get("tier") or "long_tail").strip()
        if isinstance(rec.get("tier"), str)
        else "long_tail"
    )
    if tier not in TIERS:
        raise ValueError(f"tier must be one of {', '.join(TIERS)}, got {tier!r}")
    weight = _int(rec.get("weight_g"), "weight_g", 0)
    if weight < 0:
        raise ValueError("weight_g must not be negative")
    if rec.get("price_cents") not in (None, ""):
        price_cents = _int(rec.get("price_cents"), "price_cents")
    elif rec.get("price") not in (None, ""):
        try:
            price_cents = round(float(rec["price"]) * 100)
        except (TypeError, ValueError, OverflowError) as exc:
            raise ValueError(f"price must be a number, got {rec['price']!r}") from exc
        if abs(price_cents) > MAX_NUMBER:
            raise ValueError(f"price is too large: {rec['price']!r}")
    else:
        price_cents = 0
    bcs = rec.get("barcodes") or []
    if isinstance(bcs, str):
        bcs = [b.strip() for b in bcs.replace(";", "|").split("|") if b.strip()]
    return {
        "code": code,
        "name": _req(rec, "name"),
        "weight_g": weight,
        "tier": tier,
        "price_cents": price_cents,
        "barcodes": [str(b) for b in bcs],
    }


_CANONICAL_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")


def _time(rec: Row, field: str, required: bool) -> str | None:
    v = rec.get(field)
    if v in (None, ""):
        if required:
            raise KeyError(field)
        return None
    if isinstance(v, str) and _CANONICAL_TIME.fullmatch(v):
        # already what iso() writes (our own exports, most platform APIs): only check it is a real time
        try:
            datetime.fromisoformat(v[:-1])
            return v
        except ValueError:
            pass  # the general path below words the error
    try:
        return iso(parse_iso(str(v)))
    except ValueError as exc:
        raise ValueError(
            f"{field} is not a date-time (ISO 8601 like 2026-11-11T20:05:00+08:00): {v!r}"
        ) from exc


_ITEMS_CACHE: dict[str, tuple[tuple[str, int], ...]] = {}


def _items_of_text(text: str) -> list[dict[str, Any]]:
    """'SKU1*2+SKU2*1' as item dicts. A promo's orders repeat a few thousand SKU sets: parsed once
    each (a bounded cache, cleared when full, so memory stays flat)."""
    pairs = _ITEMS_CACHE.get(text)
    if pairs is None:
        try:
            pairs = tuple(parse_sku_set(text).items())
        except ValueError as exc:
            raise ValueError(f"items: {exc} (write them like SKU1*2+SKU2*1)") from exc
        if len(_ITEMS_CACHE) >= 20_000:
            _ITEMS_CACHE.clear()
        _ITEMS_CACHE[text] = pairs
    return [{"sku": s, "qty": q} for s, q in pairs]


# (key in the import format's nested recipient, flat CSV column)
_RECIPIENT_FIELDS = (
    ("name", "recipient_name"),
    ("phone", "recipient_phone"),
    ("province", "province"),
    ("city", "city"),
    ("district", "district"),
    ("address", "address"),
)


def parse_order(rec: Row) -> Row:
    order_id = _req(rec, "order_id")
    raw_items = rec.get("items")
    if raw_items in (None, "", []):
        raise KeyError("items")
    if isinstance(raw_items, str):
        items = _items_of_text(raw_items)
    elif isinstance(raw_items, list):
        items = []
        for it in raw_items:
            if not isinstance(it, dict) or "sku" not in it:
                raise ValueError('items must be objects like {"sku": "A", "qty": 1}')
            qty = _int(it.get("qty", 1), "qty")
            if qty <= 0:
                raise ValueError(f"qty of {it['sku']} must be positive")
            items.append({"sku": str(it["sku"]), "qty": qty})
    else:
        raise ValueError("items must be a list or text like SKU1*2+SKU2*1")
    status = str(rec.get("status") or "paid").strip()
    if status not in ("paid", "cancelled"):
        raise ValueError(f"status must be paid or cancelled, got {status!r}")
    nested = rec.get("recipient")
    flat = not isinstance(nested, dict)
    src: dict[str, Any] = rec if flat else nested  # type: ignore[assignment]
    recipient: dict[str, str | None] = {}
    for short, column in _RECIPIENT_FIELDS:
        v = src.get(column if flat else short)
        recipient[short] = str(v).strip() if v not in (None, "") else None
    phone = recipient["phone"] or ""
    if phone and not phone.replace("-", "").replace("+", "").replace(" ", "").isdigit():
        raise ValueError(f"recipient phone is not a phone number: {phone!r}")
    delayed = rec.get("delayed_ok")
    return {
        "order_id": order_id,
        "platform": rec.get("platform") or None,
        "session_id": rec.get("session_id") or None,
        "paid_at": _time(rec, "paid_at", True),
        "ship_by": _time(rec, "ship_by", False),
        "items": items,
        "recipient": recipient,
        "carrier": rec.get("carrier") or None,
        "waybill": rec.get("waybill") or None,
        "sort_code": rec.get("sort_code") or None,
        "status": status,
        "cancelled_at": _time(rec, "cancelled_at", False),
        "delayed_ok": str(delayed).lower() in ("1", "true", "yes", "y")
        if delayed is not None
        else False,
    }


def read_skus(path: Path | str) -> tuple[list[Row], list[RowError]]:
    return read_rows(path, parse_sku, "code")


def read_orders(
    path: Path | str, known_skus: set[str] | None = None
) -> tuple[list[Row], list[RowError]]:
    def check(row: Row) -> str | None:
        if known_skus is None:
            return None
        unknown = [it["sku"] for it in row["items"] if it["sku"] not in known_skus]
        return f"unknown SKU {', '.join(unknown)}" if unknown else None

    return read_rows(path, parse_order, "order_id", check)


BULK_BYTES = 16 << 20  # ~150,000 orders: from here a sorted index rebuild beats row-by-row inserts


def _drop_secondary_indexes(conn: Any) -> list[str]:
    """Drop the declared (non-constraint) indexes of orders and order_items; returns their SQL."""
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name IN ('orders', 'order_items') "
        "AND sql IS NOT NULL ORDER BY name"
    ).fetchall()
    for name, _sql in rows:
        conn.execute(f'DROP INDEX "{name}"')
    return [str(sql) for _name, sql in rows]


# the import's page cache, which also bounds the index rebuild's in-memory sort runs: 16 MB gave the
# same CPU time on a 1M-row file as 64 MB, at 85 MB peak RSS instead of 186 MB
IMPORT_CACHE_KIB = 16384
MAX_REPORTED_ERRORS = 100  # a million bad rows must not become a million-line list


def import_orders_file(
    conn: Any,
    path: Path | str,
    *,
    skip_bad: bool = False,
    operator: str | None = None,
    chunk: int = 2000,
    bulk: bool | None = None,
) -> dict[str, Any]:
    """Import an orders file of any size in constant memory: streamed, decoded strictly (UTF-8 or
    GB18030), applied in chunks inside one transaction. A file with bad rows imports nothing (the
    transaction rolls back) unless skip_bad. Owns its transaction. Returns apply_orders' summary plus
    bad_rows and the first errors.

    bulk (default: files of BULK_BYTES or more): the secondary indexes of orders and order_items are
    dropped inside the transaction and rebuilt from their own stored SQL before it commits (a sorted
    build instead of a million random index inserts); a failure rolls the drop back with the rest."""
    if bulk is None:
        try:
            bulk = Path(path).stat().st_size >= BULK_BYTES
        except OSError:
            bulk = False

    known = {r[0] for r in conn.execute("SELECT code FROM skus")}

    def check(row: Row) -> str | None:
        unknown = [it["sku"] for it in row["items"] if it["sku"] not in known]
        return f"unknown SKU {', '.join(unknown)}" if unknown else None

    summary: dict[str, Any] = {}
    errors: list[RowError] = []
    old_cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    # a million orders' index pages: a bounded page cache (RSS stays flat) instead of 2 MB of
    # random re-reads; given back when the import is done
    conn.execute(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")
    try:
        return _import_orders(conn, path, skip_bad, operator, chunk, check, summary, errors, bulk)
    finally:
        conn.execute(f"PRAGMA cache_size={int(old_cache)}")


def _import_orders(
    conn: Any,
    path: Path | str,
    skip_bad: bool,
    operator: str | None,
    chunk: int,
    check: Callable[[Row], str | None],
    summary: dict[str, Any],
    errors: list[RowError],
    bulk: bool = False,
) -> dict[str, Any]:
    from warehouse_app.orders import apply_orders
    from warehouse_app.store import demand
    from warehouse_app.store.tx import transaction

    n_bad = 0
    good = 0
    with transaction(conn):
        seen = SeenKeysInDb(conn)
        dropped = _drop_secondary_indexes(conn) if bulk else []
        # the paid-units counter is kept per chunk, set-wise, not by a trigger per item row
        triggers = demand.suspend_triggers(conn)
        setwise = bool(triggers)
        batch: list[Row] = []

        def flush() -> None:
            for k, v in apply_orders(
                conn, batch, operator=operator, demand_setwise=setwise
            ).items():
                summary[k] = summary.get(k, 0) + v
            batch.clear()

        for row, err in iter_rows(path, parse_order, "order_id", check, seen):
            if err is not None:
                n_bad += 1
                if len(errors) < MAX_REPORTED_ERRORS:
                    errors.append(err)
                continue
            good += 1
            if n_bad and not skip_bad:
                continue  # nothing will be kept: only keep reading to report every bad row
            assert row is not None
            batch.append(row)
            if len(batch) >= chunk:
                flush()
        if batch and (skip_bad or not n_bad):
            flush()
        seen.close()
        for sql in dropped:
            conn.execute(sql)
        demand.restore_triggers(conn, triggers)
        if n_bad and not skip_bad:
            detail = "; ".join(str(e) for e in errors[:5]) + (" ..." if n_bad > 5 else "")
            raise ImportRefused(
                f"{n_bad} bad row(s) in {path}; nothing imported ({detail}). Fix them, or pass "
                f"--skip-bad to import the {good} good row(s).",
                zh=f"{path} 有 {n_bad} 行错误，未导入任何数据（{detail}）。请修正，或加 --skip-bad 只导入 "
                f"{good} 行正确数据。",
                errors=errors,
            )
    summary["bad_rows"] = n_bad
    summary["errors"] = [str(e) for e in errors]
    return summary


class ImportRefused(StationError):
    """A file with bad rows: nothing imported; `errors` are the first line-numbered reasons."""

    def __init__(self, en: str, *, zh: str, errors: list[RowError]) -> None:
        super().__init__(en, zh=zh)
        self.errors = errors
