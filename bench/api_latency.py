"""The service over a real socket: added latency, and load from 50 concurrent clients.

    python bench/api_latency.py [--seconds 10] [--clients 50]

1. For the same 280-character posts, the checker's own time (in process) next to POST /v1/check through
   a real loopback socket with requests (keep-alive session), as the extension's service worker calls it.
2. 50 threads, each with its own connection, posting for N seconds: counts, errors, p50/p95/p99.
"""

from __future__ import annotations

import argparse
import http.client
import json
import tempfile
import threading
import time
from pathlib import Path

import requests
from latency import sized

from clientsafe.api.config import ServiceConfig
from clientsafe.api.server import bind, build_server
from clientsafe.api.tokens import TokenStore
from clientsafe.checker import Checker, OrgProfile
from common import ORG, corpus, percentile, summary


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=50)
    args = parser.parse_args()
    texts = sized([r["text"] for r in corpus("all")], 280)[:300]
    checker = Checker(org=OrgProfile.load(ORG))
    tokens = TokenStore(use_keyring=False, file=Path(tempfile.mkdtemp()) / "paired.json")
    _, token = tokens.issue("bench")
    sock = bind(0)
    port = sock.getsockname()[1]
    # One token drives hundreds of checks a second here: far past the per-browser limits a person never nears.
    config = ServiceConfig(port=port, checks_per_minute=100_000, checks_waiting_per_browser=1_000)
    server = build_server(checker, sock, tokens=tokens, config=config)
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    url = f"http://127.0.0.1:{port}/v1/check"
    headers = {"Authorization": f"Bearer {token}"}

    # A lean keep-alive client (the standard library's), so the figure is the service's overhead rather
    # than the client library's; the extension's fetch() is leaner still.
    conn = http.client.HTTPConnection("127.0.0.1", port)
    own, over_http = [], []
    for rnd in range(2):
        for text in texts:
            body = json.dumps({"text": text, "site": "facebook", "account": "personal"})
            t0 = time.perf_counter()
            checker.check(text)
            t1 = time.perf_counter()
            conn.request("POST", "/v1/check", body=body, headers={**headers, "Content-Type": "application/json"})
            response = conn.getresponse()
            response.read()
            t2 = time.perf_counter()
            assert response.status == 200
            if rnd:
                own.append((t1 - t0) * 1000)
                over_http.append((t2 - t1) * 1000)
    print(f"Same {len(texts)} posts of 280 characters, second of two rounds")
    print(f"  checker in process     {summary(own)}")
    print(f"  POST /v1/check socket  {summary(over_http)}")
    print(f"  p95 added by HTTP: {percentile(over_http, 95) - percentile(own, 95):.2f} ms  (target <= 1.5 ms)")

    results: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + args.seconds

    def client(i: int) -> None:
        s = requests.Session()
        n = i
        while time.monotonic() < stop_at:
            body = {"text": texts[n % len(texts)], "site": "x", "account": "org"}
            n += args.clients
            t0 = time.perf_counter()
            try:
                r = s.post(url, json=body, headers=headers, timeout=30)
                ok = r.status_code == 200 and r.json()["action"] in {"allow", "warn", "block"}
            except requests.RequestException as e:
                ok, r = False, e
            with lock:
                if ok:
                    results.append((time.perf_counter() - t0) * 1000)
                else:
                    errors.append(str(getattr(r, "status_code", r))[:80])

    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(
        f"{args.clients} concurrent clients for {args.seconds:.0f} s: {len(results)} checks, {len(errors)} errors, "
        f"{len(results) / args.seconds:.1f} checks/s"
    )
    print(
        f"  p50 {percentile(results, 50):.1f} ms  p95 {percentile(results, 95):.1f} ms  "
        f"p99 {percentile(results, 99):.1f} ms  (queueing: the checker works one post at a time)"
    )
    if errors:
        print("  first errors:", errors[:5])
    server.should_exit = True


if __name__ == "__main__":
    main()
