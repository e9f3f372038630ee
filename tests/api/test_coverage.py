"""POST /v1/coverage: a site's adapter missed part of a page. IT's audit hears which site, adapter version and
part, at most once an hour for the same report, and never anything a page could put there (URLs, text)."""

from __future__ import annotations

import pytest
import requests

from clientsafe.audit import AuditStore
from tests.api.conftest import start

REPORT = {"site": "x", "adapter_version": "2026-12-06", "missing": ["post:submit"]}


@pytest.fixture
def audited(checker, tmp_path):
    store = AuditStore(tmp_path / "audit.sqlite3")
    svc, server = start(checker, tmp_path, audit=store)
    yield svc, store
    server.should_exit = True
    store.close()


def report(svc, body, auth=True):
    headers = svc.auth() if auth else {k: v for k, v in svc.auth().items() if k != "Authorization"}
    return requests.post(f"{svc.base}/v1/coverage", json=body, headers=headers, timeout=30)


def test_a_coverage_report_becomes_one_content_free_audit_event(audited):
    svc, store = audited
    assert report(svc, REPORT).json() == {"recorded": True}
    assert store.flush()
    [event] = store.recent(5)
    assert (event.kind, event.site, event.action, event.finding_types, event.reason) == (
        "coverage",
        "x",
        "cannot_hold",
        ("post:submit",),
        "adapter 2026-12-06",
    )
    assert event.account == "" and event.rule_codes == () and event.check_id is None


def test_the_same_report_is_recorded_once_an_hour_and_a_new_part_is_recorded_at_once(audited):
    svc, store = audited
    assert report(svc, REPORT).json() == {"recorded": True}
    assert report(svc, REPORT).json() == {"recorded": False}
    assert report(svc, {**REPORT, "missing": ["composer"]}).json() == {"recorded": True}
    assert store.flush()
    events = store.recent(10)
    assert [(e.action, e.finding_types) for e in events] == [
        ("not_recognised", ("composer",)),
        ("cannot_hold", ("post:submit",)),
    ]


@pytest.mark.parametrize(
    "body",
    [
        {**REPORT, "site": "https://x.com/keisha_b"},
        {**REPORT, "missing": ["So proud of Maria"]},
        {**REPORT, "adapter_version": "Maria Lopez, 15"},
        {**REPORT, "missing": []},
        {**REPORT, "page": "https://x.com/home"},
    ],
    ids=["url-as-site", "text-as-part", "text-as-version", "nothing-missing", "extra-field"],
)
def test_anything_but_a_site_key_a_version_and_known_parts_is_refused(audited, body):
    svc, store = audited
    r = report(svc, body)
    assert r.status_code == 400 and r.json()["error"] == "bad_request"
    assert "Maria" not in r.text and "keisha" not in r.text
    assert store.flush()
    assert store.recent(5) == []


def test_a_report_without_the_pairing_token_is_refused(audited):
    svc, store = audited
    assert report(svc, REPORT, auth=False).status_code == 401
    assert store.flush()
    assert store.recent(5) == []
