"""The station's hardware layer: scanners, label printers, scales and their simulators.

No Qt here: readers are plain threads reporting through callbacks; `ui/` wraps them in signals.

Map for callers (UI, CLI, tests):
- Scanners: `devices.scanners.SerialScanner(ScannerConfig(port=..., suffix="CR"), on_scan,
  on_status, on_warning, feedback="datalogic").start()` / `.stop()` (joins); `.good_read()` /
  `.bad_read()` return False when the scanner has no host commands (play the app sound).
  `devices.scanners.WedgeDecoder().key(char, t)` for keyboard-wedge scanners.
- Printers: `devices.printers.printer.Printer(url)`: `.encode(waybill)`, `.print_waybill(wb)`,
  `.status()` (PrinterStatus with zh/en messages). URLs: `devices.printers.url`.
  Waybill data from the DB: `devices.printers.waybills.waybill_for_parcel(conn, parcel_id)`.
  Batch printing: `devices.printers.queue.PrintQueue(writer, printer, on_event).start()`,
  `.enqueue_batch(batch_id)`, `.cancel(run_id)`, `.request_reprint(waybill, lead)`.
  Manifest: `devices.printers.manifest_pdf.render_manifest_pdf(conn, handoff_id, path)`.
  Previews: `devices.printers.preview.job_png(bytes)`.
- Scales: `devices.scales.SerialScale(port, on_weight=...)`; `.stable_weight()` -> grams or None.
- Settings are the core's (warehouse_app.settings, device_settings): devices keep nothing.
- Simulators: `devices.sim` (the headless station is `warehouse_app.headless`).
"""
