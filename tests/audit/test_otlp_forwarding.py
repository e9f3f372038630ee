"""Forwarding as OpenTelemetry logs over OTLP/HTTP: what the collector decodes (with the OpenTelemetry protocol
package, as an OpenTelemetry Collector would) is exactly the content-free events, from the same durable outbox.

The forwarder is driven one try at a time (``background=False``, ``forward_once()``), so every step is
deterministic: no thread, no waiting, no timing."""

from __future__ import annotations

import pytest
from opentelemetry.proto.collector.logs.v1.logs_service_pb2 import (
    ExportLogsPartialSuccess,
    ExportLogsServiceResponse,
)

from clientsafe import __version__
from clientsafe.audit import AuditEvent, AuditStore
from clientsafe.audit.events import PUBLIC_FIELDS
from clientsafe.policy import validate
from tests.audit.collector import Collector, attributes

# What each content-free field is called in a log record; written out here rather than read from otlp.py, so a
# renamed or added attribute fails the test.
NAMES = {
    "event_id": "log.record.uid",
    "check_id": "clientsafe.check_id",
    "site": "clientsafe.site",
    "account": "clientsafe.account_type",
    "action": "clientsafe.action",
    "rule_codes": "clientsafe.rule_codes",
    "finding_types": "clientsafe.finding_types",
    "suggestions": "clientsafe.suggestions",
    "choice": "clientsafe.choice",
    "reason": "clientsafe.reason",
}
WARN, INFO, ERROR = 13, 9, 17  # OTLP SeverityNumber


@pytest.fixture
def collector(tmp_path):
    c = Collector(tmp_path)
    yield c
    c.close()


def open_store(path, collector, **options):
    return AuditStore(
        path,
        forward_url=collector.otlp_url,
        forward_format="otlp",
        ca_bundle=str(collector.cert),
        forward_headers=options.pop("headers", None),
        forwarder_options={"background": False, **options},
    )


def sample_events(base=1_790_000_000.25):
    """One of each thing the audit records, at known times."""
    return [
        AuditEvent(
            "check", site="facebook", account="personal", action="block", check_id="c1",
            rule_codes=("CLIENT_HEALTH_DETAIL", "CLIENT_NAMED"), finding_types=("PERSON", "HEALTH"), suggestions=2,
            time=base,
        ),
        AuditEvent(
            "decision", site="facebook", account="personal", action="block", check_id="c1",
            rule_codes=("CLIENT_HEALTH_DETAIL",), finding_types=("PERSON",), choice="posted_anyway",
            reason="[PERSON] agreed in writing", time=base + 1,
        ),
        AuditEvent(
            "decision", site="instagram", account="org", action="warn", check_id="c2", choice="edited",
            time=base + 2,
        ),
        AuditEvent("check", site="x", account="org", action="error", time=base + 3),
        AuditEvent(
            "coverage", site="tiktok", action="cannot_hold", finding_types=("post:submit",), reason="adapter 3",
            time=base + 4,
        ),
    ]  # fmt: skip


def expected_attributes(event: AuditEvent) -> dict:
    public = {
        "event_id": event.event_id,
        "check_id": event.check_id,
        "site": event.site,
        "account": event.account,
        "action": event.action,
        "rule_codes": tuple(event.rule_codes),
        "finding_types": tuple(event.finding_types),
        "suggestions": event.suggestions,
        "choice": event.choice,
        "reason": event.reason,
    }
    found = {NAMES[k]: v for k, v in public.items() if v is not None}
    return {"event.name": f"clientsafe.{event.kind}", **found}


def test_each_event_arrives_as_a_log_record_with_its_fields_and_nothing_else(tmp_path, collector, monkeypatch):
    # What the OpenTelemetry SDK would add by itself (Resource.create reads these) must not leave the machine.
    monkeypatch.setenv("OTEL_RESOURCE_ATTRIBUTES", "host.name=frontdesk-laptop,user.name=maria.lopez")
    monkeypatch.setenv("OTEL_SERVICE_NAME", "someone-elses-name")
    events = sample_events()
    with open_store(tmp_path / "audit.sqlite3", collector) as store:
        for e in events:
            store.record(e)
        assert store.flush()
        assert store.forwarder.forward_once() is True
        assert store.forwarder.forward_once() is None  # the outbox is empty
        assert store.status().pending == 0 and all(row.forwarded for row in store.recent(10))
        source = store.source_id
    assert collector.paths == ["/v1/logs"] and collector.headers[0]["Content-Type"] == "application/x-protobuf"
    received = collector.log_records()
    assert [resource for resource, _ in received] == [
        {"service.name": "clientsafe", "service.version": __version__, "service.instance.id": source}
    ] * len(events)
    assert len(source) == 16
    scope = collector.otlp[0].resource_logs[0].scope_logs[0].scope
    assert (scope.name, scope.version, len(scope.attributes)) == ("clientsafe.audit", __version__, 0)
    severities = [WARN, WARN, INFO, ERROR, WARN]
    for event, (_, record), level in zip(events, received, severities, strict=True):
        assert attributes(record.attributes) == expected_attributes(event)
        assert record.body.string_value == event.kind and record.event_name == f"clientsafe.{event.kind}"
        assert record.time_unix_nano == round(event.time * 1_000_000) * 1000
        assert record.severity_number == level
        assert record.severity_text == {WARN: "WARN", INFO: "INFO", ERROR: "ERROR"}[level]
        assert not record.trace_id and not record.span_id
    # Every attribute is one of the content-free fields (time and kind are the timestamp, body and event name).
    sent = {name for _, record in received for name in attributes(record.attributes)}
    assert sent <= {NAMES[f] for f in PUBLIC_FIELDS if f in NAMES} | {"event.name"}
    assert set(PUBLIC_FIELDS) - set(NAMES) == {"time", "kind"}


def test_events_wait_while_the_collector_answers_503_or_is_down_and_then_arrive_exactly_in_order(tmp_path, collector):
    path = tmp_path / "audit.sqlite3"
    events = [AuditEvent("check", site="facebook", account="org", action="warn", time=1_790_000_000 + i)
              for i in range(12)]  # fmt: skip
    collector.fail_next = 2
    with open_store(path, collector) as store:
        for e in events[:5]:
            store.record(e)
        assert store.flush()
        assert store.forwarder.forward_once() is False
        assert store.forwarder.forward_once() is False
        assert collector.answers == [503, 503] and store.status().pending == 5
        assert "HTTP 503" in (store.status().last_forward_error or "")
        assert store.forwarder.failures == 2 and store.forwarder.delay > 0  # the backoff the thread would wait
        collector.close()  # the collector is down
        for e in events[5:9]:
            store.record(e)
        assert store.flush()
        assert store.forwarder.forward_once() is False
        assert "could not reach the collector" in (store.status().last_forward_error or "")
        assert store.status().pending == 9
    # ClientSafe restarts while the collector is still down, and records more offline.
    with open_store(path, collector) as store:
        for e in events[9:]:
            store.record(e)
        assert store.flush()
        assert store.forwarder.forward_once() is False and store.status().pending == 12
    assert collector.otlp == []
    collector.restart()  # the collector is back
    with open_store(path, collector, batch_size=5) as store:
        results = []
        while (result := store.forwarder.forward_once()) is not None:
            results.append(result)
        assert results == [True, True, True] and store.status().pending == 0
    uids = [attributes(record.attributes)["log.record.uid"] for _, record in collector.log_records()]
    assert uids == [e.event_id for e in events]


def test_nothing_is_sent_or_kept_for_sending_when_the_policy_names_no_destination(tmp_path, collector):
    with AuditStore(tmp_path / "audit.sqlite3", forward_url=None, forward_format="otlp") as store:
        for e in sample_events():
            store.record(e)
        assert store.flush()
        assert store.forwarder is None
        status = store.status()
        assert status.events == 5 and status.pending == 0 and status.forward_url is None
    assert collector.answers == [] and collector.otlp == []


def test_the_policys_headers_go_with_every_request_and_are_never_stored(tmp_path, collector):
    headers = {"Authorization": "Bearer k3y-0123456789", "Content-Type": "text/plain"}
    with open_store(tmp_path / "audit.sqlite3", collector, headers=headers) as store:
        store.record(sample_events()[0])
        assert store.flush()
        assert store.forwarder.forward_once() is True
        status = store.status()
    sent = collector.headers[0]
    assert sent["Authorization"] == "Bearer k3y-0123456789"
    assert sent["Content-Type"] == "application/x-protobuf"  # a policy header cannot relabel the body
    stored = b"".join(f.read_bytes() for f in tmp_path.glob("audit.sqlite3*"))
    assert b"k3y-0123456789" not in stored and "k3y" not in repr(status)


def test_records_a_collector_accepts_but_drops_are_not_resent_and_the_status_says_so(tmp_path, collector):
    collector.otlp_answer = ExportLogsServiceResponse(
        partial_success=ExportLogsPartialSuccess(rejected_log_records=1, error_message="timestamp too old")
    ).SerializeToString()
    with open_store(tmp_path / "audit.sqlite3", collector) as store:
        store.record(sample_events()[0])
        assert store.flush()
        assert store.forwarder.forward_once() is True
        assert store.forwarder.forward_once() is None  # OTLP: a rejected record must not be sent again
        status = store.status()
    assert status.pending == 0
    assert "dropped 1 events (timestamp too old)" in (status.last_forward_error or "")


@pytest.mark.parametrize(("value", "valid"), [("json", True), ("otlp", True), ("OTLP", False), ("grpc", False)])
def test_the_policy_accepts_only_the_two_formats(value, valid):
    assert (validate({"audit_forward_format": value}) == []) is valid


def test_an_unknown_format_given_to_the_store_is_a_plain_error(tmp_path):
    from clientsafe.audit import AuditError

    with pytest.raises(AuditError, match="forward_format must be one of json, otlp"):
        AuditStore(tmp_path / "audit.sqlite3", forward_url="https://collector.example.org/v1/logs",
                   forward_format="grpc")  # fmt: skip
