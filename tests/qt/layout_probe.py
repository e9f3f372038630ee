"""Run in its own process (QT_SCALE_FACTOR is read once, when Qt starts): build the window shown where there is
no system tray, in the language given, lay it out at its own size, and print what overlaps or is clipped as JSON.

    python tests/qt/layout_probe.py en|es [screenshot.png]
"""

from __future__ import annotations

import json
import os
import sys
import types

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from clientsafe.api.pairing import PairingBook
from clientsafe.api.tokens import TokenStore
from clientsafe.ui.app import TrayApp
from clientsafe.ui.backend import BackendOptions
from clientsafe.ui.qt import QApplication, QLabel, QPushButton, QWidget

WARNING = (
    "No OS keyring is available, so paired-browser tokens are kept (hashed) in the file "
    "/home/casemanager/.local/share/clientsafe/paired-browsers.json. Install gnome-keyring or KWallet."
)


def problems(window: QWidget) -> list[str]:
    """Widgets that overlap one another, stick out of the window, or are smaller than their text needs."""
    shown = [w for w in window.findChildren(QWidget) if isinstance(w, QLabel | QPushButton) and w.isVisible()]
    found = []
    boxes = {}
    for widget in shown:
        top_left = widget.mapTo(window, widget.rect().topLeft())
        box = widget.rect().translated(top_left)
        name = widget.text()[:40] or widget.accessibleName()
        boxes[name] = box
        if not window.rect().contains(box):
            found.append(f"outside the window: {name!r}")
        if isinstance(widget, QLabel) and widget.wordWrap():
            if widget.heightForWidth(widget.width()) > widget.height():
                found.append(f"text cut off: {name!r}")
        elif widget.width() < widget.sizeHint().width() or widget.height() < widget.minimumSizeHint().height():
            found.append(f"clipped: {name!r}")
    names = list(boxes)
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            if boxes[first].intersects(boxes[second]):
                found.append(f"overlap: {first!r} and {second!r}")
    return found


def main() -> None:
    lang = sys.argv[1]
    os.environ["LANGUAGE"] = lang
    app = QApplication(sys.argv[:1])
    tokens = TokenStore(use_keyring=False, file=None)
    stand_in = types.SimpleNamespace(check=lambda *a: None)
    tray = TrayApp(
        app, tokens, PairingBook(tokens), BackendOptions(build_checker=lambda: stand_in), tray_available=False
    )
    window = tray.no_tray
    assert window is not None
    # What the issue saw: the no-keyring warning (with a path) in force, and a window made small by the person or
    # the window manager. The window must refuse to shrink below what its contents need, at any scale.
    tray.facts.warnings = [WARNING]
    tray.refresh()
    window.show()
    window.resize(320, 120)
    for _ in range(5):
        app.processEvents()
    if len(sys.argv) > 2:
        window.grab().save(sys.argv[2])
    print(
        json.dumps(
            {
                "problems": problems(window),
                "buttons": [b.text() for b in window.findChildren(QPushButton)],
                "size": [window.width(), window.height()],
                "dpr": window.devicePixelRatio(),
            }
        )
    )
    tray.shutdown()


if __name__ == "__main__":
    main()
