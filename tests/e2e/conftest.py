"""The unpacked extension in real Chromium, on the real site names, against a real ClientSafe service.

Fixture pages are served over HTTPS from a throwaway self-signed certificate, and Chromium's
host-resolver rules send the real host names (mastodon.social, ...) to that local server, so the
content-script `matches` stay exactly as shipped. A test copy of the manifest gets a `key`, which pins
the extension id the service's origin allow-list names.
"""

from __future__ import annotations

import base64
import hashlib
import http.server
import json
import shutil
import ssl
import threading
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests import tls
from tests.api.conftest import start
from tests.browser.conftest import CHROMIUM, chromium_args
from tests.e2e.sites import (
    HOSTS,
    IT_HOST,
    VARIANT_HEADER,
    bundle_for,
    missing_bundles,
    page_for,
    variant_file,
    variant_folder,
)

ROOT = Path(__file__).resolve().parents[2]


def extension_copy(target: Path, source: Path = ROOT / "extension") -> str:
    """Copy the extension (``source``: another version of it), pin its id with a generated key, return that id."""
    shutil.copytree(source, target)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    der = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    manifest = json.loads((target / "manifest.json").read_text())
    manifest["key"] = base64.b64encode(der).decode()
    (target / "manifest.json").write_text(json.dumps(manifest))
    # Chrome's id: the first 128 bits of the key's SHA-256, written with the letters a-p.
    return "".join(chr(ord("a") + int(c, 16)) for c in hashlib.sha256(der).hexdigest()[:32])


def self_signed(folder: Path) -> tuple[Path, Path]:
    return tls.self_signed(folder, [*HOSTS, IT_HOST], "sites")


class FixtureSite(http.server.BaseHTTPRequestHandler):
    """Each real host name gets its look-alike page for any path, and its built bundle at /__fixture/<site>.js.
    IT's server (IT_HOST) answers with whatever a test put in ``it_files`` (path -> bytes), else 404."""

    it_files: dict[str, bytes] = {}
    it_requests: list[str] = []

    def do_GET(self):
        host = self.headers.get("Host", "").split(":")[0]
        if host == IT_HOST:
            FixtureSite.it_requests.append(self.path)
            body = FixtureSite.it_files.get(self.path.split("?")[0])
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        variant = self.headers.get(VARIANT_HEADER)
        if variant:  # a layout variant (tests/e2e/fixtures/variants/<site>/<variant>/), chosen per page
            folder = variant_folder(host, variant)
            if folder is None:
                self.send_error(404, f"no variant {variant} for {host}")
                return
            file = variant_file(folder, self.path)
            kind = {".css": "text/css", ".js": "text/javascript"}.get(file.suffix, "text/html")
            self._send(file, f"{kind}; charset=utf-8")
            return
        bundle = bundle_for(host, self.path)
        if bundle is not None:
            kind = "text/css" if bundle.suffix == ".css" else "text/javascript"
            self._send(bundle, f"{kind}; charset=utf-8")
            return
        page = page_for(host)
        if page is None or self.path.startswith("/__fixture/"):
            self.send_error(404)
            return
        self._send(page, "text/html; charset=utf-8")

    def _send(self, file: Path, content_type: str) -> None:
        if not file.exists():
            self.send_error(404, f"{file.name} is not built: run `make fixtures`")
            return
        body = file.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve_fixture_sites(folder: Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    """Start the HTTPS look-alike server on a free loopback port (certificate for every host in sites.py).
    ``port``: a fixed one instead (Firefox, which cannot map ports, needs 443)."""
    missing = missing_bundles()
    if missing:
        pytest.fail(f"fixture site bundles not built ({', '.join(missing)}): run `make fixtures`")
    cert, key = self_signed(folder)
    site = http.server.ThreadingHTTPServer(("127.0.0.1", port), FixtureSite)
    context_ssl = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context_ssl.load_cert_chain(cert, key)
    site.socket = context_ssl.wrap_socket(site.socket, server_side=True)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    return site


def resolver_rules(port: int) -> str:
    """Chromium --host-resolver-rules sending every real host name to the local look-alike server."""
    return ", ".join(f"MAP {host}:443 127.0.0.1:{port}" for host in [*HOSTS, IT_HOST])


def open_world(browser_type, checker, folder: Path, policy: Path | None = None, audit=None, system: Path | None = None):
    """The unpacked extension in Chromium, a real service it is paired with, and the look-alike sites.

    Returns (context, service, close). ``policy``: a policy file the service hands out as its /v1/config;
    ``system``: the IT-managed system policy file (settings only IT may set, such as adapter_updates).
    """
    ext_id = extension_copy(folder / "extension")
    svc, server = start(checker, folder / "service", audit=audit)
    svc.app.config.allowed_origins = frozenset({f"chrome-extension://{ext_id}"})
    svc.server, svc.home = server, folder / "service"  # for tests that stop and restart the app
    if policy is not None or system is not None:
        from clientsafe.policy import PolicyStore

        svc.app.app.state.policy = PolicyStore(
            explicit_path=policy, system_path=system or folder / "none.json", user_path=folder / "none-user.json"
        ).load()
    site = serve_fixture_sites(folder)
    rules = resolver_rules(site.server_address[1])
    context = browser_type.launch_persistent_context(
        str(folder / "profile"),
        executable_path=CHROMIUM,
        headless=False,
        args=chromium_args(
            [
                f"--disable-extensions-except={folder / 'extension'}",
                f"--load-extension={folder / 'extension'}",
                f"--host-resolver-rules={rules}",
                "--ignore-certificate-errors",
            ]
        ),
    )
    worker = context.service_workers[0] if context.service_workers else context.wait_for_event("serviceworker")
    worker.evaluate("(s) => chrome.storage.local.set(s)", {"port": svc.port, "token": svc.token})
    if policy is not None or system is not None:
        # Newly paired, the worker fetches the policy (GET /v1/config) in the background; a page opened before it
        # arrives is treated as a personal account's (on a loaded machine, the first test of a module saw that).
        worker.evaluate("""async () => { for (let i = 0; i < 150; i++) {
            const { config } = await chrome.storage.local.get({ config: null });
            if (config) return; await new Promise((r) => setTimeout(r, 100)); }
            throw new Error('the policy never reached the extension'); }""")

    def close() -> None:
        context.close()
        site.shutdown()
        svc.server.should_exit = True

    return context, svc, close


def with_roster(svc, folder: Path, lookups_per_minute: int) -> None:
    """Give the service the test roster (tests/data/roster.csv, with Keisha Brown) and a per-browser lookup
    limit above what a module's many people cases need (a person never comes near it)."""
    from clientsafe.roster.importer import import_roster
    from clientsafe.roster.keys import RosterKey
    from clientsafe.roster.match import Roster

    key = RosterKey(use_keyring=False, file=folder / "roster-key")
    import_roster(ROOT / "tests" / "data" / "roster.csv", file=folder / "roster.bin", key=key)
    svc.app.app.state.roster = Roster(folder / "roster.bin", key)
    svc.app.app.state.relationship_checks_per_minute = lookups_per_minute


@pytest.fixture
def extension_world(browser_type, checker, tmp_path):
    context, svc, close = open_world(browser_type, checker, tmp_path)
    yield context, svc
    close()


@pytest.fixture
def page(world):
    """A fresh page in the requesting module's own `world` fixture (test_sites, test_people, test_variants); it
    must not throw."""
    context, _svc = world
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    page.close()
    assert errors == [], f"the page threw: {errors}"
