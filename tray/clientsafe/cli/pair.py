"""``clientsafe pair``: approve, list and revoke the browsers that may call the service."""

from __future__ import annotations

import argparse
import sys
from typing import IO, Any

from clientsafe.cli.common import EXIT_OK, EXIT_UNAVAILABLE, EXIT_USAGE, CliError, print_list
from clientsafe.say import _, shown


def register(sub: Any) -> None:
    pair = sub.add_parser("pair", help=_("approve, list and revoke paired browsers"))
    pair_sub = pair.add_subparsers(dest="pair_command", metavar="ACTION", required=True)
    for name, helps in (("approve", _("approve the browser showing this code")), ("deny", _("refuse this code"))):
        p = pair_sub.add_parser(name, help=helps)
        p.add_argument("code")
    pair_sub.add_parser("pending", help=_("pairing requests waiting for a person"))
    pair_sub.add_parser("list", help=_("paired browsers"))
    revoke = pair_sub.add_parser("revoke", help=_("unpair a browser (its token stops working at once)"))
    revoke.add_argument("id")


def run(args: argparse.Namespace) -> int:
    from clientsafe.secret_store import KeyringUnavailable

    try:
        return _pair(args, sys.stdout)
    except KeyringUnavailable as e:  # locked keyring: say so and what to do (nothing stored was changed)
        raise CliError(shown(e), EXIT_UNAVAILABLE) from None


def _pair(args: argparse.Namespace, out: IO[str]) -> int:
    import datetime

    from clientsafe.api.pairing import PairingBook, PairingError
    from clientsafe.api.tokens import TokenStore

    tokens = TokenStore()
    book = PairingBook(tokens)
    if args.pair_command in {"approve", "deny"}:
        try:
            pending = book.decide(args.code, approve=args.pair_command == "approve")
        except PairingError as e:
            raise CliError(shown(e), EXIT_USAGE) from None
        said = (
            _("Approved: {browser} (code {code}).")
            if args.pair_command == "approve"
            else _("Denied: {browser} (code {code}).")
        )
        out.write(said.format(browser=pending.client_name, code=pending.code) + "\n")
        return EXIT_OK
    if args.pair_command == "pending":
        print_list(
            out,
            book.pending(),
            _("No browser is waiting to pair. Start pairing from the extension's options page."),
            lambda p: f"{p.code[:3]}-{p.code[3:]}  {p.client_name}",
        )
        return EXIT_OK
    if args.pair_command == "list":
        print_list(
            out,
            tokens.list(),
            _("No browsers are paired yet. Pair one from the extension's options page."),
            lambda b: (
                f"{b.id}  {b.name}  "
                + _("(paired {when})").format(when=f"{datetime.datetime.fromtimestamp(b.created):%Y-%m-%d %H:%M}")
            ),
        )
        return EXIT_OK
    if not tokens.revoke(args.id):
        raise CliError(_("no paired browser with id {id}; see `clientsafe pair list`").format(id=args.id), EXIT_USAGE)
    out.write(_("Revoked {id}: its token no longer works.").format(id=args.id) + "\n")
    return EXIT_OK
