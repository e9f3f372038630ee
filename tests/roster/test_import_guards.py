"""Imports that would lose data are refused, and the roster in force stays: a stray quote, a list far smaller than
the roster in force, a disk too full to save the new roster. Temporary files a crash left behind are cleaned."""

from __future__ import annotations

import contextlib
import errno
import os
import time
from pathlib import Path

import pytest

from clientsafe.roster import Roster, RosterError, status
from clientsafe.roster.importer import ShrinkRefused
from tests.roster.conftest import import_into, key_in


def roster_csv(folder: Path, count: int, name: str = "clients.csv", start: int = 0) -> Path:
    """``count`` clients with distinct, realistic two-word names (no real person's list)."""
    first = ["Keisha", "Dana", "Marcus", "Lena", "Tomas", "Priya", "Noah", "Imani", "Rafael", "Mei"]
    last = ["Brown", "Whitman", "Okafor", "Lindqvist", "Reyes", "Nair", "Hartley", "Mensah", "Duarte", "Tanaka"]
    rows = ["Name,Minor,Media consent"]
    for i in range(start, start + count):
        rows.append(f"{first[i % 10]} {last[(i // 10) % 10]}{'' if i < 100 else f'-{last[(i // 100) % 10]}'},no,yes")
    path = folder / name
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_a_stray_quote_is_refused_naming_its_line_and_the_roster_in_force_stays(tmp_path):
    import_into(tmp_path, roster_csv(tmp_path, 2000))
    before = (tmp_path / "roster.bin").read_bytes()
    lines = roster_csv(tmp_path, 2000, "next.csv").read_text(encoding="utf-8").splitlines()
    lines[5] = '"' + lines[5]  # line 6: a quote opened and never closed; a later "JJ" quote closes it
    lines[1500] = 'Jo "JJ" Tanaka,no,yes'
    (tmp_path / "next.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(
        RosterError, match=r"^Line 6 opens a quote .* lines 6 to 1501 .*previous roster is still in force"
    ):
        import_into(tmp_path, tmp_path / "next.csv")
    assert (tmp_path / "roster.bin").read_bytes() == before

    # A quote left open to the end of the file, in a small file: refused the same way.
    (tmp_path / "end.csv").write_text('Name,Minor\nKeisha Brown,no\n"Dana Whitman,no\nMarcus Okafor,no\n', "utf-8")
    with pytest.raises(RosterError, match=r"^Line 3 opens a quote"):
        import_into(tmp_path, tmp_path / "end.csv")
    # A line break typed inside a quoted cell (nicknames on two lines, as a spreadsheet saves them) is fine.
    (tmp_path / "ok.csv").write_text('Name,Aliases,Minor\nKeisha Brown,"Kiki\nKeke",no\nEve Martin,,no\n', "utf-8")
    assert import_into(tmp_path, tmp_path / "ok.csv", replace_smaller=True).imported == 2


def test_a_much_smaller_list_is_refused_with_both_numbers_unless_the_person_confirms_it(tmp_path):
    import_into(tmp_path, roster_csv(tmp_path, 40))
    before = (tmp_path / "roster.bin").read_bytes()
    with pytest.raises(ShrinkRefused, match="has 5 clients, fewer than half of the 40 in the roster in force") as e:
        import_into(tmp_path, roster_csv(tmp_path, 5, "small.csv"))
    assert (e.value.current, e.value.new) == (40, 5) and "previous roster is still in force" in str(e.value)
    assert (tmp_path / "roster.bin").read_bytes() == before
    assert import_into(tmp_path, roster_csv(tmp_path, 25, "half.csv")).imported == 25  # not under half: fine
    report = import_into(tmp_path, tmp_path / "small.csv", replace_smaller=True)  # the person said it is right
    assert report.imported == 5 and status(tmp_path / "roster.bin", key_in(tmp_path)).clients == 5
    assert import_into(tmp_path, roster_csv(tmp_path, 1, "one.csv")).imported == 1  # a roster under 20: no check


@contextlib.contextmanager
def _disk_full(*args, **kwargs):  # type: ignore[no-untyped-def]
    raise OSError(errno.ENOSPC, "No space left on device")
    yield  # pragma: no cover


def test_when_the_disk_is_full_the_import_says_so_and_the_roster_in_force_stays(tmp_path, monkeypatch):
    import_into(tmp_path)
    before = (tmp_path / "roster.bin").read_bytes()
    monkeypatch.setattr("clientsafe.roster.store.atomic_write", _disk_full)
    with pytest.raises(RosterError) as e:
        import_into(tmp_path, roster_csv(tmp_path, 30))
    assert str(e.value).startswith("The disk is full: ") and "previous roster is still in force" in str(e.value)
    assert "Errno" not in str(e.value) and "Traceback" not in str(e.value)
    assert (tmp_path / "roster.bin").read_bytes() == before


def test_temporary_files_a_crash_left_behind_are_removed_when_the_roster_is_opened(tmp_path):
    import_into(tmp_path)
    old = [tmp_path / ".roster.bin.k2j4h6.tmp", tmp_path / ".roster-key.x9y8z7.tmp"]
    for orphan in old:
        orphan.write_bytes(b"CSROSTER1\n half an import")
        stale = time.time() - 3600
        os.utime(orphan, (stale, stale))
    young = tmp_path / ".roster.bin.a1b2c3.tmp"  # may be an import running right now in another process
    young.write_bytes(b"CSROSTER1\n")
    roster = Roster(tmp_path / "roster.bin", key_in(tmp_path))
    assert not any(p.exists() for p in old) and young.exists()
    assert roster.find("Keisha Brown")
    assert (tmp_path / "roster.bin").exists() and (tmp_path / "roster-key").exists()
