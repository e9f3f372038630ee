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


def apply_suggestions(text: str, verdict: Verdict) -> str:
    """``text`` with every suggestion applied (offsets are UTF-16 units; suggestions never overlap)."""
    from clientsafe.checker.normalise import index_from_utf16

    out, pos = [], 0
    for s in sorted(verdict.suggestions, key=lambda s: s.start):
        start, end = index_from_utf16(text, s.start), index_from_utf16(text, s.end)
        out.append(text[pos:start])
        out.append(s.replacement)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def still_to_edit(verdict: Verdict) -> str:
    """The sentence that says why no rewrite is offered (empty when there is a safe one, or nothing to edit)."""
    rewrite = verdict.rewrite or {}
    details = rewrite.get("still_to_edit") or []
    if rewrite.get("safe", True) or not details:
        return ""
    quoted = ", ".join(f"\u201c{d['text']}\u201d" for d in details)
    return f"No safe rewrite could be suggested: edit these details yourself first: {quoted}."
