"""The golden verdicts in shared/ (which the extension's tests also read) still hold."""

import json

import pytest

from tests.conftest import ROOT, utf16_slice
from tests.update_golden import GOLDEN, expected

CASES = json.loads(GOLDEN.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden_verdict_holds(checker, case):
    assert expected(checker, case["input"]["text"], case["input"]["account"]) == case["expect"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden_offsets_point_at_the_text_they_name(case):
    for finding in case["expect"]["findings"]:
        assert utf16_slice(case["input"]["text"], finding["start"], finding["end"]) == finding["text"]


def test_golden_file_covers_every_action():
    assert {c["expect"]["action"] for c in CASES} == {"allow", "warn", "block"}
    assert (ROOT / "shared" / "golden" / "verdicts.json").exists()
