"""Policy and Community Standards: the policy in force with sources and locks, links, and notifications when
IT changes the policy or breaks its file."""

from __future__ import annotations

import json
import shutil
import types

import pytest

from clientsafe.ui.state import TrayState
from tests.conftest import ROOT
from tests.qt.conftest import make_tray, pair_browser

EXAMPLE = ROOT / "docs" / "examples" / "policy-youth-services.json"


@pytest.fixture
def system_policy(home, monkeypatch):
    file = home / "system-policy.json"
    shutil.copy(EXAMPLE, file)
    monkeypatch.setenv("CLIENTSAFE_SYSTEM_POLICY", str(file))
    return file


@pytest.fixture
def policy_tray(qtbot, qapp, tokens, book, desktop, system_policy):
    # A stand-in engine: these tests change the policy, and the session's real checker must not follow it.
    stand_in = types.SimpleNamespace(check=lambda *args: None)
    tray = make_tray(qtbot, stand_in, tokens, book, desktop)
    yield tray
    tray.shutdown()


def _row(window, name):
    """The IT / privacy officer view's columns of one setting: name, value as written, set by, locked."""
    for row in range(window.table.rowCount()):
        if window.table.item(row, 2).text() == name:
            return [window.table.item(row, c).text() for c in range(2, 6)]
    raise AssertionError(name)


def test_the_window_shows_the_policy_in_force_its_sources_locks_and_links(policy_tray, system_policy):
    policy_tray.policy_action.trigger()
    window = policy_tray.windows["policy"]
    assert window.isVisible()
    window.admin.box.setChecked(True)
    organisation = json.loads(system_policy.read_text())["organisation"]["name"]
    assert organisation in window.summary.text() and str(system_policy) in window.summary.text()
    assert _row(window, "media_release_reminder")[2:] == ["system policy file", "locked"]
    assert _row(window, "fail_mode")[2] == "system policy file"
    assert "Handbook 4.2: Client confidentiality" in window.links.text()
    assert 'href="https://riverbendyfs.org/community-standards"' in window.links.text()
    assert not window.problems.isVisible()


def test_without_links_the_window_says_who_adds_them(qtbot, qapp, tokens, book, desktop, home, monkeypatch):
    monkeypatch.setenv("CLIENTSAFE_SYSTEM_POLICY", str(home / "none.json"))
    tray = make_tray(qtbot, types.SimpleNamespace(check=lambda *a: None), tokens, book, desktop)
    try:
        window = tray.open_policy()
        assert "has not linked its confidentiality or social-media policy yet" in window.links.text()
        assert _row(window, "fail_mode")[2] == "built-in default"
    finally:
        tray.shutdown()


def test_when_it_changes_the_policy_then_a_notification_and_the_window_follows(policy_tray, system_policy, qtbot):
    pair_browser(policy_tray)
    window = policy_tray.open_policy()
    before = window.summary.text()
    data = json.loads(system_policy.read_text())
    data["fail_mode"] = "warn"
    system_policy.write_text(json.dumps(data))
    policy_tray.backend.store.load()  # what the reloader does every CLIENTSAFE_POLICY_RELOAD_SECONDS
    qtbot.waitUntil(lambda: any(n.title == "ClientSafe's policy changed" for n in policy_tray.notifier.history))
    assert window.summary.text() != before
    assert _row(window, "fail_mode")[1] == "warn"


def test_when_the_policy_file_breaks_then_problem_state_and_a_notification_naming_it(policy_tray, system_policy, qtbot):
    pair_browser(policy_tray)
    policy_tray.refresh()
    assert policy_tray.state is not TrayState.PROBLEM or policy_tray.facts.warnings
    system_policy.write_text("{ not json")
    policy_tray.backend.store.load()
    qtbot.waitUntil(lambda: bool(policy_tray.facts.policy_problems))
    assert policy_tray.state is TrayState.PROBLEM
    assert "the policy has a problem" in policy_tray.status_action.text()
    shown = policy_tray.notifier.history[-1]
    assert shown.title == "A problem with ClientSafe's policy"
    assert str(system_policy) in shown.body and "last good policy stays in force" in shown.body


def test_the_window_never_shows_the_audit_forwarding_secret(policy_tray, system_policy):
    """IT's collector token is in the system policy; staff see the header's name, never its value."""
    data = json.loads(system_policy.read_text())
    data["audit_forward_headers"] = {"Authorization": "Bearer s3cret-collector-token"}
    system_policy.write_text(json.dumps(data))
    policy_tray.backend.store.load()
    window = policy_tray.open_policy()
    shown = _row(window, "audit_forward_headers")
    assert "Authorization" in shown[1] and "s3cret" not in " ".join(shown)
    assert shown[2] == "system policy file"
    assert all(
        "s3cret" not in (window.table.item(r, c).toolTip() + window.table.item(r, c).text())
        for r in range(window.table.rowCount())
        for c in range(6)
    )
