"""The roster window refuses a much smaller list until the person confirms it, and says why with both numbers."""

from __future__ import annotations

import pytest

from clientsafe.ui.qt import QMessageBox


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch):
    # The roster key goes to a file under CLIENTSAFE_HOME, never this machine's keyring.
    monkeypatch.setattr("clientsafe.secret_store.keyring_usable", lambda: False)


def _csv(folder, count: int, name: str):  # type: ignore[no-untyped-def]
    first = ["Keisha", "Dana", "Marcus", "Lena", "Tomas", "Priya", "Noah", "Imani", "Rafael", "Mei"]
    last = ["Brown", "Whitman", "Okafor", "Lindqvist", "Reyes", "Nair", "Hartley", "Mensah", "Duarte", "Tanaka"]
    path = folder / name
    path.write_text("Name\n" + "\n".join(f"{first[i % 10]} {last[i // 10]}" for i in range(count)) + "\n", "utf-8")
    return str(path)


def test_a_much_smaller_list_asks_first_and_is_imported_only_when_confirmed(tray, qtbot, tmp_path, monkeypatch):
    window = tray.open_roster()
    window.start_import(_csv(tmp_path, 40, "all.csv"))
    qtbot.waitUntil(lambda: window.message.text().startswith("Imported 40"), timeout=30_000)

    asked: list[str] = []
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])

    def question(parent, title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", question)
    small = _csv(tmp_path, 3, "small.csv")
    window.start_import(small)
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=30_000)
    assert "The file has 3 clients; the roster in force has 40" in asked[0]
    assert "Nothing was imported" in window.message.text() and "40 clients" in window.status.text()

    window.start_import(small)  # the same file again; this time the person says the smaller list is right
    qtbot.waitUntil(lambda: window.message.text().startswith("Imported 3"), timeout=30_000)
    assert len(asked) == 2 and window.status.text().startswith("3 clients")
