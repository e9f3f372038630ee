"""The tray speaks the language the policy names (or the computer's): the menu, the status line, windows and
notifications in Spanish with `language: es` (issue 16 item 3). Qt's catalogue is global to the application, so
each test puts English back when it ends."""

from __future__ import annotations

import json
import types

import pytest

from clientsafe.ui.translate import install
from tests.qt.conftest import make_tray

STAND_IN = types.SimpleNamespace(check=lambda *args: None)  # these tests need no real checker


@pytest.fixture
def english_after():
    yield
    install("en")


def _policy(home, monkeypatch, **values):
    file = home / "system-policy.json"
    file.write_text(json.dumps(values), encoding="utf-8")
    monkeypatch.setenv("CLIENTSAFE_SYSTEM_POLICY", str(file))


def _menu(tray):
    return [a.text() for a in tray.menu.actions() if not a.isSeparator()]


def test_when_the_policy_says_es_then_the_menu_status_and_windows_are_in_spanish(
    qtbot, qapp, tokens, book, desktop, home, monkeypatch, english_after
):
    monkeypatch.setenv("LANGUAGE", "en_US")  # the computer speaks English: the policy decides
    _policy(home, monkeypatch, language="es")
    tray = make_tray(qtbot, STAND_IN, tokens, book, desktop)
    try:
        qtbot.waitUntil(lambda: tray.language == "es", timeout=5000)
        menu = _menu(tray)
        assert menu[0] == "Listo: vincule un navegador para empezar"
        assert menu[1:4] == ["Revisar un &borrador…", "&Pausar 15 minutos", "Pausar 1 &hora"]
        assert "&Lista de clientes…" in menu and "&Salir" in menu
        assert "ningún navegador vinculado" in tray.tray.toolTip()

        warnings = tray.open_warnings()
        assert warnings.windowTitle() == "Avisos recientes — ClientSafe"
        headers = [warnings.table.horizontalHeaderItem(c).text() for c in range(warnings.table.columnCount())]
        assert headers == ["Fecha", "Sitio", "Cuenta", "Mostrado", "Tipo de riesgo", "Lo que eligió"]

        policy = tray.open_policy()
        titles = [policy.table.item(r, 0).text() for r in range(policy.table.rowCount())]
        assert "Idioma" in titles and "language" not in titles  # the plain Spanish title, not the key
        values = {policy.table.item(r, 0).text(): policy.table.item(r, 1).text() for r in range(len(titles))}
        assert values["Idioma"] == "Español"  # the plain word, not the raw value

        tray._decision("linkedin", "org", "block", [], "cancelled")
        shown = tray.notifier.history[-1]
        assert shown.title == "ClientSafe retuvo una publicación en LinkedIn"
        assert shown.body == "En LinkedIn (la cuenta de la organización): información de clientes. Usted no la publicó."
    finally:
        tray.shutdown()


def test_when_the_policy_leaves_it_to_the_system_then_a_spanish_computer_gets_spanish(
    qtbot, qapp, tokens, book, desktop, home, monkeypatch, english_after
):
    monkeypatch.setenv("LANGUAGE", "es_MX")
    _policy(home, monkeypatch, language="system")
    tray = make_tray(qtbot, STAND_IN, tokens, book, desktop, start=False)
    try:
        assert tray.language == "es"
        assert tray.status_action.text() == "Iniciando…"
        assert "Acerca &de ClientSafe" in _menu(tray)
        about = tray.open_about()
        assert about.windowTitle() == "Acerca de ClientSafe"
        assert about.autostart.text() == "&Iniciar ClientSafe al entrar en mi sesión"
    finally:
        tray.shutdown()


def test_an_english_computer_with_no_language_in_the_policy_gets_english(
    qtbot, qapp, tokens, book, desktop, home, monkeypatch
):
    monkeypatch.setenv("LANGUAGE", "en_GB")
    tray = make_tray(qtbot, STAND_IN, tokens, book, desktop)
    try:
        assert tray.language == "en"
        assert _menu(tray)[1] == "&Check a draft…"
        assert tray.status_action.text() == "Ready: pair a browser to start"
    finally:
        tray.shutdown()
