"""The organisation's client roster: imported from CSV, kept only as keyed hashes, matched in posts and
friend requests. No Qt here: the tray is a client of this package.

Public surface (see docs/roster.md):
- :func:`import_roster` (``importer.py``) reads a CSV file or HTTPS URL and replaces the roster atomically;
- :class:`Roster` (``match.py``) finds roster clients in a text or for one person, re-reading the store
  when a new import lands;
- :func:`status` and :func:`clear` (``store.py``).
"""

from __future__ import annotations

from clientsafe.roster.errors import RosterError
from clientsafe.roster.importer import ImportReport, ProgressCallback, import_roster
from clientsafe.roster.match import Match, PersonMatch, Roster
from clientsafe.roster.store import RosterStatus, clear, status

__all__ = [
    "ImportReport",
    "Match",
    "PersonMatch",
    "ProgressCallback",
    "Roster",
    "RosterError",
    "RosterStatus",
    "clear",
    "import_roster",
    "status",
]
