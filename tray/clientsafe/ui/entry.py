"""The ``clientsafe-tray`` launcher (a GUI script: no console window on Windows): ``clientsafe tray``."""

from __future__ import annotations


def main() -> int:
    import sys

    from clientsafe.cli import main as cli_main

    return cli_main(["tray", *sys.argv[1:]])
