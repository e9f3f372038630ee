"""GET /v1/config: the extension-facing part of the organisation policy, versioned for caching."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from clientsafe.api.models import ConfigResponse

router = APIRouter()


@router.get("/v1/config", response_model=ConfigResponse)
def config(request: Request) -> Response:
    # The tray swaps app.state.policy when the policy in force changes; read it once per request.
    policy = request.app.state.policy
    etag = f'"{policy.version}"'
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    return JSONResponse(policy.extension_config(), headers={"ETag": etag, "Cache-Control": "no-cache"})
