"""Run a slow call (a check) off the Qt thread and deliver its result on the Qt thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from clientsafe.ui.qt import QObject, Signal


class Worker(QObject):
    """``run(fn)`` calls ``fn()`` on a fresh daemon thread; ``done(result)`` or ``failed(exception)`` follow on
    the thread this object lives in (the signal is queued across threads)."""

    done = Signal(object)
    failed = Signal(object)

    def run(self, fn: Callable[[], Any]) -> None:
        def call() -> None:
            try:
                result = fn()
            except Exception as e:  # shown to the person by the window that asked
                self.failed.emit(e)
                return
            self.done.emit(result)

        threading.Thread(target=call, name="clientsafe-ui-worker", daemon=True).start()
