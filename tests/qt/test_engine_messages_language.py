"""What the engine says reaches staff in the tray's language: a locked keyring, a broken policy file, a roster that
cannot be used and an audit the disk refuses are notified and listed in About in Spanish when the policy says
``language: es``, and in English otherwise; a language the policy changes later reaches About too. Qt's catalogue
is global to the application, so each test puts English back when it ends."""

from __future__ import annotations

import json
import types

import pytest

from clientsafe import paths
from clientsafe.api.tokens import TokenStore
from clientsafe.audit import AuditEvent
from clientsafe.ui.translate import install
from tests.api.fake_keyrings import lockable_keyring
from tests.qt.conftest import make_tray

STAND_IN = types.SimpleNamespace(check=lambda *args: None)  # these tests need no real checker

# A phrase of each fault's message, as staff read it in each language.
SAID = {
    "es": {
        "keyring": "ClientSafe no puede leer su llavero",
        "policy": "no es JSON válido",
        "policy_after": "Este archivo se ignora hasta que se corrija.",
        "roster": "No se puede leer la lista de clientes porque falló el llavero",
        "audit": "el registro de auditoría no se está guardando (el disco está lleno)",
    },
    "en": {
        "keyring": "ClientSafe can't read its keyring",
        "policy": "not valid JSON",
        "policy_after": "This file is ignored until it is fixed.",
        "roster": "The client roster cannot be read because the keyring failed",
        "audit": "the audit log is not being written (the disk is full)",
    },
}


@pytest.fixture
def english_after():
    yield
    install("en")


@pytest.fixture
def lockable():
    with lockable_keyring() as backend:
        yield backend


def _system_policy(home, monkeypatch, **values):
    file = home / "system-policy.json"
    file.write_text(json.dumps(values), encoding="utf-8")
    monkeypatch.setenv("CLIENTSAFE_SYSTEM_POLICY", str(file))


def _broken_user_policy():
    file = paths.config_dir() / "policy.json"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text('{"fail_mode": ', encoding="utf-8")


def _roster(home):
    from clientsafe.roster import import_roster

    csv = home / "clients.csv"
    csv.write_text("Name\nMarisol Quintanilla\nDeshawn Okafor\n", encoding="utf-8")
    import_roster(str(csv))


def _fill_the_disk(tray, qtbot):
    """SQLite's own "database or disk is full", as tests/qt/test_tray_faults.py makes it."""
    audit = tray.backend.audit
    pages = audit._conn.execute("PRAGMA page_count").fetchone()[0]
    audit._conn.execute(f"PRAGMA max_page_count = {pages}")
    for _ in range(200):
        audit.record(AuditEvent(kind="check", site="facebook", account="personal", action="block"))
        if not audit.flush(5):
            break
    qtbot.waitUntil(lambda: not audit.writing, timeout=10_000)


def _faulty_tray(qtbot, book, desktop, home, lockable):
    """A tray whose keyring is locked (with a browser paired and a roster imported before), whose user policy
    file is broken, and whose audit cannot be written."""
    file = home / "data" / "paired-browsers.json"
    TokenStore(file=file).issue("Chrome on LAPTOP-7")
    _roster(home)
    _broken_user_policy()
    lockable.locked = True
    tray = make_tray(qtbot, STAND_IN, TokenStore(file=file), book, desktop)
    _fill_the_disk(tray, qtbot)
    tray.refresh()
    return tray


@pytest.mark.parametrize("lang", ["es", "en"])
def test_when_the_engine_reports_faults_then_notifications_and_about_are_in_the_trays_language(
    lang, qtbot, qapp, book, desktop, home, monkeypatch, lockable, english_after
):
    monkeypatch.setenv("LANGUAGE", "en_US")  # the computer speaks English: the policy decides
    _system_policy(home, monkeypatch, language=lang)
    tray = _faulty_tray(qtbot, book, desktop, home, lockable)
    try:
        qtbot.waitUntil(lambda: tray.language == lang, timeout=5000)
        tray._roster_changed(None)  # the roster window or another process changed it: the tray says how it stands
        bodies = [n.body for n in tray.notifier.history]
        said, other = SAID[lang], SAID["en" if lang == "es" else "es"]
        for fault in ("keyring", "policy", "roster"):
            assert any(said[fault] in body for body in bodies), (fault, bodies)
            assert not any(other[fault] in body for body in bodies), (fault, bodies)

        about = tray.open_about().status.text()
        for fault in ("keyring", "policy", "policy_after", "audit"):
            assert said[fault] in about, (fault, about)
            assert other[fault] not in about, (fault, about)
    finally:
        tray.shutdown()


def test_when_the_policy_changes_the_language_then_about_says_the_same_faults_in_it(
    qtbot, qapp, book, desktop, home, monkeypatch, lockable, english_after
):
    monkeypatch.setenv("LANGUAGE", "en_US")
    _system_policy(home, monkeypatch, language="en")
    tray = _faulty_tray(qtbot, book, desktop, home, lockable)
    try:
        assert SAID["en"]["keyring"] in tray.open_about().status.text()
        _system_policy(home, monkeypatch, language="es")
        tray.backend.store.load()  # what the policy reloader does when IT changes the file
        qtbot.waitUntil(lambda: tray.language == "es", timeout=5000)
        about = tray.open_about().status.text()
        for fault in ("keyring", "policy", "audit"):
            assert SAID["es"][fault] in about, (fault, about)
            assert SAID["en"][fault] not in about, (fault, about)
    finally:
        tray.shutdown()


def test_when_the_tray_speaks_spanish_then_the_pair_and_roster_windows_say_the_keyring_in_spanish(
    qtbot, qapp, book, home, lockable, english_after
):
    from clientsafe.ui.pair_window import PairWindow
    from clientsafe.ui.roster_window import RosterWindow

    file = home / "data" / "paired-browsers.json"
    TokenStore(file=file).issue("Chrome on LAPTOP-7")
    _roster(home)
    lockable.locked = True
    assert install("es")
    pair = PairWindow(TokenStore(file=file), book)
    qtbot.addWidget(pair)
    assert SAID["es"]["keyring"] in pair.paired_empty.text()
    roster = RosterWindow()
    qtbot.addWidget(roster)
    assert roster.status.text().startswith(SAID["es"]["roster"])
    assert SAID["en"]["keyring"] not in pair.paired_empty.text() + roster.status.text()
