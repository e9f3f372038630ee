"""DeviceIdRecognizer: IMEIs, serial numbers after their cue, medical device UDIs."""

import pytest

from clientsafe.checker.recognizers.device_id import DeviceIdRecognizer
from tests.unit.recognizer_cases import HARMLESS, assert_results, found


@pytest.fixture(scope="module")
def recognizer():
    return DeviceIdRecognizer()


@pytest.mark.parametrize(
    "text, expected_len, expected_positions, expected_score_ranges",
    [
        ("IMEI 490154203237518", 1, ((5, 20),), ((0.95, 1.0),)),
        # A typo'd IMEI after its cue is still a device number.
        ("the IMEI is 490154203237519", 1, ((12, 27),), ((0.95, 1.0),)),
        ("35-209900-176148-1", 1, ((0, 18),), ((0.45, 0.55),)),
        ("serial no. SN-48213-AC on the pump", 1, ((11, 22),), ((0.95, 1.0),)),
        ("S/N: 7731X92", 1, ((5, 12),), ((0.7, 0.8),)),
        ("device ID: A7F3-22K9", 1, ((11, 20),), ((0.95, 1.0),)),
        ("número de serie 88231-B", 1, ((16, 23),), ((0.7, 0.8),)),
        ("UDI (01)00844588003288(17)141120(10)7654321D(21)10", 1, ((4, 50),), ((0.65, 0.75),)),
        ("serial killer podcast", 0, (), ()),
        ("serial 2024", 0, (), ()),
        ("Season 2 episode 4", 0, (), ()),
    ],
)
def test_when_device_identifier_in_text_then_it_is_found(
    recognizer, text, expected_len, expected_positions, expected_score_ranges
):
    assert_results(recognizer, text, expected_len, expected_positions, expected_score_ranges, "DEVICE_ID")


@pytest.mark.parametrize("text", HARMLESS)
def test_when_numbers_are_harmless_then_nothing_is_found(recognizer, text):
    assert found(recognizer, text) == []
