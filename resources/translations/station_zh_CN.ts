<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>BatchesTab</name>
    <message>
        <location filename="../../ui/lead.py" line="225" />
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="226" />
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="227" />
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="228" />
        <source>Print all waybills</source>
        <translation>打印全部面单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="229" />
        <source>Cancel printing</source>
        <translation>取消打印</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="230" />
        <source>New pre-pack batch</source>
        <translation>新建预包装批次</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="231" />
        <location filename="../../ui/lead.py" line="244" />
        <source>SKU set</source>
        <translation>商品组合</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="232" />
        <location filename="../../ui/lead.py" line="244" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="233" />
        <source>Quantity (0 = all paid orders)</source>
        <translation>数量（0 = 全部已付款订单）</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="234" />
        <source>Live session</source>
        <translation>直播场次</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="235" />
        <source>Create batch</source>
        <translation>创建批次</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="236" />
        <source>Reprint or void a waybill</source>
        <translation>补打或作废面单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="237" />
        <source>Waybill / label</source>
        <translation>面单号 / 标签</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="238" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="239" />
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="240" />
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="244" />
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="244" />
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="244" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="245" />
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="245" />
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="245" />
        <source>Verified</source>
        <translation>已核对</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="245" />
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="246" />
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="246" />
        <source>active</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="246" />
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="247" />
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="247" />
        <source>pre-sale</source>
        <translation>预售</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="247" />
        <source>anonymous</source>
        <translation>匿名预包</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="263" />
        <location filename="../../ui/lead.py" line="293" />
        <source>Select a batch first</source>
        <translation>请先选择批次</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="267" />
        <source>Batch %1 is now %2</source>
        <translation>批次 %1 现在为 %2</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="276" />
        <source>Enter the SKU set, e.g. SKU-LIP-01*1</source>
        <translation>请输入商品组合，例如 SKU-LIP-01*1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="281" />
        <source>Created batch %1 with %2 parcels</source>
        <translation>已创建批次 %1，共 %2 件</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="296" />
        <location filename="../../ui/lead.py" line="356" />
        <source>No printer: set one in Settings</source>
        <translation>未设置打印机：请在设置里选择</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="307" />
        <source>Nothing to print: every waybill of %1 is printed</source>
        <translation>无需打印：批次 %1 的面单都已打印</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="313" />
        <source>Printing %1 waybills of %2</source>
        <translation>正在打印批次 %2 的 %1 张面单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="342" />
        <source>Printing cancelled; %1 labels not printed</source>
        <translation>已取消打印：%1 张未打印</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="353" />
        <location filename="../../ui/lead.py" line="381" />
        <source>Enter the waybill and a reason</source>
        <translation>请输入面单号和原因</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="361" />
        <source>Reprint of %1 sent to the printer</source>
        <translation>已补打 %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="385" />
        <source>Waybill %1 voided</source>
        <translation>面单 %1 已作废</translation>
    </message>
</context>
<context>
    <name>DiscrepanciesTab</name>
    <message>
        <location filename="../../ui/lead.py" line="584" />
        <source>Confirm the selected parcel was pulled</source>
        <translation>确认所选包裹已取出</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="585" />
        <source>Void the selected waybill (reason)</source>
        <translation>作废所选面单（需填原因）</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="586" />
        <source>Reason, e.g. damaged, customer changed address</source>
        <translation>原因，例如：破损、客户改地址</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="591" />
        <source>Verified but not handed off: %1</source>
        <translation>已核对未交接：%1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="592" />
        <source>Intercepted but not pulled: %1</source>
        <translation>已拦截未取出：%1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="601" />
        <location filename="../../ui/lead.py" line="604" />
        <source>Waybill</source>
        <translation>面单号</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="601" />
        <location filename="../../ui/lead.py" line="604" />
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="601" />
        <location filename="../../ui/lead.py" line="604" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="601" />
        <source>Verified at</source>
        <translation>核对时间</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="602" />
        <location filename="../../ui/lead.py" line="605" />
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="604" />
        <source>Intercepted at</source>
        <translation>拦截时间</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="613" />
        <source>Select an intercepted parcel first</source>
        <translation>请先选择拦截包裹</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="626" />
        <source>Select a parcel first</source>
        <translation>请先选择包裹</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="630" />
        <source>Waybill %1 voided</source>
        <translation>面单 %1 已作废</translation>
    </message>
</context>
<context>
    <name>HandoffsTab</name>
    <message>
        <location filename="../../ui/lead.py" line="466" />
        <source>Carrier handoff</source>
        <translation>快递交接</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="467" />
        <location filename="../../ui/lead.py" line="476" />
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="468" />
        <source>Courier name</source>
        <translation>快递员姓名</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="469" />
        <location filename="../../ui/lead.py" line="476" />
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="470" />
        <source>Open handoff</source>
        <translation>开交接单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="471" />
        <source>Close &amp;&amp; print manifest</source>
        <translation>关闭并打印交接单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="472" />
        <source>Scan into this handoff</source>
        <translation>扫描进此交接单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="476" />
        <source>Handoff</source>
        <translation>交接单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="476" />
        <source>Courier</source>
        <translation>快递员</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="476" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="477" />
        <source>Parcels</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="477" />
        <source>Opened</source>
        <translation>开单时间</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="477" />
        <source>Closed</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="481" />
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="481" />
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="497" />
        <source>Choose a carrier</source>
        <translation>请选择快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="501" />
        <source>Opened handoff %1 for %2</source>
        <translation>已为 %2 开交接单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="511" />
        <location filename="../../ui/lead.py" line="542" />
        <source>Select a handoff first</source>
        <translation>请先选择交接单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="520" />
        <source>Handoff %1 closed; manifest saved to %2</source>
        <translation>交接单 %1 已关闭，交接单已保存到 %2</translation>
    </message>
</context>
<context>
    <name>LeadArea</name>
    <message>
        <location filename="../../ui/lead.py" line="740" />
        <source>Shift lead: scan your badge and enter your PIN</source>
        <translation>组长：请扫描工牌并输入 PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="741" />
        <source>Lead code</source>
        <translation>组长工号</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="742" />
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="743" />
        <source>Back to packing (Esc)</source>
        <translation>返回打包（Esc）</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="744" />
        <source>Batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="744" />
        <source>Handoffs</source>
        <translation>交接</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="745" />
        <source>Discrepancies</source>
        <translation>差异处理</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="745" />
        <source>Review</source>
        <translation>复盘</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="746" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="746" />
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="751" />
        <location filename="../../ui/lead.py" line="775" />
        <source>Shift lead: %1</source>
        <translation>组长：%1</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../ui/window.py" line="184" />
        <source>Scan your badge, or type your operator code and press Enter</source>
        <translation>请扫描工牌，或输入工号后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="186" />
        <source>Please log in</source>
        <translation>请登录</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="186" />
        <source>Scan your badge</source>
        <translation>请扫描工牌</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/window.py" line="295" />
        <source>Packing station</source>
        <translation>打包站</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="300" />
        <source>Station data: %1</source>
        <translation>站点数据：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="377" />
        <source>Welcome, %1</source>
        <translation>欢迎，%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="378" />
        <source>Scan a parcel, or press F1-F5 to change mode</source>
        <translation>请扫描包裹，或按 F1-F5 切换模式</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="386" />
        <location filename="../../ui/window.py" line="396" />
        <location filename="../../ui/window.py" line="572" />
        <source>Scan your badge</source>
        <translation>请扫描工牌</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="396" />
        <source>Please log in</source>
        <translation>请登录</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="410" />
        <source>Scan the pre-pack label of each parcel of the batch</source>
        <translation>逐件扫描本批次包裹的预包装标签</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="411" />
        <source>Scan each staged parcel's waybill</source>
        <translation>逐件扫描暂存包裹的面单</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="412" />
        <source>Scan each parcel as it goes into the carrier's cage</source>
        <translation>包裹放入快递笼车时逐件扫描</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="413" />
        <source>Scan each intercepted parcel you pulled from the line</source>
        <translation>逐件扫描已从线上取出的拦截包裹</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="414" />
        <source>Scan each returned parcel</source>
        <translation>逐件扫描退货包裹</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="440" />
        <source>Pack batch</source>
        <translation>批次打包</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="440" />
        <source>Verify &amp; box</source>
        <translation>核对装箱</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="440" />
        <source>Hand off</source>
        <translation>交接</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="441" />
        <source>Pull intercepts</source>
        <translation>拦截取件</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="441" />
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="456" />
        <source>Batch %1</source>
        <translation>批次 %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="475" />
        <source>Handoff %1</source>
        <translation>交接单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="494" />
        <source>Scan the right card</source>
        <translation>请扫描正确的卡片</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="536" />
        <source>On duty: %1</source>
        <translation>当班：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="537" />
        <source>Nobody logged in</source>
        <translation>无人登录</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="540" />
        <source>Batch: %1</source>
        <translation>批次：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="542" />
        <source>Handoff: %1</source>
        <translation>交接单：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="544" />
        <source>Return reason: choose it in the lead's Returns tab</source>
        <translation>退货原因：请在组长的退货页选择</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="572" />
        <source>Log in first</source>
        <translation>请先登录</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="622" />
        <source>Scan again; if it repeats call the lead</source>
        <translation>请重扫；如再出现请叫组长</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="636" />
        <source>%1 · packed %2 · verified %3</source>
        <translation>%1 · 已打包 %2 · 已核对 %3</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="640" />
        <source>no batch selected (F6)</source>
        <translation>未选择批次（F6）</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="646" />
        <source>no handoff selected (F7)</source>
        <translation>未选择交接单（F7）</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="648" />
        <source>this station</source>
        <translation>本工位</translation>
    </message>
</context>
<context>
    <name>ModeBar</name>
    <message>
        <location filename="../../ui/window.py" line="74" />
        <source>F1 Pack batch</source>
        <translation>F1 批次打包</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="74" />
        <source>F2 Verify &amp;&amp; box</source>
        <translation>F2 核对装箱</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="75" />
        <source>F3 Hand off</source>
        <translation>F3 交接</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="75" />
        <source>F4 Pull intercept</source>
        <translation>F4 拦截取件</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="76" />
        <source>F5 Returns</source>
        <translation>F5 退货</translation>
    </message>
</context>
<context>
    <name>PackerPage</name>
    <message>
        <location filename="../../ui/window.py" line="153" />
        <source>This batch</source>
        <translation>本批次</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="154" />
        <source>This handoff</source>
        <translation>本交接单</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="155" />
        <source>Parcels this hour</source>
        <translation>本小时件数</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="156" />
        <source>Scan or type:</source>
        <translation>扫描或输入：</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="157" />
        <source>F6 Batch:</source>
        <translation>F6 批次：</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="158" />
        <source>F7 Handoff:</source>
        <translation>F7 交接单：</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="159" />
        <source>F1-F5 mode · F6 batch · F7 handoff · F8 log out · F9 shift lead · F10 settings · F12 中文/English · or scan a command card</source>
        <translation>F1-F5 切换模式 · F6 选批次 · F7 选交接单 · F8 退出登录 · F9 组长 · F10 设置 · F12 中文/English · 或扫描指令卡</translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <location filename="../../ui/review.py" line="101" />
        <source>Shift:</source>
        <translation>班次：</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="103" />
        <source>last %1 hours</source>
        <translation>最近 %1 小时</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="104" />
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="105" />
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="106" />
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="121" />
        <source>Handed off: %1 parcels</source>
        <translation>已交接：%1 件</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="123" />
        <location filename="../../ui/review.py" line="127" />
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="123" />
        <location filename="../../ui/review.py" line="125" />
        <location filename="../../ui/review.py" line="127" />
        <source>Parcels</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="123" />
        <source>Handoffs</source>
        <translation>交接</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="125" />
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="127" />
        <source>Hour (UTC)</source>
        <translation>小时（UTC）</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="155" />
        <source>Parcels handed off per hour and carrier</source>
        <translation>每小时各快递交接件数</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="159" />
        <source>Nothing loaded yet</source>
        <translation>还没有加载数据</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="163" />
        <source>Shift review: handoff counts</source>
        <translation>班次复盘：交接件数</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="167" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../../ui/settings_page.py" line="144" />
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="145" />
        <source>Serial port scanner</source>
        <translation>串口扫描枪</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="146" />
        <source>Keyboard-wedge (USB HID) scanner</source>
        <translation>键盘式（USB HID）扫描枪</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="147" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="148" />
        <location filename="../../ui/settings_page.py" line="156" />
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="149" />
        <source>Baud</source>
        <translation>波特率</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="150" />
        <source>Find serial ports</source>
        <translation>查找串口</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="151" />
        <source>Test scan</source>
        <translation>测试扫描</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="152" />
        <source>Label printer</source>
        <translation>面单打印机</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="153" />
        <source>Printer address</source>
        <translation>打印机地址</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="154" />
        <source>Print test label</source>
        <translation>打印测试面单</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="155" />
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="157" />
        <source>Weigh parcels in verify mode</source>
        <translation>核对时称重</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="158" />
        <source>Read scale</source>
        <translation>读取重量</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="159" />
        <source>Upstream and language</source>
        <translation>上游与语言</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="160" />
        <source>Upstream address</source>
        <translation>上游地址</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="161" />
        <source>Station token</source>
        <translation>站点令牌</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="162" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="163" />
        <source>Verdict sounds</source>
        <translation>提示音</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="164" />
        <source>Save and apply</source>
        <translation>保存并应用</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="189" />
        <source>Found %1 serial ports</source>
        <translation>找到 %1 个串口</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="198" />
        <source>Scan any barcode now…</source>
        <translation>请现在扫描任意条码…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="202" />
        <source>Printing a test label…</source>
        <translation>正在打印测试面单…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="230" />
        <source>Choose the scanner's serial port (Find serial ports)</source>
        <translation>请选择扫描枪串口（查找串口）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="245" />
        <source>Settings saved</source>
        <translation>设置已保存</translation>
    </message>
</context>
</TS>