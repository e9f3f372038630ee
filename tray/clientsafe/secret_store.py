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


class KeptSecret:
    """Base for what ClientSafe keeps in a :class:`SecretSlot` (the pairing tokens, the roster key): where it
    lives, and ``warning``, which says so every time when there is no keyring and it went to a file instead."""

    def __init__(self, slot: SecretSlot, kept: str, pronoun: str) -> None:
        self._slot = slot
        self.warning = ""
        if not slot.use_keyring:
            self.warning = (
                f"No OS keyring is available, so {kept} in {slot.file}, readable only by you. "
                f"Install a keyring (e.g. gnome-keyring) to keep {pronoun} there instead."
            )

    @property
    def use_keyring(self) -> bool:
        return self._slot.use_keyring

    @property
    def file(self) -> Path:
        return self._slot.file
