"""About ClientSafe: what it is, its state, where its files are, and start-at-login."""

from __future__ import annotations

import html

from clientsafe import __version__, paths
from clientsafe.ui import autostart
from clientsafe.ui.qt import QCheckBox, QLabel, QPushButton, Qt, QVBoxLayout, QWidget


class AboutWindow(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("About ClientSafe")
        self.setAccessibleName("About ClientSafe")
        intro = QLabel(
            f"<h2>ClientSafe {html.escape(__version__)}</h2>"
            "<p>ClientSafe warns you before a social-media post or friend request could breach the "
            "confidentiality of the people your organisation serves. Everything is checked on this computer: "
            "nothing you write is sent anywhere, and no post text is ever logged.</p>"
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Status")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.files = QLabel(
            f"Data: {paths.data_dir()}\nLogs: {paths.log_dir()}\nSettings and policy: {paths.config_dir()}"
        )
        self.files.setWordWrap(True)
        self.files.setAccessibleName("Where ClientSafe keeps its files")
        self.files.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.autostart = QCheckBox("&Start ClientSafe when I log in")
        self.autostart.setChecked(autostart.is_enabled())
        self.autostart.toggled.connect(self._toggle_autostart)
        # Where the installer starts ClientSafe for every user, a per-user toggle would add a second entry (a
        # second copy at login) or pretend to turn off what only IT can: say who starts it instead.
        managed = autostart.managed_by_it()
        self.autostart_managed = QLabel("Started at login by your IT department.")
        self.autostart_managed.setAccessibleName("Start at login")
        self.autostart_managed.setToolTip(managed)
        self.autostart_managed.setVisible(bool(managed))
        self.autostart.setVisible(not managed)
        close = QPushButton("C&lose")
        close.setDefault(True)
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        for widget in (intro, self.status, self.files, self.autostart, self.autostart_managed):
            layout.addWidget(widget)
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)
        self.resize(520, 360)

    def set_status(self, line: str, details: list[str]) -> None:
        self.status.setText("\n".join([line, *details]))

    def _toggle_autostart(self, on: bool) -> None:
        if on:
            autostart.enable()
        else:
            autostart.disable()
