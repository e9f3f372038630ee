"""Recent warnings: what ClientSafe showed and what the person chose, from the content-free audit (date, site,
kind of risk, choice), filtered by site and period, exportable as CSV. There is no post text to show: the
audit never has any."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from clientsafe.ui.check_draft import reason_titles
from clientsafe.ui.qt import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from clientsafe.ui.tables import make_table

EMPTY = (
    "Nothing to show yet: when ClientSafe warns about or holds a post in your browser, it is listed here with the "
    "site, the kind of risk and what you chose (never what you wrote)."
)
SHOWN = {"warn": "Warning", "block": "Held", "error": "Could not check"}
CHOSEN = {
    "edited": "Edited the post",
    "applied_suggestions": "Applied the suggestions",
    "cancelled": "Did not post",
    "posted_anyway": "Posted anyway",
    "request_sent_anyway": "Went ahead with the request",
    "request_not_sent": "Did not connect",
}
PERIODS = (("Last 7 days", 7), ("Last 30 days", 30), ("Last 365 days", 365))


def merged(rows: list[Any]) -> list[Any]:
    """One line per warning: a check and the decision about it are one event for a person (newest first).
    Coverage events (a site's adapter missed part of a page) are for IT's audit, not the person's warnings."""
    decided = {r.check_id for r in rows if r.kind == "decision" and r.check_id}
    return [r for r in rows if r.kind == "decision" or (r.kind == "check" and r.check_id not in decided)]


class WarningsWindow(QWidget):
    def __init__(self, reader: Any) -> None:
        super().__init__()
        self.reader = reader
        self.setWindowTitle("Recent warnings — ClientSafe")
        self.setAccessibleName("Recent warnings")
        site_label = QLabel("&Site:")
        self.site = QComboBox()
        self.site.setAccessibleName("Show warnings from this site")
        site_label.setBuddy(self.site)
        period_label = QLabel("&Period:")
        self.period = QComboBox()
        self.period.setAccessibleName("Show warnings from this period")
        period_label.setBuddy(self.period)
        for label, days in PERIODS:
            self.period.addItem(label, days)
        self.period.setCurrentIndex(1)
        filters = QHBoxLayout()
        for widget in (site_label, self.site, period_label, self.period):
            filters.addWidget(widget)
        filters.addStretch()
        self.table = make_table(
            ["Date", "Site", "Account", "Shown", "Kind of risk", "What you chose"], "Recent warnings"
        )
        self.empty = QLabel(EMPTY)
        self.empty.setWordWrap(True)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Result")
        self.export_button = QPushButton("&Export CSV…")
        self.export_button.clicked.connect(self.choose_export)
        close = QPushButton("C&lose")
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
            self.message.setText(f"The audit could not be read: {e}")
        self._sites(every_site, site)
        titles = reason_titles()
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            kinds = "; ".join(dict.fromkeys(titles.get(code) or code for code in row.rule_codes))
            cells = [
                row.time.astimezone().strftime("%Y-%m-%d %H:%M"),
                row.site,
                "organisation" if row.account == "org" else row.account,
                SHOWN.get(row.action, row.action),
                kinds,
                CHOSEN.get(row.choice or "", "—"),
            ]
            for column, text in enumerate(cells):
                self.table.setItem(n, column, QTableWidgetItem(text))
        self.rows = rows
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)

    def _sites(self, sites: list[str], keep: str | None) -> None:
        self.site.blockSignals(True)
        self.site.clear()
        self.site.addItem("All sites", "")
        for site in sites:
            self.site.addItem(site, site)
        index = self.site.findData(keep or "")
        self.site.setCurrentIndex(max(index, 0))
        self.site.blockSignals(False)

    def choose_export(self) -> None:
        name = f"clientsafe-warnings-{dt.date.today().isoformat()}.csv"
        path, _ = QFileDialog.getSaveFileName(self, "Export warnings as CSV", str(Path.home() / name), "CSV (*.csv)")
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> int:
        """Write the audit of the chosen period (every site) as CSV: whole or not at all."""
        from clientsafe.audit import AuditError

        try:
            count = self.reader.export_csv(path, since=self._since())
        except (AuditError, OSError) as e:
            self.message.setText(f"Could not export: {e}. Choose another folder and try again.")
            return -1
        self.message.setText(f"Exported {count} events to {path}.")
        return int(count)
