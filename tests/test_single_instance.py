"""One station window per data folder: a second launch reaches the first and raises it."""

from __future__ import annotations

from ui.single_instance import SingleInstance, server_name


def test_a_second_launch_raises_the_running_window(qtbot, tmp_path):
    raised: list[int] = []
    first = SingleInstance(tmp_path / "st")
    assert not first.notify_running()  # nothing runs yet
    assert first.listen(lambda: raised.append(1))
    try:
        assert SingleInstance(tmp_path / "st").notify_running()
        qtbot.waitUntil(lambda: raised == [1], timeout=5000)
        # another station's folder is another window
        assert not SingleInstance(tmp_path / "other").notify_running()
    finally:
        first.close()
    assert not SingleInstance(tmp_path / "st").notify_running()  # closed: the next one starts


def test_the_name_follows_the_folder(tmp_path):
    assert server_name(tmp_path / "a") == server_name(tmp_path / "x" / ".." / "a")
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
