"""The verdict: the rules that fired and the learned layer's call, turned into the one shape every caller sees.

Reasons come from ``shared/reasons.json`` in the post's language; findings and suggestions are mapped back to
the original text in UTF-16 units (how JavaScript counts).
"""

from __future__ import annotations

from dataclasses import dataclass

from clientsafe.checker.context import Hit
from clientsafe.checker.findings import QUIET_TYPES
from clientsafe.checker.normalise import Normalised
from clientsafe.checker.rules import Fired, RuleTable
from clientsafe.checker.verdict import ACTION_RANK, Action, Finding, Reason, Suggestion, Verdict


@dataclass(frozen=True)
class ModelCall:
    """What the learned layer adds: its action, the reason code that explains it, and what it relied on."""

    action: str
    code: str
    policy_ref: str
    evidence: tuple[Hit, ...] = ()


def localised(info: dict, language: str) -> dict:
    """The reason's texts in ``language`` where reasons.json has them, English otherwise."""
    other = info.get(language) if language != "en" else None
    return {**info, **other} if isinstance(other, dict) else info


def compose(
    norm: Normalised,
    hits: list[Hit],
    fired: list[Fired],
    rules: RuleTable,
    reasons: dict[str, dict],
    language: str,
    model: ModelCall | None = None,
) -> Verdict:
    action: Action = "allow"
    out: list[tuple[int, Reason]] = []
    suggest_hits: dict[tuple[int, int], Hit] = {}
    for f in fired:
        if ACTION_RANK[f.action] > ACTION_RANK[action]:
            action = f.action  # type: ignore[assignment]  # rules.json actions are validated by tests
        info = localised(reasons.get(f.rule.code, {}), language)
        out.append(
            (
                ACTION_RANK[f.action],
                Reason(f.rule.code, info.get("message", f.rule.code), f.rule.policy_ref, info.get("example", "")),
            )
        )
        wanted = frozenset().union(*(rules.members(g) for g in f.rule.suggest)) if f.rule.suggest else set()
        for h in f.hits:
            if h.type in wanted:
                suggest_hits[(h.start, h.end)] = h
    shown = list(hits)
    if model is not None and ACTION_RANK[model.action] > 0:
        if ACTION_RANK[model.action] > ACTION_RANK[action]:
            action = model.action  # type: ignore[assignment]
        if not any(r.code == model.code for _, r in out):
            info = localised(reasons.get(model.code, {}), language)
            out.append(
                (
                    ACTION_RANK[model.action],
                    Reason(model.code, info.get("message", model.code), model.policy_ref, info.get("example", "")),
                )
            )
        shown.extend(model.evidence)
        # The learned layer's call is rewritten like a rule's: the people and identifiers it found.
        for h in hits:
            if h.type in rules.members("who") or h.type in rules.members("id_number"):
                suggest_hits.setdefault((h.start, h.end), h)
    if action != "allow" and suggest_hits:
        # A name taken out still leaves "from our youth shelter" saying who they are: the service phrase that
        # ties a person to the organisation goes too, so the rewrite can come back clear.
        for h in hits:
            if h.type == "SERVICE_CONTEXT":
                suggest_hits.setdefault((h.start, h.end), h)
    # Strongest reason first: that is the one a person reads. Sorting is stable: rule order breaks ties.
    reasons_out = [r for _, r in sorted(out, key=lambda pair: -pair[0])]
    findings = []
    for h in sorted(shown, key=lambda h: (h.start, h.end)):
        if h.type in QUIET_TYPES:
            continue
        start, end = norm.span_to_utf16(h.start, h.end)
        findings.append(Finding(h.type, h.category, start, end, h.score, h.source))
    suggestions = []
    if action != "allow":
        for h in sorted(suggest_hits.values(), key=lambda h: h.start):
            replacement = replacement_for(h, norm.text, rules, language)
            if replacement is not None:
                lo = h.start
                if replacement == "" and h.type == "SERVICE_CONTEXT" and lo > 0 and norm.text[lo - 1] == " ":
                    lo -= 1  # a phrase taken out takes its space with it ("someone  for" would read oddly)
                start, end = norm.span_to_utf16(lo, h.end)
                suggestions.append(Suggestion(start, end, replacement))
    return Verdict(action=action, reasons=reasons_out, findings=findings, suggestions=_no_overlap(suggestions))


def replacement_for(hit: Hit, text: str, rules: RuleTable, language: str = "en") -> str | None:
    table = rules.replacements_for(language)
    if hit.type.startswith("AGE"):
        return _age_replacement(hit.type, text[hit.start : hit.end], table, language)
    if hit.type in table:
        return table[hit.type]
    if hit.type in rules.members("id_number"):
        return table.get("id_number")
    return None


def _age_replacement(kind: str, value: str, table: dict[str, str], language: str) -> str:
    """Rewrite an age so the sentence still reads: "a 14-year-old" -> "a young", "Jay, 14," -> "Jay,"."""
    lowered = value.lower().strip()
    if language != "en":  # "de 16 años", "(15)": drop an aside, otherwise the table's word ("joven")
        if lowered.startswith((",", "(", "de ")) or value.startswith(" "):
            return ""
        return table.get(kind, table.get("AGE", ""))
    if "old" in lowered:
        return {"AGE_MINOR": "young", "AGE_OVER_89": "older"}.get(kind, "adult")
    if lowered.startswith(("turned", "turns", "turning", "just turned")):
        return "had a birthday"
    if lowered.startswith((",", "(")) or value.startswith(" "):
        return ""  # an aside after a name: drop it with its punctuation
    if lowered.startswith(("in his", "in her", "in their")):
        return "older"
    return {"AGE_MINOR": "young", "AGE_OVER_89": "older"}.get(kind, "an adult")


def _no_overlap(suggestions: list[Suggestion]) -> list[Suggestion]:
    out: list[Suggestion] = []
    for s in suggestions:
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out
