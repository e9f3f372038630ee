"""Faults the tray says out loud: an audit the disk refuses, a keyring that fails. Plain words in the status line,
"needs attention", one notification each; back to normal by itself when the fault ends."""

from __future__ import annotations

import time

import pytest
import requests

from clientsafe.api.tokens import TokenStore
from clientsafe.ui.state import TrayState
from tests.api.fake_keyrings import lockable_keyring
from tests.qt.conftest import make_tray, pair_browser

RISKY = "So proud of Maria from our youth shelter, she just turned 15!"


def test_when_the_disk_refuses_the_audit_then_the_tray_says_it_is_not_written_until_space_returns(tray, qtbot):
    token = pair_browser(tray)
    audit = tray.backend.audit
    pages = audit._conn.execute("PRAGMA page_count").fetchone()[0]
    audit._conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "database or disk is full"
    base, auth = f"http://127.0.0.1:{tray.facts.port}", {"Authorization": f"Bearer {token}"}
    body = {"text": RISKY, "site": "facebook", "account": "personal"}
    for _ in range(100):
        assert requests.post(f"{base}/v1/check", json=body, headers=auth, timeout=30).status_code == 200
        if not audit.flush(5):
            break
    qtbot.waitUntil(lambda: not audit.writing, timeout=10_000)
    tray.refresh()
    assert tray.state is TrayState.PROBLEM
    line = tray.status_action.text()
    assert line == "Protected; free some disk space"  # one short sentence; the notification says the rest
    assert any(n.title == "ClientSafe's audit log is not being written" for n in tray.notifier.history)

    audit._conn.execute(f"PRAGMA max_page_count = {pages + 10_000}")
    qtbot.waitUntil(lambda: audit.writing and audit.held == 0, timeout=10_000)
    tray.refresh()
    assert tray.state is TrayState.PROTECTED and tray.status_action.text() == "Protected"


@pytest.fixture
def lockable():
    with lockable_keyring() as backend:
        yield backend


def test_when_the_keyring_is_locked_then_the_tray_says_so_instead_of_no_browser_paired(
    qtbot, qapp, checker, book, desktop, home, lockable
):
    file = home / "data" / "paired-browsers.json"
    TokenStore(file=file).issue("Chrome on LAPTOP-7")
    lockable.locked = True
    tokens = TokenStore(file=file)
    tray = make_tray(qtbot, checker, tokens, book, desktop)
    try:
        tray.refresh()
        assert tray.state is TrayState.PROBLEM
        line = tray.status_action.text()
        assert line == "Not protecting: unlock your keyring"
        assert "pair a browser" not in line
        assert any(n.title == "ClientSafe can't read its keyring" for n in tray.notifier.history)
        tray.check_silent_browsers()  # asks the keyring too: no crash, no "gone quiet" guess

        lockable.locked = False
        deadline = time.monotonic() + 5
        while tray.facts.keyring_error and time.monotonic() < deadline:
            time.sleep(0.2)
            tray.refresh()
        assert tray.state is TrayState.PROTECTED
        assert tray.status_action.text() == "Protected"
    finally:
        tray.shutdown()


def test_when_the_keyring_is_locked_the_pair_window_says_so_instead_of_crashing(qtbot, qapp, book, home, lockable):
    from clientsafe.ui.pair_window import PairWindow

    file = home / "data" / "paired-browsers.json"
    TokenStore(file=file).issue("Chrome on LAPTOP-7")
    lockable.locked = True
    window = PairWindow(TokenStore(file=file), book)
    qtbot.addWidget(window)
    window.refresh()  # raised KeyringUnavailable inside a Qt handler before
    assert "can't read its keyring" in window.paired_empty.text() and window.paired.rowCount() == 0
    lockable.locked = False
    time.sleep(2.1)  # the token store asks the keyring again after 2 s
    window.refresh()
    assert window.paired.rowCount() == 1 and not window.paired.isHidden()
