"""Qt tests run offscreen (no display needed) with a real service on a loopback port and the real checker.

Qt warnings fail a test (``qt_log_level_fail`` in pyproject.toml); the offscreen platform's own notices that it
cannot resize or raise windows are the only ones ignored there.
"""

from __future__ import annotations

import os
import socket
import threading
from dataclasses import dataclass, field

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
import requests

from clientsafe.api.pairing import PairingBook
from clientsafe.api.tokens import TokenStore
from clientsafe.ui.app import TrayApp
from clientsafe.ui.backend import BackendOptions
from clientsafe.ui.qt import QApplication


@dataclass
class FakeDesktop:
    """Stands in for the desktop notification service (tests/qt/test_desktop.py uses the real one under dunst).
    ``press`` clicks a notification's button from another thread, as the D-Bus listener would."""

    shown: list[tuple[str, str, dict]] = field(default_factory=list)
    callbacks: list = field(default_factory=list)

    def available(self) -> bool:
        return True

    def notify(self, summary, body, actions=None, on_action=None, timeout_ms=-1, critical=False):
        self.shown.append((summary, body, actions or {}))
        self.callbacks.append(on_action)
        return len(self.shown)

    def press(self, key: str) -> None:
        callback = self.callbacks[-1]
        thread = threading.Thread(target=callback, args=(key,))
        thread.start()
        thread.join()

    def close(self) -> None:
        pass


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("CLIENTSAFE_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def tokens(home):
    store = TokenStore(use_keyring=False, file=home / "data" / "paired-browsers.json")
    store.warning = ""  # the no-keyring state has its own test
    return store


@pytest.fixture
def book(tokens, home):
    return PairingBook(tokens, file=home / "data" / "pairing.json")


@pytest.fixture
def desktop():
    return FakeDesktop()


def free_port() -> int:
    """An ephemeral loopback port, outside the 47390-47399 range other test runs on this machine share."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_tray(qtbot, checker, tokens, book, desktop, tray_available=True, start=True) -> TrayApp:
    tray = TrayApp(
        QApplication.instance(),
        tokens,
        book,
        BackendOptions(port=free_port(), build_checker=lambda: checker),
        desktop=desktop,
        tray_available=tray_available,
    )
    if start:
        tray.start()
        qtbot.waitUntil(lambda: tray.facts.engine_ready and tray.facts.port > 0, timeout=20_000)
    return tray


@pytest.fixture
def tray(qtbot, qapp, checker, tokens, book, desktop):
    app = make_tray(qtbot, checker, tokens, book, desktop)
    yield app
    app.shutdown()


def pair_browser(tray: TrayApp, name: str = "Chrome on LAPTOP-7") -> str:
    """Pair over HTTP, as the extension does, approving in the tray's Pair window; returns the token."""
    base = f"http://127.0.0.1:{tray.facts.port}"
    started = requests.post(f"{base}/v1/pair", json={"client_name": name}, timeout=5).json()
    tray.open_pair().decide(started["code"], True)
    answer = requests.get(f"{base}/v1/pair/{started['pairing_id']}", timeout=5).json()
    assert answer["status"] == "approved"
    return str(answer["token"])
