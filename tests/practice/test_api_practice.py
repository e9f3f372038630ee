"""GET /v1/practice/round and POST /v1/practice/result on a real service: the token is needed, the service scores
the choices itself and records only the score."""

from __future__ import annotations

import pytest
import requests

from clientsafe.audit import AuditReader, AuditStore
from tests.api.conftest import BrokenChecker, start


@pytest.fixture
def served(home):
    audit = AuditStore(home / "data" / "audit.sqlite3", retention_days=0)
    svc, server = start(BrokenChecker(), home, audit=audit)  # practice never calls the checker
    yield svc, audit
    server.should_exit = True
    audit.close()


def test_when_a_round_is_played_through_the_service_then_the_score_is_recorded(served):
    svc, audit = served
    got = requests.get(f"{svc.base}/v1/practice/round", params={"lang": "es"}, headers=svc.auth(), timeout=10)
    assert got.status_code == 200, got.text
    round_ = got.json()
    assert len(round_["scenarios"]) == 12 and {s["lang"] for s in round_["scenarios"]} == {"es"}
    first = round_["scenarios"][0]
    assert (
        first["policy"]["text"] and first["policy"]["title"] and first["answer"] in ("fine", "second_look", "must_not")
    )
    choices = {s["id"]: s["answer"] for s in round_["scenarios"]}
    choices[first["id"]] = "fine" if first["answer"] != "fine" else "must_not"
    body = {"round_id": round_["round_id"], "choices": choices}
    posted = requests.post(f"{svc.base}/v1/practice/result", json=body, headers=svc.auth(), timeout=10)
    assert posted.status_code == 200, posted.text
    assert posted.json() == {"correct": 11, "total": 12, "score": "11/12", "passed": True, "recorded": True}
    assert audit.flush()
    rows = AuditReader(audit.path).recent(kind="training_completed")
    assert [(r.reason, r.action, r.finding_types) for r in rows] == [("11/12", "passed", ("lang_es",))]
    # The round is closed once scored: the same result cannot be recorded twice.
    again = requests.post(f"{svc.base}/v1/practice/result", json=body, headers=svc.auth(), timeout=10)
    assert again.status_code == 404 and "start a new round" in again.json()["detail"]


def test_without_the_token_practice_is_refused(served):
    svc, _ = served
    assert requests.get(f"{svc.base}/v1/practice/round", headers=svc.auth(), timeout=10).status_code == 200
    assert requests.get(f"{svc.base}/v1/practice/round", timeout=10).status_code == 401
    bad = requests.post(f"{svc.base}/v1/practice/result", json={"round_id": "x", "choices": {}}, timeout=10)
    assert bad.status_code == 401


def test_when_choices_are_missing_or_unknown_then_nothing_is_recorded(served):
    svc, audit = served
    round_ = requests.get(f"{svc.base}/v1/practice/round", headers=svc.auth(), timeout=10).json()
    ids = [s["id"] for s in round_["scenarios"]]
    short = {"round_id": round_["round_id"], "choices": {i: "fine" for i in ids[:5]}}
    answer = requests.post(f"{svc.base}/v1/practice/result", json=short, headers=svc.auth(), timeout=10)
    assert answer.status_code == 400 and "no answer for" in answer.json()["detail"]
    wrong = {"round_id": round_["round_id"], "choices": {i: "perhaps" for i in ids}}
    answer = requests.post(f"{svc.base}/v1/practice/result", json=wrong, headers=svc.auth(), timeout=10)
    assert answer.status_code == 400
    bad_lang = requests.get(f"{svc.base}/v1/practice/round", params={"lang": "fr"}, headers=svc.auth(), timeout=10)
    assert bad_lang.status_code == 400
    assert audit.flush()
    assert AuditReader(audit.path).recent(kind="training_completed") == []
