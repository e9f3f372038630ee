"""IT's roster bundle: the client roster built once from the case-management export, signed, and published for
every staff machine to fetch (policy ``roster_bundle``; docs/roster.md, "The roster from IT").

File layout (all bytes are signed)::

    CSROSTERBUNDLE1\\n
    {"format": 1, "created": ..., "expires": ..., "clients": N, "entries": M, "key_id": ..., "source": ...,
     "max_words": k, "function_words_in_names": [...]}\\n     (format 2 adds "guardians": G, and GUARDIAN records)
    M records of 15 bytes, sorted (exactly roster.bin's: 12-byte HMAC-SHA256 prefix | flags | consent expiry)
    64 bytes: ECDSA P-256 / SHA-256 signature (r||s) over everything above

The records are HMACs under the organisation's hashing key (``org_key.py``), which is never in the bundle: a
bundle on its own names nobody and cannot be tested against guessed names. The signature uses the same key type
and encoding as IT's adapter updates (``adapter_update.py``), so one kind of key pair serves both.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

from clientsafe.adapter_update import keygen as signing_keygen
from clientsafe.roster import store
from clientsafe.roster.errors import RosterError
from clientsafe.roster.importer import ProgressCallback, display_source, hash_clients, read_clients
from clientsafe.roster.keys import key_id
from clientsafe.roster.org_key import KEY_BYTES, key_file_text
from clientsafe.say import said

MAGIC = b"CSROSTERBUNDLE1\n"
FORMAT = 1
# Format 2: the same layout, with records flagged GUARDIAN (a client's parent or guardian) and a "guardians" count.
# A bundle without guardians is still written as format 1, so machines that have not updated keep reading it.
FORMAT_WITH_GUARDIANS = 2
READABLE_FORMATS = (FORMAT, FORMAT_WITH_GUARDIANS)
SIGNATURE_BYTES = 64
MAX_HEADER_BYTES = 16 * 1024
DEFAULT_VALID_DAYS = 30
_TIME = "%Y-%m-%dT%H:%M:%SZ"


class BundleError(RosterError):
    """A roster bundle that cannot be used (damaged, expired, signed by another key...); the message says which."""


@dataclass(frozen=True)
class Bundle:
    header: dict[str, Any]
    entries: dict[bytes, tuple[int, int]]
    sha256: str  # of the whole file: an unchanged bundle is not written again

    @property
    def created(self) -> str:
        return str(self.header["created"])

    @property
    def expires(self) -> str:
        return str(self.header["expires"])

    @property
    def key_id(self) -> str:
        return str(self.header["key_id"])


def _stamp(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime(_TIME)


def parse_time(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, _TIME).replace(tzinfo=dt.UTC)


def _signing_key(pem: bytes) -> ec.EllipticCurvePrivateKey:
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError):
        raise BundleError(
            said(
                "The signing key could not be read: it must be the unencrypted PEM file `clientsafe roster keygen` "
                "wrote."
            )
        ) from None
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.curve.name != "secp256r1":
        raise BundleError(
            said("The signing key must be an ECDSA P-256 key (make one with `clientsafe roster keygen`).")
        )
    return key


def write_new(path: Path, data: bytes) -> None:
    """Write a key file readable by its owner only (where the OS has modes), never over an existing file."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise BundleError(
            said("{path} exists: choose another file (an existing key is never overwritten).", path=path)
        ) from None
    except OSError as e:
        raise BundleError(said("{path} could not be written ({error}).", path=path, error=e.strerror)) from None
    with os.fdopen(fd, "wb") as out:
        out.write(data)


def keygen(signing_out: Path, hash_key_out: Path) -> tuple[str, str]:
    """Make IT's two roster keys, each written without overwriting: the ECDSA P-256 signing key (PEM, kept by IT)
    and the organisation's 256-bit hashing key (deployed to staff machines). Returns (base64 SPKI public key for
    the policy's ``roster_bundle.public_key``, the hashing key's ``key_id``)."""
    for path in (signing_out, hash_key_out):
        if path.exists():
            raise BundleError(
                said("{path} exists: choose another file (an existing key is never overwritten).", path=path)
            )
    pem, public = signing_keygen()
    hash_key = secrets.token_bytes(KEY_BYTES)
    write_new(signing_out, pem)
    write_new(hash_key_out, key_file_text(hash_key).encode("ascii"))
    return public, key_id(hash_key)


def _sign(key: ec.EllipticCurvePrivateKey, data: bytes) -> bytes:
    r, s = decode_dss_signature(key.sign(data, ec.ECDSA(hashes.SHA256())))
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


def build(
    source: str,
    signing_pem: bytes,
    hash_key: bytes,
    *,
    valid_days: int = DEFAULT_VALID_DAYS,
    label: str | None = None,
    now: dt.datetime | None = None,
    today: dt.date | None = None,
    timeout: float = 30.0,
    progress: ProgressCallback | None = None,
) -> tuple[bytes, dict[str, Any]]:
    """The signed bundle for a roster CSV (file or https address), read, checked and hashed exactly as
    ``roster import`` does; returns (bundle bytes, its header). RosterError for a CSV that cannot be a roster
    (the same refusals as an import), BundleError for a bad key or validity."""
    if not 1 <= valid_days <= 366:
        raise BundleError(said("--valid-days must be between 1 and 366."))
    signer = _signing_key(signing_pem)  # before the CSV is read: a wrong key costs nothing
    if len(hash_key) != KEY_BYTES:
        raise BundleError(said("The hashing key must be 32 bytes (make one with `clientsafe roster keygen`)."))
    now = now or dt.datetime.now(dt.UTC)
    result = read_clients(source, timeout=timeout, progress=progress, today=today)
    entries, described = hash_clients(
        result.clients, hash_key, today=today or now.date(), progress=progress, guardians=result.guardians.names
    )
    shown = display_source(source)
    header = {
        "format": FORMAT_WITH_GUARDIANS if described.get("guardians") else FORMAT,
        "created": _stamp(now),
        "expires": _stamp(now + dt.timedelta(days=valid_days)),
        "entries": len(entries),
        # The export's file name, or its address without query: the path on IT's computer means nothing to staff.
        "source": label or (shown if "://" in shown else Path(shown).name),
        **described,
    }
    body = (
        MAGIC
        + json.dumps(header, sort_keys=True).encode("utf-8")
        + b"\n"
        + b"".join(store.RECORD.pack(h, flags, exp) for h, (flags, exp) in sorted(entries.items()))
    )
    return body + _sign(signer, body), header


def verify(
    data: bytes, public_key_b64: str, *, where: str = said("the roster bundle"), now: dt.datetime | None = None
) -> Bundle:
    """The bundle in ``data`` if it is whole, signed with this public key, of this format and not expired;
    BundleError naming the problem otherwise. (Whether this machine has its hashing key is the caller's check.)"""
    if not data.startswith(MAGIC):
        looks = (
            said("a web page") if data.lstrip()[:1] == b"<" else said("empty") if not data else said("something else")
        )
        raise BundleError(
            said(
                "{where} is not a ClientSafe roster bundle (it is {looks}). Check the address with IT.",
                where=where,
                looks=looks,
            )
        )
    end = data.find(b"\n", len(MAGIC), len(MAGIC) + MAX_HEADER_BYTES)
    try:
        header = json.loads(data[len(MAGIC) : end]) if end > 0 else None
        entries_count = int(header["entries"]) if isinstance(header, dict) else -1
    except (ValueError, KeyError, TypeError):
        header, entries_count = None, -1
    expected = end + 1 + entries_count * store.RECORD.size + SIGNATURE_BYTES
    if not isinstance(header, dict) or entries_count < 0 or len(data) != expected:
        if isinstance(header, dict) and entries_count >= 0:
            raise BundleError(
                said(
                    "{where} is damaged or truncated ({size:,} bytes, {expected:,} expected). IT must publish it "
                    "again.",
                    where=where,
                    size=len(data),
                    expected=expected,
                )
            )
        raise BundleError(
            said(
                "{where} is damaged or truncated ({size:,} bytes). IT must publish it again.",
                where=where,
                size=len(data),
            )
        )
    body, raw = data[:-SIGNATURE_BYTES], data[-SIGNATURE_BYTES:]
    try:
        public = serialization.load_der_public_key(base64.b64decode(public_key_b64, validate=True))
    except ValueError:
        raise BundleError(
            said("The policy's roster_bundle.public_key is not a base64 public key. Ask IT to fix the policy.")
        ) from None
    if not isinstance(public, ec.EllipticCurvePublicKey):
        raise BundleError(
            said("The policy's roster_bundle.public_key must be an ECDSA P-256 key. Ask IT to fix the policy.")
        )
    signature = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    try:
        public.verify(signature, body, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        raise BundleError(
            said(
                "{where} is not signed by the key the policy names (roster_bundle.public_key): it was signed with "
                "another key, or changed after signing. IT must sign it with their roster signing key.",
                where=where,
            )
        ) from None
    if header.get("format") not in READABLE_FORMATS:
        raise BundleError(
            said(
                "{where} has format {format}; this ClientSafe reads formats {formats}. Update ClientSafe.",
                where=where,
                format=repr(header.get("format")),
                formats=" and ".join(map(str, READABLE_FORMATS)),
            )
        )
    try:
        expires = parse_time(str(header["expires"]))
        parse_time(str(header["created"]))
        str(header["key_id"])
    except (KeyError, ValueError):
        raise BundleError(
            said(
                "{where} has an incomplete header. IT must build it again with `clientsafe roster build`.", where=where
            )
        ) from None
    if expires <= (now or dt.datetime.now(dt.UTC)):
        raise BundleError(
            said(
                "{where} expired on {expires}. IT must build and publish a new one (`clientsafe roster build`).",
                where=where,
                expires=header["expires"],
            )
        )
    records = body[end + 1 :]
    entries = {h: (flags, exp) for h, flags, exp in store.RECORD.iter_unpack(records)}
    return Bundle(header=header, entries=entries, sha256=hashlib.sha256(data).hexdigest())


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise BundleError(
            said("{path} could not be read ({error}).", path=path, error=e.strerror or type(e).__name__)
        ) from None
