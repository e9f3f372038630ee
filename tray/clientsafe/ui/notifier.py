"""Desktop notifications: the tray's own messages, falling back to the desktop notification service.

Pairing requests need Approve / Deny buttons, which only the notification service has; where it is missing,
the tray message opens the Pair a browser window instead. Notifications say which site and which kind of
risk, never any text of a post. The service is chosen per OS (``desktop_service``): D-Bus through jeepney on
Linux, desktop-notifier on Windows and macOS (``portable_notify``); a service that fails to show one falls back
to the tray message.
"""

from __future__ import annotations

import html
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from clientsafe.ui.desktop_notify import DesktopNotifications
from clientsafe.ui.qt import QObject, QSystemTrayIcon, Signal

log = logging.getLogger("clientsafe.ui")


class DesktopService(Protocol):
    """What the tray needs of a system notification service (desktop_notify / portable_notify)."""

    unavailable_reason: str

    def available(self) -> bool: ...

    def notify(
        self,
        summary: str,
        body: str,
        actions: dict[str, str] | None = None,
        on_action: Callable[[str], None] | None = None,
        timeout_ms: int = -1,
        critical: bool = False,
    ) -> object: ...

    def close(self) -> None: ...


def desktop_service() -> DesktopService:
    """The notification service with buttons for this OS: WinRT toasts / the macOS notification centre through
    desktop-notifier, the freedesktop D-Bus service through jeepney elsewhere (Linux, the BSDs)."""
    if sys.platform in ("win32", "darwin"):
        from clientsafe.ui.portable_notify import PortableNotifications

        return PortableNotifications()
    return DesktopNotifications()


@dataclass
class Shown:
    title: str
    body: str
    channel: str  # tray | desktop | none
    handle: object = None  # the notification service's id, to withdraw it (desktop only)
    withdrawn: bool = False


class Notifier(QObject):
    _action = Signal(object, str)  # (callback, key) from the D-Bus listener thread to the Qt thread

    def __init__(self, tray: QSystemTrayIcon | None, desktop: DesktopService | None) -> None:
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
        channel, handle = "none", None
        wants_buttons = bool(actions) and self.desktop is not None and self.desktop.available()
        if self._tray_ok() and not wants_buttons:
            channel = self._show_tray(title, body, on_click, critical)
        elif self.desktop is not None:
            relay = (lambda key: self._action.emit(on_action, key)) if on_action else None
            # The notification spec lets servers read the body as markup: a browser's name must stay plain text.
            # Toasts and the macOS centre take plain text (body_is_markup False) and would show "&amp;" as is.
            markup = getattr(self.desktop, "body_is_markup", True)
            text = html.escape(body, quote=False) if markup else body
            handle = self.desktop.notify(title, text, actions if relay else None, relay, critical=critical)
            if handle is not None:
                channel = "desktop"
            elif self._tray_ok():  # the service failed this once (it logged why): the tray still says it
                log.warning("showing a tray message instead of the notification service's")
                channel = self._show_tray(title, body, on_click, critical)
        if channel == "none":
            log.warning("could not show a notification: no tray and no notification service")
        self.history.append(Shown(title, body, channel, handle))
        return channel

    def withdraw(self, shown: Shown) -> None:
        """Take a notification that no longer holds off the screen (a tray balloon times out by itself)."""
        if shown.withdrawn:
            return
        shown.withdrawn = True
        withdraw = getattr(self.desktop, "withdraw", None)
        if shown.channel == "desktop" and withdraw is not None:
            withdraw(shown.handle)

    def _show_tray(self, title: str, body: str, on_click: Callable[[], None] | None, critical: bool) -> str:
        assert self.tray is not None
        icon = QSystemTrayIcon.MessageIcon.Warning if critical else QSystemTrayIcon.MessageIcon.Information
        self._on_click = on_click
        self.tray.showMessage(title, body, icon, 15000)
        return "tray"
