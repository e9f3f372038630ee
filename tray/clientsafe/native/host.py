"""The native-messaging host: answers an allowed extension's ``pair`` with a token and this user's port.

The browser starts the host as the signed-in user, only for extensions named in the host manifest's
``allowed_origins`` (Chrome) or ``allowed_extensions`` (Firefox), and passes the caller's origin as the first
argument (Chrome: ``chrome-extension://ID/``; Firefox: the manifest path, then the extension ID). The host
checks the caller again against its own list, so a manifest edited by someone else is not enough. IT deploys
both the extension and the host, so pairing needs no approval from the staff member here: the browser's own
check on who may launch the host is the approval. Each extension has one pairing, handed out again on every
``pair`` and at most ``PAIRS_PER_MINUTE`` times a minute (``native/pairings.py``). The host defends against
other OS users and other extensions, not against code running as this user: "Trust boundary" in the contract,
``shared/native-messaging.md``.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from clientsafe import __version__, paths
from clientsafe.native.messaging import FrameError, read_message, write_message
from clientsafe.native.pairings import Busy, NativePairings, RateLimited

log = logging.getLogger("clientsafe.native")
ALLOWED_FILE = "allowed-extensions.json"
_CHROME_ORIGIN = re.compile(r"^chrome-extension://([a-p]{32})/?$")


@dataclass(frozen=True)
class Caller:
    browser: str  # "chromium" (Chrome, Chromium, Edge) or "firefox"
    extension_id: str


def caller_from_argv(argv: list[str]) -> Caller | None:
    """Who started us, from the arguments the browser passes (None when it is not a browser)."""
    for arg in argv:
        match = _CHROME_ORIGIN.match(arg)
        if match:
            return Caller("chromium", match.group(1))
    # Firefox: argv = [path to the host manifest, extension ID]
    if len(argv) >= 2 and argv[0].endswith(".json") and argv[1] and not argv[1].startswith("-"):
        return Caller("firefox", argv[1])
    return None


def allowed_extension_ids(extra: Iterable[str] = ()) -> frozenset[str]:
    """Extension IDs that may pair: ``allowed-extensions.json`` beside the installed app (written by the
    package build, from the organisation's signing key and Firefox ID) plus ``CLIENTSAFE_EXTENSION_IDS``."""
    ids = {i.strip() for i in extra if i.strip()}
    ids |= {i.strip() for i in os.environ.get("CLIENTSAFE_EXTENSION_IDS", "").split(",") if i.strip()}
    for folder in _install_dirs():
        file = folder / ALLOWED_FILE
        if file.is_file():
            try:
                data = json.loads(file.read_text(encoding="utf-8"))
                ids |= {str(i) for i in data.get("chromium", []) + data.get("firefox", [])}
            except (OSError, ValueError, TypeError, AttributeError) as e:
                log.warning("ignoring unreadable %s: %s", file, type(e).__name__)
    return frozenset(ids)


def _install_dirs() -> list[Path]:
    if not getattr(sys, "frozen", False):
        return []
    here = Path(sys.executable).resolve().parent
    if sys.platform == "darwin":
        # In ClientSafe.app the installer puts the file in Contents/Resources: a data file in Contents/MacOS is
        # taken for code by codesign and breaks the bundle's signature.
        return [here, here.parent / "Resources"]
    return [here]


def read_port() -> int | None:
    """The port this user's running service took (``api/server.py`` writes it), or None if it is not running."""
    file = paths.data_dir() / "service.json"
    try:
        port = json.loads(file.read_text(encoding="utf-8")).get("port")
    except (OSError, ValueError, AttributeError):
        return None
    return port if isinstance(port, int) and 0 < port < 65536 else None


def handle(
    message: dict[str, Any], caller: Caller | None, allowed: frozenset[str], pairings: NativePairings
) -> dict[str, Any]:
    kind = message.get("type")
    if kind == "ping":
        return {"type": "pong", "version": __version__, "port": read_port()}
    if kind != "pair":
        return _error("unknown_type", 'Send {"type": "pair"} or {"type": "ping"}.')
    if caller is None or caller.extension_id not in allowed:
        return _error(
            "origin_not_allowed",
            "This extension is not one the organisation deployed; pair from the extension's options page instead.",
        )
    try:
        browser_id, token = pairings.pair(caller)
    except RateLimited as e:
        log.warning(
            "native messaging: %s asked to pair too often; refused for %d s", caller.extension_id, e.retry_after
        )
        return _error(
            "rate_limited",
            f"This extension asked to pair too often; try again in {e.retry_after} seconds, then keep the token.",
            retry_after=e.retry_after,
        )
    except Busy as e:
        log.warning("native messaging: the lock %s stayed taken", e)
        return _error("busy", "Another pairing is still being written; try again in a minute.")
    except Exception as e:
        # Most often a keyring that is there but locked: then nothing may be minted (a second pairing for the
        # same extension), so the host says so and the extension asks again later. The details go to stderr,
        # which the browser keeps in its log.
        log.exception("native messaging: could not read or save the pairing for %s", caller.extension_id)
        return _error(
            "unavailable",
            f"ClientSafe could not read or save this extension's pairing ({type(e).__name__}); no token was "
            "issued. If the login keyring is locked, unlock it; then try again in a minute.",
        )
    return {"type": "paired", "token": token, "port": read_port(), "id": browser_id}


def _error(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"type": "error", "error": code, "message": message, **extra}


def serve(stdin: IO[bytes], stdout: IO[bytes], argv: list[str], pairings: NativePairings) -> int:
    """Answer messages until the browser closes the pipe. Returns the process exit status."""
    caller = caller_from_argv(argv)
    allowed = allowed_extension_ids()
    while True:
        try:
            message = read_message(stdin)
        except FrameError as e:
            write_message(stdout, _error("bad_message", str(e)))
            return 1
        if message is None:
            return 0
        write_message(stdout, handle(message, caller, allowed, pairings))
