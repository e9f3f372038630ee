"""The audit database: where it lives, its schema, and how every connection is opened.

Journal mode WAL: the writer thread appends while the tray's window and ``clientsafe audit`` read, and
nobody waits for anybody. ``synchronous=FULL``: SQLite's documentation says WAL with ``synchronous=NORMAL``
already survives the application being killed (a commit is in the WAL file, in the operating system's
cache, before ``COMMIT`` returns) and loses the last transactions only when the *operating system* stops
(power cut, a laptop's battery running out, a hard reset) — which is exactly when staff machines stop.
FULL also syncs the WAL at every commit, so an event reported as recorded survives that too. The cost is
one fsync per transaction, paid on the writer thread only, and the writer commits whole batches, so it
is paid per batch rather than per event (bench/audit.py prints the write rate).
https://www.sqlite.org/pragma.html#pragma_synchronous , https://www.sqlite.org/wal.html
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from clientsafe import paths
from clientsafe.audit.events import AuditRow, split_codes
from clientsafe.say import said

SCHEMA_VERSION = 1
FILE_NAME = "audit.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id      TEXT NOT NULL UNIQUE,
    time          REAL NOT NULL,
    kind          TEXT NOT NULL,
    check_id      TEXT,
    site          TEXT NOT NULL DEFAULT '',
    account       TEXT NOT NULL DEFAULT '',
    action        TEXT NOT NULL DEFAULT '',
    rule_codes    TEXT NOT NULL DEFAULT '',
    finding_types TEXT NOT NULL DEFAULT '',
    suggestions   INTEGER NOT NULL DEFAULT 0,
    choice        TEXT,
    reason        TEXT,
    forwarded_at  REAL
);
CREATE INDEX IF NOT EXISTS events_by_time ON events(time);
-- Events waiting to go to the organisation's collector; a row leaves only after a 2xx answer.
CREATE TABLE IF NOT EXISTS outbox (
    event INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE
);
-- retention_days and forward_url in force, the installation's random source id, forwarding outcomes.
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

COLUMNS = (
    "id, event_id, time, kind, check_id, site, account, action, rule_codes, finding_types, suggestions, "
    "choice, reason, forwarded_at"
)


class AuditError(RuntimeError):
    """The audit database cannot be used; the message names the file and what to do."""


def default_path() -> Path:
    """The audit database in the user data folder (``$CLIENTSAFE_HOME/data`` when that is set)."""
    return paths.data_dir() / FILE_NAME


def connect(path: Path) -> sqlite3.Connection:
    """A read-write connection with the pragmas every writer needs; creates the file and schema."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            # Readable by this user only (terminal servers are shared); SQLite gives its -wal and -shm files
            # the database file's permissions.
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        conn = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=10000")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            conn.close()
            raise AuditError(
                said(
                    "{path}: written by a newer ClientSafe (audit schema {version}); update ClientSafe to read it.",
                    path=path,
                    version=version,
                )
            )
        conn.executescript(_SCHEMA)
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        return conn
    except sqlite3.DatabaseError as e:
        raise AuditError(
            said(
                "{path}: the audit database cannot be opened ({error}). Check the folder is writable; if the file is "
                "damaged, move it aside (ClientSafe starts a new one) and keep it for the privacy officer.",
                path=path,
                error=str(e),
            )
        ) from None
    except OSError as e:
        raise AuditError(
            said("{path}: the audit folder cannot be created ({error}).", path=path, error=e.strerror)
        ) from None


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A connection that can never change the file (the CLI and the tray's window read this way)."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=10, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout=10000")
        conn.execute("SELECT 1 FROM events LIMIT 1")
        return conn
    except sqlite3.DatabaseError as e:
        raise AuditError(
            said("{path}: the audit database cannot be read ({error}).", path=path, error=str(e))
        ) from None


def row_from(record: tuple) -> AuditRow:
    (id_, event_id, time, kind, check_id, site, account, action, codes, types, suggestions, choice, reason, sent) = (
        record
    )
    return AuditRow(
        id=id_,
        event_id=event_id,
        time=dt.datetime.fromtimestamp(time, dt.UTC),
        kind=kind,
        check_id=check_id,
        site=site,
        account=account,
        action=action,
        rule_codes=split_codes(codes),
        finding_types=split_codes(types),
        suggestions=suggestions,
        choice=choice,
        reason=reason,
        forwarded=sent is not None,
    )


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = ?", (key, value, value)
    )
