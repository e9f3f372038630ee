"""Pairing: a browser asks, a person compares a code and approves, the browser gets a token.

Pending requests live in a small file in the user's data folder (mode 0600) so that the desktop side,
which today is ``clientsafe pair approve CODE`` and later the tray, can approve them from another
process. The pairing id is a 128-bit secret known only to the browser that asked; the six-digit code is
what the person compares on both screens. Nothing completes without a person approving.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from filelock import FileLock

from clientsafe import paths
from clientsafe.api.tokens import TokenStore
from clientsafe.say import said

PAIRING_TTL_SECONDS = 300
# Waiting requests per caller (callers.py: its OS user, else its Origin), so one program asking over and over
# cannot crowd out a browser's request; and in all, so the file stays small.
MAX_PENDING = 3
MAX_PENDING_TOTAL = 24


@dataclass
class PendingPairing:
    pairing_id: str
    code: str
    client_name: str
    created: float
    status: str = "pending"  # pending | approved | denied | done
    source: str = ""  # who asked (callers.caller_key), for the per-caller cap


class PairingError(Exception):
    pass


class PairingBook:
    def __init__(self, tokens: TokenStore, file: Path | None = None) -> None:
        self.tokens = tokens
        self.file = file or paths.data_dir() / "pairing.json"

    @contextlib.contextmanager
    def _locked(self) -> Iterator[list[PendingPairing]]:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        # The service and `clientsafe pair approve` (another process) both change the file: one at a time, through
        # filelock (fcntl on POSIX, msvcrt on Windows) rather than a POSIX-only lock of our own.
        lock = FileLock(self.file.with_name(self.file.name + ".lock"), timeout=10, mode=0o600)
        fd = os.open(self.file, os.O_RDWR | os.O_CREAT, 0o600)
        with lock, os.fdopen(fd, "r+", encoding="utf-8") as f:
            raw = f.read()
            items = [PendingPairing(**p) for p in json.loads(raw)] if raw.strip() else []
            now = time.time()
            items = [p for p in items if now - p.created < PAIRING_TTL_SECONDS and p.status != "done"]
            yield items
            f.seek(0)
            f.truncate()
            f.write(json.dumps([asdict(p) for p in items]))

    def request(self, client_name: str, source: str = "") -> PendingPairing:
        with self._locked() as items:
            waiting = [p for p in items if p.status == "pending"]
            if sum(p.source == source for p in waiting) >= MAX_PENDING or len(waiting) >= MAX_PENDING_TOTAL:
                raise PairingError(said("too many pairing requests are waiting; approve or deny them first"))
            pending = PendingPairing(
                pairing_id=secrets.token_urlsafe(16),
                code=f"{secrets.randbelow(1_000_000):06d}",
                client_name=client_name[:80],
                created=time.time(),
                source=source,
            )
            items.append(pending)
            return pending

    def decide(self, code: str, approve: bool) -> PendingPairing:
        code = code.replace("-", "").replace(" ", "")
        with self._locked() as items:
            for p in items:
                if p.code == code and p.status == "pending":
                    p.status = "approved" if approve else "denied"
                    return p
        raise PairingError(
            said("no pairing request with code {code} is waiting (codes expire after 5 minutes)", code=code)
        )

    def pending(self) -> list[PendingPairing]:
        with self._locked() as items:
            return [p for p in items if p.status == "pending"]

    def poll(self, pairing_id: str) -> tuple[str, str | None]:
        """(status, token): the token is returned once, when an approved request is collected."""
        with self._locked() as items:
            for p in items:
                # bytes: compare_digest refuses non-ASCII str, and an id from the network may be anything
                if secrets.compare_digest(p.pairing_id.encode(), pairing_id.encode("utf-8", "replace")):
                    if p.status == "approved":
                        _, token = self.tokens.issue(p.client_name)
                        p.status = "done"
                        return "approved", token
                    return p.status, None
        return "expired", None
