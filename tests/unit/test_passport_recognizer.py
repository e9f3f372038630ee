"""PassportRecognizer: Presidio's UsPassportRecognizer plus a cued pattern for other countries' passports."""

import pytest

from clientsafe.checker.recognizers.passport import PassportRecognizer
from tests.unit.recognizer_cases import HARMLESS, assert_results, found


@pytest.fixture(scope="module")
def recognizer():
    return PassportRecognizer()


@pytest.mark.parametrize(
    "text, expected_len, expected_positions, expected_score_ranges",
    [
        ("my travel passport is A12803456", 1, ((22, 31),), ((0.6, 1.0),)),
        ("Passport No. 123456789 expires soon", 1, ((13, 22),), ((0.55, 1.0),)),
        ("passport# 561234987", 1, ((10, 19),), ((0.55, 1.0),)),
        ("pasaporte mexicano G12345678", 1, ((19, 28),), ((0.6, 0.7),)),
        # Another country's shape, right after its cue.
        ("su pasaporte: N-04123456", 1, ((14, 24),), ((0.6, 1.0),)),
        # Nine digits or a letter and eight digits are any number without the cue (Presidio: 0.05 and 0.1).
        ("order 912803456 shipped", 0, (), ()),
        ("A12803456", 0, (), ()),
        ("passport no 12", 0, (), ()),
    ],
)
def test_when_passport_in_text_then_it_is_found(
    recognizer, text, expected_len, expected_positions, expected_score_ranges
):
    assert_results(recognizer, text, expected_len, expected_positions, expected_score_ranges, "PASSPORT")


@pytest.mark.parametrize("text", HARMLESS)
def test_when_numbers_are_harmless_then_nothing_is_found(recognizer, text):
    assert found(recognizer, text) == []
