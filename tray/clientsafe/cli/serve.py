"""``clientsafe serve``: the local service without the tray (servers, tests, machines with no display)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from clientsafe.cli.common import EXIT_OK, EXIT_USAGE, CliError, load_policy, make_checker
from clientsafe.say import _, shown, use


def register(sub: Any) -> None:
    serve = sub.add_parser("serve", help=_("run the local service without the tray (servers, tests, no display)"))
    serve.add_argument(
        "--port", type=int, default=None, help=_("listen on this port (default: first free of 47390-47399)")
    )
    serve.add_argument(
        "--org",
        type=Path,
        default=None,
        help=_("policy JSON (or organisation profile) in place of the user's policy.json"),
    )
    serve.add_argument(
        "--allow-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help=_(
            "extension origin allowed to call, e.g. chrome-extension://<id> (repeatable; added to the policy's "
            "allowed_extension_ids)"
        ),
    )


def run(args: argparse.Namespace) -> int:
    from clientsafe.api.config import ServiceConfig
    from clientsafe.api.server import NoFreePortError, bind, build_server, setup_logging, write_service_file
    from clientsafe.api.tokens import TokenStore
    from clientsafe.audit import AuditError, AuditStore
    from clientsafe.policy import PolicyStore

    try:
        sock = bind(args.port)
    except NoFreePortError as e:
        raise CliError(
            _("{problem}. Stop the other ClientSafe or pass --port.").format(problem=shown(e)), EXIT_USAGE
        ) from None
    port = sock.getsockname()[1]
    log_file = setup_logging()
    tokens = TokenStore()
    if tokens.warning:
        print("clientsafe: " + _("WARNING: {problem}").format(problem=shown(tokens.warning)), file=sys.stderr)
    print(
        _("ClientSafe service starting on http://127.0.0.1:{port} (headless: no tray). Loading the checker...").format(
            port=port
        ),
        flush=True,
    )
    store = PolicyStore(explicit_path=args.org)
    policy = load_policy(args.org, store=store)
    checker = make_checker(policy.org_profile(), policy)
    try:
        kept = policy.audit_settings()
        audit: AuditStore | None = AuditStore(
            retention_days=kept.retention_days,
            forward_url=kept.forward_url,
            forward_format=policy["audit_forward_format"],
            forward_headers=policy["audit_forward_headers"],
        )
    except AuditError as e:  # checks still protect; the audit's absence is said loudly, every start
        print(
            "clientsafe: " + _("WARNING: no audit will be kept: {problem}").format(problem=shown(e)),
            file=sys.stderr,
            flush=True,
        )
        audit = None
    write_service_file(port)
    extra_origins = frozenset(args.allow_origin)
    config = ServiceConfig(port=port, allowed_origins=policy.allowed_origins() | extra_origins)
    server = build_server(checker, sock, tokens=tokens, config=config, policy=policy, audit=audit)
    reloader = _follow_policy(store, checker, server, config, extra_origins)
    roster_sync = _follow_roster(store)
    print(
        _("Ready. Logs: {file}. Approve browsers with: clientsafe pair approve CODE. Ctrl-C or SIGTERM stops.").format(
            file=log_file
        ),
        flush=True,
    )
    print(_("Audit (content-free): {where}").format(where=audit.path if audit else _("off")), flush=True)
    try:
        server.run(sockets=[sock])
    finally:
        reloader.stop()
        roster_sync.stop()
        if audit is not None:
            audit.close()  # what is queued reaches the disk before the process ends
    print(_("ClientSafe service stopped."), flush=True)
    return EXIT_OK


def _follow_policy(store: Any, checker: Any, server: Any, config: Any, extra_origins: frozenset[str]) -> Any:
    """Re-read the policy while serving: a change IT makes reaches the checker, the origin list and /v1/config."""
    import logging

    from clientsafe import settings
    from clientsafe.policy import Policy
    from clientsafe.policy.reloader import PolicyReloader

    log = logging.getLogger("clientsafe.policy")

    def changed(policy: Policy) -> None:
        checker.org = policy.org_profile()
        checker.rules = policy.rule_table()
        checker.consent_covers_minors = bool(policy["consent_covers_minors"])
        config.allowed_origins = policy.allowed_origins() | extra_origins
        server.config.app.app.state.policy = policy
        use(policy)  # a new language setting applies to what this command says from now on
        log.info("policy changed; version %s now in force", policy.version)
        print(_("ClientSafe: policy version {version} now in force.").format(version=policy.version), flush=True)

    def problem(messages: list[str]) -> None:
        for message in messages:
            log.warning("policy: %s", message)
            print("clientsafe: " + _("policy: {message}").format(message=message), file=sys.stderr, flush=True)

    store.on_change, store.on_problem = changed, problem
    reloader = PolicyReloader(store, float(settings.get("policy_reload_seconds")))
    reloader.start()
    return reloader


def _follow_roster(store: Any) -> Any:
    """Fetch IT's roster bundle (policy ``roster_bundle``) now and every refresh_hours (clientsafe.roster.schedule)."""
    from clientsafe.roster.schedule import RosterSchedule

    schedule = RosterSchedule(lambda: store.current["roster_bundle"] if store.current is not None else None)
    schedule.start()
    return schedule
