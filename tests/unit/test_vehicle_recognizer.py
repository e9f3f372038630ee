"""VehicleRecognizer: licence plates after their cue, and VINs (check digit verified)."""

import pytest

from clientsafe.checker.recognizers.vehicle import VehicleRecognizer, vin_check_digit_ok
from tests.unit.recognizer_cases import HARMLESS, assert_results, found


@pytest.fixture(scope="module")
def recognizer():
    return VehicleRecognizer()


@pytest.mark.parametrize(
    "text, expected_len, expected_positions, expected_score_ranges, entity",
    [
        ("his plate is 7ABC123", 1, ((13, 20),), ((0.7, 0.8),), "LICENSE_PLATE"),
        ("OR plate 123 ABC", 1, ((9, 16),), ((0.7, 0.8),), "LICENSE_PLATE"),
        ("license plate: 8GHT442 (Oregon)", 1, ((15, 22),), ((0.7, 0.8),), "LICENSE_PLATE"),
        ("placas JKL-123-A", 1, ((7, 16),), ((0.7, 0.8),), "LICENSE_PLATE"),
        ("tag # XYZ9876 at the lot", 1, ((6, 13),), ((0.7, 0.8),), "LICENSE_PLATE"),
        ("VIN 1HGCM82633A004352", 1, ((4, 21),), ((0.95, 1.0),), "VEHICLE_ID"),
        # A valid check digit is enough without the cue.
        ("1HGCM82633A004352", 1, ((0, 17),), ((0.65, 0.75),), "VEHICLE_ID"),
        # A European VIN has no check digit: it counts after "VIN".
        ("VIN: WVWZZZ1JZXW000001", 1, ((5, 22),), ((0.65, 0.75),), "VEHICLE_ID"),
        ("1HGCM82633A004353", 0, (), (), None),
        ("ABCDEFGHJKLMNPRST", 0, (), (), None),
        ("plate of food for 3 people", 0, (), (), None),
        ("tag 5 friends", 0, (), (), None),
        ("3 plates 10 cups", 0, (), (), None),
    ],
)
def test_when_vehicle_identifier_in_text_then_it_is_found(
    recognizer, text, expected_len, expected_positions, expected_score_ranges, entity
):
    assert_results(recognizer, text, expected_len, expected_positions, expected_score_ranges, entity)


def test_vin_check_digit():
    assert vin_check_digit_ok("1HGCM82633A004352")
    assert vin_check_digit_ok("11111111111111111")
    assert not vin_check_digit_ok("1HGCM82633A004353")


@pytest.mark.parametrize("text", HARMLESS)
def test_when_numbers_are_harmless_then_nothing_is_found(recognizer, text):
    assert found(recognizer, text) == []
