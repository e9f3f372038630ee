"""Loading the practice scenarios: the built-in library (``clientsafe/data/practice/scenarios.json``) and the
organisation's own examples (the policy's ``practice_examples``), each checked against ``schema.py``.

A bad file is refused whole with a plain message naming the scenario's id (or its position when it has none) and
the field: a half-loaded library would quietly give rounds without some answers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from clientsafe.practice.schema import ANSWERS, KINDS, LANGS, SCENARIO_SCHEMA, SECTIONS

__all__ = ["ANSWERS", "KINDS", "LANGS", "SECTIONS", "LibraryError", "Scenario", "builtin_path", "load_library"]

_VALIDATOR = Draft202012Validator(SCENARIO_SCHEMA)


class LibraryError(ValueError):
    """The scenarios cannot be used; the message says which scenario, which field and what to do."""


@dataclass(frozen=True)
class Scenario:
    id: str
    lang: str
    kind: str
    site: str
    account: str
    role: str
    context: str
    text: str
    answer: str
    reason: str
    rewrite: str | None
    policy_section: str
    incident_kind: str
    from_organisation: bool = False  # one of the policy's practice_examples

    def public(self) -> dict[str, Any]:
        """What a person sees before answering (the extension page gets this): no answer, reason or rewrite."""
        return {
            "id": self.id,
            "lang": self.lang,
            "kind": self.kind,
            "site": self.site,
            "account": self.account,
            "role": self.role,
            "context": self.context,
            "text": self.text,
        }


def builtin_path() -> Path:
    return Path(str(resources.files("clientsafe") / "data" / "practice" / "scenarios.json"))


def load_library(path: Path | None = None, examples: Iterable[Any] = ()) -> list[Scenario]:
    """The scenarios of ``path`` (default: the built-in library) followed by the organisation's examples.

    An organisation example with the id of a built-in scenario replaces it (the organisation's wording wins).
    Raises LibraryError when the file or an example is not usable.
    """
    path = path or builtin_path()
    where = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LibraryError(f"{where}: the practice scenarios are missing. Reinstall ClientSafe.") from None
    except (OSError, UnicodeDecodeError) as e:
        raise LibraryError(f"{where}: the practice scenarios cannot be read ({e}). Reinstall ClientSafe.") from None
    except json.JSONDecodeError as e:
        raise LibraryError(
            f"{where}: line {e.lineno}: not valid JSON ({e.msg}). Fix the file or reinstall ClientSafe."
        ) from None
    items = data.get("scenarios") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise LibraryError(f'{where}: expected a list of scenarios (or {{"scenarios": [...]}}).')
    builtin = parse(items, where)
    own = parse(list(examples), "the policy's practice_examples", from_organisation=True)
    replaced = {s.id for s in own}
    return [s for s in builtin if s.id not in replaced] + own


def parse(items: list[Any], where: str, from_organisation: bool = False) -> list[Scenario]:
    """Validate every item; the first problem (in file order) is raised, naming the scenario and field."""
    seen: set[str] = set()
    out: list[Scenario] = []
    for position, item in enumerate(items, start=1):
        name = _name(item, position)
        errors = sorted(_VALIDATOR.iter_errors(item), key=lambda e: list(e.path))
        if errors:
            raise LibraryError(f"{where}: {name}: {_explain(errors[0])}. Fix that scenario, then try again.")
        if item["id"] in seen:
            raise LibraryError(f"{where}: {name}: the id is used twice. Give each scenario its own id.")
        seen.add(item["id"])
        fields = {**item, "rewrite": item["rewrite"] or None}  # an empty rewrite means there is none
        out.append(Scenario(**fields, from_organisation=from_organisation))
    return out


def _name(item: Any, position: int) -> str:
    if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"]:
        return f"scenario {item['id']!r}"
    return f"scenario number {position} (it has no id)"


def _explain(error: Any) -> str:
    """One schema error in plain words, with the field it is about."""
    if error.validator == "required":
        missing = [name for name in error.validator_value if name not in error.instance]
        return f"the field {missing[0]!r} is missing" if missing else error.message
    if error.validator == "additionalProperties":
        return f"unknown field ({error.message})"
    field = error.path[0] if error.path else None
    if field is None:
        return "it is not an object of fields"
    if error.validator == "enum":
        return f"field {field!r} must be one of {', '.join(map(str, error.validator_value))}, not {error.instance!r}"
    if error.validator in ("type", "anyOf"):
        return f"field {field!r} has the wrong type ({error.instance!r})"
    if error.validator in ("minLength", "maxLength"):
        return f"field {field!r} is empty or too long"
    if error.validator == "pattern":
        return f"field {field!r} has characters it may not have ({error.instance!r})"
    return f"field {field!r}: {error.message}"
