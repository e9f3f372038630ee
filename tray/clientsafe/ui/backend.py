"""Starts the service and the engine for the tray, on a background thread (no Qt here: results go back through
callbacks the tray turns into queued signals). Imported lazily so the icon appears before spaCy loads."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger("clientsafe.ui")


@dataclass
class BackendOptions:
    org: Path | None = None
    port: int | None = None
    allow_origins: frozenset[str] = field(default_factory=frozenset)
    # Tests pass an already-built checker here; normally the organisation's profile is loaded and the model read.
    build_checker: Callable[[], Any] | None = None


class Backend:
    def __init__(self, tokens: Any, options: BackendOptions) -> None:
        self.tokens = tokens
        self.options = options
        self.checker: Any = None
        self.service: Any = None

    def _build(self) -> Any:
        from clientsafe.cli.common import load_org, make_checker

        return make_checker(load_org(self.options.org))

    def run(
        self,
        on_service: Callable[[int, str], None],
        on_engine: Callable[[str], None],
        on_pair_request: Callable[[Any], None],
        on_decision: Callable[[str, str, str, list[str], str], None],
    ) -> None:
        """Bind and serve at once, then warm the engine up. ``on_service(port, error)``: port 0 with an error
        saying what to do when the service could not start; ``on_engine(error)``: "" when the engine is ready."""
        from clientsafe.api.background import BackgroundService, ServiceChecker
        from clientsafe.api.config import ServiceConfig
        from clientsafe.api.server import NoFreePortError

        self.checker = ServiceChecker(self.options.build_checker or self._build)
        self.service = BackgroundService(
            self.checker,
            self.tokens,
            port=self.options.port,
            config=ServiceConfig(allowed_origins=self.options.allow_origins),
            on_pair_request=on_pair_request,
            on_decision=on_decision,
        )
        try:
            port = self.service.start()
        except (NoFreePortError, OSError) as e:
            self.service = None
            on_service(0, f"the local service could not start ({e}); quit any other ClientSafe and start it again")
        else:
            on_service(port, "")
        self.checker.warm_up()
        on_engine(self.checker.error)

    def stop(self) -> bool:
        return self.service.stop() if self.service is not None else True
