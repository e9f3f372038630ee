"""`clientsafe roster import|status|clear` as a person uses it: real subprocesses, real exit codes."""

from __future__ import annotations

from tests.cli.test_cli import clientsafe as run_cli
from tests.conftest import DATA

ROSTER = str(DATA / "roster.csv")
# No keyring, so the key goes to the announced 0600 file whatever the machine has.
NO_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def clientsafe(*args: str, home):  # type: ignore[no-untyped-def]
    return run_cli(*args, home=home, env=NO_KEYRING)


def test_import_reports_columns_counts_duplicates_and_progress_then_status_and_clear(tmp_path):
    result = clientsafe("roster", "import", ROSTER, home=tmp_path)
    out, err = result.stdout.decode(), result.stderr.decode()
    assert result.returncode == 0, err
    assert "name                       <- 'Client Name'" in out
    assert "aliases                    <- 'Nickname(s)'" in out
    assert "ignored: 'Program', 'Intake date'" in out
    assert "Imported 21 clients from 22 rows (6 minors, " in out
    assert "1 duplicate rows skipped (lines 22)" in out
    assert "Hashing clients: 100% (21/21)" in err and "No OS keyring is available" in err
    assert "Keisha" not in out + err  # the report names nobody
    status = clientsafe("roster", "status", home=tmp_path).stdout.decode()
    assert status.startswith("21 clients, imported 20") and "roster.csv" in status
    assert clientsafe("roster", "clear", home=tmp_path).stdout.decode() == "Roster removed.\n"
    assert clientsafe("roster", "status", home=tmp_path).stdout.decode().startswith("No roster imported.")


def test_bad_rows_are_listed_with_line_numbers(tmp_path):
    csv = tmp_path / "r.csv"
    csv.write_text("Name,Minor\nKeisha Brown,no\n,yes\nEve Martin,sometimes\n", encoding="utf-8")
    out = clientsafe("roster", "import", str(csv), home=tmp_path).stdout.decode()
    assert "2 rows could not be read and were skipped:" in out
    assert "  line 3: no name\n  line 4: minor: 'sometimes' is not yes or no\n" in out


def test_a_spreadsheet_gets_one_clear_line_exit_code_3_and_the_previous_roster_stays(tmp_path):
    assert clientsafe("roster", "import", ROSTER, home=tmp_path).returncode == 0
    xlsx = tmp_path / "Clients.xlsx"
    xlsx.write_bytes(b"PK\x03\x04 not really a workbook")
    result = clientsafe("roster", "import", str(xlsx), home=tmp_path)
    err = result.stderr.decode()
    assert result.returncode == 3 and "Traceback" not in err
    assert "clientsafe: Clients.xlsx is a spreadsheet, not a CSV file. Open it, choose File > Save As" in err
    assert clientsafe("roster", "status", home=tmp_path).stdout.decode().startswith("21 clients")


def test_a_checked_post_names_a_roster_client_after_import(tmp_path):
    clientsafe("roster", "import", ROSTER, home=tmp_path)
    result = clientsafe("check", "Congrats to Kiki on the new job!", home=tmp_path)
    assert result.returncode == 20 and "[[Kiki]]" in result.stdout.decode()
