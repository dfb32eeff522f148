"""The lead's Log tab lays out its lines only while it is shown (issue 17: the window's memory
stays flat after warm-up).

A QPlainTextEdit keeps each block's shaped glyphs (~7 KB a log line); the hidden tab used to take
every line, so the packer's window grew ~1.2 KB per scan until 2,000 lines were held (~13 MB).
Now the hidden tab keeps only the text, bounded; the view is filled when the lead opens the tab
and emptied when it is hidden again.
"""

from __future__ import annotations

import logging

from tests.ui_fixtures import Station, station

__all__ = ["station"]


def test_hidden_log_tab_holds_text_only_and_shows_it_when_opened(station: Station) -> None:
    from ui.lead_tabs.log import MAX_LINES

    st, w = station, station.window
    tab, view = w.lead.log, w.lead.log.view
    st.login("P001")
    st.scan("NO-SUCH-CODE-1")  # the session logs a rejected scan at INFO
    assert not tab.isVisible()
    assert any("NO-SUCH-CODE-1" in line for line in tab.lines)
    assert view.document().isEmpty() and view.blockCount() == 1  # nothing laid out

    log = logging.getLogger("warehouse_app.test_log_tab")
    for i in range(MAX_LINES + 50):
        log.info("line %d", i)
    assert len(tab.lines) == MAX_LINES and tab.lines[0].endswith("line 50")
    assert view.document().isEmpty()

    st.unlock_lead("log")
    st.qtbot.waitUntil(tab.isVisible, timeout=10000)
    shown = view.toPlainText().splitlines()
    assert len(shown) == view.blockCount() == MAX_LINES
    assert shown[0].endswith("line 50") and shown[-1].endswith(f"line {MAX_LINES + 49}")
    bar = view.verticalScrollBar()
    st.qtbot.waitUntil(lambda: bar.value() == bar.maximum() > 0, timeout=10000)  # newest in view

    log.info("while the lead looks")  # shown live, oldest line dropped
    assert view.toPlainText().splitlines()[-1].endswith("while the lead looks")
    assert view.blockCount() == MAX_LINES

    w.lead.open("batches")  # another tab: the view lets go of its lines, the text stays
    st.qtbot.waitUntil(lambda: not tab.isVisible(), timeout=10000)
    assert view.document().isEmpty()
    assert tab.lines[-1].endswith("while the lead looks")
    log.info("after leaving")
    assert view.document().isEmpty() and tab.lines[-1].endswith("after leaving")

    w.lead.open("log")
    st.qtbot.waitUntil(tab.isVisible, timeout=10000)
    assert view.toPlainText().splitlines()[-1].endswith("after leaving")
