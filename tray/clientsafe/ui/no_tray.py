"""Shown instead of the icon on a desktop without a tray area (some GNOME setups, minimal window managers):
the same status and every entry of the tray menu, and why the window is there."""

from __future__ import annotations

from collections.abc import Callable

from clientsafe.ui.marks import QT_TRANSLATE_NOOP
from clientsafe.ui.qt import (
    QAction,
    QCloseEvent,
    QGridLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

WHY = QT_TRANSLATE_NOOP(
    "NoTrayWindow",
    "Your desktop has no system tray (notification area), so ClientSafe shows this small window instead. Keep it "
    "open or minimised: closing it quits ClientSafe, and then posts are no longer checked.",
)
# Two columns of buttons: the entries' texts (English or Spanish) fit side by side at 200% on a laptop screen.
COLUMNS = 2


class NoTrayWindow(QWidget):
    def __init__(self, actions: list[QAction]) -> None:
        super().__init__()
        self.actions_shown = actions
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.why = QLabel("")
        self.why.setWordWrap(True)
        layout = QVBoxLayout(self)
        # Never smaller than the contents need: wrapped text must not slide under the buttons (seen at 200%).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.status)
        layout.addWidget(self.why)
        grid = QGridLayout()
        self.button_list: list[QPushButton] = []
        for n, action in enumerate(actions):
            button = QPushButton("")
            button.clicked.connect(action.trigger)
            grid.addWidget(button, n // COLUMNS, n % COLUMNS)
            self.button_list.append(button)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.quit_on_close: Callable[[], None] | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle("ClientSafe")
        self.setAccessibleName("ClientSafe")
        self.status.setAccessibleName(self.tr("Status"))
        self.why.setText(self.tr(WHY))
        self.why.setAccessibleName(self.tr("Why this window is here"))
        self.sync()

    def sync(self) -> None:
        """Follow the menu: each button has its entry's words, shows when it shows, and works when it works."""
        for button, action in zip(self.button_list, self.actions_shown, strict=True):
            button.setText(action.text())
            button.setAccessibleName(action.text().replace("&", ""))
            button.setVisible(action.isVisible())
            button.setEnabled(action.isEnabled())
        # Wrapped text needs more height as the window narrows, which a layout's minimum does not follow: the
        # window keeps at least the size its contents ask for (at 200% too; seen overlapping on a real desktop).
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.setMinimumSize(self.sizeHint())

    @property
    def buttons(self) -> dict[str, QPushButton]:
        """The button of each menu entry, by its words without the mnemonic ("Check a draft…")."""
        return {button.text().replace("&", ""): button for button in self.button_list}

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.quit_on_close is not None:
            self.quit_on_close()
        super().closeEvent(event)
