"""WebAddressRecognizer: Presidio's UrlRecognizer with ClientSafe's guard for prose."""

import pytest
from presidio_analyzer.predefined_recognizers import UrlRecognizer

from clientsafe.checker.recognizers.url import WebAddressRecognizer
from tests.unit.recognizer_cases import HARMLESS, assert_results, found


@pytest.fixture(scope="module")
def recognizer():
    return WebAddressRecognizer()


@pytest.mark.parametrize(
    "text, expected_len, expected_positions, expected_score_ranges",
    [
        ("Donate here: https://www.gofundme.com/f/help-rosa-rebuild", 1, ((13, 57),), ((0.6, 0.7),)),
        # The full stop that ends the sentence is not part of the address.
        ("her blog is rosasjourney.wordpress.com/about.", 1, ((12, 44),), ((0.5, 0.6),)),
        ("link: http://bit.ly/3xYzA", 1, ((6, 25),), ((0.6, 0.7),)),
        ("Read more at (example.org)", 1, ((14, 25),), ((0.5, 0.6),)),
        ("his page www.caringbridge.org/visit/jayden", 1, ((9, 42),), ((0.6, 0.7),)),
        # Quotes around an address are left out of the span.
        ("'https://presidio.dataprivacystack.org/'", 1, ((1, 39),), ((0.6, 0.7),)),
        (
            "my domains: microsoft.com google.co.il",
            2,
            (
                (12, 25),
                (26, 38),
            ),
            (
                (0.5, 0.6),
                (0.5, 0.6),
            ),
        ),
    ],
)
def test_when_web_address_in_text_then_it_is_found(
    recognizer, text, expected_len, expected_positions, expected_score_ranges
):
    assert_results(recognizer, text, expected_len, expected_positions, expected_score_ranges, "URL")


@pytest.mark.parametrize(
    "text",
    [
        "email rosa@gmail.com",  # the e-mail recognizer's
        "follow @destiny.ma on insta",  # a handle with a dot, not Morocco
        "got home.It was late",  # a missing space, not Italy
        "microsoft.community is open",  # not microsoft.com
        "see notes.md and run.sh",  # file names
        "www.microsoft",
        "http://microsoft",
    ],
)
def test_when_text_only_looks_like_an_address_then_nothing_is_found(recognizer, text):
    assert found(recognizer, text) == []


def test_guard_turns_away_what_plain_presidio_flags():
    plain = UrlRecognizer()
    for text in ("follow @destiny.ma on insta", "got home.It was late", "email rosa@gmail.com"):
        assert plain.analyze(text, ["URL"]), text
        assert found(WebAddressRecognizer(), text) == [], text


@pytest.mark.parametrize("text", HARMLESS)
def test_when_numbers_are_harmless_then_nothing_is_found(recognizer, text):
    assert found(recognizer, text) == []
