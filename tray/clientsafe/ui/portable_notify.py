"""Notifications with buttons on Windows and macOS (pairing: Approve / Deny), through ``desktop-notifier``.

The same interface as :class:`clientsafe.ui.desktop_notify.DesktopNotifications` (the Linux D-Bus path), so
``notifier.desktop_service()`` can hand either to the tray. desktop-notifier speaks WinRT toasts on Windows and
UNUserNotificationCenter on macOS (https://desktop-notifier.readthedocs.io/). Its API is async and needs a running
asyncio loop for the callbacks (WinRT hands button presses to the loop that sent the toast), while the tray runs
Qt's loop: so one asyncio loop runs on a daemon thread here and the tray submits to it with
``asyncio.run_coroutine_threadsafe``. Button presses reach ``on_action(key)`` on that thread (on macOS on the
main thread's run loop, where Apple delivers them); the tray moves them onto the Qt thread either way.

Where the library can only no-op (macOS outside a signed app bundle, Windows before 10) this says so through
``available()`` / ``unavailable_reason`` and the tray falls back to its own messages and the Pair window's buttons.
No Qt here.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import sys
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger("clientsafe.ui")

# How long the tray (on the Qt thread) waits for the notification centre: a hung system service must not freeze
# the tray; the message then goes to the tray instead.
_SETUP_SECONDS = 10.0
_SEND_SECONDS = 5.0
# macOS answers the first request for permission only once the person chose Allow or Don't Allow in its prompt:
# the tray waits this long for a quick answer (Windows reads a setting), then goes on while the question stays open.
_ASK_SECONDS = 2.0
# desktop-notifier's backends report a failed send only as a warning with a traceback on this logger
# (DesktopNotifierBackend.send) and return normally; _FailureNote turns that into our one plain reason.
_LIBRARY_LOGGER = "desktop_notifier.backends.base"


class _NotShown(Exception):
    """The notification centre refused or failed to show a notification; the message is the plain reason."""


class _FailureNote(logging.Filter):
    """Remembers, per thread, the kind of error behind the library's "Notification failed" warning and drops that
    record, so the log gets our plain line instead of a stack trace. Sends run on each adapter's own loop thread,
    which is also where the library logs, so a thread-local note belongs to the send in progress."""

    def __init__(self) -> None:
        super().__init__()
        self.local = threading.local()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            self.local.error = type(record.exc_info[1]).__name__
            return False
        return True


_NOTE = _FailureNote()


def _install_note() -> None:
    library = logging.getLogger(_LIBRARY_LOGGER)
    if _NOTE not in library.filters:
        library.addFilter(_NOTE)


class PortableNotifications:
    """System notifications with buttons on Windows and macOS; ``available()`` says whether they can be shown."""

    body_is_markup = False  # toasts and the macOS centre show text as given (the tray escapes only for D-Bus)

    def __init__(self, app_name: str = "ClientSafe") -> None:
        # On Windows the name is also the toast's app id (desktop-notifier registers it under
        # HKCU\Software\Classes\AppUserModelId when the process has no packaged app id).
        self.app_name = app_name
        self.unavailable_reason = ""  # why notifications cannot be shown just now ("" when they can)
        self._broken = ""  # why they never can in this run (no library, no notification centre): not retried
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._notifier: Any = None
        self._lock = threading.Lock()

    # -- the loop thread ------------------------------------------------------------------------------------------
    def _start(self) -> Any:
        """The library's notifier, set up once on the loop thread; None (with a reason) when it cannot be used."""
        with self._lock:
            if self._notifier is not None or self._broken:
                return self._notifier
            try:
                import desktop_notifier.main as library
                from desktop_notifier.backends.dummy import DummyNotificationCenter
            except ImportError as e:
                return self._unavailable(f"the desktop-notifier library is missing ({e.name}); reinstall ClientSafe")
            if issubclass(library.get_backend_class(), DummyNotificationCenter):
                # desktop-notifier's stand-in that shows nothing: say why instead of sending into the void.
                if sys.platform == "darwin":
                    return self._unavailable(
                        "macOS shows ClientSafe's notifications only when it runs as the signed ClientSafe app; "
                        "this copy runs outside the app bundle, so tray messages and the Pair window are used"
                    )
                return self._unavailable("this system has no notification centre ClientSafe can use")
            _install_note()
            loop = asyncio.new_event_loop()
            thread = threading.Thread(target=loop.run_forever, name="clientsafe-notifications", daemon=True)
            thread.start()
            self._loop, self._thread = loop, thread
            try:
                self._notifier = self._run(self._setup(library.DesktopNotifier), _SETUP_SECONDS)
            except _NotShown as e:
                self._stop_loop()
                return self._unavailable(str(e))
            return self._notifier

    async def _setup(self, front_end: Any) -> Any:
        # Built on the loop thread: WinRT objects and the callbacks they capture belong to the loop that made them.
        try:
            notifier = front_end(app_name=self.app_name, app_icon=None)  # no Python logo on our notifications
        except Exception as e:
            raise _NotShown(f"the system's notification centre could not be reached ({type(e).__name__})") from None
        # Ask for permission now, so that macOS shows its prompt at start rather than at the first pairing request.
        # Whether it was given is read again before each notification (the person can change it at any time).
        asking = asyncio.ensure_future(notifier.request_authorisation())
        asking.add_done_callback(lambda task: task.cancelled() or task.exception())  # its failure is not news
        with contextlib.suppress(Exception):
            await asyncio.wait_for(asyncio.shield(asking), _ASK_SECONDS)
        return notifier

    async def _allowed(self) -> bool:
        return bool(await self._notifier.has_authorisation())

    def _run(self, coroutine: Any, seconds: float) -> Any:
        assert self._loop is not None
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        try:
            return future.result(seconds)
        except TimeoutError:
            future.cancel()
            raise _NotShown(f"the system's notification centre did not answer within {seconds:g} s") from None
        except _NotShown:
            raise
        except Exception as e:  # the library failing in a way it does not catch itself
            raise _NotShown(f"the system's notification centre failed ({type(e).__name__})") from None

    def _unavailable(self, reason: str) -> None:
        self._broken = reason
        self._say(reason)
        return None

    def _say(self, reason: str) -> None:
        """Log why notifications cannot be shown, once for each new reason (available() runs for every one)."""
        if reason != self.unavailable_reason:
            log.warning("system notifications with buttons are not available: %s", reason)
        self.unavailable_reason = reason

    def _stop_loop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(2)
        if self._loop is not None and not self._loop.is_running():
            self._loop.close()
        self._loop, self._thread = None, None

    # -- the DesktopNotifications interface ------------------------------------------------------------------------
    def available(self) -> bool:
        """True when the system's notification centre can show ClientSafe's notifications now."""
        if self._start() is None:
            return False
        try:
            allowed = self._run(self._allowed(), _SEND_SECONDS)
        except _NotShown as e:
            self._say(str(e))
            return False
        if not allowed:
            self._say(self._not_allowed())
            return False
        self.unavailable_reason = ""
        return True

    def _not_allowed(self) -> str:
        return f"notifications for {self.app_name} are turned off (or not yet allowed) in the system's settings"

    def notify(
        self,
        summary: str,
        body: str,
        actions: dict[str, str] | None = None,
        on_action: Callable[[str], None] | None = None,
        timeout_ms: int = -1,
        critical: bool = False,
    ) -> str | None:
        """Show a notification; ``actions`` maps keys to button labels (the key "default" is a click on the
        notification itself), ``on_action(key)`` runs off the Qt thread when one is chosen. Returns the
        notification's id, or None when it was not shown (the reason is logged)."""
        if self._start() is None:
            return None
        try:
            return str(
                self._run(self._send(summary, body, actions or {}, on_action, timeout_ms, critical), _SEND_SECONDS)
            )
        except _NotShown as e:
            log.warning("the system notification was not shown: %s", e)
            return None

    async def _send(
        self,
        summary: str,
        body: str,
        actions: dict[str, str],
        on_action: Callable[[str], None] | None,
        timeout_ms: int,
        critical: bool,
    ) -> str:
        from desktop_notifier import Button, Urgency

        def press(key: str) -> None:
            if on_action is None:
                return
            try:
                on_action(key)
            except Exception as e:  # a failing handler must not end the loop thread
                log.error("notification action failed (%s)", type(e).__name__)

        buttons = [
            Button(title=label, on_pressed=functools.partial(press, key))
            for key, label in actions.items()
            if key != "default"
        ]
        if not await self._allowed():
            raise _NotShown(self._not_allowed())
        shown = threading.Event()  # the library calls on_dispatched only once the system accepted the notification
        _NOTE.local.error = ""
        identifier = await self._notifier.send(
            title=summary,
            message=body,
            urgency=Urgency.Critical if critical else Urgency.Normal,
            buttons=buttons,
            on_clicked=functools.partial(press, "default") if "default" in actions else None,
            on_dispatched=shown.set,
            timeout=-1 if timeout_ms < 0 else max(1, timeout_ms // 1000),
        )
        if not shown.is_set():
            kind = getattr(_NOTE.local, "error", "") or "no reason given"
            raise _NotShown(f"the system's notification centre refused it ({kind})")
        return str(identifier)

    def withdraw(self, notification_id: object) -> None:
        """Take a notification off the screen (a pairing request decided elsewhere); a gone one is no error."""
        if self._notifier is None or not isinstance(notification_id, str):
            return
        try:
            self._run(self._notifier.clear(notification_id), _SEND_SECONDS)
        except Exception as e:  # already dismissed, or the centre went away: nothing left to withdraw
            log.info("could not withdraw a notification (%s)", type(e).__name__)

    def close(self) -> None:
        with self._lock:
            self._notifier = None
            self._stop_loop()
