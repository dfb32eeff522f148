"""Promo operations: one function per lead action, each opening and committing its own transaction
(with its outbox events) and returning what changed; an action that is one promo step in one
transaction is written `name = use_case(step, doc)`. The promo screens (on the writer thread) and
the promo CLI both call these; neither opens a transaction or runs SQL itself, so a rule written
here holds for the window, the CLI and the headless station alike.

Reads for the screens live beside them where no promo module had one (`failover_history`).
"""

from __future__ import annotations

import functools
import logging
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from warehouse_app.errors import StationError
from warehouse_app.localtime import set_station_zone
from warehouse_app.promo import (
    carriers,
    plan,
    presale,
    review,
    scorecard,
    shipping,
    stock,
    waybills,
)
from warehouse_app.promo import config as promo_config
from warehouse_app.promo.labels import localize
from warehouse_app.reports import format_csv
from warehouse_app.returns import set_return_defaults as _store_return_defaults
from warehouse_app.store.tx import transaction

logger = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")


def use_case(
    step: Callable[Concatenate[sqlite3.Connection, P], R], doc: str
) -> Callable[Concatenate[sqlite3.Connection, P], R]:
    """A promo module's step (its caller owns the transaction) as a lead action that owns one: it
    commits when the step returns and rolls back when it raises. The action takes the step's
    parameters and returns its result, so the screens' and the CLI's calls stay typed; `doc`
    says what the action does."""

    @functools.wraps(step)
    def action(conn: sqlite3.Connection, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with transaction(conn):
            return step(conn, *args, **kwargs)

    action.__module__, action.__doc__ = __name__, doc
    return action


# -- stock and oversell ---------------------------------------------------------------------------


def import_session_file(
    conn: sqlite3.Connection,
    kind: str,
    path: Path | str,
    *,
    skip_bad: bool = False,
    operator: str | None = None,
    on_bad_row: Callable[[Any], None] | None = None,
) -> dict[str, int]:
    """The live-session schedule (kind 'schedule') or sales history ('history') from a file: any bad
    row and nothing is imported unless skip_bad; each bad row is reported through on_bad_row."""
    if kind not in ("schedule", "history"):
        raise ValueError(kind)
    reader = stock.read_schedule if kind == "schedule" else stock.read_history
    rows, errors = reader(path, known_skus=stock.known_skus(conn))
    for e in errors:
        if on_bad_row is not None:
            on_bad_row(e)
    stock.refuse_bad_rows(path, rows, errors, skip_bad)
    apply = stock.apply_schedule if kind == "schedule" else stock.apply_history
    with transaction(conn):
        n = apply(conn, rows, operator=operator)
    return {kind: n, "bad_rows": len(errors)}


def save_stock_plan(
    conn: sqlite3.Connection,
    *,
    hot_threshold_cny: float | None = None,
    hot_factor: float | None = None,
    operator: str | None = None,
) -> list[stock.StockAdvice]:
    """Recommend stock per SKU and store the plan and the SKU tiers; returns the advice saved."""
    with transaction(conn):
        advice = stock.recommend_stock(
            conn, hot_threshold_cny=hot_threshold_cny, hot_factor=hot_factor
        )
        stock.save_stock_plan(conn, advice, operator=operator)
    return advice


check_oversell = use_case(
    stock.check_oversell,
    "Orders against stock and pre-packed parcels; records new alerts, returns the open ones.",
)
switch_to_presale = use_case(
    presale.switch_to_presale,
    "Switch an oversold SKU to presale: its short orders get a new promise.",
)


def set_stock(
    conn: sqlite3.Connection, sku: str, qty: int, operator: str | None = None
) -> list[dict[str, Any]]:
    """A stock count for one SKU, then the oversell check it may change; returns the alerts."""
    with transaction(conn):
        stock.set_stock(conn, sku, qty, operator=operator)
        return stock.check_oversell(conn, operator=operator)


# -- pre-pack plans -------------------------------------------------------------------------------


def suggest_prepack_plans(conn: sqlite3.Connection, operator: str | None = None) -> int:
    """Draft plans from forecast and stock, replacing the drafts; returns how many."""
    with transaction(conn):
        return plan.save_plans(conn, plan.suggest_plans(conn), operator=operator)


def adjust_prepack_plans(
    conn: sqlite3.Connection,
    changes: Sequence[tuple[str, int]],
    *,
    create: bool = False,
    operator: str | None = None,
) -> list[dict[str, Any]]:
    """New quantities for draft plans and, with create, the batches for the drafts: all or none.
    Returns the batches created."""
    with transaction(conn):
        for pid, qty in changes:
            plan.adjust_plan(conn, pid, qty, operator=operator)
        return plan.create_batches(conn, operator=operator) if create else []


def plan_batches(
    conn: sqlite3.Connection,
    changes: Sequence[tuple[str, int]] = (),
    *,
    create: bool = False,
    operator: str | None = None,
) -> list[dict[str, Any]]:
    """`plan batches`: re-suggest the drafts when only looking (or when there are no plans yet),
    then apply the changes and create the batches, in one transaction. Returns batches created."""
    with transaction(conn):
        if not _has_plans(conn) or not (changes or create):
            plan.save_plans(conn, plan.suggest_plans(conn), operator=operator)
        for pid, qty in changes:
            plan.adjust_plan(conn, pid, qty, operator=operator)
        return plan.create_batches(conn, operator=operator) if create else []


def _has_plans(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM prepack_plans LIMIT 1").fetchone() is not None


# -- promises and settings ------------------------------------------------------------------------

assign_promises = use_case(
    shipping.assign_promises,
    "Give every order without one (or, with recompute, every order) its ship-by promise.",
)
set_config = use_case(promo_config.set_value, "A promo setting, validated and kept.")
set_timezone = use_case(
    set_station_zone,
    "The station's zone (IANA name; '' = the PC's own) for promo tables and CSV.",
)


def set_scorecard_weights(
    conn: sqlite3.Connection, weights: dict[str, Any] | None, operator: str | None = None
) -> dict[str, float]:
    """Keep these weights (over the stored ones) for this promo; returns the full set kept."""
    with transaction(conn):
        full = scorecard.weights_of(conn, weights)
        promo_config.set_value(conn, "scorecard_weights", full, operator=operator)
    return full


# -- carriers -------------------------------------------------------------------------------------

set_carrier_rules = use_case(
    carriers.set_rules, "Replace the promo's carrier rules (keeping which carriers are failing)."
)
add_carrier = use_case(carriers.add_carrier, "Add (or update) a carrier.")
allocate = use_case(
    carriers.allocate_orders,
    "Carriers for the open orders, by share and region; the summary with its deviation report.",
)
fail_carrier = use_case(
    carriers.fail_carrier, "Mark a carrier failing and move its not-yet-handed-off orders."
)
check_carriers = use_case(
    carriers.check_carriers,
    "Stalled handoffs and capacity run out; with auto_failover, fail stalled carriers over.",
)
configure_waybill_provider = use_case(
    waybills.configure, "Point the station at an e-waybill provider ('' removes it)."
)
fetch_waiting_waybills = use_case(
    waybills.fetch_waiting,
    "Ask the e-waybill provider for the numbers orders wait for, and send queued voids.",
)
record_intercept_result = use_case(
    scorecard.record_intercept_result,
    "Whether the carrier stopped a parcel intercepted after its handoff.",
)


def restore_carrier(conn: sqlite3.Connection, carrier: str, operator: str | None = None) -> str:
    with transaction(conn):
        carriers.restore_carrier(conn, carrier, operator=operator)
    return carrier


def export_open_orders(
    conn: sqlite3.Connection,
    path: Path | str,
    *,
    to_warehouse: str = "backup",
    operator: str | None = None,
) -> dict[str, Any]:
    """Open orders to a JSONL file for the backup warehouse, marked transferred here."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with transaction(conn):
        return carriers.export_open_orders(conn, path, operator=operator, to_warehouse=to_warehouse)


def failover_history(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every failover, latest first (who, why, when, how many moved where, restored when)."""
    return [
        dict(r)
        for r in conn.execute(
            "SELECT carrier, trigger, reason, started_at, orders_moved, moved_to, restored_at "
            "FROM failovers ORDER BY started_at DESC"
        )
    ]


# -- returns --------------------------------------------------------------------------------------


def set_return_defaults(conn: sqlite3.Connection, reason: str, disposition: str) -> tuple[str, str]:
    """The reason and disposition the station's return mode records from now on."""
    with transaction(conn):
        _store_return_defaults(conn, reason, disposition)
    return reason, disposition


# -- the review -----------------------------------------------------------------------------------


def review_data(conn: sqlite3.Connection) -> dict[str, Any]:
    """What the review screen shows: the review, the scorecard (empty without carrier rules), the
    weights in force (shown even when nothing is scored yet) and the suggested next split."""
    rev = review.build_review(conn)
    try:
        sc = scorecard.scorecard(conn)
    except StationError as exc:  # no carrier rules: nothing to score
        logger.info("no scorecard: %s", exc)
        sc = []
    return {
        "review": rev,
        "scorecard": sc,
        "weights": scorecard.weights_of(conn),
        "split": scorecard.suggested_split(sc) if sc else {},
    }


def export_review(data: dict[str, Any], out_dir: Path, kind: str, lang: str = "zh") -> Path:
    """The review shown (review_data's result) as a CSV (UTF-8 with BOM, headers and labels in the
    station's language, like `report review --format csv`) or a PDF with charts, into out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = "promo-review-" + data["review"]["generated_at"][:19].replace(":", "").replace("-", "")
    if kind == "csv":
        path = out_dir / f"{stem}.csv"
        rows, cols = localize(
            review.review_rows(data["review"]), ["section", "key", "metric", "value"], lang
        )
        path.write_text(format_csv(rows, cols), encoding="utf-8-sig")  # BOM: Excel reads Chinese
        return path
    return review.render_pdf(data["review"], out_dir / f"{stem}.pdf", data["scorecard"] or None)
