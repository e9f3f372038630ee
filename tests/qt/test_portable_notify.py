"""Notifications with buttons on Windows and macOS (clientsafe/ui/portable_notify.py) through desktop-notifier.

WinRT toasts and the macOS notification centre cannot run here, so desktop-notifier's real front end
(``DesktopNotifier``, its ``Button`` and ``Notification`` objects and their callbacks) runs over a recording
backend: a subclass of ``DesktopNotifierBackend``, the library's extension point for platforms
(https://desktop-notifier.readthedocs.io/). Presses are delivered as the WinRT backend delivers them: on the
asyncio loop the toast was sent from, through the base class's ``handle_button`` / ``handle_clicked``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import desktop_notifier.main
import pytest
from desktop_notifier import Capability, Notification
from desktop_notifier.backends.base import DesktopNotifierBackend
from desktop_notifier.backends.dummy import DummyNotificationCenter

from clientsafe.ui import notifier as notifier_module
from clientsafe.ui.desktop_notify import DesktopNotifications
from clientsafe.ui.notifier import Notifier
from clientsafe.ui.portable_notify import PortableNotifications

PAIRING = {"approve": "Approve", "deny": "Deny", "default": "Open"}
ROOT = Path(__file__).resolve().parents[2]


class RecordingBackend(DesktopNotifierBackend):
    """A notification centre that keeps what it is sent; ``fail`` makes it refuse, as a toast can."""

    made: list[RecordingBackend] = []
    fail = False
    allowed = True  # the person allows ClientSafe's notifications in the system's settings
    answer: threading.Event | None = None  # set when the person answers the permission prompt (macOS)

    def __init__(self, app_name: str, app_icon=None) -> None:
        super().__init__(app_name, app_icon)
        self.sent: list[Notification] = []
        self.loop: asyncio.AbstractEventLoop | None = None
        RecordingBackend.made.append(self)

    async def request_authorisation(self) -> bool:
        while self.answer is not None and not self.answer.is_set():  # macOS: the prompt is still on screen
            await asyncio.sleep(0.01)
        return self.allowed

    async def has_authorisation(self) -> bool:
        return self.allowed

    async def _send(self, notification: Notification) -> None:
        if self.fail:
            raise OSError("the toast notifier refused the notification")
        self.loop = asyncio.get_running_loop()  # as the WinRT backend's eventloop_wrapper captures it
        self.sent.append(notification)

    async def _clear(self, identifier: str) -> None:
        pass

    async def _clear_all(self) -> None:
        pass

    async def _get_capabilities(self) -> frozenset[Capability]:
        return frozenset({Capability.TITLE, Capability.MESSAGE, Capability.BUTTONS, Capability.ON_CLICKED})

    def press(self, button_title: str) -> None:
        """The person presses a button: the system's event reaches the loop the toast came from."""
        notification = self.sent[-1]
        button = next(b for b in notification.buttons if b.title == button_title)
        assert self.loop is not None

        def activated() -> None:
            cached = self._clear_notification_from_cache(notification.identifier)
            self.handle_button(notification.identifier, button.identifier, cached)

        self.loop.call_soon_threadsafe(activated)

    def click(self) -> None:
        notification = self.sent[-1]
        assert self.loop is not None
        self.loop.call_soon_threadsafe(self.handle_clicked, notification.identifier, notification)


class FakeTray:
    """A visible tray icon that can show messages (offscreen Qt has no system tray)."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []

    def isVisible(self) -> bool:
        return True

    def supportsMessages(self) -> bool:
        return True

    def showMessage(self, title, body, icon, ms) -> None:
        self.messages.append((title, body))


@pytest.fixture
def recording(monkeypatch):
    RecordingBackend.made = []
    monkeypatch.setattr(RecordingBackend, "fail", False)
    monkeypatch.setattr(RecordingBackend, "allowed", True)
    monkeypatch.setattr(RecordingBackend, "answer", None)
    monkeypatch.setattr(desktop_notifier.main, "get_backend_class", lambda: RecordingBackend)
    return RecordingBackend


@pytest.fixture
def adapter(recording):
    service = PortableNotifications()
    yield service
    service.close()


def backend() -> RecordingBackend:
    assert len(RecordingBackend.made) == 1
    return RecordingBackend.made[0]


def test_when_a_pairing_request_is_notified_then_the_buttons_say_approve_and_deny(adapter):
    assert adapter.available(), adapter.unavailable_reason
    shown = adapter.notify("A browser asks to pair", "“Chrome on LAPTOP-7” shows 123 456.", PAIRING, lambda key: None)
    assert shown is not None
    (sent,) = backend().sent
    assert [button.title for button in sent.buttons] == ["Approve", "Deny"]
    assert sent.title == "A browser asks to pair" and sent.message == "“Chrome on LAPTOP-7” shows 123 456."
    assert sent.on_clicked is not None  # "default": a click on the toast opens the Pair window


def test_when_a_button_is_pressed_then_the_callback_gets_its_key_off_the_qt_thread(adapter):
    pressed: list[tuple[str, threading.Thread]] = []
    done = threading.Event()

    def on_action(key: str) -> None:
        pressed.append((key, threading.current_thread()))
        done.set()

    adapter.notify("A browser asks to pair", "code 123 456", PAIRING, on_action)
    backend().press("Deny")
    assert done.wait(10)
    key, thread = pressed[0]
    assert key == "deny"
    assert thread is not threading.main_thread()
    done.clear()
    adapter.notify("A browser asks to pair", "code 654 321", PAIRING, on_action)
    backend().click()
    assert done.wait(10)
    assert pressed[1][0] == "default"


def test_when_a_button_is_pressed_then_the_tray_runs_the_action_on_the_qt_thread(qapp, qtbot, adapter):
    notifier = Notifier(None, adapter)
    chosen: list[tuple[str, threading.Thread]] = []
    channel = notifier.notify(
        "A browser asks to pair",
        "“Tom & Jerry’s <laptop>” shows 123 456.",
        actions=PAIRING,
        on_action=lambda key: chosen.append((key, threading.current_thread())),
    )
    assert channel == "desktop"
    # A toast shows text as given: the D-Bus markup escaping must not reach it as "&amp;".
    assert backend().sent[-1].message == "“Tom & Jerry’s <laptop>” shows 123 456."
    backend().press("Approve")
    qtbot.waitUntil(lambda: bool(chosen), timeout=10_000)
    assert chosen == [("approve", threading.main_thread())]


def test_when_the_notification_centre_refuses_then_the_tray_message_is_shown_and_nothing_raises(
    qapp, adapter, recording, caplog
):
    recording.fail = True
    caplog.set_level(logging.WARNING)
    assert adapter.notify("A browser asks to pair", "code", PAIRING, lambda key: None) is None
    assert "the system notification was not shown" in caplog.text and "OSError" in caplog.text
    assert "Traceback" not in caplog.text  # the library's warning with its stack trace is replaced by our line

    tray = FakeTray()
    notifier = Notifier(None, adapter)
    notifier.tray = tray  # type: ignore[assignment]
    assert notifier.notify("A browser asks to pair", "code 123 456", actions=PAIRING, on_action=print) == "tray"
    assert tray.messages == [("A browser asks to pair", "code 123 456")]


def test_when_notifications_are_turned_off_then_the_tray_says_it_and_they_come_back_when_turned_on(
    qapp, adapter, recording
):
    recording.allowed = False
    notifier = Notifier(None, adapter)
    tray = FakeTray()
    notifier.tray = tray  # type: ignore[assignment]
    assert notifier.notify("A browser asks to pair", "code 123 456", actions=PAIRING, on_action=print) == "tray"
    assert "turned off" in adapter.unavailable_reason
    assert backend().sent == [] and tray.messages == [("A browser asks to pair", "code 123 456")]
    recording.allowed = True  # the person turns them on in Settings; no restart
    assert notifier.notify("A browser asks to pair", "code 654 321", actions=PAIRING, on_action=print) == "desktop"
    assert adapter.unavailable_reason == "" and len(backend().sent) == 1


def test_while_macos_still_asks_the_person_then_the_tray_does_not_wait_for_the_answer(adapter, recording):
    recording.answer = threading.Event()  # the permission prompt stays on screen
    recording.allowed = False
    assert not adapter.available()  # answered, without waiting for the person
    assert "not yet allowed" in adapter.unavailable_reason
    recording.allowed = True
    recording.answer.set()  # they chose Allow
    assert adapter.available()
    assert adapter.notify("A browser asks to pair", "code", PAIRING, print) is not None


def test_when_macos_runs_clientsafe_outside_its_app_bundle_then_it_says_so_and_uses_the_tray(qapp, monkeypatch, caplog):
    # desktop-notifier picks its do-nothing backend outside a bundle; the adapter must not pretend to show.
    monkeypatch.setattr(desktop_notifier.main, "get_backend_class", lambda: DummyNotificationCenter)
    monkeypatch.setattr(sys, "platform", "darwin")
    service = PortableNotifications()
    try:
        assert not service.available()
        assert "signed ClientSafe app" in service.unavailable_reason
        assert service.notify("t", "b", PAIRING, print) is None
        notifier = Notifier(None, service)
        tray = FakeTray()
        notifier.tray = tray  # type: ignore[assignment]
        assert notifier.notify("A browser asks to pair", "code", actions=PAIRING, on_action=print) == "tray"
        assert tray.messages == [("A browser asks to pair", "code")]
    finally:
        service.close()


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_when_on_windows_or_macos_then_the_tray_uses_desktop_notifier(monkeypatch, platform):
    monkeypatch.setattr(sys, "platform", platform)
    assert isinstance(notifier_module.desktop_service(), PortableNotifications)


def test_when_on_linux_then_the_tray_keeps_the_d_bus_service(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    assert isinstance(notifier_module.desktop_service(), DesktopNotifications)


# -- the adapter over desktop-notifier's own D-Bus backend and a real notification daemon ----------------------------
# desktop-notifier picks its D-Bus backend on Linux, so here the adapter runs end to end against dunst (as
# tests/qt/test_desktop.py runs the jeepney path): the daemon shows the buttons, and a press comes back as the
# daemon's ActionInvoked signal. dunst presses a button through its context menu, which it reads from a dmenu-style
# program: this one logs the menu it was offered and picks "Approve".
SESSION = """
import json, subprocess, sys, threading, time
dunst = subprocess.Popen(["dunst"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
report = {}
try:
    from clientsafe.ui.portable_notify import PortableNotifications

    for _ in range(200):  # until dunst owns org.freedesktop.Notifications
        if subprocess.run(["dunstctl", "is-paused"], capture_output=True).returncode == 0:
            break
        time.sleep(0.05)
    service = PortableNotifications()
    report["available"] = service.available()
    chosen, done = [], threading.Event()

    def on_action(key):
        chosen.append([key, threading.current_thread() is threading.main_thread()])
        done.set()

    shown = service.notify("A browser asks to pair", "code 123 456", json.loads(sys.argv[1]), on_action)
    report["shown"] = shown is not None
    for _ in range(100):  # until dunst has it on screen
        if subprocess.run(["dunstctl", "count", "displayed"], capture_output=True, text=True).stdout.strip() == "1":
            break
        time.sleep(0.05)
    subprocess.run(["dunstctl", "context"], capture_output=True, timeout=10)
    report["pressed"] = done.wait(10)
    report["chosen"] = chosen
    service.close()
finally:
    dunst.terminate()
    dunst.wait(5)
print(json.dumps(report))
"""


@pytest.fixture
def display():
    # Linux only, and the same tools as tests/qt/test_desktop.py, which fails under CI when they are missing (this
    # module also runs in the Windows and macOS workflows, where the adapter's other tests matter most).
    if not sys.platform.startswith("linux"):
        pytest.skip("a D-Bus notification daemon runs on Linux only")
    needed = ("Xvfb", "dunst", "dunstctl", "dbus-run-session")
    missing = [tool for tool in needed if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (Debian: xvfb dunst dbus-x11; see .ci/run)")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "800x600x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as f:
        yield f":{f.readline().strip()}"
    server.terminate()
    server.wait(10)


def test_with_a_real_notification_daemon_the_approve_button_reaches_the_callback(display, tmp_path):
    menu = tmp_path / "menu.txt"
    picker = tmp_path / "pick.sh"
    picker.write_text(f"#!/bin/sh\ntee '{menu}' | grep -m1 Approve\n")
    picker.chmod(0o755)
    (tmp_path / "xdg" / "dunst").mkdir(parents=True)
    (tmp_path / "xdg" / "dunst" / "dunstrc").write_text(f"[global]\n    dmenu = {picker}\n")
    script = tmp_path / "session.py"
    script.write_text(SESSION)
    env = {
        **os.environ,
        "DISPLAY": display,
        "XDG_CONFIG_HOME": str(tmp_path / "xdg"),
        "CLIENTSAFE_HOME": str(tmp_path / "home"),
        "PYTHONPATH": str(ROOT / "tray"),
    }
    env.pop("WAYLAND_DISPLAY", None)
    result = subprocess.run(
        ["dbus-run-session", "--", sys.executable, str(script), json.dumps(PAIRING)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["available"] and report["shown"]
    offered = menu.read_text()
    assert "#Approve (A browser asks to pair)" in offered and "#Deny (A browser asks to pair)" in offered
    assert report["pressed"], result.stderr[-3000:]
    assert report["chosen"] == [["approve", False]]  # its key, off the main (Qt) thread
