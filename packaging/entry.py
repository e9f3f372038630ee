"""Entry point of the frozen app: the same ``clientsafe`` command as the Python package installs.

Both executables run it (packaging/clientsafe.spec): ``clientsafe`` (the console program: the CLI, the
native-messaging host) and, on Windows and macOS, the windowless ``clientsafe-tray``, which starts the tray when
it is given no command (ClientSafe.app opened from the Finder).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import PureWindowsPath

from clientsafe.cli import main

TRAY_LAUNCHER = "clientsafe-tray"


def arguments(executable: str, argv: list[str]) -> list[str]:
    """The command line, with `tray` when the windowless launcher is started bare."""
    # PureWindowsPath splits on both / and \, so one rule reads a Windows and a macOS path alike.
    return argv or (["tray"] if PureWindowsPath(executable).stem == TRAY_LAUNCHER else [])


def give_windowless_program_streams() -> None:
    """A program built without a console starts with sys.stdout and sys.stderr set to None, and any library that
    writes a log line to them would fail; they go nowhere instead (the tray shows what matters in its windows)."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115  (open for the whole run)


if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen app must call this before anything starts a child process
    give_windowless_program_streams()
    raise SystemExit(main(arguments(sys.executable, sys.argv[1:])))
