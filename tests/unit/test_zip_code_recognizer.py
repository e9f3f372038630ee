"""ZipCodeRecognizer: a ZIP or postal code said of where someone lives (English and Spanish)."""

import pytest

from clientsafe.checker.recognizers.zip_code import ZipCodeRecognizer
from tests.unit.recognizer_cases import HARMLESS, assert_results, found


@pytest.fixture(scope="module")
def recognizer():
    return ZipCodeRecognizer()


@pytest.mark.parametrize(
    "text, expected_len, expected_positions, expected_score_ranges",
    [
        ("she lives in 97211 now", 1, ((13, 18),), ((0.6, 0.7),)),
        ("moved to the 60629 area last week", 1, ((13, 18),), ((0.6, 0.7),)),
        ("Her zip code is 94110.", 1, ((16, 21),), ((0.7, 0.8),)),
        ("zip: 97211-1234", 1, ((5, 15),), ((0.7, 0.8),)),
        ("97211 zip", 1, ((0, 5),), ((0.65, 0.75),)),
        ("the family in the 97211 area", 1, ((18, 23),), ((0.55, 0.65),)),
        ("código postal 06700", 1, ((14, 19),), ((0.7, 0.8),)),
        ("vive en la colonia 06700", 1, ((19, 24),), ((0.6, 0.7),)),
        ("se mudó a 90011 con su tía", 1, ((10, 15),), ((0.6, 0.7),)),
        # A few words between the cue and the code.
        ("zip code on her intake is 82460-1653", 1, ((26, 36),), ((0.7, 0.8),)),
        ("New zip for Ana: 48231", 1, ((17, 22),), ((0.7, 0.8),)),
        ("He's staying with his cousin in 70767 for now", 1, ((32, 37),), ((0.6, 0.7),)),
        ("can anyone do a home visit in 73164 on Thursday?", 1, ((30, 35),), ((0.6, 0.7),)),
        # A verb of living or moving needs its preposition; a number alone is no place.
        ("moved 12000 boxes", 0, (), ()),
        ("lives 10000 miles away", 0, (), ()),
        ("raised 25000 dollars", 0, (), ()),
        ("we served 12500 families in 2024", 0, (), ()),
        # A placeholder.
        ("zip 12345", 0, (), ()),
    ],
)
def test_when_zip_code_of_a_person_in_text_then_it_is_found(
    recognizer, text, expected_len, expected_positions, expected_score_ranges
):
    assert_results(recognizer, text, expected_len, expected_positions, expected_score_ranges, "ZIP_CODE")


@pytest.mark.parametrize("text", HARMLESS)
def test_when_numbers_are_harmless_then_nothing_is_found(recognizer, text):
    assert found(recognizer, text) == []
