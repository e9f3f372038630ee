"""Run the service: `clientsafe serve` (headless) and, later, the tray's service thread.

Binds 127.0.0.1 only, taking the first free port of the documented range (several users on one terminal
server each get their own), logs to the user log folder without any post text, and stops cleanly on
SIGTERM or Ctrl-C (uvicorn's own signal handling).
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import logging.handlers
import os
import signal
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import uvicorn

from clientsafe import paths
from clientsafe.api.app import create_app
from clientsafe.api.config import PORT_RANGE, ServiceConfig
from clientsafe.api.connection_limits import PairedFirstH11Protocol
from clientsafe.api.tokens import TokenStore
from clientsafe.atomic_file import atomic_write
from clientsafe.audit import AuditStore
from clientsafe.policy.model import Policy
from clientsafe.say import said

log = logging.getLogger("clientsafe.api")


class NoFreePortError(RuntimeError):
    pass


class Server(uvicorn.Server):
    """uvicorn's server, except that SIGTERM/SIGINT end in a clean exit (status 0) after the graceful
    shutdown, instead of uvicorn re-raising the signal, so service managers see a normal stop."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield  # tests run the server in a thread; they stop it with should_exit
            return
        original = {sig: signal.signal(sig, self.handle_exit) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield
        finally:
            for sig, handler in original.items():
                signal.signal(sig, handler)


def bind(port: int | None) -> socket.socket:
    """A listening socket on 127.0.0.1: the given port, or the first free one of the range."""
    candidates = [port] if port else list(PORT_RANGE)
    for candidate in candidates:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        _reusable_but_not_stealable(sock)
        try:
            sock.bind(("127.0.0.1", candidate))
            # Inside the try: with SO_REUSEADDR, two processes may both bind a port nobody listens on yet;
            # the second to listen is refused here (EADDRINUSE), and tries the next port like any taken one.
            sock.listen(64)
        except OSError as e:
            sock.close()
            if e.errno == errno.EADDRINUSE:
                continue
            raise
        return sock
    if port:
        raise NoFreePortError(said("port {port} is in use", port=port))
    raise NoFreePortError(said("ports {first}-{last} are all in use", first=PORT_RANGE.start, last=PORT_RANGE.stop - 1))


def _reusable_but_not_stealable(sock: socket.socket) -> None:
    """Let a restarted service take its port back at once, without letting anyone take it from a running one.

    After a crash the connections the service closed linger in TIME_WAIT for a minute, and a plain bind()
    of the same port fails meanwhile (`--port` refused, or the service moved to another port of the range).
    On POSIX, SO_REUSEADDR allows binding over TIME_WAIT but never over a socket that is listening (Linux
    refuses even when both set it), so it cannot steal a port. On Windows SO_REUSEADDR means the opposite: any
    process could bind the port we listen on and receive our browsers' calls. There SO_EXCLUSIVEADDRUSE
    forbids that; Microsoft documents that a connection still active on the port can delay its re-bind, in
    which case `clientsafe serve` without `--port` takes the next port of the range, where the extension looks.
    https://learn.microsoft.com/windows/win32/winsock/using-so-reuseaddr-and-so-exclusiveaddruse
    """
    if os.name == "nt":
        if hasattr(socket, "SO_EXCLUSIVEADDRUSE"):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
    elif hasattr(socket, "SO_REUSEADDR"):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)


class _PrivateLog(logging.handlers.RotatingFileHandler):
    """A log file only its owner can read, also after each rotation (a new file would otherwise take the
    process's umask, often 0644). The log holds no post text, but names sites, codes and times of use."""

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)  # the handler closes it


def setup_logging() -> Path:
    folder = paths.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":  # Windows keeps a user's AppData private by its ACLs; POSIX needs the modes said
        os.chmod(folder, 0o700)
    file = folder / "service.log"
    if os.name == "posix" and file.exists():
        os.chmod(file, 0o600)  # a log written by an earlier version
    handler = _PrivateLog(file, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger("clientsafe")
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    return file


def write_service_file(port: int) -> Path:
    """Tell local tools (the CLI, the tray) which port this user's service took."""
    file = paths.data_dir() / "service.json"
    with atomic_write(file) as f:  # whole or not at all: the native host and the CLI read it at any moment
        f.write(json.dumps({"port": port, "pid": os.getpid()}))
    return file


def build_server(
    checker,
    sock: socket.socket,
    tokens: TokenStore | None = None,  # type: ignore[no-untyped-def]
    config: ServiceConfig | None = None,
    policy: Policy | None = None,
    audit: AuditStore | None = None,
    **hooks: Any,
) -> Server:
    """``hooks`` are passed on to ``create_app`` (``pairing``, ``on_pair_request``, ``on_decision``)."""
    port = sock.getsockname()[1]
    config = config or ServiceConfig(port=port)
    config.port = port
    app = create_app(checker, config=config, tokens=tokens, policy=policy, audit=audit, **hooks)
    uv = uvicorn.Config(
        app,
        log_config=None,
        access_log=False,  # paths only, but no need: the service logs what matters itself
        server_header=False,  # no product name or version on the wire
        timeout_keep_alive=5,
        # No limit_concurrency: its 503 for everyone once 64 connections were open let any local program
        # switch the service off. The protocol keeps its own ceiling, closing strangers' connections first.
        h11_max_incomplete_event_size=16 * 1024,
        http=PairedFirstH11Protocol,  # drops slow clients (slowloris); keeps paired browsers' connections
        # Nothing proxies this service: X-Forwarded-For from a local program must not change scope["client"],
        # which the Guard uses to tell callers apart (uvicorn trusts it from 127.0.0.1 by default).
        proxy_headers=False,
    )
    return Server(uv)
