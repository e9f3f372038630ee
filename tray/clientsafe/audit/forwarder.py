"""Forwarding to the organisation's HTTPS collector from the durable outbox.

The outbox is a table in the audit database, filled in the same transaction as the events, so an event
recorded while the collector is down, the laptop offline or the app killed is still waiting the next time
ClientSafe starts. This thread POSTs batches as JSON with ``requests`` (certificates checked, a timeout,
no redirects: a redirect must never carry the audit somewhere the policy did not name) and deletes the
outbox rows only after a 2xx answer. Failures back off exponentially with jitter ("equal jitter": half the
delay fixed, half random), so a fleet of machines does not retry in step after the collector's outage.
https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/

Delivery is at least once: if the app dies between the collector's answer and the delete, the batch is
sent again; every event carries its ``event_id`` for the collector to drop duplicates.
Only the content-free fields of ``events.PUBLIC_FIELDS`` are sent, as ClientSafe's JSON batches
(``shared/audit-batch.schema.json``) or, with ``format="otlp"``, as OpenTelemetry logs (``otlp.py``): the
same outbox, backoff and HTTP rules for both. Headers the policy names (a collector's API key) go with
every request and are never logged or stored.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import random
import sqlite3
import threading
import time
from pathlib import Path

import requests

from clientsafe import __version__
from clientsafe.audit.database import COLUMNS, connect, row_from, set_meta
from clientsafe.audit.events import AuditRow, iso

FORMATS = ("json", "otlp")
# Headers the forwarder sets itself: a policy's headers must not change what the body is said to be.
_OWN_HEADERS = frozenset({"content-type", "content-length", "content-encoding", "transfer-encoding", "host"})

log = logging.getLogger("clientsafe.audit")


class Forwarder:
    def __init__(
        self,
        path: Path,
        url: str,
        source_id: str,
        *,
        ca_bundle: str | None = None,
        format: str = "json",
        headers: dict[str, str] | None = None,
        batch_size: int = 200,
        timeout: tuple[float, float] = (5.0, 30.0),
        base_delay: float = 2.0,
        max_delay: float = 15 * 60.0,
        idle_poll: float = 60.0,
        session: requests.Session | None = None,
        rng: random.Random | None = None,
        background: bool = True,
    ) -> None:
        """``background=False``: ``start()`` starts no thread and nothing is sent until ``forward_once()`` is
        called (tests drive the forwarder one try at a time)."""
        self.path = path
        self.url = url
        self.source_id = source_id
        self.verify: bool | str = ca_bundle or True
        if format not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
        self.format = format
        self.headers = {k: v for k, v in (headers or {}).items() if k.lower() not in _OWN_HEADERS}
        self.batch_size = batch_size
        self.timeout = timeout
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.idle_poll = idle_poll
        self.session = session or requests.Session()
        self.rng = rng or random.Random()
        self.failures = 0
        self.sent = 0
        self.delay = 0.0  # seconds before the next try, after a failure
        self.background = background
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="clientsafe-audit-forwarder", daemon=True)

    def start(self) -> None:
        if self.background:
            self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 10) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def next_delay(self) -> float:
        """Seconds to wait after ``self.failures`` failures in a row."""
        ceiling = min(self.max_delay, self.base_delay * 2 ** max(0, self.failures - 1))
        return ceiling / 2 + self.rng.uniform(0, ceiling / 2)

    def _run(self) -> None:
        conn = connect(self.path)
        try:
            while not self._stop.is_set():
                sent_some = self.forward_once(conn)
                if sent_some is None:
                    self._wake.wait(self.idle_poll)
                    self._wake.clear()
                elif sent_some is False:
                    self._stop.wait(self.delay)
        finally:
            conn.close()

    def forward_once(self, conn: sqlite3.Connection | None = None) -> bool | None:
        """One try: True if a batch was accepted, False if it failed (``delay`` says how long to wait before
        the next try), None if the outbox is empty."""
        own = conn is None
        if conn is None:
            conn = connect(self.path)
        try:
            return self._forward_once(conn)
        except Exception as e:  # e.g. the database busy for too long: back off and try again
            self._failed(conn, f"could not read the outbox ({type(e).__name__})")
            return False
        finally:
            if own:
                conn.close()

    def _forward_once(self, conn: sqlite3.Connection) -> bool | None:
        """Send one batch: True if it was accepted, False if not, None if the outbox is empty."""
        rows = [
            row_from(r)
            for r in conn.execute(
                f"SELECT {COLUMNS} FROM events WHERE id IN (SELECT event FROM outbox ORDER BY event LIMIT ?) "
                "ORDER BY id",
                (self.batch_size,),
            )
        ]
        if not rows:
            return None
        error, note = self._post(*self._encode(rows))
        if error is not None:
            self._failed(conn, error)
            return False
        now = time.time()
        ids = [r.id for r in rows]
        marks = ",".join("?" * len(ids))
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(f"DELETE FROM outbox WHERE event IN ({marks})", ids)
            conn.execute(f"UPDATE events SET forwarded_at = ? WHERE id IN ({marks})", (now, *ids))
            set_meta(conn, "last_forwarded", _stamp(now))
            if note:  # accepted, but the collector says it dropped some: not resent (OTLP), but said
                set_meta(conn, "last_forward_error", f"{_stamp(now)} {note}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        if note:
            log.warning("audit forwarding: %s", note)
        self.failures = 0
        self.sent += len(rows)
        return True

    def _encode(self, rows: list[AuditRow]) -> tuple[bytes, str]:
        """The request body and its content type, in the policy's format."""
        if self.format == "otlp":
            from clientsafe.audit import otlp  # protobuf and the OpenTelemetry SDK only when they are used

            return otlp.encode(rows, self.source_id), otlp.CONTENT_TYPE
        payload = {"source": self.source_id, "app_version": __version__, "events": [r.public() for r in rows]}
        return json.dumps(payload, allow_nan=False).encode("utf-8"), "application/json"

    def _failed(self, conn: sqlite3.Connection, error: str) -> None:
        self.failures += 1
        self.delay = self.next_delay()
        with contextlib.suppress(sqlite3.Error):
            set_meta(conn, "last_forward_error", f"{_stamp(time.time())} {error}")
        log.warning("audit forwarding failed (%s); %d in a row, next try in %.0f s", error, self.failures, self.delay)

    def _post(self, body: bytes, content_type: str) -> tuple[str | None, str | None]:
        """(None, note) when the collector accepted the batch (2xx), else (what went wrong, for the status line,
        None). ``note`` says what an accepting OTLP collector dropped, if anything."""
        try:
            response = self.session.post(
                self.url,
                data=body,
                headers={**self.headers, "Content-Type": content_type},
                timeout=self.timeout,
                verify=self.verify,
                allow_redirects=False,
            )
        except requests.exceptions.SSLError:
            return "the collector's certificate was not trusted", None
        except requests.exceptions.Timeout:
            return "the collector did not answer in time", None
        except requests.RequestException as e:
            return f"could not reach the collector ({type(e).__name__})", None
        if 200 <= response.status_code < 300:
            if self.format == "otlp":
                from clientsafe.audit import otlp

                return None, otlp.rejected(response.content)
            return None, None
        return f"the collector answered HTTP {response.status_code}", None


def _stamp(moment: float) -> str:
    return iso(dt.datetime.fromtimestamp(moment, dt.UTC))
