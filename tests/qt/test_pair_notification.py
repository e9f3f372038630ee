"""The notification asking to approve a browser goes away once the request is decided: in the Pair window, from
the notification itself, or with `clientsafe pair approve` in a terminal (issue 16: it stayed on screen)."""

from __future__ import annotations

import requests

from tests.qt.conftest import FakeDesktop, make_tray


class WithdrawingDesktop(FakeDesktop):
    """The fake notification service, which also records the notifications taken off the screen."""

    def __init__(self) -> None:
        super().__init__()
        self.withdrawn: list[object] = []

    def withdraw(self, notification_id: object) -> None:
        self.withdrawn.append(notification_id)


def _ask(tray, name="Firefox on DESK-3"):
    base = f"http://127.0.0.1:{tray.facts.port}"
    return requests.post(f"{base}/v1/pair", json={"client_name": name}, timeout=5).json()


def test_approving_in_the_pair_window_withdraws_the_notification(qtbot, qapp, checker, tokens, book):
    desktop = WithdrawingDesktop()
    tray = make_tray(qtbot, checker, tokens, book, desktop)
    try:
        started = _ask(tray)
        qtbot.waitUntil(lambda: bool(desktop.shown), timeout=5000)
        shown_id = len(desktop.shown)  # FakeDesktop's notification ids count from 1
        other = _ask(tray, "Chrome on LAPTOP-7")
        qtbot.waitUntil(lambda: len(desktop.shown) == 2, timeout=5000)
        assert desktop.withdrawn == []
        window = tray.open_pair()
        window.select_code(started["code"])
        assert window.decide(started["code"], True)
        assert desktop.withdrawn == [shown_id]  # only the decided one: the other browser still asks
        tray.book.decide(other["code"], False)  # decided elsewhere (the service's book, as `clientsafe pair` does)
        tray.refresh()  # what the tray's timer does every few seconds
        assert desktop.withdrawn == [shown_id, 2]
    finally:
        tray.shutdown()
