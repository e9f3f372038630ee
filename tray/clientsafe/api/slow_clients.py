"""The service's HTTP protocol: drop slow clients (slowloris), and answer without Nagle delays.

uvicorn closes idle keep-alive connections but has no limit on how long a client may take to send its
headers and body, so one script trickling bytes could hold connections open forever. This protocol adds
that deadline; the app's own processing time is not counted.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

REQUEST_DEADLINE_SECONDS = 10.0


class DeadlineH11Protocol(H11Protocol):
    request_deadline = REQUEST_DEADLINE_SECONDS

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        # uvicorn writes a response's head and body separately; without TCP_NODELAY the body waits for
        # the client's delayed ACK (40 ms on Linux) on every keep-alive request after the first.
        sock = transport.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._arm()

    def _arm(self) -> None:
        self._deadline: asyncio.TimerHandle | None = self.loop.call_later(self.request_deadline, self._expired)

    def _expired(self) -> None:
        cycle: Any = self.cycle
        # Headers not complete (no cycle yet) or body still arriving: this client is too slow.
        if cycle is None or (cycle.more_body and not cycle.response_started):
            self.transport.close()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if self._deadline is not None:
            self._deadline.cancel()
        self._arm()  # the next request on this keep-alive connection gets its own deadline

    def connection_lost(self, exc: Exception | None) -> None:
        if getattr(self, "_deadline", None) is not None:
            self._deadline.cancel()  # type: ignore[union-attr]
        super().connection_lost(exc)
