"""The Community Standards window driven like a person would: the page from the policy in force, Spanish, Copy as
Markdown, Save HTML (and a save that fails), the tray's menu entry. With CLIENTSAFE_SCREENSHOTS=1 the screenshot
goes to docs/screenshots/community-standards.png for the README."""

from __future__ import annotations

import os
import shutil
import types
from pathlib import Path

import pytest

from clientsafe.policy import PolicyStore
from clientsafe.standards import generate
from clientsafe.ui.qt import QGuiApplication, Qt
from clientsafe.ui.standards_window import StandardsWindow
from tests.conftest import ROOT
from tests.qt.conftest import make_tray

EXAMPLE = ROOT / "docs" / "examples" / "policy-youth-services.json"


def _shots(tmp_path: Path) -> Path:
    if os.environ.get("CLIENTSAFE_SCREENSHOTS") == "1":
        return ROOT / "docs" / "screenshots"
    return tmp_path


@pytest.fixture
def system_policy(home, monkeypatch):
    file = home / "system-policy.json"
    shutil.copy(EXAMPLE, file)
    monkeypatch.setenv("CLIENTSAFE_SYSTEM_POLICY", str(file))
    return file


@pytest.fixture
def policy(system_policy):
    return PolicyStore().load()


class Answers:
    """Stands in for the save dialog: the file the person picks (or "" for Cancel), and what they were offered."""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.offered: list[tuple[str, str, str]] = []

    def __call__(self, parent, caption, suggested, file_filter) -> str:
        self.offered.append((caption, suggested, file_filter))
        return self.answer


def _window(qtbot, policy, ask_where=None) -> StandardsWindow:
    window = StandardsWindow(lambda: policy, **({"ask_where": ask_where} if ask_where else {}))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_preview_shows_the_organisations_page_from_the_policy(qtbot, policy, tmp_path):
    window = _window(qtbot, policy)
    shown = window.preview.toPlainText()
    assert shown.startswith("Riverbend Youth & Family Services Community Standards")
    assert "We want these pages to be respectful, informative, encouraging and safe for young people." in shown
    assert "Extra protection for young people" in shown and "Contact us privately" in shown
    assert window.lang == "en" and window.copy_button.isEnabled() and not window.problem.isVisible()
    window.grab().save(str(_shots(tmp_path) / "community-standards.png"))


def test_choosing_spanish_rewrites_the_page_and_the_windows_own_words(qtbot, policy):
    window = _window(qtbot, policy)
    window.language.setFocus()
    qtbot.keyClick(window.language, Qt.Key.Key_Down)
    assert window.lang == "es"
    assert window.preview.toPlainText().startswith("Normas de la comunidad de Riverbend Youth & Family Services")
    assert window.copy_button.text() == "&Copiar como Markdown" and window.windowTitle().startswith("Normas")


def test_copy_as_markdown_puts_the_generators_markdown_on_the_clipboard(qtbot, policy):
    window = _window(qtbot, policy)
    qtbot.mouseClick(window.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == generate(policy.values, "md", "en")
    assert "Copied as Markdown" in window.status.text()


def test_save_html_writes_the_self_contained_page_where_the_person_chose(qtbot, policy, tmp_path):
    target = tmp_path / "standards.html"
    answers = Answers(str(target))
    window = _window(qtbot, policy, answers)
    window.language.setCurrentIndex(window.language.findData("es"))
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    assert target.read_text(encoding="utf-8") == generate(policy.values, "html", "es")
    assert answers.offered[0][1] == "normas-de-la-comunidad.html"
    assert window.status.text() == f"Guardado en {target}."


def test_a_save_that_fails_says_so_plainly_and_cancel_says_nothing(qtbot, policy, tmp_path):
    window = _window(qtbot, policy, Answers(str(tmp_path / "no-such-folder" / "page.html")))
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    assert "could not be saved" in window.status.text() and "Choose another folder" in window.status.text()
    assert not (tmp_path / "no-such-folder").exists()
    cancelled = _window(qtbot, policy, Answers(""))
    qtbot.mouseClick(cancelled.save_button, Qt.MouseButton.LeftButton)
    assert cancelled.status.text() == ""


def test_without_an_organisation_name_the_window_says_what_to_set_and_offers_nothing_to_copy(qtbot, home):
    window = _window(qtbot, PolicyStore(explicit_path=None).load())
    assert window.problem.isVisible() and "Set organisation.name in the policy" in window.problem.text()
    assert not window.copy_button.isEnabled() and not window.save_button.isEnabled()


def test_the_tray_menu_opens_the_window_with_the_policy_in_force(qtbot, qapp, tokens, book, desktop, system_policy):
    tray = make_tray(qtbot, types.SimpleNamespace(check=lambda *a: None), tokens, book, desktop)
    try:
        tray.standards_action.trigger()
        window = tray.windows["standards"]
        assert window.isVisible()
        assert window.preview.toPlainText().startswith("Riverbend Youth & Family Services Community Standards")
    finally:
        tray.shutdown()


def test_while_the_policy_is_still_being_read_the_window_says_so_and_offers_nothing(qtbot):
    window = _window(qtbot, None)
    assert window.problem.isVisible() and "still reading the organisation policy" in window.problem.text()
    assert not window.copy_button.isEnabled() and not window.save_button.isEnabled()
