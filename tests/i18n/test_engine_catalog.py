"""The engine's messages (keyring, audit, roster, policy, pairing, the service's start) reach staff in Spanish: every
``said("...")`` in the engine has its Spanish in ``data/engine_messages_es.json`` with the same placeholders, and the
catalog holds nothing the engine no longer says. The tray and the CLI say them with ``say.in_language``."""

from __future__ import annotations

import ast
import json
import re
import string
from pathlib import Path

from clientsafe.policy.schema import validate
from clientsafe.roster.sync import UNCHANGED
from clientsafe.said_parts import from_record, joined, to_record
from clientsafe.say import Said, in_language, said
from tests.conftest import ROOT

PACKAGE = ROOT / "tray" / "clientsafe"
CATALOG_FILE = PACKAGE / "data" / "engine_messages_es.json"
CATALOG = json.loads(CATALOG_FILE.read_text(encoding="utf-8"))
# The command line has its own catalog (tests/i18n/test_cli_catalog.py).
NOT_ENGINE = {"cli"}


def _engine_modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] not in NOT_ENGINE)


def _said_literals() -> dict[str, str]:
    """Every ``said("...")`` template in the engine, with where it is."""
    found = {}
    for path in _engine_modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "said":
                arg = node.args[0] if node.args else None
                where = f"{path.relative_to(PACKAGE)}:{node.lineno}"
                assert isinstance(arg, ast.Constant) and isinstance(arg.value, str), f"{where}: not a literal"
                found[arg.value] = where
    return found


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _has_words(template: str) -> bool:
    """A template of placeholders and punctuation only ("{first}; {rest}") is said as it is in every language."""
    literal = "".join(text for text, _, _, _ in string.Formatter().parse(template))
    return re.search(r"[A-Za-z]{2}", literal) is not None


def test_every_engine_message_has_spanish_with_the_same_placeholders():
    wrapped = {text: where for text, where in _said_literals().items() if _has_words(text)}
    assert len(wrapped) >= 100  # keyring, audit, roster, policy, pairing, service: far more than a few
    missing = sorted(f"{where}: {text!r}" for text, where in wrapped.items() if text not in CATALOG)
    assert missing == []
    for text in wrapped:
        assert CATALOG[text].strip() and CATALOG[text] != text, text
        assert _fields(CATALOG[text]) == _fields(text), text


def test_the_engine_catalog_holds_no_message_the_engine_no_longer_says():
    said_now = {text for text in _said_literals() if _has_words(text)}
    assert sorted(set(CATALOG) - said_now) == []


def test_spanish_is_addressed_as_usted_not_tu():
    # "tú" forms a translator slips into: imperatives and possessives of the informal register.
    informal = re.compile(r"\b(tu|tus|puedes|debes|intenta|revisa|elige|pide|desbloquea|importa|usa)\b")
    assert sorted(spanish for spanish in CATALOG.values() if informal.search(spanish.lower())) == []


def test_when_a_message_is_built_from_messages_then_each_part_is_said_in_spanish():
    problems = validate({"fail_mode": "sometimes", "nonsense": 1})
    assert len(problems) == 2
    whole = joined(problems)
    assert whole == "; ".join(problems)  # the same English as before, for logs and the CLI
    spanish = in_language(whole, "es")
    assert "debe ser uno de" in spanish and "campo desconocido nonsense" in spanish
    assert "must be" not in spanish and "unknown field" not in spanish


def test_a_message_kept_in_a_file_is_said_in_spanish_when_read_back():
    empty = "The file is empty. Export the client list again (as CSV) and import that file."
    message = said("{problem} {unchanged}", problem=said(empty), unchanged=UNCHANGED)
    record = json.loads(json.dumps(to_record(message)))  # as roster-sync.json keeps it
    again = from_record(record, str(message))
    assert isinstance(again, Said) and again == message
    assert in_language(again, "es") == f"{CATALOG[empty]} {CATALOG[str(UNCHANGED)]}"
    assert from_record(record, "edited by hand") == "edited by hand"  # the English written beside it wins
