"""POST /v1/pair and GET /v1/pair/{pairing_id}: the only calls that need no token."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from clientsafe.api.models import PairRequest, PairStarted, PairStatus
from clientsafe.api.pairing import PAIRING_TTL_SECONDS, PairingError

router = APIRouter()
log = logging.getLogger("clientsafe.api")


@router.post("/v1/pair", response_model=PairStarted, status_code=201)
def pair(body: PairRequest, request: Request):  # type: ignore[no-untyped-def]
    try:
        # The Guard names the caller (callers.py): waiting requests are capped per caller, like their rate.
        pending = request.app.state.pairing.request(
            body.client_name, source=request.scope.get("state", {}).get("caller", "")
        )
    except PairingError as e:
        return JSONResponse({"error": "too_many_requests", "detail": str(e)}, status_code=429)
    log.warning("pairing requested by %r: approve with `clientsafe pair approve %s`", pending.client_name, pending.code)
    request.app.state.on_pair_request(pending)
    return {"pairing_id": pending.pairing_id, "code": pending.code, "expires_in": PAIRING_TTL_SECONDS}


@router.get("/v1/pair/{pairing_id}", response_model=PairStatus)
def pair_status(pairing_id: str, request: Request) -> dict:
    status, token = request.app.state.pairing.poll(pairing_id[:64])
    return {"status": status, "token": token}
