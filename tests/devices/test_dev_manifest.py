"""The manifest (交接单) PDF: header, every parcel with a Code 128 that decodes, totals, signatures."""

from __future__ import annotations

from tests.devices.conftest import make_presale_batch
from warehouse_app.handoffs import close_handoff, open_handoff
from warehouse_app.manifests import write_manifest_pdf
from warehouse_app.scan_engine import ScanContext, scan
from warehouse_app.store.tx import transaction


def _handoff(store, n: int) -> tuple[str, list[str]]:  # type: ignore[no-untyped-def]
    batch, wbs = make_presale_batch(store, n)
    c = store.connect()
    try:
        for wb in wbs:
            assert scan(c, wb, ScanContext("pack", "P1", batch)).ok
            assert scan(c, wb, ScanContext("verify", "P1")).ok
        with transaction(c):
            h = open_handoff(c, "ZTO", courier_name="赵师傅", vehicle="沪A12345", operator="L1")
        for wb in wbs:
            assert scan(c, wb, ScanContext("handoff", "P1", handoff_id=h["handoff_id"])).ok
        with transaction(c):
            close_handoff(c, h["handoff_id"], operator="L1")
    finally:
        c.close()
    return h["handoff_id"], wbs


def _pages(path) -> tuple[list[str], list[list[str]]]:  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium
    import zxingcpp

    doc = pdfium.PdfDocument(str(path))
    texts, codes = [], []
    for page in doc:
        texts.append(page.get_textpage().get_text_range())
        img = page.render(scale=300 / 72).to_pil().convert("L")
        codes.append([r.text for r in zxingcpp.read_barcodes(img)])
    doc.close()
    return texts, codes


def test_manifest_pdf_lists_every_parcel_with_a_scannable_barcode(seeded_store, tmp_path) -> None:
    hid, wbs = _handoff(seeded_store, 5)
    c = seeded_store.connect()
    out = write_manifest_pdf(c, hid, tmp_path / "manifest.pdf")
    c.close()
    texts, codes = _pages(out)
    text = "".join(texts)
    for part in (
        "交接单",
        "赵师傅",
        "沪A12345",
        "中通",
        "T1",
        "合计",
        "5 件",
        "快递员签字",
        "组长签字",
        "已关闭",
    ):
        assert part in text, part
    found = {x for page in codes for x in page}
    assert set(wbs) <= found and hid in found


def test_manifest_pdf_paginates_long_handoffs(seeded_store, tmp_path) -> None:
    hid, wbs = _handoff(seeded_store, 40)
    c = seeded_store.connect()
    out = write_manifest_pdf(c, hid, tmp_path / "m.pdf")
    c.close()
    texts, codes = _pages(out)
    assert len(texts) >= 2 and "续" in texts[1]
    assert f"1/{len(texts)}" in texts[0]
    assert set(wbs) <= {x for page in codes for x in page}
    assert "40 件" in texts[-1]


def test_manifest_from_a_dict_for_the_lead_screen(seeded_store, tmp_path) -> None:
    from devices.printers.manifest_pdf import render_manifest
    from warehouse_app.manifests import manifest_document

    hid, wbs = _handoff(seeded_store, 2)
    c = seeded_store.connect()
    data = render_manifest(manifest_document(c, hid))
    c.close()
    assert data.startswith(b"%PDF")
    (tmp_path / "d.pdf").write_bytes(data)
    texts, codes = _pages(tmp_path / "d.pdf")
    assert "赵师傅" in texts[0] and set(wbs) <= set(codes[0])
