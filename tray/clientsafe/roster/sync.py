"""Fetch IT's roster bundle (policy ``roster_bundle``), check it, and make it the roster in force.

One call, :func:`sync`, does one attempt: download over HTTPS (``fetch.fetch_bundle``, with the ETag /
Last-Modified of the copy in force), verify the signature with the policy's public key, the format and the expiry
(``bundle.verify``), refuse a bundle older than the roster in force (a replayed copy), find the organisation's
hashing key by the bundle's ``key_id`` (``org_key.py``), and replace ``roster.bin`` in one ``os.replace`` with a
header that says it is IT-managed. Anything wrong raises RosterError with the problem in plain words, and the
roster in force stays exactly as it was. Every attempt is recorded in ``roster-sync.json`` in the data folder
(when, and the last error) for ``clientsafe roster status`` and the tray's roster window; it holds no name and no
key. The schedule (at start, then every ``refresh_hours``) is ``schedule.py``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from clientsafe import https_only, paths
from clientsafe.atomic_file import atomic_write
from clientsafe.roster import store
from clientsafe.roster.bundle import Bundle, BundleError, parse_time, verify
from clientsafe.roster.errors import RosterError
from clientsafe.roster.fetch import fetch_bundle
from clientsafe.roster.org_key import OrgKey
from clientsafe.said_parts import from_record, to_record
from clientsafe.say import reason, said
from clientsafe.secret_store import KeyringUnavailable

log = logging.getLogger("clientsafe.roster")
DEFAULT_REFRESH_HOURS = 6.0
_TIME = "%Y-%m-%dT%H:%M:%SZ"


def state_file() -> Path:
    return paths.data_dir() / "roster-sync.json"


@dataclass
class SyncState:
    """The last attempts to fetch IT's roster (no name, no key: addresses without query, times, a message)."""

    url: str = ""  # the bundle address, as shown (no query: a signed link's secret is there)
    url_id: str = ""  # sha256 of the whole address: a new signed link is a new address
    last_attempt: str = ""
    last_success: str = ""  # the last attempt that got a current bundle (new or unchanged)
    last_error: str = ""  # "" when the last attempt succeeded
    etag: str = ""
    last_modified: str = ""

    @classmethod
    def read(cls, file: Path | None = None) -> SyncState:
        try:
            data = json.loads((file or state_file()).read_text(encoding="utf-8"))
            state = cls(**{k: str(v) for k, v in data.items() if k in cls.__dataclass_fields__})
        except (OSError, ValueError, TypeError):
            return cls()
        # The error as the roster window says it, in its reader's language (the plain text is kept beside it).
        state.last_error = from_record(data.get("last_error_said"), state.last_error)
        return state

    def write(self, file: Path | None = None) -> None:
        try:
            with atomic_write(file or state_file()) as f:
                json.dump({**asdict(self), "last_error_said": to_record(self.last_error)}, f, indent=1)
        except OSError as e:  # the roster itself is what matters; the record of attempts is best effort
            log.warning("could not record the roster fetch (%s)", e.strerror)


@dataclass(frozen=True)
class SyncResult:
    changed: bool  # a new roster is in force
    clients: int
    built_at: str
    expires: str
    message: str  # one plain sentence for a person


UNCHANGED = said("The roster in force is unchanged.")


def _url_id(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


def _now_text(now: dt.datetime) -> str:
    return now.astimezone(dt.UTC).strftime(_TIME)


def sync(
    setting: dict[str, Any],
    *,
    file: Path | None = None,
    org_key: OrgKey | None = None,
    state: Path | None = None,
    now: dt.datetime | None = None,
    timeout: float = 30.0,
) -> SyncResult:
    """One attempt to bring the roster in line with IT's bundle (``setting`` is the policy's ``roster_bundle``).
    RosterError (with the problem named) when the bundle cannot be used; the roster in force then stays."""
    url = str(setting.get("url", ""))
    shown = https_only.shown(url) if "://" in url else url
    target = file or store.default_file()
    now = now or dt.datetime.now(dt.UTC)
    record = SyncState.read(state)
    same_address = record.url_id == _url_id(url)
    record.url, record.url_id, record.last_attempt = shown, _url_id(url), _now_text(now)
    if not same_address:
        record.etag = record.last_modified = record.last_success = ""
    try:
        result = _attempt(setting, url, shown, target, org_key or OrgKey(), record, now, timeout)
    except RosterError as e:
        record.last_error = reason(e)
        record.write(state)
        raise
    except KeyringUnavailable as e:
        record.last_error = reason(e)
        record.write(state)
        raise RosterError(said("{problem} {unchanged}", problem=reason(e), unchanged=UNCHANGED)) from None
    record.last_error, record.last_success = "", _now_text(now)
    record.write(state)
    return result


def _attempt(
    setting: dict[str, Any],
    url: str,
    shown: str,
    target: Path,
    org_key: OrgKey,
    record: SyncState,
    now: dt.datetime,
    timeout: float,
) -> SyncResult:
    current = store.managed_info(target)
    in_force = current is not None and current.get("url_id") == record.url_id
    fetched = fetch_bundle(
        url,
        timeout=timeout,
        etag=record.etag if in_force else "",
        last_modified=record.last_modified if in_force else "",
    )
    if fetched.body is None and current is not None:  # 304: the roster in force is IT's current one
        return SyncResult(
            False,
            _clients(target),
            str(current.get("built_at", "")),
            str(current.get("expires", "")),
            said("The roster from IT is up to date ({address} has not changed).", address=shown),
        )
    if fetched.body is None:
        raise RosterError(
            said("{address} answered 'not modified' to a first request. IT should check the server.", address=shown)
        )
    where = said("The roster bundle at {address}", address=shown)
    bundle = verify(fetched.body, str(setting.get("public_key", "")), where=where, now=now)
    if current is not None and current.get("bundle_sha256") == bundle.sha256:
        record.etag, record.last_modified = fetched.etag, fetched.last_modified
        return SyncResult(
            False,
            int(bundle.header.get("clients", 0)),
            bundle.created,
            bundle.expires,
            said("The roster from IT is up to date (built {built}).", built=bundle.created),
        )
    if (
        current is not None
        and current.get("built_at")
        and parse_time(bundle.created) < parse_time(str(current["built_at"]))
    ):
        raise BundleError(
            said(
                "The roster bundle at {address} was built {built}, before the roster in force ({in_force}): an old "
                "copy (a cache, or a replay). The roster in force is unchanged; IT should check what the server "
                "publishes.",
                address=shown,
                built=bundle.created,
                in_force=current["built_at"],
            )
        )
    secret = org_key.find(bundle.key_id)
    if secret is None:
        raise RosterError(said("{problem} {unchanged}", problem=org_key.missing(bundle.key_id), unchanged=UNCHANGED))
    _install(bundle, shown, record.url_id, target, now)
    # Only now: a validator recorded for a bundle that was refused would make the server answer 304 for it.
    record.etag, record.last_modified = fetched.etag, fetched.last_modified
    clients = int(bundle.header.get("clients", 0))
    log.info(
        "roster from IT installed: %d clients, built %s, expires %s, from %s",
        clients,
        bundle.created,
        bundle.expires,
        shown,
    )
    return SyncResult(
        True,
        clients,
        bundle.created,
        bundle.expires,
        said(
            "The roster from IT is in force: {clients:,} clients, built {built}.", clients=clients, built=bundle.created
        ),
    )


def _clients(target: Path) -> int:
    try:
        header, _ = store.read_header(target)
        return int(header.get("clients", 0))
    except (OSError, RosterError, ValueError):
        return 0


def _install(bundle: Bundle, shown: str, url_id: str, target: Path, now: dt.datetime) -> None:
    """``roster.bin`` from the bundle's records, replaced atomically; its header says where it came from."""
    header = bundle.header
    meta = {
        "clients": int(header.get("clients", 0)),
        "key_id": bundle.key_id,
        "max_words": int(header.get("max_words", 3)),
        "function_words_in_names": list(header.get("function_words_in_names", [])),
        "source": shown,
        "imported_at": _now_text(now),
        "managed": {
            "by": "it",
            "url": shown,
            "url_id": url_id,
            "built_at": bundle.created,
            "expires": bundle.expires,
            "fetched_at": _now_text(now),
            "bundle_source": str(header.get("source", "")),
            "bundle_sha256": bundle.sha256,
        },
    }
    store.remove_orphans(target)
    try:
        store.write(bundle.entries, meta, target)
    except OSError as e:
        raise RosterError(
            said(
                "The roster from IT could not be saved in {folder} ({error}). The roster in force is unchanged.",
                folder=target.parent,
                error=e.strerror or type(e).__name__,
            )
        ) from None
