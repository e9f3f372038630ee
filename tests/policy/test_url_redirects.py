"""HTTPS at every hop for the policy URL: a redirect to plain http (which could carry `fail_mode: allow` to anyone
on the network) is refused and reported like any other download failure, and the policy in force stays."""

from __future__ import annotations

import http.server
import json
import threading

import pytest
import requests

from clientsafe.policy import PolicyStore
from tests.policy.conftest import write
from tests.tls import https_server


class State:
    def __init__(self) -> None:
        self.redirect_to = ""  # where the https URL sends its callers, when set
        self.plain_requests: list[str] = []


def _handler(state: State, plain: bool) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if plain:
                state.plain_requests.append(self.path)
                body = json.dumps({"fail_mode": "allow"}).encode()
            elif state.redirect_to:
                self.send_response(301)
                self.send_header("Location", state.redirect_to)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            else:
                body = json.dumps({"fail_mode": "block"}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def servers(tmp_path, monkeypatch):
    state = State()
    secure, cert = https_server(tmp_path, _handler(state, plain=False))
    plain = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(state, plain=True))
    for server in (secure, plain):
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
    # The throwaway certificate is the trusted authority (the environment's bundle would override a session's).
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))
    session = requests.Session()
    yield state, f"https://127.0.0.1:{secure.server_address[1]}", f"http://127.0.0.1:{plain.server_address[1]}", session
    secure.shutdown()
    plain.shutdown()


def test_a_policy_url_redirecting_to_plain_http_is_refused_reported_and_the_policy_in_force_stays(servers, system_file):
    state, https_base, http_base, session = servers
    write(system_file, {"policy_url": f"{https_base}/clientsafe/policy.json"})
    first = PolicyStore(session=session).load()
    assert first["fail_mode"] == "block" and first.problems == ()

    state.redirect_to = f"{http_base}/clientsafe/policy.json"  # the server (or someone in between) now redirects
    policy = PolicyStore(session=session).load()
    assert policy["fail_mode"] == "block"  # not "allow": the plain-http document was never fetched
    assert state.plain_requests == []
    assert len(policy.problems) == 1
    problem = policy.problems[0]
    assert f"redirected to {http_base}/clientsafe/policy.json" in problem and "plain http" in problem
    assert "stays in force" in problem
