"""Every word the tray shows can be translated, and has been into Spanish (issue 16 item 3).

A string literal handed straight to a Qt text setter, a widget's constructor or a notification, in
``tray/clientsafe/ui/*.py``, must come through ``self.tr()`` / ``translate()`` (or a ``QT_TRANSLATE_NOOP`` constant
translated where shown); the catalogue ``translations/clientsafe_es.ts`` must have a finished Spanish translation
for every source string pyside6-lupdate finds, and the compiled ``.qm`` must be what lrelease makes of it.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import ROOT

UI = ROOT / "tray" / "clientsafe" / "ui"
TS = UI / "translations" / "clientsafe_es.ts"
# Brief V renders the reasons in check_draft.py from one shared source (clientsafe.checker.explain).
NOT_OURS: set[str] = set()
# Calls whose string arguments people read.
SHOWN = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setAccessibleName",
    "setAccessibleDescription",
    "setPlaceholderText",
    "setStatusTip",
    "setWhatsThis",
    "addAction",
    "addItem",
    "setHorizontalHeaderLabels",
    "make_table",
    "showMessage",
    "notify",
    "QLabel",
    "QAction",
    "QPushButton",
    "QCheckBox",
    "QMessageBox",
    "question",
    "information",
    "warning",
    "critical",
    "getSaveFileName",
    "getOpenFileName",
    "RuntimeError",
}
TRANSLATING = {"tr", "translate", "_tr", "QT_TRANSLATE_NOOP"}
# Not words: an example address. Markup, placeholders and the product's name are not words either (``_words``).
FIXED = {"https://…/clients.csv"}
# Loggers' warning()/critical() write to the log for IT, not to a person's screen.
LOGGERS = {"log", "logger", "logging"}


def _words(text: str) -> bool:
    """True when ``text`` has words in it once markup, {placeholders} and the product's name are taken out."""
    bare = re.sub(r"<[^>]*>|\{[^}]*\}|ClientSafe", "", text)
    return text not in FIXED and any(c.isalpha() for c in bare)


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _literals(node: ast.AST, constants: dict[str, str] | None = None) -> list[str]:
    """The string literals in an argument that are not inside a translating call (``constants``: the module's
    own plain string constants, by name, which count as literals when handed over by name)."""
    constants = constants or {}
    if isinstance(node, ast.Name) and node.id in constants:
        return [constants[node.id]] if _words(constants[node.id]) else []
    if isinstance(node, ast.Call) and _name(node.func) in TRANSLATING:
        return []
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _literals(node.func.value, constants)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if _words(node.value) else []
    if isinstance(node, ast.JoinedStr):  # f-strings: their fixed parts are words, or they only join words
        fixed = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
        return [ast.unparse(node)] if _words(fixed) else []
    if isinstance(node, ast.BinOp):
        return _literals(node.left, constants) + _literals(node.right, constants)
    if isinstance(node, ast.IfExp):
        return _literals(node.body, constants) + _literals(node.orelse, constants)
    if isinstance(node, ast.List | ast.Tuple):
        return [text for element in node.elts for text in _literals(element, constants)]
    if isinstance(node, ast.Dict):
        return [text for value in node.values if value is not None for text in _literals(value, constants)]
    return []


def untranslated(source: str) -> list[tuple[int, str]]:
    tree = ast.parse(source)
    constants = {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node.func if isinstance(node, ast.Call) else None, ast.Attribute) and (
            _name(node.func.value) in LOGGERS  # type: ignore[union-attr]
        ):
            continue
        if isinstance(node, ast.Call) and _name(node.func) in SHOWN:
            arguments = [*node.args, *(k.value for k in node.keywords)]
            if _name(node.func) == "addItem":
                arguments = arguments[:1]  # addItem(text, data): the data is a key, not words
            for argument in arguments:
                found += [(node.lineno, text) for text in _literals(argument, constants)]
    return found


def test_the_scan_finds_an_untranslated_string_and_accepts_a_translated_one():
    assert untranslated('QLabel("Hello")') == [(1, "Hello")]
    assert untranslated('b.setText(f"Paused for {n} min")') == [(1, "f'Paused for {n} min'")]
    assert untranslated('n.notify("Title", body)') == [(1, "Title")]
    assert untranslated('QLabel(self.tr("Hello"))') == []
    assert untranslated('b.setText(self.tr("{n} min").format(n=n))') == []
    assert untranslated('n.notify(translate("TrayApp", "Title"), body)') == []
    assert untranslated('WHY = "Because"\nQLabel(WHY)') == [(2, "Because")]
    assert untranslated('WHY = QT_TRANSLATE_NOOP("W", "Because")\nQLabel(self.tr(WHY))') == []


@pytest.mark.parametrize("path", sorted(p for p in UI.glob("*.py") if p.name not in NOT_OURS), ids=lambda p: p.name)
def test_every_user_visible_string_in_the_tray_is_translatable(path: Path):
    assert untranslated(path.read_text(encoding="utf-8")) == [], f"wrap these in self.tr() in {path.name}"


def _messages() -> list[ET.Element]:
    return list(ET.parse(TS).getroot().iter("message"))


def test_the_catalogue_is_up_to_date_with_the_code(tmp_path):
    """pyside6-lupdate run over the code now finds exactly the source strings the catalogue has."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in sorted(UI.glob("*.py")) if p.name not in NOT_OURS | {"__init__.py"}]
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    found = {m.findtext("source") for m in ET.parse(fresh).getroot().iter("message")}
    kept = {m.findtext("source") for m in _messages() if m.find("translation").get("type") != "vanished"}
    assert found - kept == set(), "run `make translations` (pyside6-lupdate) and translate the new strings"
    assert len(found) > 150


def test_every_source_string_has_a_finished_spanish_translation():
    missing = [
        m.findtext("source")
        for m in _messages()
        if m.find("translation").get("type") not in ("vanished", "obsolete")
        and (m.find("translation").get("type") == "unfinished" or not (m.findtext("translation") or "").strip())
    ]
    assert missing == []


def test_placeholders_and_mnemonics_survive_translation():
    import re

    for message in _messages():
        source, spanish = message.findtext("source") or "", message.findtext("translation") or ""
        if message.find("translation").get("type") == "vanished":
            continue
        assert sorted(re.findall(r"\{\w+\}", source)) == sorted(re.findall(r"\{\w+\}", spanish)), source
        assert ("&" in source.replace("&&", "")) == ("&" in spanish.replace("&&", "")), source


def test_the_compiled_catalogue_is_what_lrelease_makes_of_the_ts(tmp_path):
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    built = tmp_path / "clientsafe_es.qm"
    subprocess.run([str(lrelease), str(TS), "-qm", str(built)], check=True, capture_output=True)
    assert built.read_bytes() == (UI / "translations" / "clientsafe_es.qm").read_bytes(), "run `make translations`"


@pytest.fixture
def english_after():
    yield
    from clientsafe.ui.translate import install

    install("en")


def _spanish(source: str) -> str:
    return next(m.findtext("translation") or "" for m in _messages() if m.findtext("source") == source)


def test_the_trays_terminal_lines_are_in_its_language_and_english_under_lang_c(qapp, capsys, english_after):
    """`clientsafe tray` tells a person at a terminal when it started, is ready and stopped, in the tray's language;
    in English the lines stay as bench/tray_startup.py and the start-up tests read them."""
    import types

    from clientsafe.ui import main
    from clientsafe.ui.translate import install

    ready = "ClientSafe ready: checking posts (local service on 127.0.0.1:{port})."
    tray = types.SimpleNamespace(no_tray=None, facts=types.SimpleNamespace(port=47391))
    for lang in ("en", "es"):
        assert install(lang)
        main._say_ready(tray, "")
    said = capsys.readouterr().out.splitlines()
    assert said == [ready.format(port=47391), _spanish(ready).format(port=47391)]
    assert said[1] != said[0] and "127.0.0.1:47391" in said[1]
    for lang in ("en", "es"):
        assert install(lang)
        main._say_stopped(True)
    assert capsys.readouterr().out.splitlines() == ["ClientSafe stopped.", _spanish("ClientSafe stopped.")]
