"""GET /v1/status: what the extension needs to know, and nothing secret."""

from __future__ import annotations

from fastapi import APIRouter, Request

from clientsafe import __version__
from clientsafe.api.models import StatusResponse

router = APIRouter()


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
    }
