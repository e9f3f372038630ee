"""Practice tests build on a small fixture library (same format as clientsafe/data/practice/scenarios.json);
the checker comparison reads the real library when it is installed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "scenarios_fixture.json"


def fixture_items() -> list[dict]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))["scenarios"]


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("CLIENTSAFE_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def scenarios():
    from clientsafe.practice import load_library

    return load_library(FIXTURE)
