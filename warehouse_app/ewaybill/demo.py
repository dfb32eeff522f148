"""The demo e-waybill provider: the simulator's platform run in-process, for the embedded demo and
for tests that do not start the simulator's HTTP process.

It is a provider, not the station: it keeps its own state in its own file (beside the station's
database, never in it), every number it issues starts with DEMO (e.g. DEMO73100000000001) so no
demo number can pass for a carrier's, and its sort codes and consolidation hubs are the simulator's
made-up ones. A station gets it only when told to (`carrier waybill-provider demo`, the demo
builder); a real deployment configures the hub or the carrier's platform.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from warehouse_app.ewaybill import IssuedWaybill, ProviderRefused, WaybillRequest
from warehouse_app.ewaybill.simulator import Platform

DEMO_PREFIX = "DEMO"
DEMO_URL = "demo"  # the setting value that selects this provider
FILE_NAME = "ewaybill-demo.db"


def demo_db_path(conn: sqlite3.Connection) -> Path:
    """The demo platform's file: beside the station's database (a temporary one for :memory:)."""
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main" and file:
            return Path(file).with_name(FILE_NAME)
    import tempfile

    return Path(tempfile.gettempdir()) / FILE_NAME


class DemoWaybillProvider:
    """issue / void like the HTTP providers, against the simulator's platform in this process."""

    def __init__(self, db: Path) -> None:
        self.db = db

    def issue(self, requests: Sequence[WaybillRequest]) -> list[IssuedWaybill]:
        by_carrier: dict[str, list[WaybillRequest]] = {}
        for rq in requests:
            by_carrier.setdefault(rq.carrier, []).append(rq)
        out: list[IssuedWaybill] = []
        platform = Platform(self.db, number_prefix=DEMO_PREFIX)
        try:
            for carrier, reqs in by_carrier.items():
                answers = platform.issue(
                    carrier,
                    [
                        {
                            "object_id": rq.order_id,
                            "recipient": {
                                "address": {
                                    "province": rq.province or "",
                                    "city": rq.city or "",
                                    "district": rq.district or "",
                                }
                            },
                        }
                        for rq in reqs
                    ],
                )
                for a in answers:
                    routing = a["print_data"]["routingInfo"]
                    out.append(
                        IssuedWaybill(
                            order_id=str(a["object_id"]),
                            carrier=carrier,
                            waybill=str(a["waybill_code"]),
                            sort_code=str(routing["sortation"]["name"]),
                            package_center=str(routing["consolidation"]["name"]),
                            package_code=str(routing["consolidation"]["code"]),
                        )
                    )
        finally:
            platform.close()
        return out

    def void(self, carrier: str, waybill: str, reason: str = "") -> bool:
        platform = Platform(self.db, number_prefix=DEMO_PREFIX)
        try:
            ok, err = platform.cancel(carrier, waybill, reason)
        finally:
            platform.close()
        if not ok:  # a number this platform never issued (the demo's own orders get theirs here)
            raise ProviderRefused(f"demo provider: {err} {waybill}")
        return True
