"""The service inside another program (the tray): it listens at once, warms the engine up behind it, and stops
cleanly when asked. No Qt here: the tray passes plain callbacks and moves them onto its own thread.

While the engine warms up, ``GET /v1/status`` says ``engine_ready: false`` and a check waits for it (up to
``WARM_UP_WAIT_SECONDS``); while the person has paused ClientSafe, a check answers ``allow`` with
``engine.version == "paused"`` so the extension lets the post through and can say why.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from clientsafe.api.config import ServiceConfig
from clientsafe.api.server import Server, bind, build_server, write_service_file
from clientsafe.api.tokens import TokenStore
from clientsafe.checker.verdict import Verdict

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
            self.error = str(e) or type(e).__name__
            log.error("the checker could not start: %s", self.error)
        finally:
            self._done.set()

    def follow_policy(self, policy: Any) -> None:
        """A new policy in force: the organisation's details and the rule actions change for the next check."""
        if self._checker is not None:
            self._checker.org = policy.org_profile()
            self._checker.rules = policy.rule_table()

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
        self, text: str, account: str = "personal", site: str | None = None, honour_pause: bool = True
    ) -> Verdict:
        """``honour_pause=False`` for a check the person asked for in the tray's own window."""
        if honour_pause and self.paused():
            return Verdict(action="allow", engine={"ms": 0.0, "version": "paused"})
        if not self._done.wait(WARM_UP_WAIT_SECONDS):
            raise RuntimeError("the checker is still warming up")
        if self._checker is None:
            raise RuntimeError(f"the checker could not start: {self.error}")
        return self._checker.check(text, account, site)  # type: ignore[no-any-return]


class BackgroundService:
    """The HTTP service on its own thread. ``start()`` binds (raising NoFreePortError when the range is full) and
    returns the port; ``stop()`` asks uvicorn for its graceful shutdown and waits for the thread."""

    def __init__(
        self,
        checker: ServiceChecker,
        tokens: TokenStore,
        port: int | None = None,
        config: ServiceConfig | None = None,
        **hooks: Any,
    ) -> None:
        self.checker = checker
        self.tokens = tokens
        self.port_wanted = port
        self.config = config
        self.hooks = hooks
        self.port = 0
        self.server: Server | None = None
        self.thread: threading.Thread | None = None

    def start(self) -> int:
        sock = bind(self.port_wanted)
        self.port = sock.getsockname()[1]
        config = self.config or ServiceConfig(port=self.port)
        self.server = build_server(self.checker, sock, tokens=self.tokens, config=config, **self.hooks)
        # uvicorn installs no signal handlers off the main thread (Server.capture_signals); should_exit stops it.
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [sock]}, name="clientsafe-service", daemon=True
        )
        self.thread.start()
        write_service_file(self.port)
        return self.port

    @property
    def app_state(self) -> Any:
        """The FastAPI app's state (pairing book, recent decisions), for the tray's windows."""
        assert self.server is not None
        guard: Any = self.server.config.app
        return guard.app.state

    def wait_started(self, timeout: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout
        while self.server is not None and not self.server.started and time.monotonic() < deadline:
            time.sleep(0.01)
        return bool(self.server and self.server.started)

    def stop(self, timeout: float = 5.0) -> bool:
        """True when the service thread ended within ``timeout`` seconds."""
        if self.server is None or self.thread is None:
            return True
        self.server.should_exit = True
        self.thread.join(timeout)
        stopped = not self.thread.is_alive()
        if not stopped:
            self.server.force_exit = True
            self.thread.join(1.0)
            stopped = not self.thread.is_alive()
        self.app_state.analysis_thread.shutdown(wait=False, cancel_futures=True)
        return stopped
