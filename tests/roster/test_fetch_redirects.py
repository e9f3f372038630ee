"""HTTPS at every hop: a roster address that redirects to plain http is refused, and the plain-http server is never
asked; a redirect to another https address is followed. Real local servers, a throwaway certificate."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest

from clientsafe.roster import RosterError
from tests.roster.conftest import ROSTER_CSV, import_into
from tests.tls import https_server

BODY = ROSTER_CSV.read_bytes()


class Servers:
    def __init__(self) -> None:
        self.plain_requests: list[str] = []
        self.https = ""
        self.http = ""


def _handler(servers: Servers, plain: bool) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if plain:
                servers.plain_requests.append(self.path)
            redirects = {
                "/to-http": f"{servers.http}/roster.csv",
                "/to-https": "/roster.csv",
                "/loop": "/loop",
            }
            if not plain and self.path in redirects:
                self.send_response(302)
                self.send_header("Location", redirects[self.path])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/csv")
            self.send_header("Content-Length", str(len(BODY)))
            self.end_headers()
            self.wfile.write(BODY)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[tuple[Servers, str]]:
    state = Servers()
    secure, cert = https_server(tmp_path_factory.mktemp("tls"), _handler(state, plain=False))
    plain = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(state, plain=True))
    for server in (secure, plain):
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
    state.https = f"https://127.0.0.1:{secure.server_address[1]}"
    state.http = f"http://127.0.0.1:{plain.server_address[1]}"
    yield state, str(cert)
    secure.shutdown()
    plain.shutdown()


def test_a_redirect_from_https_to_plain_http_is_refused_and_the_http_server_is_never_asked(
    servers, tmp_path, monkeypatch
):
    state, cert = servers
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", cert)
    import_into(tmp_path)
    before = (tmp_path / "roster.bin").read_bytes()
    with pytest.raises(RosterError) as e:
        import_into(tmp_path, f"{state.https}/to-http")
    message = str(e.value)
    assert f"redirected to {state.http}/roster.csv" in message and "plain http" in message
    assert "previous roster is still in force" in message
    assert state.plain_requests == []
    assert (tmp_path / "roster.bin").read_bytes() == before

    # Another https address is fine; a redirect loop is not followed forever.
    assert import_into(tmp_path, f"{state.https}/to-https").imported == 21
    with pytest.raises(RosterError, match="more than 5 redirects"):
        import_into(tmp_path, f"{state.https}/loop")
