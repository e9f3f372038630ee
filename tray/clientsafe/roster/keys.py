"""The roster's HMAC key: 256 random bits in the OS keyring, or a loud 0600-file fallback.

Without the key the stored hashes cannot be tested against a guessed name list, so the key never sits
next to the roster in the same place when a keyring exists. Where none exists (a headless server, a
minimal desktop) the key goes to ``roster-key`` in the data folder, readable only by this user, and
:attr:`RosterKey.warning` says so every time: never silently. Same approach as ``api/tokens.py``.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
from pathlib import Path

import keyring
import keyring.errors

from clientsafe import paths

SERVICE = "ClientSafe"
ENTRY = "roster-hmac-key"


def key_id(key: bytes) -> str:
    """A short fingerprint stored with the roster, to tell a missing or replaced key from a broken file."""
    return hmac.digest(key, b"clientsafe roster key id", hashlib.sha256)[:8].hex()


def keyring_usable() -> bool:
    """False when keyring fell back to its "fail" or "null" backend, or a chain of no backends.

    The same test as ``clientsafe.api.tokens.keyring_usable``, repeated here so importing the roster does
    not load the web service (FastAPI) into the CLI and the tray's import dialog.
    """
    backend = keyring.get_keyring()
    module = type(backend).__module__
    if module.endswith((".fail", ".null")):
        return False
    if module.endswith(".chainer"):
        return bool(getattr(backend, "backends", []))
    return True


class RosterKey:
    def __init__(self, use_keyring: bool | None = None, file: Path | None = None) -> None:
        self.use_keyring = keyring_usable() if use_keyring is None else use_keyring
        self.file = file or paths.data_dir() / "roster-key"
        self.warning = ""
        if not self.use_keyring:
            self.warning = (
                f"No OS keyring is available, so the roster's hashing key is kept in {self.file}, readable only "
                "by you. Install a keyring (e.g. gnome-keyring) to keep it there instead."
            )

    def get(self) -> bytes | None:
        raw: str | None
        if self.use_keyring:
            try:
                raw = keyring.get_password(SERVICE, ENTRY)
            except keyring.errors.KeyringError:
                self.use_keyring = False
                return self.get()
        else:
            raw = self.file.read_text(encoding="ascii").strip() if self.file.exists() else None
        try:
            return bytes.fromhex(raw) if raw else None
        except ValueError:
            return None

    def get_or_create(self) -> bytes:
        key = self.get()
        if key is not None and len(key) == 32:
            return key
        key = secrets.token_bytes(32)
        if self.use_keyring:
            keyring.set_password(SERVICE, ENTRY, key.hex())
            return key
        self.file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.file.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(key.hex())
        os.replace(tmp, self.file)
        return key

    def delete(self) -> None:
        if self.use_keyring:
            with contextlib.suppress(keyring.errors.KeyringError):
                keyring.delete_password(SERVICE, ENTRY)
        self.file.unlink(missing_ok=True)
