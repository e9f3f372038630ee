"""The checker the service and the tray's windows share: the engine built on a background thread (the model takes
a few seconds to load), pausable by the person for the posts they make, and the engine itself, never paused, for
what is not the person's own post (an override reason to redact, other people's comments for a moderator)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from clientsafe.checker.verdict import Verdict
from clientsafe.say import reason

log = logging.getLogger("clientsafe.api")
WARM_UP_WAIT_SECONDS = 60.0


class ServiceChecker:
    """The checker the service and the tray's windows share: built in the background, pausable."""

    def __init__(self, build: Callable[[], Any]) -> None:
        self._build = build
        self._checker: Any = None
        self._done = threading.Event()
        self.error = ""
        self.paused_until = 0.0

    def warm_up(self) -> None:
        """Build the engine (loads the model, a few seconds); call on a background thread."""
        try:
            self._checker = self._build()
        except Exception as e:  # shown to the person by the tray; nothing of a post is involved here
            self.error = reason(e) or type(e).__name__  # kept sayable: the tray shows it in its language
            log.error("the checker could not start: %s", self.error)
        finally:
            self._done.set()

    def follow_policy(self, policy: Any) -> None:
        """A new policy in force: the organisation's details and the rule actions change for the next check."""
        if self._checker is not None:
            self._checker.org = policy.org_profile()
            self._checker.rules = policy.rule_table()

    def engine(self) -> Any:
        """The built engine itself, never paused: for what is not a post being let through (redacting an override
        reason for the audit, checking other people's comments for a moderator). Waits for the warm-up."""
        if not self._done.wait(WARM_UP_WAIT_SECONDS):
            raise RuntimeError("the checker is still warming up")
        if self._checker is None:
            raise RuntimeError(f"the checker could not start: {self.error}")
        return self._checker

    @property
    def roster(self) -> Any:
        """The engine's client roster once it is built (the service then shares it); None before."""
        return getattr(self._checker, "roster", None)

    @property
    def ready(self) -> bool:
        return self._checker is not None

    @property
    def finished_warming(self) -> bool:
        return self._done.is_set()

    def paused(self, now: float | None = None) -> bool:
        return (time.time() if now is None else now) < self.paused_until

    def check(
        self,
        text: str,
        account: str = "personal",
        site: str | None = None,
        kind: str | None = None,
        *,
        honour_pause: bool = True,
    ) -> Verdict:
        """``kind`` as the engine takes it (``review_reply`` adds the review-reply rule); ``honour_pause=False``
        for a check the person asked for in the tray's own window."""
        if honour_pause and self.paused():
            return Verdict(action="allow", engine={"ms": 0.0, "version": "paused"})
        return self.engine().check(text, account, site, kind=kind)  # type: ignore[no-any-return]


def engine_of(checker: Any) -> Any:
    """The engine behind the service's checker (the tray shares a pausable :class:`ServiceChecker`; ``serve`` and
    the tests hand the engine itself). Call on the analysis thread: it may wait for the warm-up."""
    return checker.engine() if isinstance(checker, ServiceChecker) else checker
