"""Keyring backends for the fault tests: one in memory that can be locked and unlocked, and one that is always
locked (named in PYTHON_KEYRING_BACKEND for a subprocess: tests.api.fake_keyrings.LockedKeyring).

A locked Secret Service collection (a login keyring not yet unlocked) makes keyring raise KeyringLocked; a
backend is chosen and usable, it just fails. That is what these raise."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import keyring
import keyring.errors
from keyring.backend import KeyringBackend


class LockableKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}
        self.locked = False
        self.calls = 0

    def _check(self) -> None:
        self.calls += 1
        if self.locked:
            raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    def get_password(self, service: str, username: str) -> str | None:
        self._check()
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._check()
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._check()
        self.store.pop((service, username), None)


class LockedKeyring(LockableKeyring):
    """Always locked: for a `clientsafe` subprocess started with PYTHON_KEYRING_BACKEND naming this class."""

    def __init__(self) -> None:
        super().__init__()
        self.locked = True


@contextlib.contextmanager
def lockable_keyring() -> Iterator[LockableKeyring]:
    """A lockable keyring as the process's keyring for the duration (tests wrap it in a fixture)."""
    backend = LockableKeyring()
    previous = install(backend)
    try:
        yield backend
    finally:
        install(previous)


def install(backend: KeyringBackend):  # type: ignore[no-untyped-def]
    """Make ``backend`` the process's keyring; returns the previous one, to put back."""
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    return previous
