<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>BatchesTab</name>
    <message>
        <location filename="../../ui/lead.py" line="242" />
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="243" />
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="244" />
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="245" />
        <source>Print all waybills</source>
        <translation>打印全部面单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="246" />
        <source>Cancel printing</source>
        <translation>取消打印</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="247" />
        <source>New pre-pack batch</source>
        <translation>新建预包装批次</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="248" />
        <location filename="../../ui/lead.py" line="263" />
        <source>SKU set</source>
        <translation>商品组合</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="249" />
        <location filename="../../ui/lead.py" line="263" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="252" />
        <source>Quantity (0 = all paid orders)</source>
        <translation>数量（0 = 全部已付款订单）</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="253" />
        <source>Live session</source>
        <translation>直播场次</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="254" />
        <source>Create batch</source>
        <translation>创建批次</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="255" />
        <source>Reprint or void a waybill</source>
        <translation>补打或作废面单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="256" />
        <source>Waybill / label</source>
        <translation>面单号 / 标签</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="257" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="258" />
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="259" />
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="263" />
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="263" />
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="263" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="264" />
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="264" />
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="264" />
        <source>Verified</source>
        <translation>已核对</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="264" />
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="265" />
        <location filename="../../ui/lead.py" line="286" />
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="265" />
        <location filename="../../ui/lead.py" line="286" />
        <source>active</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="265" />
        <location filename="../../ui/lead.py" line="286" />
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="266" />
        <location filename="../../ui/lead.py" line="287" />
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="250" />
        <location filename="../../ui/lead.py" line="266" />
        <source>pre-sale</source>
        <translation>预售</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="251" />
        <location filename="../../ui/lead.py" line="266" />
        <source>anonymous</source>
        <translation>匿名预包</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="282" />
        <location filename="../../ui/lead.py" line="315" />
        <source>Select a batch first</source>
        <translation>请先选择批次</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="288" />
        <source>Batch %1 is now %2</source>
        <translation>批次 %1 现在为 %2</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="298" />
        <source>Enter the SKU set, e.g. SKU-LIP-01*1</source>
        <translation>请输入商品组合，例如 SKU-LIP-01*1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="303" />
        <source>Created batch %1 with %2 parcels</source>
        <translation>已创建批次 %1，共 %2 件</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="318" />
        <location filename="../../ui/lead.py" line="378" />
        <source>No printer: set one in Settings</source>
        <translation>未设置打印机：请在设置里选择</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="329" />
        <source>Nothing to print: every waybill of %1 is printed</source>
        <translation>无需打印：批次 %1 的面单都已打印</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="335" />
        <source>Printing %1 waybills of %2</source>
        <translation>正在打印批次 %2 的 %1 张面单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="364" />
        <source>Printing cancelled; %1 labels not printed</source>
        <translation>已取消打印：%1 张未打印</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="375" />
        <location filename="../../ui/lead.py" line="403" />
        <source>Enter the waybill and a reason</source>
        <translation>请输入面单号和原因</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="383" />
        <source>Reprint of %1 sent to the printer</source>
        <translation>已补打 %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="407" />
        <source>Waybill %1 voided</source>
        <translation>面单 %1 已作废</translation>
    </message>
</context>
<context>
    <name>DiscrepanciesTab</name>
    <message>
        <location filename="../../ui/lead.py" line="642" />
        <source>Confirm the selected parcel was pulled</source>
        <translation>确认所选包裹已取出</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="643" />
        <source>Void the selected waybill (reason)</source>
        <translation>作废所选面单（需填原因）</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="644" />
        <source>Reason, e.g. damaged, customer changed address</source>
        <translation>原因，例如：破损、客户改地址</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="649" />
        <source>Times in %1</source>
        <translation>时间为 %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="650" />
        <source>Verified but not handed off: %1</source>
        <translation>已核对未交接：%1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="651" />
        <source>Intercepted but not pulled: %1</source>
        <translation>已拦截未取出：%1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="664" />
        <location filename="../../ui/lead.py" line="667" />
        <source>Waybill</source>
        <translation>面单号</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="664" />
        <location filename="../../ui/lead.py" line="667" />
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="664" />
        <location filename="../../ui/lead.py" line="667" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="664" />
        <source>Verified at</source>
        <translation>核对时间</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="665" />
        <location filename="../../ui/lead.py" line="668" />
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="667" />
        <source>Intercepted at</source>
        <translation>拦截时间</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="676" />
        <source>Select an intercepted parcel first</source>
        <translation>请先选择拦截包裹</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="689" />
        <source>Select a parcel first</source>
        <translation>请先选择包裹</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="693" />
        <source>Waybill %1 voided</source>
        <translation>面单 %1 已作废</translation>
    </message>
</context>
<context>
    <name>HandoffsTab</name>
    <message>
        <location filename="../../ui/lead.py" line="515" />
        <source>Carrier handoff</source>
        <translation>快递交接</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="516" />
        <location filename="../../ui/lead.py" line="525" />
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="517" />
        <source>Courier name</source>
        <translation>快递员姓名</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="518" />
        <location filename="../../ui/lead.py" line="525" />
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="519" />
        <source>Open handoff</source>
        <translation>开交接单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="520" />
        <source>Close &amp;&amp; print manifest</source>
        <translation>关闭并打印交接单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="521" />
        <source>Scan into this handoff</source>
        <translation>扫描进此交接单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="525" />
        <source>Handoff</source>
        <translation>交接单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="525" />
        <source>Courier</source>
        <translation>快递员</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="525" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="526" />
        <source>Parcels</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="526" />
        <source>Opened</source>
        <translation>开单时间</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="526" />
        <source>Closed</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="527" />
        <source>Times in %1</source>
        <translation>时间为 %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="531" />
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="531" />
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="550" />
        <source>Choose a carrier</source>
        <translation>请选择快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="554" />
        <source>Opened handoff %1 for %2</source>
        <translation>已为 %2 开交接单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="565" />
        <location filename="../../ui/lead.py" line="596" />
        <source>Select a handoff first</source>
        <translation>请先选择交接单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="574" />
        <source>Handoff %1 closed; manifest saved to %2</source>
        <translation>交接单 %1 已关闭，交接单已保存到 %2</translation>
    </message>
</context>
<context>
    <name>LeadArea</name>
    <message>
        <location filename="../../ui/lead.py" line="803" />
        <source>Shift lead: scan your badge and enter your PIN</source>
        <translation>组长：请扫描工牌并输入 PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="804" />
        <source>Lead code</source>
        <translation>组长工号</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="805" />
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="806" />
        <source>Back to packing (Esc)</source>
        <translation>返回打包（Esc）</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="807" />
        <source>Batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="807" />
        <source>Handoffs</source>
        <translation>交接</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="808" />
        <source>Discrepancies</source>
        <translation>差异处理</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="808" />
        <source>Review</source>
        <translation>复盘</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="809" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="809" />
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="816" />
        <location filename="../../ui/lead.py" line="840" />
        <source>Shift lead: %1</source>
        <translation>组长：%1</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../ui/window.py" line="239" />
        <source>Scan your badge, or type your operator code and press Enter</source>
        <translation>请扫描工牌，或输入工号后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="241" />
        <source>Please log in</source>
        <translation>请登录</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="241" />
        <source>Scan your badge</source>
        <translation>请扫描工牌</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/window.py" line="354" />
        <source>Packing station</source>
        <translation>打包站</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="359" />
        <source>Station data: %1</source>
        <translation>站点数据：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="449" />
        <source>Welcome, %1</source>
        <translation>欢迎，%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="450" />
        <source>Scan a parcel, or press F1-F5 to change mode</source>
        <translation>请扫描包裹，或按 F1-F5 切换模式</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="458" />
        <location filename="../../ui/window.py" line="468" />
        <location filename="../../ui/window.py" line="547" />
        <location filename="../../ui/window.py" line="724" />
        <source>Scan your badge</source>
        <translation>请扫描工牌</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="468" />
        <source>Please log in</source>
        <translation>请登录</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="482" />
        <source>Scan the pre-pack label of each parcel of the batch</source>
        <translation>逐件扫描本批次包裹的预包装标签</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="483" />
        <source>Scan each staged parcel's waybill</source>
        <translation>逐件扫描暂存包裹的面单</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="484" />
        <source>Scan each parcel as it goes into the carrier's cage</source>
        <translation>包裹放入快递笼车时逐件扫描</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="485" />
        <source>Scan each intercepted parcel you pulled from the line</source>
        <translation>逐件扫描已从线上取出的拦截包裹</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="486" />
        <source>Scan each returned parcel</source>
        <translation>逐件扫描退货包裹</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="521" />
        <source>Return reason: %1</source>
        <translation>退货原因：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="521" />
        <source>not chosen</source>
        <translation>未选择</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="523" />
        <source>Put it into: %1</source>
        <translation>放入：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="525" />
        <source>Choose the reason: Ctrl+1…5 or scan a #REASON card</source>
        <translation>请选择原因：Ctrl+1…5 或扫描 #REASON 卡</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="527" />
        <source>Choose where it goes: Alt+1…3 or scan a #DISPOSE card</source>
        <translation>请选择处理方式：Alt+1…3 或扫描 #DISPOSE 卡</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="574" />
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="574" />
        <source>active</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="574" />
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="575" />
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="575" />
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="575" />
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="590" />
        <source>Pack batch</source>
        <translation>批次打包</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="590" />
        <source>Verify &amp; box</source>
        <translation>核对装箱</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="590" />
        <source>Hand off</source>
        <translation>交接</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="591" />
        <source>Pull intercepts</source>
        <translation>拦截取件</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="591" />
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="606" />
        <source>Batch %1</source>
        <translation>批次 %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="625" />
        <source>Handoff %1</source>
        <translation>交接单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="570" />
        <location filename="../../ui/window.py" line="645" />
        <source>Scan the right card</source>
        <translation>请扫描正确的卡片</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="688" />
        <source>On duty: %1</source>
        <translation>当班：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="689" />
        <source>Nobody logged in</source>
        <translation>无人登录</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="692" />
        <source>Batch: %1</source>
        <translation>批次：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="694" />
        <source>Handoff: %1</source>
        <translation>交接单：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="547" />
        <location filename="../../ui/window.py" line="724" />
        <source>Log in first</source>
        <translation>请先登录</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="696" />
        <source>Return reason: not chosen (Ctrl+1…5, Alt+1…3)</source>
        <translation>退货原因：未选择（Ctrl+1…5，Alt+1…3）</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="742" />
        <source>Unknown command card: %1</source>
        <translation>无法识别的指令卡：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="784" />
        <source>Scan again; if it repeats call the lead</source>
        <translation>请重扫；如再出现请叫组长</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="798" />
        <source>%1 · packed %2 · verified %3</source>
        <translation>%1 · 已打包 %2 · 已核对 %3</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="802" />
        <source>no batch selected (F6)</source>
        <translation>未选择批次（F6）</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="809" />
        <source>no handoff selected (F7)</source>
        <translation>未选择交接单（F7）</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="811" />
        <source>this station</source>
        <translation>本工位</translation>
    </message>
</context>
<context>
    <name>ModeBar</name>
    <message>
        <location filename="../../ui/window.py" line="94" />
        <source>F1 Pack batch</source>
        <translation>F1 批次打包</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="94" />
        <source>F2 Verify &amp;&amp; box</source>
        <translation>F2 核对装箱</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="95" />
        <source>F3 Hand off</source>
        <translation>F3 交接</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="95" />
        <source>F4 Pull intercept</source>
        <translation>F4 拦截取件</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="96" />
        <source>F5 Returns</source>
        <translation>F5 退货</translation>
    </message>
</context>
<context>
    <name>PackerPage</name>
    <message>
        <location filename="../../ui/window.py" line="200" />
        <source>This batch</source>
        <translation>本批次</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="201" />
        <source>This handoff</source>
        <translation>本交接单</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="202" />
        <source>Parcels this hour</source>
        <translation>本小时件数</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="203" />
        <source>Scan or type:</source>
        <translation>扫描或输入：</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="204" />
        <source>F6 Batch:</source>
        <translation>F6 批次：</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="205" />
        <source>F7 Handoff:</source>
        <translation>F7 交接单：</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="214" />
        <source>F1-F5 mode · F6 batch · F7 handoff · F8 log out · F9 shift lead · F10 settings · F12 中文/English · or scan a command card</source>
        <translation>F1-F5 切换模式 · F6 选批次 · F7 选交接单 · F8 退出登录 · F9 组长 · F10 设置 · F12 中文/English · 或扫描指令卡</translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <location filename="../../ui/review.py" line="138" />
        <source>Shift:</source>
        <translation>班次：</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="140" />
        <source>last %1 hours</source>
        <translation>最近 %1 小时</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="141" />
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="142" />
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="143" />
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="160" />
        <source>Handed off: %1 parcels</source>
        <translation>已交接：%1 件</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="161" />
        <source>Times in %1</source>
        <translation>时间为 %1</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="163" />
        <location filename="../../ui/review.py" line="167" />
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="163" />
        <location filename="../../ui/review.py" line="165" />
        <location filename="../../ui/review.py" line="167" />
        <source>Parcels</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="163" />
        <source>Handoffs</source>
        <translation>交接</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="165" />
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="167" />
        <source>Hour</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="202" />
        <source>Hour (%1)</source>
        <translation>时段（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="203" />
        <source>Parcels handed off per hour and carrier</source>
        <translation>每小时各快递交接件数</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="208" />
        <source>Nothing loaded yet</source>
        <translation>还没有加载数据</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="213" />
        <source>Shift review: handoff counts</source>
        <translation>班次复盘：交接件数</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="217" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../../ui/settings_page.py" line="158" />
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="159" />
        <source>Serial port scanner</source>
        <translation>串口扫描枪</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="160" />
        <source>Keyboard-wedge (USB HID) scanner</source>
        <translation>键盘式（USB HID）扫描枪</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="161" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="162" />
        <location filename="../../ui/settings_page.py" line="170" />
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="163" />
        <source>Baud</source>
        <translation>波特率</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="164" />
        <source>Find serial ports</source>
        <translation>查找串口</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="165" />
        <source>Test scan</source>
        <translation>测试扫描</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="166" />
        <source>Label printer</source>
        <translation>面单打印机</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="167" />
        <source>Printer address</source>
        <translation>打印机地址</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="168" />
        <source>Print test label</source>
        <translation>打印测试面单</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="169" />
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="171" />
        <source>Weigh parcels in verify mode</source>
        <translation>核对时称重</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="172" />
        <source>Read scale</source>
        <translation>读取重量</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="173" />
        <source>Upstream address</source>
        <translation>上游地址</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="174" />
        <source>Station token</source>
        <translation>站点令牌</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="175" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="176" />
        <source>Verdict sounds</source>
        <translation>提示音</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="177" />
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="178" />
        <source>This computer's zone (%1)</source>
        <translation>本机时区（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="179" />
        <source>Upstream, language and time</source>
        <translation>上游、语言与时间</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="180" />
        <source>Save and apply</source>
        <translation>保存并应用</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="209" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="211" />
        <source>In effect: suffix %1 · prefix %2 · %3 · AIM ids %4 · feedback %5</source>
        <translation>当前生效：后缀 %1 · 前缀 %2 · %3 · AIM 标识 %4 · 回馈 %5</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="214" />
        <source>stripped</source>
        <translation>去除</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="214" />
        <source>kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="234" />
        <source>Found %1 serial ports</source>
        <translation>找到 %1 个串口</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="243" />
        <source>Scan any barcode now…</source>
        <translation>请现在扫描任意条码…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="247" />
        <source>Printing a test label…</source>
        <translation>正在打印测试面单…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="275" />
        <source>Choose the scanner's serial port (Find serial ports)</source>
        <translation>请选择扫描枪串口（查找串口）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="300" />
        <source>Settings saved</source>
        <translation>设置已保存</translation>
    </message>
</context>
</TS>