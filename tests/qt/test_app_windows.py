"""About, the window shown where there is no tray, one instance per user, start at login, `clientsafe tray`."""

from __future__ import annotations

from clientsafe import __version__
from clientsafe.cli import main as cli_main
from clientsafe.ui import autostart
from clientsafe.ui.no_tray import WHY
from clientsafe.ui.qt import QApplication, Qt
from clientsafe.ui.single_instance import SingleInstance, ask_running_instance
from tests.qt.conftest import make_tray


def test_about_shows_version_status_and_where_files_are(tray, home):
    tray.about_action.trigger()
    about = tray.windows["about"]
    assert about.isVisible()
    assert f"ClientSafe {__version__}" in about.findChildren(type(about.status))[0].text()
    assert "pair a browser" in about.status.text()
    assert str(home / "data") in about.files.text()
    assert about.files.isHidden()  # where the files are is for the IT / privacy officer view
    about.admin.box.setChecked(True)
    assert not about.files.isHidden()


def test_start_at_login_checkbox_writes_and_removes_the_xdg_entry(tray, home):
    about = tray.open_about()
    assert not about.autostart.isChecked()
    about.autostart.setChecked(True)
    entry = home / "autostart" / "clientsafe.desktop"
    text = entry.read_text()
    assert "[Desktop Entry]" in text and "Exec=" in text and " -m clientsafe tray" in text
    about.autostart.setChecked(False)
    assert not entry.exists()


def test_when_there_is_no_tray_area_then_a_small_window_says_why_and_offers_the_actions(
    qtbot, qapp, checker, tokens, book, desktop, monkeypatch
):
    tray = make_tray(qtbot, checker, tokens, book, desktop, tray_available=False)
    try:
        window = tray.no_tray
        assert window is not None and window.isVisible()
        assert not tray.tray.isVisible()
        assert WHY in [label.text() for label in window.findChildren(type(window.status))]
        assert window.status.text() == tray.status_action.text()
        entries = [a.text().replace("&", "") for a in tray.menu.actions()[1:] if not a.isSeparator()]
        assert list(window.buttons) == entries  # every entry of the tray menu (issue 16)
        assert {"Client roster…", "Recent warnings…", "Policy and Community Standards…"} <= set(window.buttons)
        qtbot.mouseClick(window.buttons["Check a draft…"], Qt.MouseButton.LeftButton)
        assert tray.windows["check"].isVisible()
        qtbot.mouseClick(window.buttons["Pause for 15 minutes"], Qt.MouseButton.LeftButton)
        assert window.status.text().startswith("Paused")
        quits = []
        monkeypatch.setattr(QApplication, "quit", lambda *a: quits.append(True))
        window.close()  # closing it quits, as the window says
        assert quits and tray.stopped
    finally:
        tray.shutdown()


def test_a_second_launch_brings_the_first_forward(qtbot, tray, home):
    instance = SingleInstance()
    instance.activated.connect(tray.bring_forward)
    try:
        with qtbot.waitSignal(instance.activated, timeout=5000):
            assert ask_running_instance()
        assert tray.windows["about"].isVisible()
    finally:
        instance.close()
    assert not ask_running_instance(timeout_ms=200)


def test_cli_autostart_on_and_off(home, capsys):
    assert cli_main(["tray", "--autostart", "on"]) == 0
    assert autostart.is_enabled()
    assert "will start when you log in" in capsys.readouterr().out
    assert cli_main(["tray", "--autostart", "off"]) == 0
    assert not autostart.is_enabled()


def test_cli_tray_without_a_display_says_to_use_serve(home, monkeypatch, capsys):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert cli_main(["tray"]) == 2
    assert "clientsafe serve" in capsys.readouterr().err


def test_clientsafe_tray_starts_refuses_a_second_copy_and_stops_cleanly_on_sigterm(home):
    import os
    import signal
    import subprocess
    import sys

    env = {**os.environ, "CLIENTSAFE_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
    from tests.conftest import DATA

    command = [sys.executable, "-m", "clientsafe", "tray", "--org", str(DATA / "org_profile.json")]
    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert first.stdout is not None
        started = first.stdout.readline()
        assert started.startswith("ClientSafe started: no system tray here")  # offscreen has no tray
        ready = first.stdout.readline()
        assert ready.startswith("ClientSafe ready: checking posts (local service on 127.0.0.1:")
        second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
        assert (second.returncode, second.stdout.strip()) == (0, "ClientSafe is already running; brought it forward.")
        first.send_signal(signal.SIGTERM)
        assert first.wait(30) == 0
        assert first.stdout.read().strip().endswith("ClientSafe stopped.")
    finally:
        if first.poll() is None:
            first.kill()
