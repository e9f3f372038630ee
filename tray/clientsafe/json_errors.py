"""What went wrong in a JSON file, in words the reader's language has (``clientsafe.say``).

Python's ``json`` reports a broken file in a handful of fixed English phrases (``JSONDecodeError.msg``, from
``json/decoder.py`` and the C scanner ``_json``). A policy file IT mistyped is shown to staff in the tray and to IT in
the CLI, so each phrase is declared here as a ``said()`` message with its Spanish in the engine's catalog. A phrase a
later Python adds is shown as Python says it, rather than not at all.
"""

from __future__ import annotations

import json

from clientsafe.say import Said, said

PHRASES: dict[str, Said] = {
    "Expecting value": said("a value was expected"),
    "Expecting property name enclosed in double quotes": said('a field name in double quotes (") was expected'),
    "Expecting ':' delimiter": said("a colon (:) was expected"),
    "Expecting ',' delimiter": said("a comma (,) was expected"),
    "Unterminated string starting at": said("a text value is not closed with a double quote"),
    "Invalid control character at": said("a text value has a control character (a line break or tab) in it"),
    "Invalid \\escape": said("a backslash (\\) starts an escape JSON does not have"),
    "Invalid \\uXXXX escape": said("a \\u escape is not four hexadecimal digits"),
    "Extra data": said("more follows the end of the JSON"),
}


def reason(error: json.JSONDecodeError) -> str:
    """``error``'s phrase as a sayable message (a :class:`Said`), or Python's own words for one we do not know."""
    return PHRASES.get(error.msg, error.msg)
