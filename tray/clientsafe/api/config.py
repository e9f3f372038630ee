"""Service settings: where it listens and who may call it."""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_PORT = 47390
# Several people may share one computer (terminal servers): each user's service takes the first free
# port from here, and the extension tries them in order; a token only works with its own user's service.
PORT_RANGE = range(DEFAULT_PORT, DEFAULT_PORT + 10)
MAX_BODY_BYTES = 256 * 1024


@dataclass
class ServiceConfig:
    port: int = DEFAULT_PORT
    # Exact origins of the browser extension, e.g. "chrome-extension://<id>"; the policy sets them.
    allowed_origins: frozenset[str] = field(default_factory=frozenset)
    max_body_bytes: int = MAX_BODY_BYTES
    # Failed authentications tolerated per minute from one caller (its OS user on Linux, else its Origin)
    # before that caller's calls without a valid token get 429. A valid token is always served.
    auth_failures_per_minute: int = 20
    # POST /v1/pair per caller (keyed like the failures): one flooding program cannot block a browser's pairing.
    pair_requests_per_minute: int = 5
    # POST /v1/check per paired browser: far above a person typing (checks are debounced 300 ms), far below a
    # page probing names.
    checks_per_minute: int = 120
    # Checks one paired browser may have waiting for the analysis thread (checks take turns between browsers).
    checks_waiting_per_browser: int = 16
    # POST /v1/relationship per paired browser: far above a person answering requests, far below probing
    # the roster with a name list.
    relationship_checks_per_minute: int = 30

    def allowed_hosts(self) -> frozenset[str]:
        return frozenset({f"127.0.0.1:{self.port}", f"localhost:{self.port}", f"[::1]:{self.port}"})
