"""The roster on disk: keyed hashes and flags only, written atomically.

File ``roster.bin`` in the data folder::

    CSROSTER1\\n
    {"format": 2, "clients": N, "entries": M, "source": ..., "imported_at": ..., "key_id": ..., "max_words": k}\\n
    M records of 15 bytes, sorted: 12-byte HMAC-SHA256 prefix | 1 byte flags | 2 bytes consent expiry (days)

Records are the hashes of every phrase naming a client (flags NAME / ALIAS / HANDLE, MINOR, CONSENT) and of
every word in those phrases (flag WORD alone: a word of a name is never a match by itself).

96 bits of HMAC keep accidental collisions out of reach (about 1 in 10^19 per lookup against 50,000 clients)
and make 50,000 clients with aliases and handles about 3 MB. No name, alias, handle or CSV text is ever
written. A new import goes to a temporary file that replaces the old one in one ``os.replace``, so a
failed or interrupted import leaves the previous roster in force; the temporary files a crash (or kill -9)
mid-import leaves behind are removed the next time a roster is opened (:func:`remove_orphans`).
"""

from __future__ import annotations

import datetime
import hmac
import json
import logging
import struct
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clientsafe import paths
from clientsafe.atomic_file import atomic_write
from clientsafe.roster.errors import RosterError
from clientsafe.roster.keys import RosterKey, key_id
from clientsafe.roster.org_key import OrgKey
from clientsafe.say import reason, said
from clientsafe.secret_store import KeyringUnavailable

log = logging.getLogger("clientsafe.roster")

MAGIC = b"CSROSTER1\n"
FORMAT = 2
HASH_BYTES = 12
RECORD = struct.Struct(f"<{HASH_BYTES}sBH")
# Flags of one record (one hashed name, alias or handle; shared by every client it belongs to). WORD marks a
# word that occurs in some roster name: not a match by itself, it tells the matcher a longer phrase may start
# or go on here, so a post costs about one hash per word.
NAME, ALIAS, HANDLE, MINOR, CONSENT, WORD = 1, 2, 4, 8, 16, 32
KINDS = NAME | ALIAS | HANDLE
# A client's parent or guardian (a name phrase, never linked to which client): held as a friend request, never
# a client named in a post. Not in KINDS, so a ClientSafe that predates it reads such a record as no one.
GUARDIAN = 64
EPOCH = datetime.date(1970, 1, 1)
# A temporary roster file untouched for this long belongs to no running import (writing one takes seconds).
ORPHAN_SECONDS = 10 * 60


def default_file() -> Path:
    return paths.data_dir() / "roster.bin"


def digest(key: bytes, namespace: bytes, value: str) -> bytes:
    """HMAC-SHA256 of a normalised phrase (namespace b"n") or handle (b"h"), cut to 96 bits."""
    return hmac.digest(key, namespace + b"\0" + value.encode("utf-8"), "sha256")[:HASH_BYTES]


def days(d: datetime.date | None) -> int:
    return 0 if d is None else max(1, min(0xFFFF, (d - EPOCH).days))


def merge(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    """Two clients hash alike (two "Maria Lopez"): a minor if either is, consent only if both gave it."""
    flags_a, exp_a = a
    flags_b, exp_b = b
    if not flags_a & KINDS or not flags_b & KINDS:  # a bare word entry says nothing about minors or consent
        (flags, expiry) = b if not flags_a & KINDS else a
        return flags | ((flags_a | flags_b) & (WORD | GUARDIAN)), expiry
    kinds = (flags_a | flags_b) & (KINDS | WORD | GUARDIAN)
    minor = (flags_a | flags_b) & MINOR
    consent = flags_a & flags_b & CONSENT
    expiry = 0
    if consent:
        expiry = min((e for e in (exp_a, exp_b) if e), default=0)
    return kinds | minor | consent, expiry


@dataclass(frozen=True)
class RosterStatus:
    loaded: bool
    clients: int = 0
    source: str = ""
    imported_at: str = ""  # ISO 8601, UTC
    file: str = ""
    size_bytes: int = 0
    key_warning: str = ""
    # Why a roster file that is there is not in force (its key cannot be read: the keyring failed, or the key
    # is missing), in words for a person; "" when it is in force. ``loaded`` is False whenever this is set.
    problem: str = ""
    keyring_failed: bool = False
    # An IT-managed roster (fetched from the policy's roster_bundle, sync.py): where from, built/expires (the
    # bundle's), fetched_at (when this copy was installed). All "" for a roster imported on this computer.
    managed: bool = False
    managed_url: str = ""
    built_at: str = ""
    expires: str = ""
    fetched_at: str = ""
    bundle_source: str = ""


def remove_orphans(file: Path, older_than: float = ORPHAN_SECONDS, now: float | None = None) -> int:
    """Remove the temporary files (``atomic_write``'s ``.roster.bin.*.tmp``, and the key file's) that an import
    interrupted by a crash left beside ``file``; a file younger than ``older_than`` seconds may belong to an
    import running right now in another process, and stays. Returns how many were removed."""
    now = time.time() if now is None else now
    removed = 0
    for name in (file.name, "roster-key"):
        try:
            candidates = list(file.parent.glob(f".{name}.*.tmp"))
        except OSError:
            return removed
        for orphan in candidates:
            try:
                if now - orphan.stat().st_mtime >= older_than:
                    orphan.unlink()
                    removed += 1
            except OSError:
                continue  # gone meanwhile, or not ours to remove: the next open tries again
    if removed:
        log.info("removed %d temporary roster file(s) left by an interrupted import", removed)
    return removed


def write(entries: dict[bytes, tuple[int, int]], meta: dict[str, Any], file: Path | None = None) -> Path:
    file = file or default_file()
    header = json.dumps({"format": FORMAT, "entries": len(entries), **meta}, sort_keys=True).encode("utf-8")
    with atomic_write(file, binary=True) as f:
        f.write(MAGIC + header + b"\n")
        f.write(b"".join(RECORD.pack(h, flags, exp) for h, (flags, exp) in sorted(entries.items())))
    return file


KEY_REPLACED = said(
    "The roster's hashing key is missing or was replaced, so the roster cannot be used. "
    "Run `clientsafe roster import` again."
)


def it_key_missing(org: OrgKey, wanted: str) -> str:
    return said("The client roster from IT cannot be used. {missing}", missing=org.missing(wanted))


def read_header(file: Path) -> tuple[dict[str, Any], int]:
    """The header and the offset where records start; RosterError when the file is not a roster."""
    with open(file, "rb") as f:
        head = f.read(len(MAGIC) + 4096)
    return _parse_header(file, head)


def _parse_header(file: Path, head: bytes) -> tuple[dict[str, Any], int]:
    if not head.startswith(MAGIC) or b"\n" not in head[len(MAGIC) :]:
        raise RosterError(
            said("{file} is not a ClientSafe roster (damaged?). Run `clientsafe roster import` again.", file=file)
        )
    end = head.index(b"\n", len(MAGIC))
    try:
        header = json.loads(head[len(MAGIC) : end])
    except ValueError:
        raise RosterError(
            said("{file} has a damaged header. Run `clientsafe roster import` again.", file=file)
        ) from None
    if header.get("format") != FORMAT:
        raise RosterError(
            said("{file} was written by another ClientSafe version. Run `clientsafe roster import` again.", file=file)
        )
    return header, end + 1


def read(file: Path) -> tuple[dict[str, Any], dict[bytes, tuple[int, int]]]:
    whole = file.read_bytes()  # one read: a new import replacing the file meanwhile cannot mix two rosters
    header, offset = _parse_header(file, whole[: len(MAGIC) + 4096])
    data = whole[offset:]
    if len(data) != header["entries"] * RECORD.size:
        raise RosterError(said("{file} is truncated. Run `clientsafe roster import` again.", file=file))
    entries = {h: (flags, exp) for h, flags, exp in RECORD.iter_unpack(data)}
    return header, entries


def managed_info(file: Path | None = None) -> dict[str, Any] | None:
    """The ``managed`` part of the roster's header (an IT-managed roster), None for an imported one or none."""
    try:
        header, _ = read_header(file or default_file())
    except (OSError, RosterError):
        return None
    managed = header.get("managed")
    return managed if isinstance(managed, dict) else None


def status(file: Path | None = None, key: RosterKey | None = None, org_key: OrgKey | None = None) -> RosterStatus:
    """How the roster stands. A roster whose key cannot be read (the keyring failed, or the key is gone) is
    not in force: ``loaded`` is False and ``problem`` says why, instead of the client count of a roster that
    nothing can use. An IT-managed roster is checked against the organisation's key (``org_key.py``).
    RosterError when the file is not a roster at all."""
    file = file or default_file()
    if not file.exists():
        return RosterStatus(loaded=False, file=str(file))
    header, _ = read_header(file)
    key = key or RosterKey()
    managed = header.get("managed") if isinstance(header.get("managed"), dict) else None
    problem, keyring_failed = "", False
    try:
        if managed is not None:
            org = org_key or OrgKey()
            if org.find(str(header.get("key_id"))) is None:
                problem = it_key_missing(org, str(header.get("key_id")))
        else:
            secret = key.get()
            if secret is None or key_id(secret) != header.get("key_id"):
                problem = KEY_REPLACED
    except KeyringUnavailable as e:
        problem = said("The client roster cannot be read because the keyring failed: {problem}", problem=reason(e))
        keyring_failed = True
    managed = managed or {}
    return RosterStatus(
        loaded=not problem,
        clients=int(header.get("clients", 0)),
        source=str(header.get("source", "")),
        imported_at=str(header.get("imported_at", "")),
        file=str(file),
        size_bytes=file.stat().st_size,
        key_warning=key.warning,
        problem=problem,
        keyring_failed=keyring_failed,
        managed=bool(managed),
        managed_url=str(managed.get("url", "")),
        built_at=str(managed.get("built_at", "")),
        expires=str(managed.get("expires", "")),
        fetched_at=str(managed.get("fetched_at", "")),
        bundle_source=str(managed.get("bundle_source", "")),
    )


def clear(file: Path | None = None, key: RosterKey | None = None) -> bool:
    """Remove the roster and its key. True when there was a roster to remove."""
    file = file or default_file()
    existed = file.exists()
    file.unlink(missing_ok=True)
    (key or RosterKey()).delete()
    return existed


def build_entries(key: bytes, items: Iterable[tuple[bytes, str, int, int]]) -> dict[bytes, tuple[int, int]]:
    """(namespace, value, flags, expiry days) -> the merged record table."""
    entries: dict[bytes, tuple[int, int]] = {}
    for namespace, value, flags, expiry in items:
        h = digest(key, namespace, value)
        old = entries.get(h)
        entries[h] = (flags, expiry) if old is None else merge(old, (flags, expiry))
    return entries
