"""Every tray window can be used from the keyboard alone, and a screen reader can name every control: Tab
reaches each control that is shown, once, in reading order (top to bottom, left to right), and each has a name
through Qt's accessibility interface (its own, its text, or its buddy label) (issue 16 item 4)."""

from __future__ import annotations

import itertools
import json
import types

import pytest

from clientsafe.ui.qt import QApplication, Qt, QWidget
from clientsafe.ui.translate import install
from tests.conftest import ROOT
from tests.qt.conftest import make_tray

STAND_IN = types.SimpleNamespace(check=lambda *args: None)


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch):
    monkeypatch.setattr("clientsafe.secret_store.keyring_usable", lambda: False)


def _controls(window: QWidget) -> list[QWidget]:
    """What a person can act on: shown, enabled, and reachable by Tab."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLabel, QLineEdit, QTextBrowser

    kinds = (QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QTextBrowser)
    links = Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    return [
        w
        for w in window.findChildren(QWidget)
        if (isinstance(w, kinds) or (isinstance(w, QLabel) and w.textInteractionFlags() & links and w.text()))
        and w.isVisibleTo(window)
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.window() is window
    ]


def _tab_through(qtbot, window: QWidget, count: int) -> list[QWidget]:
    """Press Tab from the window's first control until focus comes back round; the controls visited, in order."""
    from PySide6.QtTest import QTest

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    first = window.focusWidget() or window
    seen: list[QWidget] = []
    QTest.keyClick(first, Qt.Key.Key_Tab)
    for _ in range(count * 3 + 3):
        focused = QApplication.focusWidget()
        if focused is None or (seen and focused is seen[0]):
            break
        seen.append(focused)
        QTest.keyClick(focused, Qt.Key.Key_Tab)
    return seen


def _name(widget: QWidget) -> str:
    from PySide6.QtGui import QAccessible

    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def _top_left(widget: QWidget, window: QWidget) -> tuple[int, int]:
    point = widget.mapTo(window, widget.rect().topLeft())
    return point.y(), point.x()


WINDOWS = ["about", "pair", "roster", "warnings", "policy", "standards", "practice", "no_tray"]


@pytest.mark.parametrize("which", WINDOWS)
def test_tab_reaches_every_control_in_reading_order_and_each_has_a_name(qtbot, qapp, tokens, book, desktop, which):
    tray = make_tray(qtbot, STAND_IN, tokens, book, desktop, tray_available=which != "no_tray")
    try:
        window = tray.no_tray if which == "no_tray" else getattr(tray, f"open_{which}")()
        admin = getattr(window, "admin", None)
        if admin is not None:
            admin.box.setChecked(True)  # the IT view's controls too
        qtbot.waitExposed(window)
        controls = _controls(window)
        assert controls
        visited = _tab_through(qtbot, window, len(controls))
        assert len(visited) == len(set(visited)), "a control is reached twice in one round"
        assert set(visited) == set(controls), [c.objectName() or _name(c) for c in set(controls) - set(visited)]
        rows = [_top_left(w, window) for w in visited]
        start = rows.index(min(rows))  # the round may begin anywhere; reading order from the top-left control
        ordered = rows[start:] + rows[:start]
        for before, after in itertools.pairwise(ordered):
            assert after[0] > before[0] - 8 or (abs(after[0] - before[0]) <= 8 and after[1] > before[1]), (
                f"Tab goes back up the window: {before} then {after}"
            )
        unnamed = [type(w).__name__ for w in controls if not _name(w).replace("&", "").strip()]
        assert unnamed == []
    finally:
        tray.shutdown()


# -- what a Spanish screen-reader user meets ---------------------------------------------------------------------
EXAMPLE = ROOT / "docs" / "examples" / "policy-youth-services.json"


@pytest.fixture
def english_after():
    yield
    install("en")  # Qt's catalogue is global to the application: the next test starts in English


def _policy_in(home, monkeypatch, lang: str) -> None:
    """The example policy with the tray's language set, and no page language of its own (the Community Standards
    window then opens in the tray's language)."""
    values = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    values["language"] = lang
    values["community_standards"].pop("language", None)
    file = home / f"system-policy-{lang}.json"
    file.write_text(json.dumps(values), encoding="utf-8")
    monkeypatch.setenv("CLIENTSAFE_SYSTEM_POLICY", str(file))


def _named(window: QWidget) -> dict[int, str]:
    """The names a screen reader meets: each control's and each label given a name of its own, keyed by the
    widget's place among the window's children (the same window built in another language has the same places)."""
    from PySide6.QtWidgets import QLabel

    controls = set(_controls(window))
    return {
        place: _name(w)
        for place, w in enumerate(window.findChildren(QWidget))
        if w in controls or (isinstance(w, QLabel) and w.accessibleName())
    } | {-1: _name(window)}


def _open(tray, which: str) -> QWidget:
    window = tray.no_tray if which == "no_tray" else getattr(tray, f"open_{which}")()
    admin = getattr(window, "admin", None)
    if admin is not None:
        admin.box.setChecked(True)  # the IT view's controls too
    return window


def _names_in(qtbot, tokens, book, desktop, which: str, lang: str) -> dict[int, str]:
    tray = make_tray(qtbot, STAND_IN, tokens, book, desktop, tray_available=which != "no_tray")
    try:
        qtbot.waitUntil(lambda: tray.language == lang, timeout=5000)
        return _named(_open(tray, which))
    finally:
        tray.shutdown()


def _has_words(name: str) -> bool:
    return any(c.isalpha() for c in name.replace("ClientSafe", ""))  # the product's name is the same in both


def _still_english(english: dict[int, str], spanish: dict[int, str]) -> dict[int, str]:
    """The Spanish window's names that are missing, or the same words as the English window's."""
    assert spanish.keys() == english.keys()
    return {
        place: name
        for place, name in spanish.items()
        if not name.strip() or (_has_words(name) and name == english[place])
    }


@pytest.mark.parametrize("which", WINDOWS)
def test_when_the_tray_speaks_spanish_then_every_name_a_screen_reader_meets_is_spanish(
    qtbot, qapp, tokens, book, desktop, home, monkeypatch, english_after, which
):
    monkeypatch.setenv("LANGUAGE", "en_US")  # the computer speaks English: the policy decides
    _policy_in(home, monkeypatch, "en")
    english = _names_in(qtbot, tokens, book, desktop, which, "en")
    _policy_in(home, monkeypatch, "es")
    spanish = _names_in(qtbot, tokens, book, desktop, which, "es")
    assert _still_english(english, spanish) == {}


@pytest.mark.parametrize("which", ["practice", "standards"])
def test_when_a_window_switches_its_own_language_then_its_names_follow(
    qtbot, qapp, tokens, book, desktop, home, monkeypatch, english_after, which
):
    """Practice and Community Standards choose their language themselves, whatever the tray speaks."""
    monkeypatch.setenv("LANGUAGE", "en_US")
    _policy_in(home, monkeypatch, "en")
    tray = make_tray(qtbot, STAND_IN, tokens, book, desktop)
    try:
        window = _open(tray, which)
        english = _named(window)
        window.language.setCurrentIndex(window.language.findData("es"))
        assert _still_english(english, _named(window)) == {}
        window.language.setCurrentIndex(window.language.findData("en"))
        assert _named(window) == english
    finally:
        tray.shutdown()
