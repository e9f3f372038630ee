"""Importing from an https address: a real local HTTPS server with a throwaway certificate."""

from __future__ import annotations

import http.server
import shutil
import ssl
import subprocess
import threading
import time
from pathlib import Path

import pytest

from clientsafe.roster import Roster, RosterError
from tests.roster.conftest import ROSTER_CSV, import_into, key_in

BODY = ROSTER_CSV.read_bytes()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path.startswith("/slow"):
            time.sleep(3)
        if self.path.startswith("/login"):
            payload, ctype = b"<html><body><form>Sign in</form></body></html>", "text/html; charset=utf-8"
        elif self.path.startswith(("/roster.csv", "/slow")):
            payload, ctype = BODY, "text/csv"
        else:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def https_server(tmp_path_factory):
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a throwaway certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"https://127.0.0.1:{server.server_address[1]}", cert
    server.shutdown()


def test_when_the_certificate_is_trusted_then_the_roster_downloads_and_the_secret_query_is_not_kept(
    https_server, tmp_path, monkeypatch
):
    base, cert = https_server
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))
    seen = []
    report = import_into(tmp_path, f"{base}/roster.csv?sig=SECRET123", progress=lambda *a: seen.append(a[0]))
    assert report.imported == 21 and "download" in seen
    assert report.source == f"{base}/roster.csv"
    assert b"SECRET123" not in (tmp_path / "roster.bin").read_bytes()
    assert Roster(tmp_path / "roster.bin", key_in(tmp_path)).find("Keisha Brown")


def test_when_the_certificate_is_not_trusted_then_nothing_is_downloaded(https_server, tmp_path, monkeypatch):
    base, _ = https_server
    monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)
    monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)
    with pytest.raises(RosterError, match=r"certificate of 127\.0\.0\.1.* could not be verified"):
        import_into(tmp_path, f"{base}/roster.csv")
    assert not (tmp_path / "roster.bin").exists()


@pytest.mark.parametrize(
    ("path", "timeout", "message"),
    [
        ("/login", 10.0, "sent a web page \\(HTML\\), not a CSV file"),
        ("/slow", 0.5, "did not answer within 0.5 seconds"),
        ("/gone.csv", 10.0, "answered 404"),
    ],
)
def test_when_the_address_fails_then_a_clear_message_and_the_previous_roster_stays(
    https_server, tmp_path, monkeypatch, path, timeout, message
):
    base, cert = https_server
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))
    import_into(tmp_path, ROSTER_CSV)
    before = (tmp_path / "roster.bin").read_bytes()
    with pytest.raises(RosterError, match=message):
        import_into(tmp_path, f"{base}{path}", timeout=timeout)
    assert (tmp_path / "roster.bin").read_bytes() == before


def test_a_plain_http_address_is_refused(tmp_path):
    with pytest.raises(RosterError, match="Only https:// addresses"):
        import_into(tmp_path, "http://example.org/roster.csv")
    assert not Path(tmp_path / "roster.bin").exists()
