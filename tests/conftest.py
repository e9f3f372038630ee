"""Shared fixtures. The checker loads a real spaCy model, so it is built once per test session."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"

# Tests never read the machine's IT-managed policy (/etc/clientsafe/policy.json, which an installed .deb
# leaves behind): each test that needs one names its own.
os.environ.setdefault("CLIENTSAFE_SYSTEM_POLICY", str(Path(__file__).parent / "data" / "no-system-policy.json"))
# ClientSafe speaks the computer's language unless the policy sets one: the tests that expect English must not
# depend on the machine running them (a developer's es_MX desktop). Tests of Spanish set it themselves.
for _variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_variable, None)
os.environ["LANG"] = "C.UTF-8"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def org_profile():
    from clientsafe.checker import OrgProfile

    return OrgProfile.load(DATA / "org_profile.json")


@pytest.fixture(scope="session")
def checker(org_profile):
    from clientsafe.checker import Checker

    return Checker(org=org_profile)


@pytest.fixture(scope="session")
def corpus():
    rows = []
    for name in ("posts.jsonl",):
        path = DATA / name
        if path.exists():
            rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def utf16_slice(text: str, start: int, end: int) -> str:
    """What JavaScript's text.slice(start, end) would return, for checking reported offsets."""
    encoded = text.encode("utf-16-le", "surrogatepass")
    return encoded[start * 2 : end * 2].decode("utf-16-le", "surrogatepass")


@pytest.fixture(scope="session")
def browser_type():
    """Playwright's Chromium driver for Debian's /usr/bin/chromium (tests/browser/conftest.py)."""
    import os

    from tests.browser.conftest import CHROMIUM

    if not os.path.exists(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM}: browser tests need Debian's chromium package"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p.chromium


def wait_for(condition: Callable[[], object], timeout: float = 10.0) -> bool:
    """True as soon as ``condition()`` is true, False after ``timeout`` seconds (for work done on other threads)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False
