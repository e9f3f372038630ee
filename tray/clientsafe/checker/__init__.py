"""The local PII/PHI checker. No Qt here: the tray, the API and the CLI are all clients of this.

Names are imported on first use: the engine pulls in spaCy and Presidio (seconds), and the CLI and the tray
import this package for its light parts (``OrgProfile``, the verdict types) before they need the engine.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clientsafe.checker.engine import ACCOUNTS, Checker, InputError
    from clientsafe.checker.org import OrgProfile
    from clientsafe.checker.verdict import Finding, Reason, Suggestion, Verdict

_WHERE = {
    "ACCOUNTS": "engine",
    "Checker": "engine",
    "InputError": "engine",
    "OrgProfile": "org",
    "Finding": "verdict",
    "Reason": "verdict",
    "Suggestion": "verdict",
    "Verdict": "verdict",
}
__all__ = ["ACCOUNTS", "Checker", "Finding", "InputError", "OrgProfile", "Reason", "Suggestion", "Verdict"]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"clientsafe.checker.{_WHERE[name]}"), name)
    raise AttributeError(name)
