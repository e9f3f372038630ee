"""The audit store: one writer thread owns the database; everyone else hands it events and moves on.

``record()`` puts the event on a queue and returns a :class:`Ticket` at once, so the service's request
thread (and so the checker) never waits on the disk. The writer takes whatever is queued, writes it in one
transaction (with its outbox rows when forwarding is on) and only then marks the tickets done: a ticket that
says ``committed`` is on disk and survives ``kill -9`` (see ``database.py`` for the synchronous level).
Retention is applied when the store opens and then once a day by the writer.
"""

from __future__ import annotations

import datetime as dt
import logging
import queue
import secrets
import sqlite3
import threading
import time
import urllib.parse
from pathlib import Path
from typing import IO

from clientsafe.audit.database import AuditError, connect, default_path, set_meta
from clientsafe.audit.events import AuditEvent, AuditRow, join_codes
from clientsafe.audit.forwarder import Forwarder
from clientsafe.audit.reader import AuditReader, AuditStatus

log = logging.getLogger("clientsafe.audit")

DEFAULT_RETENTION_DAYS = 180
_BATCH = 500  # events per transaction at most
_QUEUE_LIMIT = 50_000  # events waiting for the disk before new ones are refused (and counted) rather than held


class Ticket:
    """The promise ``record()`` returns: :meth:`wait` says whether the event reached the disk."""

    def __init__(self) -> None:
        self._done = threading.Event()
        self.committed = False

    @property
    def accepted(self) -> bool:
        """False only when the store refused the event outright (closed, or the queue is full)."""
        return not (self._done.is_set() and not self.committed)

    def wait(self, timeout: float | None = None) -> bool:
        self._done.wait(timeout)
        return self.committed

    def _finish(self, committed: bool) -> None:
        self.committed = committed
        self._done.set()


_STOP = object()


class AuditStore:
    """Open (creating if needed) the audit database at ``path`` and start its writer thread.

    ``retention_days``: events older than this are deleted on open and daily (0 or None keeps everything).
    ``forward_url``: the organisation's HTTPS collector; when set, each event also goes into the outbox.
    ``ca_bundle``: a CA file for a collector with an internal certificate (default: the system's/certifi's).
    """

    def __init__(
        self,
        path: Path | None = None,
        retention_days: int | None = DEFAULT_RETENTION_DAYS,
        forward_url: str | None = None,
        *,
        ca_bundle: str | None = None,
        retention_interval: float = 24 * 3600,
        forwarder_options: dict | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else default_path()
        if retention_days is not None and retention_days < 0:
            raise AuditError(f"retention_days must be 0 (keep everything) or more, not {retention_days}")
        if forward_url and not forward_url.lower().startswith("https://"):
            raise AuditError(f"forward_url must be an https:// address, not {forward_url!r}")
        self.retention_days = retention_days or 0
        self.forward_url = forward_url or None
        self.retention_interval = retention_interval
        self.dropped = 0
        self._queue: queue.Queue = queue.Queue(maxsize=_QUEUE_LIMIT)
        self._closed = False
        self._reader = AuditReader(self.path)
        self._conn = connect(self.path)
        try:
            set_meta(self._conn, "retention_days", str(self.retention_days))
            set_meta(self._conn, "forward_url", _shown(self.forward_url))
            self.source_id = self._source_id()
            self.apply_retention()
        except sqlite3.DatabaseError as e:
            self._conn.close()
            raise AuditError(f"{self.path}: the audit database cannot be written ({e}).") from None
        self._last_retention = time.monotonic()
        self.forwarder = (
            Forwarder(self.path, self.forward_url, self.source_id, ca_bundle=ca_bundle, **(forwarder_options or {}))
            if self.forward_url
            else None
        )
        self._thread = threading.Thread(target=self._run, name="clientsafe-audit-writer", daemon=True)
        self._thread.start()
        if self.forwarder:
            self.forwarder.start()

    # -- writing ---------------------------------------------------------------------------------

    def record(self, event: AuditEvent) -> Ticket:
        """Hand the event to the writer and return at once."""
        ticket = Ticket()
        if self._closed:
            ticket._finish(False)
            return ticket
        try:
            self._queue.put_nowait((event, ticket))
        except queue.Full:
            self.dropped += 1
            log.warning("audit queue full: an event was not recorded (%d so far); is the disk stuck?", self.dropped)
            ticket._finish(False)
        return ticket

    def flush(self, timeout: float | None = 10) -> bool:
        """Wait until everything recorded so far is on disk."""
        if self._closed:
            return True
        marker = Ticket()
        self._queue.put((None, marker))
        return marker.wait(timeout)

    def apply_retention(self, now: float | None = None) -> int:
        """Delete events older than the retention period (outbox rows with them); returns how many."""
        if not self.retention_days:
            return 0
        cutoff = (now if now is not None else time.time()) - self.retention_days * 86400
        with _transaction(self._conn):
            self._conn.execute("DELETE FROM outbox WHERE event IN (SELECT id FROM events WHERE time < ?)", (cutoff,))
            deleted = self._conn.execute("DELETE FROM events WHERE time < ?", (cutoff,)).rowcount
        if deleted:
            log.info("audit retention: %d events older than %d days deleted", deleted, self.retention_days)
        return deleted

    def close(self, timeout: float = 10) -> None:
        """Write what is queued, stop the threads, close the database."""
        if self._closed:
            return
        self._closed = True
        self._queue.put((_STOP, None))
        self._thread.join(timeout)
        if self.forwarder:
            self.forwarder.stop(timeout)

    def __enter__(self) -> AuditStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading (delegated: each call has its own read-only connection) ----------------------------

    def recent(
        self, limit: int = 50, since: dt.datetime | None = None, site: str | None = None, kind: str | None = None
    ) -> list[AuditRow]:
        return self._reader.recent(limit, since=since, site=site, kind=kind)

    def export_csv(self, out: Path | IO[str], since: dt.datetime | None = None) -> int:
        return self._reader.export_csv(out, since)

    def status(self, check_integrity: bool = False) -> AuditStatus:
        return self._reader.status(check_integrity)

    # -- the writer thread ------------------------------------------------------------------------

    def _source_id(self) -> str:
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'source_id'").fetchone()
        if row:
            return str(row[0])
        value = secrets.token_hex(8)  # names this installation to a collector without naming the person
        set_meta(self._conn, "source_id", value)
        return value

    def _run(self) -> None:
        stopping = False
        while not stopping:
            batch: list[tuple] = []
            try:
                batch.append(self._queue.get(timeout=min(60.0, self.retention_interval)))
                while len(batch) < _BATCH:
                    batch.append(self._queue.get_nowait())
            except queue.Empty:
                pass
            stopping = any(event is _STOP for event, _ in batch)
            events = [(e, t) for e, t in batch if e is not None and e is not _STOP]
            markers = [t for e, t in batch if e is None]
            if events:
                self._write(events)
            for marker in markers:
                marker._finish(True)
            if time.monotonic() - self._last_retention >= self.retention_interval:
                self._last_retention = time.monotonic()
                try:
                    self.apply_retention()
                except sqlite3.DatabaseError as e:
                    log.error("audit retention failed (%s)", e)
        self._conn.close()

    def _write(self, items: list[tuple[AuditEvent, Ticket]]) -> None:
        rows = [
            (
                event.event_id,
                event.time,
                event.kind,
                event.check_id,
                event.site,
                event.account,
                event.action,
                join_codes(event.rule_codes),
                join_codes(event.finding_types),
                int(event.suggestions),
                event.choice,
                event.reason,
            )
            for event, _ in items
        ]
        try:
            with _transaction(self._conn):
                # One statement for the batch (sqlite3 releases the GIL while SQLite works, so the checker's
                # thread keeps running); the write lock taken by BEGIN IMMEDIATE means every id above the old
                # maximum is one of ours, which is how the outbox rows are found.
                before = self._conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
                self._conn.executemany(
                    "INSERT OR IGNORE INTO events (event_id, time, kind, check_id, site, account, action, "
                    "rule_codes, finding_types, suggestions, choice, reason) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    rows,
                )
                if self.forward_url:
                    self._conn.execute("INSERT INTO outbox(event) SELECT id FROM events WHERE id > ?", (before,))
        except (sqlite3.Error, ValueError, TypeError, OverflowError) as e:  # the writer thread itself carries on
            log.error("audit write failed (%s): %d events not recorded", type(e).__name__, len(items))
            for _, ticket in items:
                ticket._finish(False)
            return
        for _, ticket in items:
            ticket._finish(True)
        if self.forwarder:
            self.forwarder.wake()


def _shown(url: str | None) -> str:
    """The collector's address as status may show it: no user name, password or query (they may hold a key)."""
    if not url:
        return ""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    return f"{parts.scheme}://{host}{f':{parts.port}' if parts.port else ''}{parts.path}"


class _transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error (the connection is in autocommit mode)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self.conn.execute("COMMIT")
        else:
            self.conn.execute("ROLLBACK")
