"""Start at login, for this user, on each OS (no Qt here):

- Linux: an XDG autostart entry, ``~/.config/autostart/clientsafe.desktop``
  (https://specifications.freedesktop.org/autostart-spec/latest/).
- Windows: the value ``ClientSafe`` under ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``, the per-user
  place Windows starts programs from at sign-in
  (https://learn.microsoft.com/windows/win32/setupapi/run-and-runonce-registry-keys).
- macOS: a LaunchAgent, ``~/Library/LaunchAgents/org.clientsafe.tray.plist`` with ``RunAtLoad``, which launchd
  starts at the next login (``man launchd.plist``).

Where IT already starts ClientSafe for every user (the installers' machine-wide entries: Linux
``/etc/xdg/autostart/clientsafe.desktop``, macOS ``/Library/LaunchAgents/org.clientsafe.tray.plist``, Windows an
``HKLM`` Run value or the all-users Startup shortcut), ``managed_by_it()`` says where; ``enable()`` then adds no
second entry (two would start two copies, the second only bringing the first forward), and only IT can turn it
off. ``CLIENTSAFE_HOME`` moves the per-user entries (not the registry) under that folder, as tests do.
"""

from __future__ import annotations

import importlib
import os
import plistlib
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

from clientsafe import paths
from clientsafe.atomic_file import atomic_write

ENTRY_NAME = "clientsafe.desktop"
AGENT_LABEL = "org.clientsafe.tray"
AGENT_NAME = f"{AGENT_LABEL}.plist"
MACHINE_AGENTS = Path("/Library/LaunchAgents")
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "ClientSafe"
SHORTCUT_NAME = "ClientSafe.lnk"  # what the Windows installer puts in the Startup folder ({commonstartup})


def _platform() -> str:
    return sys.platform


def tray_command() -> list[str]:
    """How to start the tray: the frozen app is its own executable; otherwise this Python runs the package."""
    if getattr(sys, "frozen", False):
        # On Windows the windowless launcher beside it (packaging/clientsafe.spec) starts the tray without a
        # console window flashing up at every sign-in; it runs the tray when given no command.
        windowless = Path(sys.executable).with_name("clientsafe-tray.exe")
        if _platform() == "win32" and windowless.is_file():
            return [str(windowless)]
        return [sys.executable, "tray"]
    return [sys.executable, "-m", "clientsafe", "tray"]


# -- Linux: XDG autostart ----------------------------------------------------------------------------------------
def autostart_dir() -> Path:
    override = paths.home_override()
    if override:
        return override / "autostart"
    config_home = os.environ.get("XDG_CONFIG_HOME", "").strip() or str(Path.home() / ".config")
    return Path(config_home) / "autostart"


def entry_text(command: list[str] | None = None) -> str:
    command = command or tray_command()
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Name=ClientSafe",
            "Comment=Warns before a post or friend request breaches client confidentiality",
            f"Exec={shlex.join(command)}",
            "Icon=security-high",
            "Terminal=false",
            "Categories=Utility;Security;",
            "X-GNOME-Autostart-enabled=true",
            "",
        ]
    )


def _xdg_machine_entries() -> list[Path]:
    dirs = os.environ.get("XDG_CONFIG_DIRS", "").strip() or "/etc/xdg"
    return [Path(d) / "autostart" / ENTRY_NAME for d in dirs.split(os.pathsep) if d]


# -- macOS: a LaunchAgent ----------------------------------------------------------------------------------------
def launch_agents_dir() -> Path:
    override = paths.home_override()
    return override / "LaunchAgents" if override else Path.home() / "Library" / "LaunchAgents"


def agent_plist(command: list[str] | None = None) -> dict[str, object]:
    """The LaunchAgent, as packaging/macos/org.clientsafe.tray.plist has it for all users."""
    return {
        "Label": AGENT_LABEL,
        "ProgramArguments": command or tray_command(),
        "RunAtLoad": True,
        "LimitLoadToSessionType": "Aqua",  # a graphical login only, never an ssh session
    }


# -- Windows: the Run key ---------------------------------------------------------------------------------------
def _winreg() -> Any:
    """The registry module, Windows only: imported in the Windows branch alone (and typed loosely, since its
    stubs exist only for win32)."""
    return importlib.import_module("winreg")


def _run_value(hive: str) -> str | None:
    winreg = _winreg()
    root = winreg.HKEY_CURRENT_USER if hive == "HKCU" else winreg.HKEY_LOCAL_MACHINE
    try:
        with winreg.OpenKey(root, RUN_KEY, 0, winreg.KEY_READ) as key:
            value, _ = winreg.QueryValueEx(key, RUN_VALUE)
    except OSError:  # FileNotFoundError: no such key or value
        return None
    return str(value)


def _startup_folders() -> tuple[Path | None, Path | None]:
    """(this user's Startup folder, the all-users one), from the environment Windows sets for every session."""
    tail = Path("Microsoft") / "Windows" / "Start Menu" / "Programs"
    appdata, programdata = os.environ.get("APPDATA", ""), os.environ.get("PROGRAMDATA", "")
    return (
        Path(appdata) / tail / "Startup" if appdata else None,
        Path(programdata) / tail / "StartUp" if programdata else None,
    )


def _run_key_where() -> str:
    return f"HKEY_CURRENT_USER\\{RUN_KEY}\\{RUN_VALUE}"


# -- the public API ----------------------------------------------------------------------------------------------
def managed_by_it() -> str:
    """Where IT starts ClientSafe at every user's login, or "" when it does not."""
    system = _platform()
    if system == "win32":
        if _run_value("HKLM") is not None:
            return f"HKEY_LOCAL_MACHINE\\{RUN_KEY}\\{RUN_VALUE}"
        _, common = _startup_folders()
        shortcut = common / SHORTCUT_NAME if common else None
        return str(shortcut) if shortcut is not None and shortcut.exists() else ""
    if system == "darwin":
        agent = MACHINE_AGENTS / AGENT_NAME
        return str(agent) if agent.exists() else ""
    return next((str(entry) for entry in _xdg_machine_entries() if entry.exists()), "")


def _own_entry_exists() -> bool:
    system = _platform()
    if system == "win32":
        own, _ = _startup_folders()
        return _run_value("HKCU") is not None or (own is not None and (own / SHORTCUT_NAME).exists())
    if system == "darwin":
        return (launch_agents_dir() / AGENT_NAME).exists()
    return (autostart_dir() / ENTRY_NAME).exists()


def is_enabled() -> bool:
    """True when ClientSafe starts at this user's login: their own entry, or IT's for every user."""
    return _own_entry_exists() or bool(managed_by_it())


def enable(command: list[str] | None = None) -> Path | str:
    """Start ClientSafe at login; returns where that is set (a file, or the registry value on Windows). Where IT
    already does (``managed_by_it()``), nothing is added and IT's entry is returned."""
    managed = managed_by_it()
    if managed:
        return managed
    system = _platform()
    command = command or tray_command()
    if system == "win32":
        winreg = _winreg()
        with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
            # One command line, quoted as Windows parses it (a path with spaces: C:\Program Files\...).
            winreg.SetValueEx(key, RUN_VALUE, 0, winreg.REG_SZ, subprocess.list2cmdline(command))
        return _run_key_where()
    if system == "darwin":
        file = launch_agents_dir() / AGENT_NAME
        with atomic_write(file, binary=True) as f:
            plistlib.dump(agent_plist(command), f)
        return file
    file = autostart_dir() / ENTRY_NAME
    with atomic_write(file) as f:
        f.write(entry_text(command))
    return file


def disable() -> bool:
    """Remove this user's own entry; True when there was one. IT's machine-wide entry stays (only IT can
    change it): ``managed_by_it()`` tells the caller to say so."""
    system = _platform()
    if system == "win32":
        winreg = _winreg()
        removed = False
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, RUN_VALUE)
                removed = True
        except OSError:  # no Run key or no ClientSafe value: nothing to remove
            pass
        own, _ = _startup_folders()
        if own is not None and (own / SHORTCUT_NAME).exists():
            (own / SHORTCUT_NAME).unlink()  # a per-user shortcut an earlier installer made
            removed = True
        return removed
    file = launch_agents_dir() / AGENT_NAME if system == "darwin" else autostart_dir() / ENTRY_NAME
    if file.exists():
        file.unlink()
        return True
    return False
