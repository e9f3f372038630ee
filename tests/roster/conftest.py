"""A roster imported from the synthetic tests/data/roster.csv into a test folder, with a file key."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from clientsafe.roster import Roster, import_roster
from clientsafe.roster.keys import RosterKey

DATA = Path(__file__).resolve().parents[1] / "data"
ROSTER_CSV = DATA / "roster.csv"
TODAY = datetime.date(2026, 11, 24)  # consent expiries in the corpus are written against this day


def key_in(folder: Path) -> RosterKey:
    return RosterKey(use_keyring=False, file=folder / "roster-key")


def import_into(folder: Path, source: str | Path = ROSTER_CSV, **kwargs):  # type: ignore[no-untyped-def]
    return import_roster(source, file=folder / "roster.bin", key=key_in(folder), today=TODAY, **kwargs)


@pytest.fixture
def roster(tmp_path: Path) -> Roster:
    import_into(tmp_path)
    return Roster(tmp_path / "roster.bin", key_in(tmp_path))
