"""One pairing per IT-deployed extension, handed out again on every ``pair``, and a limit on how often.

Chrome starts a new host process for every ``sendNativeMessage``, so nothing here lives in memory: the pairing
each extension got and the times it asked are kept in this user's data folder, and host processes take turns
through a file lock (``filelock``, which tldextract already brings; its Windows lock needs no ``fcntl``).

Why the token is kept and handed out again, rather than a new one issued and the previous one revoked:
* One extension ID is often several browsers at once. IT's force-install policy puts the extension in every
  Chrome profile, and Edge installs the same CRX under the same ID; the host cannot tell them apart (each passes
  only ``chrome-extension://ID/``). With rotation each profile's ``pair`` would revoke the other's token, and
  the extension does not pair again after a 401 (``extension/background/tray.js`` pairs only while it has no
  token), so all but the last browser would lose protection without a word.
* Rotation would not keep anything out either: code running as this user can start the host and name the
  allowed ID whenever it likes (see "Trust boundary" in ``shared/native-messaging.md``).
* The cost is that this one token is stored where it can be read back: in the OS keyring beside the hashed
  list, or, where there is none, in a file readable only by this user (the same :class:`SecretSlot` the hashed
  list and the roster key use). Anyone who can read that can already run the host and get the same token.
If the person revokes the pairing (``clientsafe pair list`` / the tray), the kept token no longer matches any
entry, and the next ``pair`` makes a new pairing in its place; the list still holds one entry per extension.
"""

from __future__ import annotations

import hmac
import json
import logging
import math
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filelock import FileLock, Timeout

from clientsafe import paths
from clientsafe.api.tokens import _hash  # the token list's own hashing, so the two can never disagree
from clientsafe.atomic_file import atomic_write
from clientsafe.secret_store import SecretSlot

if TYPE_CHECKING:
    from clientsafe.api.tokens import TokenStore
    from clientsafe.native.host import Caller

log = logging.getLogger("clientsafe.native")

# The extension asks at most once a minute per browser profile (tray.js), so a handful of profiles and browsers
# stay well inside this; a loop (or a script) calling the host gets "rate_limited" after the sixth.
PAIRS_PER_MINUTE = 6
WINDOW_SECONDS = 60.0
LOCK_TIMEOUT_SECONDS = 10.0
KEPT_ENTRY = "native-pairings"  # keyring entry (or file, below) with {caller key: {"id", "token"}}
KEPT_FILE = "native-pairings.json"
STATE_FILE = "native-host.json"  # {"pairs": {caller key: [unix times of recent pairs]}}: nothing secret
LOCK_FILE = "native-host.lock"


class RateLimited(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many pairs; retry in {retry_after} s")
        self.retry_after = retry_after


class Busy(Exception):
    """Another host process held the lock for longer than LOCK_TIMEOUT_SECONDS."""


def caller_key(caller: Caller) -> str:
    return f"{caller.browser}:{caller.extension_id}"


def pairing_name(caller: Caller) -> str:
    """The name the person sees in ``clientsafe pair list``: the whole ID, so two deployed extensions differ;
    "(IT)" at the end, as the deployment guide tells IT to look for."""
    family = "Firefox" if caller.browser == "firefox" else "Chrome/Edge"
    return f"{family} extension {caller.extension_id} (IT)"


class NativePairings:
    """Creates nothing on disk until :meth:`pair` is called, so a refused caller leaves no trace."""

    def __init__(
        self,
        tokens: TokenStore,
        folder: Path | None = None,
        per_minute: int = PAIRS_PER_MINUTE,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._tokens = tokens
        self._folder = folder or paths.data_dir()
        self._kept = SecretSlot(KEPT_ENTRY, self._folder / KEPT_FILE, tokens.use_keyring)
        self._state_file = self._folder / STATE_FILE
        self._lock = FileLock(self._folder / LOCK_FILE, timeout=LOCK_TIMEOUT_SECONDS, mode=0o600)
        self._per_minute = per_minute
        self._clock = clock

    def pair(self, caller: Caller) -> tuple[str, str]:
        """(paired-browser id, token) for this caller: its existing pairing, or a new one if it has none.
        Raises :class:`RateLimited` beyond ``per_minute`` pairs in a minute for this caller, :class:`Busy`
        if the other host processes never let go of the lock."""
        self._folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        key = caller_key(caller)
        try:
            with self._lock:
                self._count(key)
                return self._existing_or_new(key, caller)
        except Timeout:
            raise Busy(str(self._folder / LOCK_FILE)) from None

    # -- the rate limit --------------------------------------------------------------------------------
    def _count(self, key: str) -> None:
        now = self._clock()
        recent = {k: [t for t in v if now - WINDOW_SECONDS < t <= now] for k, v in self._read_state().items()}
        mine = recent.get(key, [])
        if len(mine) >= self._per_minute:
            raise RateLimited(max(1, math.ceil(min(mine) + WINDOW_SECONDS - now)))
        recent[key] = [*mine, now]  # counted before the token is looked up: a pair that then fails counts too
        with atomic_write(self._state_file) as f:
            json.dump({"pairs": {k: v for k, v in recent.items() if v}}, f)

    def _read_state(self) -> dict[str, list[float]]:
        try:
            pairs = json.loads(self._state_file.read_text(encoding="utf-8"))["pairs"]
            return {str(k): [float(t) for t in v] for k, v in pairs.items()}
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, TypeError, KeyError, AttributeError) as e:
            # Only times are lost: the limit starts counting afresh, the pairings are elsewhere.
            log.warning("starting the pair count afresh: %s was unreadable (%s)", self._state_file, type(e).__name__)
            return {}

    # -- the kept pairing --------------------------------------------------------------------------------
    def _existing_or_new(self, key: str, caller: Caller) -> tuple[str, str]:
        kept = self._read_kept()
        live = {b.id: b for b in self._tokens.list()}
        mine = kept.get(key)
        if mine is not None:
            browser = live.get(mine["id"])
            # The hash check, not the id alone: an entry revoked and an id reused must not get a dead token.
            if browser is not None and hmac.compare_digest(browser.token_sha256, _hash(mine["token"])):
                return browser.id, mine["token"]
            log.info("native messaging: the pairing for %s was revoked; pairing it again", key)
        browser, token = self._tokens.issue(pairing_name(caller))
        kept = {k: v for k, v in kept.items() if v["id"] in live}  # forget pairings the person revoked
        kept[key] = {"id": browser.id, "token": token}
        try:
            self._kept.write(json.dumps(kept))
        except BaseException:
            self._tokens.revoke(browser.id)  # a pairing the host cannot hand out again would only add to the list
            raise
        log.info("native messaging: paired %s as %s", key, browser.id)
        return browser.id, token

    def _read_kept(self) -> dict[str, dict[str, str]]:
        try:
            raw = self._kept.read()
            data: Any = json.loads(raw) if raw else {}
            return {
                str(k): {"id": str(v["id"]), "token": str(v["token"])}
                for k, v in data.items()
                if isinstance(v, dict) and "id" in v and "token" in v
            }
        except (OSError, ValueError, AttributeError) as e:
            log.warning("the kept native pairings were unreadable (%s); pairing afresh", type(e).__name__)
            return {}
