"""Secrets in the OS keyring, with a file fallback (the pairing tokens and the roster's key both use it).

Its own small module so the roster and the CLI can ask without importing the web service (FastAPI).

Two different things can go wrong with a keyring, and they are kept apart:
- there is none (keyring chose its "fail" or "null" backend): the secret goes to a 0600 file, said out loud;
- there is one, but it fails (a login keyring still locked, a Secret Service that times out): that is a problem
  to report, never an empty answer. :class:`KeyringUnavailable` is raised, nothing is read from or written to
  the fallback file instead, and the caller keeps what it had (the pairings, the roster) until a later try
  succeeds. A locked keyring that made ClientSafe forget every paired browser would be worse than an error.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import keyring
import keyring.errors

from clientsafe.atomic_file import atomic_write
from clientsafe.say import said

SERVICE = "ClientSafe"


class KeyringUnavailable(RuntimeError):
    """The OS keyring exists but could not be read or written just now (e.g. it is locked). The message says
    so in plain words and what to do; nothing stored was changed."""

    def __init__(self, doing: str, error: BaseException) -> None:
        detail = str(error).strip().splitlines()[0][:120] if str(error).strip() else ""
        self.cause = f"{type(error).__name__}{f': {detail}' if detail else ''}"
        if doing == "read":
            message = said(
                "ClientSafe can't read its keyring ({cause}). If your login keyring is locked, unlock it (or log out "
                "and in again): a running ClientSafe tries again every few seconds by itself. Nothing stored was "
                "changed.",
                cause=self.cause,
            )
        else:
            message = said(
                "ClientSafe can't write to its keyring ({cause}). If your login keyring is locked, unlock it (or log "
                "out and in again): a running ClientSafe tries again every few seconds by itself. Nothing stored was "
                "changed.",
                cause=self.cause,
            )
        super().__init__(message)


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
    user (written atomically). A keyring that is there but fails raises :class:`KeyringUnavailable` from
    ``read`` and ``write``: the slot never falls back to the (empty) file, which would read as "nothing stored"."""

    def __init__(self, entry: str, file: Path, use_keyring: bool | None = None) -> None:
        self.entry = entry
        self.file = file
        self.use_keyring = keyring_usable() if use_keyring is None else use_keyring

    def read(self) -> str | None:
        if self.use_keyring:
            try:
                return keyring.get_password(SERVICE, self.entry)
            except Exception as e:  # any backend error: keyring's own, or D-Bus/Keychain errors it lets through
                raise KeyringUnavailable("read", e) from None
        return self.file.read_text(encoding="utf-8").strip() if self.file.exists() else None

    def write(self, text: str) -> None:
        if self.use_keyring:
            try:
                keyring.set_password(SERVICE, self.entry, text)
            except Exception as e:
                raise KeyringUnavailable("write to", e) from None
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

    def __init__(self, slot: SecretSlot, no_keyring: str) -> None:
        """``no_keyring``: the warning, naming the file, for when there is no keyring (a :class:`Said`)."""
        self._slot = slot
        self.warning = "" if slot.use_keyring else no_keyring

    @property
    def use_keyring(self) -> bool:
        return self._slot.use_keyring

    @property
    def file(self) -> Path:
        return self._slot.file
