"""Picking a practice round: about ten minutes, so twelve scenarios in the person's language, mixing answers and
kinds, with the organisation's own examples first, and none of the last round's scenarios while others are left."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence

from clientsafe.practice.library import ANSWERS, Scenario

# About fifty seconds a scenario (read, choose, read the answer): twelve make the ten minutes the issue asks for.
ROUND_SIZE = 12
# At most this many of the organisation's own examples per round, so the built-in kinds still come round.
ORGANISATION_SHARE = 4
FALLBACK_LANG = "en"


def pick_round(
    scenarios: Sequence[Scenario],
    lang: str,
    last_ids: Iterable[str] = (),
    rng: random.Random | None = None,
    size: int = ROUND_SIZE,
) -> list[Scenario]:
    """Up to ``size`` scenarios in ``lang`` (English when there are none in it), in a random order."""
    rng = rng or random.Random()
    pool = [s for s in scenarios if s.lang == lang] or [s for s in scenarios if s.lang == FALLBACK_LANG]
    last = set(last_ids)
    fresh = [s for s in pool if s.id not in last]
    seen_before = [s for s in pool if s.id in last]
    chosen: list[Scenario] = []
    own = [s for s in fresh if s.from_organisation]
    rng.shuffle(own)
    chosen += own[:ORGANISATION_SHARE]
    builtin = [s for s in fresh if not s.from_organisation]
    # More of the organisation's examples only when the built-in ones run out, and the last round's scenarios
    # only once every fresh one is used: a small library still fills a round.
    for group in (builtin, own, seen_before):
        _fill(chosen, [s for s in group if s not in chosen], size, rng)
    rng.shuffle(chosen)
    return chosen


def _fill(chosen: list[Scenario], candidates: list[Scenario], size: int, rng: random.Random) -> None:
    """Take the answer classes in turn (fine, second look, must not) and, within one, the kind seen least so far."""
    by_answer = {answer: [s for s in candidates if s.answer == answer] for answer in ANSWERS}
    for group in by_answer.values():
        rng.shuffle(group)
    while len(chosen) < size and any(by_answer.values()):
        answers = Counter(s.answer for s in chosen)
        # The class with the fewest in the round so far goes next (ties in a random order).
        order = sorted((a for a in ANSWERS if by_answer[a]), key=lambda a: (answers[a], rng.random()))
        group = by_answer[order[0]]
        kinds = Counter(s.kind for s in chosen)
        pick = min(group, key=lambda s: kinds[s.kind])  # stable: the shuffled order breaks ties
        group.remove(pick)
        chosen.append(pick)
