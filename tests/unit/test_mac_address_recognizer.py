"""MacAddressDeviceRecognizer: Presidio's MacAddressRecognizer (a device identifier) with a guard."""

import pytest
from presidio_analyzer.predefined_recognizers import MacAddressRecognizer

from clientsafe.checker.recognizers.mac_address import MacAddressDeviceRecognizer
from tests.unit.recognizer_cases import HARMLESS, assert_results, found


@pytest.fixture(scope="module")
def recognizer():
    return MacAddressDeviceRecognizer()


@pytest.mark.parametrize(
    "text, expected_len, expected_positions, expected_score_ranges",
    [
        ("his phone's MAC is 00:1A:2B:3C:4D:5E", 1, ((19, 36),), ((0.75, 0.85),)),
        ("wifi 3C-22-FB-91-0A-7E", 1, ((5, 22),), ((0.75, 0.85),)),
        ("insulin pump 0012.3456.789A", 1, ((13, 27),), ((0.6, 0.7),)),
        # Decimal pairs count next to a network cue.
        ("blocked 70-61-70-24-66-69 from the guest network", 1, ((8, 25),), ((0.75, 0.85),)),
        # Broadcast is nobody's device (Presidio's own check).
        ("FF:FF:FF:FF:FF:FF", 0, (), ()),
    ],
)
def test_when_mac_address_in_text_then_it_is_found(
    recognizer, text, expected_len, expected_positions, expected_score_ranges
):
    assert_results(recognizer, text, expected_len, expected_positions, expected_score_ranges, "MAC_ADDRESS")


def test_guard_turns_away_dashed_decimal_pairs_plain_presidio_flags():
    text = "score line 12-10-24-08-30-15"
    assert MacAddressRecognizer().analyze(text, ["MAC_ADDRESS"])
    assert found(MacAddressDeviceRecognizer(), text) == []


@pytest.mark.parametrize("text", HARMLESS)
def test_when_numbers_are_harmless_then_nothing_is_found(recognizer, text):
    assert found(recognizer, text) == []
