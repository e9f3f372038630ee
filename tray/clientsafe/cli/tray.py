"""``clientsafe tray``: the desktop app (tray icon, windows, notifications) with the service inside it."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from clientsafe.cli.common import EXIT_ENGINE, EXIT_INPUT, EXIT_OK, EXIT_USAGE, CliError
from clientsafe.say import _


def register(sub: Any) -> None:
    tray = sub.add_parser("tray", help=_("start the desktop app: tray icon, windows, and the service inside it"))
    tray.add_argument(
        "--port", type=int, default=None, help=_("listen on this port (default: first free of 47390-47399)")
    )
    tray.add_argument("--org", type=Path, default=None, help=_("organisation profile or policy JSON"))
    tray.add_argument(
        "--allow-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help=_("extension origin allowed to call, e.g. chrome-extension://<id> (repeatable)"),
    )
    tray.add_argument(
        "--autostart",
        choices=("on", "off"),
        default=None,
        help=_("start ClientSafe when you log in (on) or stop doing so (off), then exit"),
    )


def has_display() -> bool:
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def run(args: argparse.Namespace) -> int:
    if args.autostart is not None:
        from clientsafe.ui import autostart

        managed = autostart.managed_by_it()
        if args.autostart == "on":
            where = autostart.enable()
            if managed:
                print(
                    _("ClientSafe is started at login by your IT department, for every user ({where}).").format(
                        where=managed
                    )
                )
            else:
                print(_("ClientSafe will start when you log in ({where}).").format(where=where))
        else:
            autostart.disable()  # this user's own entry, if an earlier version or they added one
            if managed:
                raise CliError(
                    _(
                        "ClientSafe is started at login by your IT department, for every user ({where}); "
                        "only IT can turn that off. Ask them if it should not start for you."
                    ).format(where=managed),
                    EXIT_INPUT,
                )
            print(_("ClientSafe will no longer start when you log in."))
        return EXIT_OK
    if not has_display() and os.environ.get("QT_QPA_PLATFORM", "") not in ("offscreen", "minimal"):
        raise CliError(
            _(
                "no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so the tray cannot start. "
                "Run `clientsafe serve` for the service alone."
            ),
            EXIT_USAGE,
        )
    try:
        from clientsafe.ui.backend import BackendOptions
        from clientsafe.ui.main import run as run_tray
    except ImportError as e:
        raise CliError(
            _("the tray app needs PySide6 ({problem}); reinstall ClientSafe with its dependencies").format(problem=e),
            EXIT_ENGINE,
        ) from None
    options = BackendOptions(org=args.org, port=args.port, allow_origins=frozenset(args.allow_origin))
    return run_tray(options)
