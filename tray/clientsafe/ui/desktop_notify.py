"""The desktop notification service (org.freedesktop.Notifications on the session D-Bus), for when there is no
tray to show a message and for notifications with buttons (pairing: Approve / Deny), which tray messages lack.

jeepney (pure Python, already installed with ``keyring`` on Linux) speaks D-Bus with typed signatures, which
QtDBus makes awkward from Python (the spec's ``uint`` replaces_id). One connection both sends and listens:
notification servers may send ``ActionInvoked`` only to the connection that created the notification. Its
router is thread-safe and receives on its own thread; button presses are handed to a callback there, and the
tray moves them onto the Qt thread. No Qt here. Spec:
https://specifications.freedesktop.org/notification-spec/latest/protocol.html
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger("clientsafe.ui")
_PATH = "/org/freedesktop/Notifications"
_NAME = "org.freedesktop.Notifications"


class DesktopNotifications:
    def __init__(self, app_name: str = "ClientSafe") -> None:
        self.app_name = app_name
        self._router: Any = None
        self._listener: threading.Thread | None = None
        self._filter: Any = None
        self._callbacks: dict[int, Callable[[str], None]] = {}
        self._lock = threading.Lock()
        self.unavailable_reason = ""

    def _connect(self) -> Any:
        if self._router is None and not self.unavailable_reason:
            try:
                from jeepney.io.threading import DBusRouter, open_dbus_connection

                self._router = DBusRouter(open_dbus_connection(bus="SESSION"))
            except Exception as e:  # no session bus (a bare server, a container): say why, once
                self.unavailable_reason = f"no desktop session bus ({type(e).__name__})"
        return self._router

    def _call(self, method: str, signature: str | None = None, body: tuple = ()) -> Any:
        from jeepney import DBusAddress, new_method_call

        addr = DBusAddress(_PATH, bus_name=_NAME, interface=_NAME)
        return self._router.send_and_get_reply(new_method_call(addr, method, signature, body), timeout=3)

    def available(self) -> bool:
        """True when a notification daemon answers on the session bus."""
        if self._connect() is None:
            return False
        try:
            self._call("GetServerInformation")
            return True
        except Exception as e:
            self.unavailable_reason = f"no notification service answered ({type(e).__name__})"
            return False

    def notify(
        self,
        summary: str,
        body: str,
        actions: dict[str, str] | None = None,
        on_action: Callable[[str], None] | None = None,
        timeout_ms: int = -1,
        critical: bool = False,
    ) -> int | None:
        """Show a notification; ``actions`` maps keys to button labels (the key "default" is a click on the
        notification itself), ``on_action(key)`` runs on the listener thread when one is chosen. Returns the
        notification id, or None when no service is there."""
        if self._connect() is None:
            return None
        if on_action is not None:
            self._listen()  # before showing it, so that no early click is missed
        flat: list[str] = []
        for key, label in (actions or {}).items():
            flat += [key, label]
        hints: dict[str, tuple[str, Any]] = {"urgency": ("y", 2 if critical else 1)}
        try:
            reply = self._call(
                "Notify", "susssasa{sv}i", (self.app_name, 0, "", summary, body, flat, hints, timeout_ms)
            )
            notification_id = int(reply.body[0])
        except Exception as e:
            self.unavailable_reason = f"the notification service did not answer ({type(e).__name__})"
            return None
        if on_action is not None:
            with self._lock:
                self._callbacks[notification_id] = on_action
        return notification_id

    def withdraw(self, notification_id: object) -> None:
        """Take a notification off the screen (a pairing request decided elsewhere); a gone one is no error."""
        if self._connect() is None or not isinstance(notification_id, int):
            return
        try:
            self._call("CloseNotification", "u", (notification_id,))
        except Exception as e:  # already closed by the person, or the service went away: nothing left to withdraw
            log.info("could not withdraw a notification (%s)", type(e).__name__)

    def _listen(self) -> None:
        if self._listener is not None:
            return
        from jeepney import HeaderFields, MatchRule, message_bus

        rule = MatchRule(type="signal", interface=_NAME, path=_PATH)
        self._router.send_and_get_reply(message_bus.AddMatch(rule), timeout=3)
        signals: queue.Queue = queue.Queue(maxsize=256)
        self._filter = self._router.filter(rule, queue=signals)

        def loop() -> None:
            while True:
                message = signals.get()
                if message is None:  # close()
                    return
                member = message.header.fields.get(HeaderFields.member)
                if member == "ActionInvoked":
                    notification_id, key = message.body
                    with self._lock:
                        callback = self._callbacks.pop(int(notification_id), None)
                    if callback is not None:
                        try:
                            callback(str(key))
                        except Exception as e:  # a failing handler must not end the listener
                            log.error("notification action failed (%s)", type(e).__name__)
                elif member == "NotificationClosed":
                    with self._lock:
                        self._callbacks.pop(int(message.body[0]), None)

        self._signals = signals
        self._listener = threading.Thread(target=loop, name="clientsafe-notifications", daemon=True)
        self._listener.start()

    def close(self) -> None:
        if self._listener is not None:
            self._signals.put(None)
            self._listener.join(2)
            self._listener = None
        if self._filter is not None:
            self._filter.close()
            self._filter = None
        if self._router is not None:
            self._router.close()
            self._router.conn.close()
            self._router = None
