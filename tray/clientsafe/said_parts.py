"""Building engine messages out of other messages without losing their Spanish.

An f-string, ``"; ".join`` or ``str()`` of a :class:`~clientsafe.say.Said` is plain English again; these keep each
part sayable in the reader's language (``say.in_language``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from clientsafe.say import Said, said


def joined(parts: Sequence[str]) -> str:
    """``"; ".join(parts)``, kept as one :class:`Said` so each part is translated where it is shown."""
    if not parts:
        return ""
    text = parts[-1]
    for part in reversed(parts[:-1]):
        # No words of its own: a template with only placeholders needs no catalog entry (it is said as it is).
        text = said("{first}; {rest}", first=part, rest=text)
    return text


def to_record(text: str) -> Any:
    """``text`` as JSON-ready data that :func:`from_record` makes sayable again (a file keeps a message that a
    later window shows in its reader's language); plain text stays plain."""
    if not isinstance(text, Said):
        return str(text)
    fields = {
        name: value if isinstance(value, int | float) else to_record(value) for name, value in text.fields.items()
    }
    return {"template": text.template, "fields": fields}


def from_record(record: Any, english: str) -> str:
    """The message :func:`to_record` kept, when it still says ``english`` (the plain text written beside it);
    otherwise ``english`` as it is (a record from another version, or edited by hand)."""
    try:
        text = _said_from(record)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return english
    return text if text == english else english


def _said_from(record: Any) -> Any:
    if not isinstance(record, dict):
        return record
    fields = {name: _said_from(value) for name, value in dict(record["fields"]).items()}
    return Said(str(record["template"]), fields)
