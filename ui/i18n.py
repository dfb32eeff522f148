"""Translations through Qt's own system: `python -m ui.i18n` refreshes the .ts files from the
sources (pyside6-lupdate), fills zh_CN from the table below and en from the English sources,
and compiles the .qm files (pyside6-lrelease) into resources/translations.

The table lives in code so a missing Chinese string fails `missing()` in the tests instead of
silently showing English to a packer.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from warehouse_app.paths import resource_path

ZH: dict[str, str] = {
    # issue 12: the scorecard screen shows each score's data and the weights; no data is said
    "Weights: %1. The total is the weighted mean of the parts with data; a carrier that handed off nothing has no total and ranks last.": "权重：%1。总分为有数据各项的加权平均；没有交接过包裹的快递没有总分，排在最后。",
    "Response": "响应速度",
    "Peak capacity": "高峰运力",
    "On-time coverage": "准时覆盖",
    "Exceptions": "异常处理",
    "Cost": "成本",
    "Peak capacity %1%": "高峰运力 %1%",
    "On-time coverage %1%": "准时覆盖 %1%",
    "Paid to handoff (h)": "付款到交接（小时）",
    "Best day: handled of could take": "最佳日：实接/可接",
    "On time of due": "准时/到期",
    "Cases per 1,000 parcels": "每千件异常",
    "Cost per parcel (CNY)": "每件成本（元）",
    "%1 of %2 (%3)": "%1/%2（%3）",
    "%1 of %2": "%1/%2",
    "No carrier rules: nothing to score yet": "没有快递规则，尚无评分",
    "Data behind the scores of %1:": "%1 的评分依据：",
    "%1 (weight %2): %3 — %4": "%1（权重 %2）：%3 — %4",
    "no data": "无数据",
    "unknown": "未知",
    "not planned": "未计划",
    "Presale": "预售",
    "No promise yet": "未分配承诺",
    "Unknown region": "未知区域",
    "Warning": "提醒",
    "Off target (pp)": "偏差（百分点）",
    "Target now": "当前目标",
    "no limit": "不限",
    # issue 10: the screens tell the truth
    "Void waybill": "作废面单",
    "Lead actions open again: enter your PIN": "组长操作已解锁：请输入 PIN 码",
    "Too many wrong PINs: locked, %1 left": "PIN 错误次数过多：已锁定，剩余 %1",
    "Station %1": "站点 %1",
    "Void waybill %1? The carrier will recycle it; this cannot be undone.": "确定作废面单 %1？快递公司将回收该单号，无法撤销。",
    "Close handoff": "关闭交接单",
    "Close handoff %1 with %2 parcels and print its manifest?": "关闭交接单 %1（共 %2 件）并打印交接单？",
    "Manifest of %1 saved to %2": "交接单 %1 已保存到 %2",
    "Reprint manifest": "重打交接单",
    "Open folder": "打开文件夹",
    "Stopped: %1 — %2 of %3 printed; it resumes by itself once fixed, or cancel": "已停止：%1 — 已打印 %2/%3 张；处理后自动继续，或取消打印",
    "Printing: %1 of %2": "正在打印：%1/%2",
    "Last %1 scans": "最近 %1 次扫描",
    "Spoken verdicts (voice)": "语音播报结果",
    "Test voice": "试听语音",
    "Speaking a test verdict…": "正在播报测试语音…",
    "Verdict turns neutral after (s, 0 = never)": "结果变灰时间（秒，0 = 不变灰）",
    "Kiosk: full screen (after restart)": "全屏工位模式（重启后生效）",
    "none (app sounds)": "无（使用电脑提示音）",
    "Shift lead area: scan ignored (%1). Scan into a code field, or press Esc for the packer screen": "组长界面：已忽略扫描（%1）。请在条码输入框中扫描，或按 Esc 返回打包界面",
    "%1 · packed %2 · verified %3": "%1 · 已打包 %2 · 已核对 %3",
    "Back to packing (Esc)": "返回打包（Esc）",
    "Batch": "批次",
    "Batch %1": "批次 %1",
    "Batch %1 is now %2": "批次 %1 现在为 %2",
    "Batch: %1": "批次：%1",
    "Batches": "批次",
    "Baud": "波特率",
    "Cancel printing": "取消打印",
    "Carrier": "快递公司",
    "Carrier handoff": "快递交接",
    "Choose a carrier": "请选择快递公司",
    "Choose the scanner's serial port (Find serial ports)": "请选择扫描枪串口（查找串口）",
    "Close && print manifest": "关闭并打印交接单",
    "Closed": "关闭时间",
    "Confirm the selected parcel was pulled": "确认所选包裹已取出",
    "Courier": "快递员",
    "Courier name": "快递员姓名",
    "Create batch": "创建批次",
    "Created batch %1 with %2 parcels": "已创建批次 %1，共 %2 件",
    "Discrepancies": "差异处理",
    "Enter the SKU set, e.g. SKU-LIP-01*1": "请输入商品组合，例如 SKU-LIP-01*1",
    "Enter the waybill and a reason": "请输入面单号和原因",
    "Export CSV": "导出 CSV",
    "Export PDF": "导出 PDF",
    "F1 Pack batch": "F1 批次打包",
    "F1-F5 mode · F6 batch · F7 handoff · F8 log out · F9 shift lead · F10 settings · F12 中文/English · "
    "or scan a command card": "F1-F5 切换模式 · F6 选批次 · F7 选交接单 · F8 退出登录 · F9 组长 · F10 设置 · "
    "F12 中文/English · 或扫描指令卡",
    "F2 Verify && box": "F2 核对装箱",
    "F3 Hand off": "F3 交接",
    "F4 Pull intercept": "F4 拦截取件",
    "F5 Returns": "F5 退货",
    "F6 Batch:": "F6 批次：",
    "F7 Handoff:": "F7 交接单：",
    "Find serial ports": "查找串口",
    "Finish": "完成",
    "Found %1 serial ports": "找到 %1 个串口",
    "Hand off": "交接",
    "Handed off: %1 parcels": "已交接：%1 件",
    "Handoff": "交接单",
    "Handoff %1": "交接单 %1",
    "Handoff %1 closed; manifest saved to %2": "交接单 %1 已关闭，交接单已保存到 %2",
    "Handoff: %1": "交接单：%1",
    "Handoffs": "交接",
    "Intercepted at": "拦截时间",
    "Intercepted but not pulled: %1": "已拦截未取出：%1",
    "Keyboard-wedge (USB HID) scanner": "键盘式（USB HID）扫描枪",
    "Kind": "类型",
    "Label printer": "面单打印机",
    "Language": "语言",
    "Lead code": "组长工号",
    "Live session": "直播场次",
    "Log": "日志",
    "Log in first": "请先登录",
    "New pre-pack batch": "新建预包装批次",
    "No printer: set one in Settings": "未设置打印机：请在设置里选择",
    "Nobody logged in": "无人登录",
    "Nothing loaded yet": "还没有加载数据",
    "Nothing to print: every waybill of %1 is printed": "无需打印：批次 %1 的面单都已打印",
    "On duty: %1": "当班：%1",
    "Open handoff": "开交接单",
    "Opened": "开单时间",
    "Opened handoff %1 for %2": "已为 %2 开交接单 %1",
    "Operator": "操作员",
    "Order": "订单",
    "PIN": "PIN 码",
    "Pack batch": "批次打包",
    "Packed": "已打包",
    "Packing station": "打包站",
    "Parcel": "包裹",
    "Parcels": "件数",
    "Parcels handed off per hour and carrier": "每小时各快递交接件数",
    "Parcels this hour": "本小时件数",
    "Pause": "暂停",
    "Planned": "计划",
    "Please log in": "请登录",
    "Port": "端口",
    "Print all waybills": "打印全部面单",
    "Print test label": "打印测试面单",
    "Printed": "已打印",
    "Printer address": "打印机地址",
    "Printing %1 waybills of %2": "正在打印批次 %2 的 %1 张面单",
    "Printing a test label…": "正在打印测试面单…",
    "Printing cancelled; %1 labels not printed": "已取消打印：%1 张未打印",
    "Pull intercepts": "拦截取件",
    "Quantity (0 = all paid orders)": "数量（0 = 全部已付款订单）",
    "Read scale": "读取重量",
    "Reason": "原因",
    "Reason, e.g. damaged, customer changed address": "原因，例如：破损、客户改地址",
    "Reload": "刷新",
    "Reprint": "补打",
    "Reprint of %1 sent to the printer": "已补打 %1",
    "Reprint or void a waybill": "补打或作废面单",
    "Returns": "退货",
    "Review": "复盘",
    "SKU set": "商品组合",
    "Save and apply": "保存并应用",
    "Saved %1": "已保存 %1",
    "Scale": "电子秤",
    "Scan a parcel, or press F1-F5 to change mode": "请扫描包裹，或按 F1-F5 切换模式",
    "Scan again; if it repeats call the lead": "请重扫；如再出现请叫组长",
    "Scan any barcode now…": "请现在扫描任意条码…",
    "Scan each intercepted parcel you pulled from the line": "逐件扫描已从线上取出的拦截包裹",
    "Scan each parcel as it goes into the carrier's cage": "包裹放入快递笼车时逐件扫描",
    "Scan each returned parcel": "逐件扫描退货包裹",
    "Scan each staged parcel's waybill": "逐件扫描暂存包裹的面单",
    "Scan into this handoff": "扫描进此交接单",
    "Scan or type:": "扫描或输入：",
    "Scan the pre-pack label of each parcel of the batch": "逐件扫描本批次包裹的预包装标签",
    "Scan the right card": "请扫描正确的卡片",
    "Scan your badge": "请扫描工牌",
    "Scan your badge, or type your operator code and press Enter": "请扫描工牌，或输入工号后按回车",
    "Scanner": "扫描枪",
    "Select a batch first": "请先选择批次",
    "Select a handoff first": "请先选择交接单",
    "Select a parcel first": "请先选择包裹",
    "Select an intercepted parcel first": "请先选择拦截包裹",
    "Serial port scanner": "串口扫描枪",
    "Session": "场次",
    "Settings": "设置",
    "Settings saved": "设置已保存",
    "Shift lead: %1": "组长：%1",
    "Shift lead: scan your badge and enter your PIN": "组长：请扫描工牌并输入 PIN 码",
    "Shift review: handoff counts": "班次复盘：交接件数",
    "Shift:": "班次：",
    "Start": "启动",
    "Station data: %1": "站点数据：%1",
    "Station token": "站点令牌",
    "Status": "状态",
    "Test scan": "测试扫描",
    "This batch": "本批次",
    "This handoff": "本交接单",
    "Upstream address": "上游地址",
    "Vehicle": "车辆",
    "Verdict sounds": "提示音",
    "Verified": "已核对",
    "Verified at": "核对时间",
    "Verified but not handed off: %1": "已核对未交接：%1",
    "Verify & box": "核对装箱",
    "Void": "作废",
    "Void the selected waybill (reason)": "作废所选面单（需填原因）",
    "Waybill": "面单号",
    "Waybill %1 voided": "面单 %1 已作废",
    "Waybill / label": "面单号 / 标签",
    "Weigh parcels in verify mode": "核对时称重",
    "Welcome, %1": "欢迎，%1",
    "last %1 hours": "最近 %1 小时",
    "no batch selected (F6)": "未选择批次（F6）",
    "no handoff selected (F7)": "未选择交接单（F7）",
    "this station": "本工位",
    "draft": "草稿",
    "active": "进行中",
    "paused": "已暂停",
    "done": "已完成",
    "pre-sale": "预售",
    "anonymous": "匿名预包",
    "open": "进行中",
    "Times in %1": "时间为 %1",
    "Return reason: %1": "退货原因：%1",
    "not chosen": "未选择",
    "Put it into: %1": "放入：%1",
    "Choose the reason: Ctrl+1…5 or scan a #REASON card": "请选择原因：Ctrl+1…5 或扫描 #REASON 卡",
    "Choose where it goes: Alt+1…3 or scan a #DISPOSE card": "请选择处理方式：Alt+1…3 或扫描 #DISPOSE 卡",
    "Return reason: not chosen (Ctrl+1…5, Alt+1…3)": "退货原因：未选择（Ctrl+1…5，Alt+1…3）",
    "Unknown command card: %1": "无法识别的指令卡：%1",
    "Hour": "时段",
    "Hour (%1)": "时段（%1）",
    "Time zone": "时区",
    "This computer's zone (%1)": "本机时区（%1）",
    "Upstream, language and time": "上游、语言与时间",
    "closed": "已关闭",
    "none": "无",
    "In effect: suffix %1 · prefix %2 · %3 · AIM ids %4 · feedback %5": "当前生效：后缀 %1 · 前缀 %2 · %3 · AIM 标识 %4 · 回馈 %5",
    "stripped": "去除",
    "kept": "保留",
    # --- promo lead screens (ui/promo) ---
    "%1 (%2)": "%1（%2）",
    "%1 demand %2 > supply %3 (stock %4 + pre-packed %5), %6 orders short": "%1 需求 %2 > 可发 %3（库存 %4 + 预包 %5），%6 单缺货",
    "%1 failed over: %2 orders moved (%3), %4 waybills to reprint": "%1 已切换：改派 %2 单（%3），待补打面单 %4 张",
    "%1 more SKU(s)": "另有 %1 个商品",
    "%1 order(s) allocated": "已分配 %1 单",
    "%1 orders exported to %2": "已导出 %1 单到 %2",
    "%1 plan(s) suggested": "已生成 %1 个计划",
    "%1 restored": "%1 已恢复",
    "%1 SKU(s) oversold": "超卖商品 %1 个",
    "%1 to %2": "%2 %1 单",
    ", ": "、",
    "; ": "；",
    "Allocate carriers": "分配快递",
    "Any (by capacity)": "不限（按运力）",
    "Assign promises to new orders": "给新订单分配发货承诺",
    "At risk": "临近超时",
    "At risk or overdue: %1 orders (countdown)": "即将超时或已超时：%1 单（倒计时）",
    "At risk or overdue: %1 orders, the %2 due first shown (countdown)": "即将超时或已超时：%1 单，按截止时间显示最早的 %2 单（倒计时）",
    "Backup": "备用",
    "Batch created": "已建批次",
    "Capacity": "日运力",
    "Capacity full": "运力已满",
    "Capacity move": "运力调整",
    "Carrier failover": "快递切换",
    "Carrier scorecard (next promo's split)": "快递评分（用于下次分配）",
    "Carriers": "快递分配",
    "Carriers with problems: %1": "有问题的快递：%1",
    "Central China": "华中",
    "Check oversell": "检查超卖",
    "Check pickups and capacity": "检查揽收/运力",
    "Core hot": "核心爆款",
    "Cost %1%": "成本 %1%",
    "Delayed (opted in)": "延迟发货",
    "Demand": "需求",
    "Disposition": "处理方式",
    "Draft": "草稿",
    "Dropped": "已放弃",
    "Dynamic": "机动（按运力）",
    "East China": "华东",
    "Every carrier is picking up and has capacity": "所有快递揽收和运力正常",
    "Exceptions %1%": "异常处理 %1%",
    "Export open orders (warehouse failover)": "导出未发订单（仓库切换）",
    "Export PDF (charts)": "导出 PDF（含图表）",
    "Exported %1": "已导出 %1",
    "Failed over at": "切换时间",
    "Failed, nothing was changed: %1": "操作失败，未做任何更改：%1",
    "FAILING": "故障",
    "Failovers: %1": "切换记录：%1",
    "Late": "超时",
    "Lead": "组长手动",
    "Left": "余量",
    "Long tail": "长尾",
    "Main": "主力",
    "Mark failing and fail over": "标记故障并切换",
    "Moved to": "改派到",
    "Name": "名称",
    "New waybill": "新面单号",
    "Next due": "最早截止",
    "no new orders": "无新订单",
    "North China": "华北",
    "Northeast China": "东北",
    "Northwest China": "西北",
    "not restored": "未恢复",
    "Nothing oversold": "没有超卖",
    "On time": "准时",
    "On time per promise tier": "按档位准时率",
    "On-time rate": "准时率",
    "Open": "待发",
    "Open orders per promise tier": "各档位待发",
    "Orders": "订单",
    "Orders %1 (%2 cancelled)  ·  intercepts before handoff %3, after %4  ·  cancel to pull avg %5 min  ·  failovers %6 (%7 orders moved)  ·  return rate %8": "订单 %1（取消 %2）　·　拦截：交接前 %3，交接后 %4　·　取消到取出平均 %5 分钟　·　快递切换 %6 次（改派 %7 单）　·　退货率 %8",
    "Orders moved": "改派单数",
    "Overdue": "已超时",
    "Oversold": "超卖",
    "Overstocked": "积压",
    "Pack from": "开始打包",
    "Pack until": "打包截止",
    "Paid in first hour": "首小时付款",
    "Per live session": "按场次",
    "Per SKU": "按商品",
    "Pick a carrier first": "先选择快递公司",
    "Pickup stalled": "揽收停滞",
    "Plan": "计划",
    "Potential new": "潜力新品",
    "Pre-pack plans": "预包装计划",
    "Promises assigned: %1": "已分配发货承诺：%1",
    "Promo review": "大促复盘",
    "Qty": "数量",
    "Quantities saved": "数量已保存",
    "Rank": "排名",
    "Re-order": "补货",
    "Re-order at": "补货点",
    "Re-order now": "立即补货",
    "Realised": "实际",
    "Recommended": "建议备货",
    "Record by hand": "手工登记",
    "Record return": "登记退货",
    "Refresh": "刷新",
    "Refresh first": "请先刷新",
    "Regions": "区域",
    "Requested at": "请求时间",
    "Response %1%": "响应速度 %1%",
    "Restore": "恢复",
    "Restored at": "恢复时间",
    "Return mode will record: %1 · %2": "退货模式将记录：%1 · %2",
    "Return rate": "退货率",
    "Returned": "已退回",
    "Role": "角色",
    "Save and create batches": "保存并创建批次",
    "Save plan and tiers": "保存备货计划并分层",
    "Save quantities": "保存数量",
    "Saved; %1 batch(es) created": "已保存；创建批次 %1 个",
    "Scan a waybill or order number first": "请先扫描面单号或订单号",
    "Scan waybill or order number": "扫描面单号或订单号",
    "Sell-through": "售罄率",
    "Ship by": "发货截止",
    "Ship-by": "分批发货",
    "Shipped": "已发出",
    "Short orders: %1 (latest paid go short first)": "缺货订单：%1（最晚付款的先缺）",
    "SKU": "商品",
    "South China": "华南",
    "Southwest China": "西南",
    "Split: target and realised (today's capacity)": "分配比例：目标与实际（今日运力）",
    "Standard": "标准",
    "State": "状态",
    "Stock accuracy": "备货准确率",
    "Stock plan and tiers saved for %1 SKUs": "已保存 %1 个商品的备货计划和分层",
    "Stock tiers": "备货分层",
    "Suggest from stock plan": "按备货计划生成",
    "Suggested": "建议",
    "Suggested for the next promo: main %1; backups %2; dynamic %3": "下次大促建议：主力 %1；备用 %2；机动 %3",
    "Supply": "可发",
    "Target": "目标",
    "Tier": "档位",
    "Time left": "剩余时间",
    "Total": "总分",
    "Trigger": "触发",
    "Use for return mode": "设为退货模式默认",
    "Used today": "今日已用",
    "Waybills waiting to print: %1": "待补打面单：%1",
    "Why": "依据",
    "Why it is failing, e.g. hub overloaded": "故障原因，例如：分拨中心爆仓",
    "With compensation": "含补偿",
    "⚠ OVERSELL: %1. Re-stock or tell the platform.": "⚠ 超卖：%1。请补货或联系平台。",
}

# The same English with a different Chinese in another place, keyed (source, disambiguation) for a
# self.tr("Tier", "stock") (lupdate writes it as the message's <comment>) or (source, context) for a
# context of its own (QCoreApplication.translate("parcel state", "Planned")); looked up before ZH.
ZH_DISAMBIG: dict[tuple[str, str], str] = {
    ("Tier", "stock"): "分层",
    ("Carrier", "column"): "快递",
    ("Why", "split"): "原因",
    ("SKU set", "column"): "商品",
    ("Left", "capacity"): "剩余",
    ("Reason", "return"): "退货原因",
    ("Open", "review"): "未发",
    ("No parcel yet", "parcel state"): "未建包裹",
    ("Planned", "parcel state"): "待打包",
    ("Packed", "parcel state"): "已打包",
    ("Verified", "parcel state"): "已核对",
    ("Handed off", "parcel state"): "已交接",
    ("Intercepted", "parcel state"): "已拦截",
    ("Pulled", "parcel state"): "已取出",
    ("Voided", "parcel state"): "已作废",
    ("Returned", "parcel state"): "已退货",
}

TS = {"zh": "station_zh_CN", "en": "station_en"}


def _tool(name: str) -> str:
    """The Qt binary itself (PySide6/lupdate) when present: the pyside6-* wrappers fail when the
    PySide6 package lost its __init__.py (seen after a split-wheel downgrade); else the wrapper."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    for base in (spec.submodule_search_locations or []) if spec else []:
        real = Path(base) / name.removeprefix("pyside6-")
        if real.exists():
            return str(real)
    exe = Path(sys.executable).with_name(name)
    return str(exe) if exe.exists() else (shutil.which(name) or name)


def sources() -> list[str]:
    ui = Path(__file__).resolve().parent
    return sorted(
        str(p) for p in [*ui.glob("*.py"), *ui.glob("lead_tabs/*.py"), *ui.glob("promo/*.py")]
    )


def fill(ts_path: Path, lang: str) -> list[str]:
    """Fill every message of a .ts file; returns the sources with no translation (zh only)."""
    tree = ET.parse(ts_path)
    missing = []
    for ctx in tree.getroot().iter("context"):
        context = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            src = msg.findtext("source") or ""
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            comment = msg.findtext("comment")
            text = src if lang == "en" else ZH_DISAMBIG.get((src, comment or context), ZH.get(src))
            if text is None:
                missing.append(src)
                tr.set("type", "unfinished")
                continue
            tr.text = text
            tr.attrib.pop("type", None)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return missing


def build() -> list[str]:
    out = resource_path("translations")
    out.mkdir(parents=True, exist_ok=True)
    missing: list[str] = []
    for lang, stem in TS.items():
        ts = out / f"{stem}.ts"
        subprocess.run(
            [_tool("pyside6-lupdate"), "-no-obsolete", *sources(), "-ts", str(ts)],
            check=True,
            capture_output=True,
        )
        missing += fill(ts, lang)
        subprocess.run(
            [_tool("pyside6-lrelease"), str(ts), "-qm", str(out / f"{stem}.qm")],
            check=True,
            capture_output=True,
        )
    return missing


if __name__ == "__main__":
    miss = build()
    for m in miss:
        print("missing zh:", m)
    sys.exit(1 if miss else 0)
