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
from clientsafe.say import said

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
    return ".".join(parts) if parts else said("(the whole document)")


_EXPECTED: dict[str, Callable[[Any], str]] = {
    "type": lambda v: said("must be {kind}", kind=v),
    "enum": lambda v: said("must be one of {values}", values=", ".join(map(str, v or ()))),
    "pattern": lambda v: said("is not in the expected form (see docs/policy.md)"),
    "minimum": lambda v: said("must be at least {number}", number=v),
    "maximum": lambda v: said("must be at most {number}", number=v),
    "uniqueItems": lambda v: said("lists the same entry twice"),
    "minLength": lambda v: (
        said("must not be empty") if v == 1 else said("must be at least {count} characters long", count=v)
    ),
    "maxLength": lambda v: said("must be at most {count} characters long", count=v),
    "minProperties": lambda v: (
        said("must not be empty") if v == 1 else said("must have at least {count} entries", count=v)
    ),
    "maxProperties": lambda v: said("must have at most {count} entries", count=v),
}


def _describe(error: jsonschema.ValidationError) -> str:
    """One error, naming the field and what would be right, without echoing long values."""
    where = _field(error.absolute_path)
    if "propertyNames" in error.schema_path:
        allowed = error.validator_value if error.validator == "enum" else None
        hint = _EXPECTED["enum" if allowed else "pattern"](allowed)
        return said("field {field}: unknown key {key}: {hint}", field=where, key=repr(error.instance), hint=hint)
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed)) if isinstance(error.instance, dict) else []
        fields = ", ".join(f"{where}.{e}" if error.absolute_path else e for e in extra)
        if allowed and len(allowed) <= 20:
            return said(
                "unknown field {fields}: remove it or check the spelling (known: {known})",
                fields=fields,
                known=", ".join(allowed),
            )
        return said("unknown field {fields}: remove it or check the spelling", fields=fields)
    if error.validator == "propertyNames":
        return said("{field}: {message}", field=where, message=error.message)
    if error.validator in _EXPECTED:
        # Only this error's message is built: the others would format a value of another kind (an int is no list).
        expected = _EXPECTED[str(error.validator)](error.validator_value)
        shown = repr(error.instance)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        if error.absolute_path and error.absolute_path[0] in SECRET_SETTINGS:  # problems are printed and logged
            shown = said("a value not shown: it is a secret")
        return said("field {field} {expected} (found {found})", field=where, expected=expected, found=shown)
    if error.validator == "anyOf" and error.context:
        # Explain against the alternative whose type matched (an object with a misspelt key, say), if any.
        matched = [e for e in error.context if e.validator != "type"]
        if matched:
            return _describe(matched[0])
        kinds = " or ".join(str(e.validator_value) for e in error.context)  # JSON type names, as in the schema
        return said(
            "field {field} must be {kinds} (found {kind})", field=where, kinds=kinds, kind=type(error.instance).__name__
        )
    return said("field {field}: {message}", field=where, message=error.message)


def validate(document: Any) -> list[str]:
    """Problems with one policy document, each naming the field; empty when it is valid."""
    if not isinstance(document, dict):
        return [said("the policy must be a JSON object ({{...}}), found a JSON {kind}", kind=type(document).__name__)]
    return [_describe(e) for e in sorted(_VALIDATOR.iter_errors(document), key=lambda e: list(e.absolute_path))]
