"""About ClientSafe: what it is, its state in plain words (each problem once), and start-at-login; where its
files are is for the IT / privacy officer view."""

from __future__ import annotations

import html

from clientsafe import __version__, paths
from clientsafe.ui import autostart
from clientsafe.ui.admin import AdminSwitch
from clientsafe.ui.qt import QCheckBox, QLabel, QPushButton, Qt, QVBoxLayout, QWidget


class AboutWindow(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("About ClientSafe"))
        self.setAccessibleName(self.tr("About ClientSafe"))
        intro = QLabel(
            f"<h2>ClientSafe {html.escape(__version__)}</h2><p>"
            + html.escape(
                self.tr(
                    "ClientSafe warns you before a social-media post or friend request could breach the "
                    "confidentiality of the people your organisation serves. Everything is checked on this "
                    "computer: nothing you write is sent anywhere, and no post text is ever logged."
                )
            )
            + "</p>"
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        intro.setAccessibleName(self.tr("What ClientSafe does"))
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.files = QLabel(
            self.tr("Data: {data}\nLogs: {logs}\nSettings and policy: {config}").format(
                data=paths.data_dir(), logs=paths.log_dir(), config=paths.config_dir()
            )
        )
        self.files.setWordWrap(True)
        self.files.setAccessibleName(self.tr("Where ClientSafe keeps its files"))
        self.files.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.files.hide()  # for IT: shown with the IT / privacy officer view
        self.admin = AdminSwitch("clientsafe self-test")
        self.admin.changed.connect(self.files.setVisible)
        self.autostart = QCheckBox(self.tr("&Start ClientSafe when I log in"))
        self.autostart.setAccessibleName(self.tr("Start ClientSafe when I log in"))
        self.autostart.setChecked(autostart.is_enabled())
        self.autostart.toggled.connect(self._toggle_autostart)
        # Where the installer starts ClientSafe for every user, a per-user toggle would add a second entry (a
        # second copy at login) or pretend to turn off what only IT can: say who starts it instead.
        managed = autostart.managed_by_it()
        self.autostart_managed = QLabel(self.tr("Started at login by your IT department."))
        self.autostart_managed.setAccessibleName(self.tr("Start at login"))
        self.autostart_managed.setToolTip(managed)
        self.autostart_managed.setVisible(bool(managed))
        self.autostart.setVisible(not managed)
        close = QPushButton(self.tr("C&lose"))
        close.setAccessibleName(self.tr("Close"))
        close.setDefault(True)
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        for widget in (intro, self.status, self.autostart, self.autostart_managed, self.admin, self.files):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)
        self.resize(520, 380)

    def set_status(self, line: str, details: list[str]) -> None:
        """The status line, then each problem behind it once (the status line may already say one)."""
        self.status.setText("\n".join(dict.fromkeys([line, *details])))

    def set_admin_allowed(self, allowed: bool) -> None:
        self.admin.set_allowed(allowed)

    def _toggle_autostart(self, on: bool) -> None:
        if on:
            autostart.enable()
        else:
            autostart.disable()
