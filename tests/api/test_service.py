"""The service does its job: checks, decisions, status, pairing, over a real socket."""

import json
from pathlib import Path

import requests

from tests.api.conftest import post_check

ROOT = Path(__file__).resolve().parents[2]


def test_when_paired_browser_checks_a_post_then_it_gets_the_verdict_and_a_check_id(service):
    r = post_check(service)
    body = r.json()
    assert r.status_code == 200 and body["action"] == "block" and len(body["check_id"]) == 24
    d = requests.post(
        f"{service.base}/v1/decision",
        json={"check_id": body["check_id"], "choice": "edited"},
        headers=service.auth(),
        timeout=10,
    )
    assert d.json() == {"recorded": True}
    assert service.app.app.state.decisions[-1]["choice"] == "edited"


def test_decision_for_an_unknown_check_is_not_recorded(service):
    d = requests.post(
        f"{service.base}/v1/decision",
        json={"check_id": "nope", "choice": "cancelled"},
        headers=service.auth(),
        timeout=10,
    )
    assert d.json() == {"recorded": False} and service.app.app.state.decisions == []


def test_status_names_the_browser_and_says_nothing_secret(service):
    body = requests.get(f"{service.base}/v1/status", headers=service.auth(), timeout=10).json()
    assert body["browser"] == "test browser" and body["engine_ready"] is True
    assert service.token not in json.dumps(body)


def test_when_the_checker_fails_then_the_verdict_says_error_and_the_service_keeps_serving(broken_service):
    r = post_check(broken_service)
    assert r.status_code == 200 and r.json()["action"] == "error"
    assert "Traceback" not in r.text and "boom" not in r.text
    assert requests.get(f"{broken_service.base}/v1/status", headers=broken_service.auth(), timeout=10).ok


def test_pairing_completes_only_after_a_person_approves_and_the_token_works_once_issued(service):
    started = requests.post(f"{service.base}/v1/pair", json={"client_name": "Chrome on TEST"}, timeout=10)
    assert started.status_code == 201
    pairing = started.json()
    assert len(pairing["code"]) == 6
    poll = f"{service.base}/v1/pair/{pairing['pairing_id']}"
    for _ in range(3):  # nobody approved: it never completes
        assert requests.get(poll, timeout=10).json() == {"status": "pending", "token": None}
    service.book.decide(pairing["code"], approve=True)
    approved = requests.get(poll, timeout=10).json()
    assert approved["status"] == "approved" and len(approved["token"]) >= 43  # 256 bits, base64url
    assert requests.get(poll, timeout=10).json()["token"] is None  # shown once
    headers = {"Authorization": f"Bearer {approved['token']}"}
    assert requests.get(f"{service.base}/v1/status", headers=headers, timeout=10).json()["browser"] == "Chrome on TEST"
    browser = next(b for b in service.tokens.list() if b.name == "Chrome on TEST")
    assert service.tokens.revoke(browser.id)
    assert requests.get(f"{service.base}/v1/status", headers=headers, timeout=10).status_code == 401


def test_denied_pairing_never_gets_a_token(service):
    pairing = requests.post(f"{service.base}/v1/pair", json={"client_name": "x"}, timeout=10).json()
    service.book.decide(pairing["code"], approve=False)
    assert requests.get(f"{service.base}/v1/pair/{pairing['pairing_id']}", timeout=10).json() == {
        "status": "denied",
        "token": None,
    }


def test_tokens_are_stored_hashed_in_a_file_only_the_user_can_read(service):
    raw = service.tokens.file.read_text()
    assert service.token not in raw
    assert service.tokens.file.stat().st_mode & 0o077 == 0


def test_openapi_document_in_shared_is_up_to_date():
    from clientsafe.api.app import openapi_document

    published = json.loads((ROOT / "shared" / "api" / "openapi.json").read_text(encoding="utf-8"))
    assert published == openapi_document(), "run: .venv/bin/python -m clientsafe.api.publish"


def test_polling_with_a_non_ascii_pairing_id_is_a_plain_expired(service):
    # Found by the schemathesis run: compare_digest refuses non-ASCII str and used to raise.
    r = requests.get(f"{service.base}/v1/pair/%C3%A9t%C3%A9", timeout=10)
    assert r.status_code == 200 and r.json() == {"status": "expired", "token": None}


def test_check_response_is_the_published_verdict_shape_plus_check_id(service):
    import jsonschema

    schema = json.loads((ROOT / "shared" / "verdict.schema.json").read_text(encoding="utf-8"))
    body = post_check(service).json()
    jsonschema.validate({k: v for k, v in body.items() if k != "check_id"}, schema)
