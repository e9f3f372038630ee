"""The content-free audit: what ClientSafe showed and what the person chose, never what they wrote.

SQLite in the user data folder (``database.py``), written by one background thread so a check never waits on
the disk (``store.py``), read by the tray's "Recent warnings" window and ``clientsafe audit`` (``reader.py``),
optionally forwarded to the organisation's HTTPS collector through a durable outbox (``forwarder.py``).
Override reasons are checked and redacted before they are handed to the store (``redact.py``).
No Qt here: the tray is a client of this package.
"""

from __future__ import annotations

from clientsafe.audit.database import AuditError, default_path
from clientsafe.audit.events import CHOICES, KINDS, AuditEvent, AuditRow
from clientsafe.audit.reader import AuditReader, AuditStatus
from clientsafe.audit.store import DEFAULT_RETENTION_DAYS, AuditStore, Ticket

__all__ = [
    "CHOICES",
    "DEFAULT_RETENTION_DAYS",
    "KINDS",
    "AuditError",
    "AuditEvent",
    "AuditReader",
    "AuditRow",
    "AuditStatus",
    "AuditStore",
    "Ticket",
    "default_path",
]
