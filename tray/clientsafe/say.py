"""ClientSafe's words outside Qt, in the person's language: the command line's and the engine's.

Two ways in, one catalog per part (``data/<part>_messages_<lang>.json``, keyed by the English text):

- ``_("English text")`` says it now, in the process's language (``use(policy)``). The CLI uses it: each command
  reads its policy first, so it knows the language before it speaks.
- ``said("English {field}", field=...)`` is for the engine (roster, policy, api, audit, secret store), whose messages
  are made before anyone knows who will read them, and in which language: a policy problem is found while the
  policy that names the language is still being read. It returns a :class:`Said`, a ``str`` that is the English
  text (for logs, JSON and the audit's plain record) and keeps its template and fields, so the tray and the CLI can
  say it again in the reader's language with ``in_language(text, lang)``. Anything else passes through unchanged.

Why a JSON catalog keyed by the English text rather than gettext's .po/.mo: a few hundred short messages and two
languages; a JSON file needs no compile step (no .mo files to rebuild and ship, no babel dependency, which is not
installed here), reads as plainly as a .po in review, and the tests in ``tests/i18n/`` check each part both ways
(every wrapped message has its Spanish with the same placeholders; no entry the code no longer says). The tray's
own words are Qt's (``tr()`` and ``ui/translations``); these are the words it shows from the engine.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from clientsafe import i18n

PARTS = ("cli", "engine", "argparse")

_language: str | None = None


@cache
def catalog(lang: str) -> dict[str, str]:
    """English text -> the text in ``lang``, every part's catalog together (English itself needs none)."""
    if lang == "en":
        return {}
    merged: dict[str, str] = {}
    for part in PARTS:
        entry = resources.files("clientsafe") / "data" / f"{part}_messages_{lang}.json"
        if entry.is_file():
            merged.update(json.loads(entry.read_text(encoding="utf-8")))
    return merged


def use(policy: Any = None) -> str:
    """Speak the language ``policy`` (the policy in force; None: the computer's) gives from now on."""
    global _language
    _language = i18n.language(policy)
    return _language


def language() -> str:
    if _language is None:
        return use(None)
    return _language


def _(text: str) -> str:
    """``text`` in the process's language; a text missing from the catalog stays English rather than failing."""
    return catalog(language()).get(text, text)


class Said(str):
    """An engine message: the English text, with the template and fields to say it in another language."""

    template: str
    fields: Mapping[str, Any]

    def __new__(cls, template: str, fields: Mapping[str, Any]) -> Said:
        text = super().__new__(cls, template.format(**fields) if fields else template)
        text.template = template
        text.fields = dict(fields)
        return text

    def __reduce__(self) -> Any:  # copies and pickles keep the template (str's own would drop it)
        return (Said, (self.template, self.fields))


def said(template: str, **fields: Any) -> Said:
    """An engine message in English now, sayable later in the reader's language (``in_language``). A field may
    itself be a :class:`Said` (a reason inside a sentence); it is translated with the sentence."""
    return Said(template, fields)


def in_language(text: Any, lang: str | None = None) -> str:
    """``text`` in ``lang`` (default: the process's): a :class:`Said` is looked up in the catalog and its fields
    translated with it; any other text is returned as it is (a file name, an OS error's own words)."""
    lang = lang or language()
    if not isinstance(text, Said):
        return str(text)
    template = catalog(lang).get(text.template, text.template)
    fields = {
        name: in_language(value, lang) if isinstance(value, Said) else value for name, value in text.fields.items()
    }
    try:
        return template.format(**fields) if fields else template
    except (KeyError, IndexError, ValueError):  # a catalog entry out of step with its English: say the English
        return str(text)


def reason(error: BaseException) -> str:
    """What ``error`` says, still sayable: its :class:`Said` message when it has one, else its plain text
    (exceptions keep their argument, but ``str()`` of it is plain English)."""
    first = error.args[0] if len(error.args) == 1 else None
    return first if isinstance(first, Said) else str(error)


def error_text(error: BaseException, lang: str | None = None) -> str:
    """An engine error's message in ``lang``."""
    return in_language(reason(error), lang)


def shown(thing: Any, lang: str | None = None) -> str:
    """What the CLI prints for an engine message or error: an exception's message or a :class:`Said` in ``lang``
    (default: the process's), any other text as it is."""
    if isinstance(thing, BaseException):
        return error_text(thing, lang)
    return in_language(thing, lang)
