"""IpAddressRecognizer: Presidio's IpRecognizer with a guard against version and section numbers."""

import pytest
from presidio_analyzer.predefined_recognizers import IpRecognizer

from clientsafe.checker.recognizers.ip_address import IpAddressRecognizer
from tests.unit.recognizer_cases import HARMLESS, assert_results, found


@pytest.fixture(scope="module")
def recognizer():
    return IpAddressRecognizer()


@pytest.mark.parametrize(
    "text, expected_len, expected_positions, expected_score_ranges",
    [
        ("She logged in from 73.158.64.15 again", 1, ((19, 31),), ((0.9, 1.0),)),
        ("IPv6: 2001:db8::8a2e:370:7334", 1, ((6, 29),), ((0.9, 1.0),)),
        ("router at 192.168.1.1.", 1, ((10, 21),), ((0.9, 1.0),)),
        ("my ip: ::1", 1, ((7, 10),), ((0.9, 1.0),)),
        ("(10.0.0.12)", 1, ((1, 10),), ((0.6, 0.7),)),
        # Presidio scores the unspecified address 0.1 and its context words lift it to 0.45; so do ours.
        ("Use local ipv6 ::", 1, ((15, 17),), ((0.4, 0.5),)),
    ],
)
def test_when_ip_address_in_text_then_it_is_found(
    recognizer, text, expected_len, expected_positions, expected_score_ranges
):
    assert_results(recognizer, text, expected_len, expected_positions, expected_score_ranges, "IP_ADDRESS")


@pytest.mark.parametrize(
    "text",
    [
        "version 1.2.3.4 is out",
        "v10.2.0.1",
        "Section 4.2.1.3 of the handbook",
        "Time 12:34:56",
        "Ratio 1:2:3:4",
        "256.256.256.256",
        "192.168.1",
    ],
)
def test_when_text_only_looks_like_an_address_then_nothing_is_found(recognizer, text):
    assert found(recognizer, text) == []


def test_guard_turns_away_version_numbers_plain_presidio_flags():
    assert IpRecognizer().analyze("version 1.2.3.4 is out", ["IP_ADDRESS"])
    assert found(IpAddressRecognizer(), "version 1.2.3.4 is out") == []


@pytest.mark.parametrize("text", HARMLESS)
def test_when_numbers_are_harmless_then_nothing_is_found(recognizer, text):
    assert found(recognizer, text) == []
