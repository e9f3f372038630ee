"""Check a draft: paste a post, see the verdict, the highlighted phrases and the reasons the browser would show,
and copy the suggested rewrite. Nothing typed here is saved, logged or sent anywhere."""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import cache
from typing import Any

from clientsafe.checker.explain import NOTHING_FOUND, Explanation, explain
from clientsafe.checker.reasons import load_reasons
from clientsafe.ui import translate
from clientsafe.ui.marks import QT_TRANSLATE_NOOP
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

EMPTY_SOURCE = QT_TRANSLATE_NOOP(
    "CheckDraftWindow",
    "Paste or type a draft above, then choose Check (Ctrl+Enter). Nothing you type here is saved or sent anywhere.",
)
# Kept for callers (and tests) that compare with the English text.
EMPTY = EMPTY_SOURCE
# The verdict is said in words first; colour only repeats it.
_BANNER_STYLE = {
    "allow": "background:#e6f4ea;color:#0d5226;",
    "warn": "background:#fef7e0;color:#6b4500;",
    "block": "background:#fce8e6;color:#8c1d18;",
    "error": "background:#f1f3f4;color:#202124;",
}


@cache
def reason_titles() -> dict[str, str]:
    """English titles of the reasons, from the same texts the browser extension shows (shared/reasons.json)."""
    return {code: entry.get("title", "") for code, entry in load_reasons().items()}


def explanation_html(text: str, shown: Explanation) -> str:
    """The draft with risky phrases marked (bold, underlined and shaded, so not by colour alone), then each
    reason as the Explanation gives it: title, message, teaching example, policy section with its link."""
    parts = []
    if shown.spans:
        marked, pos = [], 0
        for start, end in shown.spans:
            marked.append(html.escape(text[pos:start]))
            marked.append(f'<b><u><span style="background:#fdd663">{html.escape(text[start:end])}</span></u></b>')
            pos = end
        marked.append(html.escape(text[pos:]))
        parts.append("<p>" + "".join(marked).replace("\n", "<br>") + "</p>")
    policy_word = html.escape(translate.translate("CheckDraftWindow", "Policy:"))
    for n, reason in enumerate(shown.reasons, 1):
        parts.append(f"<h3>{n}. {html.escape(reason.title or reason.code)}</h3><p>{html.escape(reason.message)}</p>")
        if reason.example:
            parts.append(f"<p><i>{html.escape(reason.example)}</i></p>")
        if reason.policy:
            title = html.escape(reason.policy.title)
            if reason.policy.url:
                title = f'<a href="{html.escape(reason.policy.url, quote=True)}">{title}</a>'
            parts.append(f"<p>{policy_word} {title}</p>")
    if shown.still_to_edit:
        parts.append(f"<p><b>{html.escape(shown.still_to_edit)}</b></p>")
    if shown.action == "allow":
        parts.append(f"<p>{html.escape(NOTHING_FOUND[shown.lang])}</p>")
    return "".join(parts)


class CheckDraftWindow(QWidget):
    def __init__(
        self,
        check: Callable[[str, str], Any],
        parent: QWidget | None = None,
        policy: Callable[[], Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self._check = check
        # The policy in force, read at each check: its policy_links give the organisation's own section titles
        # and links, as the browser shows them.
        self._policy = policy or (lambda: None)
        self.explanation: Explanation | None = None
        self._text = ""
        self.verdict: Any = None
        self.rewrite = ""
        self.setWindowTitle(self.tr("Check a draft — ClientSafe"))
        self.setAccessibleName(self.tr("Check a draft"))

        prompt = QLabel(self.tr("&Draft post:"))
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("Draft post"))
        self.editor.setPlaceholderText(self.tr("Paste or type the post you are about to share…"))
        self.editor.setTabChangesFocus(True)
        prompt.setBuddy(self.editor)

        self.org_account = QCheckBox(self.tr("For the &organisation's account (not my personal one)"))
        self.org_account.setAccessibleName(self.tr("Post on the organisation's account"))
        self.check_button = QPushButton(self.tr("&Check"))
        self.check_button.setDefault(True)
        self.check_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.check_button.setToolTip(self.tr("Check the draft (Ctrl+Enter)"))
        self.check_button.clicked.connect(self.run_check)

        self.banner = QLabel(self.tr(EMPTY_SOURCE))
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("Verdict"))
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.banner.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("Why, with the risky phrases marked"))
        # A reason links to the organisation's own policy page (policy_links): open it in the browser.
        self.details.setOpenExternalLinks(True)
        self.details.hide()

        rewrite_label = QLabel(self.tr("Suggested &rewrite:"))
        self.rewrite_view = QPlainTextEdit()
        self.rewrite_view.setReadOnly(True)
        self.rewrite_view.setTabChangesFocus(True)
        self.rewrite_view.setAccessibleName(self.tr("Suggested rewrite"))
        self.rewrite_view.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        rewrite_label.setBuddy(self.rewrite_view)
        self.copy_button = QPushButton(self.tr("Cop&y rewrite"))
        self.copy_button.setAccessibleName(self.tr("Copy the suggested rewrite"))
        self.copy_button.clicked.connect(self.copy_rewrite)
        self.rewrite_box = QWidget()
        box = QVBoxLayout(self.rewrite_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(rewrite_label)
        box.addWidget(self.rewrite_view)
        box.addWidget(self.copy_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self.rewrite_box.hide()

        close = QPushButton(self.tr("C&lose"))
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
            self.banner.setText(self.tr("There is nothing to check yet: paste or type a draft first."))
            self.editor.setFocus()
            return
        self._text = text
        account = "org" if self.org_account.isChecked() else "personal"
        self.check_button.setEnabled(False)
        self.banner.setText(self.tr("Checking…"))
        self.banner.setStyleSheet("")
        self.worker.run(lambda: self._check(text, account))

    def _show_verdict(self, verdict: Any) -> None:
        self.check_button.setEnabled(True)
        self.verdict = verdict
        # One Explanation (checker/explain.py), in the tray's language: the same words the CLI and the browser show.
        shown = explain(verdict, self._text, self._policy(), translate.current())
        self.explanation = shown
        self.banner.setText(shown.banner)
        self.banner.setStyleSheet(_BANNER_STYLE.get(shown.action, "") + "padding:6px;font-weight:bold;")
        self.details.setHtml(explanation_html(self._text, shown))
        self.details.show()
        self.rewrite = shown.rewrite
        self.rewrite_view.setPlainText(self.rewrite)
        self.rewrite_box.setVisible(bool(self.rewrite))

    def _show_failure(self, error: Exception) -> None:
        self.check_button.setEnabled(True)
        self.verdict = None
        self.banner.setText(
            self.tr("Could not check this draft: {error}. Your text is still here; try again in a moment.").format(
                error=error
            )
        )
        self.banner.setStyleSheet(_BANNER_STYLE["error"] + "padding:6px;")
        self.details.hide()
        self.rewrite_box.hide()

    def copy_rewrite(self) -> None:
        QGuiApplication.clipboard().setText(self.rewrite)
        self.copy_button.setText(self.tr("Cop&ied"))
