"""Stopping and restarting the ClientSafe service under a running browser, as a person quitting the app would."""

from __future__ import annotations

import socket
import time

from tests.api.conftest import Service, start


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def stop(svc: Service) -> None:
    svc.server.should_exit = True  # type: ignore[attr-defined]
    deadline = time.time() + 10
    while _listening(svc.port) and time.time() < deadline:
        time.sleep(0.05)
    assert not _listening(svc.port), "the service did not stop"


def restart(svc: Service, checker) -> Service:
    """A new service on the same token file: the browser's existing pairing must keep working."""
    new, server = start(checker, svc.home)  # type: ignore[attr-defined]
    new.app.config.allowed_origins = svc.app.config.allowed_origins
    new.server, new.home = server, svc.home  # type: ignore[attr-defined]
    return new
