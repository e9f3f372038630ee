"""Start at login on each OS (clientsafe/ui/autostart.py), and "managed by IT" where the installer already does it.

Windows runs against a stand-in ``winreg`` module put in ``sys.modules`` (autostart imports it only in its Windows
branch, by name, so the stand-in is what it finds) that keeps keys and values as the registry does: hive, key path,
value name, value type. macOS writes the real LaunchAgent file into a temporary HOME. ``sys.platform`` is patched
for each branch; the per-user Linux entry through the About window is in test_app_windows.py.
"""

from __future__ import annotations

import plistlib
import sys
import types

import pytest

from clientsafe.cli import main as cli_main
from clientsafe.ui import autostart

RUN = r"Software\Microsoft\Windows\CurrentVersion\Run"
EXE = r"C:\Program Files\ClientSafe\ClientSafe.exe"


class FakeRegistry:
    """The part of ``winreg`` autostart uses, over a dict {(hive, key path): {value name: (data, type)}}."""

    HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE = "HKCU", "HKLM"
    KEY_READ, KEY_SET_VALUE = 0x20019, 0x0002
    REG_SZ, REG_EXPAND_SZ = 1, 2

    def __init__(self) -> None:
        self.keys: dict[tuple[str, str], dict[str, tuple[object, int]]] = {}

    def module(self) -> types.ModuleType:
        module = types.ModuleType("winreg")
        for name in ("HKEY_CURRENT_USER", "HKEY_LOCAL_MACHINE", "KEY_READ", "KEY_SET_VALUE", "REG_SZ"):
            setattr(module, name, getattr(self, name))
        for name in ("OpenKey", "CreateKeyEx", "QueryValueEx", "SetValueEx", "DeleteValue"):
            setattr(module, name, getattr(self, name))
        return module

    class _Key:
        def __init__(self, values: dict) -> None:
            self.values = values

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            pass

    def OpenKey(self, hive, path, reserved=0, access=0x20019):
        if (hive, path) not in self.keys:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return self._Key(self.keys[(hive, path)])

    def CreateKeyEx(self, hive, path, reserved=0, access=0):
        return self._Key(self.keys.setdefault((hive, path), {}))

    def QueryValueEx(self, key, name):
        if name not in key.values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return key.values[name]

    def SetValueEx(self, key, name, reserved, kind, data) -> None:
        key.values[name] = (data, kind)

    def DeleteValue(self, key, name) -> None:
        if name not in key.values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        del key.values[name]


@pytest.fixture
def windows(monkeypatch, tmp_path):
    registry = FakeRegistry()
    monkeypatch.setitem(sys.modules, "winreg", registry.module())
    monkeypatch.setattr(sys, "platform", "win32")
    # The Startup folders Windows names in every session, empty here.
    monkeypatch.setenv("APPDATA", str(tmp_path / "AppData" / "Roaming"))
    monkeypatch.setenv("PROGRAMDATA", str(tmp_path / "ProgramData"))
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # the installed app is its own executable
    monkeypatch.setattr(sys, "executable", EXE)
    return registry


def test_on_windows_enable_writes_the_quoted_command_to_the_users_run_key(windows, home):
    where = autostart.enable()
    assert windows.keys[("HKCU", RUN)] == {"ClientSafe": (f'"{EXE}" tray', FakeRegistry.REG_SZ)}
    assert where == rf"HKEY_CURRENT_USER\{RUN}\ClientSafe"
    assert ("HKLM", RUN) not in windows.keys
    assert autostart.is_enabled() and not autostart.managed_by_it()
    assert not (home / "autostart").exists()  # no XDG entry on Windows


def test_on_windows_disable_removes_the_run_value(windows, home):
    autostart.enable()
    assert autostart.disable() is True
    assert windows.keys[("HKCU", RUN)] == {}
    assert not autostart.is_enabled()
    assert autostart.disable() is False  # nothing left to remove


def test_on_windows_when_hklm_run_starts_it_then_it_is_managed_by_it_and_no_user_value_is_added(windows, home):
    windows.keys[("HKLM", RUN)] = {"ClientSafe": (f'"{EXE}" tray', FakeRegistry.REG_SZ)}
    assert autostart.managed_by_it() == rf"HKEY_LOCAL_MACHINE\{RUN}\ClientSafe"
    assert autostart.enable() == rf"HKEY_LOCAL_MACHINE\{RUN}\ClientSafe"
    assert ("HKCU", RUN) not in windows.keys  # a second entry would start a second copy at login
    assert autostart.is_enabled()


def test_on_windows_the_all_users_startup_shortcut_counts_as_managed_by_it(windows, tmp_path, home):
    startup = tmp_path / "ProgramData" / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "StartUp"
    startup.mkdir(parents=True)
    (startup / "ClientSafe.lnk").write_bytes(b"L\0\0\0")
    assert autostart.managed_by_it() == str(startup / "ClientSafe.lnk")


@pytest.fixture
def macos(monkeypatch, tmp_path):
    home = tmp_path / "Users" / "ana"
    home.mkdir(parents=True)
    monkeypatch.delenv("CLIENTSAFE_HOME", raising=False)  # the real place: ~/Library/LaunchAgents
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)  # anything written in the wrong place stays in HOME
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))  # what Path.home() reads when this runs on Windows
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(autostart, "MACHINE_AGENTS", tmp_path / "Library" / "LaunchAgents", raising=False)
    return home


def test_on_macos_enable_writes_a_launch_agent_that_runs_at_load(macos):
    command = ["/Applications/ClientSafe.app/Contents/MacOS/ClientSafe", "tray"]
    where = autostart.enable(command)
    agent = macos / "Library" / "LaunchAgents" / "org.clientsafe.tray.plist"
    assert where == agent
    with agent.open("rb") as f:
        loaded = plistlib.load(f)
    assert loaded["Label"] == "org.clientsafe.tray"
    assert loaded["ProgramArguments"] == command
    assert loaded["RunAtLoad"] is True
    assert autostart.is_enabled()
    assert autostart.disable() is True
    assert not agent.exists() and not autostart.is_enabled()


def test_on_macos_a_system_launch_agent_is_managed_by_it(macos, tmp_path):
    system = tmp_path / "Library" / "LaunchAgents" / "org.clientsafe.tray.plist"
    system.parent.mkdir(parents=True)
    system.write_bytes(plistlib.dumps({"Label": "org.clientsafe.tray", "RunAtLoad": True}))
    assert autostart.managed_by_it() == str(system)
    assert autostart.enable() == str(system)
    assert not (macos / "Library" / "LaunchAgents").exists()


@pytest.fixture
def linux_it(monkeypatch, tmp_path, home):
    """An /etc/xdg/autostart entry from the .deb, in a temporary XDG_CONFIG_DIRS."""
    monkeypatch.setattr(sys, "platform", "linux")
    system = tmp_path / "etc-xdg"
    (system / "autostart").mkdir(parents=True)
    (system / "autostart" / "clientsafe.desktop").write_text(autostart.entry_text(["clientsafe", "tray"]))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(system))
    return system / "autostart" / "clientsafe.desktop"


def test_on_linux_an_xdg_system_entry_is_managed_by_it_and_no_user_entry_is_added(linux_it, home):
    assert autostart.managed_by_it() == str(linux_it)
    assert autostart.enable() == str(linux_it)
    assert not (home / "autostart" / "clientsafe.desktop").exists()


def test_when_it_starts_clientsafe_then_about_says_so_and_hides_the_toggle(qapp, linux_it):
    from clientsafe.ui.about import AboutWindow

    about = AboutWindow()
    try:
        assert about.autostart.isHidden()
        assert not about.autostart_managed.isHidden()
        assert about.autostart_managed.text() == "Started at login by your IT department."
    finally:
        about.close()


def test_when_no_one_else_starts_clientsafe_then_about_offers_the_toggle(qapp, home, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "linux")  # never the registry of the machine running the tests
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "empty-xdg"))
    from clientsafe.ui.about import AboutWindow

    about = AboutWindow()
    try:
        assert not about.autostart.isHidden() and about.autostart_managed.isHidden()
    finally:
        about.close()


def test_when_it_starts_clientsafe_then_the_cli_cannot_turn_it_off_and_says_who_can(linux_it, capsys):
    assert cli_main(["tray", "--autostart", "off"]) == 3
    err = capsys.readouterr().err
    assert "started at login by your IT department" in err and "only IT can turn that off" in err
    assert "Traceback" not in err
    assert cli_main(["tray", "--autostart", "on"]) == 0
    assert "by your IT department" in capsys.readouterr().out


def test_on_windows_the_run_value_names_the_windowless_launcher_when_installed(windows, home, tmp_path, monkeypatch):
    """The installed app has clientsafe-tray.exe beside clientsafe.exe: sign-in then opens no console window."""
    folder = tmp_path / "Program Files" / "ClientSafe"
    folder.mkdir(parents=True)
    (folder / "clientsafe.exe").write_bytes(b"")
    (folder / "clientsafe-tray.exe").write_bytes(b"")
    monkeypatch.setattr(sys, "executable", str(folder / "clientsafe.exe"))
    autostart.enable()
    assert windows.keys[("HKCU", RUN)] == {"ClientSafe": (f'"{folder / "clientsafe-tray.exe"}"', FakeRegistry.REG_SZ)}
