"""The store as the tray's "Recent warnings" window and the privacy officer meet it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import time

import pytest

from clientsafe.audit import AuditError, AuditEvent, AuditReader, AuditStore

DAY = 86400


def event(kind="check", **fields):
    base = {"site": "facebook", "account": "personal", "action": "block", "rule_codes": ("CLIENT_HEALTH_DETAIL",)}
    if kind == "decision":
        base["choice"] = "posted_anyway"
    return AuditEvent(kind, **{**base, **fields})


@pytest.fixture
def store(tmp_path):
    s = AuditStore(tmp_path / "audit.sqlite3", retention_days=30)
    yield s
    s.close()


def test_recent_gives_newest_first_and_filters_by_since_site_and_kind(store):
    now = time.time()
    store.record(event(site="x", time=now - 3 * DAY))
    store.record(event("decision", site="facebook", time=now - 2 * DAY))
    store.record(event(site="facebook", time=now - 1 * DAY))
    assert store.flush()
    rows = store.recent(10)
    assert [r.site for r in rows] == ["facebook", "facebook", "x"]
    assert rows[0].time > rows[1].time > rows[2].time and rows[0].time.tzinfo is not None
    assert len(store.recent(2)) == 2
    assert [r.kind for r in store.recent(10, site="facebook")] == ["check", "decision"]
    assert [r.site for r in store.recent(10, kind="decision")] == ["facebook"]
    since = dt.datetime.fromtimestamp(now - 2.5 * DAY, dt.UTC)
    assert len(store.recent(10, since=since)) == 2
    assert rows[1].choice == "posted_anyway" and rows[2].rule_codes == ("CLIENT_HEALTH_DETAIL",)


def test_record_returns_at_once_and_the_ticket_says_when_the_event_is_on_disk(store):
    ticket = store.record(event())
    assert ticket.accepted
    assert ticket.wait(10) and ticket.committed
    assert store.recent(1)[0].event_id


def test_when_the_store_is_closed_then_events_are_refused_not_silently_kept(tmp_path):
    store = AuditStore(tmp_path / "audit.sqlite3")
    store.close()
    ticket = store.record(event())
    assert not ticket.accepted and not ticket.wait(0)


def test_a_closed_store_has_written_everything_that_was_queued(tmp_path):
    path = tmp_path / "audit.sqlite3"
    store = AuditStore(path)
    for _ in range(2000):
        store.record(event())
    store.close()
    assert AuditReader(path).status().events == 2000


def test_retention_deletes_old_events_when_the_store_opens(tmp_path):
    path = tmp_path / "audit.sqlite3"
    with AuditStore(path, retention_days=0) as keep_all:
        keep_all.record(event(time=time.time() - 40 * DAY))
        keep_all.record(event(time=time.time() - 10 * DAY))
    assert AuditReader(path).status().events == 2
    with AuditStore(path, retention_days=30) as store:
        assert [r.time.date() for r in store.recent(10)] == [(dt.datetime.now(dt.UTC) - dt.timedelta(days=10)).date()]
        assert store.status().retention_days == 30


def test_retention_runs_again_while_the_store_stays_open(tmp_path):
    with AuditStore(tmp_path / "audit.sqlite3", retention_days=30, retention_interval=0.2) as store:
        store.record(event(time=time.time() - 31 * DAY))  # e.g. a clock that was wrong, or a long-running app
        store.record(event())
        assert store.flush()
        deadline = time.time() + 10
        while store.status().events > 1 and time.time() < deadline:
            time.sleep(0.05)
        assert store.status().events == 1


def test_export_writes_only_content_free_columns_from_the_date_on(store):
    now = time.time()
    store.record(event(time=now - 5 * DAY, site="old"))
    store.record(event("decision", reason="[PERSON] agreed", finding_types=("PERSON", "HEALTH"), suggestions=2))
    assert store.flush()
    out = io.StringIO()
    count = store.export_csv(out, since=dt.datetime.fromtimestamp(now - DAY, dt.UTC))
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert count == 1 and len(rows) == 1
    assert list(rows[0]) == [
        "event_id", "time", "kind", "check_id", "site", "account", "action", "rule_codes", "finding_types",
        "suggestions", "choice", "reason", "source",
    ]  # fmt: skip
    assert rows[0]["source"] == store.source_id and len(store.source_id) == 16
    assert rows[0]["finding_types"] == "PERSON HEALTH" and rows[0]["reason"] == "[PERSON] agreed"
    assert rows[0]["time"].endswith("Z") and rows[0]["suggestions"] == "2"


def test_export_to_a_file_is_whole_and_a_formula_in_a_reason_is_not_run_by_a_spreadsheet(store, tmp_path):
    store.record(event("decision", reason='=HYPERLINK("http://evil","click")'))
    store.record(event("decision", reason="@SUM(A1)"))
    assert store.flush()
    target = tmp_path / "export.csv"
    assert store.export_csv(target) == 2
    reasons = [r["reason"] for r in csv.DictReader(target.open(encoding="utf-8", newline=""))]
    assert reasons == ['\'=HYPERLINK("http://evil","click")', "'@SUM(A1)"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".clientsafe-audit-")] == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_only_the_user_can_read_the_audit_files(store):
    store.record(event())
    assert store.flush()
    files = list(store.path.parent.glob("audit.sqlite3*"))
    assert len(files) == 3 and all(f.stat().st_mode & 0o077 == 0 for f in files)  # database, -wal, -shm


def test_reading_never_creates_or_changes_the_database(tmp_path):
    reader = AuditReader(tmp_path / "nothing-here.sqlite3")
    assert reader.recent() == [] and not reader.status().exists
    assert reader.export_csv(io.StringIO()) == 0
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"forward_url": "http://collector.example.org/audit"}, "https://"),
        ({"retention_days": -1}, "retention_days"),
    ],
)
def test_bad_settings_are_refused_with_a_message_that_names_them(tmp_path, arguments, message):
    with pytest.raises(AuditError, match=message):
        AuditStore(tmp_path / "audit.sqlite3", **arguments)


def test_a_damaged_database_file_gives_a_clear_error_naming_the_file(tmp_path):
    path = tmp_path / "audit.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(AuditError, match=r"audit\.sqlite3.*move it aside"):
        AuditStore(path)


def test_an_unknown_choice_or_kind_is_a_programming_error_caught_at_once():
    with pytest.raises(ValueError, match="choice"):
        AuditEvent("decision", choice="shared")
    with pytest.raises(ValueError, match="kind"):
        AuditEvent("post")
