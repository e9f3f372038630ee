"""Desktop notifications: the tray's own messages, falling back to the desktop notification service.

Pairing requests need Approve / Deny buttons, which only the notification service has; where it is missing,
the tray message opens the Pair a browser window instead. Notifications say which site and which kind of
risk, never any text of a post.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from dataclasses import dataclass

from clientsafe.ui.desktop_notify import DesktopNotifications
from clientsafe.ui.qt import QObject, QSystemTrayIcon, Signal

log = logging.getLogger("clientsafe.ui")


@dataclass
class Shown:
    title: str
    body: str
    channel: str  # tray | desktop | none


class Notifier(QObject):
    _action = Signal(object, str)  # (callback, key) from the D-Bus listener thread to the Qt thread

    def __init__(self, tray: QSystemTrayIcon | None, desktop: DesktopNotifications | None) -> None:
        super().__init__()
        self.tray = tray
        self.desktop = desktop
        self.history: list[Shown] = []
        self._on_click: Callable[[], None] | None = None
        self._action.connect(lambda callback, key: callback(key))
        if tray is not None:
            tray.messageClicked.connect(self._clicked)

    def _tray_ok(self) -> bool:
        return self.tray is not None and self.tray.isVisible() and self.tray.supportsMessages()

    def _clicked(self) -> None:
        if self._on_click is not None:
            self._on_click()

    def notify(
        self,
        title: str,
        body: str,
        actions: dict[str, str] | None = None,
        on_action: Callable[[str], None] | None = None,
        on_click: Callable[[], None] | None = None,
        critical: bool = False,
    ) -> str:
        """Show one notification; returns the channel used. ``on_action(key)`` (buttons, desktop service only)
        and ``on_click()`` (tray message clicked) run on the Qt thread."""
        channel = "none"
        wants_buttons = bool(actions) and self.desktop is not None and self.desktop.available()
        if self._tray_ok() and not wants_buttons:
            assert self.tray is not None
            icon = QSystemTrayIcon.MessageIcon.Warning if critical else QSystemTrayIcon.MessageIcon.Information
            self._on_click = on_click
            self.tray.showMessage(title, body, icon, 15000)
            channel = "tray"
        elif self.desktop is not None:
            relay = (lambda key: self._action.emit(on_action, key)) if on_action else None
            # The notification spec lets servers read the body as markup: a browser's name must stay plain text.
            text = html.escape(body, quote=False)
            if self.desktop.notify(title, text, actions if relay else None, relay, critical=critical) is not None:
                channel = "desktop"
        if channel == "none":
            log.warning("could not show a notification: no tray and no notification service")
        self.history.append(Shown(title, body, channel))
        return channel
