"""Picking a round and scoring it."""

from __future__ import annotations

import dataclasses
import random
from collections import Counter

import pytest

from clientsafe.practice import ANSWERS, ROUND_SIZE, pick_round, score_round
from clientsafe.practice.scoring import ScoringError


def _many(scenarios, copies):
    """The fixture's English scenarios several times over under new ids: a library big enough to test rotation."""
    english = [s for s in scenarios if s.lang == "en"]
    return [dataclasses.replace(s, id=f"{s.id}-{n}") for n in range(copies) for s in english]


def test_when_a_round_is_picked_then_it_has_twelve_in_the_persons_language(scenarios):
    chosen = pick_round(scenarios, "es", rng=random.Random(1))
    assert len(chosen) == ROUND_SIZE
    assert {s.lang for s in chosen} == {"es"}
    assert len({s.id for s in chosen}) == ROUND_SIZE


def test_when_there_is_no_scenario_in_the_language_then_english_is_used(scenarios):
    chosen = pick_round(scenarios, "fr", rng=random.Random(1))
    assert {s.lang for s in chosen} == {"en"}


@pytest.mark.parametrize("seed", range(5))
def test_when_a_round_is_picked_then_it_mixes_answers_and_kinds(scenarios, seed):
    chosen = pick_round(_many(scenarios, 3), "en", rng=random.Random(seed))
    answers = Counter(s.answer for s in chosen)
    assert set(answers) == set(ANSWERS)
    # The library has all four kinds: each comes round at least once.
    assert {s.kind for s in chosen} == {"post", "comment", "review_reply", "friend_request"}
    assert max(answers.values()) - min(answers.values()) <= 1


def test_when_the_library_is_big_enough_then_the_next_round_repeats_none_of_the_last(scenarios):
    library = _many(scenarios, 3)
    first = pick_round(library, "en", rng=random.Random(2))
    second = pick_round(library, "en", {s.id for s in first}, random.Random(2))
    assert not {s.id for s in first} & {s.id for s in second}
    assert len(second) == ROUND_SIZE


def test_when_the_library_is_small_then_last_rounds_scenarios_fill_the_round(scenarios):
    english = [s for s in scenarios if s.lang == "en"]  # 14: two fresh after a round of twelve
    first = pick_round(english, "en", rng=random.Random(3))
    second = pick_round(english, "en", {s.id for s in first}, random.Random(3))
    fresh = {s.id for s in english} - {s.id for s in first}
    assert fresh <= {s.id for s in second}
    assert len(second) == ROUND_SIZE


def test_when_the_organisation_has_examples_then_some_are_in_every_round(scenarios):
    own = [dataclasses.replace(s, id=f"org-{s.id}", from_organisation=True) for s in scenarios if s.lang == "en"]
    chosen = pick_round(_many(scenarios, 2) + own, "en", rng=random.Random(4))
    assert sum(s.from_organisation for s in chosen) == 4  # ORGANISATION_SHARE: built-in kinds still come round


def test_when_the_answers_are_scored_then_each_right_one_counts(scenarios):
    chosen = pick_round(scenarios, "en", rng=random.Random(5))
    choices = {s.id: s.answer for s in chosen}
    wrong = [s for s in chosen if s.answer != "fine"][:3]
    for s in wrong:
        choices[s.id] = "fine"
    result = score_round(chosen, choices, "en")
    assert result.score == f"{ROUND_SIZE - 3}/{ROUND_SIZE}"
    assert result.passed  # 9 of 12 is the pass mark
    choices[next(s for s in chosen if s.answer != "fine" and s not in wrong).id] = "fine"
    assert not score_round(chosen, choices, "en").passed


def test_when_an_answer_is_missing_or_unknown_then_scoring_refuses(scenarios):
    chosen = pick_round(scenarios, "en", rng=random.Random(6))
    choices = {s.id: s.answer for s in chosen}
    with pytest.raises(ScoringError, match="no answer for"):
        score_round(chosen, dict(list(choices.items())[1:]), "en")
    with pytest.raises(ScoringError, match="not in the round"):
        score_round(chosen, {**choices, "other": "fine"}, "en")
    with pytest.raises(ScoringError, match="must be one of"):
        score_round(chosen, {**choices, chosen[0].id: "maybe"}, "en")
