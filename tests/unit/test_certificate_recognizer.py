"""CertificateNumberRecognizer: professional licences and certificates after their cue (English, Spanish)."""

import pytest

from clientsafe.checker.recognizers.certificate import CertificateNumberRecognizer
from tests.unit.recognizer_cases import HARMLESS, assert_results, found


@pytest.fixture(scope="module")
def recognizer():
    return CertificateNumberRecognizer()


@pytest.mark.parametrize(
    "text, expected_len, expected_positions, expected_score_ranges",
    [
        ("RN license #RN123456", 1, ((12, 20),), ((0.75, 0.85),)),
        ("her nursing license number is 0987654", 1, ((30, 37),), ((0.75, 0.85),)),
        ("LCSW license: 12-34567", 1, ((14, 22),), ((0.75, 0.85),)),
        ("birth certificate no. 142-2009-004411", 1, ((22, 37),), ((0.7, 0.8),)),
        ("cert # 55123", 1, ((7, 12),), ((0.7, 0.8),)),
        ("acta de nacimiento 1234567", 1, ((19, 26),), ((0.75, 0.85),)),
        ("cédula profesional 9876543", 1, ((19, 26),), ((0.75, 0.85),)),
        ("certificate of completion", 0, (), ()),
        ("she got her RN license in 2019", 0, (), ()),
        ("CPR certification 2024-2025", 0, (), ()),
        ("teaching license 2019", 0, (), ()),
    ],
)
def test_when_certificate_number_in_text_then_it_is_found(
    recognizer, text, expected_len, expected_positions, expected_score_ranges
):
    assert_results(recognizer, text, expected_len, expected_positions, expected_score_ranges, "CERTIFICATE_NUMBER")


@pytest.mark.parametrize("text", HARMLESS)
def test_when_numbers_are_harmless_then_nothing_is_found(recognizer, text):
    assert found(recognizer, text) == []
