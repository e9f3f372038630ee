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


def _enumerated() -> dict[str, list]:
    """Each declared setting whose value is a word from a fixed list (or yes/no), with the values it can take
    (a list setting: one of its words at a time)."""
    from clientsafe.policy.declaration import POLICY

    found: dict[str, list] = {}
    for setting in POLICY:
        schema = setting.schema
        if schema.get("type") == "boolean":
            found[setting.name] = [True, False]
        elif "enum" in schema:
            found[setting.name] = list(schema["enum"])
        elif "enum" in schema.get("items", {}):
            found[setting.name] = [[word] for word in schema["items"]["enum"]]
    return found


def _raw_words(enumerated: dict[str, list]) -> set[str]:
    words = {"true", "false", "True", "False"}
    for values in enumerated.values():
        for value in values:
            words.update(v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str))
    return words


def _shows_raw(text: str, raw: set[str]) -> bool:
    """A cell shows a raw value when it is one, or one item of a list is."""
    return text in raw or any(part.strip() in raw for part in text.split(","))


@pytest.fixture
def english_after():
    yield
    from clientsafe.ui.translate import install

    install("en")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_in_the_staff_view_no_cell_shows_a_raw_enumerated_or_yes_no_value(
    qtbot, qapp, home, system_policy, english_after, lang
):
    from clientsafe.policy import PolicyStore
    from clientsafe.ui.policy_window import PolicyWindow
    from clientsafe.ui.translate import install

    assert install(lang)
    enumerated = _enumerated()
    assert {"fail_mode", "language", "admin_view", "audit_forward_format", "review_sites"} <= enumerated.keys()
    raw = _raw_words(enumerated)
    window = PolicyWindow()
    qtbot.addWidget(window)
    assert not window.admin.on
    shown: list[str] = []
    # Each round sets every enumerated setting to its next value, so every value is shown once at least.
    for turn in range(max(len(values) for values in enumerated.values())):
        data = json.loads(EXAMPLE.read_text())
        data.update({name: values[turn % len(values)] for name, values in enumerated.items()})
        system_policy.write_text(json.dumps(data))
        policy = PolicyStore().load()
        assert list(policy.problems) == [] and all(policy[n] == data[n] for n in enumerated)
        window.show_policy(policy)
        visible = [c for c in range(window.table.columnCount()) if not window.table.isColumnHidden(c)]
        assert visible == [0, 1]
        cells = [window.table.item(r, c) for r in range(window.table.rowCount()) for c in visible]
        shown += [text for cell in cells for text in (cell.text(), cell.toolTip())]
    assert [text for text in shown if _shows_raw(text, raw)] == []


def test_in_the_it_view_the_policys_problems_are_in_the_windows_language(
    qtbot, qapp, home, system_policy, english_after, monkeypatch
):
    """The engine words its problems in English and keeps their template (clientsafe.say.said); the window says them
    in its own language."""
    import dataclasses

    from clientsafe import say
    from clientsafe.policy import PolicyStore
    from clientsafe.ui.policy_window import PolicyWindow
    from clientsafe.ui.translate import install

    english = "{file} is not valid JSON; the last good policy stays in force"
    spanish = "{file} no es JSON válido; sigue en vigor la última política válida"
    monkeypatch.setattr(say, "catalog", lambda lang: {english: spanish} if lang == "es" else {})
    problem = say.said(english, file="policy.json")
    policy = dataclasses.replace(PolicyStore().load(), problems=(problem,))
    assert install("es")
    window = PolicyWindow()
    qtbot.addWidget(window)
    window.admin.box.setChecked(True)
    window.show_policy(policy)
    assert spanish.format(file="policy.json") in window.problems.text()
    assert str(problem) not in window.problems.text()
