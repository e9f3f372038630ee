"""POST /v1/moderate and POST /v1/moderation/action, on a real service on a loopback port: the token is required,
batches are limited, malformed input gets a plain 4xx error that echoes nothing, and the audit records what was
marked and what the moderator did, content-free."""

from __future__ import annotations

import json

import pytest
import requests

from clientsafe.audit import AuditStore
from tests.api.conftest import start

DISCLOSING = "I'm 15 and I've been cutting myself"
ORDINARY = "Great event!"


@pytest.fixture
def audited(checker, tmp_path):
    store = AuditStore(tmp_path / "audit.sqlite3")
    svc, server = start(checker, tmp_path, audit=store)
    yield svc, store
    server.should_exit = True
    store.close()


def post(svc, path, body, auth=True):
    headers = svc.auth() if auth else {}
    return requests.post(f"{svc.base}{path}", json=body, headers=headers, timeout=30)


def items(*texts):
    return [{"id": f"i{n}", "text": t} for n, t in enumerate(texts)]


def test_when_comments_are_sent_then_only_the_disclosing_one_is_flagged_and_marked_in_the_audit(audited):
    svc, store = audited
    r = post(svc, "/v1/moderate", {"site": "facebook", "items": items(DISCLOSING, ORDINARY)})
    assert r.status_code == 200
    flagged, plain = r.json()["results"]
    assert (flagged["id"], flagged["flagged"], flagged["level"], flagged["youth"]) == ("i0", True, "urgent", True)
    assert flagged["mod_id"]
    assert (plain["id"], plain["flagged"], plain["mod_id"]) == ("i1", False, None)
    assert store.flush()
    [event] = store.recent(5)
    assert (event.kind, event.site, event.account, event.action) == ("moderation", "facebook", "org", "marked")
    assert set(event.rule_codes) == {"SELF_DISCLOSURE", "YOUTH"}
    assert "MENTAL_HEALTH" in event.finding_types
    assert "cutting" not in repr(event)


def test_when_the_moderator_acts_then_the_action_is_recorded_with_the_services_own_types(audited):
    svc, store = audited
    mod_id = post(svc, "/v1/moderate", {"site": "youtube", "items": items(DISCLOSING)}).json()["results"][0]["mod_id"]
    assert post(svc, "/v1/moderation/action", {"mod_id": mod_id, "action": "hid"}).json() == {"recorded": True}
    assert post(svc, "/v1/moderation/action", {"mod_id": "unknown", "action": "hid"}).json() == {"recorded": False}
    assert store.flush()
    actions = [(e.kind, e.site, e.action) for e in store.recent(5)]
    assert ("moderation", "youtube", "hid") in actions and ("moderation", "youtube", "marked") in actions


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v1/moderate", {"site": "facebook", "items": [{"id": "i0", "text": DISCLOSING}]}),
        ("/v1/moderation/action", {"mod_id": "abc", "action": "hid"}),
    ],
)
def test_when_no_token_is_given_then_the_call_is_refused_and_with_it_served(audited, path, body):
    svc, store = audited
    refused = post(svc, path, body, auth=False)
    assert refused.status_code == 401
    assert store.flush() and store.recent(5) == []
    assert post(svc, path, body).status_code == 200


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"site": "facebook", "items": items(*["hi"] * 51)}, "items"),
        ({"site": "facebook", "items": []}, "items"),
        ({"site": "facebook", "items": [{"id": "a b", "text": DISCLOSING}]}, "items.0.id"),
        ({"site": "facebook", "items": [{"id": "a", "text": "x" * 5001}]}, "items.0.text"),
        ({"site": "facebook", "items": [{"id": "a", "text": DISCLOSING, "author": "Sam"}]}, "items.0.author"),
        ({"site": "Facebook <b>", "items": items(ORDINARY)}, "site"),
        ({"items": items(ORDINARY)}, "site"),
    ],
)
def test_when_the_batch_is_malformed_then_a_plain_400_names_the_field_and_echoes_nothing(audited, body, field):
    svc, _ = audited
    r = post(svc, "/v1/moderate", body)
    assert r.status_code == 400
    assert r.json()["error"] == "bad_request"
    assert field in r.json()["detail"]
    assert "cutting" not in r.text and "Traceback" not in r.text


def test_when_the_action_is_not_one_of_the_known_ones_then_it_is_refused(audited):
    svc, _ = audited
    r = post(svc, "/v1/moderation/action", {"mod_id": "abc", "action": "banned"})
    assert r.status_code == 400 and "action" in r.json()["detail"]


def test_when_the_checker_fails_then_the_answer_is_a_plain_503(tmp_path):
    from tests.api.conftest import BrokenChecker

    svc, server = start(BrokenChecker(), tmp_path)
    try:
        r = post(svc, "/v1/moderate", {"site": "facebook", "items": items(ORDINARY)})
        assert r.status_code == 503
        assert r.json()["error"] == "check_failed" and "Try again" in r.json()["detail"]
    finally:
        server.should_exit = True


def test_the_offered_reply_points_to_the_standards_and_the_private_channel_and_repeats_nothing(audited):
    svc, _ = audited
    svc.app.app.state.policy = {
        "community_standards_url": "https://hopehouse.example.org/standards",
        "community_standards": {
            "contact": {
                "private_channel": {"en": "message our Page", "es": "escriba a nuestra página"},
                "phone": "555-0100",
            }
        },
    }
    reply = post(svc, "/v1/moderate", {"site": "facebook", "items": items(DISCLOSING)}).json()["reply"]
    assert reply["en"].endswith("Our Community Standards: https://hopehouse.example.org/standards")
    assert "message our Page; 555-0100" in reply["en"]
    assert "escriba a nuestra página; 555-0100" in reply["es"] and "normas de la comunidad" in reply["es"]
    assert "cutting" not in json.dumps(reply) and "15" not in json.dumps(reply)


def test_without_a_standards_address_the_reply_still_offers_a_private_message(audited):
    svc, _ = audited
    reply = post(svc, "/v1/moderate", {"site": "facebook", "items": items(ORDINARY)}).json()["reply"]
    assert "send us a private message" in reply["en"] and "Community Standards" not in reply["en"]
