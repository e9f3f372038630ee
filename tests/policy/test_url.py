"""The policy URL: fetched with requests from a real local server, cached with its ETag, used offline."""

from __future__ import annotations

import hashlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from clientsafe.policy import PolicyStore
from tests.policy.conftest import write


class PolicyServer:
    """Serves one policy document with an ETag and answers If-None-Match with 304, like a real web server."""

    def __init__(self) -> None:
        self.body = b"{}"
        self.requests: list[dict[str, str | None]] = []
        self.status = 200
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                etag = '"' + hashlib.sha256(outer.body).hexdigest()[:12] + '"'
                outer.requests.append({"path": self.path, "if_none_match": self.headers.get("If-None-Match")})
                if outer.status != 200:
                    self.send_response(outer.status)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                elif self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                else:
                    self.send_response(200)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(outer.body)))
                    self.end_headers()
                    self.wfile.write(outer.body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/clientsafe/policy.json"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def serve(self, document) -> None:
        self.body = (document if isinstance(document, str) else json.dumps(document)).encode()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = PolicyServer()
    yield s
    s.stop()


def test_when_the_system_file_names_a_url_then_its_policy_applies_under_the_files_own_settings(server, system_file):
    server.serve({"fail_mode": "block", "mastodon_instances": ["social.coop"], "locked": ["media_release_reminder"]})
    write(system_file, {"policy_url": server.url, "mastodon_instances": ["hachyderm.io"]})
    policy = PolicyStore().load()
    assert policy["fail_mode"] == "block" and policy.source("fail_mode") == "url"
    assert policy["mastodon_instances"] == ["hachyderm.io"] and policy.source("mastodon_instances") == "system"
    assert "media_release_reminder" in policy.locked
    assert policy.layers["url"] == server.url and policy.problems == ()


def test_the_second_load_sends_the_etag_and_a_304_keeps_the_cached_policy(server, system_file):
    server.serve({"fail_mode": "block"})
    write(system_file, {"policy_url": server.url})
    first = PolicyStore().load()
    second = PolicyStore().load()
    assert len(server.requests) == 2 and server.requests[0]["if_none_match"] is None
    assert server.requests[1]["if_none_match"] is not None  # revalidated, not fetched blind
    assert second["fail_mode"] == "block" and second.version == first.version and second.problems == ()
    server.serve({"fail_mode": "allow"})  # the document changes: a new ETag, a 200, the new policy
    assert PolicyStore().load()["fail_mode"] == "allow"


def test_when_the_url_is_unreachable_then_the_cached_copy_stays_in_force_and_it_is_reported(server, system_file):
    server.serve({"fail_mode": "block", "community_standards_url": "https://example.org/standards"})
    write(system_file, {"policy_url": server.url})
    PolicyStore().load()
    server.stop()
    policy = PolicyStore().load()
    assert policy["fail_mode"] == "block" and policy["community_standards_url"] == "https://example.org/standards"
    assert len(policy.problems) == 1
    assert server.url in policy.problems[0] and "could not be reached" in policy.problems[0]
    assert "stays in force" in policy.problems[0]


def test_when_the_url_has_never_been_reached_then_the_system_files_own_settings_still_apply(server, system_file):
    server.stop()
    write(system_file, {"policy_url": server.url, "fail_mode": "block"})
    policy = PolicyStore().load()
    assert policy["fail_mode"] == "block"
    assert "no copy has been fetched yet" in policy.problems[0]


@pytest.mark.parametrize(
    ("serve", "status", "expected"),
    [
        ('{"fail_mode": "never"}', 200, "field fail_mode must be one of"),
        ('{"fail_mode": ', 200, "not valid JSON"),
        ("{}", 503, "answered HTTP 503"),
    ],
)
def test_when_the_url_serves_a_broken_policy_or_an_error_then_the_cached_copy_stays(
    server, system_file, serve, status, expected
):
    server.serve({"fail_mode": "block"})
    write(system_file, {"policy_url": server.url})
    PolicyStore().load()
    server.serve(serve)
    server.status = status
    policy = PolicyStore().load()
    assert policy["fail_mode"] == "block"
    assert server.url in policy.problems[0] and expected in policy.problems[0]
