"""A keyring that fails (locked at login) is a problem said out loud, never a silent unpairing.

The keyring here is a real backend object (keyring.set_keyring) that raises KeyringLocked, as the Secret Service
backend does for a collection that is still locked; unlocking it must bring every pairing back without a restart.
"""

from __future__ import annotations

import socket
import threading
import time

import pytest
import requests

from clientsafe.api.config import ServiceConfig
from clientsafe.api.server import bind, build_server
from clientsafe.api.tokens import TokenStore
from clientsafe.secret_store import KeyringUnavailable
from tests.api.fake_keyrings import lockable_keyring
from tests.conftest import wait_for


@pytest.fixture
def lockable(tmp_path):
    with lockable_keyring() as backend:
        yield backend


def test_when_the_keyring_is_locked_at_start_then_nothing_is_unpaired_and_unlocking_brings_the_browsers_back(
    lockable, tmp_path
):
    _, token = TokenStore(file=tmp_path / "paired.json").issue("Chrome on LAPTOP-7")
    stored = dict(lockable.store)
    lockable.locked = True

    tokens = TokenStore(file=tmp_path / "paired.json")  # a service starting while the keyring is locked
    assert tokens.use_keyring and not tokens.warning  # a keyring exists: this is not the no-keyring fallback
    with pytest.raises(KeyringUnavailable, match="can't read its keyring"):
        tokens.verify(token)  # not None: "not paired" would be a lie
    with pytest.raises(KeyringUnavailable):
        tokens.list()
    with pytest.raises(KeyringUnavailable):
        tokens.issue("Firefox")  # no new pairing written over the ones that cannot be read
    assert "unlock it" in tokens.problem and not tokens.readable
    assert lockable.store == stored and not (tmp_path / "paired.json").exists()  # nothing deleted or moved

    lockable.locked = False
    # Tried again every 2 seconds, not once at start: no restart needed.
    assert wait_for(lambda: _verifies(tokens, token))
    assert tokens.problem == "" and [b.name for b in tokens.list()] == ["Chrome on LAPTOP-7"]


def _verifies(tokens: TokenStore, token: str) -> bool:
    try:
        return tokens.verify(token) is not None
    except KeyringUnavailable:
        return False


def _serve(tokens: TokenStore, checker):  # type: ignore[no-untyped-def]
    with socket.socket() as probe:  # an ephemeral port, not the 47390-47399 range other test runs share
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    sock = bind(port)
    server = build_server(checker, sock, tokens=tokens, config=ServiceConfig(port=port))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    assert wait_for(lambda: server.started)
    return server, f"http://127.0.0.1:{port}"


def test_a_real_service_never_answers_not_paired_while_the_keyring_is_locked(lockable, tmp_path, checker):
    _, token = TokenStore(file=tmp_path / "paired.json").issue("Chrome on LAPTOP-7")
    lockable.locked = True
    tokens = TokenStore(file=tmp_path / "paired.json")
    server, base = _serve(tokens, checker)
    auth = {"Authorization": f"Bearer {token}"}
    try:
        r = requests.get(f"{base}/v1/status", headers=auth, timeout=10)
        # The extension turns a 401 into "this browser is not paired" (and asks to pair again).
        assert r.status_code == 503 and r.json() == {"error": "keyring_unavailable"}
        assert r.headers["retry-after"] == "2"
        # ...and a locked keyring is not a flood of failed tokens: after many tries the browser is still served.
        for _ in range(25):
            requests.get(f"{base}/v1/status", headers=auth, timeout=10)
        lockable.locked = False
        assert wait_for(lambda: requests.get(f"{base}/v1/status", headers=auth, timeout=10).status_code == 200)
        body = requests.get(f"{base}/v1/status", headers=auth, timeout=10).json()
        assert body["browser"] == "Chrome on LAPTOP-7" and body["problems"] == []
    finally:
        server.should_exit = True


def test_when_the_keyring_fails_after_start_then_checks_go_on_and_status_says_keyring_unavailable(
    lockable, tmp_path, checker
):
    _, token = TokenStore(file=tmp_path / "paired.json").issue("Chrome on LAPTOP-7")
    tokens = TokenStore(file=tmp_path / "paired.json")
    server, base = _serve(tokens, checker)
    auth = {"Authorization": f"Bearer {token}"}
    try:
        assert requests.get(f"{base}/v1/status", headers=auth, timeout=10).json()["problems"] == []
        lockable.locked = True
        time.sleep(2.1)  # past the 2-second cache: the keyring is asked again, and fails
        r = requests.get(f"{base}/v1/status", headers=auth, timeout=10)
        assert r.status_code == 200  # the list read before still verifies: it cannot have changed meanwhile
        assert r.json()["problems"] == ["keyring_unavailable"]
        check = requests.post(
            f"{base}/v1/check",
            json={"text": "Lovely day at the park", "site": "x", "account": "personal"},
            headers=auth,
        )
        assert check.status_code == 200
        lockable.locked = False
        assert wait_for(
            lambda: requests.get(f"{base}/v1/status", headers=auth, timeout=10).json()["problems"] == [], timeout=6
        )
    finally:
        server.should_exit = True
