"""Verdict texts, Chinese first, English second. Short enough to read from two metres."""

from __future__ import annotations

# reason -> (message_zh, message_en, next_zh, next_en)
REJECT_TEXT: dict[str, tuple[str, str, str, str]] = {
    "unknown_code": (
        "未知条码",
        "Unknown barcode",
        "请重扫或交组长处理",
        "Rescan, or hand it to the shift lead",
    ),
    "duplicate": (
        "重复扫描",
        "Already scanned",
        "无需操作，继续下一件",
        "Nothing to do, next parcel",
    ),
    "wrong_batch": (
        "不是本批次",
        "Wrong batch",
        "放回该批次暂存区",
        "Put it back with its own batch",
    ),
    "wrong_item": (
        "商品不符",
        "Wrong item",
        "取出该商品，核对后重装",
        "Take the item out and repack",
    ),
    "intercepted": (
        "订单已取消：拦截！",
        "Order cancelled: INTERCEPT",
        "取出包裹，放入拦截区",
        "Pull this parcel into the intercept bin",
    ),
    "not_packed": ("尚未打包", "Not packed yet", "先完成打包扫描", "Pack and scan it first"),
    "not_verified": ("尚未核对", "Not verified", "先到核对台核对", "Verify it first"),
    "wrong_carrier": (
        "快递公司不符",
        "Wrong carrier",
        "放到正确快递的笼车",
        "Put it in its own carrier's cage",
    ),
    "handoff_closed": ("交接单已关闭", "Handoff closed", "请开新的交接单", "Open a new handoff"),
    "no_handoff": (
        "未打开交接单",
        "No open handoff",
        "请组长先开交接单",
        "Ask the lead to open a handoff",
    ),
    "no_batch": ("未选择批次", "No batch selected", "先扫描或选择批次", "Select a batch first"),
    "wrong_weight": (
        "重量不符",
        "Wrong weight",
        "开箱检查后重新称重",
        "Open, check and weigh again",
    ),
    "voided": (
        "面单已作废",
        "Waybill voided",
        "撕掉旧面单，贴新面单",
        "Replace the voided waybill",
    ),
    "already_handed_off": (
        "已交接",
        "Already handed off",
        "已交给快递，无需操作",
        "Already with the carrier",
    ),
    "not_intercepted": ("无需拦截", "Not an intercept", "放回原处", "Put it back"),
    "no_order": ("暂无可绑定订单", "No order to bind", "留在暂存区", "Keep it staged"),
    "batch_not_active": (
        "批次未启动",
        "Batch not active",
        "请组长启动批次",
        "Ask the lead to start the batch",
    ),
    "not_a_parcel": (
        "这是商品码，请扫面单",
        "Item barcode: scan the waybill",
        "扫描包裹面单",
        "Scan the parcel's waybill",
    ),
    "not_logged_in": ("请先登录", "Log in first", "扫描工牌登录", "Scan your badge"),
    "held": (
        "拉出来！订单已由其他站点发货",
        "PULL IT: order shipped by another station",
        "取出包裹，放入拦截区，交组长",
        "Pull it into the intercept bin and tell the lead",
    ),
    "transferred": (
        "包裹已转到其他站点",
        "Parcel moved to another station",
        "交给接收站点扫描",
        "Let the receiving station scan it",
    ),
    "no_lease": (
        "本站租约内无可绑定订单",
        "No order left in this station's lease",
        "留在暂存区，联网同步后再核对",
        "Keep it staged; verify again after a sync",
    ),
}

OK_TEXT: dict[str, tuple[str, str, str, str]] = {
    "pack": ("打包完成", "Packed", "放入暂存区", "Stage it"),
    "item": ("商品正确", "Item OK", "继续装箱", "Keep packing"),
    "verify": (
        "核对通过",
        "Verified",
        "装箱后放入{carrier}笼车",
        "Box it, then into the {carrier} cage",
    ),
    "handoff": ("已交接", "Handed off", "放入{carrier}车辆", "Load it for {carrier}"),
    "pull": ("拦截已取出", "Intercept pulled", "放入拦截区", "Into the intercept bin"),
}


def reject_text(reason: str) -> tuple[str, str, str, str]:
    return REJECT_TEXT.get(reason, (reason, reason, "", ""))


def ok_text(kind: str, carrier: str | None = None) -> tuple[str, str, str, str]:
    zh, en, nzh, nen = OK_TEXT[kind]
    c = carrier or "-"
    return zh, en, nzh.format(carrier=c), nen.format(carrier=c)
