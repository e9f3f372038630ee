"""Paired browsers and their tokens.

A token is 256 random bits, shown to the extension once. Only its SHA-256 is kept, with the browser's
name and dates, in the OS keyring (``keyring``). Where no keyring backend exists (a headless server,
a minimal desktop) the list goes to a file readable only by this user, and ClientSafe says so loudly
every time it starts: never silently, never plain text anywhere else.
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
from clientsafe.secret_store import KeptSecret, SecretSlot

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


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class TokenStore(KeptSecret):
    def __init__(self, use_keyring: bool | None = None, file: Path | None = None) -> None:
        slot = SecretSlot(ENTRY, file or paths.data_dir() / "paired-browsers.json", use_keyring)
        super().__init__(slot, "paired-browser tokens are kept (hashed)", "them")
        self._cache: list[PairedBrowser] = []
        self._cache_stamp: object = _UNREAD
        self._write_lock = threading.Lock()  # the service thread records last-seen while the tray may revoke
        self._seen: dict[str, float] = {}  # browser id -> last verified call, in memory since this process started

    # -- storage -------------------------------------------------------------------------------------
    def _load(self) -> list[PairedBrowser]:
        raw = self._slot.read()
        return [PairedBrowser(**item) for item in json.loads(raw)] if raw else []

    def _save(self, browsers: list[PairedBrowser]) -> None:
        self._slot.write(json.dumps([asdict(b) for b in browsers]))

    # -- operations ----------------------------------------------------------------------------------
    def issue(self, name: str) -> tuple[PairedBrowser, str]:
        token = secrets.token_urlsafe(32)  # 256 bits
        browser = PairedBrowser(id=secrets.token_hex(4), name=name[:80], token_sha256=_hash(token), created=time.time())
        with self._write_lock:
            self._save([*self._load(), browser])
        return browser, token

    def _cached(self) -> list[PairedBrowser]:
        """The list, re-read when the file changed or, for the keyring, at most every 2 seconds: a
        keyring call per request would cost a D-Bus round trip, and a revocation still lands at once
        for the file and within 2 seconds for the keyring."""
        if self.use_keyring:
            stamp: object = int(time.monotonic() / 2)
        else:
            stamp = self.file.stat().st_mtime_ns if self.file.exists() else None
        if self._cache_stamp != stamp:
            self._cache = self._load()
            self._cache_stamp = stamp
        return self._cache

    def verify(self, token: str) -> PairedBrowser | None:
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
        if now - browser.last_seen >= LAST_SEEN_WRITE_SECONDS:
            with self._write_lock:
                browsers = self._load()
                for b in browsers:
                    if b.id == browser.id:
                        b.last_seen = now
                self._save(browsers)
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
        return self._load()

    def revoke(self, browser_id: str) -> bool:
        with self._write_lock:
            browsers = self._load()
            kept = [b for b in browsers if b.id != browser_id]
            self._save(kept)
        self._seen.pop(browser_id, None)
        return len(kept) != len(browsers)
