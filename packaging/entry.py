"""Entry point of the frozen app: the same ``clientsafe`` command as the Python package installs."""

from __future__ import annotations

import multiprocessing

from clientsafe.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen app must call this before anything starts a child process
    raise SystemExit(main())
