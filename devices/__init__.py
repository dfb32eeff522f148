"""The station's hardware layer: scanners, label printers, scales and their simulators.

No Qt here: readers are plain threads reporting through callbacks; `ui/` wraps them in signals.

Map for callers (UI, CLI, tests):
- Scanners: `devices.scanners.SerialScanner(ScannerConfig(port=..., suffix="CR"), on_scan,
  on_status, on_warning, feedback="datalogic").start()` / `.stop()` (joins); `.good_read()` /
  `.bad_read()` return False when the scanner has no host commands (play the app sound).
  `devices.scanners.WedgeDecoder().key(char, t)` for keyboard-wedge scanners.
- Printers: `devices.printers.printer.Printer(url)`: `.encode(waybill)`, `.print_waybill(wb)`,
  `.status()` (PrinterStatus with zh/en messages). URLs: `devices.printers.url`.
  Manifest: `devices.printers.manifest_pdf.render_manifest(m)` -> PDF bytes.
  Previews: `devices.printers.preview.job_png(bytes)`.
- Scales: `devices.scales.SerialScale(port, on_weight=...)`; `.stable_weight()` -> grams or None.
- No database and no core here: what goes on a label (`warehouse_app.label_data`), the print
  worker and its jobs (`warehouse_app.print_worker`, `warehouse_app.printing`) and what a
  manifest says (`warehouse_app.manifests`) are the core's; devices get data, return bytes.
- Settings are the core's (warehouse_app.settings, device_settings): devices keep nothing.
- Simulators: `devices.sim` (the headless station is `warehouse_app.headless`).
"""
