"""POST /v1/check takes an optional ``kind``: "review_reply" checks the text as a reply to a review (held when it
confirms the reviewer was served); without it the text is a post, as before, so older extensions stay valid."""

from __future__ import annotations

from tests.api.conftest import post_check

REPLY = "Sorry about the wait, we saw you as soon as a chair opened up."


def test_a_review_reply_that_confirms_a_patient_is_held_with_the_review_reason(service):
    r = post_check(service, text=REPLY, site="google_business", account="org", kind="review_reply")
    assert r.status_code == 200
    body = r.json()
    assert body["action"] == "block" and body["reasons"][0]["code"] == "REVIEW_REPLY_CONFIRMS"
    assert body["rewrite"]["safe"] is True and "never discuss online" in body["rewrite"]["text"]


def test_without_a_kind_the_same_text_is_checked_as_a_post(service):
    r = post_check(service, text=REPLY, site="facebook", account="org")
    assert r.status_code == 200
    assert "REVIEW_REPLY_CONFIRMS" not in [reason["code"] for reason in r.json()["reasons"]]


def test_an_unknown_kind_is_refused_with_the_field_named(service):
    r = post_check(service, text=REPLY, site="facebook", account="org", kind="tweet")
    assert r.status_code == 400
    assert r.json()["error"] == "bad_request" and "kind" in r.json()["detail"]
