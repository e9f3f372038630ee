"""The JSON Schema of one practice scenario: the built-in library and the policy's ``practice_examples`` share it
(the policy declaration imports it, so the published policy schema and this loader never disagree)."""

from __future__ import annotations

from typing import Any

LANGS = ("en", "es")
KINDS = ("post", "comment", "review_reply", "friend_request")
ACCOUNTS = ("personal", "org")
# What the person chooses, in the order the buttons show them.
ANSWERS = ("fine", "second_look", "must_not")
SECTIONS = (
    "confidentiality",
    "minimum_necessary",
    "photos_and_media_release",
    "friending_clients",
    "review_replies",
    "youth_protection",
    "substance_use_records",
    "location_safety",
    "community_standards",
)

_TEXT = {"type": "string", "minLength": 1, "maxLength": 2000}
_SHORT = {"type": "string", "minLength": 1, "maxLength": 300}

SCENARIO_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": [
        "id",
        "lang",
        "kind",
        "site",
        "account",
        "role",
        "context",
        "text",
        "answer",
        "reason",
        "rewrite",
        "policy_section",
        "incident_kind",
    ],
    "properties": {
        "id": {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"},
        "lang": {"enum": list(LANGS)},
        "kind": {"enum": list(KINDS)},
        "site": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9_-]{0,31}$"},
        "account": {"enum": list(ACCOUNTS)},
        "role": _SHORT,
        "context": _TEXT,
        # Empty only for a friend request, whose context says who is asking (there is no text to show).
        "text": {"type": "string", "maxLength": 2000},
        "answer": {"enum": list(ANSWERS)},
        "reason": _TEXT,
        "rewrite": {"anyOf": [{"type": "string", "maxLength": 2000}, {"type": "null"}]},  # "" is none
        "policy_section": {"enum": list(SECTIONS)},
        "incident_kind": _SHORT,
    },
    "if": {"properties": {"kind": {"not": {"const": "friend_request"}}}},
    "then": {"properties": {"text": {"minLength": 1}}},
}

EXAMPLES_SCHEMA: dict[str, Any] = {"type": "array", "maxItems": 500, "items": SCENARIO_SCHEMA}
