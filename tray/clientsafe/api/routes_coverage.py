"""POST /v1/coverage: the extension says a site's adapter no longer finds what it needs on a page (a composer,
or how a composer is sent), so IT learns which site changed. Content-free: the site key, the adapter's version
and which part; never the page address or anything typed. At most one audit event per site, version and part
an hour, however often pages report it."""

from __future__ import annotations

import logging
import time

from fastapi import APIRouter, Request

from clientsafe.api.models import CoverageRecorded, CoverageReport
from clientsafe.audit import AuditEvent

router = APIRouter()
log = logging.getLogger(__name__)
_ONCE_PER_S = 3600.0


@router.post("/v1/coverage", response_model=CoverageRecorded)
async def coverage(body: CoverageReport, request: Request) -> dict:
    state = request.app.state
    missing = tuple(sorted(set(body.missing)))
    key = (body.site, body.adapter_version, missing)
    now = time.monotonic()
    last = state.coverage_reported.get(key)
    if last is not None and now - last < _ONCE_PER_S:
        return {"recorded": False}
    state.coverage_reported[key] = now
    log.warning("adapter coverage site=%s adapter=%s missing=%s", body.site, body.adapter_version, ",".join(missing))
    if state.audit is None:
        return {"recorded": False}
    held = all(not part.endswith(":submit") for part in missing)
    event = AuditEvent(
        kind="coverage",
        site=body.site,
        action="not_recognised" if held else "cannot_hold",
        finding_types=missing,
        reason=f"adapter {body.adapter_version}",
    )
    return {"recorded": state.audit.record(event).accepted}
