"""InternationalPhoneRecognizer: libphonenumber through Presidio's PhoneRecognizer, with scores that follow
the evidence, the "+" and cued shapes libphonenumber turns down, and a guard against dates and money."""

import pytest

from clientsafe.checker.recognizers.phone_numbers import InternationalPhoneRecognizer
from tests.unit.recognizer_cases import HARMLESS, assert_results, found


@pytest.fixture(scope="module")
def recognizer():
    return InternationalPhoneRecognizer()


@pytest.mark.parametrize(
    "text, expected_len, expected_positions, expected_score_ranges",
    [
        (
            "cell +44 20 7946 0958 or +52 55 1234 5678",
            2,
            (
                (5, 21),
                (25, 41),
            ),
            (
                (0.9, 1.0),
                (0.7, 1.0),
            ),
        ),
        ("mi número: +34 612 34 56 78", 1, ((11, 27),), ((0.9, 1.0),)),
        ("her whatsapp +502 5512 3456", 1, ((13, 27),), ((0.9, 1.0),)),
        ("tel 011 52 55 1234 5678", 1, ((4, 23),), ((0.9, 1.0),)),
        ("001-541-754-3010x123", 1, ((0, 20),), ((0.7, 0.8),)),
        # National formats of other countries count next to a phone cue.
        ("su cel es 55 1234 5678", 1, ((10, 22),), ((0.8, 0.9),)),
        ("llámame al 612 345 678", 1, ((11, 22),), ((0.55, 0.65),)),
        ("My Israeli number is 09-7625400", 1, ((21, 31),), ((0.55, 0.65),)),
        ("call her at (541) 555-0187 tonight", 1, ((12, 26),), ((0.8, 0.9),)),
        ("call 541-754-3010 ext 12", 1, ((5, 24),), ((0.8, 0.9),)),
        # A 555 test number after a cue is still a phone number (libphonenumber would call it invalid).
        ("text me at 555-0187", 1, ((11, 19),), ((0.45, 0.55),)),
        # A bare digit run with no cue is any number; "#" is not a phone cue.
        ("order 912803456", 0, (), ()),
        ("account # 0045 1187 2290", 0, (), ()),
        ("case #2024-JV-00318", 0, (), ()),
        ("Gala 05/03/2025 6-9pm", 0, (), ()),
    ],
)
def test_when_phone_number_in_text_then_it_is_found(
    recognizer, text, expected_len, expected_positions, expected_score_ranges
):
    assert_results(recognizer, text, expected_len, expected_positions, expected_score_ranges, "PHONE_NUMBER")


@pytest.mark.parametrize("text", HARMLESS)
def test_when_numbers_are_harmless_then_nothing_is_found(recognizer, text):
    assert found(recognizer, text) == []
