"""Checks take turns: the one analysis thread is shared fairly between paired browsers.

The checker handles one post at a time on one warm thread (``app.state.analysis_thread``). Handed to that
thread in arrival order, one browser's burst (many tabs, or a page firing checks) held every other browser's
check behind it, past the extension's 1.5 s timeout. Here each browser has its own line and the thread takes
one job from each line in turn (round robin), so another browser waits for at most one job per busy browser.
A browser may keep only so many jobs waiting, and start only so many a minute; past either the job is
refused (``Refused``) and the route answers 429.
"""

from __future__ import annotations

import asyncio
import functools
from collections import OrderedDict, deque
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any

from clientsafe.api.guard import RateLimiter


class Refused(Exception):
    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail)
        self.detail, self.retry_after = detail, retry_after


class FairQueue:
    """Use from the event loop's thread only (every route runs there)."""

    def __init__(self, executor: Executor, waiting_per_browser: int, per_minute: int) -> None:
        self.executor = executor
        self.waiting_per_browser, self.per_minute = waiting_per_browser, per_minute
        # Browser id -> its waiting jobs; the first browser in this order is served next.
        self.lines: OrderedDict[str, deque[tuple[Callable[[], Any], asyncio.Future[Any]]]] = OrderedDict()
        # One per paired browser that has checked since the service started: as many as paired browsers.
        self.limits: dict[str, RateLimiter] = {}
        self.running = False

    def submit(self, browser: str, job: Callable[[], Any]) -> asyncio.Future[Any]:
        """Queue ``job`` for ``browser``; await the returned future for its result. Raises Refused."""
        line = self.lines.get(browser)
        if line is not None and len(line) >= self.waiting_per_browser:
            raise Refused(
                f"{len(line)} checks from this browser are already waiting. Try again in a moment.", retry_after=1
            )
        limiter = self.limits.setdefault(browser, RateLimiter(self.per_minute))
        if limiter.exceeded():
            raise Refused(
                f"This browser started {self.per_minute} checks in the last minute, the most allowed. Wait a "
                "moment and try again.",
                retry_after=limiter.retry_after(),
            )
        limiter.hit()
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.lines.setdefault(browser, deque()).append((job, future))
        self._start_next()
        return future

    def _start_next(self) -> None:
        while not self.running and self.lines:
            browser, line = next(iter(self.lines.items()))
            job, future = line.popleft()
            if line:
                self.lines.move_to_end(browser)  # its next job waits until every other browser had a turn
            else:
                del self.lines[browser]
            if future.cancelled():  # the request went away while waiting
                continue
            try:
                running = asyncio.get_running_loop().run_in_executor(self.executor, job)
            except RuntimeError as e:  # the executor was shut down (the service is stopping)
                future.set_exception(e)
                continue
            self.running = True
            running.add_done_callback(functools.partial(self._finished, future))

    def _finished(self, future: asyncio.Future[Any], running: asyncio.Future[Any]) -> None:
        self.running = False
        if not future.cancelled():
            if running.cancelled():
                future.cancel()
            elif (error := running.exception()) is not None:
                future.set_exception(error)
            else:
                future.set_result(running.result())
        self._start_next()
