"""Where ClientSafe keeps its files.

platformdirs gives the right per-OS locations (XDG on Linux, AppData on Windows, Application Support
on macOS) so we do not hand-roll them. ``CLIENTSAFE_HOME`` puts everything under one folder instead,
which tests and multiple profiles use.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "ClientSafe"


def home_override() -> Path | None:
    value = os.environ.get("CLIENTSAFE_HOME", "").strip()
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    override = home_override()
    return override / "data" if override else Path(platformdirs.user_data_dir(APP_NAME, APP_NAME))


def config_dir() -> Path:
    override = home_override()
    return override / "config" if override else Path(platformdirs.user_config_dir(APP_NAME, APP_NAME))


def log_dir() -> Path:
    override = home_override()
    return override / "logs" if override else Path(platformdirs.user_log_dir(APP_NAME, APP_NAME))
