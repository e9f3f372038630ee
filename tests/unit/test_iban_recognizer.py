"""IbanCodeRecognizer: Presidio's IbanRecognizer (format and check digits) with our cue words."""

import pytest

from clientsafe.checker.recognizers.iban import IbanCodeRecognizer
from tests.unit.recognizer_cases import HARMLESS, assert_results, found


@pytest.fixture(scope="module")
def recognizer():
    return IbanCodeRecognizer()


@pytest.mark.parametrize(
    "text, expected_len, expected_positions, expected_score_ranges",
    [
        ("IBAN DE89 3704 0044 0532 0130 00 please", 1, ((5, 32),), ((1.0, 1.0),)),
        ("wire to GB82WEST12345698765432", 1, ((8, 30),), ((1.0, 1.0),)),
        ("cuenta ES91 2100 0418 4502 0005 1332", 1, ((7, 36),), ((1.0, 1.0),)),
        # A wrong check digit is not an IBAN.
        ("AL47 2121 1009 0000 0002 3569 8740", 0, (), ()),
        ("AL47 212A 1009 0000 0002 3569 8741", 0, (), ()),
    ],
)
def test_when_iban_in_text_then_it_is_found(recognizer, text, expected_len, expected_positions, expected_score_ranges):
    assert_results(recognizer, text, expected_len, expected_positions, expected_score_ranges, "IBAN_CODE")


@pytest.mark.parametrize("text", HARMLESS)
def test_when_numbers_are_harmless_then_nothing_is_found(recognizer, text):
    assert found(recognizer, text) == []
