"""SsnRecognizer: well-formed SSNs, including the famous published examples, which Presidio waves through."""

import pytest
from presidio_analyzer.predefined_recognizers import UsSsnRecognizer

from clientsafe.checker.recognizers.ssn import SsnRecognizer
from tests.unit.recognizer_cases import HARMLESS, assert_results, found


@pytest.fixture(scope="module")
def recognizer():
    return SsnRecognizer()


@pytest.mark.parametrize(
    "text, expected_len, expected_positions, expected_score_ranges",
    [
        # Famous examples are still SSNs when someone posts one: a staff member typing a client's SSN that
        # happens to be a sample is still posting an SSN.
        ("her social is 123-45-6789", 1, ((14, 25),), ((0.95, 1.0),)),
        ("SSN 078-05-1120 on the form", 1, ((4, 15),), ((0.95, 1.0),)),
        ("ss# 219-09-9999", 1, ((4, 15),), ((0.95, 1.0),)),
        ("111-11-1111", 1, ((0, 11),), ((0.55, 0.65),)),
        # Presidio's own medium cases: dashes, dots, spaces.
        ("078.05.1123", 1, ((0, 11),), ((0.55, 0.65),)),
        ("abc 078 05 1123 abc", 1, ((4, 15),), ((0.55, 0.65),)),
        # Bare digits need the cue.
        ("SSN 421706384", 1, ((4, 13),), ((0.65, 0.75),)),
        ("421706384", 0, (), ()),
        # Never issued: area 000, 666, 9xx; group 00; serial 0000; mixed separators.
        ("000-12-3456", 0, (), ()),
        ("666-12-3456", 0, (), ()),
        ("900-12-3456", 0, (), ()),
        ("078-05-0000", 0, (), ()),
        ("078 00 1123", 0, (), ()),
        ("693-09.4444", 0, (), ()),
        ("version 123.45.6789.1", 0, (), ()),
    ],
)
def test_when_ssn_in_text_then_it_is_found(recognizer, text, expected_len, expected_positions, expected_score_ranges):
    assert_results(recognizer, text, expected_len, expected_positions, expected_score_ranges, "US_SSN")


@pytest.mark.parametrize("text", ["her social is 123-45-6789", "SSN 078-05-1120 on the form", "111-11-1111"])
def test_when_ssn_is_a_famous_example_then_it_is_still_found_although_presidio_drops_it(recognizer, text):
    assert not [r for r in UsSsnRecognizer().analyze(text, ["US_SSN"]) if r.score > 0]
    assert found(recognizer, text)


@pytest.mark.parametrize("text", HARMLESS)
def test_when_numbers_are_harmless_then_nothing_is_found(recognizer, text):
    assert found(recognizer, text) == []
