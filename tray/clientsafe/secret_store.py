"""Secrets in the OS keyring, with a file fallback (the pairing tokens and the roster's key both use it).

Its own small module so the roster and the CLI can ask without importing the web service (FastAPI).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import keyring
import keyring.errors

from clientsafe.atomic_file import atomic_write

SERVICE = "ClientSafe"


def keyring_usable() -> bool:
    """False when keyring fell back to its "fail" or "null" backend, or a chain of no backends."""
    backend = keyring.get_keyring()
    module = type(backend).__module__
    if module.endswith((".fail", ".null")):
        return False
    if module.endswith(".chainer"):
        return bool(getattr(backend, "backends", []))
    return True


class SecretSlot:
    """One secret string: an entry in the OS keyring or, where none is usable, a file readable only by this
    user (written atomically). A keyring that fails while reading switches the slot to the file for good,
    so a broken keyring never loses the caller its data silently: the caller's warning names the file."""

    def __init__(self, entry: str, file: Path, use_keyring: bool | None = None) -> None:
        self.entry = entry
        self.file = file
        self.use_keyring = keyring_usable() if use_keyring is None else use_keyring

    def read(self) -> str | None:
        if self.use_keyring:
            try:
                return keyring.get_password(SERVICE, self.entry)
            except keyring.errors.KeyringError:
                self.use_keyring = False
        return self.file.read_text(encoding="utf-8").strip() if self.file.exists() else None

    def write(self, text: str) -> None:
        if self.use_keyring:
            keyring.set_password(SERVICE, self.entry, text)
            return
        with atomic_write(self.file) as f:
            f.write(text)

    def delete(self) -> None:
        if self.use_keyring:
            with contextlib.suppress(keyring.errors.KeyringError):
                keyring.delete_password(SERVICE, self.entry)
        self.file.unlink(missing_ok=True)
