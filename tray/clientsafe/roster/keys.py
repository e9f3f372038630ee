"""The roster's HMAC key: 256 random bits in the OS keyring, or a loud 0600-file fallback.

Without the key the stored hashes cannot be tested against a guessed name list, so the key never sits
next to the roster in the same place when a keyring exists. Where none exists (a headless server, a
minimal desktop) the key goes to ``roster-key`` in the data folder, readable only by this user, and
:attr:`RosterKey.warning` says so every time: never silently. Same approach as ``api/tokens.py``.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from pathlib import Path

from clientsafe import paths
from clientsafe.say import said
from clientsafe.secret_store import KeptSecret, SecretSlot

ENTRY = "roster-hmac-key"


def key_id(key: bytes) -> str:
    """A short fingerprint stored with the roster, to tell a missing or replaced key from a broken file."""
    return hmac.digest(key, b"clientsafe roster key id", hashlib.sha256)[:8].hex()


class RosterKey(KeptSecret):
    def __init__(self, use_keyring: bool | None = None, file: Path | None = None) -> None:
        slot = SecretSlot(ENTRY, file or paths.data_dir() / "roster-key", use_keyring)
        no_keyring = said(
            "No OS keyring is available, so the roster's hashing key is kept in {file}, readable only by you. "
            "Install a keyring (e.g. gnome-keyring) to keep it there instead.",
            file=slot.file,
        )
        super().__init__(slot, no_keyring)

    def get(self) -> bytes | None:
        raw = self._slot.read()
        try:
            return bytes.fromhex(raw) if raw else None
        except ValueError:
            return None

    def get_or_create(self) -> bytes:
        key = self.get()
        if key is not None and len(key) == 32:
            return key
        key = secrets.token_bytes(32)
        self._slot.write(key.hex())
        return key

    def delete(self) -> None:
        self._slot.delete()
