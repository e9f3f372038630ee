"""`clientsafe audit export` and `clientsafe audit status` as the privacy officer runs them."""

from __future__ import annotations

import csv
import io
import json
import time

import pytest

from clientsafe.audit import AuditEvent, AuditStore
from tests.cli.test_cli import clientsafe

DAY = 86400


@pytest.fixture
def home(tmp_path):
    with AuditStore(tmp_path / "data" / "audit.sqlite3", retention_days=90) as store:
        store.record(AuditEvent("check", site="x", account="org", action="warn", time=time.time() - 20 * DAY))
        store.record(AuditEvent("check", site="facebook", account="personal", action="block", check_id="c1"))
        store.record(
            AuditEvent(
                "decision", site="facebook", account="personal", action="block", check_id="c1",
                choice="posted_anyway", reason="[PERSON] agreed",
            )
        )  # fmt: skip
    return tmp_path


def test_export_since_a_date_writes_csv_to_stdout(home):
    since = time.strftime("%Y-%m-%d", time.localtime(time.time() - 2 * DAY))
    result = clientsafe("audit", "export", "--since", since, home=home)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode())))
    assert [(r["kind"], r["site"], r["choice"], r["reason"]) for r in rows] == [
        ("check", "facebook", "", ""),
        ("decision", "facebook", "posted_anyway", "[PERSON] agreed"),
    ]
    assert "2 audit events since" in result.stderr.decode()


def test_export_to_a_file(home):
    out = home / "report.csv"
    result = clientsafe("audit", "export", "--since", "2000-01-01", "--out", str(out), home=home)
    assert result.returncode == 0 and result.stdout == b""
    assert len(list(csv.DictReader(out.open(encoding="utf-8")))) == 3


@pytest.mark.parametrize("since", ["2026-13-01", "yesterday"])
def test_a_bad_since_date_is_a_clear_usage_error_and_writes_nothing(home, since):
    out = home / "report.csv"
    result = clientsafe("audit", "export", "--since", since, "--out", str(out), home=home)
    error = result.stderr.decode()
    assert result.returncode == 2 and "is not a date" in error and "YYYY-MM-DD" in error
    assert "Traceback" not in error and not out.exists()


def test_export_into_a_missing_folder_says_so(home):
    result = clientsafe("audit", "export", "--since", "2026-01-01", "--out", str(home / "no" / "x.csv"), home=home)
    assert result.returncode == 2 and "no such folder" in result.stderr.decode()


def test_status_says_where_the_audit_is_how_much_it_holds_and_that_it_is_intact(home):
    result = clientsafe("audit", "status", home=home)
    out = result.stdout.decode()
    assert result.returncode == 0
    assert str(home / "data" / "audit.sqlite3") in out and "Events: 3" in out
    assert "Retention: 90 days" in out and "Forwarding: off" in out and "Integrity: ok" in out
    status = json.loads(clientsafe("audit", "status", "--json", home=home).stdout)
    assert status["events"] == 3 and status["integrity"] == "ok" and status["pending"] == 0


def test_status_before_anything_was_recorded(tmp_path):
    result = clientsafe("audit", "status", home=tmp_path)
    assert result.returncode == 0 and "Nothing recorded yet" in result.stdout.decode()
    assert not (tmp_path / "data" / "audit.sqlite3").exists()
