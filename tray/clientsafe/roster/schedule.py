"""Keep IT's roster current while the service runs: fetch it at start, then every ``refresh_hours``.

A daemon thread (the service and the tray each start one; no Qt here). Each round reads the policy's
``roster_bundle`` afresh, so a new address or key reaches the next round, and a change of the setting itself is
noticed within ``poll_seconds`` and fetched at once. The interval gets up to 10 % of random jitter, so 40 laptops
started at 9:00 do not all ask the server at the same second every six hours; after a failed attempt the next
one comes sooner (``RETRY_SECONDS``, at most the interval). A failure is logged (never a name or a key: the
messages hold addresses and reasons) and recorded for ``roster status``; the roster in force stays.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from typing import Any

from clientsafe.roster.errors import RosterError
from clientsafe.roster.sync import DEFAULT_REFRESH_HOURS, sync

log = logging.getLogger("clientsafe.roster")
JITTER = 0.1
RETRY_SECONDS = 15 * 60.0
POLL_SECONDS = 60.0


def interval_of(setting: dict[str, Any]) -> float:
    try:
        hours = float(setting.get("refresh_hours", DEFAULT_REFRESH_HOURS))
    except (TypeError, ValueError):
        hours = DEFAULT_REFRESH_HOURS
    return max(hours, 0.0) * 3600.0 or DEFAULT_REFRESH_HOURS * 3600.0


class RosterSchedule:
    """``setting()`` gives the policy's ``roster_bundle`` now (None: IT publishes no roster). ``run`` is one
    attempt (:func:`clientsafe.roster.sync.sync` by default). ``clock`` and ``wait`` are the monotonic clock and a
    stoppable sleep; tests pass fakes so that hours pass at once."""

    def __init__(
        self,
        setting: Callable[[], dict[str, Any] | None],
        run: Callable[[dict[str, Any]], Any] = sync,
        *,
        poll_seconds: float = POLL_SECONDS,
        jitter: float = JITTER,
        clock: Callable[[], float] = time.monotonic,
        wait: Callable[[float], bool] | None = None,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.setting = setting
        self.run = run
        self.poll = poll_seconds
        self.jitter = jitter
        self.clock = clock
        self._stop = threading.Event()
        self.wait = wait or self._stop.wait  # returns True once stop() was called
        self.rand = rand
        self.last_error = ""
        self._thread = threading.Thread(target=self._loop, name="clientsafe-roster-sync", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def round(self, setting: dict[str, Any]) -> float:
        """One attempt; the seconds until the next one."""
        interval = interval_of(setting)
        try:
            result = self.run(setting)
        except RosterError as e:
            if str(e) != self.last_error:  # said once while the same problem lasts
                log.warning("roster from IT not updated: %s", e)
            self.last_error = str(e)
            return min(RETRY_SECONDS, interval) * (1 + self.jitter * self.rand())
        except Exception as e:  # the schedule must never take the service down; the roster in force stays
            log.error("roster from IT not updated: internal error (%s)", type(e).__name__)
            self.last_error = type(e).__name__
            return min(RETRY_SECONDS, interval) * (1 + self.jitter * self.rand())
        self.last_error = ""
        if getattr(result, "changed", False):
            log.info("%s", result.message)
        return interval * (1 + self.jitter * self.rand())

    def _loop(self) -> None:
        last: Any = object()  # never equal to a setting: the first round runs at once
        due = 0.0
        while not self._stop.is_set():
            try:
                setting = self.setting()
            except Exception as e:
                log.error("roster from IT: the policy could not be read (%s)", type(e).__name__)
                setting = last if isinstance(last, dict) else None
            if setting and (setting != last or self.clock() >= due):
                due = self.clock() + self.round(setting)
            last = setting
            if self.wait(max(0.0, min(self.poll, due - self.clock())) if setting else self.poll):
                return
