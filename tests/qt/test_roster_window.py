"""Client roster: status, import with progress (a real CSV), clear, and the roster-changed notification."""

from __future__ import annotations

import pytest

from clientsafe.ui.roster_window import EMPTY
from tests.conftest import DATA


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch):
    # The roster key goes to a file under CLIENTSAFE_HOME, never this machine's keyring.
    monkeypatch.setattr("clientsafe.secret_store.keyring_usable", lambda: False)


def test_roster_import_progress_status_clear_and_notifications(tray, qtbot):
    tray.roster_action.trigger()
    window = tray.windows["roster"]
    assert window.isVisible() and window.status.text() == EMPTY
    stages = []
    window._progress.changed.connect(lambda stage, done, total: stages.append(stage))
    window.start_import(str(DATA / "roster.csv"))
    qtbot.waitUntil(lambda: window.message.text().startswith("Imported"), timeout=30_000)
    assert {"read", "hash", "write"} <= set(stages)
    assert not window.progress.isVisible() and window.import_file_button.isEnabled()
    assert "clients, imported" in window.status.text()
    assert any(n.title == "ClientSafe's client roster changed" for n in tray.notifier.history)
    assert window.clear_roster()
    assert window.status.text() == EMPTY
    assert "no longer recognises clients" in tray.notifier.history[-1].body


def test_when_the_file_cannot_be_imported_then_nothing_changes_and_it_says_why(tray, qtbot, tmp_path):
    window = tray.open_roster()
    window.start_import(str(tmp_path / "missing.csv"))
    qtbot.waitUntil(lambda: window.message.text().startswith("Nothing was imported"), timeout=10_000)
    assert "The roster in force is unchanged." in window.message.text()
    assert window.status.text() == EMPTY
    window.url.setText("")
    window.import_url_button.click()
    assert "Give the HTTPS address" in window.message.text()
