"""Nobody else can switch the service off (issue 13, point 3): failed tokens, pairing floods, idle connections,
one browser's burst of checks and a crash cost only whoever causes them. A real service on real sockets.

Where another OS user is needed (the real threat on a shared computer), the test forks a child that becomes
``nobody``; those tests run as root only (CI containers) and skip elsewhere.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

import clientsafe
from clientsafe.api.server import NoFreePortError, bind
from tests.api.conftest import EXTENSION_ORIGIN, start

NOBODY = 65534
as_root_on_linux = pytest.mark.skipif(
    sys.platform != "linux" or os.geteuid() != 0, reason="needs root on Linux to act as another OS user"
)


class StubVerdict:
    def to_dict(self) -> dict:
        return {
            "action": "allow",
            "reasons": [],
            "findings": [],
            "suggestions": [],
            "engine": {"ms": 0, "version": "s"},
        }


class StubChecker:
    """A checker that takes ``delay`` seconds per post and records the order it saw them in: these tests are
    about who gets served when, not about the checker. ``gate`` cleared holds the analysis thread."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.seen: list[str] = []
        self.gate = threading.Event()
        self.gate.set()

    def check(self, text: str, account: str, site: str, kind: str | None = None) -> StubVerdict:
        self.gate.wait(60)
        time.sleep(self.delay)
        self.seen.append(text)
        return StubVerdict()


@pytest.fixture
def running():
    servers = []

    def run(checker=None, tmp=None, **config):
        svc, server = start(checker or StubChecker(), tmp, **config)
        servers.append(server)
        return svc, server

    yield run
    for server in servers:
        server.should_exit = True


def wait_for(condition, what: str, limit: float = 30.0) -> None:
    """Poll until ``condition()`` (a generous limit that only stops a hung test; nothing asserts on time)."""
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.01)


def http(sock: socket.socket, port: int, method: str, path: str, headers: dict | None = None, body: bytes = b""):
    """One request on an open socket (kept alive); returns (status, headers, body)."""
    lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{port}"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    if body:
        lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError(f"closed by the service after {data!r}")
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    found = {k.lower(): v.strip() for k, _, v in (h.partition(":") for h in header_lines)}
    while len(rest) < int(found.get("content-length", 0)):
        rest += sock.recv(65536)
    return int(status_line.split()[1]), found, rest


def status_of(port: int, method: str, path: str, headers: dict | None = None, body: bytes = b"") -> int:
    # Closed from this side first, so TIME_WAIT lands on this ephemeral port, not on the service's port range
    # (where it would keep other test runs on older code from binding for a minute).
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        return http(sock, port, method, path, headers, body)[0]


def as_another_user(work) -> object:
    """Run ``work()`` in a forked child that has become ``nobody``; its JSON result. The child uses plain
    sockets only (no locks another thread of this process might have held at the fork)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            result = json.dumps({"result": work()})
        except BaseException as e:
            result = json.dumps({"error": repr(e)})
        os.write(write_end, result.encode())
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as f:
        answer = json.loads(f.read() or b'{"error": "no answer"}')
    os.waitpid(pid, 0)
    assert "error" not in answer, answer
    return answer["result"]


# --- failed tokens ---------------------------------------------------------------------------------------------


def test_when_a_caller_fails_its_token_30_times_then_a_valid_token_is_still_served_and_only_the_caller_waits(
    running, tmp_path
):
    svc, _ = running(tmp=tmp_path)  # 20 failures a minute per caller (the default)
    wrong = [status_of(svc.port, "GET", "/v1/status", {"Authorization": "Bearer wrong"}) for _ in range(20)]
    missing = [status_of(svc.port, "GET", "/v1/status") for _ in range(12)]
    assert wrong == [401] * 20 and missing == [429] * 12

    served = requests.get(f"{svc.base}/v1/status", headers=svc.auth(), timeout=30)
    assert served.status_code == 200 and served.json()["browser"] == "test browser"

    still_failing = requests.get(f"{svc.base}/v1/status", headers={"Authorization": "Bearer wrong"}, timeout=30)
    assert still_failing.status_code == 429 and still_failing.json() == {"error": "too_many_requests"}
    assert 1 <= int(still_failing.headers["retry-after"]) <= 60


@as_root_on_linux
def test_when_another_os_user_fails_tokens_then_this_users_own_failures_are_still_counted_apart(running, tmp_path):
    svc, _ = running(tmp=tmp_path)
    port = svc.port
    theirs = as_another_user(
        lambda: [status_of(port, "GET", "/v1/status", {"Authorization": "Bearer guess"}) for _ in range(25)]
    )
    assert theirs == [401] * 20 + [429] * 5
    # This user's browser with a stale token is told 401 (pair again), not locked out by the other user.
    assert requests.get(f"{svc.base}/v1/status", headers={"Authorization": "Bearer old"}, timeout=30).status_code == 401
    assert requests.get(f"{svc.base}/v1/status", headers=svc.auth(), timeout=30).status_code == 200


# --- pairing ---------------------------------------------------------------------------------------------------


def test_when_a_program_floods_pairing_then_the_extension_can_still_pair(running, tmp_path, monkeypatch):
    from clientsafe.api import callers

    # As on Windows and macOS (or when the socket's owner cannot be found): callers are told apart by Origin.
    monkeypatch.setattr(callers, "peer_uid", lambda client, server: None)
    svc, _ = running(tmp=tmp_path)
    flood = [
        requests.post(f"{svc.base}/v1/pair", json={"client_name": f"flood {i}"}, timeout=30).status_code
        for i in range(12)
    ]
    assert flood.count(201) <= 3 and flood[-1] == 429

    asked = requests.post(
        f"{svc.base}/v1/pair",
        json={"client_name": "Chrome on LAPTOP-7"},
        headers={"Origin": EXTENSION_ORIGIN},
        timeout=30,
    )
    assert asked.status_code == 201, asked.text
    assert "Chrome on LAPTOP-7" in [p.client_name for p in svc.book.pending()]


@as_root_on_linux
def test_when_another_os_user_floods_pairing_then_this_users_browser_can_still_pair(running, tmp_path):
    svc, _ = running(tmp=tmp_path)
    port = svc.port
    body = json.dumps({"client_name": "flood"}).encode()
    theirs = as_another_user(lambda: [status_of(port, "POST", "/v1/pair", body=body) for _ in range(12)])
    assert theirs.count(201) == 3 and theirs[-1] == 429

    # The same Origin as the flood (none): only the OS user tells the two apart.
    asked = requests.post(f"{svc.base}/v1/pair", json={"client_name": "Firefox on LAPTOP-7"}, timeout=30)
    assert asked.status_code == 201, asked.text


def test_the_callers_os_user_is_read_from_the_kernel_for_a_real_connection(monkeypatch):
    from clientsafe.api import callers

    if sys.platform != "linux":
        assert callers.peer_uid(("127.0.0.1", 50000), ("127.0.0.1", 47390)) is None
        return
    listener = socket.create_server(("127.0.0.1", 0))
    client = socket.create_connection(listener.getsockname())
    dual_stack = socket.socket(socket.AF_INET6)  # an IPv6 socket reaching 127.0.0.1 as ::ffff:127.0.0.1
    dual_stack.connect(("::ffff:127.0.0.1", listener.getsockname()[1]))
    accepted = [listener.accept()[0] for _ in range(2)]
    try:
        for ours in accepted:
            assert callers.peer_uid(ours.getpeername(), ours.getsockname()) == os.getuid()
        # Where netlink is refused, /proc/net/tcp{,6} gives the same answer.
        monkeypatch.setattr(callers, "_uid_from_sock_diag", lambda *ends: (_ for _ in ()).throw(PermissionError()))
        for ours in accepted:
            assert callers.peer_uid(ours.getpeername(), ours.getsockname()) == os.getuid()
        # A caller that has closed its end is nobody's: the Guard falls back to its Origin.
        client.close()
        wait_for(lambda: callers.peer_uid(accepted[0].getpeername(), accepted[0].getsockname()) is None, "close")
        assert callers.peer_uid(("testclient", 50000), ("testserver", 80)) is None
    finally:
        for s in (*accepted, dual_stack, client, listener):
            s.close()


def test_away_from_linux_the_caller_lookup_never_touches_proc(monkeypatch):
    from clientsafe.api import callers

    def forbidden(*args):
        raise AssertionError("looked in /proc or netlink away from Linux")

    monkeypatch.setattr(callers.sys, "platform", "win32")
    monkeypatch.setattr(callers, "_uid_from_sock_diag", forbidden)
    monkeypatch.setattr(callers, "_uid_from_proc", forbidden)
    assert callers.peer_uid(("127.0.0.1", 50000), ("127.0.0.1", 47390)) is None
    assert callers.caller_key(None, EXTENSION_ORIGIN) == f"origin:{EXTENSION_ORIGIN}"
    assert callers.caller_key(None, None) == "no-origin" and callers.caller_key(1000, EXTENSION_ORIGIN) == "uid:1000"


@as_root_on_linux
def test_a_socket_opened_by_another_user_is_attributed_to_that_user():
    from clientsafe.api import callers

    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    seen: list[int | None] = []

    def accept_and_look() -> None:
        ours, _ = listener.accept()
        with ours:
            seen.append(callers.peer_uid(ours.getpeername(), ours.getsockname()))
            ours.sendall(b"x")  # let the child go

    looker = threading.Thread(target=accept_and_look)
    looker.start()

    def connect_and_wait() -> bool:
        with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
            return s.recv(1) == b"x"

    assert as_another_user(connect_and_wait) is True
    looker.join(30)
    listener.close()
    assert seen == [NOBODY]


# --- connections -----------------------------------------------------------------------------------------------


def test_when_300_idle_connections_are_open_then_a_paired_browser_is_still_served(running, tmp_path, monkeypatch):
    from clientsafe.api.slow_clients import DeadlineH11Protocol

    # Idle connections would otherwise be dropped after 10 s; here only the connection ceiling may close them.
    monkeypatch.setattr(DeadlineH11Protocol, "request_deadline", 300.0)
    svc, _ = running(tmp=tmp_path)
    idle = [socket.create_connection(("127.0.0.1", svc.port), timeout=30) for _ in range(300)]
    try:
        r = requests.get(f"{svc.base}/v1/status", headers=svc.auth(), timeout=30)
        assert r.status_code == 200
        # Room was made by closing the oldest connections that never showed a token (301 - 256 = 45 of them).
        for sock in idle[:40]:
            assert sock.recv(1) == b""
    finally:
        for sock in idle:
            sock.close()


def test_when_connections_run_short_a_paired_browsers_open_connection_is_kept(running, tmp_path, monkeypatch):
    from clientsafe.api.slow_clients import DeadlineH11Protocol

    monkeypatch.setattr(DeadlineH11Protocol, "request_deadline", 300.0)
    svc, _ = running(tmp=tmp_path)
    browser = socket.create_connection(("127.0.0.1", svc.port), timeout=30)
    idle: list[socket.socket] = []
    try:
        assert http(browser, svc.port, "GET", "/v1/status", svc.auth())[0] == 200
        idle = [socket.create_connection(("127.0.0.1", svc.port), timeout=30) for _ in range(300)]
        # The same keep-alive connection (opened before every idle one) still answers.
        assert http(browser, svc.port, "GET", "/v1/status", svc.auth())[0] == 200
    finally:
        for sock in (browser, *idle):
            sock.close()


# --- checks: turns and limits per browser ----------------------------------------------------------------------


def post_check(svc, token: str, text: str) -> requests.Response:
    return requests.post(
        f"{svc.base}/v1/check",
        json={"text": text, "site": "facebook", "account": "personal"},
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    )


def test_when_one_browser_floods_checks_then_another_browsers_check_is_answered_before_the_flood_ends(
    running, tmp_path
):
    checker = StubChecker(delay=0.05)
    checker.gate.clear()  # the first check holds the analysis thread until every request has arrived
    svc, server = running(checker, tmp_path)
    _, token_b = svc.tokens.issue("browser B")
    answers: list[tuple[str, requests.Response]] = []  # in the order they arrived
    lock = threading.Lock()

    def send(who: str, token: str, text: str) -> None:
        r = post_check(svc, token, text)
        with lock:
            answers.append((who, r))

    def refused() -> int:
        with lock:
            return sum(r.status_code == 429 for _, r in answers)

    in_flight = server.server_state.tasks
    flood = [threading.Thread(target=send, args=("A", svc.token, f"A{i}")) for i in range(40)]
    for t in flood:
        t.start()
    wait_for(lambda: len(in_flight) + refused() >= 40, "browser A's 40 checks to arrive")
    other = threading.Thread(target=send, args=("B", token_b, "B"))
    other.start()
    wait_for(lambda: len(in_flight) + refused() >= 41, "browser B's check to arrive")
    checker.gate.set()
    for t in [*flood, other]:
        t.join(60)

    a_served = [r for who, r in answers if who == "A" and r.status_code == 200]
    a_refused = [r for who, r in answers if who == "A" and r.status_code == 429]
    (b,) = [r for who, r in answers if who == "B"]
    assert b.status_code == 200 and b.json()["action"] == "allow"
    # Past the per-browser waiting cap, A is told to retry; B was not.
    assert a_refused and a_served and len(a_served) + len(a_refused) == 40
    assert all(r.json()["error"] == "too_many_requests" and r.json()["detail"] for r in a_refused)
    assert all(int(r.headers["retry-after"]) >= 1 for r in a_refused)
    # B took its turn: its answer came before A's last, and its post was among the first checked.
    order = [who for who, r in answers if r.status_code == 200]
    assert order.index("B") < len(order) - 1 - order[::-1].index("A")
    assert checker.seen.index("B") <= 3


def test_when_a_browser_passes_its_checks_per_minute_then_only_that_browser_is_refused(running, tmp_path):
    svc, _ = running(tmp=tmp_path, checks_per_minute=5)
    _, token_b = svc.tokens.issue("browser B")
    codes = [post_check(svc, svc.token, f"post {i}").status_code for i in range(5)]
    over = post_check(svc, svc.token, "one too many")
    assert codes == [200] * 5 and over.status_code == 429
    assert over.json()["error"] == "too_many_requests" and "minute" in over.json()["detail"]
    assert 1 <= int(over.headers["retry-after"]) <= 60
    assert post_check(svc, token_b, "from the other browser").status_code == 200


# --- the port after a crash ------------------------------------------------------------------------------------

CRASHING_SERVICE = """
import sys
from clientsafe.api.server import bind
listener = bind(int(sys.argv[1]))
print("listening", flush=True)
connection, _ = listener.accept()
connection.close()  # the service's side closes first, so the connection ends in TIME_WAIT on this side
print("closed", flush=True)
sys.stdin.read()  # until killed
"""


def time_wait_on(port: int) -> bool:
    with open("/proc/net/tcp") as f:
        rows = [line.split() for line in f.readlines()[1:]]
    return any(row[1].endswith(f":{port:04X}") and row[3] == "06" for row in rows)


def test_when_the_service_is_killed_after_closing_a_connection_its_port_can_be_bound_again_at_once():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(Path(clientsafe.__file__).resolve().parents[1])}
    child = subprocess.Popen(
        [sys.executable, "-c", CRASHING_SERVICE, str(port)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "listening"
        client = socket.create_connection(("127.0.0.1", port), timeout=30)
        assert child.stdout.readline().strip() == "closed"
        assert client.recv(1) == b""
        client.close()
        if sys.platform == "linux":
            wait_for(lambda: time_wait_on(port), "the service's side of the connection to reach TIME_WAIT")
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(30)

    again = bind(port)  # the restarted service takes its port back, TIME_WAIT or not
    try:
        assert again.getsockname() == ("127.0.0.1", port)
        with pytest.raises(NoFreePortError):  # but nobody can take it while it listens
            bind(port)
    finally:
        again.close()
