"""Recent warnings: what ClientSafe showed and what the person chose, from the content-free audit (date, site,
kind of risk, choice), filtered by site and period, exportable as CSV. There is no post text to show: the
audit never has any."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from clientsafe.say import error_text
from clientsafe.ui.check_draft import reason_titles
from clientsafe.ui.qt import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    Qt,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from clientsafe.ui.tables import make_table
from clientsafe.ui.translate import QT_TRANSLATE_NOOP, current, site_name, translate

EMPTY = QT_TRANSLATE_NOOP(
    "WarningsWindow",
    "Nothing to show yet: when ClientSafe warns about or holds a post in your browser, it is listed here with the "
    "site, the kind of risk and what you chose (never what you wrote).",
)
SHOWN = {
    "warn": QT_TRANSLATE_NOOP("WarningsWindow", "Warning"),
    "block": QT_TRANSLATE_NOOP("WarningsWindow", "Held"),
    "error": QT_TRANSLATE_NOOP("WarningsWindow", "Could not check"),
}
CHOSEN = {
    "edited": QT_TRANSLATE_NOOP("WarningsWindow", "Edited the post"),
    "applied_suggestions": QT_TRANSLATE_NOOP("WarningsWindow", "Applied the suggestions"),
    "cancelled": QT_TRANSLATE_NOOP("WarningsWindow", "Did not post"),
    "posted_anyway": QT_TRANSLATE_NOOP("WarningsWindow", "Posted anyway"),
    "request_sent_anyway": QT_TRANSLATE_NOOP("WarningsWindow", "Went ahead with the request"),
    "request_not_sent": QT_TRANSLATE_NOOP("WarningsWindow", "Did not connect"),
}
ACCOUNTS = {
    "personal": QT_TRANSLATE_NOOP("WarningsWindow", "personal"),
    "org": QT_TRANSLATE_NOOP("WarningsWindow", "organisation"),
}
PERIODS = (
    (QT_TRANSLATE_NOOP("WarningsWindow", "Last 7 days"), 7),
    (QT_TRANSLATE_NOOP("WarningsWindow", "Last 30 days"), 30),
    (QT_TRANSLATE_NOOP("WarningsWindow", "Last 365 days"), 365),
)
# A column never grows past this (px); its full text is in the cell's tooltip.
WIDEST = 320


def _tr(text: str) -> str:
    return translate("WarningsWindow", text)


def merged(rows: list[Any]) -> list[Any]:
    """One line per warning: a check and the decision about it are one event for a person (newest first).
    Coverage events (a site's adapter missed part of a page) are for IT's audit, not the person's warnings."""
    decided = {r.check_id for r in rows if r.kind == "decision" and r.check_id}
    return [r for r in rows if r.kind == "decision" or (r.kind == "check" and r.check_id not in decided)]


class WarningsWindow(QWidget):
    def __init__(self, reader: Any) -> None:
        super().__init__()
        self.reader = reader
        self.setWindowTitle(self.tr("Recent warnings — ClientSafe"))
        self.setAccessibleName(self.tr("Recent warnings"))
        site_label = QLabel(self.tr("&Site:"))
        self.site = QComboBox()
        self.site.setAccessibleName(self.tr("Show warnings from this site"))
        site_label.setBuddy(self.site)
        period_label = QLabel(self.tr("&Period:"))
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Show warnings from this period"))
        period_label.setBuddy(self.period)
        for label, days in PERIODS:
            self.period.addItem(_tr(label), days)
        self.period.setCurrentIndex(1)
        filters = QHBoxLayout()
        for widget in (site_label, self.site, period_label, self.period):
            filters.addWidget(widget)
        filters.addStretch()
        self.table = make_table(
            [
                self.tr("Date"),
                self.tr("Site"),
                self.tr("Account"),
                self.tr("Shown"),
                self.tr("Kind of risk"),
                self.tr("What you chose"),
            ],
            self.tr("Recent warnings"),
        )
        # Every column fits its contents up to WIDEST, the last one too (issue 16: "what you did" was cut off);
        # a longer text is elided, in full in its tooltip, and the table scrolls sideways rather than hiding it.
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.empty = QLabel(self.tr(EMPTY))
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(self.tr("No warnings yet"))
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Result"))
        self.export_button = QPushButton(self.tr("&Export CSV…"))
        self.export_button.setAccessibleName(self.tr("Export as CSV"))
        self.export_button.clicked.connect(self.choose_export)
        close = QPushButton(self.tr("C&lose"))
        close.setAccessibleName(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.site.currentIndexChanged.connect(self.refresh)
        self.period.currentIndexChanged.connect(self.refresh)
        self.resize(820, 520)
        self.refresh()

    def _since(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC) - dt.timedelta(days=int(self.period.currentData()))

    def refresh(self) -> None:
        from clientsafe.audit import AuditError

        site = self.site.currentData()
        try:
            rows = merged(self.reader.recent(limit=1000, since=self._since(), site=site or None))
            every_site = sorted({r.site for r in self.reader.recent(limit=1000, since=self._since())})
        except AuditError as e:
            rows, every_site = [], []
            self.message.setText(self.tr("The audit could not be read: {error}").format(error=error_text(e, current())))
        self._sites(every_site, site)
        titles = reason_titles()
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            kinds = "; ".join(dict.fromkeys(titles.get(code) or code for code in row.rule_codes))
            cells = [
                row.time.astimezone().strftime("%Y-%m-%d %H:%M"),
                site_name(row.site),
                _tr(ACCOUNTS[row.account]) if row.account in ACCOUNTS else row.account,
                _tr(SHOWN[row.action]) if row.action in SHOWN else row.action,
                kinds,
                _tr(CHOSEN[row.choice]) if row.choice in CHOSEN else "—",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(n, column, item)
        self._fit_columns()
        self.rows = rows
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        for column in range(self.table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), WIDEST))

    def _sites(self, sites: list[str], keep: str | None) -> None:
        self.site.blockSignals(True)
        self.site.clear()
        self.site.addItem(self.tr("All sites"), "")
        for site in sites:
            self.site.addItem(site_name(site), site)
        index = self.site.findData(keep or "")
        self.site.setCurrentIndex(max(index, 0))
        self.site.blockSignals(False)

    def choose_export(self) -> None:
        name = f"clientsafe-warnings-{dt.date.today().isoformat()}.csv"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export warnings as CSV"), str(Path.home() / name), self.tr("CSV (*.csv)")
        )
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> int:
        """Write the audit of the chosen period (every site) as CSV: whole or not at all."""
        from clientsafe.audit import AuditError

        try:
            count = self.reader.export_csv(path, since=self._since())
        except (AuditError, OSError) as e:
            self.message.setText(
                self.tr("Could not export: {error}. Choose another folder and try again.").format(
                    error=error_text(e, current())
                )
            )
            return -1
        self.message.setText(self.tr("Exported {count} events to {path}.").format(count=count, path=path))
        return int(count)
