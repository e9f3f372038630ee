"""The IT / privacy officer view: file locations, setting names and values as IT writes them, and the roster's
import and clear stay out of staff's way behind one switch in the windows that have them, and the policy's
``admin_view: locked`` takes the switch away (the command line still offers every one of these to IT)."""

from __future__ import annotations

from typing import Any

from clientsafe.ui.qt import QCheckBox, QHBoxLayout, QLabel, QWidget, Signal


def admin_locked(policy: Any) -> bool:
    """True when the policy in force locks the IT view away (a policy not read yet locks nothing)."""
    if policy is None:
        return False
    try:
        return bool(policy["admin_view"] == "locked")
    except KeyError:  # a policy model from before the setting existed
        return False


class AdminSwitch(QWidget):
    """A check box "IT / privacy officer view"; where the policy locks the view, a sentence saying who to ask."""

    changed = Signal(bool)

    def __init__(self, command: str) -> None:
        super().__init__()
        self.box = QCheckBox(self.tr("&IT / privacy officer view"))
        self.box.setAccessibleName(self.tr("Show the IT / privacy officer view"))
        self.box.setToolTip(self.tr("File locations, setting names and the tasks kept for IT and the privacy officer"))
        self.box.toggled.connect(self.changed.emit)
        self.locked = QLabel(
            self.tr(
                "The IT / privacy officer view is turned off here. Ask your IT team; the command line offers this "
                "as {command}."
            ).format(command=command)
        )
        self.locked.setWordWrap(True)
        self.locked.setAccessibleName(self.tr("IT / privacy officer view"))
        self.locked.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.box)
        row.addWidget(self.locked, 1)

    @property
    def on(self) -> bool:
        return self.box.isChecked()  # set_allowed(False) unchecks it

    def set_allowed(self, allowed: bool) -> None:
        if not allowed and self.box.isChecked():
            self.box.setChecked(False)  # emits changed(False): the window hides its IT parts
        self.box.setVisible(allowed)
        self.locked.setVisible(not allowed)
