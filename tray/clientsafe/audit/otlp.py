"""Audit events as OpenTelemetry log records, encoded as an OTLP/HTTP protobuf request.

For ``audit_forward_format: "otlp"``: the same content-free events as the JSON batches, in the form an
OpenTelemetry Collector (and, through it, Splunk, Elastic, Loki, Azure Monitor ...) already takes.
https://opentelemetry.io/docs/specs/otlp/#otlphttp

The encoding is the official exporter's own (``opentelemetry-exporter-otlp-proto-common``'s ``encode_logs``,
which ``OTLPLogExporter`` calls), fed SDK log records built here. The exporter's HTTP client is not used:
it retries inside ``export()`` for up to its timeout and then answers only SUCCESS or FAILURE, so the
forwarder could neither say why a batch failed (HTTP 503, an untrusted certificate) nor keep its own
backoff; our outbox decides what is deleted, and ``forwarder.py`` posts these bytes with the same
certificate, timeout and no-redirect rules as the JSON batches.

Only ``events.PUBLIC_FIELDS`` are mapped, each to one place (``ATTRIBUTES`` below; ``time`` is the record's
timestamp and ``kind`` its body and event name). The resource is built by hand (``Resource(...)``, not
``Resource.create``): ``create`` would add whatever ``OTEL_RESOURCE_ATTRIBUTES`` and the installed resource
detectors supply (host name, process command line), and nothing but these fields may leave the machine.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from opentelemetry._logs import LogRecord, SeverityNumber
from opentelemetry.exporter.otlp.proto.common._log_encoder import encode_logs
from opentelemetry.proto.collector.logs.v1.logs_service_pb2 import ExportLogsServiceResponse
from opentelemetry.sdk._logs import ReadableLogRecord
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.util.instrumentation import InstrumentationScope

from clientsafe import __version__
from clientsafe.audit.events import AuditRow

CONTENT_TYPE = "application/x-protobuf"
SERVICE_NAME = "clientsafe"
SCOPE_NAME = "clientsafe.audit"

# PUBLIC_FIELDS -> attribute names. Semantic-convention names where one exists (log.record.uid is the record's
# unique id, which a collector can drop duplicates by), otherwise the JSON batch's own name under "clientsafe."
# so a query reads the same for both formats. ``time`` and ``kind`` are not attributes (see _record).
ATTRIBUTES = {
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
EVENT_NAME_PREFIX = "clientsafe."
# What the privacy officer should notice: a warning or hold shown, an override, a site whose page ClientSafe no
# longer recognises, and (ERROR) a post ClientSafe could not check. Choices that followed the warning are INFO.
OVERRIDES = frozenset({"posted_anyway", "request_sent_anyway"})


def severity(row: AuditRow) -> SeverityNumber:
    if row.kind == "check":
        return SeverityNumber.ERROR if row.action == "error" else SeverityNumber.WARN
    if row.kind == "decision":
        return SeverityNumber.WARN if row.choice in OVERRIDES else SeverityNumber.INFO
    if row.kind == "coverage":
        return SeverityNumber.WARN
    return SeverityNumber.INFO  # kinds added later (e.g. training_completed) are news, not trouble


def resource(source_id: str) -> Resource:
    """Who sent it: the app and this installation's random id (the JSON batch's ``source``), nothing else."""
    return Resource({"service.name": SERVICE_NAME, "service.version": __version__, "service.instance.id": source_id})


def _record(row: AuditRow, origin: Resource, scope: InstrumentationScope) -> ReadableLogRecord:
    public = row.public()
    attributes: dict[str, Any] = {"event.name": EVENT_NAME_PREFIX + row.kind}
    for field, name in ATTRIBUTES.items():
        value = public[field]
        if value is not None:  # absent rather than null, as OTLP has no null attribute value
            attributes[name] = tuple(value) if isinstance(value, list) else value
    level = severity(row)
    # Nanoseconds from the stored time (microseconds are all SQLite's REAL keeps of it).
    stamp = round(row.time.timestamp() * 1_000_000) * 1000
    return ReadableLogRecord(
        LogRecord(
            timestamp=stamp,
            observed_timestamp=stamp,  # observed when recorded: a resend is byte-for-byte the same record
            severity_number=level,
            severity_text=level.name,
            body=row.kind,
            attributes=attributes,
            event_name=EVENT_NAME_PREFIX + row.kind,
        ),
        resource=origin,
        instrumentation_scope=scope,
    )


def encode(rows: Sequence[AuditRow], source_id: str) -> bytes:
    """One ExportLogsServiceRequest holding ``rows``, serialized for ``POST /v1/logs``."""
    origin = resource(source_id)
    scope = InstrumentationScope(SCOPE_NAME, __version__)
    return encode_logs([_record(row, origin, scope) for row in rows]).SerializeToString()


def rejected(body: bytes) -> str | None:
    """The collector's partial-success note (records it accepted the request for but dropped), if any.

    OTLP says a client must not resend such records (they would be refused again), so the batch still counts
    as delivered; the note goes to the log and the audit status. An empty or unreadable body is a full success.
    """
    try:
        answer = ExportLogsServiceResponse.FromString(body)
    except Exception:  # not protobuf (some proxies answer 200 with text): the spec's full-success case
        return None
    partial = answer.partial_success
    if partial.rejected_log_records:
        message = partial.error_message.strip()[:200]
        return f"the collector dropped {partial.rejected_log_records} events{f' ({message})' if message else ''}"
    return None
