"""Which language ClientSafe speaks to a person: the policy's ``language`` setting, else the system's, else English.

One resolver for the tray, the CLI and the service, so a case manager never meets English in one window and
Spanish in the next. The extension asks the service (``GET /v1/config`` ``language``) and falls back to the
browser's own language when the policy leaves it to the system.
"""

from __future__ import annotations

import locale
import os
import sys
from collections.abc import Mapping
from typing import Any

LANGUAGES = ("en", "es")
DEFAULT = "en"
# The policy value meaning "follow the computer's language".
SYSTEM = "system"


def from_tag(tag: str | None) -> str | None:
    """'es_MX.UTF-8', 'es-419', 'Spanish_United States' -> 'es'; a tag naming no language we speak -> None."""
    if not tag:
        return None
    head = tag.strip().replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    if head in LANGUAGES:
        return head
    # Windows' locale.getlocale() gives English names ("Spanish_Mexico") rather than ISO codes.
    if head == "spanish":
        return "es"
    if head == "english":
        return "en"
    return None


def _windows_ui_language() -> str | None:
    """The Windows display language (what the person chose in Settings), which LANG does not carry there."""
    if sys.platform != "win32":
        return None
    try:
        import ctypes

        lang_id = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
        # The low 10 bits are the primary language: 0x0A is Spanish, 0x09 English (MS-LCID).
        return {0x0A: "es", 0x09: "en"}.get(int(lang_id) & 0x3FF)
    except (AttributeError, OSError, ValueError):
        return None


def system_language() -> str:
    """The computer's language as 'en' or 'es'; anything we do not speak (or cannot tell) is English."""
    # LANGUAGE is a priority list ("es:en"); LC_ALL overrides LC_MESSAGES, which overrides LANG (POSIX order).
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if not value or value in ("C", "POSIX", "C.UTF-8"):
            continue
        for tag in value.split(":"):
            found = from_tag(tag)
            if found:
                return found
        # The first variable that is set decides, as it does for every other program (gettext's order).
        return DEFAULT
    found = _windows_ui_language()
    if found:
        return found
    try:
        found = from_tag(locale.getlocale(locale.LC_CTYPE)[0])
    except (ValueError, TypeError):
        found = None
    return found or DEFAULT


def _setting(policy: Any) -> Any:
    if policy is None:
        return None
    if isinstance(policy, Mapping):
        return policy.get("language")
    values = getattr(policy, "values", None)
    if isinstance(values, Mapping):
        return values.get("language")
    return None


def language(policy: Any = None) -> str:
    """'en' or 'es': the policy's ``language`` when it names one, else the system's language, else English.

    ``policy`` is a :class:`clientsafe.policy.model.Policy`, a plain dict of settings, or None.
    """
    chosen = _setting(policy)
    if chosen in LANGUAGES:
        return str(chosen)
    return system_language()


def pick(lang: str, *candidates: str | None) -> str:
    """The first of ``candidates`` (per-feature language settings) that is a language we speak, else ``lang``."""
    for candidate in candidates:
        if candidate in LANGUAGES:
            return str(candidate)
    return lang


def for_request(policy: Any, requested: str | None, fallback: str | None = None) -> str:
    """The language of an answer to the browser: the policy's when it sets one, else what the browser asked for
    (its UI language, e.g. 'es-419'), else ``fallback`` (e.g. the post's own language), else the system's."""
    chosen = _setting(policy)
    if chosen in LANGUAGES:
        return str(chosen)
    return from_tag(requested) or (fallback if fallback in LANGUAGES else None) or system_language()
