"""Reading one policy file, and the last-good copies that stay in force when a file breaks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from clientsafe import json_errors
from clientsafe.atomic_file import atomic_write
from clientsafe.policy.declaration import BY_NAME, META_KEYS, ORGANISATION_SCHEMA
from clientsafe.policy.schema import validate
from clientsafe.said_parts import joined
from clientsafe.say import said

MAX_POLICY_BYTES = 1024 * 1024


class PolicyFileError(ValueError):
    """A policy document that cannot be used; the message names the file and what is wrong.

    ``where`` is the file or URL, ``problems`` one message per field (each naming it).
    """

    def __init__(self, where: str, problems: list[str]) -> None:
        listed = joined(problems)
        super().__init__(said("{where}: {problems}", where=where, problems=listed) if where else listed)
        self.where = where
        self.problems = problems


def too_large() -> str:
    return said("larger than {kib} KiB: is this the right file?", kib=MAX_POLICY_BYTES // 1024)


def unreadable(error: object) -> str:
    return said("cannot be read ({error}): check its permissions", error=error)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise PolicyFileError("", [said("field {field} appears twice; keep one", field=key)])
        seen[key] = value
    return seen


def as_policy(document: Any) -> Any:
    """A bare organisation profile (the older ``--org`` format) is read as ``{"organisation": {...}}``."""
    org_keys = set(ORGANISATION_SCHEMA["properties"])
    if isinstance(document, dict) and document and set(document) <= org_keys and not set(document) & set(BY_NAME):
        return {"organisation": document}
    return document


def parse(raw: bytes, where: str) -> dict[str, Any]:
    """Bytes of a policy document -> a valid policy dict, or PolicyFileError naming ``where`` and the field."""
    if len(raw) > MAX_POLICY_BYTES:
        raise PolicyFileError(where, [too_large()])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise PolicyFileError(where, [said("not UTF-8 (byte {byte}): save the file as UTF-8", byte=e.start)]) from None
    try:
        document = as_policy(json.loads(text, object_pairs_hook=_no_duplicates))
    except json.JSONDecodeError as e:
        problem = said(
            "not valid JSON: {error} at line {line}, column {column}",
            error=json_errors.reason(e),
            line=e.lineno,
            column=e.colno,
        )
        raise PolicyFileError(where, [problem]) from None
    except PolicyFileError as e:
        raise PolicyFileError(where, e.problems) from None
    problems = validate(document)
    if problems:
        raise PolicyFileError(where, problems)
    return {k: v for k, v in document.items() if k not in META_KEYS}


def read(path: Path) -> dict[str, Any] | None:
    """The valid policy in ``path``; None when there is no such file; PolicyFileError when it is broken."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as e:
        raise PolicyFileError(str(path), [unreadable(e.strerror)]) from None
    return parse(raw, str(path))


def write_atomic(path: Path, data: Any) -> None:
    """Write JSON so a crash leaves either the old file or the new one, never half of one."""
    with atomic_write(path) as f:
        json.dump(data, f, indent=2, sort_keys=True, ensure_ascii=False)


def read_copy(path: Path) -> dict[str, Any] | None:
    """A copy ClientSafe saved itself (last good, URL cache); None when missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
