"""The command line's words in the person's language: ``_("English text")`` looks the text up in
``data/cli_messages_es.json`` when ClientSafe speaks Spanish (``clientsafe.i18n.language(policy)``).

Why a JSON catalog keyed by the English text rather than gettext's .po/.mo: the CLI has a hundred-odd short
messages and two languages; a JSON file needs no compile step (no .mo files to rebuild and ship, no babel
dependency, which is not installed here), reads as plainly as a .po in review, and ``tests/i18n/test_cli_catalog.py``
checks it both ways (every wrapped message has a Spanish entry; every print/CliError literal is wrapped).
Placeholders are ``str.format`` fields, the same names in both languages.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from clientsafe import i18n

_language: str | None = None


@cache
def catalog(lang: str) -> dict[str, str]:
    """English text -> the text in ``lang`` (English itself needs no catalog)."""
    if lang == "en":
        return {}
    text = (resources.files("clientsafe") / "data" / f"cli_messages_{lang}.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


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
    """``text`` in the CLI's language; a text missing from the catalog stays English rather than failing."""
    return catalog(language()).get(text, text)
