"""An embedded, realistic promo for the demo and for tests: no external service needed.

Several live sessions, tiered SKUs, thousands of orders paid in pulses after host remarks, a
pre-sale and an anonymous pre-pack batch, parcels part-way through verify and handoff, and a few
per cent of orders cancelled after packing (intercepts). Progress goes through the real scan engine.
"""

from __future__ import annotations

import hashlib
import logging
import random
import sqlite3
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from warehouse_app import policies
from warehouse_app.batches import create_batch, set_batch_status
from warehouse_app.catalog import upsert_carriers, upsert_sessions, upsert_skus
from warehouse_app.clock import iso, utcnow
from warehouse_app.handoffs import close_handoff, open_handoff
from warehouse_app.orders import apply_orders, order_record
from warehouse_app.policies import DemoExtension
from warehouse_app.regions import region_of
from warehouse_app.scan_engine import ScanContext, scan
from warehouse_app.station import add_operator, init_station, set_setting
from warehouse_app.store.tx import all_or_nothing, transaction

logger = logging.getLogger(__name__)


CARRIERS = [
    {"code": "ZTO", "name": "ZTO Express", "name_zh": "中通快递", "waybill_prefix": "73"},
    {"code": "YTO", "name": "YTO Express", "name_zh": "圆通速递", "waybill_prefix": "YT"},
    {"code": "YUNDA", "name": "Yunda Express", "name_zh": "韵达快递", "waybill_prefix": "43"},
    {"code": "SF", "name": "SF Express", "name_zh": "顺丰速运", "waybill_prefix": "SF"},
]
REGION_CARRIER = {
    "east": "ZTO",
    "north": "ZTO",
    "south": "YTO",
    "central": "YUNDA",
    "southwest": "YUNDA",
    "northeast": "ZTO",
    "northwest": "YTO",
}

SKUS = [
    # code, name, weight_g, tier, price CNY
    ("SKU-LIP-01", "丝绒哑光口红 #01 Velvet lipstick", 120, "core_hot", 89),
    ("SKU-SERUM-30", "玻尿酸精华 30ml Hyaluronic serum", 210, "core_hot", 199),
    ("SKU-MASK-10", "补水面膜10片 Hydrating masks x10", 380, "core_hot", 69),
    ("SKU-CREAM-50", "修护面霜 50g Repair cream", 260, "potential_new", 259),
    ("SKU-TEA-250", "明前龙井 250g Longjing tea", 300, "core_hot", 168),
    ("SKU-SNACK-BOX", "坚果礼盒 Nut gift box", 1250, "potential_new", 129),
    ("SKU-SOCK-5", "纯棉袜5双 Cotton socks x5", 200, "long_tail", 39),
    ("SKU-CASE-13", "手机壳 iPhone 13 case", 80, "long_tail", 29),
    ("SKU-TOWEL-2", "毛巾两条装 Towels x2", 350, "long_tail", 49),
    ("SKU-EARBUD-X", "无线耳机 X Wireless earbuds", 160, "potential_new", 299),
]
SESSIONS = [
    ("LS-1111-A", "双11开门红 Opening night", "李主播 Host Li", -30, 4),
    ("LS-1111-B", "美妆专场 Beauty special", "薇主播 Host Wei", -22, 3),
    ("LS-1111-C", "零食囤货 Snacks & tea", "罗主播 Host Luo", -8, 3),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚"
CITIES = {
    "上海": ["上海"],
    "江苏": ["南京", "苏州", "无锡"],
    "浙江": ["杭州", "宁波", "温州"],
    "广东": ["广州", "深圳", "东莞"],
    "北京": ["北京"],
    "四川": ["成都", "绵阳"],
    "湖北": ["武汉", "宜昌"],
    "山东": ["济南", "青岛"],
    "河南": ["郑州", "洛阳"],
    "湖南": ["长沙"],
    "重庆": ["重庆"],
    "福建": ["福州", "厦门"],
}
PROVINCE_WEIGHTS = {
    "广东": 14,
    "浙江": 11,
    "江苏": 11,
    "上海": 7,
    "山东": 7,
    "北京": 6,
    "四川": 6,
    "河南": 6,
    "湖北": 5,
    "福建": 5,
    "湖南": 4,
    "重庆": 3,
}


def ean13(rng: random.Random) -> str:
    digits = [6, 9, 2] + [rng.randint(0, 9) for _ in range(9)]  # 692: a China GS1 prefix
    check = (10 - sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10) % 10
    return "".join(map(str, digits + [check]))


def build_demo(
    conn: sqlite3.Connection,
    *,
    orders: int = 3000,
    seed: int = 11,
    station_id: str = "DEMO-ST01",
    progress: bool = True,
    now: datetime | None = None,
    extensions: Sequence[DemoExtension] | None = None,
) -> dict[str, Any]:
    """Fill an empty station DB with a promo in progress. Returns what was made.

    `extensions` (default: the process's policies, see warehouse_app.startup) add other areas'
    demo data, e.g. the promo playbook's schedule, failover and returns; () leaves them out.

    All or nothing: one outer transaction, so a demo that cannot be built (no capacity, a full
    disk, Ctrl+C) leaves the station as empty as it was."""
    with all_or_nothing(conn):
        return _build_demo(
            conn,
            orders=orders,
            seed=seed,
            station_id=station_id,
            progress=progress,
            now=now,
            extensions=policies.current().demo_extensions if extensions is None else extensions,
        )


def _build_demo(
    conn: sqlite3.Connection,
    *,
    orders: int,
    seed: int,
    station_id: str,
    progress: bool,
    now: datetime | None,
    extensions: Sequence[DemoExtension],
) -> dict[str, Any]:
    rng = random.Random(seed)
    now = now or utcnow()
    info: dict[str, Any] = {"station_id": station_id, "now": iso(now)}
    with transaction(conn):
        init_station(conn, station_id, "演示工位 Demo station")
        add_operator(conn, "P001", "张伟 Zhang Wei", "packer")
        add_operator(conn, "P002", "李娜 Li Na", "packer")
        add_operator(conn, "P003", "王芳 Wang Fang", "packer")
        add_operator(conn, "L001", "陈组长 Lead Chen", "lead", pin="1234")
        upsert_carriers(conn, CARRIERS)
        upsert_skus(
            conn,
            [
                {
                    "code": c,
                    "name": n,
                    "weight_g": w,
                    "tier": t,
                    "price_cents": p * 100,
                    "barcodes": [ean13(rng)],
                }
                for c, n, w, t, p in SKUS
            ],
        )
        upsert_sessions(
            conn,
            [
                {
                    "session_id": sid,
                    "name": name,
                    "host": host,
                    "starts_at": iso(now + timedelta(hours=start)),
                    "ends_at": iso(now + timedelta(hours=start + dur)),
                }
                for sid, name, host, start, dur in SESSIONS
            ],
        )
        set_setting(conn, "language", "zh")
        set_setting(conn, "timezone", "Asia/Shanghai")  # people read local time; storage stays UTC
        # Waybills need a sender (labels without one are held); the demo ships as a warehouse.
        set_setting(conn, "label.sender_name", "直播旗舰店 演示仓")
        set_setting(conn, "label.sender_phone", "02188886666")
        set_setting(conn, "label.sender_address", "浙江省杭州市余杭区仓前街道文一西路969号 A 仓")
        sets = _sku_sets()
        order_rows = _orders(rng, now, orders, sets)
        upstream_numbers(conn, order_rows)
        apply_orders(conn, order_rows)
    info["orders"] = len(order_rows)
    info["sku_sets"] = sets
    info["batches"] = []
    if progress:
        _progress(conn, rng, now, info)
    for ext in extensions:
        ext(conn, rng, info)
    with transaction(conn):
        info["routed"] = route_waybills(conn, iso(now))
    return info


def upstream_numbers(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> int:
    """The demo's made-up upstream gets its orders' waybill numbers (and 三段码) from the demo
    e-waybill platform (ewaybill.demo: numbers start with DEMO, kept in its own file beside the
    station's), as a shop's order system gets them from the carrier's platform. So the platform
    knows every number the demo uses, and a later void (a cancelled order, a failover) is of a
    number it issued. Fills `waybill` and `sort_code` in the rows that have a carrier and no
    number; returns how many."""
    from warehouse_app.ewaybill import WaybillRequest
    from warehouse_app.ewaybill.demo import DemoWaybillProvider, demo_db_path

    need = [r for r in rows if r.get("carrier") and not r.get("waybill")]
    if not need:
        return 0
    issued = DemoWaybillProvider(demo_db_path(conn)).issue(
        [
            WaybillRequest(
                str(r["order_id"]),
                str(r["carrier"]),
                r["recipient"].get("province"),
                r["recipient"].get("city"),
                r["recipient"].get("district"),
                r["recipient"].get("address"),
                r["recipient"].get("name"),
                r["recipient"].get("phone"),
            )
            for r in need
        ]
    )
    by_order = {w.order_id: w for w in issued}
    for r in need:
        w = by_order[str(r["order_id"])]
        r["waybill"], r["sort_code"] = w.waybill, w.sort_code
    return len(need)


def demo_routing(province: str, city: str, district: str) -> tuple[str, str, str]:
    """三段码, 集包地 and 集包码 for an address, as a carrier's routing table gives them with each
    number; deterministic, so one address always routes the same way (the same rule as the
    e-waybill platform simulator's)."""
    h = hashlib.sha256(f"{province}|{city}|{district}".encode()).digest()
    sort = f"{100 + h[0] % 800}-{chr(65 + h[1] % 26)}{h[2] % 90 + 10}-{h[3] % 90 + 10:02d}"
    name = (province or "未知").removesuffix("省").removesuffix("市")
    code = int(hashlib.sha256(name.encode()).hexdigest()[:6], 16) % 9000 + 1000
    return sort, f"{name}转运中心", str(code)


def route_waybills(conn: sqlite3.Connection, at: str) -> int:
    """Give every demo waybill the routing a real provider issues with it: the order's 三段码 (a
    new one where the number came without, e.g. the promo's failover and allocation, which number
    locally when no e-waybill platform is configured) and its 集包地 in waybill_routing. Without
    it the waybill rules hold the label, so no anonymous pre-pack parcel could print in the demo.
    Parcels already carrying the number get the same 三段码. The caller owns the transaction.
    Returns how many waybills were routed."""
    rows = conn.execute(
        "SELECT o.order_id, o.waybill, o.carrier, o.sort_code, o.province, o.city, o.district "
        "FROM orders o LEFT JOIN waybill_routing r ON r.waybill = o.waybill "
        "WHERE o.waybill IS NOT NULL AND o.carrier IS NOT NULL AND r.waybill IS NULL"
    ).fetchall()
    for o in rows:
        sort, center, code = demo_routing(o["province"] or "", o["city"] or "", o["district"] or "")
        sort = o["sort_code"] or sort
        conn.execute(
            "INSERT INTO waybill_routing (waybill, carrier, order_id, sort_code, package_center, "
            "package_code, issued_at) VALUES (?,?,?,?,?,?,?)",
            (o["waybill"], o["carrier"], o["order_id"], sort, center, code, at),
        )
        if not o["sort_code"]:
            conn.execute("UPDATE orders SET sort_code=? WHERE order_id=?", (sort, o["order_id"]))
        conn.execute(
            "UPDATE parcels SET sort_code=? WHERE waybill=? AND sort_code IS NULL",
            (sort, o["waybill"]),
        )
    return len(rows)


def _sku_sets() -> dict[str, list[str]]:
    return {
        "LS-1111-A": [
            "SKU-LIP-01*1",
            "SKU-SERUM-30*1",
            "SKU-LIP-01*1+SKU-SERUM-30*1",
            "SKU-SOCK-5*1",
        ],
        "LS-1111-B": ["SKU-MASK-10*1", "SKU-CREAM-50*1", "SKU-MASK-10*2", "SKU-CASE-13*1"],
        "LS-1111-C": ["SKU-TEA-250*1", "SKU-SNACK-BOX*1", "SKU-TOWEL-2*1", "SKU-EARBUD-X*1"],
    }


def _orders(
    rng: random.Random, now: datetime, n: int, sets: dict[str, list[str]]
) -> list[dict[str, Any]]:
    provinces = list(PROVINCE_WEIGHTS)
    pweights = list(PROVINCE_WEIGHTS.values())
    rows = []
    for i in range(n):
        sid, _, _, start, dur = (
            SESSIONS[i % len(SESSIONS)]
            if rng.random() < 0.15
            else rng.choices(SESSIONS, weights=[5, 3, 2])[0]
        )
        # pulses: most orders land in the minutes after a host's push
        pulse = rng.choice([0.1, 0.35, 0.6, 0.85]) * dur * 60
        minute = max(0.0, min(dur * 60, rng.gauss(pulse, 6)))
        paid = now + timedelta(hours=start, minutes=minute, seconds=rng.randint(0, 59))
        set_weights = [6, 3, 1.5, 1] if rng.random() < 0.9 else [1, 1, 1, 1]
        items_text = rng.choices(sets[sid], weights=set_weights)[0]
        items = [
            {"sku": part.split("*")[0], "qty": int(part.split("*")[1])}
            for part in items_text.split("+")
        ]
        prov = rng.choices(provinces, weights=pweights)[0]
        carrier = REGION_CARRIER[region_of(prov) or "east"]
        first_hour = minute < 60
        rows.append(
            {
                "order_id": f"DY{paid.strftime('%m%d')}{100000 + i}",
                "platform": rng.choice(["douyin", "douyin", "kuaishou", "taobao"]),
                "session_id": sid,
                "paid_at": iso(paid),
                "ship_by": iso(paid + timedelta(hours=24 if first_hour else 48)),
                "items": items,
                "recipient": {
                    "name": rng.choice(SURNAMES)
                    + rng.choice(GIVEN)
                    + (rng.choice(GIVEN) if rng.random() < 0.5 else ""),
                    "phone": f"1{rng.choice([3, 5, 7, 8, 9])}{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}",
                    "province": prov,
                    "city": rng.choice(CITIES[prov]),
                    "district": rng.choice(["中心区", "新区", "高新区", "滨江区"]),
                    "address": (
                        f"{rng.choice(['人民路', '解放路', '中山路', '建设路', '和平街'])}"
                        f"{rng.randint(1, 999)}号{rng.randint(1, 30)}栋{rng.randint(101, 2808)}室"
                    ),
                },
                "carrier": carrier,
                "waybill": _former_number_draws(rng),  # None: upstream_numbers fills it
                "status": "paid",
                "delayed_ok": rng.random() < 0.05,
            }
        )
    return rows


def _former_number_draws(rng: random.Random) -> str | None:
    """The random draws the made-up upstream once took for an order's number and 三段码, before
    the demo platform issued them (upstream_numbers). Still taken, in the same place, so a seed
    builds the same orders, batches and scans as before: the UI tests and screenshots pick
    parcels from it (e.g. an anonymous pre-pack parcel that still has an order to bind)."""
    rng.randint(1000, 9999)
    rng.randint(100, 999)
    rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ")
    rng.randint(1, 20)
    rng.randint(1, 40)
    return None  # no number yet: upstream_numbers asks the demo platform


def _progress(
    conn: sqlite3.Connection, rng: random.Random, now: datetime, info: dict[str, Any]
) -> None:
    """Run part of the promo through the real engine (fast: inside build_demo's one transaction
    the scans' own commits are savepoints, so there is no fsync per scan)."""
    t = [now - timedelta(hours=6)]
    step = [1.0]  # seconds between scans; set once we know how many parcels the shift has

    def clock() -> datetime:
        t[0] = min(now, t[0] + timedelta(seconds=rng.uniform(0.5, 1.5) * step[0]))
        return t[0]

    with transaction(conn):
        pre = create_batch(
            conn,
            sku_set="SKU-LIP-01*1",
            kind="presale",
            session_id="LS-1111-A",
            operator="L001",
            weight_tolerance_g=25,
        )
        anon = create_batch(
            conn,
            sku_set="SKU-MASK-10*1",
            kind="anonymous",
            qty=120,
            session_id="LS-1111-B",
            operator="L001",
            weight_tolerance_g=40,
        )
        tea = create_batch(
            conn,
            sku_set="SKU-TEA-250*1",
            kind="presale",
            session_id="LS-1111-C",
            operator="L001",
            qty=150,
        )
        for b in (pre, anon, tea):
            set_batch_status(conn, b["batch_id"], "active", operator="L001")
    info["batches"] = [pre["batch_id"], anon["batch_id"], tea["batch_id"]]
    parcels = [
        dict(r)
        for r in conn.execute(
            "SELECT parcel_id, batch_id, label_code, waybill FROM parcels WHERE batch_id IN (?,?) ORDER BY parcel_id",
            (pre["batch_id"], anon["batch_id"]),
        )
    ]
    # spread the shift's ~2 scans per parcel (pack, verify, most handed off) over six hours
    step[0] = 6 * 3600 / max(1, 2 * len(parcels))
    packer = ["P001", "P002", "P003"]
    packed = [p for p in parcels if rng.random() < 0.85]
    for p in packed:
        scan(
            conn,
            p["waybill"] or p["label_code"],
            ScanContext("pack", rng.choice(packer), p["batch_id"]),
            clock=clock,
        )
    # cancellations after packing: a few per cent become intercepts
    cancelled = [p for p in packed if p["waybill"] and rng.random() < 0.03]
    with transaction(conn):
        apply_orders(
            conn,
            [
                {
                    **_order_dict(conn, p["waybill"]),
                    "status": "cancelled",
                    "cancelled_at": iso(clock()),
                }
                for p in cancelled
            ],
        )
    info["intercepts"] = len(cancelled)
    verified = [p for p in packed if rng.random() < 0.75]
    for p in verified:
        scan(
            conn,
            p["waybill"] or p["label_code"],
            ScanContext("verify", rng.choice(packer)),
            clock=clock,
        )
    rows = conn.execute(
        "SELECT waybill, carrier FROM parcels WHERE state='verified' ORDER BY verified_at"
    ).fetchall()
    by_carrier: dict[str, list[str]] = {}
    for r in rows:
        by_carrier.setdefault(r["carrier"], []).append(r["waybill"])
    handoffs = []
    for carrier, waybills in sorted(by_carrier.items()):
        with transaction(conn):
            h = open_handoff(
                conn,
                carrier,
                courier_name=rng.choice(["赵师傅", "钱师傅", "孙师傅"]),
                vehicle=f"沪A{rng.randint(10000, 99999)}",
                operator="L001",
            )
        take = waybills[: int(len(waybills) * 0.7)]
        for wb in take:
            scan(
                conn,
                wb,
                ScanContext("handoff", rng.choice(packer), handoff_id=h["handoff_id"]),
                clock=clock,
            )
        if carrier != "ZTO":  # leave the main carrier's cage open, close the others
            with transaction(conn):
                close_handoff(conn, h["handoff_id"], operator="L001")
        handoffs.append(h["handoff_id"])
    info["handoffs"] = handoffs


def _order_dict(conn: sqlite3.Connection, waybill: str) -> dict[str, Any]:
    o = conn.execute("SELECT * FROM orders WHERE waybill=?", (waybill,)).fetchone()
    items = [
        {"sku": r[0], "qty": r[1]}
        for r in conn.execute(
            "SELECT sku_code, qty FROM order_items WHERE order_id=?", (o["order_id"],)
        )
    ]
    return order_record(o, items)


def feed_script(conn: sqlite3.Connection) -> list[str]:
    """The codes the window's demo feeder plays: a badge, a mode card, OK parcels, an intercept,
    a duplicate, a handoff and an unknown code (all through the station session)."""
    packed = [
        r[0]
        for r in conn.execute(
            "SELECT p.waybill FROM parcels p JOIN orders o ON o.order_id=p.order_id "
            "WHERE p.state='packed' AND o.status='paid' AND p.waybill IS NOT NULL ORDER BY p.parcel_id LIMIT 4"
        )
    ]
    intercept = [
        r[0]
        for r in conn.execute(
            "SELECT p.waybill FROM parcels p JOIN orders o ON o.order_id=p.order_id "
            "WHERE o.status='cancelled' AND p.state='intercepted' LIMIT 1"
        )
    ]
    handoff = conn.execute(
        "SELECT handoff_id, carrier FROM handoffs WHERE status='open' LIMIT 1"
    ).fetchone()
    ready = [
        r[0]
        for r in conn.execute(
            "SELECT waybill FROM parcels WHERE state='verified' AND carrier=? LIMIT 3",
            (handoff["carrier"] if handoff else "",),
        )
    ]
    steps = [
        "P001",
        "#MODE:VERIFY",
        *packed[:2],
        *intercept,
        *packed[2:3],
        packed[0] if packed else "X",
    ]
    if handoff:
        steps += ["#MODE:HANDOFF", f"#HANDOFF:{handoff['handoff_id']}", *ready]
    steps += ["NOT-A-CODE-123"]
    return steps
