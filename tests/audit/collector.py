"""A stand-in for the organisation's HTTPS audit collector: a real TLS server on a free loopback port with a
throwaway certificate for 127.0.0.1, recording every batch it accepts: ClientSafe's JSON batches, or OTLP/HTTP
log requests (``Content-Type: application/x-protobuf``) decoded with the OpenTelemetry protocol package, as an
OpenTelemetry Collector's otlphttp receiver would."""

from __future__ import annotations

import http.server
import json
import ssl
import threading
from pathlib import Path

from opentelemetry.proto.collector.logs.v1.logs_service_pb2 import ExportLogsServiceRequest

from tests import tls


def certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate valid for 127.0.0.1; the cert file doubles as the CA bundle to trust."""
    return tls.self_signed(folder, ["127.0.0.1"], "collector")


class Collector:
    """``fail_next`` answers 503 that many times; ``redirect_to`` answers every POST with a 307 there."""

    def __init__(self, folder: Path, port: int = 0) -> None:
        self.cert, self.key = certificate(folder)
        self.batches: list[dict] = []
        self.otlp: list[ExportLogsServiceRequest] = []  # accepted OTLP log requests, decoded
        self.paths: list[str] = []  # the path of every accepted request
        self.headers: list[dict[str, str]] = []  # the headers of every accepted request
        self.otlp_answer = b""  # the body of a 200 answer to an OTLP request (e.g. a partial success)
        self.answers: list[int] = []
        self.fail_next = 0
        self.redirect_to: str | None = None
        self.lock = threading.Lock()
        collector = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                is_otlp = self.headers.get("Content-Type") == "application/x-protobuf"
                with collector.lock:
                    if collector.redirect_to:
                        status = 307
                    elif collector.fail_next > 0:
                        collector.fail_next -= 1
                        status = 503
                    else:
                        status = 200
                        if is_otlp:
                            collector.otlp.append(ExportLogsServiceRequest.FromString(body))
                        else:
                            collector.batches.append(json.loads(body))
                        collector.paths.append(self.path)
                        collector.headers.append(dict(self.headers.items()))
                    collector.answers.append(status)
                answer = collector.otlp_answer if status == 200 and is_otlp else b""
                self.send_response(status)
                if status == 307:
                    self.send_header("Location", collector.redirect_to or "")
                if answer:
                    self.send_header("Content-Type", "application/x-protobuf")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args: object) -> None:
                pass

        self.handler = Handler
        self._listen(port)
        self.port = self.server.server_address[1]
        self.url = f"https://127.0.0.1:{self.port}/audit"
        self.otlp_url = f"https://127.0.0.1:{self.port}/v1/logs"

    def _listen(self, port: int) -> None:
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", port), self.handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert, self.key)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def restart(self) -> None:
        """Listen again on the same port with the same certificate, after ``close()`` (the collector is back)."""
        self._listen(self.port)

    def events(self) -> list[dict]:
        with self.lock:
            return [event for batch in self.batches for event in batch["events"]]

    def log_records(self) -> list[tuple[dict, object]]:
        """Every OTLP log record received, in order, with its resource's attributes: (resource, record)."""
        with self.lock:
            return [
                (attributes(resource_logs.resource.attributes), record)
                for request in self.otlp
                for resource_logs in request.resource_logs
                for scope_logs in resource_logs.scope_logs
                for record in scope_logs.log_records
            ]

    def event_ids(self) -> set[str]:
        return {e["event_id"] for e in self.events()}

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def value(any_value: object) -> object:
    """An OTLP AnyValue as a Python value (strings, integers and arrays are all the audit sends)."""
    kind = any_value.WhichOneof("value")  # type: ignore[attr-defined]
    if kind == "array_value":
        return tuple(value(v) for v in any_value.array_value.values)  # type: ignore[attr-defined]
    return getattr(any_value, kind) if kind else None


def attributes(key_values: object) -> dict[str, object]:
    return {kv.key: value(kv.value) for kv in key_values}  # type: ignore[attr-defined]
