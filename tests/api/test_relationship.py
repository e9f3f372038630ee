"""POST /v1/relationship over a real socket: clients recognised, strangers not, nothing else revealed."""

from __future__ import annotations

import json

import pytest
import requests

from clientsafe.roster import Roster
from tests.api.conftest import start
from tests.roster.conftest import import_into, key_in


@pytest.fixture
def roster_service(checker, tmp_path):
    import_into(tmp_path)
    svc, server = start(checker, tmp_path, relationship_checks_per_minute=8)
    svc.app.app.state.roster = Roster(tmp_path / "roster.bin", key_in(tmp_path))
    yield svc
    server.should_exit = True


def ask(svc, **body):
    payload = {"name": "", "site": "facebook", "kind": "incoming_request", **body}
    return requests.post(f"{svc.base}/v1/relationship", json=payload, headers=svc.auth(), timeout=10)


def test_when_a_client_sends_a_friend_request_then_it_is_held_with_a_kind_decline_script(roster_service):
    r = ask(roster_service, name="Keisha Brown")
    body = r.json()
    assert r.status_code == 200
    assert body["client"] is True and body["minor"] is False and body["action"] == "block"
    assert body["reason"]["code"] == "RELATIONSHIP_CLIENT" and body["reason"]["policy_ref"]
    assert "reach me at work" in body["decline_script"] and body["roster_loaded"] is True


def test_when_a_stranger_sends_a_friend_request_then_it_is_allowed_and_nothing_is_said(roster_service):
    body = ask(roster_service, name="Keisha Smith", handle="@keisha.smith").json()
    assert body == {
        "client": False,
        "minor": False,
        "action": "allow",
        "reason": None,
        "decline_script": None,
        "check_id": None,  # nothing held, nothing to decide
        "roster_loaded": True,
    }


@pytest.mark.parametrize(
    "who",
    [
        {"handle": "keisha.b"},
        {"handle": "@Keisha.B"},
        {"profile_url": "https://www.instagram.com/keisha.b/"},
        {"name": "Kiki"},  # a listed alias used as a display name
        {"name": "Coach KEISHA brown 🌻"},
    ],
)
def test_a_client_is_recognised_by_handle_profile_address_alias_or_decorated_name(roster_service, who):
    assert ask(roster_service, kind="outgoing_request", **who).json()["client"] is True


def test_a_first_name_alone_is_not_a_client(roster_service):
    assert ask(roster_service, name="Keisha").json()["client"] is False


def test_a_minor_client_is_held_even_for_a_message_request_and_an_adult_only_warned(roster_service):
    minor = ask(roster_service, name="Hope Williams", kind="message_request").json()
    assert minor["minor"] is True and minor["action"] == "block"
    assert minor["reason"]["code"] == "RELATIONSHIP_CLIENT_MINOR"
    adult = ask(roster_service, name="Eve Martin", kind="message_request").json()
    assert adult["action"] == "warn" and adult["minor"] is False
    assert "personal account" in adult["decline_script"]


def test_when_probing_past_the_budget_then_429_with_a_clear_error(roster_service):
    answers = [ask(roster_service, name=f"Person Number{i}") for i in range(10)]
    assert [a.status_code for a in answers[:8]] == [200] * 8
    assert answers[8].status_code == 429 and answers[9].status_code == 429
    assert "Wait a minute" in answers[8].json()["detail"] and answers[8].headers["retry-after"] == "60"


def test_a_request_naming_nobody_is_refused_without_echoing_it(roster_service):
    r = ask(roster_service, name="   ")
    assert r.status_code == 400 and "at least one of name" in r.json()["detail"]
    assert ask(roster_service, name="x", kind="poke").status_code == 400


def test_without_a_token_the_call_gets_the_same_bare_401(roster_service):
    r = requests.post(
        f"{roster_service.base}/v1/relationship",
        json={"name": "Keisha Brown", "site": "facebook", "kind": "incoming_request"},
        timeout=10,
    )
    assert r.status_code == 401 and r.json() == {"error": "unauthorized"}


def test_status_says_the_roster_is_loaded(roster_service):
    body = requests.get(f"{roster_service.base}/v1/status", headers=roster_service.auth(), timeout=10).json()
    assert body["roster_loaded"] is True


def test_the_answer_names_nobody(roster_service):
    text = json.dumps(ask(roster_service, name="Keisha Brown").json()).lower()
    for other in ("hope", "eve martin", "grace", "kiki", "keisha"):
        assert other not in text


def test_a_held_request_and_the_choice_to_go_ahead_are_audited_like_a_post_override(checker, tmp_path, monkeypatch):
    """Issue 13: friend/follow/message overrides were not audited at all. Now the held request is a `check`
    event (the kind of request, the rule; never who) and the person's choice a `decision`, reason redacted."""
    from clientsafe.audit import AuditStore

    monkeypatch.setenv("CLIENTSAFE_HOME", str(tmp_path / "home"))
    import_into(tmp_path)
    store = AuditStore(tmp_path / "home" / "data" / "audit.sqlite3")
    svc, server = start(checker, tmp_path, audit=store)
    svc.app.app.state.roster = Roster(tmp_path / "roster.bin", key_in(tmp_path))
    try:
        held = ask(svc, name="Keisha Brown", kind="outgoing_request").json()
        assert held["action"] == "block" and held["check_id"]
        decided = requests.post(
            f"{svc.base}/v1/decision",
            json={"check_id": held["check_id"], "choice": "request_sent_anyway", "reason": "Keisha Brown is my niece"},
            headers=svc.auth(),
            timeout=30,
        )
        assert decided.json() == {"recorded": True}
        assert store.flush()
        decision, shown = store.recent(2)
        assert shown.kind == "check" and shown.action == "block" and shown.site == "facebook"
        assert shown.rule_codes == ("RELATIONSHIP_CLIENT",) and shown.finding_types == ("outgoing_request",)
        assert decision.kind == "decision" and decision.check_id == held["check_id"]
        assert decision.choice == "request_sent_anyway" and "Keisha" not in (decision.reason or "")
        stored = (tmp_path / "home" / "data" / "audit.sqlite3").read_bytes().lower()
        assert b"keisha" not in stored and b"brown" not in stored
    finally:
        server.should_exit = True
        store.close()
