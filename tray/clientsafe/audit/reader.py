"""Reading the audit: the tray's "Recent warnings" window, ``clientsafe audit export`` and ``status``.

Every call opens its own read-only connection, so a reader on any thread (Qt's included) never shares a
connection with the writer and never holds the database for longer than one query.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from clientsafe.atomic_file import atomic_write
from clientsafe.audit.csv_export import write_csv
from clientsafe.audit.database import COLUMNS, AuditError, connect_readonly, get_meta, row_from
from clientsafe.audit.events import AuditRow


@dataclass(frozen=True)
class AuditStatus:
    path: Path
    exists: bool
    events: int = 0
    oldest: dt.datetime | None = None
    newest: dt.datetime | None = None
    retention_days: int | None = None
    forward_url: str | None = None
    forward_format: str | None = None
    pending: int = 0
    last_forwarded: str | None = None
    last_forward_error: str | None = None
    integrity: str | None = None


class AuditReader:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @contextlib.contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        conn = connect_readonly(self.path)
        try:
            yield conn
        finally:
            conn.close()

    def recent(
        self, limit: int = 50, since: dt.datetime | None = None, site: str | None = None, kind: str | None = None
    ) -> list[AuditRow]:
        """The newest events first, at most ``limit``, optionally from ``since`` on, for one site or kind."""
        if not self.path.exists():
            return []
        where, params = _filters(since, site, kind)
        sql = f"SELECT {COLUMNS} FROM events {where} ORDER BY time DESC, id DESC LIMIT ?"
        with self._connection() as conn:
            return [row_from(r) for r in conn.execute(sql, (*params, int(limit)))]

    def iter_since(self, since: dt.datetime | None = None) -> Iterator[AuditRow]:
        """Every event from ``since`` on, oldest first, streamed (the export of a year is not held in memory)."""
        if not self.path.exists():
            return
        where, params = _filters(since, None, None)
        with self._connection() as conn:
            for record in conn.execute(f"SELECT {COLUMNS} FROM events {where} ORDER BY time, id", params):
                yield row_from(record)

    def export_csv(self, out: Path | IO[str], since: dt.datetime | None = None) -> int:
        """Write the events from ``since`` on as CSV; returns how many. A file is written whole or not at
        all (a temporary file renamed into place), so a failed export never leaves half a report."""
        source = self.source_id()
        if not isinstance(out, Path):
            return write_csv(out, self.iter_since(since), source)
        with atomic_write(out.resolve(), newline="", create_folder=False) as stream:
            count = write_csv(stream, self.iter_since(since), source)
        return count

    def source_id(self) -> str:
        """This installation's random id (names the machine to a collector or a report, never the person)."""
        if not self.path.exists():
            return ""
        with self._connection() as conn:
            return get_meta(conn, "source_id") or ""

    def status(self, check_integrity: bool = False) -> AuditStatus:
        if not self.path.exists():
            return AuditStatus(path=self.path, exists=False)
        with self._connection() as conn:
            count, oldest, newest = conn.execute("SELECT count(*), min(time), max(time) FROM events").fetchone()
            pending = conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
            retention = get_meta(conn, "retention_days")
            integrity = conn.execute("PRAGMA quick_check").fetchone()[0] if check_integrity else None
            return AuditStatus(
                path=self.path,
                exists=True,
                events=count,
                oldest=_moment(oldest),
                newest=_moment(newest),
                retention_days=int(retention) if retention else None,
                forward_url=get_meta(conn, "forward_url") or None,
                forward_format=get_meta(conn, "forward_format") or None,
                pending=pending,
                last_forwarded=get_meta(conn, "last_forwarded"),
                last_forward_error=get_meta(conn, "last_forward_error"),
                integrity=integrity,
            )


def _moment(value: float | None) -> dt.datetime | None:
    return dt.datetime.fromtimestamp(value, dt.UTC) if value is not None else None


def _filters(since: dt.datetime | None, site: str | None, kind: str | None) -> tuple[str, tuple]:
    clauses: list[str] = []
    params: list[object] = []
    if since is not None:
        if since.tzinfo is None:
            raise AuditError("since must be timezone-aware (a naive time is ambiguous across time zones)")
        clauses.append("time >= ?")
        params.append(since.timestamp())
    if site is not None:
        clauses.append("site = ?")
        params.append(site)
    if kind is not None:
        clauses.append("kind = ?")
        params.append(kind)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)
