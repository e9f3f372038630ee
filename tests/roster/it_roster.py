"""IT's side of a roster from IT, for the tests: the keys `roster keygen` makes, a bundle `roster build` makes from
the synthetic tests/data/roster.csv, and a machine (its roster file, the organisation key beside a stand-in
system policy folder, the record of fetches), all under one test folder."""

from __future__ import annotations

import contextlib
import datetime as dt
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clientsafe.roster import Roster
from clientsafe.roster.bundle import build, keygen
from clientsafe.roster.org_key import OrgKey, read_key_file
from tests.roster.conftest import ROSTER_CSV, TODAY
from tests.tls import https_server

NOW = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)


@dataclass
class ItKeys:
    signing: Path
    hash_key_file: Path
    public_key: str
    key_id: str

    @property
    def hash_key(self) -> bytes:
        return read_key_file(self.hash_key_file)

    def bundle(self, source: str | Path = ROSTER_CSV, **kwargs: Any) -> bytes:
        kwargs.setdefault("now", NOW)
        kwargs.setdefault("today", TODAY)
        data, _ = build(str(source), self.signing.read_bytes(), self.hash_key, **kwargs)
        return data


def it_keys(folder: Path) -> ItKeys:
    folder.mkdir(parents=True, exist_ok=True)
    signing, hash_key = folder / "it-roster-signing.pem", folder / "org-roster.key"
    public, key_id = keygen(signing, hash_key)
    return ItKeys(signing, hash_key, public, key_id)


@dataclass
class Machine:
    folder: Path

    @property
    def file(self) -> Path:
        return self.folder / "data" / "roster.bin"

    @property
    def state(self) -> Path:
        return self.folder / "data" / "roster-sync.json"

    @property
    def machine_key(self) -> Path:
        return self.folder / "etc" / "roster.key"

    def org_key(self) -> OrgKey:
        return OrgKey(machine_file=self.machine_key, use_keyring=False, file=self.folder / "data" / "roster-org-key")

    def deploy(self, keys: ItKeys) -> None:
        """What IT's installer or MDM does: roster.key beside the system policy file."""
        self.machine_key.parent.mkdir(parents=True, exist_ok=True)
        self.machine_key.write_bytes(keys.hash_key_file.read_bytes())

    def roster(self) -> Roster:
        return Roster(self.file, org_key=self.org_key())

    def sync_kwargs(self) -> dict[str, Any]:
        return {"file": self.file, "org_key": self.org_key(), "state": self.state}


@dataclass
class Site:
    """What the test web server publishes: path -> (status, headers, body); and what it was asked."""

    pages: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)
    asked: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    base: str = ""
    http_base: str = ""
    plain_asked: list[str] = field(default_factory=list)

    def publish(self, path: str, body: bytes, etag: str = "") -> str:
        self.pages[path] = (200, {"ETag": etag} if etag else {}, body)
        return self.base + path


def _handler(site: Site, plain: bool) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if plain:
                site.plain_asked.append(self.path)
            site.asked.append((self.path, dict(self.headers)))
            path = self.path.split("?")[0]
            status, headers, body = site.pages.get(path, (404, {}, b"not here"))
            if status == 200 and headers.get("ETag") and self.headers.get("If-None-Match") == headers["ETag"]:
                status, body = 304, b""
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@contextlib.contextmanager
def bundle_site(folder: Path) -> Iterator[tuple[Site, Path]]:
    """IT's web server on loopback: HTTPS (a throwaway certificate, returned to be trusted) and a plain-http one
    that only a refused redirect would reach."""
    state = Site()
    folder.mkdir(parents=True, exist_ok=True)
    secure, cert = https_server(folder, _handler(state, plain=False))
    plain = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(state, plain=True))
    for server in (secure, plain):
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
    state.base = f"https://127.0.0.1:{secure.server_address[1]}"
    state.http_base = f"http://127.0.0.1:{plain.server_address[1]}"
    try:
        yield state, cert
    finally:
        secure.shutdown()
        plain.shutdown()
