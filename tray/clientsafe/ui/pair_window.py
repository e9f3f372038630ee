"""Pair a browser: the code a browser is showing, Approve or Deny, and the browsers already paired (revoke)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from clientsafe.say import in_language, reason
from clientsafe.secret_store import KeyringUnavailable
from clientsafe.ui.qt import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from clientsafe.ui.tables import make_table
from clientsafe.ui.translate import QT_TRANSLATE_NOOP, current

NO_PENDING = QT_TRANSLATE_NOOP(
    "PairWindow",
    "No browser is asking to pair. In your browser, open the ClientSafe extension's options and choose "
    "Pair with the app: its six-digit code appears here to compare and approve.",
)
NO_PAIRED = QT_TRANSLATE_NOOP(
    "PairWindow", "No browser is paired yet, so ClientSafe cannot check posts in your browser. Pair one above."
)


def spaced(code: str) -> str:
    return f"{code[:3]} {code[3:]}" if len(code) == 6 else code


def when(stamp: float, never: str = "never") -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(stamp)) if stamp else never


class PairWindow(QWidget):
    def __init__(self, tokens: Any, book: Any, on_changed: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.tokens = tokens
        self.book = book
        self.on_changed = on_changed or (lambda: None)
        self.setWindowTitle(self.tr("Pair a browser — ClientSafe"))
        self.setAccessibleName(self.tr("Pair a browser"))

        pending_label = QLabel(self.tr("Browsers &waiting to pair: check the code matches the one your browser shows."))
        pending_label.setWordWrap(True)
        self.pending = make_table(
            [self.tr("Code"), self.tr("Browser"), self.tr("Asked at")], self.tr("Browsers waiting to pair")
        )
        pending_label.setBuddy(self.pending)
        self.pending_empty = QLabel(self.tr(NO_PENDING))
        self.pending_empty.setWordWrap(True)
        self.pending_empty.setAccessibleName(self.tr("No browser is asking to pair"))
        self.approve_button = QPushButton(self.tr("&Approve"))
        self.approve_button.setAccessibleName(self.tr("Approve the selected browser"))
        self.deny_button = QPushButton(self.tr("&Deny"))
        self.deny_button.setAccessibleName(self.tr("Deny the selected browser"))
        self.approve_button.clicked.connect(lambda: self._decide(True))
        self.deny_button.clicked.connect(lambda: self._decide(False))

        paired_label = QLabel(self.tr("&Paired browsers:"))
        self.paired = make_table(
            [self.tr("Browser"), self.tr("Paired"), self.tr("Last heard from")], self.tr("Paired browsers")
        )
        paired_label.setBuddy(self.paired)
        self.paired_empty = QLabel(self.tr(NO_PAIRED))
        self.paired_empty.setWordWrap(True)
        self.paired_empty.setAccessibleName(self.tr("Paired browsers"))
        self.revoke_button = QPushButton(self.tr("&Revoke"))
        self.revoke_button.setAccessibleName(self.tr("Revoke the selected browser"))
        self.revoke_button.clicked.connect(self._revoke)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Result"))
        close = QPushButton(self.tr("C&lose"))
        close.setAccessibleName(self.tr("Close"))
        close.clicked.connect(self.close)

        decide = QHBoxLayout()
        decide.addWidget(self.approve_button)
        decide.addWidget(self.deny_button)
        decide.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(pending_label)
        layout.addWidget(self.pending)
        layout.addWidget(self.pending_empty)
        layout.addLayout(decide)
        layout.addWidget(paired_label)
        layout.addWidget(self.paired)
        layout.addWidget(self.paired_empty)
        layout.addWidget(self.revoke_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)
        for first, second in (
            (self.pending, self.approve_button),
            (self.approve_button, self.deny_button),
            (self.deny_button, self.paired),
            (self.paired, self.revoke_button),
            (self.revoke_button, close),
        ):
            QWidget.setTabOrder(first, second)
        self.pending.itemSelectionChanged.connect(self._enable)
        self.paired.itemSelectionChanged.connect(self._enable)
        # Requests arrive from the browser at any time (and `clientsafe pair` may decide them from a terminal).
        self.timer = QTimer(self)
        self.timer.setInterval(2000)
        self.timer.timeout.connect(self.refresh)
        self.resize(620, 520)
        self.refresh()

    def showEvent(self, event: Any) -> None:
        self.refresh()
        self.timer.start()
        super().showEvent(event)

    def hideEvent(self, event: Any) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        keep_pending = self._selected(self.pending)
        keep_paired = self._selected(self.paired)
        self._pending_rows = self.book.pending()
        self._fill(
            self.pending,
            [[spaced(p.code), p.client_name, when(p.created)] for p in self._pending_rows],
            [p.code for p in self._pending_rows],
            keep_pending,
        )
        try:
            self._paired_rows = self.tokens.list()
        except KeyringUnavailable as e:
            # Locked keyring: say so, and show no list rather than an empty one ("nobody paired" would be false).
            self._paired_rows = []
            self.paired_empty.setText(in_language(reason(e), current()))
        else:
            self.paired_empty.setText(self.tr(NO_PAIRED))
        self._fill(
            self.paired,
            [[b.name, when(b.created), when(self.tokens.last_seen(b), self.tr("never"))] for b in self._paired_rows],
            [b.id for b in self._paired_rows],
            keep_paired,
        )
        self.pending.setVisible(bool(self._pending_rows))
        self.pending_empty.setVisible(not self._pending_rows)
        self.paired.setVisible(bool(self._paired_rows))
        self.paired_empty.setVisible(not self._paired_rows)
        self._enable()

    def _fill(self, table: QTableWidget, rows: list[list[str]], keys: list[str], keep: str | None) -> None:
        table.setRowCount(len(rows))
        for r, (row, key) in enumerate(zip(rows, keys, strict=True)):
            for c, value in enumerate(row):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, key)
                if c == 0:  # the code (or the browser's name): what the person compares, so it stands out
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(r, c, item)
        if rows:
            index = keys.index(keep) if keep in keys else 0
            table.selectRow(index)

    @staticmethod
    def _selected(table: QTableWidget) -> str | None:
        items = table.selectedItems()
        return str(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def _enable(self) -> None:
        has_pending = self._selected(self.pending) is not None
        self.approve_button.setEnabled(has_pending)
        self.deny_button.setEnabled(has_pending)
        self.revoke_button.setEnabled(self._selected(self.paired) is not None)

    def select_code(self, code: str) -> None:
        self.refresh()
        for r in range(self.pending.rowCount()):
            item = self.pending.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == code:
                self.pending.selectRow(r)

    def _decide(self, approve: bool) -> None:
        code = self._selected(self.pending)
        if code is None:
            return
        self.decide(code, approve)

    def decide(self, code: str, approve: bool) -> bool:
        from clientsafe.api.pairing import PairingError

        try:
            request = self.book.decide(code, approve)
        except PairingError as e:
            problem = in_language(reason(e), current())
            self.message.setText(self.tr("{problem}. Ask the browser to pair again.").format(problem=problem))
            self.refresh()
            return False
        if approve:
            self.message.setText(
                self.tr("Approved {browser}. It finishes pairing within a few seconds.").format(
                    browser=request.client_name
                )
            )
        else:
            self.message.setText(
                self.tr("Denied {browser}. It will not be able to use ClientSafe.").format(browser=request.client_name)
            )
        self.refresh()
        self.on_changed()
        return True

    def _revoke(self) -> None:
        browser_id = self._selected(self.paired)
        if browser_id is None:
            return
        names = {b.id: b.name for b in self._paired_rows}
        if self.tokens.revoke(browser_id):
            self.message.setText(
                self.tr("Revoked {browser}: it must pair again to be protected.").format(
                    browser=names.get(browser_id, browser_id)
                )
            )
        self.refresh()
        self.on_changed()
