"""How each declared setting is stored where the OS manages it: a Group Policy registry value, a profile key.

One mapping from a setting's JSON Schema to a storage kind, used both by the ADMX generator (``admx.py``, which
tells Group Policy what to write) and by the reader (``os_managed.py``, which reads it back), so what IT's
templates write is exactly what the app decodes. The kinds follow what Chrome's own templates do (Chromium's
``admx_writer.py`` and ``registry_dict.cc``): booleans as REG_DWORD 0/1, integers as REG_DWORD, enums and text
as REG_SZ, string lists as numbered REG_SZ values ("1", "2", ...) under a subkey named after the setting, and
anything else (objects, lists of objects) as one REG_SZ holding the JSON value.

A schema that fits none of these raises ``UnmappableSetting`` naming the setting, so a new setting of a new
JSON type fails the template build and its tests loudly instead of being left out of IT's templates.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from clientsafe import json_errors
from clientsafe.say import said

# Registry value types (the numbers winreg uses), so the decoding below runs and is tested on any OS.
REG_SZ, REG_EXPAND_SZ, REG_DWORD, REG_MULTI_SZ, REG_QWORD = 1, 2, 4, 7, 11
REG_TYPE_NAMES = {
    REG_SZ: "REG_SZ",
    REG_EXPAND_SZ: "REG_EXPAND_SZ",
    REG_DWORD: "REG_DWORD",
    REG_MULTI_SZ: "REG_MULTI_SZ",
}
# ADMX decimal elements are unsigned 32-bit; Chrome reads a DWORD as a signed int, so stay under 2**31.
DWORD_MAX = 2**31 - 1
# ADMX text elements default to 1023 characters; JSON values (an organisation profile) need far more.
TEXT_MAX = 1_000_000

KINDS = ("boolean", "decimal", "enum", "text", "list", "json")


class UnmappableSetting(ValueError):
    """A declared setting whose JSON type has no Group Policy element: map it in managed_types.py."""


@dataclass(frozen=True)
class Storage:
    kind: str  # one of KINDS
    minimum: int = 0  # decimal
    maximum: int = DWORD_MAX  # decimal
    choices: tuple[str, ...] = ()  # enum
    nullable: bool = False  # text/json: the value may be null (text: an empty string means null)
    max_length: int = TEXT_MAX  # text/json


def _bare(schema: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in schema.items() if k not in {"description", "title", "default", "$comment"}}


def _types(schema: dict[str, Any]) -> set[str]:
    kind = schema.get("type")
    if isinstance(kind, list):
        return set(kind)
    return {kind} if isinstance(kind, str) else set()


def storage_for(name: str, schema: dict[str, Any]) -> Storage:
    """The storage kind for one setting's schema; UnmappableSetting (naming ``name``) when there is none."""
    schema = _bare(schema)
    nullable = False
    alternatives = schema.get("anyOf") or schema.get("oneOf")
    if alternatives:
        rest = [a for a in alternatives if _types(a) != {"null"}]
        nullable = len(rest) < len(alternatives)
        if len(rest) != 1:
            raise UnmappableSetting(
                f"setting {name}: a choice between {len(rest)} non-null JSON types has no Group Policy element; "
                "give it one type or map it in clientsafe/policy/managed_types.py"
            )
        schema = _bare(rest[0])
    types = _types(schema)
    if "null" in types:
        nullable, types = True, types - {"null"}
    if "enum" in schema:
        choices = [c for c in schema["enum"] if c is not None]
        if not all(isinstance(c, str) for c in choices):
            raise UnmappableSetting(f"setting {name}: an enum of non-strings has no Group Policy element")
        return Storage("enum", choices=tuple(choices), nullable=nullable or None in schema["enum"])
    if len(types) != 1:
        raise UnmappableSetting(
            f"setting {name}: JSON type {sorted(types) or 'unspecified'} has no Group Policy element; "
            "declare one type or map it in clientsafe/policy/managed_types.py"
        )
    kind = types.pop()
    if kind == "boolean" and not nullable:
        return Storage("boolean")
    if kind == "integer" and not nullable:
        low, high = schema.get("minimum", 0), schema.get("maximum", DWORD_MAX)
        if low < 0 or high > DWORD_MAX:
            raise UnmappableSetting(
                f"setting {name}: integers from {low} to {high} do not fit a Group Policy decimal (0 to {DWORD_MAX})"
            )
        return Storage("decimal", minimum=int(low), maximum=int(high))
    if kind == "string":
        return Storage("text", nullable=nullable, max_length=int(schema.get("maxLength", TEXT_MAX)))
    if kind == "array" and not nullable and _types(_bare(schema.get("items", {}))) == {"string"}:
        return Storage("list")
    if kind in {"object", "array"}:
        return Storage("json", nullable=nullable)
    raise UnmappableSetting(
        f"setting {name}: JSON type {kind}{' or null' if nullable else ''} has no Group Policy element; "
        "map it in clientsafe/policy/managed_types.py"
    )


# --- the registry: what Group Policy writes for a value, and reading it back -----------------------------------


def to_registry(storage: Storage, value: Any) -> tuple[Any, int] | list[str]:
    """What the ADMX element writes for ``value``: (data, REG_ type) in the policy key, or a list's entries."""
    if storage.kind == "list":
        return [str(v) for v in value]
    if storage.kind in {"boolean", "decimal"}:
        return int(value), REG_DWORD
    if storage.kind == "json":
        return json.dumps(value, ensure_ascii=False), REG_SZ
    return ("" if value is None else str(value)), REG_SZ


class DecodeError(ValueError):
    """A registry or profile value that is not of the setting's kind; the message says what was expected."""


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise DecodeError(
            said(
                "is not valid JSON ({error} at line {line}, column {column})",
                error=json_errors.reason(e),
                line=e.lineno,
                column=e.colno,
            )
        ) from None


def from_registry(storage: Storage, data: Any, reg_type: int) -> Any:
    """The policy value for one registry value of this setting (lists: see ``list_from_registry``)."""
    type_name = REG_TYPE_NAMES.get(reg_type, f"registry type {reg_type}")
    text = data if reg_type in {REG_SZ, REG_EXPAND_SZ} and isinstance(data, str) else None
    if storage.kind in {"boolean", "decimal"}:
        number: int | None = data if reg_type in {REG_DWORD, REG_QWORD} and isinstance(data, int) else None
        if number is None and text is not None and text.strip().isdigit():
            number = int(text.strip())  # a decimal element with storeAsText, or a hand-made REG_SZ
        if number is None:
            raise DecodeError(said("must be a REG_DWORD (found {kind})", kind=type_name))
        if storage.kind == "boolean":
            if number not in (0, 1):
                raise DecodeError(said("must be 1 (enabled) or 0 (disabled) (found {number})", number=number))
            return bool(number)
        return number
    if storage.kind == "json":
        if reg_type == REG_MULTI_SZ and isinstance(data, list):
            text = "\n".join(str(line) for line in data)
        if text is None:
            raise DecodeError(said("must be a REG_SZ holding JSON (found {kind})", kind=type_name))
        return _json(text)
    if storage.kind == "list":
        if text is None:
            raise DecodeError(
                said("must be a subkey of numbered REG_SZ values, or a REG_SZ JSON list (found {kind})", kind=type_name)
            )
        return _json(text)
    if text is None:
        raise DecodeError(said("must be a REG_SZ (found {kind})", kind=type_name))
    return None if storage.nullable and text == "" else text


def list_from_registry(entries: dict[str, tuple[Any, int]]) -> list[Any]:
    """A list element's subkey: values named 1, 2, 3... (Group Policy's valuePrefix=""), in number order."""
    numbered = sorted((int(n), v) for n, v in entries.items() if n.isdigit())
    items = []
    for number, (data, reg_type) in numbered:
        if reg_type not in {REG_SZ, REG_EXPAND_SZ} or not isinstance(data, str):
            raise DecodeError(
                said(
                    "entry {number} must be a REG_SZ (found {kind})",
                    number=number,
                    kind=REG_TYPE_NAMES.get(reg_type, reg_type),
                )
            )
        items.append(data)
    return items


# --- a configuration profile (macOS managed preferences): plist types carry most values as they are ----------


def to_plist(storage: Storage, value: Any) -> Any:
    """A policy value as a profile key's value; a plist has no null, so null is "" (text) or "null" (JSON)."""
    if value is None:
        return "" if storage.kind in {"text", "enum"} else "null"
    return value


def from_plist(storage: Storage, value: Any) -> Any:
    """A profile key's value as a policy value: the inverse of ``to_plist``; JSON may also come as a string."""
    if storage.kind == "json" and isinstance(value, str):
        return _json(value)  # some MDM consoles can only enter text for a key
    if storage.nullable and value == "":
        return None
    return value
