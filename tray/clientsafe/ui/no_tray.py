"""Shown instead of the icon on a desktop without a tray area (some GNOME setups, minimal window managers):
the same status and actions, and why the window is there."""

from __future__ import annotations

from collections.abc import Callable

from clientsafe.ui.qt import QCloseEvent, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

WHY = (
    "Your desktop has no system tray (notification area), so ClientSafe shows this small window instead. "
    "Keep it open or minimised: closing it quits ClientSafe, and then posts are no longer checked."
)


class NoTrayWindow(QWidget):
    def __init__(self, actions: list[tuple[str, Callable[[], object]]]) -> None:
        super().__init__()
        self.setWindowTitle("ClientSafe")
        self.setAccessibleName("ClientSafe")
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Status")
        why = QLabel(WHY)
        why.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(why)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for label, slot in actions:
            button = QPushButton(label)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[label.replace("&", "")] = button
        layout.addLayout(row)
        self.quit_on_close: Callable[[], None] | None = None

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.quit_on_close is not None:
            self.quit_on_close()
        super().closeEvent(event)
