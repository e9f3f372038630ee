"""``clientsafe adapters``: make a signing key and sign an adapter update for the browser extension.

    clientsafe adapters keygen --out adapters-key.pem      # prints the public key for the policy
    clientsafe adapters sign --key adapters-key.pem --out update.json x.json facebook.json
    clientsafe adapters verify update.json --public-key <base64>

Exit codes: 0 done, 2 usage (a file exists, cannot be written), 3 bad input (an adapter, a key, a signature).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from clientsafe.adapter_update import AdapterError, keygen, load_files, sign, verify
from clientsafe.cli.common import EXIT_INPUT, EXIT_OK, EXIT_USAGE, CliError
from clientsafe.say import _, shown


def register(sub: Any) -> None:
    parser = sub.add_parser("adapters", help=_("sign an adapter update for the browser extension (IT)"))
    actions = parser.add_subparsers(dest="adapters_command", metavar="ACTION", required=True)
    gen = actions.add_parser("keygen", help=_("make a signing key; print the public key the policy names"))
    gen.add_argument("--out", type=Path, required=True, help=_("where to write the private key (kept by IT)"))
    signer = actions.add_parser("sign", help=_("sign adapter files (one per site) into an update bundle"))
    signer.add_argument("--key", type=Path, required=True, help=_("the private key from keygen"))
    signer.add_argument("--out", type=Path, required=True, help=_("the bundle to publish at adapter_updates.url"))
    signer.add_argument("files", type=Path, nargs="+", help=_("adapter files, e.g. extension/adapters/x.json"))
    check = actions.add_parser("verify", help=_("check a bundle's signature and contents"))
    check.add_argument("file", type=Path)
    check.add_argument("--public-key", required=True)


def run(args: argparse.Namespace) -> int:
    try:
        if args.adapters_command == "keygen":
            pem, public = keygen()
            _write_new(args.out, pem)
            print(public)
        elif args.adapters_command == "sign":
            try:
                pem = args.key.read_bytes()
            except OSError as e:
                raise CliError(
                    _("{file}: could not be read ({problem})").format(file=args.key, problem=e.strerror), EXIT_USAGE
                ) from None
            bundle = sign(load_files(args.files), pem)
            args.out.write_text(json.dumps(bundle, ensure_ascii=False) + "\n", encoding="utf-8")
            sites = ", ".join(sorted(json.loads(bundle["payload"])["adapters"]))
            print(
                _("signed {sites} into {file}; publish it at the policy's adapter_updates.url").format(
                    sites=sites, file=args.out
                )
            )
        else:
            try:
                bundle = json.loads(args.file.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError) as e:
                raise CliError(
                    _("{file}: could not be read as JSON ({problem})").format(file=args.file, problem=shown(e)),
                    EXIT_INPUT,
                ) from None
            payload = verify(bundle, args.public_key)
            print(
                _("valid: issued {issued}, sites {sites}").format(
                    issued=payload["issued"], sites=", ".join(sorted(payload["adapters"]))
                )
            )
    except AdapterError as e:
        raise CliError(shown(e), EXIT_INPUT) from None
    return EXIT_OK


def _write_new(path: Path, data: bytes) -> None:
    """Write the private key readable by its owner only, never over an existing key."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise CliError(
            _("{file} exists: choose another file (an existing key is never overwritten)").format(file=path), EXIT_USAGE
        ) from None
    except OSError as e:
        raise CliError(
            _("{file}: could not be written ({problem})").format(file=path, problem=e.strerror), EXIT_USAGE
        ) from None
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    print(
        _("private key written to {file}: keep it safe, it signs updates every browser trusts").format(file=path),
        file=sys.stderr,
    )
