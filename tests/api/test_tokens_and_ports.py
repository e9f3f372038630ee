"""Where tokens live, and how several users on one machine each get a port."""

import socket

import keyring
import pytest
from keyring.backend import KeyringBackend

from clientsafe.api.config import PORT_RANGE
from clientsafe.api.server import NoFreePortError, bind
from clientsafe.api.tokens import TokenStore
from clientsafe.secret_store import keyring_usable


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self):
        super().__init__()
        self.store = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_when_a_keyring_exists_tokens_go_there_hashed_and_no_file_is_written(memory_keyring, tmp_path):
    assert keyring_usable()
    store = TokenStore(file=tmp_path / "paired.json")
    browser, token = store.issue("Edge")
    assert store.use_keyring and not store.warning
    saved = next(iter(memory_keyring.store.values()))
    assert browser.token_sha256 in saved and token not in saved
    assert not (tmp_path / "paired.json").exists()
    assert store.verify(token).name == "Edge" and store.verify("x" * 43) is None


def test_when_no_keyring_exists_the_fallback_is_announced(tmp_path):
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        store = TokenStore(file=tmp_path / "paired.json")
        assert not store.use_keyring and "No OS keyring is available" in store.warning
    finally:
        keyring.set_keyring(previous)


def test_when_the_first_port_is_taken_the_next_one_in_the_range_is_used():
    taken = []
    try:
        for port in PORT_RANGE[:2]:
            s = socket.socket()
            try:
                s.bind(("127.0.0.1", port))
                s.listen()
                taken.append(s)
            except OSError:
                s.close()
        sock = bind(None)
        assert sock.getsockname()[0] == "127.0.0.1"
        assert sock.getsockname()[1] in PORT_RANGE and sock.getsockname()[1] not in [t.getsockname()[1] for t in taken]
        sock.close()
    finally:
        for s in taken:
            s.close()


def test_when_the_asked_port_is_taken_the_error_says_so():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen()
    try:
        with pytest.raises(NoFreePortError, match="in use"):
            bind(s.getsockname()[1])
    finally:
        s.close()
