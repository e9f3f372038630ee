"""Scoring a round: one point per scenario answered as the library says. The choices themselves are only used
here and shown back to the person; what is recorded is the count (record.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from clientsafe.practice.library import ANSWERS, Scenario

# Nine of twelve: a person who misses three has still shown they know the main lines; HR sees the score too.
PASS_MARK = 0.75


class ScoringError(ValueError):
    """The answers do not fit the round (an unknown scenario, a missing or unknown choice)."""


@dataclass(frozen=True)
class RoundResult:
    correct: int
    total: int
    lang: str
    right: tuple[str, ...]  # ids answered right (shown to the person, never recorded)

    @property
    def score(self) -> str:
        return f"{self.correct}/{self.total}"

    @property
    def passed(self) -> bool:
        return self.total > 0 and self.correct / self.total >= PASS_MARK


def score_round(scenarios: Sequence[Scenario], choices: Mapping[str, str], lang: str) -> RoundResult:
    """Score ``choices`` ({scenario id: answer}) for every scenario of the round; each must have one choice."""
    by_id = {s.id: s for s in scenarios}
    unknown = sorted(set(choices) - set(by_id))
    if unknown:
        raise ScoringError(f"these scenarios are not in the round: {', '.join(unknown)}. Start a new round.")
    missing = [s.id for s in scenarios if s.id not in choices]
    if missing:
        raise ScoringError(f"no answer for {', '.join(missing)}. Answer every scenario, then finish.")
    bad = sorted(i for i, c in choices.items() if c not in ANSWERS)
    if bad:
        raise ScoringError(f"the answer for {', '.join(bad)} must be one of {', '.join(ANSWERS)}.")
    right = tuple(s.id for s in scenarios if choices[s.id] == s.answer)
    return RoundResult(correct=len(right), total=len(scenarios), lang=lang, right=right)
