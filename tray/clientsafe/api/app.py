"""Assemble the service: FastAPI routes behind the Guard.

FastAPI (on Starlette, served by uvicorn) because it gives request models with strict validation and
the OpenAPI contract for free, is small, well kept, and needs nothing but Python; the security checks
that must happen before any parsing live in our own ASGI guard (guard.py).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from clientsafe import __version__
from clientsafe.api import (
    routes_check,
    routes_config,
    routes_coverage,
    routes_moderation,
    routes_pair,
    routes_practice,
    routes_relationship,
    routes_status,
)
from clientsafe.api.config import ServiceConfig
from clientsafe.api.fair_queue import FairQueue
from clientsafe.api.guard import Guard
from clientsafe.api.pairing import PairingBook
from clientsafe.api.tokens import TokenStore
from clientsafe.audit import AuditStore
from clientsafe.policy.model import Policy


def create_app(
    checker: Any,
    config: ServiceConfig | None = None,
    tokens: TokenStore | None = None,
    pairing: PairingBook | None = None,
    on_pair_request: Callable[[Any], None] | None = None,
    on_decision: Callable[[str, str, str, list[str], str], None] | None = None,
    policy: Policy | None = None,
    audit: AuditStore | None = None,
    roster: Any = None,
) -> Any:
    """``policy``: the organisation policy in force (defaults when None); replace ``app.state.policy`` to change it.
    ``on_pair_request(pending)`` is called when a browser asks to pair; ``on_decision(site, account, action,
    codes, choice)`` when the extension reports what the person did with a warning (content-free: never the
    text or the override reason). Both run on the service thread: a GUI must hand them to its own thread."""
    config = config or ServiceConfig()
    tokens = tokens or TokenStore()
    app = FastAPI(
        title="ClientSafe local service",
        version=__version__,
        description="Called only by the ClientSafe browser extension's service worker, on 127.0.0.1. "
        "Every call but pairing needs 'Authorization: Bearer <token>'.",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,  # the document is published in shared/api/openapi.json, not served
    )
    app.state.checker = checker
    app.state.policy = policy or Policy()
    app.state.analysis_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="clientsafe-analysis")
    # POST /v1/check runs on that thread with paired browsers taking turns, each within its own limits.
    app.state.fair_queue = FairQueue(
        app.state.analysis_thread, config.checks_waiting_per_browser, config.checks_per_minute
    )
    app.state.pairing = pairing or PairingBook(tokens)
    app.state.recent_checks = OrderedDict()
    app.state.decisions = []  # the latest content-free decisions, in memory (tests and the tray read them)
    app.state.audit = audit  # None: nothing is written to disk (tests, or the audit could not be opened)
    app.state.on_pair_request = on_pair_request or (lambda pending: None)
    app.state.on_decision = on_decision or (lambda site, account, action, codes, choice: None)
    # The client roster (clientsafe.roster.Roster): the checker's own, so a re-import reaches both at once.
    app.state.roster = roster or getattr(checker, "roster", None) or _default_roster()
    app.state.relationship_limits = {}
    app.state.relationship_checks_per_minute = config.relationship_checks_per_minute
    app.state.coverage_reported = {}  # (site, adapter version, parts) -> when last recorded (monotonic)
    for module in (
        routes_check,
        routes_status,
        routes_pair,
        routes_relationship,
        routes_config,
        routes_coverage,
        routes_moderation,
        routes_practice,
    ):
        app.include_router(module.router)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        # Say which field is wrong and why, but never echo the submitted values (they may be post text).
        problems = [f"{'.'.join(str(p) for p in e['loc'][1:]) or 'body'}: {e['msg']}" for e in exc.errors()]
        return JSONResponse({"error": "bad_request", "detail": "; ".join(problems)}, status_code=400)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        names = {404: "not_found", 405: "method_not_allowed"}
        return JSONResponse(
            {"error": names.get(exc.status_code, "error")},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"error": "internal"}, status_code=500)

    return Guard(app, config, tokens)


def _default_roster() -> Any:
    from clientsafe.roster import Roster

    return Roster()


def openapi_document() -> dict[str, Any]:
    guard = create_app(checker=None, tokens=TokenStore(use_keyring=False))
    return guard.app.openapi()
