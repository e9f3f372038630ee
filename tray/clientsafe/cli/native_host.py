"""``clientsafe native-host``: the native-messaging host the browser starts for an IT-deployed extension.

Not for people: the browser runs it with the caller's origin as an argument and speaks the native messaging
protocol on stdin/stdout (``shared/native-messaging.md``). Nothing but protocol frames may go to stdout, so
every diagnostic goes to stderr, which the browser keeps in its own log.
"""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

from clientsafe.say import _


def register(sub: Any) -> None:
    p = sub.add_parser(
        "native-host",
        help=_("native messaging host for the browser extension (started by the browser, not by people)"),
    )
    # Chrome passes "chrome-extension://ID/" (and on Windows --parent-window=N); Firefox the manifest path and
    # the extension ID. All are accepted as given.
    p.add_argument("caller", nargs="*", help=argparse.SUPPRESS)
    p.add_argument("--parent-window", help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    from clientsafe.api.tokens import TokenStore
    from clientsafe.native.host import serve
    from clientsafe.native.pairings import NativePairings

    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="clientsafe native-host: %(message)s")
    return serve(sys.stdin.buffer, sys.stdout.buffer, list(args.caller), NativePairings(TokenStore()))
