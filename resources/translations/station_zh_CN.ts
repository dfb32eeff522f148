<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>BatchesTab</name>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="192" />
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="193" />
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="194" />
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="195" />
        <source>Print all waybills</source>
        <translation>打印全部面单</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="196" />
        <source>Cancel printing</source>
        <translation>取消打印</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="197" />
        <source>New pre-pack batch</source>
        <translation>新建预包装批次</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="198" />
        <location filename="../../ui/lead_tabs/batches.py" line="216" />
        <source>SKU set</source>
        <translation>商品组合</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="199" />
        <location filename="../../ui/lead_tabs/batches.py" line="215" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="202" />
        <source>Quantity (0 = all paid orders)</source>
        <translation>数量（0 = 全部已付款订单）</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="203" />
        <source>Live session</source>
        <translation>直播场次</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="204" />
        <source>Create batch</source>
        <translation>创建批次</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="205" />
        <source>Reprint or void a waybill</source>
        <translation>补打或作废面单</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="206" />
        <source>Waybill / label</source>
        <translation>面单号 / 标签</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="207" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="208" />
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="209" />
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="214" />
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="217" />
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="218" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="219" />
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="220" />
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="221" />
        <source>Verified</source>
        <translation>已核对</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="222" />
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="225" />
        <location filename="../../ui/lead_tabs/batches.py" line="252" />
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="226" />
        <location filename="../../ui/lead_tabs/batches.py" line="253" />
        <source>active</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="227" />
        <location filename="../../ui/lead_tabs/batches.py" line="254" />
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="228" />
        <location filename="../../ui/lead_tabs/batches.py" line="255" />
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="200" />
        <location filename="../../ui/lead_tabs/batches.py" line="229" />
        <source>pre-sale</source>
        <translation>预售</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="73" />
        <source>Batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="201" />
        <location filename="../../ui/lead_tabs/batches.py" line="230" />
        <source>anonymous</source>
        <translation>匿名预包</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="247" />
        <location filename="../../ui/lead_tabs/batches.py" line="297" />
        <source>Select a batch first</source>
        <translation>请先选择批次</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="258" />
        <source>Batch %1 is now %2</source>
        <translation>批次 %1 现在为 %2</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="270" />
        <source>Enter the SKU set, e.g. SKU-LIP-01*1</source>
        <translation>请输入商品组合，例如 SKU-LIP-01*1</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="276" />
        <source>Created batch %1 with %2 parcels</source>
        <translation>已创建批次 %1，共 %2 件</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="300" />
        <location filename="../../ui/lead_tabs/batches.py" line="375" />
        <source>No printer: set one in Settings</source>
        <translation>未设置打印机：请在设置里选择</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="312" />
        <source>Nothing to print: every waybill of %1 is printed</source>
        <translation>无需打印：批次 %1 的面单都已打印</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="319" />
        <source>Printing %1 waybills of %2</source>
        <translation>正在打印批次 %2 的 %1 张面单</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="330" />
        <source>Printing: %1 of %2</source>
        <translation>正在打印：%1/%2</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="337" />
        <source>Stopped: %1 — %2 of %3 printed; it resumes by itself once fixed, or cancel</source>
        <translation>已停止：%1 — 已打印 %2/%3 张；处理后自动继续，或取消打印</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="361" />
        <source>Printing cancelled; %1 labels not printed</source>
        <translation>已取消打印：%1 张未打印</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="372" />
        <location filename="../../ui/lead_tabs/batches.py" line="402" />
        <source>Enter the waybill and a reason</source>
        <translation>请输入面单号和原因</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="380" />
        <source>Reprint of %1 sent to the printer</source>
        <translation>已补打 %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="408" />
        <source>Void waybill</source>
        <translation>作废面单</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="409" />
        <source>Void waybill %1? The carrier will recycle it; this cannot be undone.</source>
        <translation>确定作废面单 %1？快递公司将回收该单号，无法撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="418" />
        <source>Waybill %1 voided</source>
        <translation>面单 %1 已作废</translation>
    </message>
</context>
<context>
    <name>CarriersTab</name>
    <message>
        <location filename="../../ui/promo/screens.py" line="623" />
        <source>Carriers</source>
        <translation>快递分配</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="696" />
        <source>Allocate carriers</source>
        <translation>分配快递</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="697" />
        <source>Check pickups and capacity</source>
        <translation>检查揽收/运力</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="698" />
        <source>Export open orders (warehouse failover)</source>
        <translation>导出未发订单（仓库切换）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="699" />
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="700" />
        <source>Why it is failing, e.g. hub overloaded</source>
        <translation>故障原因，例如：分拨中心爆仓</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="701" />
        <source>Mark failing and fail over</source>
        <translation>标记故障并切换</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="702" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="703" />
        <source>Split: target and realised (today's capacity)</source>
        <translation>分配比例：目标与实际（今日运力）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="706" />
        <source>Failovers: %1</source>
        <translation>切换记录：%1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="707" />
        <source>Waybills waiting to print: %1</source>
        <translation>待补打面单：%1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="708" />
        <source>Times in %1</source>
        <translation>时间为 %1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="723" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="735" />
        <source>FAILING</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="743" />
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="750" />
        <location filename="../../ui/promo/screens.py" line="820" />
        <location filename="../../ui/promo/screens.py" line="845" />
        <source>Carrier</source>
        <comment>column</comment>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="751" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="752" />
        <source>Regions</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="753" />
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="754" />
        <source>Realised</source>
        <translation>实际</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="755" />
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="756" />
        <source>Capacity</source>
        <translation>日运力</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="757" />
        <source>Used today</source>
        <translation>今日已用</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="758" />
        <source>Left</source>
        <comment>capacity</comment>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="759" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="760" />
        <source>Target now</source>
        <translation>当前目标</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="761" />
        <source>Off target (pp)</source>
        <translation>偏差（百分点）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="762" />
        <source>Why</source>
        <comment>split</comment>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="803" />
        <source>not restored</source>
        <translation>未恢复</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="821" />
        <source>Trigger</source>
        <translation>触发</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="822" />
        <location filename="../../ui/promo/screens.py" line="848" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="823" />
        <source>Failed over at</source>
        <translation>切换时间</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="824" />
        <source>Orders moved</source>
        <translation>改派单数</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="825" />
        <source>Moved to</source>
        <translation>改派到</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="826" />
        <source>Restored at</source>
        <translation>恢复时间</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="844" />
        <source>New waybill</source>
        <translation>新面单号</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="846" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="847" />
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="849" />
        <source>Requested at</source>
        <translation>请求时间</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="858" />
        <source>Pick a carrier first</source>
        <translation>先选择快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="866" />
        <source>%1 order(s) allocated</source>
        <translation>已分配 %1 单</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="875" />
        <source>Carriers with problems: %1</source>
        <translation>有问题的快递：%1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="876" />
        <location filename="../../ui/promo/screens.py" line="894" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="881" />
        <source>Every carrier is picking up and has capacity</source>
        <translation>所有快递揽收和运力正常</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="895" />
        <source>%1 to %2</source>
        <translation>%2 %1 单</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="896" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="898" />
        <source>%1 failed over: %2 orders moved (%3), %4 waybills to reprint</source>
        <translation>%1 已切换：改派 %2 单（%3），待补打面单 %4 张</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="918" />
        <source>%1 restored</source>
        <translation>%1 已恢复</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="933" />
        <source>%1 orders exported to %2</source>
        <translation>已导出 %1 单到 %2</translation>
    </message>
</context>
<context>
    <name>DiscrepanciesTab</name>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="35" />
        <source>Discrepancies</source>
        <translation>差异处理</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="74" />
        <source>Confirm the selected parcel was pulled</source>
        <translation>确认所选包裹已取出</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="75" />
        <source>Void the selected waybill (reason)</source>
        <translation>作废所选面单（需填原因）</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="76" />
        <source>Reason, e.g. damaged, customer changed address</source>
        <translation>原因，例如：破损、客户改地址</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="81" />
        <source>Times in %1</source>
        <translation>时间为 %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="83" />
        <source>Verified but not handed off: %1</source>
        <translation>已核对未交接：%1</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="86" />
        <source>Intercepted but not pulled: %1</source>
        <translation>已拦截未取出：%1</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="104" />
        <location filename="../../ui/lead_tabs/discrepancies.py" line="117" />
        <source>Waybill</source>
        <translation>面单号</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="105" />
        <location filename="../../ui/lead_tabs/discrepancies.py" line="118" />
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="106" />
        <location filename="../../ui/lead_tabs/discrepancies.py" line="119" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="107" />
        <source>Verified at</source>
        <translation>核对时间</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="108" />
        <location filename="../../ui/lead_tabs/discrepancies.py" line="121" />
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="120" />
        <source>Intercepted at</source>
        <translation>拦截时间</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="132" />
        <source>Select an intercepted parcel first</source>
        <translation>请先选择拦截包裹</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="145" />
        <source>Select a parcel first</source>
        <translation>请先选择包裹</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="149" />
        <source>Waybill %1 voided</source>
        <translation>面单 %1 已作废</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="161" />
        <source>Void waybill</source>
        <translation>作废面单</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="162" />
        <source>Void waybill %1? The carrier will recycle it; this cannot be undone.</source>
        <translation>确定作废面单 %1？快递公司将回收该单号，无法撤销。</translation>
    </message>
</context>
<context>
    <name>HandoffsTab</name>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="61" />
        <source>Handoffs</source>
        <translation>交接</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="132" />
        <source>Carrier handoff</source>
        <translation>快递交接</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="133" />
        <location filename="../../ui/lead_tabs/handoffs.py" line="146" />
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="134" />
        <source>Courier name</source>
        <translation>快递员姓名</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="135" />
        <location filename="../../ui/lead_tabs/handoffs.py" line="148" />
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="136" />
        <source>Open handoff</source>
        <translation>开交接单</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="137" />
        <source>Close &amp;&amp; print manifest</source>
        <translation>关闭并打印交接单</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="138" />
        <source>Scan into this handoff</source>
        <translation>扫描进此交接单</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="139" />
        <source>Reprint manifest</source>
        <translation>重打交接单</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="140" />
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="145" />
        <source>Handoff</source>
        <translation>交接单</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="147" />
        <source>Courier</source>
        <translation>快递员</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="149" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="150" />
        <source>Parcels</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="151" />
        <source>Opened</source>
        <translation>开单时间</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="152" />
        <source>Closed</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="154" />
        <source>Times in %1</source>
        <translation>时间为 %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="158" />
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="158" />
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="179" />
        <source>Choose a carrier</source>
        <translation>请选择快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="184" />
        <source>Opened handoff %1 for %2</source>
        <translation>已为 %2 开交接单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="203" />
        <location filename="../../ui/lead_tabs/handoffs.py" line="223" />
        <location filename="../../ui/lead_tabs/handoffs.py" line="278" />
        <source>Select a handoff first</source>
        <translation>请先选择交接单</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="212" />
        <source>Close handoff</source>
        <translation>关闭交接单</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="213" />
        <source>Close handoff %1 with %2 parcels and print its manifest?</source>
        <translation>关闭交接单 %1（共 %2 件）并打印交接单？</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="231" />
        <source>Handoff %1 closed; manifest saved to %2</source>
        <translation>交接单 %1 已关闭，交接单已保存到 %2</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="233" />
        <source>Manifest of %1 saved to %2</source>
        <translation>交接单 %1 已保存到 %2</translation>
    </message>
</context>
<context>
    <name>LeadArea</name>
    <message>
        <location filename="../../ui/lead.py" line="165" />
        <source>Shift lead: scan your badge and enter your PIN</source>
        <translation>组长：请扫描工牌并输入 PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="166" />
        <source>Lead code</source>
        <translation>组长工号</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="167" />
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="168" />
        <source>Back to packing (Esc)</source>
        <translation>返回打包（Esc）</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="176" />
        <location filename="../../ui/lead.py" line="205" />
        <source>Shift lead: %1</source>
        <translation>组长：%1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="250" />
        <source>Lead actions open again: enter your PIN</source>
        <translation>组长操作已解锁：请输入 PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="253" />
        <source>Too many wrong PINs: locked, %1 left</source>
        <translation>PIN 错误次数过多：已锁定，剩余 %1</translation>
    </message>
</context>
<context>
    <name>LogTab</name>
    <message>
        <location filename="../../ui/lead_tabs/log.py" line="72" />
        <source>Log</source>
        <translation>日志</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../ui/window.py" line="251" />
        <source>Scan your badge, or type your operator code and press Enter</source>
        <translation>请扫描工牌，或输入工号后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="253" />
        <source>Please log in</source>
        <translation>请登录</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="253" />
        <source>Scan your badge</source>
        <translation>请扫描工牌</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/window.py" line="390" />
        <source>Packing station</source>
        <translation>打包站</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="547" />
        <source>Welcome, %1</source>
        <translation>欢迎，%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="548" />
        <source>Scan a parcel, or press F1-F5 to change mode</source>
        <translation>请扫描包裹，或按 F1-F5 切换模式</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="583" />
        <location filename="../../ui/window.py" line="674" />
        <location filename="../../ui/window.py" line="887" />
        <location filename="../../ui/window.py" line="897" />
        <source>Scan your badge</source>
        <translation>请扫描工牌</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="583" />
        <source>Please log in</source>
        <translation>请登录</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="622" />
        <source>Scan the pre-pack label of each parcel of the batch</source>
        <translation>逐件扫描本批次包裹的预包装标签</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="623" />
        <source>Scan each staged parcel's waybill</source>
        <translation>逐件扫描暂存包裹的面单</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="624" />
        <source>Scan each parcel as it goes into the carrier's cage</source>
        <translation>包裹放入快递笼车时逐件扫描</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="625" />
        <source>Scan each intercepted parcel you pulled from the line</source>
        <translation>逐件扫描已从线上取出的拦截包裹</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="626" />
        <source>Scan each returned parcel</source>
        <translation>逐件扫描退货包裹</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="651" />
        <source>Return reason: %1</source>
        <translation>退货原因：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="651" />
        <source>not chosen</source>
        <translation>未选择</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="653" />
        <source>Put it into: %1</source>
        <translation>放入：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="655" />
        <source>Choose the reason: Ctrl+1…5 or scan a #REASON card</source>
        <translation>请选择原因：Ctrl+1…5 或扫描 #REASON 卡</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="657" />
        <source>Choose where it goes: Alt+1…3 or scan a #DISPOSE card</source>
        <translation>请选择处理方式：Alt+1…3 或扫描 #DISPOSE 卡</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="696" />
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="697" />
        <source>active</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="698" />
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="699" />
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="700" />
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="701" />
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="721" />
        <source>Pack batch</source>
        <translation>批次打包</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="722" />
        <source>Verify &amp; box</source>
        <translation>核对装箱</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="723" />
        <source>Hand off</source>
        <translation>交接</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="724" />
        <source>Pull intercepts</source>
        <translation>拦截取件</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="725" />
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="742" />
        <source>Batch %1</source>
        <translation>批次 %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="755" />
        <source>Handoff %1</source>
        <translation>交接单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="691" />
        <source>Scan the right card</source>
        <translation>请扫描正确的卡片</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="829" />
        <source>On duty: %1</source>
        <translation>当班：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="831" />
        <source>Nobody logged in</source>
        <translation>无人登录</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="835" />
        <source>Batch: %1</source>
        <translation>批次：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="837" />
        <source>Handoff: %1</source>
        <translation>交接单：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="674" />
        <location filename="../../ui/window.py" line="897" />
        <source>Log in first</source>
        <translation>请先登录</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="398" />
        <source>Station %1</source>
        <translation>站点 %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="840" />
        <source>Return reason: not chosen (Ctrl+1…5, Alt+1…3)</source>
        <translation>退货原因：未选择（Ctrl+1…5，Alt+1…3）</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="902" />
        <source>Unknown command card: %1</source>
        <translation>无法识别的指令卡：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="938" />
        <source>Scan again; if it repeats call the lead</source>
        <translation>请重扫；如再出现请叫组长</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="960" />
        <source>%1 · packed %2 · verified %3</source>
        <translation>%1 · 已打包 %2 · 已核对 %3</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="967" />
        <source>no batch selected (F6)</source>
        <translation>未选择批次（F6）</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="976" />
        <source>no handoff selected (F7)</source>
        <translation>未选择交接单（F7）</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="978" />
        <source>this station</source>
        <translation>本工位</translation>
    </message>
    <message>
        <location filename="../../ui/scan_routing.py" line="42" />
        <source>Shift lead area: scan ignored (%1). Scan into a code field, or press Esc for the packer screen</source>
        <translation>组长界面：已忽略扫描（%1）。请在条码输入框中扫描，或按 Esc 返回打包界面</translation>
    </message>
</context>
<context>
    <name>ModeBar</name>
    <message>
        <location filename="../../ui/window.py" line="84" />
        <source>F1 Pack batch</source>
        <translation>F1 批次打包</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="85" />
        <source>F2 Verify &amp;&amp; box</source>
        <translation>F2 核对装箱</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="86" />
        <source>F3 Hand off</source>
        <translation>F3 交接</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="87" />
        <source>F4 Pull intercept</source>
        <translation>F4 拦截取件</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="88" />
        <source>F5 Returns</source>
        <translation>F5 退货</translation>
    </message>
</context>
<context>
    <name>OversellBanner</name>
    <message>
        <location filename="../../ui/promo/common.py" line="465" />
        <source>%1 demand %2 &gt; supply %3 (stock %4 + pre-packed %5), %6 orders short</source>
        <translation>%1 需求 %2 &gt; 可发 %3（库存 %4 + 预包 %5），%6 单缺货</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="476" />
        <source>%1 more SKU(s)</source>
        <translation>另有 %1 个商品</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="479" />
        <source>⚠ OVERSELL: %1. Re-stock or tell the platform.</source>
        <translation>⚠ 超卖：%1。请补货或联系平台。</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="479" />
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>PackerPage</name>
    <message>
        <location filename="../../ui/window.py" line="208" />
        <source>This batch</source>
        <translation>本批次</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="209" />
        <source>This handoff</source>
        <translation>本交接单</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="210" />
        <source>Parcels this hour</source>
        <translation>本小时件数</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="211" />
        <source>Scan or type:</source>
        <translation>扫描或输入：</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="212" />
        <source>F6 Batch:</source>
        <translation>F6 批次：</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="213" />
        <source>F7 Handoff:</source>
        <translation>F7 交接单：</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="224" />
        <source>F1-F5 mode · F6 batch · F7 handoff · F8 log out · F9 shift lead · F10 settings · F12 中文/English · or scan a command card</source>
        <translation>F1-F5 切换模式 · F6 选批次 · F7 选交接单 · F8 退出登录 · F9 组长 · F10 设置 · F12 中文/English · 或扫描指令卡</translation>
    </message>
</context>
<context>
    <name>PlansTab</name>
    <message>
        <location filename="../../ui/promo/screens.py" line="272" />
        <source>Pre-pack plans</source>
        <translation>预包装计划</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="314" />
        <source>Suggest from stock plan</source>
        <translation>按备货计划生成</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="315" />
        <source>Save quantities</source>
        <translation>保存数量</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="316" />
        <source>Save and create batches</source>
        <translation>保存并创建批次</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="317" />
        <source>Times in %1</source>
        <translation>时间为 %1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="342" />
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="343" />
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="344" />
        <source>SKU set</source>
        <translation>商品组合</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="345" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="346" />
        <source>Suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="347" />
        <source>Pack from</source>
        <translation>开始打包</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="348" />
        <source>Pack until</source>
        <translation>打包截止</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="349" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="350" />
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="351" />
        <source>Warning</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="390" />
        <source>%1 plan(s) suggested</source>
        <translation>已生成 %1 个计划</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="396" />
        <source>Saved; %1 batch(es) created</source>
        <translation>已保存；创建批次 %1 个</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="398" />
        <source>Quantities saved</source>
        <translation>数量已保存</translation>
    </message>
</context>
<context>
    <name>PromoReviewTab</name>
    <message>
        <location filename="../../ui/promo/screens.py" line="1114" />
        <source>Promo review</source>
        <translation>大促复盘</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1183" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1184" />
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1185" />
        <source>Export PDF (charts)</source>
        <translation>导出 PDF（含图表）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1186" />
        <source>Stock accuracy</source>
        <translation>备货准确率</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1187" />
        <source>On time per promise tier</source>
        <translation>按档位准时率</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1188" />
        <source>Carrier scorecard (next promo's split)</source>
        <translation>快递评分（用于下次分配）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1201" />
        <source>Orders %1 (%2 cancelled)  ·  intercepts before handoff %3, after %4  ·  cancel to pull avg %5 min  ·  failovers %6 (%7 orders moved)  ·  return rate %8</source>
        <translation>订单 %1（取消 %2）　·　拦截：交接前 %3，交接后 %4　·　取消到取出平均 %5 分钟　·　快递切换 %6 次（改派 %7 单）　·　退货率 %8</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1230" />
        <source>SKU</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1231" />
        <source>Tier</source>
        <comment>stock</comment>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1232" />
        <source>Recommended</source>
        <translation>建议备货</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1233" />
        <source>Supply</source>
        <translation>可发</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1234" />
        <source>Demand</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1235" />
        <source>Oversold</source>
        <translation>超卖</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1236" />
        <source>Overstocked</source>
        <translation>积压</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1237" />
        <source>Sell-through</source>
        <translation>售罄率</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1241" />
        <source>not planned</source>
        <translation>未计划</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1255" />
        <source>Tier</source>
        <translation>档位</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1256" />
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1257" />
        <source>On time</source>
        <translation>准时</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1258" />
        <source>Late</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1259" />
        <source>Open</source>
        <comment>review</comment>
        <translation>未发</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1260" />
        <source>On-time rate</source>
        <translation>准时率</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1261" />
        <source>With compensation</source>
        <translation>含补偿</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1284" />
        <source>Weights: %1. The total is the weighted mean of the parts with data; a carrier that handed off nothing has no total and ranks last.</source>
        <translation>权重：%1。总分为有数据各项的加权平均；没有交接过包裹的快递没有总分，排在最后。</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1297" />
        <source>%1 of %2 (%3)</source>
        <translation>%1/%2（%3）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1301" />
        <source>%1 of %2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1312" />
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1313" />
        <source>Carrier</source>
        <comment>column</comment>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1314" />
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1315" />
        <source>Response %1%</source>
        <translation>响应速度 %1%</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1321" />
        <source>Exceptions %1%</source>
        <translation>异常处理 %1%</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1323" />
        <source>Cost %1%</source>
        <translation>成本 %1%</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1287" />
        <location filename="../../ui/promo/screens.py" line="1375" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1316" />
        <source>Paid to handoff (h)</source>
        <translation>付款到交接（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1317" />
        <source>Peak capacity %1%</source>
        <translation>高峰运力 %1%</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1318" />
        <source>Best day: handled of could take</source>
        <translation>最佳日：实接/可接</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1319" />
        <source>On-time coverage %1%</source>
        <translation>准时覆盖 %1%</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1320" />
        <source>On time of due</source>
        <translation>准时/到期</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1322" />
        <source>Cases per 1,000 parcels</source>
        <translation>每千件异常</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1324" />
        <source>Cost per parcel (CNY)</source>
        <translation>每件成本（元）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1349" />
        <source>No carrier rules: nothing to score yet</source>
        <translation>没有快递规则，尚无评分</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1354" />
        <source>Data behind the scores of %1:</source>
        <translation>%1 的评分依据：</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1360" />
        <source>%1 (weight %2): %3 — %4</source>
        <translation>%1（权重 %2）：%3 — %4</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1379" />
        <source>Suggested for the next promo: main %1; backups %2; dynamic %3</source>
        <translation>下次大促建议：主力 %1；备用 %2；机动 %3</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1387" />
        <source>Refresh first</source>
        <translation>请先刷新</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1394" />
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
</context>
<context>
    <name>PromoTab</name>
    <message>
        <location filename="../../ui/promo/common.py" line="312" />
        <source>Failed, nothing was changed: %1</source>
        <translation>操作失败，未做任何更改：%1</translation>
    </message>
</context>
<context>
    <name>RecentScans</name>
    <message>
        <location filename="../../ui/recent_scans.py" line="49" />
        <source>Last %1 scans</source>
        <translation>最近 %1 次扫描</translation>
    </message>
</context>
<context>
    <name>ReturnsTab</name>
    <message>
        <location filename="../../ui/promo/screens.py" line="960" />
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1006" />
        <source>Reason</source>
        <comment>return</comment>
        <translation>退货原因</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1007" />
        <source>Disposition</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1011" />
        <source>Use for return mode</source>
        <translation>设为退货模式默认</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1012" />
        <source>Record by hand</source>
        <translation>手工登记</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1013" />
        <source>Scan waybill or order number</source>
        <translation>扫描面单号或订单号</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1014" />
        <source>Record return</source>
        <translation>登记退货</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1015" />
        <source>Per SKU</source>
        <translation>按商品</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1016" />
        <source>Per live session</source>
        <translation>按场次</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1024" />
        <source>Shipped</source>
        <translation>已发出</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1025" />
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1026" />
        <source>Return rate</source>
        <translation>退货率</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1037" />
        <source>SKU</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1045" />
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1061" />
        <source>Return mode will record: %1 · %2</source>
        <translation>退货模式将记录：%1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1071" />
        <source>Scan a waybill or order number first</source>
        <translation>请先扫描面单号或订单号</translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="117" />
        <source>Review</source>
        <translation>复盘</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="189" />
        <source>Shift:</source>
        <translation>班次：</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="192" />
        <source>last %1 hours</source>
        <translation>最近 %1 小时</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="194" />
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="195" />
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="196" />
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="213" />
        <source>Handed off: %1 parcels</source>
        <translation>已交接：%1 件</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="214" />
        <source>Times in %1</source>
        <translation>时间为 %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="219" />
        <location filename="../../ui/lead_tabs/review.py" line="233" />
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="219" />
        <location filename="../../ui/lead_tabs/review.py" line="226" />
        <location filename="../../ui/lead_tabs/review.py" line="233" />
        <source>Parcels</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="219" />
        <source>Handoffs</source>
        <translation>交接</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="226" />
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="233" />
        <source>Hour</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="274" />
        <source>Hour (%1)</source>
        <translation>时段（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="275" />
        <source>Parcels handed off per hour and carrier</source>
        <translation>每小时各快递交接件数</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="280" />
        <source>Nothing loaded yet</source>
        <translation>还没有加载数据</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="285" />
        <source>Shift review: handoff counts</source>
        <translation>班次复盘：交接件数</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="289" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="180" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="315" />
        <source>Find serial ports</source>
        <translation>查找串口</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="316" />
        <source>Test scan</source>
        <translation>测试扫描</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="317" />
        <source>Print test label</source>
        <translation>打印测试面单</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="318" />
        <source>Read scale</source>
        <translation>读取重量</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="320" />
        <source>Upstream address</source>
        <translation>上游地址</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="321" />
        <source>Station token</source>
        <translation>站点令牌</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="319" />
        <source>Test voice</source>
        <translation>试听语音</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="328" />
        <source>This computer's zone (%1)</source>
        <translation>本机时区（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="330" />
        <source>Save and apply</source>
        <translation>保存并应用</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="351" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="353" />
        <source>In effect: suffix %1 · prefix %2 · %3 · AIM ids %4 · feedback %5</source>
        <translation>当前生效：后缀 %1 · 前缀 %2 · %3 · AIM 标识 %4 · 回馈 %5</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="357" />
        <source>stripped</source>
        <translation>去除</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="357" />
        <source>kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="363" />
        <source>none (app sounds)</source>
        <translation>无（使用电脑提示音）</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="390" />
        <source>Found %1 serial ports</source>
        <translation>找到 %1 个串口</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="399" />
        <source>Scan any barcode now…</source>
        <translation>请现在扫描任意条码…</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="403" />
        <source>Printing a test label…</source>
        <translation>正在打印测试面单…</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="419" />
        <source>Speaking a test verdict…</source>
        <translation>正在播报测试语音…</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="447" />
        <source>Choose the scanner's serial port (Find serial ports)</source>
        <translation>请选择扫描枪串口（查找串口）</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="467" />
        <source>Settings saved</source>
        <translation>设置已保存</translation>
    </message>
</context>
<context>
    <name>ShippingTab</name>
    <message>
        <location filename="../../ui/promo/screens.py" line="424" />
        <source>Ship-by</source>
        <translation>分批发货</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="462" />
        <source>Assign promises to new orders</source>
        <translation>给新订单分配发货承诺</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="463" />
        <source>Open orders per promise tier</source>
        <translation>各档位待发</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="475" />
        <source>At risk or overdue: %1 orders, the %2 due first shown (countdown)</source>
        <translation>即将超时或已超时：%1 单，按截止时间显示最早的 %2 单（倒计时）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="482" />
        <source>At risk or overdue: %1 orders (countdown)</source>
        <translation>即将超时或已超时：%1 单（倒计时）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="484" />
        <source>Times in %1</source>
        <translation>时间为 %1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="516" />
        <location filename="../../ui/promo/screens.py" line="545" />
        <source>Tier</source>
        <translation>档位</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="517" />
        <source>Open</source>
        <translation>待发</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="518" />
        <source>At risk</source>
        <translation>临近超时</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="519" />
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="520" />
        <source>Next due</source>
        <translation>最早截止</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="543" />
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="544" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="546" />
        <source>Ship by</source>
        <translation>发货截止</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="547" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="548" />
        <source>Carrier</source>
        <comment>column</comment>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="549" />
        <source>SKU set</source>
        <comment>column</comment>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="579" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="582" />
        <source>Promises assigned: %1</source>
        <translation>已分配发货承诺：%1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="582" />
        <source>no new orders</source>
        <translation>无新订单</translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message>
        <location filename="../../ui/promo/screens.py" line="127" />
        <source>Stock tiers</source>
        <translation>备货分层</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="170" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="171" />
        <source>Save plan and tiers</source>
        <translation>保存备货计划并分层</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="172" />
        <source>Check oversell</source>
        <translation>检查超卖</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="174" />
        <source>Short orders: %1 (latest paid go short first)</source>
        <translation>缺货订单：%1（最晚付款的先缺）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="194" />
        <source>Re-order now</source>
        <translation>立即补货</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="204" />
        <location filename="../../ui/promo/screens.py" line="228" />
        <source>SKU</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="205" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="206" />
        <source>Tier</source>
        <comment>stock</comment>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="207" />
        <source>Recommended</source>
        <translation>建议备货</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="208" />
        <source>Re-order at</source>
        <translation>补货点</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="209" />
        <source>Supply</source>
        <translation>可发</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="210" />
        <source>Demand</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="211" />
        <source>Left</source>
        <translation>余量</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="212" />
        <source>Re-order</source>
        <translation>补货</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="213" />
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="228" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="237" />
        <source>Stock plan and tiers saved for %1 SKUs</source>
        <translation>已保存 %1 个商品的备货计划和分层</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="243" />
        <source>%1 SKU(s) oversold</source>
        <translation>超卖商品 %1 个</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="245" />
        <source>Nothing oversold</source>
        <translation>没有超卖</translation>
    </message>
</context>
<context>
    <name>parcel state</name>
    <message>
        <location filename="../../ui/promo/common.py" line="68" />
        <source>No parcel yet</source>
        <translation>未建包裹</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="69" />
        <source>Planned</source>
        <translation>待打包</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="70" />
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="71" />
        <source>Verified</source>
        <translation>已核对</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="72" />
        <source>Handed off</source>
        <translation>已交接</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="73" />
        <source>Intercepted</source>
        <translation>已拦截</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="74" />
        <source>Pulled</source>
        <translation>已取出</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="75" />
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="76" />
        <source>Returned</source>
        <translation>已退货</translation>
    </message>
</context>
<context>
    <name>promo</name>
    <message>
        <location filename="../../ui/promo/common.py" line="55" />
        <source>Core hot</source>
        <translation>核心爆款</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="56" />
        <source>Potential new</source>
        <translation>潜力新品</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="57" />
        <source>Long tail</source>
        <translation>长尾</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="60" />
        <source>Paid in first hour</source>
        <translation>首小时付款</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="61" />
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="62" />
        <source>Delayed (opted in)</source>
        <translation>延迟发货</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="63" />
        <source>Presale</source>
        <translation>预售</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="64" />
        <source>No promise yet</source>
        <translation>未分配承诺</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="79" />
        <source>Main</source>
        <translation>主力</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="80" />
        <source>Backup</source>
        <translation>备用</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="81" />
        <source>Dynamic</source>
        <translation>机动（按运力）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="84" />
        <source>East China</source>
        <translation>华东</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="85" />
        <source>North China</source>
        <translation>华北</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="86" />
        <source>South China</source>
        <translation>华南</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="87" />
        <source>Central China</source>
        <translation>华中</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="88" />
        <source>Southwest China</source>
        <translation>西南</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="89" />
        <source>Northeast China</source>
        <translation>东北</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="90" />
        <source>Northwest China</source>
        <translation>西北</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="91" />
        <source>Unknown region</source>
        <translation>未知区域</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="94" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="95" />
        <source>Batch created</source>
        <translation>已建批次</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="96" />
        <source>Dropped</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="99" />
        <source>Lead</source>
        <translation>组长手动</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="100" />
        <source>Pickup stalled</source>
        <translation>揽收停滞</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="101" />
        <source>Capacity full</source>
        <translation>运力已满</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="104" />
        <source>Response</source>
        <translation>响应速度</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="105" />
        <source>Peak capacity</source>
        <translation>高峰运力</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="106" />
        <source>On-time coverage</source>
        <translation>准时覆盖</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="107" />
        <source>Exceptions</source>
        <translation>异常处理</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="108" />
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="111" />
        <source>Carrier failover</source>
        <translation>快递切换</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="112" />
        <source>Capacity move</source>
        <translation>运力调整</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="113" />
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="135" />
        <source>Any (by capacity)</source>
        <translation>不限（按运力）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="136" />
        <location filename="../../ui/promo/common.py" line="148" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="154" />
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="159" />
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
</TS>