"""`clientsafe roster` when things go wrong: real subprocesses, real exit codes, one plain line each."""

from __future__ import annotations

from pathlib import Path

from tests.api.test_disk_full import fill, tiny_disk  # noqa: F401 (a fixture)
from tests.cli.test_cli import clientsafe as run_cli
from tests.conftest import DATA

ROSTER = str(DATA / "roster.csv")
NO_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
# A keyring that is there but locked (as a login keyring is before it is unlocked).
LOCKED_KEYRING = {"PYTHON_KEYRING_BACKEND": "tests.api.fake_keyrings.LockedKeyring"}


def clientsafe(*args: str, home: Path, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return run_cli(*args, home=home, env=env or NO_KEYRING)


def names(folder: Path, count: int, file: str) -> str:
    first = ["Keisha", "Dana", "Marcus", "Lena", "Tomas", "Priya", "Noah", "Imani", "Rafael", "Mei"]
    last = ["Brown", "Whitman", "Okafor", "Lindqvist", "Reyes", "Nair", "Hartley", "Mensah", "Duarte", "Tanaka"]
    path = folder / file
    rows = [f"{first[i % 10]} {last[i // 10 % 10]}" for i in range(count)]
    path.write_text("Name\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return str(path)


def test_when_the_keyring_fails_then_status_says_the_roster_cannot_be_read_and_exits_non_zero(tmp_path):
    assert clientsafe("roster", "import", ROSTER, home=tmp_path).returncode == 0
    result = clientsafe("roster", "status", home=tmp_path, env=LOCKED_KEYRING)
    out, err = result.stdout.decode(), result.stderr.decode()
    assert result.returncode == 6, err
    assert "cannot be read because the keyring failed" in err and "unlock" in err
    assert "21 clients" not in out + err and "Traceback" not in err


def test_a_much_smaller_list_needs_replace_smaller_and_the_message_says_the_numbers(tmp_path):
    assert clientsafe("roster", "import", names(tmp_path, 40, "all.csv"), home=tmp_path).returncode == 0
    small = names(tmp_path, 4, "small.csv")
    refused = clientsafe("roster", "import", small, home=tmp_path)
    err = refused.stderr.decode()
    assert refused.returncode == 3
    assert "has 4 clients, fewer than half of the 40 in the roster in force" in err
    assert f"clientsafe roster import --replace-smaller {small}" in err and "Traceback" not in err
    assert clientsafe("roster", "status", home=tmp_path).stdout.decode().startswith("40 clients")
    confirmed = clientsafe("roster", "import", "--replace-smaller", small, home=tmp_path)
    assert confirmed.returncode == 0, confirmed.stderr.decode()
    assert clientsafe("roster", "status", home=tmp_path).stdout.decode().startswith("4 clients")


def test_on_a_really_full_disk_the_import_says_the_disk_is_full_and_the_roster_in_force_stays(tiny_disk, tmp_path):  # noqa: F811
    assert clientsafe("roster", "import", ROSTER, home=tiny_disk).returncode == 0
    before = (tiny_disk / "data" / "roster.bin").read_bytes()
    fill(tiny_disk)
    result = clientsafe("roster", "import", names(tmp_path, 60, "next.csv"), home=tiny_disk)
    err = result.stderr.decode()
    assert result.returncode == 3, err
    assert "The disk is full: the new roster could not be saved" in err and "Traceback" not in err
    assert "previous roster is still in force" in err
    assert (tiny_disk / "data" / "roster.bin").read_bytes() == before
    assert not list((tiny_disk / "data").glob(".roster.bin.*.tmp"))


def test_when_the_keyring_fails_pair_list_says_so_in_one_line_and_exits_6(tmp_path):
    """A locked keyring is not "no browsers paired", and never a traceback (exit 70 before)."""
    result = clientsafe("pair", "list", home=tmp_path, env=LOCKED_KEYRING)
    err = result.stderr.decode()
    assert result.returncode == 6, err
    assert "keyring" in err and "unlock" in err and "Traceback" not in err
    assert "No browsers are paired" not in result.stdout.decode()
