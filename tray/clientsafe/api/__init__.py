"""The local HTTP service the browser extension calls (no Qt here). See docs/api.md and shared/api/."""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    # Imported on first use: ``clientsafe.api.tokens`` and ``pairing`` are light, but the app pulls in the
    # whole checker (spaCy, Presidio); the tray shows its icon before paying for that.
    if name == "create_app":
        from clientsafe.api.app import create_app

        return create_app
    raise AttributeError(name)
