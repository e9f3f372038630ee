"""Start at login on Linux: an XDG autostart entry (https://specifications.freedesktop.org/autostart-spec/latest/).
Windows and macOS are described in docs/tray.md. No Qt here."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from clientsafe import paths

ENTRY_NAME = "clientsafe.desktop"


def autostart_dir() -> Path:
    override = paths.home_override()
    if override:
        return override / "autostart"
    config_home = os.environ.get("XDG_CONFIG_HOME", "").strip() or str(Path.home() / ".config")
    return Path(config_home) / "autostart"


def entry_text(command: list[str] | None = None) -> str:
    command = command or [sys.executable, "-m", "clientsafe", "tray"]
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


def is_enabled() -> bool:
    return (autostart_dir() / ENTRY_NAME).exists()


def enable(command: list[str] | None = None) -> Path:
    file = autostart_dir() / ENTRY_NAME
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(entry_text(command), encoding="utf-8")
    return file


def disable() -> bool:
    file = autostart_dir() / ENTRY_NAME
    if file.exists():
        file.unlink()
        return True
    return False
