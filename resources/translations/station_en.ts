<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>BatchesTab</name>
    <message>
        <location filename="../../ui/lead.py" line="225" />
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="226" />
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="227" />
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="228" />
        <source>Print all waybills</source>
        <translation>Print all waybills</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="229" />
        <source>Cancel printing</source>
        <translation>Cancel printing</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="230" />
        <source>New pre-pack batch</source>
        <translation>New pre-pack batch</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="231" />
        <location filename="../../ui/lead.py" line="244" />
        <source>SKU set</source>
        <translation>SKU set</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="232" />
        <location filename="../../ui/lead.py" line="244" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="233" />
        <source>Quantity (0 = all paid orders)</source>
        <translation>Quantity (0 = all paid orders)</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="234" />
        <source>Live session</source>
        <translation>Live session</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="235" />
        <source>Create batch</source>
        <translation>Create batch</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="236" />
        <source>Reprint or void a waybill</source>
        <translation>Reprint or void a waybill</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="237" />
        <source>Waybill / label</source>
        <translation>Waybill / label</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="238" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="239" />
        <source>Reprint</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="240" />
        <source>Void</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="244" />
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="244" />
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="244" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="245" />
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="245" />
        <source>Packed</source>
        <translation>Packed</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="245" />
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="245" />
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="246" />
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="246" />
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="246" />
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="247" />
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="247" />
        <source>pre-sale</source>
        <translation>pre-sale</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="247" />
        <source>anonymous</source>
        <translation>anonymous</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="263" />
        <location filename="../../ui/lead.py" line="293" />
        <source>Select a batch first</source>
        <translation>Select a batch first</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="267" />
        <source>Batch %1 is now %2</source>
        <translation>Batch %1 is now %2</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="276" />
        <source>Enter the SKU set, e.g. SKU-LIP-01*1</source>
        <translation>Enter the SKU set, e.g. SKU-LIP-01*1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="281" />
        <source>Created batch %1 with %2 parcels</source>
        <translation>Created batch %1 with %2 parcels</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="296" />
        <location filename="../../ui/lead.py" line="356" />
        <source>No printer: set one in Settings</source>
        <translation>No printer: set one in Settings</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="307" />
        <source>Nothing to print: every waybill of %1 is printed</source>
        <translation>Nothing to print: every waybill of %1 is printed</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="313" />
        <source>Printing %1 waybills of %2</source>
        <translation>Printing %1 waybills of %2</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="342" />
        <source>Printing cancelled; %1 labels not printed</source>
        <translation>Printing cancelled; %1 labels not printed</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="353" />
        <location filename="../../ui/lead.py" line="381" />
        <source>Enter the waybill and a reason</source>
        <translation>Enter the waybill and a reason</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="361" />
        <source>Reprint of %1 sent to the printer</source>
        <translation>Reprint of %1 sent to the printer</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="385" />
        <source>Waybill %1 voided</source>
        <translation>Waybill %1 voided</translation>
    </message>
</context>
<context>
    <name>DiscrepanciesTab</name>
    <message>
        <location filename="../../ui/lead.py" line="584" />
        <source>Confirm the selected parcel was pulled</source>
        <translation>Confirm the selected parcel was pulled</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="585" />
        <source>Void the selected waybill (reason)</source>
        <translation>Void the selected waybill (reason)</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="586" />
        <source>Reason, e.g. damaged, customer changed address</source>
        <translation>Reason, e.g. damaged, customer changed address</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="591" />
        <source>Verified but not handed off: %1</source>
        <translation>Verified but not handed off: %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="592" />
        <source>Intercepted but not pulled: %1</source>
        <translation>Intercepted but not pulled: %1</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="601" />
        <location filename="../../ui/lead.py" line="604" />
        <source>Waybill</source>
        <translation>Waybill</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="601" />
        <location filename="../../ui/lead.py" line="604" />
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="601" />
        <location filename="../../ui/lead.py" line="604" />
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="601" />
        <source>Verified at</source>
        <translation>Verified at</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="602" />
        <location filename="../../ui/lead.py" line="605" />
        <source>Parcel</source>
        <translation>Parcel</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="604" />
        <source>Intercepted at</source>
        <translation>Intercepted at</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="613" />
        <source>Select an intercepted parcel first</source>
        <translation>Select an intercepted parcel first</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="626" />
        <source>Select a parcel first</source>
        <translation>Select a parcel first</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="630" />
        <source>Waybill %1 voided</source>
        <translation>Waybill %1 voided</translation>
    </message>
</context>
<context>
    <name>HandoffsTab</name>
    <message>
        <location filename="../../ui/lead.py" line="466" />
        <source>Carrier handoff</source>
        <translation>Carrier handoff</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="467" />
        <location filename="../../ui/lead.py" line="476" />
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="468" />
        <source>Courier name</source>
        <translation>Courier name</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="469" />
        <location filename="../../ui/lead.py" line="476" />
        <source>Vehicle</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="470" />
        <source>Open handoff</source>
        <translation>Open handoff</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="471" />
        <source>Close &amp;&amp; print manifest</source>
        <translation>Close &amp;&amp; print manifest</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="472" />
        <source>Scan into this handoff</source>
        <translation>Scan into this handoff</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="476" />
        <source>Handoff</source>
        <translation>Handoff</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="476" />
        <source>Courier</source>
        <translation>Courier</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="476" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="477" />
        <source>Parcels</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="477" />
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="477" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="481" />
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="481" />
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="497" />
        <source>Choose a carrier</source>
        <translation>Choose a carrier</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="501" />
        <source>Opened handoff %1 for %2</source>
        <translation>Opened handoff %1 for %2</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="511" />
        <location filename="../../ui/lead.py" line="542" />
        <source>Select a handoff first</source>
        <translation>Select a handoff first</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="520" />
        <source>Handoff %1 closed; manifest saved to %2</source>
        <translation>Handoff %1 closed; manifest saved to %2</translation>
    </message>
</context>
<context>
    <name>LeadArea</name>
    <message>
        <location filename="../../ui/lead.py" line="740" />
        <source>Shift lead: scan your badge and enter your PIN</source>
        <translation>Shift lead: scan your badge and enter your PIN</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="741" />
        <source>Lead code</source>
        <translation>Lead code</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="742" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="743" />
        <source>Back to packing (Esc)</source>
        <translation>Back to packing (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="744" />
        <source>Batches</source>
        <translation>Batches</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="744" />
        <source>Handoffs</source>
        <translation>Handoffs</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="745" />
        <source>Discrepancies</source>
        <translation>Discrepancies</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="745" />
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="746" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="746" />
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../../ui/lead.py" line="751" />
        <location filename="../../ui/lead.py" line="775" />
        <source>Shift lead: %1</source>
        <translation>Shift lead: %1</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../ui/window.py" line="184" />
        <source>Scan your badge, or type your operator code and press Enter</source>
        <translation>Scan your badge, or type your operator code and press Enter</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="186" />
        <source>Please log in</source>
        <translation>Please log in</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="186" />
        <source>Scan your badge</source>
        <translation>Scan your badge</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/window.py" line="295" />
        <source>Packing station</source>
        <translation>Packing station</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="300" />
        <source>Station data: %1</source>
        <translation>Station data: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="377" />
        <source>Welcome, %1</source>
        <translation>Welcome, %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="378" />
        <source>Scan a parcel, or press F1-F5 to change mode</source>
        <translation>Scan a parcel, or press F1-F5 to change mode</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="386" />
        <location filename="../../ui/window.py" line="396" />
        <location filename="../../ui/window.py" line="572" />
        <source>Scan your badge</source>
        <translation>Scan your badge</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="396" />
        <source>Please log in</source>
        <translation>Please log in</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="410" />
        <source>Scan the pre-pack label of each parcel of the batch</source>
        <translation>Scan the pre-pack label of each parcel of the batch</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="411" />
        <source>Scan each staged parcel's waybill</source>
        <translation>Scan each staged parcel's waybill</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="412" />
        <source>Scan each parcel as it goes into the carrier's cage</source>
        <translation>Scan each parcel as it goes into the carrier's cage</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="413" />
        <source>Scan each intercepted parcel you pulled from the line</source>
        <translation>Scan each intercepted parcel you pulled from the line</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="414" />
        <source>Scan each returned parcel</source>
        <translation>Scan each returned parcel</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="440" />
        <source>Pack batch</source>
        <translation>Pack batch</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="440" />
        <source>Verify &amp; box</source>
        <translation>Verify &amp; box</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="440" />
        <source>Hand off</source>
        <translation>Hand off</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="441" />
        <source>Pull intercepts</source>
        <translation>Pull intercepts</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="441" />
        <source>Returns</source>
        <translation>Returns</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="456" />
        <source>Batch %1</source>
        <translation>Batch %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="475" />
        <source>Handoff %1</source>
        <translation>Handoff %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="494" />
        <source>Scan the right card</source>
        <translation>Scan the right card</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="536" />
        <source>On duty: %1</source>
        <translation>On duty: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="537" />
        <source>Nobody logged in</source>
        <translation>Nobody logged in</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="540" />
        <source>Batch: %1</source>
        <translation>Batch: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="542" />
        <source>Handoff: %1</source>
        <translation>Handoff: %1</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="544" />
        <source>Return reason: choose it in the lead's Returns tab</source>
        <translation>Return reason: choose it in the lead's Returns tab</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="572" />
        <source>Log in first</source>
        <translation>Log in first</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="622" />
        <source>Scan again; if it repeats call the lead</source>
        <translation>Scan again; if it repeats call the lead</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="636" />
        <source>%1 · packed %2 · verified %3</source>
        <translation>%1 · packed %2 · verified %3</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="640" />
        <source>no batch selected (F6)</source>
        <translation>no batch selected (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="646" />
        <source>no handoff selected (F7)</source>
        <translation>no handoff selected (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="648" />
        <source>this station</source>
        <translation>this station</translation>
    </message>
</context>
<context>
    <name>ModeBar</name>
    <message>
        <location filename="../../ui/window.py" line="74" />
        <source>F1 Pack batch</source>
        <translation>F1 Pack batch</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="74" />
        <source>F2 Verify &amp;&amp; box</source>
        <translation>F2 Verify &amp;&amp; box</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="75" />
        <source>F3 Hand off</source>
        <translation>F3 Hand off</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="75" />
        <source>F4 Pull intercept</source>
        <translation>F4 Pull intercept</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="76" />
        <source>F5 Returns</source>
        <translation>F5 Returns</translation>
    </message>
</context>
<context>
    <name>PackerPage</name>
    <message>
        <location filename="../../ui/window.py" line="153" />
        <source>This batch</source>
        <translation>This batch</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="154" />
        <source>This handoff</source>
        <translation>This handoff</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="155" />
        <source>Parcels this hour</source>
        <translation>Parcels this hour</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="156" />
        <source>Scan or type:</source>
        <translation>Scan or type:</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="157" />
        <source>F6 Batch:</source>
        <translation>F6 Batch:</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="158" />
        <source>F7 Handoff:</source>
        <translation>F7 Handoff:</translation>
    </message>
    <message>
        <location filename="../../ui/window.py" line="159" />
        <source>F1-F5 mode · F6 batch · F7 handoff · F8 log out · F9 shift lead · F10 settings · F12 中文/English · or scan a command card</source>
        <translation>F1-F5 mode · F6 batch · F7 handoff · F8 log out · F9 shift lead · F10 settings · F12 中文/English · or scan a command card</translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <location filename="../../ui/review.py" line="101" />
        <source>Shift:</source>
        <translation>Shift:</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="103" />
        <source>last %1 hours</source>
        <translation>last %1 hours</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="104" />
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="105" />
        <source>Export PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="106" />
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="121" />
        <source>Handed off: %1 parcels</source>
        <translation>Handed off: %1 parcels</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="123" />
        <location filename="../../ui/review.py" line="127" />
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="123" />
        <location filename="../../ui/review.py" line="125" />
        <location filename="../../ui/review.py" line="127" />
        <source>Parcels</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="123" />
        <source>Handoffs</source>
        <translation>Handoffs</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="125" />
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="127" />
        <source>Hour (UTC)</source>
        <translation>Hour (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="155" />
        <source>Parcels handed off per hour and carrier</source>
        <translation>Parcels handed off per hour and carrier</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="159" />
        <source>Nothing loaded yet</source>
        <translation>Nothing loaded yet</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="163" />
        <source>Shift review: handoff counts</source>
        <translation>Shift review: handoff counts</translation>
    </message>
    <message>
        <location filename="../../ui/review.py" line="167" />
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../../ui/settings_page.py" line="144" />
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="145" />
        <source>Serial port scanner</source>
        <translation>Serial port scanner</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="146" />
        <source>Keyboard-wedge (USB HID) scanner</source>
        <translation>Keyboard-wedge (USB HID) scanner</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="147" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="148" />
        <location filename="../../ui/settings_page.py" line="156" />
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="149" />
        <source>Baud</source>
        <translation>Baud</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="150" />
        <source>Find serial ports</source>
        <translation>Find serial ports</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="151" />
        <source>Test scan</source>
        <translation>Test scan</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="152" />
        <source>Label printer</source>
        <translation>Label printer</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="153" />
        <source>Printer address</source>
        <translation>Printer address</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="154" />
        <source>Print test label</source>
        <translation>Print test label</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="155" />
        <source>Scale</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="157" />
        <source>Weigh parcels in verify mode</source>
        <translation>Weigh parcels in verify mode</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="158" />
        <source>Read scale</source>
        <translation>Read scale</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="159" />
        <source>Upstream and language</source>
        <translation>Upstream and language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="160" />
        <source>Upstream address</source>
        <translation>Upstream address</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="161" />
        <source>Station token</source>
        <translation>Station token</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="162" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="163" />
        <source>Verdict sounds</source>
        <translation>Verdict sounds</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="164" />
        <source>Save and apply</source>
        <translation>Save and apply</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="189" />
        <source>Found %1 serial ports</source>
        <translation>Found %1 serial ports</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="198" />
        <source>Scan any barcode now…</source>
        <translation>Scan any barcode now…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="202" />
        <source>Printing a test label…</source>
        <translation>Printing a test label…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="230" />
        <source>Choose the scanner's serial port (Find serial ports)</source>
        <translation>Choose the scanner's serial port (Find serial ports)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="245" />
        <source>Settings saved</source>
        <translation>Settings saved</translation>
    </message>
</context>
</TS>