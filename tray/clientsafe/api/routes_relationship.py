"""POST /v1/relationship: is the person behind a friend, follow or message request a client?

The answer is about that one person only (client, minor, what to do, a decline script), and each
paired browser may ask a limited number of times a minute, so the call cannot be used to read the
roster back with a list of names. Nothing about the person is logged.
"""

from __future__ import annotations

import logging
import secrets

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from clientsafe import i18n
from clientsafe.api.guard import RateLimiter
from clientsafe.api.models import RelationshipRequest, RelationshipResponse
from clientsafe.api.routes_check import audit_event, remember_check
from clientsafe.checker.explain import reason_item
from clientsafe.roster.relationship import advise, answer_language

router = APIRouter()
log = logging.getLogger("clientsafe.api")


def _limiter(request: Request) -> RateLimiter:
    state = request.app.state
    browser = request.scope.get("state", {}).get("browser")
    key = browser.id if browser is not None else ""
    limits: dict[str, RateLimiter] = state.relationship_limits
    if key not in limits:
        limits[key] = RateLimiter(state.relationship_checks_per_minute)
    return limits[key]


@router.post(
    "/v1/relationship",
    response_model=RelationshipResponse,
    responses={429: {"description": "Too many relationship checks from this browser this minute."}},
)
def relationship(body: RelationshipRequest, request: Request):  # type: ignore[no-untyped-def]
    limiter = _limiter(request)
    if limiter.exceeded():
        return JSONResponse(
            {
                "error": "too_many_requests",
                "detail": "Too many relationship checks from this browser in the last minute. Wait a minute and "
                "try again.",
            },
            status_code=429,
            headers={"retry-after": "60"},
        )
    limiter.hit()
    roster = request.app.state.roster
    person = roster.person(body.name, body.handle, body.profile_url)
    policy = request.app.state.policy
    scripts = policy.values.get("decline_scripts") or {}
    # decline_scripts.language, when the policy leaves it out, falls back to the policy's own language setting.
    own = {**scripts, "language": i18n.pick("", scripts.get("language"), policy.values.get("language")) or None}
    advice = advise(person, body.kind, answer_language(body.lang, own), scripts)
    reason = None
    if advice.code is not None:
        # Worded once (checker/explain.py), in the script's language, with title and policy section {ref, title, url}.
        reason = reason_item(advice.code, advice.policy_ref or "", advice.lang, policy).to_dict()
    # Content-free: no name, handle or address, only what was decided.
    log.info("relationship site=%s kind=%s action=%s", body.site[:64], body.kind, advice.action)
    check_id = None
    if advice.action != "allow":
        # A held request is audited like a held post, and what the person then chose (POST /v1/decision with
        # this check_id) like an override: who the person was never is, only the kind of request and the rule.
        check_id = secrets.token_hex(12)
        checked = {
            "site": body.site[:64],
            "account": "personal",
            "action": advice.action,
            "codes": [advice.code] if advice.code else [],
            "types": [body.kind],
            "suggestions": 0,
        }
        remember_check(request.app.state, check_id, checked)
        if request.app.state.audit is not None:
            request.app.state.audit.record(audit_event("check", check_id, checked))
    return {
        "check_id": check_id,
        "client": person.client,
        "minor": person.client and person.minor,
        "action": advice.action,
        "reason": reason,
        "decline_script": advice.decline_script,
        "roster_loaded": roster.loaded(),
    }
