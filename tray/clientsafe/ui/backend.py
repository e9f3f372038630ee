"""Starts the service and the engine for the tray, on a background thread (no Qt here: results go back through
callbacks the tray turns into queued signals). Imported lazily so the icon appears before spaCy loads.

Like ``clientsafe serve``, it follows the organisation policy while running: a change IT makes reaches the
checker, the allowed extension origins and ``GET /v1/config`` without a restart.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clientsafe.say import reason, said, use

log = logging.getLogger("clientsafe.ui")


@dataclass
class BackendOptions:
    org: Path | None = None
    port: int | None = None
    allow_origins: frozenset[str] = field(default_factory=frozenset)
    # Tests pass an already-built checker here; normally the engine is built from the policy in force.
    build_checker: Callable[[], Any] | None = None


@dataclass
class Callbacks:
    """What the tray hears from the backend; each is called on a background thread."""

    service: Callable[[int, str], None]  # (port, error): port 0 and what to do when the service could not start
    engine: Callable[[str], None]  # error, "" when the engine is ready
    pair_request: Callable[[Any], None]
    decision: Callable[[str, str, str, list[str], str], None]
    policy_changed: Callable[[Any], None] = lambda policy: None
    policy_problems: Callable[[list[str]], None] = lambda problems: None


class Backend:
    def __init__(self, tokens: Any, options: BackendOptions) -> None:
        self.tokens = tokens
        self.options = options
        self.checker: Any = None
        self.service: Any = None
        self.store: Any = None
        self.policy: Any = None
        self.reloader: Any = None
        self.roster_sync: Any = None  # clientsafe.roster.schedule.RosterSchedule, once running
        self.audit: Any = None  # the content-free audit the service writes (None when it could not be opened)
        self.audit_error = ""

    def run(self, callbacks: Callbacks) -> None:
        """Read the policy, bind and serve at once, then warm the engine up and follow the policy."""
        from clientsafe import settings
        from clientsafe.api.background import BackgroundService, ServiceChecker
        from clientsafe.api.config import ServiceConfig
        from clientsafe.api.server import NoFreePortError
        from clientsafe.checker.engine import build_checker
        from clientsafe.policy import PolicyStore
        from clientsafe.policy.files import PolicyFileError
        from clientsafe.policy.reloader import PolicyReloader

        self.store = PolicyStore(explicit_path=self.options.org)
        try:
            # Not cli.common.load_policy: its CliError would be plain text in the process's language, and the tray
            # says the file's own error in its language (which may change once a policy is read).
            self.policy = self.store.load()
        except PolicyFileError as e:
            problem = said("{problem}. Fix it, or pass another file with --org.", problem=reason(e))
            callbacks.service(0, said("the policy file could not be read: {problem}", problem=problem))
            callbacks.engine(problem)
            return
        use(self.policy)  # text said with say._() follows the policy's language, as cli.common.load_policy sets it
        policy = self.policy
        if policy.problems:  # values IT locked that the user file tried to change are shown, not alarmed
            callbacks.policy_problems(list(policy.problems))
        self.checker = ServiceChecker(self.options.build_checker or (lambda: build_checker(policy=self.policy)))
        from clientsafe.audit import AuditError, AuditStore

        try:
            kept = policy.audit_settings()
            self.audit = AuditStore(
                retention_days=kept.retention_days,
                forward_url=kept.forward_url,
                forward_format=policy["audit_forward_format"],
                forward_headers=policy["audit_forward_headers"],
            )
        except AuditError as e:  # checks still protect; the tray shows the audit's absence as a problem
            self.audit_error = said("no audit will be kept: {problem}", problem=reason(e))
            callbacks.policy_problems([self.audit_error])
        config = ServiceConfig(allowed_origins=policy.allowed_origins() | self.options.allow_origins)
        self.service = BackgroundService(
            self.checker,
            self.tokens,
            port=self.options.port,
            config=config,
            policy=policy,
            audit=self.audit,
            on_pair_request=callbacks.pair_request,
            on_decision=callbacks.decision,
        )
        try:
            port = self.service.start()
        except (NoFreePortError, OSError) as e:
            self.service = None
            why = reason(e) if isinstance(e, NoFreePortError) else e.strerror or str(e)
            callbacks.service(
                0,
                said(
                    "the local service could not start ({problem}); quit any other ClientSafe and start it again",
                    problem=why,
                ),
            )
        else:
            callbacks.service(port, "")

        def changed(new: Any) -> None:
            self.policy = new
            self.checker.follow_policy(new)
            config.allowed_origins = new.allowed_origins() | self.options.allow_origins
            if self.service is not None:
                self.service.app_state.policy = new
            log.info("policy changed; version %s now in force", new.version)
            callbacks.policy_changed(new)

        # Followed from here on, also while the engine warms up (it is built with the policy then in force).
        self.store.on_change = changed
        self.store.on_problem = callbacks.policy_problems
        self.reloader = PolicyReloader(self.store, float(settings.get("policy_reload_seconds")))
        self.reloader.start()
        from clientsafe.roster.schedule import RosterSchedule

        # IT's roster bundle, fetched now and every refresh_hours; the engine's Roster re-reads the new file itself.
        self.roster_sync = RosterSchedule(lambda: self.policy["roster_bundle"] if self.policy is not None else None)
        self.roster_sync.start()
        self.checker.warm_up()
        callbacks.engine(self.checker.error)

    def stop(self) -> bool:
        if self.reloader is not None:
            self.reloader.stop()
        if self.roster_sync is not None:
            self.roster_sync.stop()
        stopped = self.service.stop() if self.service is not None else True
        if self.audit is not None:
            self.audit.close()  # what is queued reaches the disk before the app ends
        return bool(stopped)
