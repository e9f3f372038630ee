"""Importing the exports people really have: odd column names, encodings, bad rows, wrong files.

Each bad input gets a clear message, and a failed import leaves the previous roster in force.
"""

from __future__ import annotations

import pytest

from clientsafe.roster import Roster, RosterError
from tests.roster.conftest import import_into, key_in

GOOD = "Name,Alias\nKeisha Brown,Kiki\n"


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def roster_in(folder):
    return Roster(folder / "roster.bin", key_in(folder))


def test_when_columns_have_unusual_names_then_they_are_matched_and_reported(tmp_path):
    csv = (
        "FIRST NAME;Surname;AKA;Instagram Handle;Under 18?;Photo Release;Release Expires;Case Worker\n"
        "Keisha;Brown;Kiki;@keisha.b;N;Y;2031-01-01;Ann\n"
    )
    report = import_into(tmp_path, write(tmp_path, "export.csv", csv.encode()))
    assert report.columns == {
        "first_name": ["FIRST NAME"],
        "last_name": ["Surname"],
        "aliases": ["AKA"],
        "handles": ["Instagram Handle"],
        "minor": ["Under 18?"],
        "consent": ["Photo Release"],
        "consent_expiry": ["Release Expires"],
    }
    assert report.ignored_columns == ["Case Worker"] and report.imported == 1 and report.with_consent == 1
    found = roster_in(tmp_path).find("Go Keisha Brown and @keisha.b")
    assert [m.kind for m in found] == ["name", "handle"]


def test_when_rows_are_bad_then_each_is_reported_with_its_line_and_the_good_rows_are_imported(tmp_path):
    csv = (
        "Name,Minor,Media consent,Consent expiry\n"
        "Keisha Brown,no,yes,2031-01-01\n"
        ",no,no,\n"  # line 3: no name
        "Eve Martin,maybe,no,\n"  # line 4
        '"Hope\nWilliams",yes,no,\n'  # lines 5-6: a quoted line break is fine
        "Grace Okafor,no,yes,next week\n"  # line 7
        "!!!,no,no,\n"  # line 8
    )
    report = import_into(tmp_path, write(tmp_path, "r.csv", csv.encode()))
    assert report.imported == 2 and report.rows == 6
    assert [(b.line, b.reason) for b in report.bad_rows] == [
        (3, "no name"),
        (4, "minor: 'maybe' is not yes or no"),
        (7, "consent expiry: 'next week' is not a date (use YYYY-MM-DD)"),
        (8, "the name has no letters"),
    ]
    assert roster_in(tmp_path).find("hope williams")[0].minor is True


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Name\nJosé Ríos\n".encode(), "UTF-8"),
        (b"\xef\xbb\xbf" + "Name\nJosé Ríos\n".encode(), "UTF-8 with BOM"),
        ("Name\r\nJosé Ríos\r\n".encode("cp1252"), "Windows-1252"),
    ],
)
def test_when_the_file_is_utf8_with_or_without_bom_or_windows_1252_then_accented_names_import(tmp_path, data, encoding):
    report = import_into(tmp_path, write(tmp_path, "r.csv", data))
    assert report.encoding == encoding and report.columns == {"name": ["Name"]}
    assert len(roster_in(tmp_path).find("Congrats Jose Rios!")) == 1


def test_when_rows_are_duplicated_then_they_are_counted_once_and_reported(tmp_path):
    csv = "Name,Alias\nKeisha Brown,Kiki\nEve Martin,\nkeisha  BROWN,kiki\nKeisha Brown,Kiki\n"
    report = import_into(tmp_path, write(tmp_path, "r.csv", csv.encode()))
    assert report.imported == 2 and report.duplicate_lines == [4, 5]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.csv", b"", "The file is empty"),
        ("blank.csv", b"\xef\xbb\xbf \r\n\r\n", "The file is empty"),
        ("roster.xlsx", b"PK\x03\x04 spreadsheet", "Save As"),
        ("renamed.csv", b"PK\x03\x04\x14\x00 a workbook renamed to .csv", "Excel workbook (.xlsx)"),
        ("page.csv", b"<!DOCTYPE html><html><body>Sign in</body></html>", "web page (HTML)"),
        ("noname.csv", b"Phone,City\n555,Eugene\n", "No name column found"),
        ("allbad.csv", b"Name,Minor\n,yes\nKeisha Brown,perhaps\n", "No client could be read"),
    ],
)
def test_when_the_file_cannot_be_a_roster_then_a_clear_message_and_the_previous_roster_stays(
    tmp_path, name, data, message
):
    import_into(tmp_path, write(tmp_path, "good.csv", GOOD.encode()))
    before = (tmp_path / "roster.bin").read_bytes()
    with pytest.raises(RosterError, match=message.replace("(", r"\(").replace(")", r"\)")):
        import_into(tmp_path, write(tmp_path, name, data))
    assert (tmp_path / "roster.bin").read_bytes() == before
    assert roster_in(tmp_path).find("Kiki Brown")


def test_when_the_file_has_200000_rows_then_it_is_refused_whole_with_a_message(tmp_path):
    rows = "".join(f"Person{i} Client{i}\n" for i in range(200_000))
    import_into(tmp_path, write(tmp_path, "good.csv", GOOD.encode()))
    with pytest.raises(RosterError, match=r"more than 100,000 client rows.*previous roster is still in force"):
        import_into(tmp_path, write(tmp_path, "big.csv", ("Name\n" + rows).encode()))
    assert roster_in(tmp_path).clients == 1


def test_when_the_limit_is_raised_then_a_large_file_imports(tmp_path, monkeypatch):
    monkeypatch.setenv("CLIENTSAFE_ROSTER_MAX_ROWS", "250000")
    rows = "".join(f"Person{i} Client{i}\n" for i in range(200_000))
    report = import_into(tmp_path, write(tmp_path, "big.csv", ("Name\n" + rows).encode()))
    assert report.imported == 200_000
    assert roster_in(tmp_path).find("I met Person199999 Client199999 today")


def test_when_the_file_is_missing_then_the_message_says_so(tmp_path):
    with pytest.raises(RosterError, match="file not found"):
        import_into(tmp_path, tmp_path / "nope.csv")


def test_progress_is_reported_for_each_stage(tmp_path):
    seen = []
    rows = "".join(f"Person{i} Client{i}\n" for i in range(2500))
    import_into(tmp_path, write(tmp_path, "r.csv", ("Name\n" + rows).encode()), progress=lambda *a: seen.append(a))
    stages = [s for s, *_ in seen]
    assert stages.index("read") < stages.index("hash") < stages.index("write")
    assert ("hash", 2500, 2500) in seen and seen[-1] == ("write", 1, 1)
