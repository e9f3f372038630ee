"""ItinRecognizer: Presidio's UsItinRecognizer with our cue words (English and Spanish)."""

import pytest

from clientsafe.checker.recognizers.itin import ItinRecognizer
from tests.unit.recognizer_cases import HARMLESS, assert_results, found


@pytest.fixture(scope="module")
def recognizer():
    return ItinRecognizer()


@pytest.mark.parametrize(
    "text, expected_len, expected_positions, expected_score_ranges",
    [
        ("her ITIN is 911-70-1234", 1, ((12, 23),), ((0.85, 0.95),)),
        ("ITIN: 912 75 4321", 1, ((6, 17),), ((0.85, 0.95),)),
        ("su número de contribuyente es 955-71-2233", 1, ((30, 41),), ((0.85, 0.95),)),
        # Bare digits need the cue.
        ("tax id 911701234", 1, ((7, 16),), ((0.65, 0.75),)),
        ("911701234", 0, (), ()),
        # The dashed shape counts on its own, as in Presidio.
        ("911-70-1234", 1, ((0, 11),), ((0.5, 0.6),)),
        # Group 89 is never issued for an ITIN.
        ("911-89-1234", 0, (), ()),
        ("my tax id 911-89-1234", 0, (), ()),
    ],
)
def test_when_itin_in_text_then_it_is_found(recognizer, text, expected_len, expected_positions, expected_score_ranges):
    assert_results(recognizer, text, expected_len, expected_positions, expected_score_ranges, "US_ITIN")


@pytest.mark.parametrize("text", HARMLESS)
def test_when_numbers_are_harmless_then_nothing_is_found(recognizer, text):
    assert found(recognizer, text) == []
