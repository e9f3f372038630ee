"""``clientsafe serve``: the local service without the tray (servers, tests, machines with no display)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from clientsafe.cli.common import EXIT_OK, EXIT_USAGE, CliError, load_org, make_checker


def register(sub: Any) -> None:
    serve = sub.add_parser("serve", help="run the local service without the tray (servers, tests, no display)")
    serve.add_argument(
        "--port", type=int, default=None, help="listen on this port (default: first free of 47390-47399)"
    )
    serve.add_argument("--org", type=Path, default=None, help="organisation profile or policy JSON")
    serve.add_argument(
        "--allow-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="extension origin allowed to call, e.g. chrome-extension://<id> (repeatable)",
    )


def run(args: argparse.Namespace) -> int:
    from clientsafe.api.config import ServiceConfig
    from clientsafe.api.server import NoFreePortError, bind, build_server, setup_logging, write_service_file
    from clientsafe.api.tokens import TokenStore
    from clientsafe.audit import AuditError, AuditStore

    try:
        sock = bind(args.port)
    except NoFreePortError as e:
        raise CliError(f"{e}. Stop the other ClientSafe or pass --port.", EXIT_USAGE) from None
    port = sock.getsockname()[1]
    log_file = setup_logging()
    tokens = TokenStore()
    if tokens.warning:
        print(f"clientsafe: WARNING: {tokens.warning}", file=sys.stderr)
    print(
        f"ClientSafe service starting on http://127.0.0.1:{port} (headless: no tray). Loading the checker...",
        flush=True,
    )
    checker = make_checker(load_org(args.org))
    try:
        # Retention and forwarding come from the organisation's policy once it is wired; defaults until then.
        audit: AuditStore | None = AuditStore()
    except AuditError as e:  # checks still protect; the audit's absence is said loudly, every start
        print(f"clientsafe: WARNING: no audit will be kept: {e}", file=sys.stderr, flush=True)
        audit = None
    write_service_file(port)
    config = ServiceConfig(port=port, allowed_origins=frozenset(args.allow_origin))
    server = build_server(checker, sock, tokens=tokens, config=config, audit=audit)
    print(
        f"Ready. Logs: {log_file}. Approve browsers with: clientsafe pair approve CODE. Ctrl-C or SIGTERM stops.",
        flush=True,
    )
    print(f"Audit (content-free): {audit.path if audit else 'off'}", flush=True)
    try:
        server.run(sockets=[sock])
    finally:
        if audit is not None:
            audit.close()  # what is queued reaches the disk before the process ends
    print("ClientSafe service stopped.", flush=True)
    return EXIT_OK
