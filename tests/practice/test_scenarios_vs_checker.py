"""Every practice scenario's text through the real checker, with the scenario's account, site and kind: where the
checker's action (allow / warn / block -> fine / second look / must not) disagrees with the scenario's answer, the
test prints it, with the agreement per answer class. It fails when the overall agreement drops below the floor
measured on the library, so a checker regression (or a library change the checker cannot follow) is seen.

Friend requests are left out: their text is a request card ("Friend request from …"), and the checker has no path
for requests; the roster's relationship route (roster/relationship.py) judges the person, not text.

Run ``pytest tests/practice/test_scenarios_vs_checker.py -s`` to see the table.
"""

from __future__ import annotations

from collections import Counter

import pytest

from clientsafe.practice import ANSWERS, load_library
from clientsafe.practice.library import builtin_path
from tests.practice.conftest import FIXTURE

ACTION_TO_ANSWER = {"allow": "fine", "warn": "second_look", "block": "must_not"}

# The agreement measured on the library in use, kept as a floor a little under it (the checker's learned layer
# and the library both change; a drop of more than a few scenarios is a regression to look at).
# Per answer class too, so a checker that starts allowing what it blocked cannot hide behind the other classes.
FLOOR_BUILTIN = {
    "overall": 0.65,  # measured 2026-12-06 on the library's version 1 (87 scenarios, 75 compared): 0.69 (52/75)
    "fine": 0.80,  # measured 2026-12-06: 0.88 (22/25)
    "second_look": 0.65,  # measured 2026-12-06: 0.75 (18/24)
    "must_not": 0.40,  # measured 2026-12-06: 0.46 (12/26)
}
FLOOR_FIXTURE = {"overall": 0.75}  # measured 2026-12-06 on tests/practice/scenarios_fixture.json: 0.79 (19/24)


def _library():
    if builtin_path().exists():
        return load_library(), FLOOR_BUILTIN, "the built-in library"
    return load_library(FIXTURE), FLOOR_FIXTURE, "the test fixture (the built-in library is not installed)"


@pytest.mark.slow
def test_when_every_scenario_is_checked_then_the_checker_mostly_agrees(checker, capsys):
    scenarios, floor, name = _library()
    judged = [s for s in scenarios if s.kind != "friend_request"]
    assert judged, "no scenarios to compare"
    agree: Counter[str] = Counter()
    total: Counter[str] = Counter()
    lines = []
    for s in judged:
        got = ACTION_TO_ANSWER[checker.check(s.text, s.account, s.site, s.kind).action]
        total[s.answer] += 1
        if got == s.answer:
            agree[s.answer] += 1
        else:
            lines.append(f"  {s.id:<24} expected {s.answer:<12} got {got}")
    rate = {answer: agree[answer] / total[answer] for answer in ANSWERS if total[answer]}
    overall = rate["overall"] = sum(agree.values()) / len(judged)
    with capsys.disabled():
        print(f"\nScenarios vs checker on {name}: {len(judged)} compared, friend requests left out.")
        print(f"Disagreements ({len(lines)}):")
        print("\n".join(lines) or "  none")
        for answer in ANSWERS:
            if total[answer]:
                shown = f"{agree[answer]}/{total[answer]} = {rate[answer]:.2f}"
                print(f"  {answer:<12} {shown} (floor {floor.get(answer, '-')})")
        print(f"  overall      {sum(agree.values())}/{len(judged)} = {overall:.2f} (floor {floor['overall']})")
    below = {k: round(rate[k], 2) for k, least in floor.items() if rate.get(k, 1.0) < least}
    assert not below, f"agreement fell below the floor for {below} (floors {floor}): see the disagreements above"
