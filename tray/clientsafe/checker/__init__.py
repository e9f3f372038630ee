"""The local PII/PHI checker. No Qt here: the tray, the API and the CLI are all clients of this.

The engine (spaCy, Presidio: a second or two to import) loads on first use of ``Checker``, ``InputError`` or
``ACCOUNTS``, so code that only needs the organisation profile or the verdict shapes (``clientsafe policy``,
the tray before its engine warms up) starts at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clientsafe.checker.org import OrgProfile
from clientsafe.checker.verdict import Finding, Reason, Suggestion, Verdict

if TYPE_CHECKING:
    from clientsafe.checker.engine import ACCOUNTS, Checker, InputError

__all__ = ["ACCOUNTS", "Checker", "Finding", "InputError", "OrgProfile", "Reason", "Suggestion", "Verdict"]
_FROM_ENGINE = frozenset({"ACCOUNTS", "Checker", "InputError"})


def __getattr__(name: str) -> Any:
    if name in _FROM_ENGINE:
        from clientsafe.checker import engine

        return getattr(engine, name)
    raise AttributeError(f"module 'clientsafe.checker' has no attribute {name!r}")
