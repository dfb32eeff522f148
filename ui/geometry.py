"""How the station window opens: maximized on its screen (inside the taskbar), or full screen
in kiosk mode. A fixed 1366x768 was a corner of a 1080p screen and hid the status bar behind the
taskbar of a 1366x768 one; maximized windows get the screen's available geometry from the OS."""

from __future__ import annotations

from typing import Any

MIN_W, MIN_H = 1024, 600  # 1366x768 minus a 40 px taskbar must fit, with room to spare


def show_station_window(win: Any, kiosk: bool = False) -> None:
    win.setMinimumSize(MIN_W, MIN_H)
    screen = win.screen()
    if screen is not None:  # a sane normal size for when the user un-maximizes it
        avail = screen.availableGeometry()
        win.resize(min(1366, avail.width()), min(768, avail.height()))
    if kiosk:
        win.showFullScreen()
    else:
        win.showMaximized()
