"""Paired browsers and their tokens.

A token is 256 random bits, shown to the extension once. Only its SHA-256 is kept, with the browser's
name and dates, in the OS keyring (``keyring``). Where no keyring backend exists (a headless server,
a minimal desktop) the list goes to a file readable only by this user, and ClientSafe says so loudly
every time it starts: never silently, never plain text anywhere else.

A keyring that is there but fails (locked at login) is a problem, not an empty list: :meth:`TokenStore.verify`
raises :class:`KeyringUnavailable` until the keyring can be read (tried again every 2 seconds), or keeps using
the list it last read when it had one; nothing stored is rewritten meanwhile, so unlocking the keyring brings
every pairing back without a restart. The last-seen time is a convenience: failing to save it (a full disk, a
keyring refusing a write) is logged once and never fails a call.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from clientsafe import paths
from clientsafe.say import reason, said
from clientsafe.secret_store import KeptSecret, KeyringUnavailable, SecretSlot

log = logging.getLogger("clientsafe.tokens")
ENTRY = "paired-browsers"


@dataclass
class PairedBrowser:
    id: str
    name: str
    token_sha256: str
    created: float
    last_seen: float = 0.0


_UNREAD = object()  # the cache stamp before the first read
# last_seen is written to storage at most this often per browser: a keyring write per call would be a D-Bus
# round trip on every check, and "not heard from for days" needs nothing finer.
LAST_SEEN_WRITE_SECONDS = 15 * 60
# After a failed last-seen write, the next attempt waits this long (not the next call).
LAST_SEEN_RETRY_SECONDS = 60

__all__ = ["KeyringUnavailable", "PairedBrowser", "TokenStore"]


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class TokenStore(KeptSecret):
    def __init__(self, use_keyring: bool | None = None, file: Path | None = None) -> None:
        slot = SecretSlot(ENTRY, file or paths.data_dir() / "paired-browsers.json", use_keyring)
        no_keyring = said(
            "No OS keyring is available, so paired-browser tokens are kept (hashed) in {file}, readable only by you. "
            "Install a keyring (e.g. gnome-keyring) to keep them there instead.",
            file=slot.file,
        )
        super().__init__(slot, no_keyring)
        self._cache: list[PairedBrowser] = []
        self._cache_stamp: object = _UNREAD
        self._write_lock = threading.Lock()  # the service thread records last-seen while the tray may revoke
        self._seen: dict[str, float] = {}  # browser id -> last verified call, in memory since this process started
        self._read_ok = False  # the cache holds a list really read from storage (not just "nothing read yet")
        self._keyring_error: KeyringUnavailable | None = None  # the keyring's failure while it lasts
        self._last_seen_failed_at: float | None = None  # monotonic time of the last failed last-seen write

    @property
    def problem(self) -> str:
        """Empty while the paired browsers can be read; otherwise what went wrong, in words for a person (a Said:
        the tray says it in its language)."""
        error = self._keyring_error
        return reason(error) if error is not None else ""

    @property
    def readable(self) -> bool:
        """False while the keyring fails and no list was ever read: no browser can be verified meanwhile."""
        return self._read_ok or self._keyring_error is None

    # -- storage -------------------------------------------------------------------------------------
    def _load(self) -> list[PairedBrowser]:
        raw = self._slot.read()
        return [PairedBrowser(**item) for item in json.loads(raw)] if raw else []

    def _save(self, browsers: list[PairedBrowser]) -> None:
        self._slot.write(json.dumps([asdict(b) for b in browsers]))

    def _read(self) -> list[PairedBrowser]:
        """``_load``, remembering a keyring failure for ``problem`` (and forgetting it on the next good read)."""
        try:
            browsers = self._load()
        except KeyringUnavailable as e:
            if self._keyring_error is None:
                log.error("paired browsers cannot be read: the keyring failed (%s); nothing was unpaired", e.cause)
            self._keyring_error = e
            raise
        if self._keyring_error is not None:
            log.info("the keyring can be read again: paired browsers are back")
            self._keyring_error = None
        return browsers

    # -- operations ----------------------------------------------------------------------------------
    def issue(self, name: str) -> tuple[PairedBrowser, str]:
        token = secrets.token_urlsafe(32)  # 256 bits
        browser = PairedBrowser(id=secrets.token_hex(4), name=name[:80], token_sha256=_hash(token), created=time.time())
        with self._write_lock:
            self._save([*self._read(), browser])
        return browser, token

    def _cached(self) -> list[PairedBrowser]:
        """The list, re-read when the file changed or, for the keyring, at most every 2 seconds: a
        keyring call per request would cost a D-Bus round trip, and a revocation still lands at once
        for the file and within 2 seconds for the keyring.

        When the keyring fails, the list last read stays in use (it cannot have changed: changing it needs the
        same keyring); with none read yet, :class:`KeyringUnavailable` is raised, and the keyring is tried
        again at the next 2-second stamp, not on every call."""
        if self.use_keyring:
            stamp: object = int(time.monotonic() / 2)
        else:
            stamp = self.file.stat().st_mtime_ns if self.file.exists() else None
        if self._cache_stamp != stamp:
            try:
                self._cache = self._read()
            except KeyringUnavailable:
                self._cache_stamp = stamp  # tried again at the next stamp
                if not self._read_ok:
                    raise
                return self._cache
            self._cache_stamp, self._read_ok = stamp, True
        elif not self._read_ok and self._keyring_error is not None:
            raise self._keyring_error.with_traceback(None)
        return self._cache

    def verify(self, token: str) -> PairedBrowser | None:
        """The paired browser this token belongs to, or None when it belongs to none.

        Raises :class:`KeyringUnavailable` when the list cannot be read at all: the caller must not answer
        "not paired" then (the browser is paired; ClientSafe just cannot check it yet)."""
        digest = _hash(token)
        found = None
        for browser in self._cached():
            # Constant-time comparison for every entry, so timing says nothing about which one matched.
            if hmac.compare_digest(browser.token_sha256, digest):
                found = browser
        if found is not None:
            self._note_seen(found)
        return found

    def _note_seen(self, browser: PairedBrowser) -> None:
        now = time.time()
        self._seen[browser.id] = now
        if now - browser.last_seen < LAST_SEEN_WRITE_SECONDS:
            return
        failed_at = self._last_seen_failed_at
        if failed_at is not None and time.monotonic() - failed_at < LAST_SEEN_RETRY_SECONDS:
            return
        try:
            with self._write_lock:
                browsers = self._read()
                for b in browsers:
                    if b.id == browser.id:
                        b.last_seen = now
                self._save(browsers)
        except Exception as e:  # a full disk, a keyring refusing the write: the call itself goes on regardless
            if failed_at is None:
                reason = e.cause if isinstance(e, KeyringUnavailable) else getattr(e, "strerror", None) or e
                log.warning("last-seen times not saved (%s); checks go on, and it is tried again later", reason)
            self._last_seen_failed_at = time.monotonic()
            return
        if failed_at is not None:
            log.info("saving when paired browsers were last seen works again")
            self._last_seen_failed_at = None
        browser.last_seen = now
        self._cache_stamp = _UNREAD

    def last_seen(self, browser: PairedBrowser) -> float:
        """When this browser last made an authenticated call (0 if never), to the second within this
        process and to LAST_SEEN_WRITE_SECONDS across restarts."""
        return max(browser.last_seen, self._seen.get(browser.id, 0.0))

    def silent(self, seconds: float, now: float | None = None) -> list[PairedBrowser]:
        """Paired browsers not heard from for at least ``seconds`` (since pairing, if never used)."""
        now = time.time() if now is None else now
        return [b for b in self.list() if now - max(self.last_seen(b), b.created) >= seconds]

    def list(self) -> list[PairedBrowser]:
        """Every paired browser, read now. While the keyring fails: the list last read, if any, else
        :class:`KeyringUnavailable` (never an empty list that would read as "nothing paired")."""
        try:
            browsers = self._read()
        except KeyringUnavailable:
            if self._read_ok:
                return list(self._cache)
            raise
        self._cache, self._read_ok = list(browsers), True
        return browsers

    def revoke(self, browser_id: str) -> bool:
        with self._write_lock:
            browsers = self._read()
            kept = [b for b in browsers if b.id != browser_id]
            self._save(kept)
        self._seen.pop(browser_id, None)
        return len(kept) != len(browsers)
