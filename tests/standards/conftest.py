"""Each Community Standards test gets its own home folder and "system" policy path (never the machine's)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def standards_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("CLIENTSAFE_HOME", str(home))
    monkeypatch.setenv("CLIENTSAFE_SYSTEM_POLICY", str(tmp_path / "etc" / "policy.json"))
    return home
