"""POST /v1/check and POST /v1/decision."""

from __future__ import annotations

import asyncio
import functools
import logging
import secrets
from collections import OrderedDict
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from clientsafe import i18n
from clientsafe.api import fair_queue
from clientsafe.api.models import CheckRequest, CheckResponse, DecisionRequest, DecisionResponse
from clientsafe.api.service_checker import engine_of
from clientsafe.audit import AuditEvent
from clientsafe.audit.redact import redact_reason
from clientsafe.checker.explain import reason_items

router = APIRouter()
log = logging.getLogger("clientsafe.api")
_RECENT_CHECKS = 2048
_RECENT_DECISIONS = 1000


@router.post(
    "/v1/check",
    response_model=CheckResponse,
    responses={
        429: {
            "description": "This browser has too many checks waiting, or started more than the per-minute limit "
            "(`Retry-After` says when to try again). Other browsers are not affected."
        }
    },
)
async def check(body: CheckRequest, request: Request) -> JSONResponse:
    state = request.app.state
    browser = request.scope.get("state", {}).get("browser")
    try:
        # One dedicated analysis thread: the event loop never waits on spaCy, and the same warm thread
        # (its caches, its allocator arena) runs every check; the checker handles one post at a time anyway.
        # Paired browsers take turns on it (fair_queue.py): one browser's burst never delays another's check.
        job = state.fair_queue.submit(
            browser.id if browser is not None else "",
            functools.partial(state.checker.check, body.text, body.account, body.site, kind=body.kind),
        )
    except fair_queue.Refused as e:
        return JSONResponse(
            {"error": "too_many_requests", "detail": e.detail},
            status_code=429,
            headers={"retry-after": str(e.retry_after)},
        )
    check_id = secrets.token_hex(12)
    try:
        verdict = (await job).to_dict()
        post_language = verdict.get("engine", {}).get("language")
    except Exception as e:  # the extension applies the policy's fail mode; the service keeps serving
        log.error("checker failed (%s); no post text logged", type(e).__name__)
        verdict = {
            "action": "error",
            "reasons": [
                {
                    "code": "CHECK_FAILED",
                    "message": "ClientSafe could not check this post.",
                    "policy_ref": "fail-mode",
                    "example": "",
                }
            ],
            "findings": [],
            "suggestions": [],
            "engine": {"ms": 0.0, "version": "unavailable"},
        }
        post_language = None
    # The reasons as the Explanation words them (checker/explain.py), the same the CLI and the tray show: title,
    # message, example and policy section {ref, title, url}, in the policy's language, else the browser's, else
    # the post's own. The panel composes no reason text itself.
    lang = i18n.for_request(state.policy, body.lang, post_language)
    verdict["reasons"] = reason_items(verdict["reasons"], lang, state.policy)
    checked = {
        "site": body.site,
        "account": body.account,
        "action": verdict["action"],
        "codes": [r["code"] for r in verdict["reasons"]],
        "types": sorted({f["type"] for f in verdict["findings"]}),
        "suggestions": len(verdict["suggestions"]),
    }
    remember_check(state, check_id, checked)
    if state.audit is not None and verdict["action"] != "allow":
        # What was shown (a warning, a hold, or the fail-mode notice): queued for the writer thread, never awaited.
        state.audit.record(audit_event("check", check_id, checked))
    # Returned as a ready response: the verdict already has the documented shape (shared/verdict.schema.json,
    # checked by the tests), and FastAPI's re-validation and encoding of it cost more than the HTTP itself.
    return JSONResponse({"check_id": check_id, **verdict})


@router.post("/v1/decision", response_model=DecisionResponse)
async def decision(body: DecisionRequest, request: Request) -> dict:
    state = request.app.state
    checked = state.recent_checks.get(body.check_id)
    if checked is None:
        return {"recorded": False}
    # Content-free: what was shown and what the person chose, never the post.
    log.info(
        "decision site=%s account=%s action=%s codes=%s choice=%s reason_given=%s",
        checked["site"],
        checked["account"],
        checked["action"],
        ",".join(checked["codes"]),
        body.choice,
        bool(body.reason),
    )
    state.decisions.append({**checked, "choice": body.choice})
    del state.decisions[:-_RECENT_DECISIONS]
    try:
        state.on_decision(checked["site"], checked["account"], checked["action"], list(checked["codes"]), body.choice)
    except Exception as e:  # a listener (the tray's notification) must never cost the extension its answer
        log.error("decision listener failed (%s)", type(e).__name__)
    if state.audit is None:
        return {"recorded": True}
    reason = None
    if body.reason and body.reason.strip():
        # The reason is checked like a post, on the analysis thread (the checker is not re-entrant), and
        # stored with every finding replaced; the raw text never leaves this function.
        loop = asyncio.get_running_loop()
        reason = await loop.run_in_executor(
            state.analysis_thread, functools.partial(_redact, state.checker, body.reason)
        )
    ticket = state.audit.record(audit_event("decision", body.check_id, checked, choice=body.choice, reason=reason))
    return {"recorded": ticket.accepted}


def _redact(checker: Any, reason: str) -> str | None:
    # Redacted by the engine itself: a pause lets posts through, it must never let a reason into the audit raw.
    try:
        engine = engine_of(checker)
    except RuntimeError:
        engine = checker  # not started: redact_reason's own check fails the same way and stores its fixed note
    return redact_reason(engine, reason)


def audit_event(
    kind: str, check_id: str, checked: dict, choice: str | None = None, reason: str | None = None
) -> AuditEvent:
    return AuditEvent(
        kind=kind,
        check_id=check_id,
        site=checked["site"],
        account=checked["account"],
        action=checked["action"],
        rule_codes=tuple(checked["codes"]),
        finding_types=tuple(checked["types"]),
        suggestions=checked["suggestions"],
        choice=choice,
        reason=reason,
    )


def remember_check(state: Any, check_id: str, checked: dict) -> None:
    """Keep what was shown (content-free) so a later POST /v1/decision can be matched to it (a post's check, or
    a held friend, follow or message request's)."""
    recent: OrderedDict = state.recent_checks
    recent[check_id] = checked
    while len(recent) > _RECENT_CHECKS:
        recent.popitem(last=False)
