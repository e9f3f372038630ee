"""The policy's JSON Schema, built from the declaration, and validation with messages a person can act on.

jsonschema (a dependency for this) rather than hand-written checks: the same schema is published in
shared/policy.schema.json for IT's editors and the extension, so what we enforce and what we publish cannot drift.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jsonschema

from clientsafe.policy.declaration import META_KEYS, POLICY
from clientsafe.policy.model import SECRET_SETTINGS

SCHEMA_ID = "https://clientsafe.invalid/shared/policy.schema.json"


def build_schema() -> dict[str, Any]:
    properties: dict[str, Any] = {key: {"type": "string"} for key in META_KEYS}
    for setting in POLICY:
        prop = dict(setting.schema)
        if setting.name == "locked":
            prop = {**prop, "items": {"enum": [s.name for s in POLICY if s.layers == "any"]}}
        scope = "org-level" if setting.org_level else "personal preference"
        if setting.layers == "system":
            scope = "IT-managed layer only"
        prop["description"] = f"{setting.help} ({scope})"
        prop["default"] = setting.default
        properties[setting.name] = prop
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "ClientSafe organisation policy",
        "description": "One JSON document; every key is optional and a missing key keeps its default. "
        "Generated from tray/clientsafe/policy/declaration.py; documented in docs/policy.md.",
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
    }


_VALIDATOR = jsonschema.Draft202012Validator(build_schema())


def _field(path: Any) -> str:
    parts = [str(p) for p in path]
    return ".".join(parts) if parts else "(the whole document)"


_EXPECTED: dict[str, Callable[[Any], str]] = {
    "type": lambda v: f"must be {v}",
    "enum": lambda v: "must be one of " + ", ".join(map(str, v or ())),
    "pattern": lambda v: "is not in the expected form (see docs/policy.md)",
    "minimum": lambda v: f"must be at least {v}",
    "maximum": lambda v: f"must be at most {v}",
    "uniqueItems": lambda v: "lists the same entry twice",
    "minLength": lambda v: "must not be empty" if v == 1 else f"must be at least {v} characters long",
    "maxLength": lambda v: f"must be at most {v} characters long",
    "minProperties": lambda v: "must not be empty" if v == 1 else f"must have at least {v} entries",
    "maxProperties": lambda v: f"must have at most {v} entries",
}


def _describe(error: jsonschema.ValidationError) -> str:
    """One error, naming the field and what would be right, without echoing long values."""
    where = _field(error.absolute_path)
    if "propertyNames" in error.schema_path:
        allowed = error.validator_value if error.validator == "enum" else None
        hint = "must be one of " + ", ".join(allowed) if allowed else "is not in the expected form (see docs/policy.md)"
        return f"field {where}: unknown key {error.instance!r}: {hint}"
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed)) if isinstance(error.instance, dict) else []
        fields = ", ".join(f"{where}.{e}" if error.absolute_path else e for e in extra)
        hint = f" (known: {', '.join(allowed)})" if allowed and len(allowed) <= 20 else ""
        return f"unknown field {fields}: remove it or check the spelling{hint}"
    if error.validator == "propertyNames":
        return f"{where}: {error.message}"
    if error.validator in _EXPECTED:
        # Only this error's message is built: the others would format a value of another kind (an int is no list).
        expected = _EXPECTED[str(error.validator)](error.validator_value)
        shown = repr(error.instance)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        if error.absolute_path and error.absolute_path[0] in SECRET_SETTINGS:  # problems are printed and logged
            shown = "a value not shown: it is a secret"
        return f"field {where} {expected} (found {shown})"
    if error.validator == "anyOf" and error.context:
        # Explain against the alternative whose type matched (an object with a misspelt key, say), if any.
        matched = [e for e in error.context if e.validator != "type"]
        if matched:
            return _describe(matched[0])
        kinds = " or ".join(str(e.validator_value) for e in error.context)
        return f"field {where} must be {kinds} (found {type(error.instance).__name__})"
    return f"field {where}: {error.message}"


def validate(document: Any) -> list[str]:
    """Problems with one policy document, each naming the field; empty when it is valid."""
    if not isinstance(document, dict):
        return [f"the policy must be a JSON object ({{...}}), found a JSON {type(document).__name__}"]
    return [_describe(e) for e in sorted(_VALIDATOR.iter_errors(document), key=lambda e: list(e.absolute_path))]
