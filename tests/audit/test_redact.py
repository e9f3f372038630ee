"""Redaction of override reasons: spans as the checker reports them (UTF-16), overlaps, and the real checker."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from clientsafe.audit.redact import NOT_CHECKED, redact, redact_reason


@dataclass
class Span:
    start: int
    end: int
    type: str


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Maria said yes", [Span(0, 5, "PERSON")], "[PERSON] said yes"),
        # An emoji is two UTF-16 code units: offsets after it are counted as JavaScript counts them.
        ("💙 Maria said yes", [Span(3, 8, "PERSON")], "💙 [PERSON] said yes"),
        ("Maria Lopez ok", [Span(0, 5, "PERSON"), Span(0, 11, "PERSON"), Span(6, 11, "SURNAME")], "[PERSON] ok"),
        ("a b c", [Span(4, 5, "X"), Span(0, 1, "Y")], "[Y] b [X]"),
        ("nothing found", [], "nothing found"),
    ],
)
def test_redact_replaces_every_span_once(text, spans, expected):
    assert redact(text, spans) == expected


def test_a_reason_is_redacted_by_the_real_checker(checker):
    assert redact_reason(checker, "Maria Lopez from our youth shelter gave written consent") == (
        "[PERSON] [SERVICE_CONTEXT] gave written consent"
    )
    assert redact_reason(checker, "   ") is None and redact_reason(checker, None) is None


def test_when_the_checker_fails_the_reason_is_not_stored_at_all():
    class Broken:
        def check(self, *args, **kwargs):
            raise RuntimeError("boom")

    assert redact_reason(Broken(), "Maria said yes") == NOT_CHECKED
