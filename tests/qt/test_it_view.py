"""Staff see plain words; paths, setting names, raw values and the roster's import and clear wait behind the
IT / privacy officer view, and the policy's `admin_view: locked` takes that view away (issue 16 item 2)."""

from __future__ import annotations

import json
import types

import pytest

from clientsafe.roster import status
from tests.conftest import DATA
from tests.qt.conftest import make_tray

STAND_IN = types.SimpleNamespace(check=lambda *args: None)


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch):
    monkeypatch.setattr("clientsafe.secret_store.keyring_usable", lambda: False)


def _tray_with(qtbot, tokens, book, desktop, home, monkeypatch, **values):
    file = home / "system-policy.json"
    file.write_text(json.dumps(values), encoding="utf-8")
    monkeypatch.setenv("CLIENTSAFE_SYSTEM_POLICY", str(file))
    return make_tray(qtbot, STAND_IN, tokens, book, desktop)


def test_staff_see_plain_settings_and_no_roster_tools_until_they_open_the_it_view(
    qtbot, qapp, tokens, book, desktop, home, monkeypatch
):
    tray = _tray_with(qtbot, tokens, book, desktop, home, monkeypatch, block_can_be_overridden=False)
    try:
        policy = tray.open_policy()
        visible = [c for c in range(policy.table.columnCount()) if not policy.table.isColumnHidden(c)]
        assert visible == [0, 1]
        shown = {policy.table.item(r, 0).text(): policy.table.item(r, 1).text() for r in range(policy.table.rowCount())}
        assert "block_can_be_overridden" not in shown and "{" not in "".join(shown.values())
        assert shown["A held post can still be posted anyway"] == "No"
        assert str(home) not in policy.summary.text()
        policy.admin.box.setChecked(True)
        assert not policy.table.isColumnHidden(2) and str(home) in policy.summary.text()

        roster = tray.open_roster()
        assert roster.tools.isHidden() and roster.admin.box.isVisibleTo(roster)
        roster.admin.box.setChecked(True)
        assert not roster.tools.isHidden() and roster.import_file_button.isVisibleTo(roster)
    finally:
        tray.shutdown()


def test_when_the_policy_locks_the_it_view_then_staff_are_told_who_to_ask_and_nothing_is_imported(
    qtbot, qapp, tokens, book, desktop, home, monkeypatch
):
    tray = _tray_with(qtbot, tokens, book, desktop, home, monkeypatch, admin_view="locked")
    try:
        roster = tray.open_roster()
        assert not roster.admin.box.isVisibleTo(roster) and roster.tools.isHidden()
        said = roster.admin.locked.text()
        assert "Ask your IT team" in said and "clientsafe roster import" in said
        roster.start_import(str(DATA / "roster.csv"))  # even if reached some other way
        assert "clientsafe roster import" in roster.message.text()
        assert not status().loaded
        assert not roster.clear_roster()

        about = tray.open_about()
        assert not about.admin.box.isVisibleTo(about) and about.files.isHidden()
        policy = tray.open_policy()
        assert not policy.admin.box.isVisibleTo(policy) and policy.table.isColumnHidden(2)
    finally:
        tray.shutdown()
