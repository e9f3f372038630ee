"""A ceiling on open connections that never shuts out a paired browser.

uvicorn's own ``limit_concurrency`` answers 503 to every request once that many connections are open, so any
local program holding 64 idle connections switched the service off for every browser. Here the ceiling is
kept by closing connections instead: when a new one arrives over it, the oldest connection that has never
carried a valid token is closed. A connection on which the Guard has seen a valid token is kept; only when
every other connection is such a one is the new connection closed. Browsers open a handful of connections per
host, so the ceiling is far above what they use, and it stays well under the process's limit on open files.
"""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

from uvicorn.config import Config
from uvicorn.server import ServerState

from clientsafe.api.slow_clients import DeadlineH11Protocol

MAX_CONNECTIONS = 256
# Where the Guard finds this connection's mark: ``scope["state"][CONNECTION_KEY]``.
CONNECTION_KEY = "clientsafe.connection"
_opened = itertools.count()


def _ceiling() -> int:
    """MAX_CONNECTIONS, or half the open-file limit where that is lower (macOS gives programs 256), so the
    log, the keyring and the model files always have descriptors left."""
    try:
        import resource  # POSIX only; Windows has no per-process descriptor limit of this kind

        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    except (ImportError, OSError, ValueError):
        return MAX_CONNECTIONS
    if soft == resource.RLIM_INFINITY:
        return MAX_CONNECTIONS
    return max(16, min(MAX_CONNECTIONS, soft // 2))


class ConnectionMark:
    """What the app may learn and say about the connection a request came on."""

    __slots__ = ("authenticated", "opened", "peer_uid", "peer_uid_known")

    def __init__(self) -> None:
        self.authenticated = False  # set by the Guard once a valid token came on this connection
        self.opened = next(_opened)  # age order, for choosing which connection to close
        # The peer's OS user (callers.peer_uid), looked up at most once per connection: it cannot change.
        self.peer_uid: int | None = None
        self.peer_uid_known = False


class _StateWithMark(dict[str, Any]):
    """The lifespan state uvicorn copies into every request's ``scope["state"]`` (``app_state.copy()`` in
    ``H11Protocol.handle_events``); each copy also carries this connection's mark."""

    def __init__(self, shared: dict[str, Any], mark: ConnectionMark) -> None:
        super().__init__(shared)
        self.mark = mark

    def copy(self) -> dict[str, Any]:
        return {**self, CONNECTION_KEY: self.mark}


class PairedFirstH11Protocol(DeadlineH11Protocol):
    """The service's HTTP protocol: slow clients dropped (DeadlineH11Protocol), and at most
    ``max_connections`` connections, paired browsers' kept first."""

    max_connections = _ceiling()

    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        self.mark = ConnectionMark()
        super().__init__(config, server_state, _StateWithMark(app_state, self.mark), _loop)

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)  # joins server_state.connections, shared by every connection
        open_now = [c for c in self.connections if c.transport is not None and not c.transport.is_closing()]
        if len(open_now) <= self.max_connections:
            return
        strangers = [c for c in open_now if not _authenticated(c)]  # never empty: this one is among them
        oldest = min(strangers, key=_age)
        oldest.transport.close()


def _authenticated(connection: Any) -> bool:
    mark = getattr(connection, "mark", None)
    return mark is not None and mark.authenticated


def _age(connection: Any) -> int:
    mark = getattr(connection, "mark", None)
    return mark.opened if mark is not None else -1  # a connection of another kind: treated as the oldest
