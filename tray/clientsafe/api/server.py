"""Run the service: `clientsafe serve` (headless) and, later, the tray's service thread.

Binds 127.0.0.1 only, taking the first free port of the documented range (several users on one terminal
server each get their own), logs to the user log folder without any post text, and stops cleanly on
SIGTERM or Ctrl-C (uvicorn's own signal handling).
"""

from __future__ import annotations

import errno
import json
import logging
import logging.handlers
import os
import socket
from pathlib import Path

import uvicorn

from clientsafe import paths
from clientsafe.api.app import create_app
from clientsafe.api.config import PORT_RANGE, ServiceConfig
from clientsafe.api.tokens import TokenStore

log = logging.getLogger("clientsafe.api")


class NoFreePortError(RuntimeError):
    pass


def bind(port: int | None) -> socket.socket:
    """A listening socket on 127.0.0.1: the given port, or the first free one of the range."""
    candidates = [port] if port else list(PORT_RANGE)
    for candidate in candidates:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.bind(("127.0.0.1", candidate))
        except OSError as e:
            sock.close()
            if e.errno == errno.EADDRINUSE:
                continue
            raise
        sock.listen(64)
        return sock
    raise NoFreePortError(
        f"port {port} is in use" if port else f"ports {PORT_RANGE.start}-{PORT_RANGE.stop - 1} are all in use"
    )


def setup_logging() -> Path:
    folder = paths.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    file = folder / "service.log"
    handler = logging.handlers.RotatingFileHandler(file, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger("clientsafe")
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    return file


def write_service_file(port: int) -> Path:
    """Tell local tools (the CLI, the tray) which port this user's service took."""
    file = paths.data_dir() / "service.json"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(json.dumps({"port": port, "pid": os.getpid()}), encoding="utf-8")
    return file


def build_server(
    checker,
    sock: socket.socket,
    tokens: TokenStore | None = None,  # type: ignore[no-untyped-def]
    config: ServiceConfig | None = None,
) -> uvicorn.Server:
    port = sock.getsockname()[1]
    config = config or ServiceConfig(port=port)
    config.port = port
    app = create_app(checker, config=config, tokens=tokens)
    uv = uvicorn.Config(
        app,
        log_config=None,
        access_log=False,  # paths only, but no need: the service logs what matters itself
        server_header=False,  # no product name or version on the wire
        timeout_keep_alive=5,
        limit_concurrency=64,
        h11_max_incomplete_event_size=16 * 1024,
    )
    return uvicorn.Server(uv)
