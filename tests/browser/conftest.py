"""Real Chromium (Debian's /usr/bin/chromium) driven by Playwright. Skips loudly without Chromium,
and fails instead under CI (CI=true), where .ci/run installs it."""

from __future__ import annotations

import os
import shutil

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def chromium_args(extra: list[str] | None = None) -> list[str]:
    args = [
        "--headless=new",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-gpu",
        *(extra or []),
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
    return args
