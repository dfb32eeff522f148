<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>BatchesTab</name>
    <message>
        <location filename="../../ui/lead.py" line="242" />
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="243" />
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="244" />
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="245" />
        <source>Print all waybills</source>
        <translation>Print all waybills</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="246" />
        <source>Cancel printing</source>
        <translation>Cancel printing</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="247" />
        <source>New pre-pack batch</source>
        <translation>New pre-pack batch</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="248" />
        <location filename="../../ui/lead.py" line="263" />
        <source>SKU set</source>
        <translation>SKU set</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="249" />
        <location filename="../../ui/lead.py" line="263" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="252" />
        <source>Quantity (0 = all paid orders)</source>
        <translation>Quantity (0 = all paid orders)</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="253" />
        <source>Live session</source>
        <translation>Live session</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="254" />
        <source>Create batch</source>
        <translation>Create batch</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="255" />
        <source>Reprint or void a waybill</source>
        <translation>Reprint or void a waybill</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="256" />
        <source>Waybill / label</source>
        <translation>Waybill / label</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="257" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="258" />
        <source>Reprint</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="259" />
        <source>Void</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="263" />
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="263" />
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="263" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="264" />
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="264" />
        <source>Packed</source>
        <translation>Packed</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="264" />
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="264" />
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="265" />
        <location filename="../../ui/lead.py" line="286" />
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="265" />
        <location filename="../../ui/lead.py" line="286" />
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="265" />
        <location filename="../../ui/lead.py" line="286" />
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="266" />
        <location filename="../../ui/lead.py" line="287" />
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="250" />
        <location filename="../../ui/lead.py" line="266" />
        <source>pre-sale</source>
        <translation>pre-sale</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="251" />
        <location filename="../../ui/lead.py" line="266" />
        <source>anonymous</source>
        <translation>anonymous</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="282" />
        <location filename="../../ui/lead.py" line="315" />
        <source>Select a batch first</source>
        <translation>Select a batch first</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="288" />
        <source>Batch %1 is now %2</source>
        <translation>Batch %1 is now %2</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="298" />
        <source>Enter the SKU set, e.g. SKU-LIP-01*1</source>
        <translation>Enter the SKU set, e.g. SKU-LIP-01*1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="303" />
        <source>Created batch %1 with %2 parcels</source>
        <translation>Created batch %1 with %2 parcels</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="318" />
        <location filename="../../ui/lead.py" line="378" />
        <source>No printer: set one in Settings</source>
        <translation>No printer: set one in Settings</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="329" />
        <source>Nothing to print: every waybill of %1 is printed</source>
        <translation>Nothing to print: every waybill of %1 is printed</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="335" />
        <source>Printing %1 waybills of %2</source>
        <translation>Printing %1 waybills of %2</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="364" />
        <source>Printing cancelled; %1 labels not printed</source>
        <translation>Printing cancelled; %1 labels not printed</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="375" />
        <location filename="../../ui/lead.py" line="403" />
        <source>Enter the waybill and a reason</source>
        <translation>Enter the waybill and a reason</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="383" />
        <source>Reprint of %1 sent to the printer</source>
        <translation>Reprint of %1 sent to the printer</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="407" />
        <source>Waybill %1 voided</source>
        <translation>Waybill %1 voided</translation>
    </message>
</context>
<context>
    <name>DiscrepanciesTab</name>
    <message>
        <location filename="../../ui/lead.py" line="642" />
        <source>Confirm the selected parcel was pulled</source>
        <translation>Confirm the selected parcel was pulled</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="643" />
        <source>Void the selected waybill (reason)</source>
        <translation>Void the selected waybill (reason)</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="644" />
        <source>Reason, e.g. damaged, customer changed address</source>
        <translation>Reason, e.g. damaged, customer changed address</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="649" />
        <source>Times in %1</source>
        <translation>Times in %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="650" />
        <source>Verified but not handed off: %1</source>
        <translation>Verified but not handed off: %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="651" />
        <source>Intercepted but not pulled: %1</source>
        <translation>Intercepted but not pulled: %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="664" />
        <location filename="../../ui/lead.py" line="667" />
        <source>Waybill</source>
        <translation>Waybill</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="664" />
        <location filename="../../ui/lead.py" line="667" />
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="664" />
        <location filename="../../ui/lead.py" line="667" />
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="664" />
        <source>Verified at</source>
        <translation>Verified at</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="665" />
        <location filename="../../ui/lead.py" line="668" />
        <source>Parcel</source>
        <translation>Parcel</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="667" />
        <source>Intercepted at</source>
        <translation>Intercepted at</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="676" />
        <source>Select an intercepted parcel first</source>
        <translation>Select an intercepted parcel first</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="689" />
        <source>Select a parcel first</source>
        <translation>Select a parcel first</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="693" />
        <source>Waybill %1 voided</source>
        <translation>Waybill %1 voided</translation>
    </message>
</context>
<context>
    <name>HandoffsTab</name>
    <message>
        <location filename="../../ui/lead.py" line="515" />
        <source>Carrier handoff</source>
        <translation>Carrier handoff</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="516" />
        <location filename="../../ui/lead.py" line="525" />
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="517" />
        <source>Courier name</source>
        <translation>Courier name</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="518" />
        <location filename="../../ui/lead.py" line="525" />
        <source>Vehicle</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="519" />
        <source>Open handoff</source>
        <translation>Open handoff</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="520" />
        <source>Close &amp;&amp; print manifest</source>
        <translation>Close &amp;&amp; print manifest</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="521" />
        <source>Scan into this handoff</source>
        <translation>Scan into this handoff</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="525" />
        <source>Handoff</source>
        <translation>Handoff</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="525" />
        <source>Courier</source>
        <translation>Courier</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="525" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="526" />
        <source>Parcels</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="526" />
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="526" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="527" />
        <source>Times in %1</source>
        <translation>Times in %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="531" />
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="531" />
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="550" />
        <source>Choose a carrier</source>
        <translation>Choose a carrier</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="554" />
        <source>Opened handoff %1 for %2</source>
        <translation>Opened handoff %1 for %2</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="565" />
        <location filename="../../ui/lead.py" line="596" />
        <source>Select a handoff first</source>
        <translation>Select a handoff first</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="574" />
        <source>Handoff %1 closed; manifest saved to %2</source>
        <translation>Handoff %1 closed; manifest saved to %2</translation>
    </message>
</context>
<context>
    <name>LeadArea</name>
    <message>
        <location filename="../../ui/lead.py" line="803" />
        <source>Shift lead: scan your badge and enter your PIN</source>
        <translation>Shift lead: scan your badge and enter your PIN</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="804" />
        <source>Lead code</source>
        <translation>Lead code</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="805" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="806" />
        <source>Back to packing (Esc)</source>
        <translation>Back to packing (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="807" />
        <source>Batches</source>
        <translation>Batches</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="807" />
        <source>Handoffs</source>
        <translation>Handoffs</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="808" />
        <source>Discrepancies</source>
        <translation>Discrepancies</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="808" />
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="809" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="809" />
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="816" />
        <location filename="../../ui/lead.py" line="840" />
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
        <location filename="../../ui/window.py" line="354" />
        <source>Packing station</source>
        <translation>Packing station</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="359" />
        <source>Station data: %1</source>
        <translation>Station data: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="449" />
        <source>Welcome, %1</source>
        <translation>Welcome, %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="450" />
        <source>Scan a parcel, or press F1-F5 to change mode</source>
        <translation>Scan a parcel, or press F1-F5 to change mode</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="458" />
        <location filename="../../ui/window.py" line="468" />
        <location filename="../../ui/window.py" line="547" />
        <location filename="../../ui/window.py" line="724" />
        <source>Scan your badge</source>
        <translation>Scan your badge</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="468" />
        <source>Please log in</source>
        <translation>Please log in</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="482" />
        <source>Scan the pre-pack label of each parcel of the batch</source>
        <translation>Scan the pre-pack label of each parcel of the batch</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="483" />
        <source>Scan each staged parcel's waybill</source>
        <translation>Scan each staged parcel's waybill</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="484" />
        <source>Scan each parcel as it goes into the carrier's cage</source>
        <translation>Scan each parcel as it goes into the carrier's cage</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="485" />
        <source>Scan each intercepted parcel you pulled from the line</source>
        <translation>Scan each intercepted parcel you pulled from the line</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="486" />
        <source>Scan each returned parcel</source>
        <translation>Scan each returned parcel</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="521" />
        <source>Return reason: %1</source>
        <translation>Return reason: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="521" />
        <source>not chosen</source>
        <translation>not chosen</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="523" />
        <source>Put it into: %1</source>
        <translation>Put it into: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="525" />
        <source>Choose the reason: Ctrl+1…5 or scan a #REASON card</source>
        <translation>Choose the reason: Ctrl+1…5 or scan a #REASON card</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="527" />
        <source>Choose where it goes: Alt+1…3 or scan a #DISPOSE card</source>
        <translation>Choose where it goes: Alt+1…3 or scan a #DISPOSE card</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="574" />
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="574" />
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="574" />
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="575" />
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="575" />
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="575" />
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="590" />
        <source>Pack batch</source>
        <translation>Pack batch</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="590" />
        <source>Verify &amp; box</source>
        <translation>Verify &amp; box</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="590" />
        <source>Hand off</source>
        <translation>Hand off</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="591" />
        <source>Pull intercepts</source>
        <translation>Pull intercepts</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="591" />
        <source>Returns</source>
        <translation>Returns</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="606" />
        <source>Batch %1</source>
        <translation>Batch %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="625" />
        <source>Handoff %1</source>
        <translation>Handoff %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="570" />
        <location filename="../../ui/window.py" line="645" />
        <source>Scan the right card</source>
        <translation>Scan the right card</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="688" />
        <source>On duty: %1</source>
        <translation>On duty: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="689" />
        <source>Nobody logged in</source>
        <translation>Nobody logged in</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="692" />
        <source>Batch: %1</source>
        <translation>Batch: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="694" />
        <source>Handoff: %1</source>
        <translation>Handoff: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="547" />
        <location filename="../../ui/window.py" line="724" />
        <source>Log in first</source>
        <translation>Log in first</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="696" />
        <source>Return reason: not chosen (Ctrl+1…5, Alt+1…3)</source>
        <translation>Return reason: not chosen (Ctrl+1…5, Alt+1…3)</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="742" />
        <source>Unknown command card: %1</source>
        <translation>Unknown command card: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="784" />
        <source>Scan again; if it repeats call the lead</source>
        <translation>Scan again; if it repeats call the lead</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="798" />
        <source>%1 · packed %2 · verified %3</source>
        <translation>%1 · packed %2 · verified %3</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="802" />
        <source>no batch selected (F6)</source>
        <translation>no batch selected (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="809" />
        <source>no handoff selected (F7)</source>
        <translation>no handoff selected (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="811" />
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
</TS>