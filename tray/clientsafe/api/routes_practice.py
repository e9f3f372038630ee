"""Practice from the extension's page (extension/practice/): ``GET /v1/practice/round`` gives a round of twelve
scenarios with their answers (the page shows each answer after the person chooses); ``POST /v1/practice/result``
sends back the round's id and the choices, and the service scores them itself and records the score in the
content-free audit. The choices are used for the score and dropped: never stored, never logged.

Only rounds this service handed out can be scored (kept in memory, the newest few), so a result names real
scenarios; the person's token is needed for both, as for /v1/check.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict
from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from clientsafe.practice import LibraryError
from clientsafe.practice.scoring import ScoringError
from clientsafe.practice.session import finish, library, new_round, section_link

router = APIRouter()
# Rounds handed out and not yet scored; a browser that opens many pages only pushes the oldest out.
_KEPT_ROUNDS = 16

Answer = Literal["fine", "second_look", "must_not"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class PolicySection(BaseModel):
    section: str
    title: str
    url: str | None = Field(description="The organisation's own page for this section, when its policy names one.")
    text: str = Field(description="ClientSafe's handbook paragraph (shown when there is no url).")


class PracticeScenario(BaseModel):
    id: str
    lang: str
    kind: str
    site: str
    account: str
    role: str
    context: str
    text: str = Field(description="As the site would show it; empty for a friend request (the context says who).")
    answer: Answer
    reason: str
    rewrite: str | None
    policy: PolicySection
    from_organisation: bool


class PracticeRound(BaseModel):
    round_id: str
    lang: str
    scenarios: list[PracticeScenario]


class PracticeResult(_Strict):
    round_id: str = Field(max_length=64)
    choices: dict[str, Answer] = Field(max_length=64, description="{scenario id: the person's choice}, every one.")


class PracticeScore(BaseModel):
    correct: int
    total: int
    score: str = Field(description='"correct/total", as recorded.')
    passed: bool
    recorded: bool = Field(description="False when this machine's audit is not available.")


def _rounds(request: Request) -> OrderedDict[str, Any]:
    state = request.app.state
    if not hasattr(state, "practice_rounds"):
        state.practice_rounds = OrderedDict()
    return state.practice_rounds  # type: ignore[no-any-return]


@router.get("/v1/practice/round", response_model=PracticeRound)
def practice_round(request: Request, lang: Literal["en", "es"] = Query("en")) -> Any:
    policy = request.app.state.policy
    try:
        chosen = new_round(library(policy), lang)
    except LibraryError as e:
        return JSONResponse({"error": "practice_unavailable", "detail": str(e)}, status_code=503)
    round_id = secrets.token_hex(12)
    kept = _rounds(request)
    kept[round_id] = (lang, chosen)
    while len(kept) > _KEPT_ROUNDS:
        kept.popitem(last=False)
    scenarios = [
        {
            **s.public(),
            "answer": s.answer,
            "reason": s.reason,
            "rewrite": s.rewrite,
            "policy": section_link(s, policy).to_dict(),
            "from_organisation": s.from_organisation,
        }
        for s in chosen
    ]
    return {"round_id": round_id, "lang": lang, "scenarios": scenarios}


@router.post("/v1/practice/result", response_model=PracticeScore)
def practice_result(body: PracticeResult, request: Request) -> Any:
    found = _rounds(request).get(body.round_id)
    if found is None:
        return JSONResponse(
            {"error": "unknown_round", "detail": "That round is not open any more: start a new round."},
            status_code=404,
        )
    lang, chosen = found
    store = request.app.state.audit
    try:
        result, ticket = finish(chosen, body.choices, lang, store)
    except ScoringError as e:
        return JSONResponse({"error": "bad_request", "detail": str(e)}, status_code=400)
    _rounds(request).pop(body.round_id, None)
    return {
        "correct": result.correct,
        "total": result.total,
        "score": result.score,
        "passed": result.passed,
        "recorded": ticket is not None and ticket.accepted,
    }
