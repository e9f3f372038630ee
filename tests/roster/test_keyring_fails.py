"""The roster's key in a keyring that fails (locked at login): the roster is said to be unreadable, never
reported as loaded, never replaced by an import under a new key; unlocking brings it back without a restart."""

from __future__ import annotations

import time

import pytest

from clientsafe.roster import Roster, RosterError, import_roster, status
from clientsafe.roster.keys import RosterKey
from tests.api.fake_keyrings import lockable_keyring
from tests.roster.conftest import ROSTER_CSV, TODAY


@pytest.fixture
def lockable():
    with lockable_keyring() as backend:
        yield backend


def key(folder) -> RosterKey:  # type: ignore[no-untyped-def]
    return RosterKey(use_keyring=True, file=folder / "roster-key")


def test_when_the_keyring_is_locked_then_status_says_the_roster_cannot_be_read_instead_of_the_old_count(
    lockable, tmp_path, monkeypatch
):
    import_roster(ROSTER_CSV, file=tmp_path / "roster.bin", key=key(tmp_path), today=TODAY)
    assert status(tmp_path / "roster.bin", key(tmp_path)).clients == 21
    lockable.locked = True

    st = status(tmp_path / "roster.bin", key(tmp_path))
    assert not st.loaded and st.keyring_failed
    assert "cannot be read because the keyring failed" in st.problem and "unlock" in st.problem

    monkeypatch.setattr("clientsafe.roster.match.KEYRING_RETRY_SECONDS", 0.2)
    roster = Roster(tmp_path / "roster.bin", key(tmp_path))  # a service starting while the keyring is locked
    assert roster.loaded() is False and roster.keyring_failed and "keyring" in roster.problem
    assert roster.find("Keisha Brown") == []
    lockable.locked = False
    deadline = time.monotonic() + 5
    while not roster.loaded() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert roster.loaded() and roster.problem == "" and roster.find("Keisha Brown")  # back, no restart


def test_when_the_keyring_is_locked_then_an_import_is_refused_and_nothing_is_replaced(lockable, tmp_path):
    import_roster(ROSTER_CSV, file=tmp_path / "roster.bin", key=key(tmp_path), today=TODAY)
    before = (tmp_path / "roster.bin").read_bytes()
    stored = dict(lockable.store)
    lockable.locked = True
    with pytest.raises(RosterError, match=r"can't read its keyring.*previous roster is still in force"):
        import_roster(ROSTER_CSV, file=tmp_path / "roster.bin", key=key(tmp_path), today=TODAY)
    # No new key made up and written anywhere (the old roster would be unusable with it): all as it was.
    assert (tmp_path / "roster.bin").read_bytes() == before
    assert lockable.store == stored and not (tmp_path / "roster-key").exists()
    lockable.locked = False
    assert Roster(tmp_path / "roster.bin", key(tmp_path)).find("Keisha Brown")
