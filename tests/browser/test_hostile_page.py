"""An ordinary web page in real Chromium tries every way it has to reach the local service: fetch, XHR,
a form post, an image, a websocket, and DNS rebinding. It learns nothing and changes nothing."""

from __future__ import annotations

import http.server
import threading

import pytest

from tests.api.conftest import start
from tests.browser.conftest import CHROMIUM, chromium_args

ATTACK = """
<html><body><script>
window.results = {};
const base = "http://127.0.0.1:%(port)d";
async function attempt(name, fn) {
  try { window.results[name] = await fn(); } catch (e) { window.results[name] = "blocked: " + e.name; }
}
(async () => {
  await attempt("fetch_status", async () => (await fetch(base + "/v1/status")).text());
  await attempt("fetch_json_pair", async () => (await fetch(base + "/v1/pair", {method: "POST",
      headers: {"Content-Type": "application/json"}, body: JSON.stringify({client_name: "evil"})})).text());
  await attempt("fetch_nocors_pair", async () => {
      const r = await fetch(base + "/v1/pair", {method: "POST", mode: "no-cors",
          headers: {"Content-Type": "text/plain"}, body: JSON.stringify({client_name: "evil"})});
      return "opaque:" + r.type; });
  await attempt("fetch_nocors_check", async () => {
      const r = await fetch(base + "/v1/check", {method: "POST", mode: "no-cors", body:
          JSON.stringify({text: "x", site: "x", account: "org"})}); return "opaque:" + r.type; });
  await attempt("xhr_status", () => new Promise((ok) => { const x = new XMLHttpRequest();
      x.open("GET", base + "/v1/status"); x.onload = () => ok(x.responseText); x.onerror = () => ok("blocked: error");
      x.send(); }));
  await attempt("image", () => new Promise((ok) => { const i = new Image(); i.onload = () => ok("loaded");
      i.onerror = () => ok("blocked: error"); i.src = base + "/v1/status"; }));
  await attempt("websocket", () => new Promise((ok) => { const w = new WebSocket("ws://127.0.0.1:%(port)d/v1/status");
      w.onopen = () => ok("open"); w.onerror = () => ok("blocked: error"); }));
  const form = document.createElement("form"); form.method = "POST"; form.action = base + "/v1/pair";
  form.enctype = "text/plain"; form.target = "sink";
  const input = document.createElement("input"); input.name = '{"client_name": "evil", "x": "'; input.value = '"}';
  form.appendChild(input); document.body.appendChild(form);
  const sink = document.createElement("iframe"); sink.name = "sink"; document.body.appendChild(sink);
  form.submit();
  await new Promise((r) => setTimeout(r, 1500));
  window.done = true;
})();
</script></body></html>
"""


class Page(http.server.BaseHTTPRequestHandler):
    body = b""

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):
        pass


@pytest.fixture
def hostile_site(checker, tmp_path):
    svc, server = start(checker, tmp_path)
    Page.body = (ATTACK % {"port": svc.port}).encode()
    site = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    yield svc, site.server_address[1]
    site.shutdown()
    server.should_exit = True


def test_a_web_page_learns_nothing_and_changes_nothing(browser_type, hostile_site):
    svc, page_port = hostile_site
    browser = browser_type.launch(
        executable_path=CHROMIUM,
        args=chromium_args(["--host-resolver-rules=MAP evil.test 127.0.0.1, MAP rebind.test 127.0.0.1"]),
    )
    try:
        page = browser.new_page()
        page.goto(f"http://evil.test:{page_port}/")
        page.wait_for_function("window.done === true", timeout=20_000)
        results = page.evaluate("window.results")
    finally:
        browser.close()
    for name, outcome in results.items():
        assert "version" not in str(outcome) and "browser" not in str(outcome), (name, outcome)
        assert str(outcome).startswith(("blocked", "opaque")), (name, outcome)
    assert svc.book.pending() == []  # no pairing request got in
    assert len(svc.app.app.state.recent_checks) == 0  # nothing was checked


def test_dns_rebinding_to_the_service_port_is_refused(browser_type, hostile_site):
    svc, _ = hostile_site
    browser = browser_type.launch(
        executable_path=CHROMIUM, args=chromium_args(["--host-resolver-rules=MAP rebind.test 127.0.0.1"])
    )
    try:
        page = browser.new_page()
        # The attacker's name now points at the service, so the page is "same origin" with it.
        response = page.goto(f"http://rebind.test:{svc.port}/v1/status")
        assert response is not None and response.status == 403
        status = page.evaluate(
            "fetch('/v1/pair', {method: 'POST', headers: {'Content-Type': 'application/json'},"
            " body: JSON.stringify({client_name: 'evil'})}).then(r => r.status)"
        )
        assert status == 403
    finally:
        browser.close()
    assert svc.book.pending() == []
