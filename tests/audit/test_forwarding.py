"""Forwarding to the organisation's collector: only content-free fields, sent only on 2xx, retried with
backoff, never to an untrusted certificate or a redirect, and resumed after a restart."""

from __future__ import annotations

import json
import random
import time

import jsonschema
import pytest

from clientsafe.audit import AuditEvent, AuditStore
from clientsafe.audit.events import PUBLIC_FIELDS
from clientsafe.audit.forwarder import Forwarder
from tests.audit.collector import Collector
from tests.conftest import ROOT

FAST = {"base_delay": 0.05, "max_delay": 0.2, "idle_poll": 0.05}


@pytest.fixture
def collector(tmp_path):
    c = Collector(tmp_path)
    yield c
    c.close()


def open_store(path, collector, ca_bundle=None, **options):
    return AuditStore(
        path,
        forward_url=collector.url,
        ca_bundle=str(ca_bundle or collector.cert),
        forwarder_options={**FAST, **options},
    )


def folder(tmp_path, name):
    (tmp_path / name).mkdir()
    return tmp_path / name


def wait_for(condition, seconds=15.0):
    deadline = time.time() + seconds
    while not condition() and time.time() < deadline:
        time.sleep(0.05)
    return condition()


def decision(**extra):
    return AuditEvent(
        "decision",
        site="instagram",
        account="org",
        action="block",
        rule_codes=("CLIENT_MINOR_IDENTIFIED",),
        finding_types=("PERSON", "SCHOOL"),
        choice="posted_anyway",
        reason="[PERSON]'s guardian signed the media consent",
        **extra,
    )


def test_the_collector_receives_every_event_with_only_the_content_free_fields(tmp_path, collector):
    with open_store(tmp_path / "audit.sqlite3", collector) as store:
        events = [decision() for _ in range(5)]
        for e in events:
            store.record(e)
        assert wait_for(lambda: collector.event_ids() == {e.event_id for e in events})
        assert wait_for(lambda: store.status().pending == 0)
        assert all(row.forwarded for row in store.recent(10))
    batch = collector.batches[0]
    schema = json.loads((ROOT / "shared" / "audit-batch.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(batch, schema)  # the contract the organisation's collector is written against
    assert set(batch) == {"source", "app_version", "events"} and len(batch["source"]) == 16
    sent = collector.events()[0]
    assert tuple(sent) == PUBLIC_FIELDS
    assert sent["reason"] == "[PERSON]'s guardian signed the media consent" and sent["time"].endswith("Z")


def test_when_the_collector_fails_then_events_wait_and_go_once_it_answers_2xx(tmp_path, collector):
    collector.fail_next = 3
    with open_store(tmp_path / "audit.sqlite3", collector) as store:
        store.record(decision())
        assert wait_for(lambda: len(collector.batches) == 1)
        assert collector.answers[:4] == [503, 503, 503, 200]
        assert wait_for(lambda: store.status().pending == 0)
        assert "HTTP 503" in (store.status().last_forward_error or "")


def test_a_collector_whose_certificate_is_not_trusted_gets_nothing(tmp_path, collector):
    other = Collector(folder(tmp_path, "other"))
    try:
        # Trust another certificate than the collector's: the TLS handshake must fail, nothing is marked sent.
        with open_store(tmp_path / "audit.sqlite3", collector, ca_bundle=other.cert) as store:
            store.record(decision())
            assert wait_for(lambda: "certificate" in (store.status().last_forward_error or ""))
            assert collector.batches == [] and store.status().pending == 1
    finally:
        other.close()


def test_a_redirect_is_never_followed_and_counts_as_a_failure(tmp_path, collector):
    elsewhere = Collector(folder(tmp_path, "elsewhere"))
    collector.redirect_to = elsewhere.url
    try:
        with open_store(tmp_path / "audit.sqlite3", collector) as store:
            store.record(decision())
            assert wait_for(lambda: "HTTP 307" in (store.status().last_forward_error or ""))
            assert store.status().pending == 1
        assert elsewhere.batches == [] and elsewhere.answers == []
    finally:
        elsewhere.close()


def test_events_recorded_while_the_collector_is_down_are_sent_after_a_restart(tmp_path, collector):
    path = tmp_path / "audit.sqlite3"
    collector.fail_next = 10**9
    with open_store(path, collector) as store:
        events = [decision() for _ in range(30)]
        for e in events:
            store.record(e)
        assert store.flush()
    assert collector.batches == []
    collector.fail_next = 0
    with open_store(path, collector, batch_size=7) as store:  # several batches
        assert wait_for(lambda: store.status().pending == 0)
    assert collector.event_ids() == {e.event_id for e in events} and len(collector.batches) >= 5


def test_backoff_grows_exponentially_up_to_the_cap_with_jitter(tmp_path):
    forwarder = Forwarder(tmp_path / "a.sqlite3", "https://x", "s", base_delay=2, max_delay=60, rng=random.Random(1))
    ceilings = []
    for failures in range(1, 9):
        forwarder.failures = failures
        delays = [forwarder.next_delay() for _ in range(200)]
        ceiling = min(60, 2 * 2 ** (failures - 1))
        assert ceiling / 2 <= min(delays) and max(delays) <= ceiling
        assert max(delays) - min(delays) > ceiling / 4  # jittered, not in lock-step across a fleet
        ceilings.append(ceiling)
    assert ceilings == [2, 4, 8, 16, 32, 60, 60, 60]


def test_status_shows_the_collector_without_any_credentials_in_its_address(tmp_path):
    url = "https://audit:s3cret@collector.example.org:8443/in?key=abc123"
    with AuditStore(tmp_path / "audit.sqlite3", forward_url=url, forwarder_options={"idle_poll": 60}) as store:
        assert store.status().forward_url == "https://collector.example.org:8443/in"
    stored = b"".join(f.read_bytes() for f in tmp_path.glob("audit.sqlite3*"))
    assert b"s3cret" not in stored and b"abc123" not in stored
