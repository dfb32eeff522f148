"""Reading SKU and order files (CSV or JSON Lines), shared by the station CLI and the hub.

Every bad row is reported with its line number and reason; the caller decides whether a file with
errors imports nothing (the default) or only its good rows.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
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


def _records(path: Path) -> Iterator[tuple[int, Row | None, str | None]]:
    """(line number, record or None, parse error) for each non-blank data line."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError as exc:
        raise StationError(f"File not found: {path}", zh=f"找不到文件：{path}") from exc
    except UnicodeDecodeError as exc:
        raise StationError(
            f"{path} is not UTF-8 text (save it as UTF-8 CSV or JSON Lines)",
            zh=f"{path} 不是 UTF-8 文本（请另存为 UTF-8 编码的 CSV 或 JSONL）",
        ) from exc
    except OSError as exc:
        raise StationError(f"Cannot read {path}: {exc}", zh=f"无法读取 {path}：{exc}") from exc
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        for n, line in enumerate(text.splitlines(), start=1):
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
    elif suffix in (".csv", ".tsv", ".txt"):
        reader = csv.DictReader(io.StringIO(text), delimiter="\t" if suffix == ".tsv" else ",")
        if not reader.fieldnames:
            return
        for rec in reader:
            if not any((v or "").strip() for k, v in rec.items() if k is not None):
                continue
            if None in rec:
                yield reader.line_num, None, "more fields than the header has"
                continue
            yield (
                reader.line_num,
                {k.strip(): (v.strip() if isinstance(v, str) else v) for k, v in rec.items()},
                None,
            )
    else:
        raise StationError(
            f"{path}: unknown file type {path.suffix!r}: use .csv or .jsonl",
            zh=f"{path}：不支持的文件类型 {path.suffix!r}：请用 .csv 或 .jsonl",
        )


def read_rows(
    path: Path | str,
    parse: Callable[[Row], Row],
    key: str,
    check: Callable[[Row], str | None] | None = None,
) -> tuple[list[Row], list[RowError]]:
    """Parse every record of a CSV/JSONL file with `parse`; bad rows (parse errors, duplicate
    `key`, or a message from `check`) become line-numbered errors instead of rows."""
    rows: list[Row] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    records = 0
    for line, rec, err in _records(Path(path)):
        records += 1
        if err:
            errors.append(RowError(line, err))
            continue
        assert rec is not None
        if not _valid_text(rec):
            errors.append(
                RowError(line, "text that is not valid Unicode (a lone \\uD800-style escape)")
            )
            continue
        try:
            row = parse(rec)
        except (KeyError, ValueError, TypeError, OverflowError) as exc:
            msg = f"missing field {exc.args[0]!r}" if isinstance(exc, KeyError) else str(exc)
            errors.append(RowError(line, msg))
            continue
        problem = check(row) if check is not None else None
        if problem:
            errors.append(RowError(line, problem))
            continue
        k = row[key]
        if k in seen:
            errors.append(RowError(line, f"duplicate {key} {k!r} (first on line {seen[k]})"))
            continue
        seen[k] = line
        rows.append(row)
    if records == 0:
        raise StationError(
            f"{path} has no rows (an empty file or a header only): nothing imported",
            zh=f"{path} 没有数据行（空文件或只有表头），未导入任何数据",
        )
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


def _time(rec: Row, field: str, required: bool) -> str | None:
    v = rec.get(field)
    if v in (None, ""):
        if required:
            raise KeyError(field)
        return None
    try:
        return iso(parse_iso(str(v)))
    except ValueError as exc:
        raise ValueError(
            f"{field} is not a date-time (ISO 8601 like 2026-11-11T20:05:00+08:00): {v!r}"
        ) from exc


def parse_order(rec: Row) -> Row:
    order_id = _req(rec, "order_id")
    raw_items = rec.get("items")
    if raw_items in (None, "", []):
        raise KeyError("items")
    if isinstance(raw_items, str):
        try:
            items_map = parse_sku_set(raw_items)
        except ValueError as exc:
            raise ValueError(f"items: {exc} (write them like SKU1*2+SKU2*1)") from exc
        items = [{"sku": s, "qty": q} for s, q in items_map.items()]
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
    rc: dict[str, Any] = (
        nested
        if isinstance(nested, dict)
        else {
            k[len("recipient_") :] if k.startswith("recipient_") else k: rec.get(k)
            for k in (
                "recipient_name",
                "recipient_phone",
                "province",
                "city",
                "district",
                "address",
            )
        }
    )
    phone = str(rc.get("phone") or "").strip()
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
        "recipient": {
            k: (str(rc.get(k)).strip() if rc.get(k) not in (None, "") else None)
            for k in ("name", "phone", "province", "city", "district", "address")
        },
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
