"""The service inside another program (the tray): it listens at once, warms the engine up behind it, and stops
cleanly when asked. No Qt here: the tray passes plain callbacks and moves them onto its own thread.

While the engine warms up, ``GET /v1/status`` says ``engine_ready: false`` and a check waits for it (up to
``WARM_UP_WAIT_SECONDS`` in service_checker.py); while the person has paused ClientSafe, a check answers ``allow`` with
``engine.version == "paused"`` so the extension lets the post through and can say why.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from clientsafe.api.config import ServiceConfig
from clientsafe.api.server import Server, bind, build_server, write_service_file
from clientsafe.api.service_checker import ServiceChecker
from clientsafe.api.tokens import TokenStore

log = logging.getLogger("clientsafe.api")


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
