"""A real service on a free loopback port, in a thread, with its own token file and pairing book."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from clientsafe.api.config import ServiceConfig
from clientsafe.api.pairing import PairingBook
from clientsafe.api.server import bind, build_server
from clientsafe.api.tokens import TokenStore

EXTENSION_ORIGIN = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"


@dataclass
class Service:
    port: int
    token: str
    tokens: TokenStore
    book: PairingBook
    app: object

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def auth(self, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", **extra}


class BrokenChecker:
    def check(self, *args, **kwargs):
        raise RuntimeError("boom")


def start(checker, tmp: Path, audit=None, **config_overrides) -> tuple[Service, object]:
    tokens = TokenStore(use_keyring=False, file=tmp / "paired.json")
    _, token = tokens.issue("test browser")
    sock = bind(0)
    port = sock.getsockname()[1]
    config = ServiceConfig(port=port, allowed_origins=frozenset({EXTENSION_ORIGIN}), **config_overrides)
    server = build_server(checker, sock, tokens=tokens, config=config, audit=audit)
    server.config.app.app.state.pairing = PairingBook(tokens, file=tmp / "pairing.json")
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.time() + 10
    while not server.started and time.time() < deadline:
        time.sleep(0.02)
    app = server.config.app
    return Service(port, token, tokens, app.app.state.pairing, app), server


@pytest.fixture
def service(checker, tmp_path):
    svc, server = start(checker, tmp_path)
    yield svc
    server.should_exit = True


@pytest.fixture
def broken_service(tmp_path):
    svc, server = start(BrokenChecker(), tmp_path)
    yield svc
    server.should_exit = True


def post_check(svc: Service, **overrides):
    body = {"text": "So proud of Maria from our youth shelter", "site": "facebook", "account": "personal"}
    body.update(overrides)
    return requests.post(f"{svc.base}/v1/check", json=body, headers=svc.auth(), timeout=10)
