"""The local HTTP service the browser extension calls (no Qt here). See docs/api.md and shared/api/."""

from clientsafe.api.app import create_app

__all__ = ["create_app"]
