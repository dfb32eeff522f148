<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>BatchesTab</name>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="192" />
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="193" />
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="194" />
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="195" />
        <source>Print all waybills</source>
        <translation>Print all waybills</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="196" />
        <source>Cancel printing</source>
        <translation>Cancel printing</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="197" />
        <source>New pre-pack batch</source>
        <translation>New pre-pack batch</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="198" />
        <location filename="../../ui/lead_tabs/batches.py" line="216" />
        <source>SKU set</source>
        <translation>SKU set</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="199" />
        <location filename="../../ui/lead_tabs/batches.py" line="215" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="202" />
        <source>Quantity (0 = all paid orders)</source>
        <translation>Quantity (0 = all paid orders)</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="203" />
        <source>Live session</source>
        <translation>Live session</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="204" />
        <source>Create batch</source>
        <translation>Create batch</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="205" />
        <source>Reprint or void a waybill</source>
        <translation>Reprint or void a waybill</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="206" />
        <source>Waybill / label</source>
        <translation>Waybill / label</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="207" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="208" />
        <source>Reprint</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="209" />
        <source>Void</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="214" />
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="217" />
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="218" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="219" />
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="220" />
        <source>Packed</source>
        <translation>Packed</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="221" />
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="222" />
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="225" />
        <location filename="../../ui/lead_tabs/batches.py" line="252" />
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="226" />
        <location filename="../../ui/lead_tabs/batches.py" line="253" />
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="227" />
        <location filename="../../ui/lead_tabs/batches.py" line="254" />
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="228" />
        <location filename="../../ui/lead_tabs/batches.py" line="255" />
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="200" />
        <location filename="../../ui/lead_tabs/batches.py" line="229" />
        <source>pre-sale</source>
        <translation>pre-sale</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="73" />
        <source>Batches</source>
        <translation>Batches</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="201" />
        <location filename="../../ui/lead_tabs/batches.py" line="230" />
        <source>anonymous</source>
        <translation>anonymous</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="247" />
        <location filename="../../ui/lead_tabs/batches.py" line="297" />
        <source>Select a batch first</source>
        <translation>Select a batch first</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="258" />
        <source>Batch %1 is now %2</source>
        <translation>Batch %1 is now %2</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="270" />
        <source>Enter the SKU set, e.g. SKU-LIP-01*1</source>
        <translation>Enter the SKU set, e.g. SKU-LIP-01*1</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="276" />
        <source>Created batch %1 with %2 parcels</source>
        <translation>Created batch %1 with %2 parcels</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="300" />
        <location filename="../../ui/lead_tabs/batches.py" line="375" />
        <source>No printer: set one in Settings</source>
        <translation>No printer: set one in Settings</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="312" />
        <source>Nothing to print: every waybill of %1 is printed</source>
        <translation>Nothing to print: every waybill of %1 is printed</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="319" />
        <source>Printing %1 waybills of %2</source>
        <translation>Printing %1 waybills of %2</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="330" />
        <source>Printing: %1 of %2</source>
        <translation>Printing: %1 of %2</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="337" />
        <source>Stopped: %1 — %2 of %3 printed; it resumes by itself once fixed, or cancel</source>
        <translation>Stopped: %1 — %2 of %3 printed; it resumes by itself once fixed, or cancel</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="361" />
        <source>Printing cancelled; %1 labels not printed</source>
        <translation>Printing cancelled; %1 labels not printed</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="372" />
        <location filename="../../ui/lead_tabs/batches.py" line="402" />
        <source>Enter the waybill and a reason</source>
        <translation>Enter the waybill and a reason</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="380" />
        <source>Reprint of %1 sent to the printer</source>
        <translation>Reprint of %1 sent to the printer</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="408" />
        <source>Void waybill</source>
        <translation>Void waybill</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="409" />
        <source>Void waybill %1? The carrier will recycle it; this cannot be undone.</source>
        <translation>Void waybill %1? The carrier will recycle it; this cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/batches.py" line="418" />
        <source>Waybill %1 voided</source>
        <translation>Waybill %1 voided</translation>
    </message>
</context>
<context>
    <name>CarriersTab</name>
    <message>
        <location filename="../../ui/promo/screens.py" line="623" />
        <source>Carriers</source>
        <translation>Carriers</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="696" />
        <source>Allocate carriers</source>
        <translation>Allocate carriers</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="697" />
        <source>Check pickups and capacity</source>
        <translation>Check pickups and capacity</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="698" />
        <source>Export open orders (warehouse failover)</source>
        <translation>Export open orders (warehouse failover)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="699" />
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="700" />
        <source>Why it is failing, e.g. hub overloaded</source>
        <translation>Why it is failing, e.g. hub overloaded</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="701" />
        <source>Mark failing and fail over</source>
        <translation>Mark failing and fail over</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="702" />
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="703" />
        <source>Split: target and realised (today's capacity)</source>
        <translation>Split: target and realised (today's capacity)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="706" />
        <source>Failovers: %1</source>
        <translation>Failovers: %1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="707" />
        <source>Waybills waiting to print: %1</source>
        <translation>Waybills waiting to print: %1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="708" />
        <source>Times in %1</source>
        <translation>Times in %1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="723" />
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="735" />
        <source>FAILING</source>
        <translation>FAILING</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="743" />
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="750" />
        <location filename="../../ui/promo/screens.py" line="820" />
        <location filename="../../ui/promo/screens.py" line="845" />
        <source>Carrier</source>
        <comment>column</comment>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="751" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="752" />
        <source>Regions</source>
        <translation>Regions</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="753" />
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="754" />
        <source>Realised</source>
        <translation>Realised</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="755" />
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="756" />
        <source>Capacity</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="757" />
        <source>Used today</source>
        <translation>Used today</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="758" />
        <source>Left</source>
        <comment>capacity</comment>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="759" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="760" />
        <source>Target now</source>
        <translation>Target now</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="761" />
        <source>Off target (pp)</source>
        <translation>Off target (pp)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="762" />
        <source>Why</source>
        <comment>split</comment>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="803" />
        <source>not restored</source>
        <translation>not restored</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="821" />
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="822" />
        <location filename="../../ui/promo/screens.py" line="848" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="823" />
        <source>Failed over at</source>
        <translation>Failed over at</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="824" />
        <source>Orders moved</source>
        <translation>Orders moved</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="825" />
        <source>Moved to</source>
        <translation>Moved to</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="826" />
        <source>Restored at</source>
        <translation>Restored at</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="844" />
        <source>New waybill</source>
        <translation>New waybill</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="846" />
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="847" />
        <source>Parcel</source>
        <translation>Parcel</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="849" />
        <source>Requested at</source>
        <translation>Requested at</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="858" />
        <source>Pick a carrier first</source>
        <translation>Pick a carrier first</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="866" />
        <source>%1 order(s) allocated</source>
        <translation>%1 order(s) allocated</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="875" />
        <source>Carriers with problems: %1</source>
        <translation>Carriers with problems: %1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="876" />
        <location filename="../../ui/promo/screens.py" line="894" />
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="881" />
        <source>Every carrier is picking up and has capacity</source>
        <translation>Every carrier is picking up and has capacity</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="895" />
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="896" />
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="898" />
        <source>%1 failed over: %2 orders moved (%3), %4 waybills to reprint</source>
        <translation>%1 failed over: %2 orders moved (%3), %4 waybills to reprint</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="918" />
        <source>%1 restored</source>
        <translation>%1 restored</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="933" />
        <source>%1 orders exported to %2</source>
        <translation>%1 orders exported to %2</translation>
    </message>
</context>
<context>
    <name>DiscrepanciesTab</name>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="35" />
        <source>Discrepancies</source>
        <translation>Discrepancies</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="74" />
        <source>Confirm the selected parcel was pulled</source>
        <translation>Confirm the selected parcel was pulled</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="75" />
        <source>Void the selected waybill (reason)</source>
        <translation>Void the selected waybill (reason)</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="76" />
        <source>Reason, e.g. damaged, customer changed address</source>
        <translation>Reason, e.g. damaged, customer changed address</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="81" />
        <source>Times in %1</source>
        <translation>Times in %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="83" />
        <source>Verified but not handed off: %1</source>
        <translation>Verified but not handed off: %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="86" />
        <source>Intercepted but not pulled: %1</source>
        <translation>Intercepted but not pulled: %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="104" />
        <location filename="../../ui/lead_tabs/discrepancies.py" line="117" />
        <source>Waybill</source>
        <translation>Waybill</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="105" />
        <location filename="../../ui/lead_tabs/discrepancies.py" line="118" />
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="106" />
        <location filename="../../ui/lead_tabs/discrepancies.py" line="119" />
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="107" />
        <source>Verified at</source>
        <translation>Verified at</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="108" />
        <location filename="../../ui/lead_tabs/discrepancies.py" line="121" />
        <source>Parcel</source>
        <translation>Parcel</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="120" />
        <source>Intercepted at</source>
        <translation>Intercepted at</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="132" />
        <source>Select an intercepted parcel first</source>
        <translation>Select an intercepted parcel first</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="145" />
        <source>Select a parcel first</source>
        <translation>Select a parcel first</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="149" />
        <source>Waybill %1 voided</source>
        <translation>Waybill %1 voided</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="161" />
        <source>Void waybill</source>
        <translation>Void waybill</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/discrepancies.py" line="162" />
        <source>Void waybill %1? The carrier will recycle it; this cannot be undone.</source>
        <translation>Void waybill %1? The carrier will recycle it; this cannot be undone.</translation>
    </message>
</context>
<context>
    <name>HandoffsTab</name>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="61" />
        <source>Handoffs</source>
        <translation>Handoffs</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="132" />
        <source>Carrier handoff</source>
        <translation>Carrier handoff</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="133" />
        <location filename="../../ui/lead_tabs/handoffs.py" line="146" />
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="134" />
        <source>Courier name</source>
        <translation>Courier name</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="135" />
        <location filename="../../ui/lead_tabs/handoffs.py" line="148" />
        <source>Vehicle</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="136" />
        <source>Open handoff</source>
        <translation>Open handoff</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="137" />
        <source>Close &amp;&amp; print manifest</source>
        <translation>Close &amp;&amp; print manifest</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="138" />
        <source>Scan into this handoff</source>
        <translation>Scan into this handoff</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="139" />
        <source>Reprint manifest</source>
        <translation>Reprint manifest</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="140" />
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="145" />
        <source>Handoff</source>
        <translation>Handoff</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="147" />
        <source>Courier</source>
        <translation>Courier</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="149" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="150" />
        <source>Parcels</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="151" />
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="152" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="154" />
        <source>Times in %1</source>
        <translation>Times in %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="158" />
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="158" />
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="179" />
        <source>Choose a carrier</source>
        <translation>Choose a carrier</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="184" />
        <source>Opened handoff %1 for %2</source>
        <translation>Opened handoff %1 for %2</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="203" />
        <location filename="../../ui/lead_tabs/handoffs.py" line="223" />
        <location filename="../../ui/lead_tabs/handoffs.py" line="278" />
        <source>Select a handoff first</source>
        <translation>Select a handoff first</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="212" />
        <source>Close handoff</source>
        <translation>Close handoff</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="213" />
        <source>Close handoff %1 with %2 parcels and print its manifest?</source>
        <translation>Close handoff %1 with %2 parcels and print its manifest?</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="231" />
        <source>Handoff %1 closed; manifest saved to %2</source>
        <translation>Handoff %1 closed; manifest saved to %2</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/handoffs.py" line="233" />
        <source>Manifest of %1 saved to %2</source>
        <translation>Manifest of %1 saved to %2</translation>
    </message>
</context>
<context>
    <name>LeadArea</name>
    <message>
        <location filename="../../ui/lead.py" line="165" />
        <source>Shift lead: scan your badge and enter your PIN</source>
        <translation>Shift lead: scan your badge and enter your PIN</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="166" />
        <source>Lead code</source>
        <translation>Lead code</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="167" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="168" />
        <source>Back to packing (Esc)</source>
        <translation>Back to packing (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="176" />
        <location filename="../../ui/lead.py" line="205" />
        <source>Shift lead: %1</source>
        <translation>Shift lead: %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="250" />
        <source>Lead actions open again: enter your PIN</source>
        <translation>Lead actions open again: enter your PIN</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="253" />
        <source>Too many wrong PINs: locked, %1 left</source>
        <translation>Too many wrong PINs: locked, %1 left</translation>
    </message>
</context>
<context>
    <name>LogTab</name>
    <message>
        <location filename="../../ui/lead_tabs/log.py" line="72" />
        <source>Log</source>
        <translation>Log</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../ui/window.py" line="251" />
        <source>Scan your badge, or type your operator code and press Enter</source>
        <translation>Scan your badge, or type your operator code and press Enter</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="253" />
        <source>Please log in</source>
        <translation>Please log in</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="253" />
        <source>Scan your badge</source>
        <translation>Scan your badge</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/window.py" line="390" />
        <source>Packing station</source>
        <translation>Packing station</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="547" />
        <source>Welcome, %1</source>
        <translation>Welcome, %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="548" />
        <source>Scan a parcel, or press F1-F5 to change mode</source>
        <translation>Scan a parcel, or press F1-F5 to change mode</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="583" />
        <location filename="../../ui/window.py" line="674" />
        <location filename="../../ui/window.py" line="887" />
        <location filename="../../ui/window.py" line="897" />
        <source>Scan your badge</source>
        <translation>Scan your badge</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="583" />
        <source>Please log in</source>
        <translation>Please log in</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="622" />
        <source>Scan the pre-pack label of each parcel of the batch</source>
        <translation>Scan the pre-pack label of each parcel of the batch</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="623" />
        <source>Scan each staged parcel's waybill</source>
        <translation>Scan each staged parcel's waybill</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="624" />
        <source>Scan each parcel as it goes into the carrier's cage</source>
        <translation>Scan each parcel as it goes into the carrier's cage</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="625" />
        <source>Scan each intercepted parcel you pulled from the line</source>
        <translation>Scan each intercepted parcel you pulled from the line</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="626" />
        <source>Scan each returned parcel</source>
        <translation>Scan each returned parcel</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="651" />
        <source>Return reason: %1</source>
        <translation>Return reason: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="651" />
        <source>not chosen</source>
        <translation>not chosen</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="653" />
        <source>Put it into: %1</source>
        <translation>Put it into: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="655" />
        <source>Choose the reason: Ctrl+1…5 or scan a #REASON card</source>
        <translation>Choose the reason: Ctrl+1…5 or scan a #REASON card</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="657" />
        <source>Choose where it goes: Alt+1…3 or scan a #DISPOSE card</source>
        <translation>Choose where it goes: Alt+1…3 or scan a #DISPOSE card</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="696" />
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="697" />
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="698" />
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="699" />
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="700" />
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="701" />
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="721" />
        <source>Pack batch</source>
        <translation>Pack batch</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="722" />
        <source>Verify &amp; box</source>
        <translation>Verify &amp; box</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="723" />
        <source>Hand off</source>
        <translation>Hand off</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="724" />
        <source>Pull intercepts</source>
        <translation>Pull intercepts</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="725" />
        <source>Returns</source>
        <translation>Returns</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="742" />
        <source>Batch %1</source>
        <translation>Batch %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="755" />
        <source>Handoff %1</source>
        <translation>Handoff %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="691" />
        <source>Scan the right card</source>
        <translation>Scan the right card</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="829" />
        <source>On duty: %1</source>
        <translation>On duty: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="831" />
        <source>Nobody logged in</source>
        <translation>Nobody logged in</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="835" />
        <source>Batch: %1</source>
        <translation>Batch: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="837" />
        <source>Handoff: %1</source>
        <translation>Handoff: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="674" />
        <location filename="../../ui/window.py" line="897" />
        <source>Log in first</source>
        <translation>Log in first</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="398" />
        <source>Station %1</source>
        <translation>Station %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="840" />
        <source>Return reason: not chosen (Ctrl+1…5, Alt+1…3)</source>
        <translation>Return reason: not chosen (Ctrl+1…5, Alt+1…3)</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="902" />
        <source>Unknown command card: %1</source>
        <translation>Unknown command card: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="938" />
        <source>Scan again; if it repeats call the lead</source>
        <translation>Scan again; if it repeats call the lead</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="960" />
        <source>%1 · packed %2 · verified %3</source>
        <translation>%1 · packed %2 · verified %3</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="967" />
        <source>no batch selected (F6)</source>
        <translation>no batch selected (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="976" />
        <source>no handoff selected (F7)</source>
        <translation>no handoff selected (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="978" />
        <source>this station</source>
        <translation>this station</translation>
    </message>
    <message>
        <location filename="../../ui/scan_routing.py" line="42" />
        <source>Shift lead area: scan ignored (%1). Scan into a code field, or press Esc for the packer screen</source>
        <translation>Shift lead area: scan ignored (%1). Scan into a code field, or press Esc for the packer screen</translation>
    </message>
</context>
<context>
    <name>ModeBar</name>
    <message>
        <location filename="../../ui/window.py" line="84" />
        <source>F1 Pack batch</source>
        <translation>F1 Pack batch</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="85" />
        <source>F2 Verify &amp;&amp; box</source>
        <translation>F2 Verify &amp;&amp; box</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="86" />
        <source>F3 Hand off</source>
        <translation>F3 Hand off</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="87" />
        <source>F4 Pull intercept</source>
        <translation>F4 Pull intercept</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="88" />
        <source>F5 Returns</source>
        <translation>F5 Returns</translation>
    </message>
</context>
<context>
    <name>OversellBanner</name>
    <message>
        <location filename="../../ui/promo/common.py" line="465" />
        <source>%1 demand %2 &gt; supply %3 (stock %4 + pre-packed %5), %6 orders short</source>
        <translation>%1 demand %2 &gt; supply %3 (stock %4 + pre-packed %5), %6 orders short</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="476" />
        <source>%1 more SKU(s)</source>
        <translation>%1 more SKU(s)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="479" />
        <source>⚠ OVERSELL: %1. Re-stock or tell the platform.</source>
        <translation>⚠ OVERSELL: %1. Re-stock or tell the platform.</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="479" />
        <source>; </source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>PackerPage</name>
    <message>
        <location filename="../../ui/window.py" line="208" />
        <source>This batch</source>
        <translation>This batch</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="209" />
        <source>This handoff</source>
        <translation>This handoff</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="210" />
        <source>Parcels this hour</source>
        <translation>Parcels this hour</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="211" />
        <source>Scan or type:</source>
        <translation>Scan or type:</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="212" />
        <source>F6 Batch:</source>
        <translation>F6 Batch:</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="213" />
        <source>F7 Handoff:</source>
        <translation>F7 Handoff:</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="224" />
        <source>F1-F5 mode · F6 batch · F7 handoff · F8 log out · F9 shift lead · F10 settings · F12 中文/English · or scan a command card</source>
        <translation>F1-F5 mode · F6 batch · F7 handoff · F8 log out · F9 shift lead · F10 settings · F12 中文/English · or scan a command card</translation>
    </message>
</context>
<context>
    <name>PlansTab</name>
    <message>
        <location filename="../../ui/promo/screens.py" line="272" />
        <source>Pre-pack plans</source>
        <translation>Pre-pack plans</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="314" />
        <source>Suggest from stock plan</source>
        <translation>Suggest from stock plan</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="315" />
        <source>Save quantities</source>
        <translation>Save quantities</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="316" />
        <source>Save and create batches</source>
        <translation>Save and create batches</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="317" />
        <source>Times in %1</source>
        <translation>Times in %1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="342" />
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="343" />
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="344" />
        <source>SKU set</source>
        <translation>SKU set</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="345" />
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="346" />
        <source>Suggested</source>
        <translation>Suggested</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="347" />
        <source>Pack from</source>
        <translation>Pack from</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="348" />
        <source>Pack until</source>
        <translation>Pack until</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="349" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="350" />
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="351" />
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="390" />
        <source>%1 plan(s) suggested</source>
        <translation>%1 plan(s) suggested</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="396" />
        <source>Saved; %1 batch(es) created</source>
        <translation>Saved; %1 batch(es) created</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="398" />
        <source>Quantities saved</source>
        <translation>Quantities saved</translation>
    </message>
</context>
<context>
    <name>PromoReviewTab</name>
    <message>
        <location filename="../../ui/promo/screens.py" line="1114" />
        <source>Promo review</source>
        <translation>Promo review</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1183" />
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1184" />
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1185" />
        <source>Export PDF (charts)</source>
        <translation>Export PDF (charts)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1186" />
        <source>Stock accuracy</source>
        <translation>Stock accuracy</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1187" />
        <source>On time per promise tier</source>
        <translation>On time per promise tier</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1188" />
        <source>Carrier scorecard (next promo's split)</source>
        <translation>Carrier scorecard (next promo's split)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1201" />
        <source>Orders %1 (%2 cancelled)  ·  intercepts before handoff %3, after %4  ·  cancel to pull avg %5 min  ·  failovers %6 (%7 orders moved)  ·  return rate %8</source>
        <translation>Orders %1 (%2 cancelled)  ·  intercepts before handoff %3, after %4  ·  cancel to pull avg %5 min  ·  failovers %6 (%7 orders moved)  ·  return rate %8</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1230" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1231" />
        <source>Tier</source>
        <comment>stock</comment>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1232" />
        <source>Recommended</source>
        <translation>Recommended</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1233" />
        <source>Supply</source>
        <translation>Supply</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1234" />
        <source>Demand</source>
        <translation>Demand</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1235" />
        <source>Oversold</source>
        <translation>Oversold</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1236" />
        <source>Overstocked</source>
        <translation>Overstocked</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1237" />
        <source>Sell-through</source>
        <translation>Sell-through</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1241" />
        <source>not planned</source>
        <translation>not planned</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1255" />
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1256" />
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1257" />
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1258" />
        <source>Late</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1259" />
        <source>Open</source>
        <comment>review</comment>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1260" />
        <source>On-time rate</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1261" />
        <source>With compensation</source>
        <translation>With compensation</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1284" />
        <source>Weights: %1. The total is the weighted mean of the parts with data; a carrier that handed off nothing has no total and ranks last.</source>
        <translation>Weights: %1. The total is the weighted mean of the parts with data; a carrier that handed off nothing has no total and ranks last.</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1297" />
        <source>%1 of %2 (%3)</source>
        <translation>%1 of %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1301" />
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1312" />
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1313" />
        <source>Carrier</source>
        <comment>column</comment>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1314" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1315" />
        <source>Response %1%</source>
        <translation>Response %1%</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1321" />
        <source>Exceptions %1%</source>
        <translation>Exceptions %1%</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1323" />
        <source>Cost %1%</source>
        <translation>Cost %1%</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1287" />
        <location filename="../../ui/promo/screens.py" line="1375" />
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1316" />
        <source>Paid to handoff (h)</source>
        <translation>Paid to handoff (h)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1317" />
        <source>Peak capacity %1%</source>
        <translation>Peak capacity %1%</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1318" />
        <source>Best day: handled of could take</source>
        <translation>Best day: handled of could take</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1319" />
        <source>On-time coverage %1%</source>
        <translation>On-time coverage %1%</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1320" />
        <source>On time of due</source>
        <translation>On time of due</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1322" />
        <source>Cases per 1,000 parcels</source>
        <translation>Cases per 1,000 parcels</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1324" />
        <source>Cost per parcel (CNY)</source>
        <translation>Cost per parcel (CNY)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1349" />
        <source>No carrier rules: nothing to score yet</source>
        <translation>No carrier rules: nothing to score yet</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1354" />
        <source>Data behind the scores of %1:</source>
        <translation>Data behind the scores of %1:</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1360" />
        <source>%1 (weight %2): %3 — %4</source>
        <translation>%1 (weight %2): %3 — %4</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1379" />
        <source>Suggested for the next promo: main %1; backups %2; dynamic %3</source>
        <translation>Suggested for the next promo: main %1; backups %2; dynamic %3</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1387" />
        <source>Refresh first</source>
        <translation>Refresh first</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1394" />
        <source>Exported %1</source>
        <translation>Exported %1</translation>
    </message>
</context>
<context>
    <name>PromoTab</name>
    <message>
        <location filename="../../ui/promo/common.py" line="312" />
        <source>Failed, nothing was changed: %1</source>
        <translation>Failed, nothing was changed: %1</translation>
    </message>
</context>
<context>
    <name>RecentScans</name>
    <message>
        <location filename="../../ui/recent_scans.py" line="49" />
        <source>Last %1 scans</source>
        <translation>Last %1 scans</translation>
    </message>
</context>
<context>
    <name>ReturnsTab</name>
    <message>
        <location filename="../../ui/promo/screens.py" line="960" />
        <source>Returns</source>
        <translation>Returns</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1006" />
        <source>Reason</source>
        <comment>return</comment>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1007" />
        <source>Disposition</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1011" />
        <source>Use for return mode</source>
        <translation>Use for return mode</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1012" />
        <source>Record by hand</source>
        <translation>Record by hand</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1013" />
        <source>Scan waybill or order number</source>
        <translation>Scan waybill or order number</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1014" />
        <source>Record return</source>
        <translation>Record return</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1015" />
        <source>Per SKU</source>
        <translation>Per SKU</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1016" />
        <source>Per live session</source>
        <translation>Per live session</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1024" />
        <source>Shipped</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1025" />
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1026" />
        <source>Return rate</source>
        <translation>Return rate</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1037" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1045" />
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1061" />
        <source>Return mode will record: %1 · %2</source>
        <translation>Return mode will record: %1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="1071" />
        <source>Scan a waybill or order number first</source>
        <translation>Scan a waybill or order number first</translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="117" />
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="189" />
        <source>Shift:</source>
        <translation>Shift:</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="192" />
        <source>last %1 hours</source>
        <translation>last %1 hours</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="194" />
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="195" />
        <source>Export PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="196" />
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="213" />
        <source>Handed off: %1 parcels</source>
        <translation>Handed off: %1 parcels</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="214" />
        <source>Times in %1</source>
        <translation>Times in %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="219" />
        <location filename="../../ui/lead_tabs/review.py" line="233" />
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="219" />
        <location filename="../../ui/lead_tabs/review.py" line="226" />
        <location filename="../../ui/lead_tabs/review.py" line="233" />
        <source>Parcels</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="219" />
        <source>Handoffs</source>
        <translation>Handoffs</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="226" />
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="233" />
        <source>Hour</source>
        <translation>Hour</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="274" />
        <source>Hour (%1)</source>
        <translation>Hour (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="275" />
        <source>Parcels handed off per hour and carrier</source>
        <translation>Parcels handed off per hour and carrier</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="280" />
        <source>Nothing loaded yet</source>
        <translation>Nothing loaded yet</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="285" />
        <source>Shift review: handoff counts</source>
        <translation>Shift review: handoff counts</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/review.py" line="289" />
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="180" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="315" />
        <source>Find serial ports</source>
        <translation>Find serial ports</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="316" />
        <source>Test scan</source>
        <translation>Test scan</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="317" />
        <source>Print test label</source>
        <translation>Print test label</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="318" />
        <source>Read scale</source>
        <translation>Read scale</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="320" />
        <source>Upstream address</source>
        <translation>Upstream address</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="321" />
        <source>Station token</source>
        <translation>Station token</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="319" />
        <source>Test voice</source>
        <translation>Test voice</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="328" />
        <source>This computer's zone (%1)</source>
        <translation>This computer's zone (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="330" />
        <source>Save and apply</source>
        <translation>Save and apply</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="351" />
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="353" />
        <source>In effect: suffix %1 · prefix %2 · %3 · AIM ids %4 · feedback %5</source>
        <translation>In effect: suffix %1 · prefix %2 · %3 · AIM ids %4 · feedback %5</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="357" />
        <source>stripped</source>
        <translation>stripped</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="357" />
        <source>kept</source>
        <translation>kept</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="363" />
        <source>none (app sounds)</source>
        <translation>none (app sounds)</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="390" />
        <source>Found %1 serial ports</source>
        <translation>Found %1 serial ports</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="399" />
        <source>Scan any barcode now…</source>
        <translation>Scan any barcode now…</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="403" />
        <source>Printing a test label…</source>
        <translation>Printing a test label…</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="419" />
        <source>Speaking a test verdict…</source>
        <translation>Speaking a test verdict…</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="447" />
        <source>Choose the scanner's serial port (Find serial ports)</source>
        <translation>Choose the scanner's serial port (Find serial ports)</translation>
    </message>
    <message>
        <location filename="../../ui/lead_tabs/settings.py" line="467" />
        <source>Settings saved</source>
        <translation>Settings saved</translation>
    </message>
</context>
<context>
    <name>ShippingTab</name>
    <message>
        <location filename="../../ui/promo/screens.py" line="424" />
        <source>Ship-by</source>
        <translation>Ship-by</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="462" />
        <source>Assign promises to new orders</source>
        <translation>Assign promises to new orders</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="463" />
        <source>Open orders per promise tier</source>
        <translation>Open orders per promise tier</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="475" />
        <source>At risk or overdue: %1 orders, the %2 due first shown (countdown)</source>
        <translation>At risk or overdue: %1 orders, the %2 due first shown (countdown)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="482" />
        <source>At risk or overdue: %1 orders (countdown)</source>
        <translation>At risk or overdue: %1 orders (countdown)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="484" />
        <source>Times in %1</source>
        <translation>Times in %1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="516" />
        <location filename="../../ui/promo/screens.py" line="545" />
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="517" />
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="518" />
        <source>At risk</source>
        <translation>At risk</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="519" />
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="520" />
        <source>Next due</source>
        <translation>Next due</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="543" />
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="544" />
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="546" />
        <source>Ship by</source>
        <translation>Ship by</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="547" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="548" />
        <source>Carrier</source>
        <comment>column</comment>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="549" />
        <source>SKU set</source>
        <comment>column</comment>
        <translation>SKU set</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="579" />
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="582" />
        <source>Promises assigned: %1</source>
        <translation>Promises assigned: %1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="582" />
        <source>no new orders</source>
        <translation>no new orders</translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message>
        <location filename="../../ui/promo/screens.py" line="127" />
        <source>Stock tiers</source>
        <translation>Stock tiers</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="170" />
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="171" />
        <source>Save plan and tiers</source>
        <translation>Save plan and tiers</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="172" />
        <source>Check oversell</source>
        <translation>Check oversell</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="174" />
        <source>Short orders: %1 (latest paid go short first)</source>
        <translation>Short orders: %1 (latest paid go short first)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="194" />
        <source>Re-order now</source>
        <translation>Re-order now</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="204" />
        <location filename="../../ui/promo/screens.py" line="228" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="205" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="206" />
        <source>Tier</source>
        <comment>stock</comment>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="207" />
        <source>Recommended</source>
        <translation>Recommended</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="208" />
        <source>Re-order at</source>
        <translation>Re-order at</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="209" />
        <source>Supply</source>
        <translation>Supply</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="210" />
        <source>Demand</source>
        <translation>Demand</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="211" />
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="212" />
        <source>Re-order</source>
        <translation>Re-order</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="213" />
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="228" />
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="237" />
        <source>Stock plan and tiers saved for %1 SKUs</source>
        <translation>Stock plan and tiers saved for %1 SKUs</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="243" />
        <source>%1 SKU(s) oversold</source>
        <translation>%1 SKU(s) oversold</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="245" />
        <source>Nothing oversold</source>
        <translation>Nothing oversold</translation>
    </message>
</context>
<context>
    <name>parcel state</name>
    <message>
        <location filename="../../ui/promo/common.py" line="68" />
        <source>No parcel yet</source>
        <translation>No parcel yet</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="69" />
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="70" />
        <source>Packed</source>
        <translation>Packed</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="71" />
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="72" />
        <source>Handed off</source>
        <translation>Handed off</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="73" />
        <source>Intercepted</source>
        <translation>Intercepted</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="74" />
        <source>Pulled</source>
        <translation>Pulled</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="75" />
        <source>Voided</source>
        <translation>Voided</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="76" />
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
</context>
<context>
    <name>promo</name>
    <message>
        <location filename="../../ui/promo/common.py" line="55" />
        <source>Core hot</source>
        <translation>Core hot</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="56" />
        <source>Potential new</source>
        <translation>Potential new</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="57" />
        <source>Long tail</source>
        <translation>Long tail</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="60" />
        <source>Paid in first hour</source>
        <translation>Paid in first hour</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="61" />
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="62" />
        <source>Delayed (opted in)</source>
        <translation>Delayed (opted in)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="63" />
        <source>Presale</source>
        <translation>Presale</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="64" />
        <source>No promise yet</source>
        <translation>No promise yet</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="79" />
        <source>Main</source>
        <translation>Main</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="80" />
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="81" />
        <source>Dynamic</source>
        <translation>Dynamic</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="84" />
        <source>East China</source>
        <translation>East China</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="85" />
        <source>North China</source>
        <translation>North China</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="86" />
        <source>South China</source>
        <translation>South China</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="87" />
        <source>Central China</source>
        <translation>Central China</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="88" />
        <source>Southwest China</source>
        <translation>Southwest China</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="89" />
        <source>Northeast China</source>
        <translation>Northeast China</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="90" />
        <source>Northwest China</source>
        <translation>Northwest China</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="91" />
        <source>Unknown region</source>
        <translation>Unknown region</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="94" />
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="95" />
        <source>Batch created</source>
        <translation>Batch created</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="96" />
        <source>Dropped</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="99" />
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="100" />
        <source>Pickup stalled</source>
        <translation>Pickup stalled</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="101" />
        <source>Capacity full</source>
        <translation>Capacity full</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="104" />
        <source>Response</source>
        <translation>Response</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="105" />
        <source>Peak capacity</source>
        <translation>Peak capacity</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="106" />
        <source>On-time coverage</source>
        <translation>On-time coverage</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="107" />
        <source>Exceptions</source>
        <translation>Exceptions</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="108" />
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="111" />
        <source>Carrier failover</source>
        <translation>Carrier failover</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="112" />
        <source>Capacity move</source>
        <translation>Capacity move</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="113" />
        <source>Reprint</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="135" />
        <source>Any (by capacity)</source>
        <translation>Any (by capacity)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="136" />
        <location filename="../../ui/promo/common.py" line="148" />
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="154" />
        <source>no data</source>
        <translation>no data</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="159" />
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
</context>
</TS>