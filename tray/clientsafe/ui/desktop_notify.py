"""The desktop notification service (org.freedesktop.Notifications on the session D-Bus), for when there is no
tray to show a message and for notifications with buttons (pairing: Approve / Deny), which tray messages lack.

jeepney (pure Python, already installed with ``keyring`` on Linux) speaks D-Bus with typed signatures, which
QtDBus makes awkward from Python (the spec's ``uint`` replaces_id). No Qt here: button presses arrive on a
listener thread and the tray moves them onto its own thread. Spec:
https://specifications.freedesktop.org/notification-spec/latest/protocol.html
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger("clientsafe.ui")
_PATH = "/org/freedesktop/Notifications"
_NAME = "org.freedesktop.Notifications"


class DesktopNotifications:
    def __init__(self, app_name: str = "ClientSafe") -> None:
        self.app_name = app_name
        self._conn: Any = None
        self._listener: threading.Thread | None = None
        self._listen_conn: Any = None
        self._callbacks: dict[int, Callable[[str], None]] = {}
        self._lock = threading.Lock()
        self.unavailable_reason = ""

    def _connect(self) -> Any:
        if self._conn is None and not self.unavailable_reason:
            try:
                from jeepney.io.blocking import open_dbus_connection

                self._conn = open_dbus_connection(bus="SESSION")
            except Exception as e:  # no session bus (a bare server, a container): say why, once
                self.unavailable_reason = f"no desktop session bus ({type(e).__name__})"
        return self._conn

    def available(self) -> bool:
        """True when a notification daemon answers on the session bus."""
        conn = self._connect()
        if conn is None:
            return False
        try:
            from jeepney import DBusAddress, new_method_call

            addr = DBusAddress(_PATH, bus_name=_NAME, interface=_NAME)
            conn.send_and_get_reply(new_method_call(addr, "GetServerInformation"), timeout=2)
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
        """Show a notification; ``actions`` maps keys to button labels, ``on_action(key)`` runs on the listener
        thread when one is pressed. Returns the notification id, or None when no service is there."""
        conn = self._connect()
        if conn is None:
            return None
        from jeepney import DBusAddress, new_method_call

        flat: list[str] = []
        for key, label in (actions or {}).items():
            flat += [key, label]
        hints: dict[str, tuple[str, Any]] = {"urgency": ("y", 2 if critical else 1)}
        addr = DBusAddress(_PATH, bus_name=_NAME, interface=_NAME)
        message = new_method_call(
            addr, "Notify", "susssasa{sv}i", (self.app_name, 0, "", summary, body, flat, hints, timeout_ms)
        )
        try:
            reply = conn.send_and_get_reply(message, timeout=3)
        except Exception as e:
            self.unavailable_reason = f"the notification service did not answer ({type(e).__name__})"
            return None
        notification_id = int(reply.body[0])
        if on_action is not None:
            with self._lock:
                self._callbacks[notification_id] = on_action
            self._listen()
        return notification_id

    def _listen(self) -> None:
        if self._listener is not None:
            return
        from jeepney import MatchRule, message_bus
        from jeepney.io.blocking import open_dbus_connection

        conn = open_dbus_connection(bus="SESSION")
        rule = MatchRule(type="signal", interface=_NAME, path=_PATH)
        conn.send_and_get_reply(message_bus.AddMatch(rule), timeout=3)
        self._listen_conn = conn

        def loop() -> None:
            try:
                with conn.filter(rule) as queue:
                    while True:
                        message = conn.recv_until_filtered(queue)
                        member = message.header.fields.get(_member_field())
                        if member == "ActionInvoked":
                            notification_id, key = message.body
                            with self._lock:
                                callback = self._callbacks.pop(int(notification_id), None)
                            if callback is not None:
                                callback(str(key))
                        elif member == "NotificationClosed":
                            with self._lock:
                                self._callbacks.pop(int(message.body[0]), None)
            except Exception:  # the connection was closed (quitting) or the bus went away
                return

        self._listener = threading.Thread(target=loop, name="clientsafe-notifications", daemon=True)
        self._listener.start()

    def close(self) -> None:
        for conn in (self._conn, self._listen_conn):
            if conn is not None:
                try:
                    conn.close()
                except Exception:  # already closed
                    log.debug("notification connection already closed")
        self._conn = self._listen_conn = None


def _member_field() -> Any:
    from jeepney import HeaderFields

    return HeaderFields.member
