"""The service as the tray runs it: its checker is the pausable ServiceChecker the tray's windows share, not the
engine itself (`clientsafe serve` and the other API tests hand the engine). Every call that reaches the engine
must behave the same through it: a review reply is checked as one, a pause lets the person's posts through and
nothing else, other people's comments are still checked for the moderator, and an override reason is redacted
before the audit even while paused."""

from __future__ import annotations

import time

import pytest
import requests

from clientsafe.api.service_checker import ServiceChecker
from clientsafe.audit import AuditStore
from tests.api.conftest import post_check, start

REVIEW_REPLY = "Sorry about the wait, we saw you as soon as a chair opened up."
RISKY = "So proud of Maria from our youth shelter, she just turned 15!"


@pytest.fixture
def tray_service(checker, tmp_path):
    shared = ServiceChecker(lambda: checker)
    shared.warm_up()
    store = AuditStore(tmp_path / "audit.sqlite3")
    svc, server = start(shared, tmp_path, audit=store)
    yield svc, shared, store
    server.should_exit = True
    store.close()


def test_a_review_reply_is_checked_as_one_through_the_trays_checker(tray_service):
    svc, _, _ = tray_service
    verdict = post_check(svc, text=REVIEW_REPLY, site="google_business", account="org", kind="review_reply").json()
    assert verdict["action"] == "block"
    assert "REVIEW_REPLY_CONFIRMS" in [r["code"] for r in verdict["reasons"]]


def test_a_pause_lets_posts_through_and_ends_when_resumed(tray_service):
    svc, shared, _ = tray_service
    assert post_check(svc, text=RISKY).json()["action"] == "block"
    shared.paused_until = time.time() + 900
    paused = post_check(svc, text=RISKY).json()
    assert (paused["action"], paused["engine"]["version"]) == ("allow", "paused")
    shared.paused_until = 0.0
    assert post_check(svc, text=RISKY).json()["action"] == "block"


def test_while_paused_the_moderator_still_gets_comments_checked(tray_service):
    svc, shared, _ = tray_service
    shared.paused_until = time.time() + 900
    r = requests.post(
        f"{svc.base}/v1/moderate",
        json={"site": "facebook", "items": [{"id": "i0", "text": "I'm 15 and I've been cutting myself"}]},
        headers=svc.auth(),
        timeout=30,
    )
    assert r.status_code == 200, r.text
    assert r.json()["results"][0]["flagged"] is True


def test_an_override_reason_given_while_paused_is_still_redacted_in_the_audit(tray_service):
    svc, shared, store = tray_service
    held = post_check(svc, text=RISKY).json()
    shared.paused_until = time.time() + 900
    r = requests.post(
        f"{svc.base}/v1/decision",
        json={"check_id": held["check_id"], "choice": "posted_anyway", "reason": "Maria Lopez said yes"},
        headers=svc.auth(),
        timeout=30,
    )
    assert r.json() == {"recorded": True}
    assert store.flush()
    decision = next(e for e in store.recent(5) if e.kind == "decision")
    assert decision.reason == "[PERSON] said yes"
