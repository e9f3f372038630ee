"""Check a draft: the same verdict, highlights, reasons and rewrite the browser shows; keyboard first."""

from __future__ import annotations

from clientsafe.ui.check_draft import EMPTY, reason_titles
from clientsafe.ui.qt import QApplication, QGuiApplication, Qt

RISKY = "So proud of Maria from our youth shelter for making the honor roll 💙"


def _check(qtbot, window, text, org=False):
    window.editor.setPlainText(text)
    window.org_account.setChecked(org)
    qtbot.mouseClick(window.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.check_button.isEnabled() and window.banner.text() != "Checking…", timeout=20_000)


def test_when_opened_then_it_explains_what_to_do_and_that_nothing_is_saved(tray, qtbot):
    window = tray.open_check_draft()
    qtbot.addWidget(window)
    assert window.isVisible()
    assert window.banner.text() == EMPTY
    assert not window.details.isVisible() and not window.rewrite_box.isVisible()


def test_when_a_risky_draft_is_checked_then_verdict_highlights_reasons_and_rewrite(tray, qtbot, checker):
    window = tray.open_check_draft()
    _check(qtbot, window, RISKY)
    expected = checker.check(RISKY)
    assert window.verdict.action == expected.action == "block"
    assert window.banner.text().startswith("BLOCK: Hold this post")
    shown = window.details.toPlainText()
    for reason in expected.reasons:
        assert reason_titles()[reason.code] in shown  # the titles the extension shows (shared/reasons.json)
        assert reason.message in shown
    html = window.details.toHtml()
    assert "Maria" in html and "underline" in html  # marked by more than colour
    assert window.rewrite_box.isVisible()
    assert "Maria" not in window.rewrite
    qtbot.mouseClick(window.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == window.rewrite


def test_when_a_harmless_draft_is_checked_then_ok_and_no_rewrite(tray, qtbot):
    window = tray.open_check_draft()
    _check(qtbot, window, "Join us Saturday for the food drive at the community centre!")
    assert window.banner.text().startswith("ALLOW: OK to post")
    assert "Nothing here looks like client information." in window.details.toPlainText()
    assert not window.rewrite_box.isVisible()


def test_when_empty_then_it_asks_for_a_draft_and_checks_nothing(tray, qtbot):
    window = tray.open_check_draft()
    window.editor.setPlainText("   ")
    qtbot.mouseClick(window.check_button, Qt.MouseButton.LeftButton)
    assert window.banner.text().startswith("There is nothing to check yet")
    assert window.verdict is None


def test_when_the_check_fails_then_the_draft_is_kept_and_the_message_says_try_again(tray, qtbot, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the checker is still warming up")

    monkeypatch.setattr(tray.backend.checker, "check", broken)
    window = tray.open_check_draft()
    _check(qtbot, window, RISKY)
    assert "Could not check this draft" in window.banner.text()
    assert window.editor.toPlainText() == RISKY


def test_when_paused_the_window_still_checks_what_the_person_pasted(tray, qtbot):
    tray.pause(15 * 60)
    window = tray.open_check_draft()
    _check(qtbot, window, RISKY)
    assert window.verdict.action == "block"


def test_keyboard_tab_order_and_ctrl_enter(tray, qtbot):
    window = tray.open_check_draft()
    window.activateWindow()
    window.editor.setFocus()
    order = [window.editor]
    widget = window.editor
    for _ in range(3):
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisibleTo(window):
            widget = widget.nextInFocusChain()
        order.append(widget)
    assert order[1:] == [window.org_account, window.check_button, window.banner]
    window.editor.setPlainText(RISKY)
    window.check_button.animateClick()  # what Ctrl+Enter (the button's shortcut) does
    assert window.check_button.shortcut().toString() == "Ctrl+Return"
    qtbot.waitUntil(lambda: window.verdict is not None, timeout=20_000)
    for widget in (window.editor, window.org_account, window.banner, window.details, window.rewrite_view):
        assert widget.accessibleName()
    assert QApplication.instance() is not None
