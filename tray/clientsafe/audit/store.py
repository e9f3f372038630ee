"""The audit store: one writer thread owns the database; everyone else hands it events and moves on.

``record()`` puts the event on a queue and returns a :class:`Ticket` at once, so the service's request
thread (and so the checker) never waits on the disk. The writer takes whatever is queued, writes it in one
transaction (with its outbox rows when forwarding is on) and only then marks the tickets done: a ticket that
says ``committed`` is on disk and survives ``kill -9`` (see ``database.py`` for the synchronous level).
Retention is applied when the store opens and then once a day by the writer.

When the disk refuses a write (full, read-only, the database locked for too long), nothing is dropped at once:
the events wait in memory, in order, up to HOLD_LIMIT (beyond it the oldest are dropped and counted in
``dropped``), and the writer tries again after 1, 2, 4 ... up to 60 seconds; when the disk accepts writes again
they are written and their tickets say ``committed``. Meanwhile ``problem`` says, in words, that the audit is
not being written, for ``GET /v1/status`` and the tray.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import queue
import secrets
import sqlite3
import threading
import time
import urllib.parse
from collections import deque
from pathlib import Path
from typing import IO

from clientsafe.audit.database import AuditError, connect, default_path, set_meta
from clientsafe.audit.events import AuditEvent, AuditRow, join_codes
from clientsafe.audit.forwarder import FORMATS, Forwarder
from clientsafe.audit.reader import AuditReader, AuditStatus
from clientsafe.say import said

log = logging.getLogger("clientsafe.audit")

DEFAULT_RETENTION_DAYS = 180
_BATCH = 500  # events per transaction at most
_QUEUE_LIMIT = 50_000  # events handed over but not yet taken by the writer (a writer stuck in the disk)
HOLD_LIMIT = 10_000  # events kept in memory while the disk refuses them; beyond it the oldest are dropped
_RETRY_FIRST, _RETRY_MAX = 1.0, 60.0  # seconds before the next try while writes fail (doubling each time)


def _disk_error(error: BaseException) -> bool:
    """A failure of the disk or the database file (retried), not of the events themselves (never retried)."""
    return isinstance(error, sqlite3.OperationalError) or type(error) is sqlite3.DatabaseError


def _plain(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return said("the disk is full") if "full" in text.lower() else text


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
    ``forward_format``: ``"json"`` (ClientSafe's batches) or ``"otlp"`` (OpenTelemetry logs over OTLP/HTTP).
    ``forward_headers``: sent with every forwarded batch (e.g. a collector's API key); never stored or logged.
    """

    def __init__(
        self,
        path: Path | None = None,
        retention_days: int | None = DEFAULT_RETENTION_DAYS,
        forward_url: str | None = None,
        *,
        ca_bundle: str | None = None,
        forward_format: str = "json",
        forward_headers: dict[str, str] | None = None,
        retention_interval: float = 24 * 3600,
        forwarder_options: dict | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else default_path()
        if retention_days is not None and retention_days < 0:
            raise AuditError(
                said("retention_days must be 0 (keep everything) or more, not {days}", days=retention_days)
            )
        if forward_url and not forward_url.lower().startswith("https://"):
            raise AuditError(said("forward_url must be an https:// address, not {url}", url=repr(forward_url)))
        if forward_format not in FORMATS:
            raise AuditError(
                said(
                    "forward_format must be one of {formats}, not {format}",
                    formats=", ".join(FORMATS),
                    format=repr(forward_format),
                )
            )
        self.forward_format = forward_format
        self.retention_days = retention_days or 0
        self.forward_url = forward_url or None
        self.retention_interval = retention_interval
        self.dropped = 0  # events lost: refused with the queue full, or the oldest beyond HOLD_LIMIT
        self._queue: queue.Queue = queue.Queue(maxsize=_QUEUE_LIMIT)
        self._closed = False
        # Owned by the writer thread: events not on disk yet, flush() markers, and the failure state.
        self._held: deque[tuple[AuditEvent, Ticket]] = deque()
        self._markers: list[tuple[int, Ticket]] = []  # (events taken when flush() was called, its ticket)
        self._taken = 0  # events ever put in _held
        self._settled = 0  # events that left _held: written, or given up on
        self._failure = ""  # why writes fail, while they do ("" when the audit is being written)
        self._retry_at = 0.0
        self._backoff = _RETRY_FIRST
        self._drop_logged = False
        self._reader = AuditReader(self.path)
        self._conn = connect(self.path)
        self._prepared = False
        try:
            row = self._conn.execute("SELECT value FROM meta WHERE key = 'source_id'").fetchone()
            # names this installation to a collector without naming the person
            self.source_id = str(row[0]) if row else secrets.token_hex(8)
            self._prepare()
        except sqlite3.DatabaseError as e:
            if not _disk_error(e):
                self._conn.close()
                raise AuditError(
                    said("{path}: the audit database cannot be written ({error}).", path=self.path, error=str(e))
                ) from None
            # The database opens but takes no writes (a full disk): start anyway, and say so; the writer
            # finishes these first steps when the disk accepts writes again.
            self._failed(e)
        self._last_retention = time.monotonic()
        self.forwarder = (
            Forwarder(
                self.path,
                self.forward_url,
                self.source_id,
                ca_bundle=ca_bundle,
                format=forward_format,
                headers=forward_headers,
                **(forwarder_options or {}),
            )
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

    @property
    def problem(self) -> str:
        """Empty while events reach the disk; otherwise, in words for a person, that the audit is not written."""
        failure = self._failure
        if not failure:
            return ""
        if self.dropped:
            return said(
                "the audit log is not being written ({failure}): {held:,} events wait in memory and are written when "
                "the disk accepts them again; {dropped:,} could not be kept",
                failure=failure,
                held=len(self._held),
                dropped=self.dropped,
            )
        return said(
            "the audit log is not being written ({failure}): {held:,} events wait in memory and are written when "
            "the disk accepts them again",
            failure=failure,
            held=len(self._held),
        )

    @property
    def writing(self) -> bool:
        """False while the disk refuses the audit's writes."""
        return not self._failure

    @property
    def held(self) -> int:
        """Events waiting in memory for the disk."""
        return len(self._held)

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

    def _prepare(self) -> None:
        """What opening the store writes (settings in force, the source id, retention); repeated by the writer
        until it succeeds when the disk was full at open."""
        if self._prepared:
            return
        set_meta(self._conn, "retention_days", str(self.retention_days))
        set_meta(self._conn, "forward_url", _shown(self.forward_url))
        set_meta(self._conn, "forward_format", self.forward_format if self.forward_url else "")
        set_meta(self._conn, "source_id", self.source_id)
        self.apply_retention()
        self._prepared = True

    def _run(self) -> None:
        stopping = False
        while not stopping:
            if not self._held:
                wait = min(60.0, self.retention_interval)
            elif self._failure:
                wait = max(0.0, self._retry_at - time.monotonic())
            else:
                wait = 0.0
            items: list[tuple] = []
            try:
                items.append(self._queue.get(timeout=wait) if wait > 0 else self._queue.get_nowait())
                while len(items) < _QUEUE_LIMIT:
                    items.append(self._queue.get_nowait())
            except queue.Empty:
                pass
            for event, ticket in items:
                if event is _STOP:
                    stopping = True
                elif event is None:
                    self._markers.append((self._taken, ticket))
                else:
                    self._held.append((event, ticket))
                    self._taken += 1
            if self._held and (not self._failure or stopping or time.monotonic() >= self._retry_at):
                self._write_held()
            self._trim()  # after the write: while the disk takes writes, nothing waits long enough to be dropped
            self._settle_markers()
            if time.monotonic() - self._last_retention >= self.retention_interval:
                self._last_retention = time.monotonic()
                try:
                    self.apply_retention()
                except sqlite3.DatabaseError as e:
                    log.error("audit retention failed (%s)", e)
        if self._held:  # stopping, and the disk still refuses them: nothing more can be done
            log.error(
                "%d audit events could not be written before ClientSafe stopped (%s)", len(self._held), self._failure
            )
            self.dropped += len(self._held)
            self._settle(len(self._held), False)
        self._settle_markers()
        self._conn.close()

    def _trim(self) -> None:
        """Keep at most HOLD_LIMIT events in memory: the oldest go first, counted in ``dropped``."""
        over = len(self._held) - HOLD_LIMIT
        if over <= 0:
            return
        self.dropped += over
        self._settle(over, False)
        if not self._drop_logged:
            self._drop_logged = True
            log.error("audit: more than %d events wait for the disk; the oldest are being dropped", HOLD_LIMIT)

    def _settle(self, count: int, committed: bool) -> None:
        """The first ``count`` held events leave memory: written (``committed``) or given up on."""
        for _ in range(count):
            _, ticket = self._held.popleft()
            ticket._finish(committed)
        self._settled += count

    def _settle_markers(self) -> None:
        """flush() markers whose events have all left memory (written, or given up on) are done."""
        done = [t for taken, t in self._markers if taken <= self._settled]
        self._markers = [(taken, t) for taken, t in self._markers if taken > self._settled]
        for marker in done:
            marker._finish(True)

    def _failed(self, error: BaseException) -> None:
        first = not self._failure
        self._failure = _plain(error)
        self._retry_at = time.monotonic() + self._backoff
        self._backoff = min(self._backoff * 2, _RETRY_MAX)
        if first:  # once per outage, not once per try
            log.error(
                "audit events cannot be written (%s): up to %d wait in memory and are written when the disk "
                "accepts them again",
                self._failure,
                HOLD_LIMIT,
            )

    def _write_held(self) -> None:
        """Write what is held, a batch per transaction, oldest first; on a disk failure stop and retry later."""
        while self._held:
            batch = list(itertools.islice(self._held, _BATCH))
            try:
                self._prepare()
                self._write(batch)
            except sqlite3.Error as e:
                if _disk_error(e):
                    self._failed(e)
                    return
                self._refused(batch, e)
            except (ValueError, TypeError, OverflowError) as e:
                self._refused(batch, e)
            else:
                self._settle(len(batch), True)
                if self.forwarder:
                    self.forwarder.wake()
            if self._failure:
                log.info("the audit is being written again (%d events lost meanwhile)", self.dropped)
                self._failure, self._backoff, self._drop_logged = "", _RETRY_FIRST, False

    def _refused(self, batch: list[tuple[AuditEvent, Ticket]], error: BaseException) -> None:
        """Events the database refuses as such: retrying would refuse them again, and hold up the rest."""
        log.error("audit write failed (%s): %d events not recorded", type(error).__name__, len(batch))
        self._settle(len(batch), False)

    def _write(self, items: list[tuple[AuditEvent, Ticket]]) -> None:
        """One transaction; raises what SQLite raises (the caller decides between retry and refusal)."""
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
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error:  # a full disk can refuse the commit itself: end the transaction, then report
                self._rollback()
                raise
        else:
            self._rollback()

    def _rollback(self) -> None:
        # SQLite may already have rolled back by itself (SQLITE_FULL, SQLITE_IOERR); the first error is the one
        # to report, not "no transaction is active".
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error as e:
                log.warning("audit: rollback failed (%s)", e)
