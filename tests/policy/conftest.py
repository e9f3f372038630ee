"""Every policy test gets its own home folder and its own "system" policy path (never /etc)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def policy_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("CLIENTSAFE_HOME", str(home))
    monkeypatch.setenv("CLIENTSAFE_SYSTEM_POLICY", str(tmp_path / "etc" / "policy.json"))
    return home


@pytest.fixture
def system_file(tmp_path) -> Path:
    return tmp_path / "etc" / "policy.json"


@pytest.fixture
def user_file(policy_home) -> Path:
    return policy_home / "config" / "policy.json"


def write(path: Path, document) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(document if isinstance(document, str) else json.dumps(document), encoding="utf-8")
    return path
