"""The training record: a finished round in the content-free audit, the HR export, status and the reminder's due
date, and the audit report's practice section."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random

from clientsafe.audit import AuditReader, AuditStore
from clientsafe.audit.report import from_store, summarise
from clientsafe.practice.record import add_months, training_status
from clientsafe.practice.session import finish, new_round
from clientsafe.practice.state import load_state
from tests.cli.test_cli import clientsafe


def _play(store, scenarios, lang="en", wrong=2, seed=7):
    chosen = new_round(scenarios, lang, random.Random(seed))
    choices = {s.id: s.answer for s in chosen}
    for s in chosen[:wrong]:
        choices[s.id] = next(a for a in ("fine", "second_look", "must_not") if a != s.answer)
    result, ticket = finish(chosen, choices, lang, store)
    assert ticket.wait(10) and ticket.accepted
    return chosen, choices, result


def test_when_a_round_is_finished_then_the_audit_has_who_when_score_and_no_content(home, scenarios):
    path = home / "data" / "audit.sqlite3"
    with AuditStore(path, retention_days=0) as store:
        chosen, _, _ = _play(store, scenarios, "es")
        source = store.source_id
    rows = AuditReader(path).recent(kind="training_completed")
    assert len(rows) == 1
    row = rows[0]
    assert (row.action, row.reason, row.suggestions, row.finding_types) == ("passed", "10/12", 12, ("lang_es",))
    assert row.choice is None and row.site == "" and row.rule_codes == ()
    # Nothing of the scenarios or the answers is anywhere in the database file.
    raw = path.read_bytes() + (
        path.with_name(path.name + "-wal").read_bytes() if path.with_name(path.name + "-wal").exists() else b""
    )
    for s in chosen:
        assert s.text.encode() not in raw and s.id.encode() not in raw
    assert b"second_look" not in raw and b"must_not" not in raw
    # The audit report's practice section now has real data: the machine, one round, its score.
    summary = summarise([from_store(AuditReader(path).iter_since(None), source, "this machine")])
    assert [(c.who, c.rounds, c.score) for c in summary.training] == [(source, 1, "10/12")]


def test_when_the_audit_is_exported_then_the_report_reads_the_training_score_from_the_csv(home, scenarios):
    from clientsafe.audit.report import read_csv

    path = home / "data" / "audit.sqlite3"
    with AuditStore(path, retention_days=0) as store:
        _play(store, scenarios, "en", wrong=4)
        source = store.source_id
    out = home / "audit.csv"
    AuditReader(path).export_csv(out)
    summary = summarise([read_csv(out)])
    assert [(c.who, c.rounds, c.score) for c in summary.training] == [(source, 1, "8/12")]


def test_when_a_round_is_finished_then_the_next_round_avoids_its_scenarios(home, scenarios):
    with AuditStore(home / "data" / "audit.sqlite3", retention_days=0) as store:
        first, _, _ = _play(store, scenarios, "en")
    assert set(load_state().last_ids) == {s.id for s in first}
    second = new_round(scenarios, "en", random.Random(99))
    fresh = {s.id for s in scenarios if s.lang == "en"} - {s.id for s in first}
    assert fresh <= {s.id for s in second}


def test_when_hr_exports_then_the_csv_has_who_when_score_passed(home, scenarios):
    with AuditStore(home / "data" / "audit.sqlite3", retention_days=0) as store:
        _play(store, scenarios, "en", wrong=1)
        _play(store, scenarios, "en", wrong=5, seed=8)
        source = store.source_id
    out = home / "training.csv"
    result = clientsafe("training", "export", "--out", str(out), home=home)
    assert result.returncode == 0, result.stderr
    assert "2 practice rounds written" in result.stderr.decode()
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["who"], r["score"], r["passed"], r["scenarios"], r["language"]) for r in rows] == [
        (source, "11/12", "yes", "12", "en"),
        (source, "7/12", "no", "12", "en"),
    ]
    assert all(r["when"].endswith("Z") for r in rows)
    tomorrow = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    later = clientsafe("training", "export", "--since", tomorrow, home=home)
    assert later.returncode == 0 and later.stdout.decode().strip() == "who,when,score,passed,scenarios,language"


def test_when_the_export_folder_is_missing_then_it_says_so_plainly(home):
    result = clientsafe("training", "export", "--out", str(home / "nope" / "x.csv"), home=home)
    assert result.returncode == 2
    assert "no such folder" in result.stderr.decode() and "Traceback" not in result.stderr.decode()


def test_when_the_policy_asks_every_six_months_then_status_says_due_and_when(home, scenarios):
    policy = home / "policy.json"
    policy.write_text(json.dumps({"training_interval_months": 6}), encoding="utf-8")
    never = clientsafe("training", "status", "--json", "--org", str(policy), home=home)
    assert never.returncode == 0, never.stderr
    assert json.loads(never.stdout) == {
        "last_completed": None,
        "last_score": None,
        "interval_months": 6,
        "due": "now",
        "is_due": True,
    }
    with AuditStore(home / "data" / "audit.sqlite3", retention_days=0) as store:
        _play(store, scenarios, "en")
    done = json.loads(clientsafe("training", "status", "--json", "--org", str(policy), home=home).stdout)
    assert done["is_due"] is False and done["last_score"] == "10/12"
    last = dt.datetime.fromisoformat(done["last_completed"])
    assert dt.datetime.fromisoformat(done["due"]) == add_months(last, 6)
    text = clientsafe("training", "status", "--org", str(policy), home=home).stdout.decode()
    assert "Practice last completed on" in text and "Next due on" in text


def test_when_the_policy_never_asks_then_nothing_is_due(home, scenarios):
    status = training_status([], 0)
    assert status.due is None and not status.is_due(dt.datetime.now(dt.UTC))
    assert "does not ask" in status.describe(dt.datetime.now(dt.UTC))


def test_when_months_are_added_then_short_months_end_on_their_last_day():
    moment = dt.datetime(2027, 8, 31, 12, tzinfo=dt.UTC)
    assert add_months(moment, 6) == dt.datetime(2028, 2, 29, 12, tzinfo=dt.UTC)
    assert add_months(moment, 12) == dt.datetime(2028, 8, 31, 12, tzinfo=dt.UTC)
    assert add_months(moment, 4) == dt.datetime(2027, 12, 31, 12, tzinfo=dt.UTC)


def test_when_the_audit_has_lost_the_round_then_the_local_record_still_counts(home, scenarios):
    with AuditStore(home / "data" / "audit.sqlite3", retention_days=0) as store:
        _play(store, scenarios, "en")
    status = training_status([], 3)  # e.g. the audit's retention removed the event
    assert status.last is not None and not status.is_due(dt.datetime.now(dt.UTC))
    assert status.is_due(add_months(status.last, 3))
