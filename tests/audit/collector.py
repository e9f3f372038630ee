"""A stand-in for the organisation's HTTPS audit collector: a real TLS server on a free loopback port with a
throwaway certificate for 127.0.0.1, recording every batch it accepts."""

from __future__ import annotations

import datetime
import http.server
import json
import ssl
import threading
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate valid for 127.0.0.1; the cert file doubles as the CA bundle to trust."""
    import ipaddress

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "clientsafe-test-collector")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "collector.pem", folder / "collector.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_file, key_file


class Collector:
    """``fail_next`` answers 503 that many times; ``redirect_to`` answers every POST with a 307 there."""

    def __init__(self, folder: Path, port: int = 0) -> None:
        self.cert, key = certificate(folder)
        self.batches: list[dict] = []
        self.answers: list[int] = []
        self.fail_next = 0
        self.redirect_to: str | None = None
        self.lock = threading.Lock()
        collector = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with collector.lock:
                    if collector.redirect_to:
                        status = 307
                    elif collector.fail_next > 0:
                        collector.fail_next -= 1
                        status = 503
                    else:
                        status = 200
                        collector.batches.append(json.loads(body))
                    collector.answers.append(status)
                self.send_response(status)
                if status == 307:
                    self.send_header("Location", collector.redirect_to or "")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert, key)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]
        self.url = f"https://127.0.0.1:{self.port}/audit"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def events(self) -> list[dict]:
        with self.lock:
            return [event for batch in self.batches for event in batch["events"]]

    def event_ids(self) -> set[str]:
        return {e["event_id"] for e in self.events()}

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
