"""The service records what was shown and what the person chose in the audit, and nothing they wrote."""

from __future__ import annotations

import json
import logging

import pytest
import requests

from clientsafe.api.server import setup_logging
from clientsafe.audit import AuditStore
from tests.api.conftest import post_check, start
from tests.conftest import DATA

# Override reasons as staff type them, with a client's name, health details, a phone number; and, for each,
# what the checker finds in it and so must never reach the audit.
REASONS = {
    "Jaylen's mom said it was fine to share his HIV status": ["Jaylen", "HIV status"],
    "Maria Lopez from our youth shelter gave written consent": ["Maria Lopez", "youth shelter"],
    "Her diagnosis is bipolar disorder but she asked me to post it, call 541-555-0187": ["bipolar", "541-555-0187"],
    "Carlos finished his court-ordered community service hours, he wanted a shoutout": ["Carlos", "court-ordered"],
    "the family (the Nguyens) approved this on 3/14": ["Nguyens"],
}


@pytest.fixture
def audited(checker, tmp_path, monkeypatch):
    monkeypatch.setenv("CLIENTSAFE_HOME", str(tmp_path / "home"))
    store = AuditStore(tmp_path / "home" / "data" / "audit.sqlite3")
    # Some tests send ~150 checks within a minute from one browser: past the per-browser limit a person never nears.
    svc, server = start(checker, tmp_path, audit=store, checks_per_minute=10_000)
    yield svc, store
    server.should_exit = True
    store.close()


def decide(svc, check_id, choice, reason=None):
    body = {"check_id": check_id, "choice": choice, **({"reason": reason} if reason else {})}
    return requests.post(f"{svc.base}/v1/decision", json=body, headers=svc.auth(), timeout=30)


def test_a_held_post_and_the_choice_to_post_it_anyway_are_in_the_audit_with_the_reason_redacted(audited):
    svc, store = audited
    checked = post_check(svc, site="facebook", account="personal").json()
    assert checked["action"] == "block"
    reason = "Jaylen's mom said it was fine to share his HIV status"
    assert decide(svc, checked["check_id"], "posted_anyway", reason).json() == {"recorded": True}
    assert store.flush()
    decision, shown = store.recent(2)
    assert shown.kind == "check" and shown.action == "block" and shown.site == "facebook"
    assert shown.rule_codes == tuple(r["code"] for r in checked["reasons"]) and "PERSON" in shown.finding_types
    assert shown.suggestions == len(checked["suggestions"])
    assert decision.kind == "decision" and decision.check_id == shown.check_id == checked["check_id"]
    assert decision.choice == "posted_anyway" and decision.account == "personal"
    assert decision.reason == "[PERSON]'s mom said it was fine to share his [HIV_STI] status"
    assert svc.app.app.state.decisions[-1]["choice"] == "posted_anyway"


def test_an_allowed_post_leaves_no_trace_and_applied_suggestions_is_a_choice(audited):
    svc, store = audited
    allowed = post_check(svc, text="Thanks to everyone who came to the food drive!", account="org").json()
    assert allowed["action"] == "allow"
    held = post_check(svc).json()
    assert decide(svc, held["check_id"], "applied_suggestions").json() == {"recorded": True}
    assert store.flush()
    assert [(r.kind, r.choice, r.reason) for r in store.recent(10)] == [
        ("decision", "applied_suggestions", None),
        ("check", None, None),
    ]


def test_when_the_checker_fails_the_fail_mode_notice_is_audited_too(broken_service_with_audit):
    svc, store = broken_service_with_audit
    assert post_check(svc).json()["action"] == "error"
    assert store.flush()
    assert [(r.kind, r.action, r.rule_codes) for r in store.recent(5)] == [("check", "error", ("CHECK_FAILED",))]


@pytest.fixture
def broken_service_with_audit(tmp_path):
    from tests.api.conftest import BrokenChecker

    store = AuditStore(tmp_path / "audit.sqlite3")
    svc, server = start(BrokenChecker(), tmp_path, audit=store)
    yield svc, store
    server.should_exit = True
    store.close()


def test_no_post_text_and_no_override_reason_reaches_the_database_its_wal_the_export_or_the_logs(
    audited, checker, tmp_path
):
    svc, store = audited
    log_file = setup_logging()  # the service's own log file, as `clientsafe serve` writes it
    everything = tmp_path / "everything.log"  # and every logger at every level, uvicorn's included
    catch_all = logging.FileHandler(everything, encoding="utf-8")
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(catch_all)
    root.setLevel(logging.DEBUG)
    try:
        posts = [json.loads(line) for line in (DATA / "posts.jsonl").read_text(encoding="utf-8").splitlines()]
        posts = [p for p in posts if p["split"] == "report"]
        reasons = list(REASONS)
        secrets: set[str] = set()
        decided = 0
        for i, post in enumerate(posts):
            checked = post_check(svc, text=post["text"], site=post["site"], account=post["account"]).json()
            # What the checker itself marked in the post (names, phone numbers, health words) must not appear.
            units = post["text"].encode("utf-16-le", "surrogatepass")
            secrets.update(
                units[f["start"] * 2 : f["end"] * 2].decode("utf-16-le", "surrogatepass")
                for f in checked["findings"]
                if f["category"] == "identifier"
            )
            if checked["action"] in {"warn", "block"}:
                choice = ["posted_anyway", "edited", "cancelled"][i % 3]
                reason = reasons[i % len(reasons)] if choice == "posted_anyway" else None
                assert decide(svc, checked["check_id"], choice, reason).json() == {"recorded": True}
                decided += 1
        assert store.flush()
        assert decided >= 50 and store.status().events >= 2 * decided
        assert {r.reason for r in store.recent(1000) if r.reason} == {
            "[PERSON]'s mom said it was fine to share his [HIV_STI] status",
            "[PERSON] [SERVICE_CONTEXT] gave written consent",
            "Her [HEALTH] is [MENTAL_HEALTH] disorder but she asked me to post it, call [PHONE_NUMBER]",
            "[PERSON] finished his [CRIMINAL_JUSTICE] [CRIMINAL_JUSTICE], he wanted a shoutout",
            "the family (the [PERSON]) approved this on 3/14",
        }
        db = store.path
        wal = db.with_name(db.name + "-wal")
        files = {"database": db.read_bytes(), "WAL": wal.read_bytes()}  # while the service runs
        export = tmp_path / "export.csv"
        store.export_csv(export)
        files["export"] = export.read_bytes()
        store.close()
        files["database after close"] = db.read_bytes()
    finally:
        root.removeHandler(catch_all)
        root.setLevel(old_level)
        catch_all.close()
        for handler in logging.getLogger("clientsafe").handlers[:]:
            if getattr(handler, "baseFilename", None) == str(log_file):
                logging.getLogger("clientsafe").removeHandler(handler)
                handler.close()
    files["service.log"] = log_file.read_bytes()
    files["every log record"] = everything.read_bytes()
    assert b"decision site=" in files["service.log"]  # the logs were written, and were searched
    assert len(files["WAL"]) > 0 and b"posted_anyway" in files["WAL"]

    needles = [p["text"] for p in posts] + reasons + [s for found in REASONS.values() for s in found]
    needles += [s for s in secrets if len(s) >= 5]
    for where, content in files.items():
        leaked = [n for n in needles if n.encode("utf-8") in content]
        assert leaked == [], f"{where} holds {len(leaked)} pieces of what was written, e.g. {leaked[0][:20]!r}"
