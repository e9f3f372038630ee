"""Client roster: how the roster stands, import a new one (CSV file or HTTPS address) with a progress bar, clear
it. The roster is kept only as keyed hashes (docs/roster.md): this window never shows a name, and the import
report says which lines were skipped and why, by line number only. A roster managed by IT (fetched from the
organisation's bundle) is shown with its age, expiry and last fetch, and cannot be imported over or cleared here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from clientsafe.say import in_language, reason
from clientsafe.ui.admin import AdminSwitch, admin_locked
from clientsafe.ui.marks import QT_TRANSLATE_NOOP
from clientsafe.ui.qt import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QObject,
    QProgressBar,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from clientsafe.ui.translate import current, translate
from clientsafe.ui.worker import Worker

EMPTY = QT_TRANSLATE_NOOP(
    "RosterWindow",
    "No client roster is loaded, so ClientSafe cannot recognise the people your organisation serves by name. "
    "Your privacy officer imports it from your case-management system; only keyed hashes are kept.",
)
STAGES = {
    "download": QT_TRANSLATE_NOOP("RosterWindow", "Downloading"),
    "read": QT_TRANSLATE_NOOP("RosterWindow", "Reading rows"),
    "hash": QT_TRANSLATE_NOOP("RosterWindow", "Protecting names"),
    "write": QT_TRANSLATE_NOOP("RosterWindow", "Saving"),
}


class _Progress(QObject):
    changed = Signal(str, int, object)  # from the importing thread to the Qt thread


MANAGED_TIP = QT_TRANSLATE_NOOP(
    "RosterWindow",
    "Your organisation's IT manages this roster and sends it to every computer; it cannot be replaced or cleared "
    "here. Ask IT to change it.",
)
# Said where the policy locks the IT / privacy officer view away (admin_view: locked).
LOCKED = QT_TRANSLATE_NOOP(
    "RosterWindow", "Ask your IT team; the command line offers this as clientsafe roster import."
)


def _tr(text: str) -> str:
    return translate("RosterWindow", text)


def _say(text: str) -> str:
    """An engine message (the roster's status, an import error) in the language the tray speaks now."""
    return in_language(text, current())


def status_text(status: Any, state: Any = None) -> str:
    """The roster in force in plain words (``state``: the record of IT's fetches, ``SyncState``)."""
    from clientsafe.roster.describe import describe
    from clientsafe.roster.sync import SyncState

    if getattr(status, "problem", ""):  # a roster is there but not in force (its key cannot be read)
        return _say(status.problem)
    lines = describe(status, state or SyncState())
    if not status.loaded:
        return "\n".join([_tr(EMPTY), *map(_say, lines)])
    if status.key_warning and not status.managed:
        lines.append(status.key_warning)
    return "\n".join(map(_say, lines))


def report_text(report: Any) -> str:
    lines = [
        _tr("Imported {clients} clients from {rows} rows ({minors} minors).").format(
            clients=report.imported, rows=report.rows, minors=report.minors
        )
    ]
    if report.bad_rows:
        shown = "; ".join(
            _tr("line {line}: {reason}").format(line=e.line, reason=_say(e.reason)) for e in report.bad_rows[:5]
        )
        if len(report.bad_rows) > 5:
            shown += _tr(" and {count} more").format(count=len(report.bad_rows) - 5)
        lines.append(
            _tr("Skipped {count} rows: {shown}. Fix them in the export and import again.").format(
                count=len(report.bad_rows), shown=shown
            )
        )
    if report.ignored_columns:
        lines.append(_tr("Columns not used: {columns}.").format(columns=", ".join(report.ignored_columns)))
    return "\n".join(lines)


class RosterWindow(QWidget):
    def __init__(
        self, on_changed: Callable[[Any], None] | None = None, policy: Callable[[], Any] = lambda: None
    ) -> None:
        super().__init__()
        self.on_changed = on_changed or (lambda report: None)
        self._policy = policy
        self.setWindowTitle(self.tr("Client roster — ClientSafe"))
        self.setAccessibleName(self.tr("Client roster"))
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Roster status"))
        url_label = QLabel(self.tr("Import from an &HTTPS address:"))
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://…/clients.csv")
        self.url.setAccessibleName(self.tr("HTTPS address of the roster export"))
        url_label.setBuddy(self.url)
        self.import_url_button = QPushButton(self.tr("Import from &address"))
        self.import_url_button.setAccessibleName(self.tr("Import from the address"))
        self.import_url_button.clicked.connect(lambda: self.start_import(self.url.text().strip()))
        self.import_file_button = QPushButton(self.tr("&Import CSV file…"))
        self.import_file_button.setAccessibleName(self.tr("Import a CSV file"))
        self.import_file_button.clicked.connect(self.choose_file)
        self.clear_button = QPushButton(self.tr("C&lear roster…"))
        self.clear_button.setAccessibleName(self.tr("Clear the roster"))
        self.clear_button.clicked.connect(self.confirm_clear)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress.hide()
        self.stage = QLabel("")
        self.stage.setAccessibleName(self.tr("Import stage"))
        self.stage.hide()
        self.managed = False
        self.managed_label = QLabel(self.tr(MANAGED_TIP))
        self.managed_label.setWordWrap(True)
        self.managed_label.setAccessibleName(self.tr("Managed by IT"))
        self.managed_label.hide()
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Result"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Importing and clearing are the privacy officer's tasks: behind the IT / privacy officer view.
        self.admin = AdminSwitch("clientsafe roster import")
        self.admin.changed.connect(self._show_tools)
        close = QPushButton(self.tr("Cl&ose"))
        close.setAccessibleName(self.tr("Close"))
        close.clicked.connect(self.close)
        self.tools = QWidget()
        tools = QVBoxLayout(self.tools)
        tools.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(self.import_url_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_file_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch()
        tools.addWidget(url_label)
        tools.addLayout(row)
        tools.addLayout(buttons)
        self.tools.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.managed_label)
        layout.addWidget(self.admin)
        layout.addWidget(self.tools)
        layout.addWidget(self.stage)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addStretch()
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)
        self._progress = _Progress(self)
        self._progress.changed.connect(self._show_progress)
        self.worker = Worker(self)
        self.worker.done.connect(self._imported)
        self.worker.failed.connect(self._failed)
        self.resize(640, 360)
        self._source = ""
        self.refresh()

    def refresh(self) -> None:
        from clientsafe.roster import status
        from clientsafe.roster.sync import SyncState

        current = status()
        self.status.setText(status_text(current, SyncState.read()))
        self._set_managed(current.managed)
        self.admin.set_allowed(not admin_locked(self._policy()))

    def _show_tools(self, on: bool) -> None:
        self.tools.setVisible(on)

    def _refused(self) -> bool:
        """Import and clear do nothing where the policy locks the IT view away, or IT manages the roster."""
        if admin_locked(self._policy()):
            self.message.setText(self.tr(LOCKED))
            return True
        if self.managed:
            self.message.setText(self.tr(MANAGED_TIP))
            return True
        return False

    def _set_managed(self, managed: bool) -> None:
        """An IT-managed roster cannot be imported over or cleared here: the controls say so instead of acting."""
        self.managed = managed
        for widget in (self.url, self.import_url_button, self.import_file_button, self.clear_button):
            widget.setEnabled(not managed)
            widget.setToolTip(self.tr(MANAGED_TIP) if managed else "")
        self.managed_label.setVisible(managed)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import the client roster"), "", self.tr("CSV files (*.csv);;All files (*)")
        )
        if path:
            self.start_import(path)

    def start_import(self, source: str, replace_smaller: bool = False) -> None:
        if self._refused():
            return
        if not source:
            self.message.setText(self.tr("Give the HTTPS address of the roster export, or choose Import CSV file."))
            return
        from clientsafe.roster import import_roster

        self._busy(True)
        self.message.setText("")
        self._source = source
        self.worker.run(
            lambda: import_roster(source, progress=self._progress.changed.emit, replace_smaller=replace_smaller)
        )

    def _busy(self, busy: bool) -> None:
        for button in (self.import_file_button, self.import_url_button, self.clear_button):
            button.setEnabled(not busy and not self.managed)
        self.progress.setVisible(busy)
        self.stage.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)  # busy until the first figures arrive

    def _show_progress(self, stage: str, done: int, total: int | None) -> None:
        self.stage.setText(self.tr(STAGES[stage]) + "…" if stage in STAGES else stage + "…")
        if total:
            self.progress.setRange(0, int(total))
            self.progress.setValue(min(int(done), int(total)))
        else:
            self.progress.setRange(0, 0)

    def _imported(self, report: Any) -> None:
        self._busy(False)
        self.message.setText(report_text(report))
        self.refresh()
        self.on_changed(report)

    def _failed(self, error: Exception) -> None:
        from clientsafe.roster.importer import ShrinkRefused

        self._busy(False)
        self.message.setText(
            self.tr("Nothing was imported: {error} The roster in force is unchanged.").format(error=_say(reason(error)))
        )
        self.refresh()
        if isinstance(error, ShrinkRefused):
            self.confirm_smaller(error)

    def confirm_smaller(self, refused: Any) -> None:
        """The new list is much smaller than the roster in force: import it only if the person says it is right."""
        answer = QMessageBox.question(
            self,
            self.tr("Replace the roster with a much smaller list?"),
            self.tr(
                "The file has {new} clients; the roster in force has {current}. An export that was cut short or "
                "damaged looks like this. Replace the roster with the smaller list anyway?"
            ).format(new=f"{refused.new:,}", current=f"{refused.current:,}"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.start_import(self._source, replace_smaller=True)

    def confirm_clear(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Clear the client roster?"),
            self.tr(
                "ClientSafe will no longer recognise your organisation's clients by name until a roster is "
                "imported again."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.clear_roster()

    def clear_roster(self) -> bool:
        from clientsafe.roster import clear

        if self._refused():
            return False
        removed = clear()
        self.message.setText(
            self.tr("The roster was cleared.") if removed else self.tr("There was no roster to clear.")
        )
        self.refresh()
        self.on_changed(None)
        return bool(removed)
