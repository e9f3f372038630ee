"""GET /v1/status: what the extension needs to know, and nothing secret."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from clientsafe import __version__
from clientsafe.api.models import StatusResponse

router = APIRouter()


def problems(state: Any) -> list[str]:
    """Faults that leave checks answering but should be said out loud (StatusResponse.problems), in a fixed
    order. Each comes from the part that knows: the audit store, the token store, the roster."""
    found = []
    audit = getattr(state, "audit", None)
    if audit is not None and not getattr(audit, "writing", True):
        found.append("audit_not_written")
    tokens = getattr(getattr(state, "pairing", None), "tokens", None)
    roster = getattr(state, "roster", None)
    if getattr(tokens, "problem", "") or getattr(roster, "keyring_failed", False):
        found.append("keyring_unavailable")
    return found


@router.get("/v1/status", response_model=StatusResponse)
def status(request: Request) -> dict:
    browser = request.scope.get("state", {}).get("browser")
    policy = request.app.state.policy
    return {
        "version": __version__,
        # The tray starts the service before the engine has warmed up; its checker says when it is ready.
        "engine_ready": bool(getattr(request.app.state.checker, "ready", request.app.state.checker is not None)),
        "roster_loaded": request.app.state.roster.loaded(),
        "policy": {
            "fail_mode": policy["fail_mode"],
            "override_needs_reason": policy["override_needs_reason"],
            "version": policy.version,
        },
        "browser": browser.name if browser else "",
        "problems": problems(request.app.state),
    }
