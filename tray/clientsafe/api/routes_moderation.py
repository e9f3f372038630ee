"""POST /v1/moderate and POST /v1/moderation/action: moderation help on the organisation's own pages.

The extension sends the comments a moderator can see under one of the organisation's posts (visible ones only,
in batches, each text once: it caches by a hash of the text in its own memory) and gets per item whether it
discloses someone's sensitive information, with a youth weight (``checker/moderation.py``). What the moderator
then does is recorded by ``/v1/moderation/action`` against the item's ``mod_id``, so the audit's finding types
come from this service's own answer, never from the caller. Content-free throughout: the audit holds the site,
the action and finding types; never the comment, its author or the page address.
"""

from __future__ import annotations

import functools
import logging
import secrets
from collections import OrderedDict
from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from clientsafe.api import fair_queue
from clientsafe.api.models import Strict
from clientsafe.api.service_checker import engine_of
from clientsafe.audit import AuditEvent
from clientsafe.checker.moderation import moderate

router = APIRouter()
log = logging.getLogger("clientsafe.api")

MAX_ITEMS = 50  # per request: a screenful of comments is 10-30; the extension batches at most 20
MAX_ITEM_CHARS = 5000  # longer than any site allows a comment (YouTube 10,000 bytes; Facebook ~8,000 chars)
_RECENT = 4096  # flagged items remembered for their actions (content-free)


class ModerateItem(Strict):
    id: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$", description="The caller's own key.")
    text: str = Field(max_length=MAX_ITEM_CHARS, description="What someone else wrote (a comment or reply).")


class ModerateRequest(Strict):
    site: str = Field(min_length=1, max_length=64, pattern=r"^[a-z0-9.-]+$", description="e.g. facebook")
    items: list[ModerateItem] = Field(min_length=1, max_length=MAX_ITEMS)


class ModeratedItem(BaseModel):
    id: str
    flagged: bool
    level: Literal["none", "review", "urgent"] = Field(description="urgent: a young person is involved.")
    self_disclosure: bool = Field(description="The writer disclosed their own information.")
    about_other: bool = Field(description="The writer disclosed another person's information.")
    youth: bool
    types: list[str] = Field(description="Finding types (the checker's vocabulary), never the words.")
    language: str
    mod_id: str | None = Field(description="For flagged items: quote it in POST /v1/moderation/action.")


class ModerateResponse(BaseModel):
    results: list[ModeratedItem]
    reply: dict[str, str] = Field(
        description="A public reply to offer the moderator, {en, es}: it points to the Community Standards and to "
        "the organisation's private channel (from the policy) and repeats nothing the comment said."
    )


class ModerationAction(Strict):
    mod_id: str = Field(min_length=1, max_length=64)
    action: Literal["hid", "deleted", "replied", "dismissed"]


class ModerationRecorded(BaseModel):
    recorded: bool


def _flags(item: dict[str, Any]) -> tuple[str, ...]:
    return tuple(
        code
        for code, on in (
            ("SELF_DISCLOSURE", item["self_disclosure"]),
            ("ABOUT_OTHER", item["about_other"]),
            ("YOUTH", item["youth"]),
        )
        if on
    )


def _policy_value(policy: Any, name: str, default: Any) -> Any:
    try:
        value = policy[name]
    except (KeyError, TypeError):
        return default
    return default if value is None else value


def suggested_reply(policy: Any) -> dict[str, str]:
    """The reply offered under a flagged comment, in English and Spanish, from the policy's Community Standards
    address and private contact. It says nothing about what the comment disclosed (that would repeat it)."""
    url = _policy_value(policy, "community_standards_url", "")
    contact = _policy_value(policy, "community_standards", {}).get("contact", {}) or {}
    channel = contact.get("private_channel")
    ways: dict[str, list[str]] = {"en": [], "es": []}
    for lang in ("en", "es"):
        if isinstance(channel, dict) and channel.get(lang):
            ways[lang].append(channel[lang])
        elif isinstance(channel, str) and channel:
            ways[lang].append(channel)
        for key in ("phone", "email", "url"):
            if contact.get(key):
                ways[lang].append(str(contact[key]))
    private = {
        "en": "; ".join(ways["en"]) or "send us a private message",
        "es": "; ".join(ways["es"]) or "envíenos un mensaje privado",
    }
    standards = {
        "en": f" Our Community Standards: {url}" if url else "",
        "es": f" Nuestras normas de la comunidad: {url}" if url else "",
    }
    # The address comes last, with nothing after it, so the site's link detection does not swallow a full stop.
    return {
        "en": "Thank you for reaching out. To protect your privacy and other people's, please don't share personal "
        f"details such as health, addresses, phone numbers or ages here. To talk with us privately: "
        f"{private['en']}.{standards['en']}",
        "es": "Gracias por escribirnos. Para proteger su privacidad y la de otras personas, por favor no comparta "
        "aquí datos personales como salud, direcciones, teléfonos o edades. Para hablar con nosotros en privado: "
        f"{private['es']}.{standards['es']}",
    }


def _event(site: str, action: str, remembered: dict[str, Any]) -> AuditEvent:
    return AuditEvent(
        kind="moderation",
        site=site,
        account="org",
        action=action,
        rule_codes=remembered["flags"],
        finding_types=tuple(remembered["types"]),
    )


def _moderate(checker: Any, items: list[tuple[str, str]]) -> Any:
    # The engine itself (its finder and rules), paused or not: a pause lets the person's own posts through; it
    # does not stop the moderator seeing what others disclosed.
    return moderate(engine_of(checker), items)


@router.post(
    "/v1/moderate",
    response_model=ModerateResponse,
    responses={429: {"description": "This browser has too many checks waiting, or is past the per-minute limit."}},
)
async def moderate_items(body: ModerateRequest, request: Request) -> JSONResponse:
    state = request.app.state
    browser = request.scope.get("state", {}).get("browser")
    items = [(item.id, item.text) for item in body.items]
    try:
        # The same analysis thread and per-browser turns as /v1/check: a batch counts as one check.
        job = state.fair_queue.submit(
            browser.id if browser is not None else "", functools.partial(_moderate, state.checker, items)
        )
    except fair_queue.Refused as e:
        return JSONResponse(
            {"error": "too_many_requests", "detail": e.detail},
            status_code=429,
            headers={"retry-after": str(e.retry_after)},
        )
    try:
        answers = [m.to_dict() for m in await job]
    except Exception as e:  # the extension shows "not checked"; the service keeps serving
        log.error("moderation check failed (%s); no comment text logged", type(e).__name__)
        return JSONResponse(
            {"error": "check_failed", "detail": "ClientSafe could not check these comments. Try again in a moment."},
            status_code=503,
        )
    state.moderation_batches = getattr(state, "moderation_batches", 0) + 1  # content-free count (status, tests)
    recent: OrderedDict = _recent(state)
    for answer in answers:
        answer["mod_id"] = None
        if not answer["flagged"]:
            continue
        mod_id = secrets.token_hex(12)
        answer["mod_id"] = mod_id
        remembered = {"site": body.site, "types": answer["types"], "flags": _flags(answer)}
        recent[mod_id] = remembered
        while len(recent) > _RECENT:
            recent.popitem(last=False)
        if state.audit is not None:
            state.audit.record(_event(body.site, "marked", remembered))
    return JSONResponse({"results": answers, "reply": suggested_reply(state.policy)})


@router.post("/v1/moderation/action", response_model=ModerationRecorded)
async def moderation_action(body: ModerationAction, request: Request) -> dict:
    remembered = _recent(request.app.state).get(body.mod_id)
    if remembered is None:
        return {"recorded": False}
    log.info("moderation site=%s action=%s types=%s", remembered["site"], body.action, ",".join(remembered["types"]))
    if request.app.state.audit is None:
        return {"recorded": False}
    ticket = request.app.state.audit.record(_event(remembered["site"], body.action, remembered))
    return {"recorded": ticket.accepted}


def _recent(state: Any) -> OrderedDict:
    if not hasattr(state, "recent_moderation"):
        state.recent_moderation = OrderedDict()
    return state.recent_moderation
