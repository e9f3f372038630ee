"""The organisation's roster hashing key: the key IT builds roster bundles with, deployed to each machine.

IT's bundle holds HMACs of client names under this key, and never the key itself, so a bundle leaked from
the web server or the network names nobody and cannot be tested against guessed names. Each machine needs
the key to match, and gets it one of two ways (docs/roster.md, "The roster from IT"):

- a file ``roster.key`` beside the IT-managed system ``policy.json`` (``%ProgramData%\\ClientSafe\\``,
  ``/Library/Application Support/ClientSafe/``, ``/etc/clientsafe/``), placed by the installer or MDM and
  readable by staff accounts;
- ``clientsafe roster key install FILE`` (an MDM login script can run it), which copies it into the user's OS
  keyring (``ClientSafe`` / ``roster-org-key``; a 0600 file in the data folder where there is no keyring).

The key is chosen by its fingerprint (``key_id``) against the bundle's, so IT can roll a new key out before
publishing bundles built with it. It is never logged, never in a policy, never in a bundle.
"""

from __future__ import annotations

import hmac
from pathlib import Path

from clientsafe import paths
from clientsafe.roster.errors import RosterError
from clientsafe.roster.keys import key_id
from clientsafe.say import reason as said_reason
from clientsafe.say import said
from clientsafe.secret_store import KeyringUnavailable, SecretSlot

ENTRY = "roster-org-key"
MACHINE_FILE = "roster.key"
KEY_BYTES = 32


def machine_key_file() -> Path:
    """``roster.key`` in the machine-wide policy folder (beside the system policy file)."""
    # Imported here: the policy package imports the checker, which imports this package.
    from clientsafe.policy.locations import system_policy_path

    return system_policy_path().parent / MACHINE_FILE


def key_file_text(key: bytes) -> str:
    """The key file IT deploys: a comment line (which key, and that it is secret) and 64 hex digits."""
    return (
        f"# ClientSafe organisation roster hashing key, key_id {key_id(key)}. Secret: deploy it to staff machines "
        "only (docs/roster.md), never beside the roster bundle.\n"
        f"{key.hex()}\n"
    )


def parse_key(text: str, where: str) -> bytes:
    """The 32-byte key in a key file's text (comment lines ignored); RosterError naming the file otherwise."""
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]
    try:
        key = bytes.fromhex(lines[0]) if len(lines) == 1 else b""
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise RosterError(
            said(
                "{where} is not a ClientSafe roster hashing key (one line of 64 hexadecimal digits, as "
                "`clientsafe roster keygen` writes it). Ask IT for the organisation's roster.key.",
                where=where,
            )
        )
    return key


def read_key_file(path: Path) -> bytes:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RosterError(said("{path}: file not found.", path=path)) from None
    except (OSError, UnicodeDecodeError) as e:
        reason = getattr(e, "strerror", None) or type(e).__name__
        raise RosterError(said("{path} could not be read ({error}).", path=path, error=reason)) from None
    return parse_key(text, str(path))


class OrgKey:
    """Where this machine keeps the organisation's roster hashing key (the machine-wide file, then the user's
    keyring), found by ``key_id``."""

    def __init__(self, machine_file: Path | None = None, use_keyring: bool | None = None, file: Path | None = None):
        self.machine_file = machine_file or machine_key_file()
        self._slot = SecretSlot(ENTRY, file or paths.data_dir() / "roster-org-key", use_keyring)

    @property
    def user_place(self) -> str:
        return said("your OS keyring") if self._slot.use_keyring else str(self._slot.file)

    def _machine(self) -> tuple[bytes | None, str]:
        """(key, problem): the machine-wide file's key, or why it cannot be used ("" when it is just absent)."""
        if not self.machine_file.exists():
            return None, ""
        try:
            return read_key_file(self.machine_file), ""
        except RosterError as e:
            return None, said_reason(e)

    def _user(self) -> bytes | None:
        raw = self._slot.read()  # KeyringUnavailable when the keyring is there but fails
        try:
            return parse_key(raw, self.user_place) if raw else None
        except RosterError:
            return None

    def find(self, wanted: str) -> bytes | None:
        """The key whose fingerprint is ``wanted``; None when this machine has none. KeyringUnavailable when
        the keyring fails and the machine-wide file does not hold it."""
        machine, _ = self._machine()
        if machine is not None and hmac.compare_digest(key_id(machine), wanted):
            return machine
        user = self._user()
        if user is not None and hmac.compare_digest(key_id(user), wanted):
            return user
        return None

    def missing(self, wanted: str) -> str:
        """What IT must deploy, in words, when :meth:`find` found nothing for ``wanted``."""
        machine, problem = self._machine()
        try:
            user = self._user()
        except KeyringUnavailable:
            user = None
        have = [
            said("{key} ({where})", key=key_id(k), where=where)
            for k, where in ((machine, str(self.machine_file)), (user, self.user_place))
            if k
        ]
        deploy = said(
            "IT must deploy the organisation's roster hashing key (the file `clientsafe roster keygen` wrote, "
            "key_id {wanted}) as {file}, readable by staff accounts, or run `clientsafe roster key install FILE` "
            "for each user.",
            wanted=wanted,
            file=self.machine_file,
        )
        if problem:
            return said("{problem} {deploy}", problem=problem, deploy=deploy)
        if have:
            return said(
                "The roster bundle was built with the organisation hashing key {wanted}, but this computer has "
                "key {have}. {deploy}",
                wanted=wanted,
                have=have[0] if len(have) == 1 else said("{first}, {second}", first=have[0], second=have[1]),
                deploy=deploy,
            )
        return said("This computer does not have the organisation's roster hashing key. {deploy}", deploy=deploy)

    def install(self, key: bytes) -> None:
        """Keep ``key`` in the user's keyring (or the 0600 fallback file)."""
        self._slot.write(key.hex())
