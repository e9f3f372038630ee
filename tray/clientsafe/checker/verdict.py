"""The verdict: the one shape every caller sees (shared/verdict.schema.json documents it)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Action = Literal["allow", "warn", "block", "error"]
ACTION_RANK: dict[str, int] = {"allow": 0, "warn": 1, "block": 2}


@dataclass(frozen=True)
class Finding:
    """Something the checker noticed. ``start``/``end`` are UTF-16 offsets into the original text."""

    type: str
    category: str  # identifier | relationship | sensitive | youth | family
    start: int
    end: int
    score: float
    source: str  # ner | pattern | gazetteer | lexicon | roster | model


@dataclass(frozen=True)
class Reason:
    code: str
    message: str
    policy_ref: str
    example: str = ""


@dataclass(frozen=True)
class Suggestion:
    start: int
    end: int
    replacement: str


@dataclass
class Verdict:
    action: Action
    reasons: list[Reason] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)
    engine: dict[str, Any] = field(default_factory=dict)
    # The suggested rewrite, checked again: {"safe": bool, "text": str, "still_to_edit": [{"type", "text"}]}.
    # ``suggestions`` is emptied when the rewrite would still not be allowed.
    rewrite: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        if out["rewrite"] is None:
            del out["rewrite"]
        return out
