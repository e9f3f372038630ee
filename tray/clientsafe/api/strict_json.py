"""JSON parsing that refuses what a browser extension never sends but an attacker might.

The standard library accepts NaN and Infinity, silently keeps the last of duplicate keys and recurses
until Python's stack gives out. Each of those is refused here with a short reason.
"""

from __future__ import annotations

import json
from typing import Any

MAX_DEPTH = 16


class JsonRefused(ValueError):
    """The body is not acceptable JSON; the message says why (and never quotes the body)."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise JsonRefused(f"duplicate key {key!r}")
        seen[key] = value
    return seen


def _no_constants(name: str) -> Any:
    raise JsonRefused(f"{name} is not allowed in JSON")


def _depth(raw: str) -> int:
    depth = deepest = 0
    in_string = escaped = False
    for ch in raw:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def parse(body: bytes) -> Any:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise JsonRefused(f"body is not valid UTF-8 (byte {e.start})") from None
    if _depth(text) > MAX_DEPTH:
        raise JsonRefused(f"JSON nested deeper than {MAX_DEPTH} levels")
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except JsonRefused:
        raise
    except json.JSONDecodeError as e:
        raise JsonRefused(f"invalid JSON: {e.msg} at line {e.lineno} column {e.colno}") from None
