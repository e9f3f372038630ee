"""Pair a browser: the request arrives with its code (window and notification), approve or deny, list, revoke."""

from __future__ import annotations

import requests

from clientsafe.ui.pair_window import NO_PAIRED, NO_PENDING
from clientsafe.ui.qt import Qt
from tests.qt.conftest import pair_browser


def _ask(tray, name="Firefox on DESK-3"):
    base = f"http://127.0.0.1:{tray.facts.port}"
    return base, requests.post(f"{base}/v1/pair", json={"client_name": name}, timeout=5).json()


def test_when_nothing_is_pending_or_paired_then_both_empty_states_say_what_to_do(tray, qtbot):
    window = tray.open_pair()
    assert window.pending_empty.isVisible() and window.pending_empty.text() == NO_PENDING
    assert window.paired_empty.isVisible() and window.paired_empty.text() == NO_PAIRED
    assert not window.approve_button.isEnabled() and not window.revoke_button.isEnabled()


def test_when_a_browser_asks_then_a_notification_shows_the_code_with_approve_and_deny(tray, qtbot, desktop):
    _, started = _ask(tray)
    qtbot.waitUntil(lambda: bool(desktop.shown), timeout=5000)
    title, body, actions = desktop.shown[-1]
    assert title == "A browser asks to pair with ClientSafe"
    assert f"{started['code'][:3]} {started['code'][3:]}" in body and "Firefox on DESK-3" in body
    assert actions["approve"] == "Approve" and actions["deny"] == "Deny"


def test_when_approve_is_pressed_in_the_notification_then_the_browser_gets_its_token(tray, qtbot, desktop):
    base, started = _ask(tray)
    qtbot.waitUntil(lambda: bool(desktop.shown), timeout=5000)
    desktop.press("approve")
    qtbot.waitUntil(lambda: "pair" in tray.windows and "Approved" in tray.windows["pair"].message.text(), timeout=5000)
    answer = requests.get(f"{base}/v1/pair/{started['pairing_id']}", timeout=5).json()
    assert answer["status"] == "approved" and answer["token"]


def test_when_deny_is_pressed_in_the_notification_then_the_browser_is_refused(tray, qtbot, desktop):
    base, started = _ask(tray)
    qtbot.waitUntil(lambda: bool(desktop.shown), timeout=5000)
    desktop.press("deny")
    qtbot.waitUntil(lambda: "pair" in tray.windows and "Denied" in tray.windows["pair"].message.text(), timeout=5000)
    assert requests.get(f"{base}/v1/pair/{started['pairing_id']}", timeout=5).json() == {
        "status": "denied",
        "token": None,
    }


def test_approve_in_the_window_then_listed_then_revoke_locks_it_out(tray, qtbot):
    base, started = _ask(tray, "Chrome on LAPTOP-7")
    window = tray.open_pair()
    window.refresh()
    assert window.pending.rowCount() == 1
    assert window.pending.item(0, 0).text() == f"{started['code'][:3]} {started['code'][3:]}"
    assert window.pending.item(0, 1).text() == "Chrome on LAPTOP-7"
    qtbot.mouseClick(window.approve_button, Qt.MouseButton.LeftButton)
    token = requests.get(f"{base}/v1/pair/{started['pairing_id']}", timeout=5).json()["token"]
    auth = {"Authorization": f"Bearer {token}"}
    assert requests.get(f"{base}/v1/status", headers=auth, timeout=5).status_code == 200
    window.refresh()
    assert window.pending_empty.isVisible()
    assert window.paired.rowCount() == 1 and window.paired.item(0, 0).text() == "Chrome on LAPTOP-7"
    assert window.paired.item(0, 2).text() != "never"  # it has just called /v1/status
    qtbot.mouseClick(window.revoke_button, Qt.MouseButton.LeftButton)
    assert "Revoked Chrome on LAPTOP-7" in window.message.text()
    assert window.paired_empty.isVisible()
    assert requests.get(f"{base}/v1/status", headers=auth, timeout=5).status_code == 401
    tray.refresh()
    assert tray.status_action.text() == "Ready: pair a browser to start"


def test_when_the_code_expired_or_was_decided_elsewhere_then_the_window_says_so(tray):
    window = tray.open_pair()
    assert not window.decide("000000", True)
    assert "no pairing request with code 000000" in window.message.text()
    assert "Ask the browser to pair again" in window.message.text()


def test_pair_menu_item_opens_the_window(tray):
    tray.pair_action.trigger()
    assert tray.windows["pair"].isVisible()
    assert pair_browser is not None
