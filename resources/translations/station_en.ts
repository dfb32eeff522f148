<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>BatchesTab</name>
    <message>
        <location filename="../../ui/lead.py" line="177" />
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="178" />
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="179" />
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="180" />
        <source>Print all waybills</source>
        <translation>Print all waybills</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="181" />
        <source>Cancel printing</source>
        <translation>Cancel printing</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="182" />
        <source>New pre-pack batch</source>
        <translation>New pre-pack batch</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="183" />
        <location filename="../../ui/lead.py" line="198" />
        <source>SKU set</source>
        <translation>SKU set</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="184" />
        <location filename="../../ui/lead.py" line="198" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="187" />
        <source>Quantity (0 = all paid orders)</source>
        <translation>Quantity (0 = all paid orders)</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="188" />
        <source>Live session</source>
        <translation>Live session</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="189" />
        <source>Create batch</source>
        <translation>Create batch</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="190" />
        <source>Reprint or void a waybill</source>
        <translation>Reprint or void a waybill</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="191" />
        <source>Waybill / label</source>
        <translation>Waybill / label</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="192" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="193" />
        <source>Reprint</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="194" />
        <source>Void</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="198" />
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="198" />
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="198" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="199" />
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="199" />
        <source>Packed</source>
        <translation>Packed</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="199" />
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="199" />
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="200" />
        <location filename="../../ui/lead.py" line="221" />
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="200" />
        <location filename="../../ui/lead.py" line="221" />
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="200" />
        <location filename="../../ui/lead.py" line="221" />
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="201" />
        <location filename="../../ui/lead.py" line="222" />
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="185" />
        <location filename="../../ui/lead.py" line="201" />
        <source>pre-sale</source>
        <translation>pre-sale</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="186" />
        <location filename="../../ui/lead.py" line="201" />
        <source>anonymous</source>
        <translation>anonymous</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="217" />
        <location filename="../../ui/lead.py" line="250" />
        <source>Select a batch first</source>
        <translation>Select a batch first</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="223" />
        <source>Batch %1 is now %2</source>
        <translation>Batch %1 is now %2</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="233" />
        <source>Enter the SKU set, e.g. SKU-LIP-01*1</source>
        <translation>Enter the SKU set, e.g. SKU-LIP-01*1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="238" />
        <source>Created batch %1 with %2 parcels</source>
        <translation>Created batch %1 with %2 parcels</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="253" />
        <location filename="../../ui/lead.py" line="313" />
        <source>No printer: set one in Settings</source>
        <translation>No printer: set one in Settings</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="264" />
        <source>Nothing to print: every waybill of %1 is printed</source>
        <translation>Nothing to print: every waybill of %1 is printed</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="270" />
        <source>Printing %1 waybills of %2</source>
        <translation>Printing %1 waybills of %2</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="299" />
        <source>Printing cancelled; %1 labels not printed</source>
        <translation>Printing cancelled; %1 labels not printed</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="310" />
        <location filename="../../ui/lead.py" line="338" />
        <source>Enter the waybill and a reason</source>
        <translation>Enter the waybill and a reason</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="318" />
        <source>Reprint of %1 sent to the printer</source>
        <translation>Reprint of %1 sent to the printer</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="342" />
        <source>Waybill %1 voided</source>
        <translation>Waybill %1 voided</translation>
    </message>
</context>
<context>
    <name>CarriersTab</name>
    <message>
        <location filename="../../ui/promo/screens.py" line="437" />
        <source>Carriers</source>
        <translation>Carriers</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="491" />
        <source>Allocate carriers</source>
        <translation>Allocate carriers</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="492" />
        <source>Check pickups and capacity</source>
        <translation>Check pickups and capacity</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="493" />
        <source>Export open orders (warehouse failover)</source>
        <translation>Export open orders (warehouse failover)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="494" />
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="495" />
        <source>Why it is failing, e.g. hub overloaded</source>
        <translation>Why it is failing, e.g. hub overloaded</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="496" />
        <source>Mark failing and fail over</source>
        <translation>Mark failing and fail over</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="497" />
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="498" />
        <source>Split: target and realised (today's capacity)</source>
        <translation>Split: target and realised (today's capacity)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="501" />
        <source>Failovers: %1</source>
        <translation>Failovers: %1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="502" />
        <source>Waybills waiting to print: %1</source>
        <translation>Waybills waiting to print: %1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="503" />
        <source>Times in %1</source>
        <translation>Times in %1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="518" />
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="526" />
        <source>FAILING</source>
        <translation>FAILING</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="528" />
        <location filename="../../ui/promo/screens.py" line="550" />
        <location filename="../../ui/promo/screens.py" line="557" />
        <source>Carrier</source>
        <comment>column</comment>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="528" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="528" />
        <source>Regions</source>
        <translation>Regions</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="529" />
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="529" />
        <source>Realised</source>
        <translation>Realised</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="529" />
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="530" />
        <source>Capacity</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="530" />
        <source>Used today</source>
        <translation>Used today</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="530" />
        <source>Left</source>
        <comment>capacity</comment>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="531" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="547" />
        <source>not restored</source>
        <translation>not restored</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="550" />
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="550" />
        <location filename="../../ui/promo/screens.py" line="558" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="551" />
        <source>Failed over at</source>
        <translation>Failed over at</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="551" />
        <source>Orders moved</source>
        <translation>Orders moved</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="551" />
        <source>Moved to</source>
        <translation>Moved to</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="552" />
        <source>Restored at</source>
        <translation>Restored at</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="557" />
        <source>New waybill</source>
        <translation>New waybill</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="557" />
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="558" />
        <source>Parcel</source>
        <translation>Parcel</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="558" />
        <source>Requested at</source>
        <translation>Requested at</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="565" />
        <source>Pick a carrier first</source>
        <translation>Pick a carrier first</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="571" />
        <source>%1 order(s) allocated</source>
        <translation>%1 order(s) allocated</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="577" />
        <source>Carriers with problems: %1</source>
        <translation>Carriers with problems: %1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="578" />
        <location filename="../../ui/promo/screens.py" line="592" />
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="580" />
        <source>Every carrier is picking up and has capacity</source>
        <translation>Every carrier is picking up and has capacity</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="592" />
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="593" />
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="594" />
        <source>%1 failed over: %2 orders moved (%3), %4 waybills to reprint</source>
        <translation>%1 failed over: %2 orders moved (%3), %4 waybills to reprint</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="605" />
        <source>%1 restored</source>
        <translation>%1 restored</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="616" />
        <source>%1 orders exported to %2</source>
        <translation>%1 orders exported to %2</translation>
    </message>
</context>
<context>
    <name>DiscrepanciesTab</name>
    <message>
        <location filename="../../ui/lead.py" line="577" />
        <source>Confirm the selected parcel was pulled</source>
        <translation>Confirm the selected parcel was pulled</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="578" />
        <source>Void the selected waybill (reason)</source>
        <translation>Void the selected waybill (reason)</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="579" />
        <source>Reason, e.g. damaged, customer changed address</source>
        <translation>Reason, e.g. damaged, customer changed address</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="584" />
        <source>Times in %1</source>
        <translation>Times in %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="585" />
        <source>Verified but not handed off: %1</source>
        <translation>Verified but not handed off: %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="586" />
        <source>Intercepted but not pulled: %1</source>
        <translation>Intercepted but not pulled: %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="599" />
        <location filename="../../ui/lead.py" line="602" />
        <source>Waybill</source>
        <translation>Waybill</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="599" />
        <location filename="../../ui/lead.py" line="602" />
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="599" />
        <location filename="../../ui/lead.py" line="602" />
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="599" />
        <source>Verified at</source>
        <translation>Verified at</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="600" />
        <location filename="../../ui/lead.py" line="603" />
        <source>Parcel</source>
        <translation>Parcel</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="602" />
        <source>Intercepted at</source>
        <translation>Intercepted at</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="611" />
        <source>Select an intercepted parcel first</source>
        <translation>Select an intercepted parcel first</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="624" />
        <source>Select a parcel first</source>
        <translation>Select a parcel first</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="628" />
        <source>Waybill %1 voided</source>
        <translation>Waybill %1 voided</translation>
    </message>
</context>
<context>
    <name>HandoffsTab</name>
    <message>
        <location filename="../../ui/lead.py" line="450" />
        <source>Carrier handoff</source>
        <translation>Carrier handoff</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="451" />
        <location filename="../../ui/lead.py" line="460" />
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="452" />
        <source>Courier name</source>
        <translation>Courier name</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="453" />
        <location filename="../../ui/lead.py" line="460" />
        <source>Vehicle</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="454" />
        <source>Open handoff</source>
        <translation>Open handoff</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="455" />
        <source>Close &amp;&amp; print manifest</source>
        <translation>Close &amp;&amp; print manifest</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="456" />
        <source>Scan into this handoff</source>
        <translation>Scan into this handoff</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="460" />
        <source>Handoff</source>
        <translation>Handoff</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="460" />
        <source>Courier</source>
        <translation>Courier</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="460" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="461" />
        <source>Parcels</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="461" />
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="461" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="462" />
        <source>Times in %1</source>
        <translation>Times in %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="466" />
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="466" />
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="485" />
        <source>Choose a carrier</source>
        <translation>Choose a carrier</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="489" />
        <source>Opened handoff %1 for %2</source>
        <translation>Opened handoff %1 for %2</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="500" />
        <location filename="../../ui/lead.py" line="531" />
        <source>Select a handoff first</source>
        <translation>Select a handoff first</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="509" />
        <source>Handoff %1 closed; manifest saved to %2</source>
        <translation>Handoff %1 closed; manifest saved to %2</translation>
    </message>
</context>
<context>
    <name>LeadArea</name>
    <message>
        <location filename="../../ui/lead.py" line="743" />
        <source>Shift lead: scan your badge and enter your PIN</source>
        <translation>Shift lead: scan your badge and enter your PIN</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="744" />
        <source>Lead code</source>
        <translation>Lead code</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="745" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="746" />
        <source>Back to packing (Esc)</source>
        <translation>Back to packing (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="747" />
        <source>Batches</source>
        <translation>Batches</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="747" />
        <source>Handoffs</source>
        <translation>Handoffs</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="748" />
        <source>Discrepancies</source>
        <translation>Discrepancies</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="748" />
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="749" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="749" />
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="756" />
        <location filename="../../ui/lead.py" line="780" />
        <source>Shift lead: %1</source>
        <translation>Shift lead: %1</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../ui/window.py" line="239" />
        <source>Scan your badge, or type your operator code and press Enter</source>
        <translation>Scan your badge, or type your operator code and press Enter</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="241" />
        <source>Please log in</source>
        <translation>Please log in</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="241" />
        <source>Scan your badge</source>
        <translation>Scan your badge</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/window.py" line="358" />
        <source>Packing station</source>
        <translation>Packing station</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="363" />
        <source>Station data: %1</source>
        <translation>Station data: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="453" />
        <source>Welcome, %1</source>
        <translation>Welcome, %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="454" />
        <source>Scan a parcel, or press F1-F5 to change mode</source>
        <translation>Scan a parcel, or press F1-F5 to change mode</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="462" />
        <location filename="../../ui/window.py" line="472" />
        <location filename="../../ui/window.py" line="551" />
        <location filename="../../ui/window.py" line="728" />
        <source>Scan your badge</source>
        <translation>Scan your badge</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="472" />
        <source>Please log in</source>
        <translation>Please log in</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="486" />
        <source>Scan the pre-pack label of each parcel of the batch</source>
        <translation>Scan the pre-pack label of each parcel of the batch</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="487" />
        <source>Scan each staged parcel's waybill</source>
        <translation>Scan each staged parcel's waybill</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="488" />
        <source>Scan each parcel as it goes into the carrier's cage</source>
        <translation>Scan each parcel as it goes into the carrier's cage</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="489" />
        <source>Scan each intercepted parcel you pulled from the line</source>
        <translation>Scan each intercepted parcel you pulled from the line</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="490" />
        <source>Scan each returned parcel</source>
        <translation>Scan each returned parcel</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="525" />
        <source>Return reason: %1</source>
        <translation>Return reason: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="525" />
        <source>not chosen</source>
        <translation>not chosen</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="527" />
        <source>Put it into: %1</source>
        <translation>Put it into: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="529" />
        <source>Choose the reason: Ctrl+1…5 or scan a #REASON card</source>
        <translation>Choose the reason: Ctrl+1…5 or scan a #REASON card</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="531" />
        <source>Choose where it goes: Alt+1…3 or scan a #DISPOSE card</source>
        <translation>Choose where it goes: Alt+1…3 or scan a #DISPOSE card</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="578" />
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="578" />
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="578" />
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="579" />
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="579" />
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="579" />
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="594" />
        <source>Pack batch</source>
        <translation>Pack batch</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="594" />
        <source>Verify &amp; box</source>
        <translation>Verify &amp; box</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="594" />
        <source>Hand off</source>
        <translation>Hand off</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="595" />
        <source>Pull intercepts</source>
        <translation>Pull intercepts</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="595" />
        <source>Returns</source>
        <translation>Returns</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="610" />
        <source>Batch %1</source>
        <translation>Batch %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="629" />
        <source>Handoff %1</source>
        <translation>Handoff %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="574" />
        <location filename="../../ui/window.py" line="649" />
        <source>Scan the right card</source>
        <translation>Scan the right card</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="692" />
        <source>On duty: %1</source>
        <translation>On duty: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="693" />
        <source>Nobody logged in</source>
        <translation>Nobody logged in</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="696" />
        <source>Batch: %1</source>
        <translation>Batch: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="698" />
        <source>Handoff: %1</source>
        <translation>Handoff: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="551" />
        <location filename="../../ui/window.py" line="728" />
        <source>Log in first</source>
        <translation>Log in first</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="700" />
        <source>Return reason: not chosen (Ctrl+1…5, Alt+1…3)</source>
        <translation>Return reason: not chosen (Ctrl+1…5, Alt+1…3)</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="746" />
        <source>Unknown command card: %1</source>
        <translation>Unknown command card: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="788" />
        <source>Scan again; if it repeats call the lead</source>
        <translation>Scan again; if it repeats call the lead</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="802" />
        <source>%1 · packed %2 · verified %3</source>
        <translation>%1 · packed %2 · verified %3</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="806" />
        <source>no batch selected (F6)</source>
        <translation>no batch selected (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="813" />
        <source>no handoff selected (F7)</source>
        <translation>no handoff selected (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="815" />
        <source>this station</source>
        <translation>this station</translation>
    </message>
</context>
<context>
    <name>ModeBar</name>
    <message>
        <location filename="../../ui/window.py" line="94" />
        <source>F1 Pack batch</source>
        <translation>F1 Pack batch</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="94" />
        <source>F2 Verify &amp;&amp; box</source>
        <translation>F2 Verify &amp;&amp; box</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="95" />
        <source>F3 Hand off</source>
        <translation>F3 Hand off</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="95" />
        <source>F4 Pull intercept</source>
        <translation>F4 Pull intercept</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="96" />
        <source>F5 Returns</source>
        <translation>F5 Returns</translation>
    </message>
</context>
<context>
    <name>OversellBanner</name>
    <message>
        <location filename="../../ui/promo/common.py" line="387" />
        <source>%1 demand %2 &gt; supply %3 (stock %4 + pre-packed %5), %6 orders short</source>
        <translation>%1 demand %2 &gt; supply %3 (stock %4 + pre-packed %5), %6 orders short</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="391" />
        <source>%1 more SKU(s)</source>
        <translation>%1 more SKU(s)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="392" />
        <source>⚠ OVERSELL: %1. Re-stock or tell the platform.</source>
        <translation>⚠ OVERSELL: %1. Re-stock or tell the platform.</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="393" />
        <source>; </source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>PackerPage</name>
    <message>
        <location filename="../../ui/window.py" line="200" />
        <source>This batch</source>
        <translation>This batch</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="201" />
        <source>This handoff</source>
        <translation>This handoff</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="202" />
        <source>Parcels this hour</source>
        <translation>Parcels this hour</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="203" />
        <source>Scan or type:</source>
        <translation>Scan or type:</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="204" />
        <source>F6 Batch:</source>
        <translation>F6 Batch:</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="205" />
        <source>F7 Handoff:</source>
        <translation>F7 Handoff:</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="214" />
        <source>F1-F5 mode · F6 batch · F7 handoff · F8 log out · F9 shift lead · F10 settings · F12 中文/English · or scan a command card</source>
        <translation>F1-F5 mode · F6 batch · F7 handoff · F8 log out · F9 shift lead · F10 settings · F12 中文/English · or scan a command card</translation>
    </message>
</context>
<context>
    <name>PlansTab</name>
    <message>
        <location filename="../../ui/promo/screens.py" line="177" />
        <source>Pre-pack plans</source>
        <translation>Pre-pack plans</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="207" />
        <source>Suggest from stock plan</source>
        <translation>Suggest from stock plan</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="208" />
        <source>Save quantities</source>
        <translation>Save quantities</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="209" />
        <source>Save and create batches</source>
        <translation>Save and create batches</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="210" />
        <source>Times in %1</source>
        <translation>Times in %1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="222" />
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="222" />
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="222" />
        <source>SKU set</source>
        <translation>SKU set</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="223" />
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="223" />
        <source>Suggested</source>
        <translation>Suggested</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="223" />
        <source>Pack from</source>
        <translation>Pack from</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="224" />
        <source>Pack until</source>
        <translation>Pack until</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="224" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="224" />
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="253" />
        <source>%1 plan(s) suggested</source>
        <translation>%1 plan(s) suggested</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="258" />
        <source>Saved; %1 batch(es) created</source>
        <translation>Saved; %1 batch(es) created</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="260" />
        <source>Quantities saved</source>
        <translation>Quantities saved</translation>
    </message>
</context>
<context>
    <name>PromoReviewTab</name>
    <message>
        <location filename="../../ui/promo/screens.py" line="777" />
        <source>Promo review</source>
        <translation>Promo review</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="821" />
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="822" />
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="823" />
        <source>Export PDF (charts)</source>
        <translation>Export PDF (charts)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="824" />
        <source>Stock accuracy</source>
        <translation>Stock accuracy</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="825" />
        <source>On time per promise tier</source>
        <translation>On time per promise tier</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="826" />
        <source>Carrier scorecard (next promo's split)</source>
        <translation>Carrier scorecard (next promo's split)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="837" />
        <source>Orders %1 (%2 cancelled)  ·  intercepts before handoff %3, after %4  ·  cancel to pull avg %5 min  ·  failovers %6 (%7 orders moved)  ·  return rate %8</source>
        <translation>Orders %1 (%2 cancelled)  ·  intercepts before handoff %3, after %4  ·  cancel to pull avg %5 min  ·  failovers %6 (%7 orders moved)  ·  return rate %8</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="844" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="844" />
        <source>Tier</source>
        <comment>stock</comment>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="844" />
        <source>Recommended</source>
        <translation>Recommended</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="845" />
        <source>Supply</source>
        <translation>Supply</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="845" />
        <source>Demand</source>
        <translation>Demand</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="845" />
        <source>Oversold</source>
        <translation>Oversold</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="846" />
        <source>Overstocked</source>
        <translation>Overstocked</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="846" />
        <source>Sell-through</source>
        <translation>Sell-through</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="852" />
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="852" />
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="852" />
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="852" />
        <source>Late</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="853" />
        <source>Open</source>
        <comment>review</comment>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="853" />
        <source>On-time rate</source>
        <translation>On-time rate</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="853" />
        <source>With compensation</source>
        <translation>With compensation</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="860" />
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="860" />
        <source>Carrier</source>
        <comment>column</comment>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="860" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="861" />
        <source>Response (h)</source>
        <translation>Response (h)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="861" />
        <source>Response %1%</source>
        <translation>Response %1%</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="862" />
        <source>Peak (parcels/day)</source>
        <translation>Peak (parcels/day)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="862" />
        <source>Peak %1%</source>
        <translation>Peak %1%</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="863" />
        <source>Next-day %1%</source>
        <translation>Next-day %1%</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="864" />
        <source>Exceptions %1%</source>
        <translation>Exceptions %1%</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="865" />
        <source>Cost (CNY)</source>
        <translation>Cost (CNY)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="865" />
        <source>Cost %1%</source>
        <translation>Cost %1%</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="886" />
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="887" />
        <source>Suggested for the next promo: main %1; backups %2; dynamic %3</source>
        <translation>Suggested for the next promo: main %1; backups %2; dynamic %3</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="892" />
        <source>Refresh first</source>
        <translation>Refresh first</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="899" />
        <source>Exported %1</source>
        <translation>Exported %1</translation>
    </message>
</context>
<context>
    <name>PromoTab</name>
    <message>
        <location filename="../../ui/promo/common.py" line="257" />
        <source>Failed, nothing was changed: %1</source>
        <translation>Failed, nothing was changed: %1</translation>
    </message>
</context>
<context>
    <name>ReturnsTab</name>
    <message>
        <location filename="../../ui/promo/screens.py" line="639" />
        <source>Returns</source>
        <translation>Returns</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="686" />
        <source>Reason</source>
        <comment>return</comment>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="687" />
        <source>Disposition</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="691" />
        <source>Use for return mode</source>
        <translation>Use for return mode</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="692" />
        <source>Record by hand</source>
        <translation>Record by hand</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="693" />
        <source>Scan waybill or order number</source>
        <translation>Scan waybill or order number</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="694" />
        <source>Record return</source>
        <translation>Record return</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="695" />
        <source>Per SKU</source>
        <translation>Per SKU</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="696" />
        <source>Per live session</source>
        <translation>Per live session</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="703" />
        <source>Shipped</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="703" />
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="703" />
        <source>Return rate</source>
        <translation>Return rate</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="709" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="711" />
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="720" />
        <source>Return mode will record: %1 · %2</source>
        <translation>Return mode will record: %1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="726" />
        <source>Scan a waybill or order number first</source>
        <translation>Scan a waybill or order number first</translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <location filename="../../ui/review.py" line="138" />
        <source>Shift:</source>
        <translation>Shift:</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="140" />
        <source>last %1 hours</source>
        <translation>last %1 hours</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="141" />
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="142" />
        <source>Export PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="143" />
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="160" />
        <source>Handed off: %1 parcels</source>
        <translation>Handed off: %1 parcels</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="161" />
        <source>Times in %1</source>
        <translation>Times in %1</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="163" />
        <location filename="../../ui/review.py" line="167" />
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="163" />
        <location filename="../../ui/review.py" line="165" />
        <location filename="../../ui/review.py" line="167" />
        <source>Parcels</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="163" />
        <source>Handoffs</source>
        <translation>Handoffs</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="165" />
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="167" />
        <source>Hour</source>
        <translation>Hour</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="202" />
        <source>Hour (%1)</source>
        <translation>Hour (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="203" />
        <source>Parcels handed off per hour and carrier</source>
        <translation>Parcels handed off per hour and carrier</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="208" />
        <source>Nothing loaded yet</source>
        <translation>Nothing loaded yet</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="213" />
        <source>Shift review: handoff counts</source>
        <translation>Shift review: handoff counts</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="217" />
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../../ui/settings_page.py" line="158" />
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="159" />
        <source>Serial port scanner</source>
        <translation>Serial port scanner</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="160" />
        <source>Keyboard-wedge (USB HID) scanner</source>
        <translation>Keyboard-wedge (USB HID) scanner</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="161" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="162" />
        <location filename="../../ui/settings_page.py" line="170" />
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="163" />
        <source>Baud</source>
        <translation>Baud</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="164" />
        <source>Find serial ports</source>
        <translation>Find serial ports</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="165" />
        <source>Test scan</source>
        <translation>Test scan</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="166" />
        <source>Label printer</source>
        <translation>Label printer</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="167" />
        <source>Printer address</source>
        <translation>Printer address</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="168" />
        <source>Print test label</source>
        <translation>Print test label</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="169" />
        <source>Scale</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="171" />
        <source>Weigh parcels in verify mode</source>
        <translation>Weigh parcels in verify mode</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="172" />
        <source>Read scale</source>
        <translation>Read scale</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="173" />
        <source>Upstream address</source>
        <translation>Upstream address</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="174" />
        <source>Station token</source>
        <translation>Station token</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="175" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="176" />
        <source>Verdict sounds</source>
        <translation>Verdict sounds</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="177" />
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="178" />
        <source>This computer's zone (%1)</source>
        <translation>This computer's zone (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="179" />
        <source>Upstream, language and time</source>
        <translation>Upstream, language and time</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="180" />
        <source>Save and apply</source>
        <translation>Save and apply</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="209" />
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="211" />
        <source>In effect: suffix %1 · prefix %2 · %3 · AIM ids %4 · feedback %5</source>
        <translation>In effect: suffix %1 · prefix %2 · %3 · AIM ids %4 · feedback %5</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="214" />
        <source>stripped</source>
        <translation>stripped</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="214" />
        <source>kept</source>
        <translation>kept</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="234" />
        <source>Found %1 serial ports</source>
        <translation>Found %1 serial ports</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="243" />
        <source>Scan any barcode now…</source>
        <translation>Scan any barcode now…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="247" />
        <source>Printing a test label…</source>
        <translation>Printing a test label…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="275" />
        <source>Choose the scanner's serial port (Find serial ports)</source>
        <translation>Choose the scanner's serial port (Find serial ports)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="300" />
        <source>Settings saved</source>
        <translation>Settings saved</translation>
    </message>
</context>
<context>
    <name>ShippingTab</name>
    <message>
        <location filename="../../ui/promo/screens.py" line="283" />
        <source>Ship-by</source>
        <translation>Ship-by</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="321" />
        <source>Assign promises to new orders</source>
        <translation>Assign promises to new orders</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="322" />
        <source>Open orders per promise tier</source>
        <translation>Open orders per promise tier</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="328" />
        <source>At risk or overdue: %1 orders, the %2 due first shown (countdown)</source>
        <translation>At risk or overdue: %1 orders, the %2 due first shown (countdown)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="330" />
        <source>At risk or overdue: %1 orders (countdown)</source>
        <translation>At risk or overdue: %1 orders (countdown)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="331" />
        <source>Times in %1</source>
        <translation>Times in %1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="354" />
        <location filename="../../ui/promo/screens.py" line="363" />
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="354" />
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="354" />
        <source>At risk</source>
        <translation>At risk</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="355" />
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="355" />
        <source>Next due</source>
        <translation>Next due</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="363" />
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="363" />
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="364" />
        <source>Ship by</source>
        <translation>Ship by</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="364" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="364" />
        <source>Carrier</source>
        <comment>column</comment>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="365" />
        <source>SKU set</source>
        <comment>column</comment>
        <translation>SKU set</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="390" />
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="391" />
        <source>Promises assigned: %1</source>
        <translation>Promises assigned: %1</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="391" />
        <source>no new orders</source>
        <translation>no new orders</translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message>
        <location filename="../../ui/promo/screens.py" line="73" />
        <source>Stock tiers</source>
        <translation>Stock tiers</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="106" />
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="107" />
        <source>Save plan and tiers</source>
        <translation>Save plan and tiers</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="108" />
        <source>Check oversell</source>
        <translation>Check oversell</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="110" />
        <source>Short orders: %1 (latest paid go short first)</source>
        <translation>Short orders: %1 (latest paid go short first)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="125" />
        <source>Re-order now</source>
        <translation>Re-order now</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="128" />
        <location filename="../../ui/promo/screens.py" line="136" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="128" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="128" />
        <source>Tier</source>
        <comment>stock</comment>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="129" />
        <source>Recommended</source>
        <translation>Recommended</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="129" />
        <source>Re-order at</source>
        <translation>Re-order at</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="129" />
        <source>Supply</source>
        <translation>Supply</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="130" />
        <source>Demand</source>
        <translation>Demand</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="130" />
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="130" />
        <source>Re-order</source>
        <translation>Re-order</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="131" />
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="136" />
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="142" />
        <source>Stock plan and tiers saved for %1 SKUs</source>
        <translation>Stock plan and tiers saved for %1 SKUs</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="147" />
        <source>%1 SKU(s) oversold</source>
        <translation>%1 SKU(s) oversold</translation>
    </message>
    <message>
        <location filename="../../ui/promo/screens.py" line="149" />
        <source>Nothing oversold</source>
        <translation>Nothing oversold</translation>
    </message>
</context>
<context>
    <name>parcel state</name>
    <message>
        <location filename="../../ui/promo/common.py" line="50" />
        <source>No parcel yet</source>
        <translation>No parcel yet</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="51" />
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="52" />
        <source>Packed</source>
        <translation>Packed</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="53" />
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="54" />
        <source>Handed off</source>
        <translation>Handed off</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="55" />
        <source>Intercepted</source>
        <translation>Intercepted</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="56" />
        <source>Pulled</source>
        <translation>Pulled</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="57" />
        <source>Voided</source>
        <translation>Voided</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="58" />
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
</context>
<context>
    <name>promo</name>
    <message>
        <location filename="../../ui/promo/common.py" line="42" />
        <source>Core hot</source>
        <translation>Core hot</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="43" />
        <source>Potential new</source>
        <translation>Potential new</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="44" />
        <source>Long tail</source>
        <translation>Long tail</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="45" />
        <source>Paid in first hour</source>
        <translation>Paid in first hour</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="46" />
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="47" />
        <source>Delayed (opted in)</source>
        <translation>Delayed (opted in)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="59" />
        <source>Main</source>
        <translation>Main</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="60" />
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="61" />
        <source>Dynamic</source>
        <translation>Dynamic</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="62" />
        <source>East China</source>
        <translation>East China</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="63" />
        <source>North China</source>
        <translation>North China</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="64" />
        <source>South China</source>
        <translation>South China</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="65" />
        <source>Central China</source>
        <translation>Central China</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="66" />
        <source>Southwest China</source>
        <translation>Southwest China</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="67" />
        <source>Northeast China</source>
        <translation>Northeast China</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="68" />
        <source>Northwest China</source>
        <translation>Northwest China</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="69" />
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="70" />
        <source>Batch created</source>
        <translation>Batch created</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="71" />
        <source>Dropped</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="72" />
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="73" />
        <source>Pickup stalled</source>
        <translation>Pickup stalled</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="74" />
        <source>Capacity full</source>
        <translation>Capacity full</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="75" />
        <source>Carrier failover</source>
        <translation>Carrier failover</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="76" />
        <source>Capacity move</source>
        <translation>Capacity move</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="77" />
        <source>Reprint</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="98" />
        <source>Any (by capacity)</source>
        <translation>Any (by capacity)</translation>
    </message>
    <message>
        <location filename="../../ui/promo/common.py" line="99" />
        <location filename="../../ui/promo/common.py" line="111" />
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
</TS>