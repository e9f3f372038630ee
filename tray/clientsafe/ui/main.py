"""Start the tray app: one instance per user, the icon at once, the service and engine behind it.

Its lines in the terminal are in the tray's language (the computer's until the policy has been read, then the
policy's). Under LANG=C they stay English, word for word: bench/tray_startup.py and the tests that start the tray
read them there (``ClientSafe started``, ``ClientSafe ready: ... 127.0.0.1:PORT``, ``ClientSafe stopped.``)."""

from __future__ import annotations

import sys
from typing import Any

from clientsafe.ui.backend import BackendOptions


def _say_ready(tray: Any, error: str) -> None:
    from clientsafe.say import in_language
    from clientsafe.ui.translate import current, translate

    if error:
        line = translate("TrayStartup", "clientsafe: the checker could not start: {error}")
        print(line.format(error=in_language(error, current())), file=sys.stderr, flush=True)
    else:
        line = translate("TrayStartup", "ClientSafe ready: checking posts (local service on 127.0.0.1:{port}).")
        print(line.format(port=tray.facts.port), flush=True)


def _say_started(tray: Any, warning: str) -> None:
    """One line for a person who started it from a terminal (and for bench/tray_startup.py's timings)."""
    from clientsafe.say import in_language
    from clientsafe.ui.translate import current, translate

    if tray.no_tray is not None:
        print(
            translate("TrayStartup", "ClientSafe started: no system tray here, so it shows a small window instead."),
            flush=True,
        )
    else:
        print(translate("TrayStartup", "ClientSafe started: its icon is in the system tray."), flush=True)
    if warning:
        line = translate("TrayStartup", "clientsafe: WARNING: {warning}")
        print(line.format(warning=in_language(warning, current())), file=sys.stderr, flush=True)


def _say_stopped(stopped: bool) -> None:
    from clientsafe.ui.translate import translate

    if stopped:
        print(translate("TrayStartup", "ClientSafe stopped."), flush=True)
    else:
        print(translate("TrayStartup", "ClientSafe stopped (the service did not finish in time)."), flush=True)


def run(options: BackendOptions, argv: list[str] | None = None) -> int:
    """Run until Quit. Returns 0, also when another ClientSafe was already running and was brought forward."""
    from clientsafe.ui.qt import QApplication, QCoreApplication

    QCoreApplication.setApplicationName("ClientSafe")
    QCoreApplication.setOrganizationName("ClientSafe")
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)  # closing a window must not stop protection

    from clientsafe.i18n import language
    from clientsafe.ui.single_instance import SingleInstance, ask_running_instance
    from clientsafe.ui.translate import install, translate

    install(language(None))  # no policy read yet: the computer's language, as the tray itself starts in
    if ask_running_instance():
        print(translate("TrayStartup", "ClientSafe is already running; brought it forward."), flush=True)
        return 0
    instance = SingleInstance()

    from clientsafe.api.pairing import PairingBook
    from clientsafe.api.tokens import TokenStore
    from clientsafe.ui.app import TrayApp
    from clientsafe.ui.notifier import desktop_service

    tokens = TokenStore()
    tray = TrayApp(app, tokens, PairingBook(tokens), options, desktop=desktop_service())
    instance.activated.connect(tray.bring_forward)
    tray.engine_result.connect(lambda error: _say_ready(tray, error))
    tray.start()
    _say_started(tray, tokens.warning)
    _quit_on_signals(tray)
    try:
        return int(app.exec())
    finally:
        stopped = tray.shutdown()
        instance.close()
        _say_stopped(stopped)


def _quit_on_signals(tray: Any) -> None:
    """Logging out (SIGTERM) or Ctrl-C in a terminal quits cleanly, service included. Python runs signal handlers
    only between bytecodes, so a timer hands control to Python twice a second while Qt's loop waits."""
    import signal

    from clientsafe.ui.qt import QTimer

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: tray.quit())
    timer = QTimer(tray)
    timer.timeout.connect(lambda: None)
    timer.start(500)
