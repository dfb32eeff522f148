"""Chinese column headers and value labels for the promo tables (CLI table/CSV, review PDF, screens).

Raw keys stay in JSON only; a person reading a table or a spreadsheet in Chinese mode sees Chinese.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

HEADERS_ZH: dict[str, str] = {
    "carrier": "快递公司",
    "role": "角色",
    "regions": "优先区域",
    "coverage": "覆盖区域",
    "response_score": "响应速度",
    "peak_score": "高峰运力",
    "coverage_score": "准时覆盖",
    "exceptions_score": "异常处理",
    "cost_score": "成本",
    "target_share": "目标份额",
    "share": "份额",
    "daily_capacity": "日运力",
    "cost_cents": "每件成本(分)",
    "next_day_regions": "次日达区域",
    "effective_target": "实际目标",
    "orders": "订单数",
    "realised_share": "实际份额",
    "deviation_pp": "偏差(百分点)",
    "within_target": "达标",
    "capacity_today": "今日运力",
    "used_today": "今日已用",
    "left_today": "今日剩余",
    "failing": "故障",
    "why": "原因",
    "why_zh": "原因",
    "orders_open": "未发订单",
    "orders_moved": "已转移",
    "moved_to": "转至",
    "stuck": "无法转移",
    "reprints_queued": "待补打面单",
    "sku": "商品",
    "name": "名称",
    "tier": "分层",
    "recommended_qty": "建议备货",
    "reorder_point": "补货点",
    "reason": "说明",
    "reason_zh": "说明",
    "demand": "需求",
    "stock": "库存",
    "on_hand": "在库",
    "loose": "散货",
    "in_parcels": "已预包",
    "shipped": "已发出",
    "prepacked": "已预包",
    "supply": "可供",
    "gap": "缺口",
    "order_id": "订单号",
    "paid_at": "付款时间",
    "ship_by": "承诺发货",
    "qty": "数量",
    "short_units": "缺货件数",
    "phone": "电话(脱敏)",
    "new_promise": "新承诺",
    "sku_set": "商品组合",
    "state": "状态",
    "countdown": "倒计时",
    "open_orders": "未发订单",
    "at_risk": "即将超时",
    "overdue": "已超时",
    "next_due": "最近到期",
    "plan_id": "计划号",
    "session_id": "场次",
    "suggested_qty": "建议数量",
    "pack_from": "开始预包",
    "pack_until": "结束预包",
    "status": "状态",
    "batch_id": "批次",
    "warning": "提醒",
    "rank": "排名",
    "total": "总分",
    "code": "代码",
    "name_zh": "中文名",
    "waybill_prefix": "面单前缀",
    "active": "启用",
    "section": "部分",
    "key": "项目",
    "metric": "指标",
    "value": "数值",
    "score": "得分",
    "data": "依据",
    "weight": "权重",
    "part": "评分项",
    "returned": "退回",
    "return_rate": "退货率",
}

VALUES_ZH: dict[str, str] = {
    "core_hot": "核心爆款",
    "potential_new": "潜力新品",
    "long_tail": "长尾",
    "main": "主力",
    "backup": "备用",
    "dynamic": "机动",
    "first_hour": "首小时",
    "standard": "标准",
    "delayed": "延迟发货",
    "unassigned": "未分配",
    "quality": "质量问题",
    "logistics_damage": "物流破损",
    "changed_mind": "不想要了",
    "wrong_item": "发错货",
    "other": "其他",
    "restock": "入库重售",
    "damaged": "破损报废",
    "to_vendor": "退回供应商",
    "unknown": "未知",
    "no data": "无数据",
    "response": "响应速度",
    "peak": "高峰运力",
    "next_day": "准时覆盖",
    "coverage": "准时覆盖",
    "exceptions": "异常处理",
    "cost": "成本",
    "planned": "待包装",
    "packed": "已包装",
    "verified": "已核对",
    "no_parcel": "未包装",
    "waiting_waybill": "等待面单",
    "presale": "预售",
    "in_stock": "现货",
}


# people's names for the codes inside the scorecard's data texts: (zh, en)
REGION_NAMES: dict[str, tuple[str, str]] = {
    "east": ("华东", "East China"),
    "north": ("华北", "North China"),
    "south": ("华南", "South China"),
    "central": ("华中", "Central China"),
    "southwest": ("西南", "Southwest China"),
    "northeast": ("东北", "Northeast China"),
    "northwest": ("西北", "Northwest China"),
    "unknown": ("未知区域", "unknown region"),
    "all": ("全部", "all"),
}
EXCEPTION_KINDS: dict[str, tuple[str, str]] = {
    "failure": ("快递故障", "carrier failure"),
    "intercept": ("拦截", "intercept"),
    "damage_return": ("破损退货", "damage return"),
}


_REGION_LISTS = ("regions", "coverage", "next_day_regions")  # comma-joined region codes

# a review metric named like a parcel state is not that state: 'planned' stock is 计划量, not the
# parcel state 待包装. These win over VALUES_ZH in the "metric" column.
METRICS_ZH: dict[str, str] = {"planned": "计划量"}


def name_of(names: dict[str, tuple[str, str]], code: str, lang: str) -> str:
    """A code's name in `lang` ('zh' or 'en'); an unknown code as is."""
    pair = names.get(code)
    return code if pair is None else pair[0 if lang == "zh" else 1]


def header(key: str, lang: str) -> str:
    if lang != "zh":
        return key
    if key not in HEADERS_ZH and key.startswith("reason_") and key[7:] in VALUES_ZH:
        return f"原因:{VALUES_ZH[key[7:]]}"
    return HEADERS_ZH.get(key, key)


def value(v: Any, lang: str) -> Any:
    if lang == "zh":
        if isinstance(v, bool):
            return "是" if v else "否"
        if v is None:
            return "-"
        if isinstance(v, str):
            return VALUES_ZH.get(v, v)
    return v


def localize(
    rows: Sequence[dict[str, Any]], columns: Sequence[str] | None, lang: str
) -> tuple[list[dict[str, Any]], list[str] | None]:
    """Rows with Chinese headers and value labels for `lang` 'zh' (unchanged for 'en')."""
    if lang != "zh":
        return list(rows), list(columns) if columns else None
    cols = list(columns or (rows[0].keys() if rows else []))
    # 'why' and 'why_zh' both exist: in Chinese mode the Chinese one fills the one column
    out_cols: list[str] = []
    for c in cols:
        h = header(c, lang)
        if h not in out_cols:
            out_cols.append(h)
    out = []
    for r in rows:
        d: dict[str, Any] = {}
        for c in cols:
            src = f"{c}_zh" if f"{c}_zh" in r and c in ("why", "reason", "data", "warning") else c
            v = r.get(src)
            if c == "metric" and isinstance(v, str) and v in METRICS_ZH:
                v = METRICS_ZH[v]
            elif c in _REGION_LISTS and isinstance(v, str) and v:  # 'east,north' -> '华东、华北'
                v = "、".join(name_of(REGION_NAMES, x.strip(), "zh") for x in v.split(","))
            d.setdefault(header(c, lang), value(v, lang))
        out.append(d)
    return out, out_cols
