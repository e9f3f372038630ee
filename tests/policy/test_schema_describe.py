"""Validation messages for values out of range, too long or too many: one plain line each, never a crash."""

from __future__ import annotations

import pytest

from clientsafe.policy.schema import validate

KEY = "A" * 88


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"audit_retention_days": 0}, "field audit_retention_days must be at least 1 (found 0)"),
        ({"audit_retention_days": 5000}, "field audit_retention_days must be at most 3650 (found 5000)"),
        (
            {"roster_bundle": {"url": "https://it.example.org/r", "public_key": KEY, "refresh_hours": 0}},
            "field roster_bundle.refresh_hours must be at least 1 (found 0)",
        ),
        (
            {"roster_bundle": {"url": "https://it.example.org/r", "public_key": KEY, "refresh_hours": 200}},
            "field roster_bundle.refresh_hours must be at most 168 (found 200)",
        ),
        ({"organisation": {"aliases": [""]}}, "field organisation.aliases.0 must not be empty (found '')"),
        ({"rule_actions": {"MINOR_FEATURED": {}}}, "field rule_actions.MINOR_FEATURED must not be empty (found {})"),
    ],
)
def test_when_a_value_is_out_of_range_then_the_message_names_the_field_and_the_limit(document, message):
    assert validate(document) == [message]


def test_when_a_text_is_too_long_then_the_message_gives_the_limit_without_echoing_it_all():
    (problem,) = validate({"organisation": {"name": "x" * 300}})
    assert problem.startswith("field organisation.name must be at most 200 characters long (found 'xxx")
    assert len(problem) < 160


def test_when_the_audit_headers_are_wrong_then_their_secret_values_are_never_echoed():
    headers = {f"X-Key-{i}": f"secret-{i}" for i in range(11)}
    (problem,) = validate({"audit_forward_headers": headers})
    assert "audit_forward_headers must have at most 10 entries" in problem
    assert "secret-" not in problem
    (problem,) = validate({"audit_forward_headers": {"Authorization": 42}})
    assert "audit_forward_headers.Authorization must be string" in problem and "42" not in problem
