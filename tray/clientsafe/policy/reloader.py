"""Re-read the policy layers every few minutes on a daemon thread, so a running service follows IT's changes.

The store's own callbacks (``on_change``, ``on_problem``) say what changed; this only keeps calling ``load``.
The interval is the ``policy_reload_seconds`` setting (docs/settings.md); a policy URL is revalidated with its
ETag each time, so an unchanged policy costs one small request.
"""

from __future__ import annotations

import logging
import threading

from clientsafe.policy.store import PolicyStore

log = logging.getLogger("clientsafe.policy")


class PolicyReloader:
    def __init__(self, store: PolicyStore, interval_seconds: float) -> None:
        self.store = store
        self.interval = interval_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="clientsafe-policy-reload", daemon=True)

    def start(self) -> None:
        if self.interval > 0:
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.store.load()
            except Exception as e:  # a reload must never take the service down; the last policy stays
                log.error("policy reload failed (%s); the policy in force is unchanged", type(e).__name__)
