"""Throwaway TLS certificates for the tests' local HTTPS servers (look-alike sites, the audit collector)."""

from __future__ import annotations

import datetime
import http.server
import ipaddress
import ssl
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def self_signed(folder: Path, hosts: list[str], stem: str = "server") -> tuple[Path, Path]:
    """A self-signed certificate for `hosts` (names or IP addresses), valid for two days; (cert, key) files.

    It is its own CA, so the cert file doubles as the bundle a client is told to trust.
    """
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"clientsafe-test-{stem}")])
    now = datetime.datetime.now(datetime.UTC)

    def alt(host: str) -> x509.GeneralName:
        try:
            return x509.IPAddress(ipaddress.ip_address(host))
        except ValueError:
            return x509.DNSName(host)

    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName([alt(h) for h in hosts]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / f"{stem}.pem", folder / f"{stem}.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_file, key_file


def https_server(folder: Path, handler: type, hosts: tuple[str, ...] = ("127.0.0.1",)) -> tuple[Any, Path]:
    """A threaded HTTPS server on a free 127.0.0.1 port, with a throwaway certificate for ``hosts`` (made in
    ``folder``); not yet serving. Returns (server, certificate file)."""
    cert, key = self_signed(folder, list(hosts))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    return server, cert
