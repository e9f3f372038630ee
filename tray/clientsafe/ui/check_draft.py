"""Check a draft: paste a post, see the verdict, the highlighted phrases and the reasons the browser would show,
and copy the suggested rewrite. Nothing typed here is saved, logged or sent anywhere."""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import cache
from typing import Any

from clientsafe.checker.reasons import load_reasons
from clientsafe.checker.verdict import apply_suggestions, still_to_edit
from clientsafe.display import _HEADLINE, highlight_spans
from clientsafe.ui.qt import (
    QCheckBox,
    QGuiApplication,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from clientsafe.ui.worker import Worker

EMPTY = "Paste or type a draft above, then choose Check (Ctrl+Enter). Nothing you type here is saved or sent anywhere."
# The verdict is said in words first; colour only repeats it.
_BANNER_STYLE = {
    "allow": "background:#e6f4ea;color:#0d5226;",
    "warn": "background:#fef7e0;color:#6b4500;",
    "block": "background:#fce8e6;color:#8c1d18;",
    "error": "background:#f1f3f4;color:#202124;",
}


@cache
def reason_titles() -> dict[str, str]:
    """Titles of the reasons, from the same texts the browser extension shows (shared/reasons.json)."""
    return {code: entry.get("title", "") for code, entry in load_reasons().items()}


def verdict_html(text: str, verdict: Any) -> str:
    """The draft with risky phrases marked (bold, underlined and shaded, so not by colour alone), then each
    reason with its teaching example and policy reference."""
    parts = []
    if verdict.action != "allow" and text.strip():
        marked, pos = [], 0
        for start, end in highlight_spans(text, verdict):
            marked.append(html.escape(text[pos:start]))
            marked.append(f'<b><u><span style="background:#fdd663">{html.escape(text[start:end])}</span></u></b>')
            pos = end
        marked.append(html.escape(text[pos:]))
        parts.append("<p>" + "".join(marked).replace("\n", "<br>") + "</p>")
    titles = reason_titles()
    for n, reason in enumerate(verdict.reasons, 1):
        title = titles.get(reason.code) or reason.code
        parts.append(f"<h3>{n}. {html.escape(title)}</h3><p>{html.escape(reason.message)}</p>")
        if reason.example:
            parts.append(f"<p><i>{html.escape(reason.example)}</i></p>")
        parts.append(f"<p>Policy: {html.escape(reason.policy_ref)}</p>")
    if still := still_to_edit(verdict):
        parts.append(f"<p><b>{html.escape(still)}</b></p>")
    if verdict.action == "allow":
        parts.append("<p>Nothing here looks like client information.</p>")
    return "".join(parts)


class CheckDraftWindow(QWidget):
    def __init__(self, check: Callable[[str, str], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check = check
        self._text = ""
        self.verdict: Any = None
        self.rewrite = ""
        self.setWindowTitle("Check a draft — ClientSafe")
        self.setAccessibleName("Check a draft")

        prompt = QLabel("&Draft post:")
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName("Draft post")
        self.editor.setPlaceholderText("Paste or type the post you are about to share…")
        self.editor.setTabChangesFocus(True)
        prompt.setBuddy(self.editor)

        self.org_account = QCheckBox("For the &organisation's account (not my personal one)")
        self.org_account.setAccessibleName("Post on the organisation's account")
        self.check_button = QPushButton("&Check")
        self.check_button.setDefault(True)
        self.check_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.check_button.setToolTip("Check the draft (Ctrl+Enter)")
        self.check_button.clicked.connect(self.run_check)

        self.banner = QLabel(EMPTY)
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("Verdict")
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.banner.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.details = QTextBrowser()
        self.details.setAccessibleName("Why, with the risky phrases marked")
        self.details.setOpenExternalLinks(False)
        self.details.hide()

        rewrite_label = QLabel("Suggested &rewrite:")
        self.rewrite_view = QPlainTextEdit()
        self.rewrite_view.setReadOnly(True)
        self.rewrite_view.setTabChangesFocus(True)
        self.rewrite_view.setAccessibleName("Suggested rewrite")
        self.rewrite_view.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        rewrite_label.setBuddy(self.rewrite_view)
        self.copy_button = QPushButton("Cop&y rewrite")
        self.copy_button.setAccessibleName("Copy the suggested rewrite")
        self.copy_button.clicked.connect(self.copy_rewrite)
        self.rewrite_box = QWidget()
        box = QVBoxLayout(self.rewrite_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(rewrite_label)
        box.addWidget(self.rewrite_view)
        box.addWidget(self.copy_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self.rewrite_box.hide()

        close = QPushButton("C&lose")
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.org_account)
        buttons.addStretch()
        buttons.addWidget(self.check_button)

        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.editor, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.banner)
        layout.addWidget(self.details, 3)
        layout.addWidget(self.rewrite_box)
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)
        # Tab order follows reading order: draft, account, Check, verdict, details, rewrite, Copy, Close.
        for first, second in (
            (self.editor, self.org_account),
            (self.org_account, self.check_button),
            (self.check_button, self.banner),
            (self.banner, self.details),
            (self.details, self.rewrite_view),
            (self.rewrite_view, self.copy_button),
            (self.copy_button, close),
        ):
            QWidget.setTabOrder(first, second)

        self.worker = Worker(self)
        self.worker.done.connect(self._show_verdict)
        self.worker.failed.connect(self._show_failure)
        self.resize(640, 620)

    def run_check(self) -> None:
        text = self.editor.toPlainText()
        if not text.strip():
            self.banner.setText("There is nothing to check yet: paste or type a draft first.")
            self.editor.setFocus()
            return
        self._text = text
        account = "org" if self.org_account.isChecked() else "personal"
        self.check_button.setEnabled(False)
        self.banner.setText("Checking…")
        self.banner.setStyleSheet("")
        self.worker.run(lambda: self._check(text, account))

    def _show_verdict(self, verdict: Any) -> None:
        self.check_button.setEnabled(True)
        self.verdict = verdict
        self.banner.setText(f"{verdict.action.upper()}: {_HEADLINE.get(verdict.action, '')}")
        self.banner.setStyleSheet(_BANNER_STYLE.get(verdict.action, "") + "padding:6px;font-weight:bold;")
        self.details.setHtml(verdict_html(self._text, verdict))
        self.details.show()
        self.rewrite = apply_suggestions(self._text, verdict) if verdict.suggestions else ""
        self.rewrite_view.setPlainText(self.rewrite)
        self.rewrite_box.setVisible(bool(self.rewrite))

    def _show_failure(self, error: Exception) -> None:
        self.check_button.setEnabled(True)
        self.verdict = None
        self.banner.setText(f"Could not check this draft: {error}. Your text is still here; try again in a moment.")
        self.banner.setStyleSheet(_BANNER_STYLE["error"] + "padding:6px;")
        self.details.hide()
        self.rewrite_box.hide()

    def copy_rewrite(self) -> None:
        QGuiApplication.clipboard().setText(self.rewrite)
        self.copy_button.setText("Cop&ied")
