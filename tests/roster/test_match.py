"""The matcher and the store: what is found, what is not, what is kept on disk, and what a lookup costs."""

from __future__ import annotations

import os
import stat

import pytest

from clientsafe.roster import Roster, store
from tests.roster.conftest import TODAY, import_into, key_in


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Congrats to Keisha Brown!", ["Keisha Brown"]),
        ("KEISHA BROWN!!!", ["KEISHA BROWN"]),
        ("Kiki's new place 🏠", ["Kiki"]),
        ("Kiki Brown and @abdi_w", ["Kiki Brown", "@abdi_w"]),
        ("never, ever", []),  # "Eve" is a roster first name: never inside "never"
        ("Eve came by", []),  # a first name alone that is not an alias
        ("Hope you are well", []),
        ("i hope so", []),
        ("Grace", []),  # alias, but opening a text with nothing after it: a word
        ("We saw Grace at group", ["Grace"]),
        ("grace at group", []),  # an ordinary word in lower case is the word
        ("Will Smith and Will", ["Will"]),  # someone else's full name, then the alias alone
        ("@keisha.brown.art", []),
        ("hope_w22 and https://www.tiktok.com/@hopewilliams09", ["hope_w22", "https://www.tiktok.com/@hopewilliams09"]),
    ],
)
def test_what_is_found_in_a_text(roster, text, found):
    assert [text[m.start : m.end] for m in roster.find(text, today=TODAY)] == found


def test_flags_come_with_a_match_and_expired_consent_does_not_count(roster):
    (keisha,) = roster.find("Keisha Brown", today=TODAY)
    (will,) = roster.find("William Turner", today=TODAY)
    (hope,) = roster.find("Hope Williams", today=TODAY)
    assert (keisha.minor, keisha.consent) == (False, True)
    assert (will.minor, will.consent) == (False, False)  # release expired 2024-12-31
    assert hope.minor is True


def test_a_person_is_matched_on_name_alias_or_handle_and_a_first_name_alone_is_not(roster):
    assert roster.person("Keisha Brown").matched_on == ("name",)
    assert roster.person("", "https://instagram.com/neesh.wash").matched_on == ("handle",)
    assert roster.person("Neesh").client is True
    assert roster.person("Tanisha").client is False
    assert roster.person("Keisha Smith").client is False


def test_the_store_holds_only_hashes_in_a_private_file_under_20mb_for_50000_clients(tmp_path):
    rows = "".join(f"Given{i} Middle Family{i},Nick{i},@handle_{i},no,yes,2030-01-01\n" for i in range(50_000))
    (tmp_path / "big.csv").write_text("Name,Alias,Handle,Minor,Consent,Consent expiry\n" + rows, encoding="utf-8")
    report = import_into(tmp_path, tmp_path / "big.csv")
    file = tmp_path / "roster.bin"
    assert report.imported == 50_000 and file.stat().st_size < 20_000_000
    assert stat.S_IMODE(os.stat(file).st_mode) == 0o600
    data = file.read_bytes()
    assert b"Given1" not in data and b"given1" not in data and b"handle_1" not in data
    assert Roster(file, key_in(tmp_path)).find("Nick49999 Family49999 said hi")


def test_the_cost_of_a_lookup_grows_with_the_text_not_the_roster(tmp_path, roster, monkeypatch):
    rows = "".join(f"Given{i} Middle Family{i}\n" for i in range(5_000))
    (tmp_path / "big.csv").write_text("Name\n" + rows, encoding="utf-8")
    (tmp_path / "big").mkdir()
    import_into(tmp_path / "big", tmp_path / "big.csv")
    big = Roster(tmp_path / "big" / "roster.bin", key_in(tmp_path / "big"))
    calls = []
    real = store.digest
    monkeypatch.setattr(store, "digest", lambda *a: calls.append(1) or real(*a))
    text = "So proud of everyone at the pantry today, thank you all for coming out in the rain! " * 3
    assert roster.loaded() and big.loaded()  # loading is done before counting
    calls.clear()
    roster.find(text)
    small_cost = len(calls)
    calls.clear()
    big.find(text)
    assert len(calls) == small_cost > 0
    calls.clear()
    big.find(text * 2)
    assert 2 * small_cost <= len(calls) <= 2 * small_cost + 6  # twice the text, twice the lookups (plus the seam)


def test_a_new_import_is_picked_up_without_a_new_roster_object(tmp_path, roster):
    assert roster.find("Keisha Brown")
    (tmp_path / "next.csv").write_text("Name\nDana Whitman\n", encoding="utf-8")
    import_into(tmp_path, tmp_path / "next.csv", replace_smaller=True)  # 1 client in place of 21: confirmed
    assert roster.find("Keisha Brown") == [] and roster.find("Dana Whitman")


def test_when_the_key_is_lost_then_the_roster_is_not_used_and_the_problem_says_what_to_do(tmp_path, roster):
    assert roster.loaded()
    key_in(tmp_path).delete()
    fresh = Roster(tmp_path / "roster.bin", key_in(tmp_path))
    assert fresh.loaded() is False and "import" in fresh.problem


def test_clear_removes_the_roster_and_its_key(tmp_path, roster):
    assert store.clear(tmp_path / "roster.bin", key_in(tmp_path)) is True
    assert not (tmp_path / "roster.bin").exists() and not (tmp_path / "roster-key").exists()
    assert roster.loaded() is False and roster.find("Keisha Brown") == []
    assert store.status(tmp_path / "roster.bin", key_in(tmp_path)).loaded is False
