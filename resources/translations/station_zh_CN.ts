<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>BatchesTab</name>
    <message>
        <location filename="../../ui/lead.py" line="177" />
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="178" />
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="179" />
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="180" />
        <source>Print all waybills</source>
        <translation>打印全部面单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="181" />
        <source>Cancel printing</source>
        <translation>取消打印</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="182" />
        <source>New pre-pack batch</source>
        <translation>新建预包装批次</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="183" />
        <location filename="../../ui/lead.py" line="198" />
        <source>SKU set</source>
        <translation>商品组合</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="184" />
        <location filename="../../ui/lead.py" line="198" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="187" />
        <source>Quantity (0 = all paid orders)</source>
        <translation>数量（0 = 全部已付款订单）</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="188" />
        <source>Live session</source>
        <translation>直播场次</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="189" />
        <source>Create batch</source>
        <translation>创建批次</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="190" />
        <source>Reprint or void a waybill</source>
        <translation>补打或作废面单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="191" />
        <source>Waybill / label</source>
        <translation>面单号 / 标签</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="192" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="193" />
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="194" />
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="198" />
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="198" />
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="198" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="199" />
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="199" />
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="199" />
        <source>Verified</source>
        <translation>已核对</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="199" />
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="200" />
        <location filename="../../ui/lead.py" line="221" />
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="200" />
        <location filename="../../ui/lead.py" line="221" />
        <source>active</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="200" />
        <location filename="../../ui/lead.py" line="221" />
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="201" />
        <location filename="../../ui/lead.py" line="222" />
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="185" />
        <location filename="../../ui/lead.py" line="201" />
        <source>pre-sale</source>
        <translation>预售</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="186" />
        <location filename="../../ui/lead.py" line="201" />
        <source>anonymous</source>
        <translation>匿名预包</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="217" />
        <location filename="../../ui/lead.py" line="250" />
        <source>Select a batch first</source>
        <translation>请先选择批次</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="223" />
        <source>Batch %1 is now %2</source>
        <translation>批次 %1 现在为 %2</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="233" />
        <source>Enter the SKU set, e.g. SKU-LIP-01*1</source>
        <translation>请输入商品组合，例如 SKU-LIP-01*1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="238" />
        <source>Created batch %1 with %2 parcels</source>
        <translation>已创建批次 %1，共 %2 件</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="253" />
        <location filename="../../ui/lead.py" line="313" />
        <source>No printer: set one in Settings</source>
        <translation>未设置打印机：请在设置里选择</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="264" />
        <source>Nothing to print: every waybill of %1 is printed</source>
        <translation>无需打印：批次 %1 的面单都已打印</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="270" />
        <source>Printing %1 waybills of %2</source>
        <translation>正在打印批次 %2 的 %1 张面单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="299" />
        <source>Printing cancelled; %1 labels not printed</source>
        <translation>已取消打印：%1 张未打印</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="310" />
        <location filename="../../ui/lead.py" line="338" />
        <source>Enter the waybill and a reason</source>
        <translation>请输入面单号和原因</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="318" />
        <source>Reprint of %1 sent to the printer</source>
        <translation>已补打 %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="342" />
        <source>Waybill %1 voided</source>
        <translation>面单 %1 已作废</translation>
    </message>
</context>
<context>
    <name>CarriersTab</name>
    <message>
        <location filename="../../ui/promo/screens.py" line="437" />
        <source>Carriers</source>
        <translation>快递分配</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="491" />
        <source>Allocate carriers</source>
        <translation>分配快递</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="492" />
        <source>Check pickups and capacity</source>
        <translation>检查揽收/运力</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="493" />
        <source>Export open orders (warehouse failover)</source>
        <translation>导出未发订单（仓库切换）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="494" />
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="495" />
        <source>Why it is failing, e.g. hub overloaded</source>
        <translation>故障原因，例如：分拨中心爆仓</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="496" />
        <source>Mark failing and fail over</source>
        <translation>标记故障并切换</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="497" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="498" />
        <source>Split: target and realised (today's capacity)</source>
        <translation>分配比例：目标与实际（今日运力）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="501" />
        <source>Failovers: %1</source>
        <translation>切换记录：%1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="502" />
        <source>Waybills waiting to print: %1</source>
        <translation>待补打面单：%1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="503" />
        <source>Times in %1</source>
        <translation>时间为 %1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="518" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="526" />
        <source>FAILING</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="528" />
        <location filename="../../ui/promo/screens.py" line="550" />
        <location filename="../../ui/promo/screens.py" line="557" />
        <source>Carrier</source>
        <comment>column</comment>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="528" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="528" />
        <source>Regions</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="529" />
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="529" />
        <source>Realised</source>
        <translation>实际</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="529" />
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="530" />
        <source>Capacity</source>
        <translation>日运力</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="530" />
        <source>Used today</source>
        <translation>今日已用</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="530" />
        <source>Left</source>
        <comment>capacity</comment>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="531" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="547" />
        <source>not restored</source>
        <translation>未恢复</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="550" />
        <source>Trigger</source>
        <translation>触发</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="550" />
        <location filename="../../ui/promo/screens.py" line="558" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="551" />
        <source>Failed over at</source>
        <translation>切换时间</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="551" />
        <source>Orders moved</source>
        <translation>改派单数</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="551" />
        <source>Moved to</source>
        <translation>改派到</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="552" />
        <source>Restored at</source>
        <translation>恢复时间</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="557" />
        <source>New waybill</source>
        <translation>新面单号</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="557" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="558" />
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="558" />
        <source>Requested at</source>
        <translation>请求时间</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="565" />
        <source>Pick a carrier first</source>
        <translation>先选择快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="571" />
        <source>%1 order(s) allocated</source>
        <translation>已分配 %1 单</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="577" />
        <source>Carriers with problems: %1</source>
        <translation>有问题的快递：%1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="578" />
        <location filename="../../ui/promo/screens.py" line="592" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="580" />
        <source>Every carrier is picking up and has capacity</source>
        <translation>所有快递揽收和运力正常</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="592" />
        <source>%1 to %2</source>
        <translation>%2 %1 单</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="593" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="594" />
        <source>%1 failed over: %2 orders moved (%3), %4 waybills to reprint</source>
        <translation>%1 已切换：改派 %2 单（%3），待补打面单 %4 张</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="605" />
        <source>%1 restored</source>
        <translation>%1 已恢复</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="616" />
        <source>%1 orders exported to %2</source>
        <translation>已导出 %1 单到 %2</translation>
    </message>
</context>
<context>
    <name>DiscrepanciesTab</name>
    <message>
        <location filename="../../ui/lead.py" line="577" />
        <source>Confirm the selected parcel was pulled</source>
        <translation>确认所选包裹已取出</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="578" />
        <source>Void the selected waybill (reason)</source>
        <translation>作废所选面单（需填原因）</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="579" />
        <source>Reason, e.g. damaged, customer changed address</source>
        <translation>原因，例如：破损、客户改地址</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="584" />
        <source>Times in %1</source>
        <translation>时间为 %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="585" />
        <source>Verified but not handed off: %1</source>
        <translation>已核对未交接：%1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="586" />
        <source>Intercepted but not pulled: %1</source>
        <translation>已拦截未取出：%1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="599" />
        <location filename="../../ui/lead.py" line="602" />
        <source>Waybill</source>
        <translation>面单号</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="599" />
        <location filename="../../ui/lead.py" line="602" />
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="599" />
        <location filename="../../ui/lead.py" line="602" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="599" />
        <source>Verified at</source>
        <translation>核对时间</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="600" />
        <location filename="../../ui/lead.py" line="603" />
        <source>Parcel</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="602" />
        <source>Intercepted at</source>
        <translation>拦截时间</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="611" />
        <source>Select an intercepted parcel first</source>
        <translation>请先选择拦截包裹</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="624" />
        <source>Select a parcel first</source>
        <translation>请先选择包裹</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="628" />
        <source>Waybill %1 voided</source>
        <translation>面单 %1 已作废</translation>
    </message>
</context>
<context>
    <name>HandoffsTab</name>
    <message>
        <location filename="../../ui/lead.py" line="450" />
        <source>Carrier handoff</source>
        <translation>快递交接</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="451" />
        <location filename="../../ui/lead.py" line="460" />
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="452" />
        <source>Courier name</source>
        <translation>快递员姓名</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="453" />
        <location filename="../../ui/lead.py" line="460" />
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="454" />
        <source>Open handoff</source>
        <translation>开交接单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="455" />
        <source>Close &amp;&amp; print manifest</source>
        <translation>关闭并打印交接单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="456" />
        <source>Scan into this handoff</source>
        <translation>扫描进此交接单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="460" />
        <source>Handoff</source>
        <translation>交接单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="460" />
        <source>Courier</source>
        <translation>快递员</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="460" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="461" />
        <source>Parcels</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="461" />
        <source>Opened</source>
        <translation>开单时间</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="461" />
        <source>Closed</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="462" />
        <source>Times in %1</source>
        <translation>时间为 %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="466" />
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="466" />
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="485" />
        <source>Choose a carrier</source>
        <translation>请选择快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="489" />
        <source>Opened handoff %1 for %2</source>
        <translation>已为 %2 开交接单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="500" />
        <location filename="../../ui/lead.py" line="531" />
        <source>Select a handoff first</source>
        <translation>请先选择交接单</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="509" />
        <source>Handoff %1 closed; manifest saved to %2</source>
        <translation>交接单 %1 已关闭，交接单已保存到 %2</translation>
    </message>
</context>
<context>
    <name>LeadArea</name>
    <message>
        <location filename="../../ui/lead.py" line="743" />
        <source>Shift lead: scan your badge and enter your PIN</source>
        <translation>组长：请扫描工牌并输入 PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="744" />
        <source>Lead code</source>
        <translation>组长工号</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="745" />
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="746" />
        <source>Back to packing (Esc)</source>
        <translation>返回打包（Esc）</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="747" />
        <source>Batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="747" />
        <source>Handoffs</source>
        <translation>交接</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="748" />
        <source>Discrepancies</source>
        <translation>差异处理</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="748" />
        <source>Review</source>
        <translation>复盘</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="749" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="749" />
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="756" />
        <location filename="../../ui/lead.py" line="780" />
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
        <location filename="../../ui/window.py" line="358" />
        <source>Packing station</source>
        <translation>打包站</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="363" />
        <source>Station data: %1</source>
        <translation>站点数据：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="453" />
        <source>Welcome, %1</source>
        <translation>欢迎，%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="454" />
        <source>Scan a parcel, or press F1-F5 to change mode</source>
        <translation>请扫描包裹，或按 F1-F5 切换模式</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="462" />
        <location filename="../../ui/window.py" line="472" />
        <location filename="../../ui/window.py" line="551" />
        <location filename="../../ui/window.py" line="728" />
        <source>Scan your badge</source>
        <translation>请扫描工牌</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="472" />
        <source>Please log in</source>
        <translation>请登录</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="486" />
        <source>Scan the pre-pack label of each parcel of the batch</source>
        <translation>逐件扫描本批次包裹的预包装标签</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="487" />
        <source>Scan each staged parcel's waybill</source>
        <translation>逐件扫描暂存包裹的面单</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="488" />
        <source>Scan each parcel as it goes into the carrier's cage</source>
        <translation>包裹放入快递笼车时逐件扫描</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="489" />
        <source>Scan each intercepted parcel you pulled from the line</source>
        <translation>逐件扫描已从线上取出的拦截包裹</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="490" />
        <source>Scan each returned parcel</source>
        <translation>逐件扫描退货包裹</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="525" />
        <source>Return reason: %1</source>
        <translation>退货原因：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="525" />
        <source>not chosen</source>
        <translation>未选择</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="527" />
        <source>Put it into: %1</source>
        <translation>放入：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="529" />
        <source>Choose the reason: Ctrl+1…5 or scan a #REASON card</source>
        <translation>请选择原因：Ctrl+1…5 或扫描 #REASON 卡</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="531" />
        <source>Choose where it goes: Alt+1…3 or scan a #DISPOSE card</source>
        <translation>请选择处理方式：Alt+1…3 或扫描 #DISPOSE 卡</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="578" />
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="578" />
        <source>active</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="578" />
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="579" />
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="579" />
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="579" />
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="594" />
        <source>Pack batch</source>
        <translation>批次打包</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="594" />
        <source>Verify &amp; box</source>
        <translation>核对装箱</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="594" />
        <source>Hand off</source>
        <translation>交接</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="595" />
        <source>Pull intercepts</source>
        <translation>拦截取件</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="595" />
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="610" />
        <source>Batch %1</source>
        <translation>批次 %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="629" />
        <source>Handoff %1</source>
        <translation>交接单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="574" />
        <location filename="../../ui/window.py" line="649" />
        <source>Scan the right card</source>
        <translation>请扫描正确的卡片</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="692" />
        <source>On duty: %1</source>
        <translation>当班：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="693" />
        <source>Nobody logged in</source>
        <translation>无人登录</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="696" />
        <source>Batch: %1</source>
        <translation>批次：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="698" />
        <source>Handoff: %1</source>
        <translation>交接单：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="551" />
        <location filename="../../ui/window.py" line="728" />
        <source>Log in first</source>
        <translation>请先登录</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="700" />
        <source>Return reason: not chosen (Ctrl+1…5, Alt+1…3)</source>
        <translation>退货原因：未选择（Ctrl+1…5，Alt+1…3）</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="746" />
        <source>Unknown command card: %1</source>
        <translation>无法识别的指令卡：%1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="788" />
        <source>Scan again; if it repeats call the lead</source>
        <translation>请重扫；如再出现请叫组长</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="802" />
        <source>%1 · packed %2 · verified %3</source>
        <translation>%1 · 已打包 %2 · 已核对 %3</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="806" />
        <source>no batch selected (F6)</source>
        <translation>未选择批次（F6）</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="813" />
        <source>no handoff selected (F7)</source>
        <translation>未选择交接单（F7）</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="815" />
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
    <name>OversellBanner</name>
    <message>
        <location filename="../../ui/promo/common.py" line="387" />
        <source>%1 demand %2 &gt; supply %3 (stock %4 + pre-packed %5), %6 orders short</source>
        <translation>%1 需求 %2 &gt; 可发 %3（库存 %4 + 预包 %5），%6 单缺货</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="391" />
        <source>%1 more SKU(s)</source>
        <translation>另有 %1 个商品</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="392" />
        <source>⚠ OVERSELL: %1. Re-stock or tell the platform.</source>
        <translation>⚠ 超卖：%1。请补货或联系平台。</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="393" />
        <source>; </source>
        <translation>；</translation>
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
    <name>PlansTab</name>
    <message>
        <location filename="../../ui/promo/screens.py" line="177" />
        <source>Pre-pack plans</source>
        <translation>预包装计划</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="207" />
        <source>Suggest from stock plan</source>
        <translation>按备货计划生成</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="208" />
        <source>Save quantities</source>
        <translation>保存数量</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="209" />
        <source>Save and create batches</source>
        <translation>保存并创建批次</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="210" />
        <source>Times in %1</source>
        <translation>时间为 %1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="222" />
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="222" />
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="222" />
        <source>SKU set</source>
        <translation>商品组合</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="223" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="223" />
        <source>Suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="223" />
        <source>Pack from</source>
        <translation>开始打包</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="224" />
        <source>Pack until</source>
        <translation>打包截止</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="224" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="224" />
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="253" />
        <source>%1 plan(s) suggested</source>
        <translation>已生成 %1 个计划</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="258" />
        <source>Saved; %1 batch(es) created</source>
        <translation>已保存；创建批次 %1 个</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="260" />
        <source>Quantities saved</source>
        <translation>数量已保存</translation>
    </message>
</context>
<context>
    <name>PromoReviewTab</name>
    <message>
        <location filename="../../ui/promo/screens.py" line="777" />
        <source>Promo review</source>
        <translation>大促复盘</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="821" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="822" />
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="823" />
        <source>Export PDF (charts)</source>
        <translation>导出 PDF（含图表）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="824" />
        <source>Stock accuracy</source>
        <translation>备货准确率</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="825" />
        <source>On time per promise tier</source>
        <translation>按档位准时率</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="826" />
        <source>Carrier scorecard (next promo's split)</source>
        <translation>快递评分（用于下次分配）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="837" />
        <source>Orders %1 (%2 cancelled)  ·  intercepts before handoff %3, after %4  ·  cancel to pull avg %5 min  ·  failovers %6 (%7 orders moved)  ·  return rate %8</source>
        <translation>订单 %1（取消 %2）　·　拦截：交接前 %3，交接后 %4　·　取消到取出平均 %5 分钟　·　快递切换 %6 次（改派 %7 单）　·　退货率 %8</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="844" />
        <source>SKU</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="844" />
        <source>Tier</source>
        <comment>stock</comment>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="844" />
        <source>Recommended</source>
        <translation>建议备货</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="845" />
        <source>Supply</source>
        <translation>可发</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="845" />
        <source>Demand</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="845" />
        <source>Oversold</source>
        <translation>超卖</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="846" />
        <source>Overstocked</source>
        <translation>积压</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="846" />
        <source>Sell-through</source>
        <translation>售罄率</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="852" />
        <source>Tier</source>
        <translation>档位</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="852" />
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="852" />
        <source>On time</source>
        <translation>准时</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="852" />
        <source>Late</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="853" />
        <source>Open</source>
        <comment>review</comment>
        <translation>未发</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="853" />
        <source>On-time rate</source>
        <translation>准时率</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="853" />
        <source>With compensation</source>
        <translation>含补偿</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="860" />
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="860" />
        <source>Carrier</source>
        <comment>column</comment>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="860" />
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="861" />
        <source>Response (h)</source>
        <translation>响应（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="861" />
        <source>Response %1%</source>
        <translation>响应得分 %1%</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="862" />
        <source>Peak (parcels/day)</source>
        <translation>峰值（件/天）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="862" />
        <source>Peak %1%</source>
        <translation>峰值得分 %1%</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="863" />
        <source>Next-day %1%</source>
        <translation>次日达得分 %1%</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="864" />
        <source>Exceptions %1%</source>
        <translation>异常处理得分 %1%</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="865" />
        <source>Cost (CNY)</source>
        <translation>单价（元）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="865" />
        <source>Cost %1%</source>
        <translation>成本得分 %1%</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="886" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="887" />
        <source>Suggested for the next promo: main %1; backups %2; dynamic %3</source>
        <translation>下次大促建议：主力 %1；备用 %2；机动 %3</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="892" />
        <source>Refresh first</source>
        <translation>请先刷新</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="899" />
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
</context>
<context>
    <name>PromoTab</name>
    <message>
        <location filename="../../ui/promo/common.py" line="257" />
        <source>Failed, nothing was changed: %1</source>
        <translation>操作失败，未做任何更改：%1</translation>
    </message>
</context>
<context>
    <name>ReturnsTab</name>
    <message>
        <location filename="../../ui/promo/screens.py" line="639" />
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="686" />
        <source>Reason</source>
        <comment>return</comment>
        <translation>退货原因</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="687" />
        <source>Disposition</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="691" />
        <source>Use for return mode</source>
        <translation>设为退货模式默认</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="692" />
        <source>Record by hand</source>
        <translation>手工登记</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="693" />
        <source>Scan waybill or order number</source>
        <translation>扫描面单号或订单号</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="694" />
        <source>Record return</source>
        <translation>登记退货</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="695" />
        <source>Per SKU</source>
        <translation>按商品</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="696" />
        <source>Per live session</source>
        <translation>按场次</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="703" />
        <source>Shipped</source>
        <translation>已发出</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="703" />
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="703" />
        <source>Return rate</source>
        <translation>退货率</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="709" />
        <source>SKU</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="711" />
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="720" />
        <source>Return mode will record: %1 · %2</source>
        <translation>退货模式将记录：%1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="726" />
        <source>Scan a waybill or order number first</source>
        <translation>请先扫描面单号或订单号</translation>
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
<context>
    <name>ShippingTab</name>
    <message>
        <location filename="../../ui/promo/screens.py" line="283" />
        <source>Ship-by</source>
        <translation>分批发货</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="321" />
        <source>Assign promises to new orders</source>
        <translation>给新订单分配发货承诺</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="322" />
        <source>Open orders per promise tier</source>
        <translation>各档位待发</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="328" />
        <source>At risk or overdue: %1 orders, the %2 due first shown (countdown)</source>
        <translation>即将超时或已超时：%1 单，按截止时间显示最早的 %2 单（倒计时）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="330" />
        <source>At risk or overdue: %1 orders (countdown)</source>
        <translation>即将超时或已超时：%1 单（倒计时）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="331" />
        <source>Times in %1</source>
        <translation>时间为 %1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="354" />
        <location filename="../../ui/promo/screens.py" line="363" />
        <source>Tier</source>
        <translation>档位</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="354" />
        <source>Open</source>
        <translation>待发</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="354" />
        <source>At risk</source>
        <translation>临近超时</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="355" />
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="355" />
        <source>Next due</source>
        <translation>最早截止</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="363" />
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="363" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="364" />
        <source>Ship by</source>
        <translation>发货截止</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="364" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="364" />
        <source>Carrier</source>
        <comment>column</comment>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="365" />
        <source>SKU set</source>
        <comment>column</comment>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="390" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="391" />
        <source>Promises assigned: %1</source>
        <translation>已分配发货承诺：%1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="391" />
        <source>no new orders</source>
        <translation>无新订单</translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message>
        <location filename="../../ui/promo/screens.py" line="73" />
        <source>Stock tiers</source>
        <translation>备货分层</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="106" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="107" />
        <source>Save plan and tiers</source>
        <translation>保存备货计划并分层</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="108" />
        <source>Check oversell</source>
        <translation>检查超卖</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="110" />
        <source>Short orders: %1 (latest paid go short first)</source>
        <translation>缺货订单：%1（最晚付款的先缺）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="125" />
        <source>Re-order now</source>
        <translation>立即补货</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="128" />
        <location filename="../../ui/promo/screens.py" line="136" />
        <source>SKU</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="128" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="128" />
        <source>Tier</source>
        <comment>stock</comment>
        <translation>分层</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="129" />
        <source>Recommended</source>
        <translation>建议备货</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="129" />
        <source>Re-order at</source>
        <translation>补货点</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="129" />
        <source>Supply</source>
        <translation>可发</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="130" />
        <source>Demand</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="130" />
        <source>Left</source>
        <translation>余量</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="130" />
        <source>Re-order</source>
        <translation>补货</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="131" />
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="136" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="142" />
        <source>Stock plan and tiers saved for %1 SKUs</source>
        <translation>已保存 %1 个商品的备货计划和分层</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="147" />
        <source>%1 SKU(s) oversold</source>
        <translation>超卖商品 %1 个</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="149" />
        <source>Nothing oversold</source>
        <translation>没有超卖</translation>
    </message>
</context>
<context>
    <name>parcel state</name>
    <message>
        <location filename="../../ui/promo/common.py" line="50" />
        <source>No parcel yet</source>
        <translation>未建包裹</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="51" />
        <source>Planned</source>
        <translation>待打包</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="52" />
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="53" />
        <source>Verified</source>
        <translation>已核对</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="54" />
        <source>Handed off</source>
        <translation>已交接</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="55" />
        <source>Intercepted</source>
        <translation>已拦截</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="56" />
        <source>Pulled</source>
        <translation>已取出</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="57" />
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="58" />
        <source>Returned</source>
        <translation>已退货</translation>
    </message>
</context>
<context>
    <name>promo</name>
    <message>
        <location filename="../../ui/promo/common.py" line="42" />
        <source>Core hot</source>
        <translation>核心爆款</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="43" />
        <source>Potential new</source>
        <translation>潜力新品</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="44" />
        <source>Long tail</source>
        <translation>长尾</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="45" />
        <source>Paid in first hour</source>
        <translation>首小时付款</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="46" />
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="47" />
        <source>Delayed (opted in)</source>
        <translation>延迟发货</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="59" />
        <source>Main</source>
        <translation>主力</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="60" />
        <source>Backup</source>
        <translation>备用</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="61" />
        <source>Dynamic</source>
        <translation>机动（按运力）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="62" />
        <source>East China</source>
        <translation>华东</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="63" />
        <source>North China</source>
        <translation>华北</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="64" />
        <source>South China</source>
        <translation>华南</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="65" />
        <source>Central China</source>
        <translation>华中</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="66" />
        <source>Southwest China</source>
        <translation>西南</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="67" />
        <source>Northeast China</source>
        <translation>东北</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="68" />
        <source>Northwest China</source>
        <translation>西北</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="69" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="70" />
        <source>Batch created</source>
        <translation>已建批次</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="71" />
        <source>Dropped</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="72" />
        <source>Lead</source>
        <translation>组长手动</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="73" />
        <source>Pickup stalled</source>
        <translation>揽收停滞</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="74" />
        <source>Capacity full</source>
        <translation>运力已满</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="75" />
        <source>Carrier failover</source>
        <translation>快递切换</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="76" />
        <source>Capacity move</source>
        <translation>运力调整</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="77" />
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="98" />
        <source>Any (by capacity)</source>
        <translation>不限（按运力）</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="99" />
        <location filename="../../ui/promo/common.py" line="111" />
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
</TS>