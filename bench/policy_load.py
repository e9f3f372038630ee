"""How long reading the organisation policy takes: what `check`/`serve` pay at start and the service pays on
each reload (CLIENTSAFE_POLICY_RELOAD_SECONDS).

    python bench/policy_load.py [--runs 200]

Measures PolicyStore.load() with: no policy file (defaults); the youth-services example as the system file plus
a user file; the same naming a policy URL on a local HTTP server that answers If-None-Match with 304 (the
steady state); and that server answering 200 every time (a changed policy). Also `clientsafe policy show` end
to end in a fresh process. No comparison with Presidio: it has no policy layer.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from common import ROOT, summary

EXAMPLE = ROOT / "docs" / "examples" / "policy-youth-services.json"


def serve(body: bytes, always_200: bool) -> ThreadingHTTPServer:
    etag = '"' + hashlib.sha256(body).hexdigest()[:12] + '"'

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            if not always_200 and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("ETag", etag if not always_200 else f'"{time.time_ns()}"')
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def timed(runs: int, load) -> list[float]:
    load()  # first load writes the last-good copies / cache
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        load()
        times.append((time.perf_counter() - t0) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    import requests

    from clientsafe.policy import PolicyStore

    example = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        system, user, state = home / "system.json", home / "user.json", home / "state"
        user.write_text(json.dumps({"media_release_reminder": True}), encoding="utf-8")

        def store(**kw) -> PolicyStore:
            return PolicyStore(system_path=system, user_path=user, state_dir=state, **kw)

        print(f"PolicyStore.load(), {args.runs} runs each (after one warm-up load)")

        def bare() -> PolicyStore:
            return PolicyStore(system_path=home / "none.json", user_path=home / "none-user.json", state_dir=state)

        print(f"  defaults only (no files)          {summary(timed(args.runs, lambda: bare().load()))}")
        system.write_text(json.dumps(example), encoding="utf-8")
        print(f"  system file + user file           {summary(timed(args.runs, lambda: store().load()))}")
        for always_200, label in (
            (False, "policy URL, 304 Not Modified    "),
            (True, "policy URL, 200 every time      "),
        ):
            httpd = serve(json.dumps(example).encode(), always_200)
            url = f"http://127.0.0.1:{httpd.server_address[1]}/policy.json"
            system.write_text(json.dumps({"policy_url": url}), encoding="utf-8")
            session = requests.Session()
            print(f"  {label}  {summary(timed(args.runs, lambda s=session: store(session=s).load()))}")
            httpd.shutdown()
            httpd.server_close()

        env = {**os.environ, "CLIENTSAFE_HOME": str(home / "cli"), "CLIENTSAFE_SYSTEM_POLICY": str(EXAMPLE)}
        runs = []
        for _ in range(5):
            t0 = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "clientsafe", "policy", "show"], env=env, capture_output=True, check=True
            )
            runs.append((time.perf_counter() - t0) * 1000)
        print(f"`clientsafe policy show`, fresh process  {summary(runs)}")


if __name__ == "__main__":
    main()
