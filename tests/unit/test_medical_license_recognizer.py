"""DeaNumberRecognizer: Presidio's MedicalLicenseRecognizer (DEA check digit) with a word-boundary guard."""

import pytest
from presidio_analyzer.predefined_recognizers import MedicalLicenseRecognizer

from clientsafe.checker.recognizers.medical_license import DeaNumberRecognizer
from tests.unit.recognizer_cases import HARMLESS, assert_results, found


@pytest.fixture(scope="module")
def recognizer():
    return DeaNumberRecognizer()


@pytest.mark.parametrize(
    "text, expected_len, expected_positions, expected_score_ranges",
    [
        (
            "GL0285191 EU4488929",
            2,
            (
                (0, 9),
                (10, 19),
            ),
            (
                (1.0, 1.0),
                (1.0, 1.0),
            ),
        ),
        ("my certificate number is: BB1388568", 1, ((26, 35),), ((1.0, 1.0),)),
        ("DEA BB1388568 on file", 1, ((4, 13),), ((1.0, 1.0),)),
        # The check digit fails.
        ("The DEA number is  BG8207031", 0, (), ()),
    ],
)
def test_when_dea_number_in_text_then_it_is_found(
    recognizer, text, expected_len, expected_positions, expected_score_ranges
):
    assert_results(recognizer, text, expected_len, expected_positions, expected_score_ranges, "MEDICAL_LICENSE")


@pytest.mark.parametrize("text", ["tracking XGL0285191Z", "ref GL0285191-2", "order#AGL0285191"])
def test_when_number_is_inside_a_longer_code_then_nothing_is_found(recognizer, text):
    assert MedicalLicenseRecognizer().analyze(text, ["MEDICAL_LICENSE"]), "plain Presidio flags it"
    assert found(recognizer, text) == []


@pytest.mark.parametrize("text", HARMLESS)
def test_when_numbers_are_harmless_then_nothing_is_found(recognizer, text):
    assert found(recognizer, text) == []
