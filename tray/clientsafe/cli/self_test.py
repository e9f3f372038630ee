"""``clientsafe self-test`` (also ``clientsafe --self-test``): prove this install works, offline.

IT runs it after deploying, the Windows installer runs it before it reports success, and CI runs it on the
frozen binary with networking switched off. Each step is one line (``ok``/``FAIL``/``WARN``), in this order:

1. the checker builds from what is installed and gives the known verdicts on one risky and one harmless post;
2. the local service (the code ``clientsafe serve`` and the tray run) starts on a free loopback port, with a
   throwaway folder and token store, so this user's paired browsers and files are never touched;
3. that service answers a check over HTTP with a token (the risky post is held) and refuses one without;
4. the client roster and the organisation policy load (read only; the policy URL is not fetched);
5. the tray app's modules import (no window is opened, so it works without a display).

While it runs, any connection beyond loopback is refused and counted, so a library that tries to download
something (a model, the public-suffix list) fails the self-test instead of passing quietly on a machine that
happens to be online.

A roster or policy *file* with problems (a broken policy file, a roster whose key is gone) is a WARN line and does
not fail the self-test: the install works, the last good policy stays in force, and the line names the file
and what to fix. Code that cannot load them at all (a missing module, a crash) is a failure.

Exit codes: 0 every check passed; 4 the engine could not start; 5 a check gave the wrong answer, another step
failed (service, HTTP check, roster or policy loading, tray), or something tried to reach the network.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import platform
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from clientsafe import __version__
from clientsafe.checker.org import OrgProfile
from clientsafe.cli.common import EXIT_OK, CliError, make_checker

EXIT_SELF_TEST_FAILED = 5
SERVICE_START_SECONDS = 30.0
HTTP_TIMEOUT_SECONDS = 30.0

# Written for this product (never real client data). The risky one names a minor with the service and an age;
# the harmless one is the kind of event announcement most posts are.
SAMPLES: tuple[tuple[str, str, str], ...] = (
    ("risky", "So proud of Maria from our youth shelter 💙 she just turned 15!", "block"),
    ("harmless", "Join us Saturday at 10am for the community food drive. Volunteers welcome!", "allow"),
)
_LOOPBACK = ("127.", "::1", "localhost")


@dataclass
class Step:
    """One line of the report. ``warn``: it worked, but something IT should fix (a policy file with errors)."""

    step: str
    ok: bool
    detail: str
    warn: bool = False


@dataclass
class Report:
    version: str
    python: str
    frozen: bool
    engine: str = ""
    load_ms: float = 0.0
    checks: list[dict[str, Any]] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    network_attempts: list[str] = field(default_factory=list)
    error: str = ""
    # "on", or "off: <why>": the rules deciding alone is a failure to report, never a silent fall-back.
    learned: str = ""

    @property
    def failed_steps(self) -> list[str]:
        return [s.step for s in self.steps if not s.ok]

    @property
    def passed(self) -> bool:
        return (
            not self.error
            and not self.network_attempts
            and bool(self.checks)
            and self.learned == "on"
            and all(c["got"] == c["expected"] for c in self.checks)
            and not self.failed_steps
        )


def register(sub: Any) -> None:
    p = sub.add_parser(
        "self-test",
        help="check that this install works offline (sample posts, the local service over HTTP, roster, policy, tray)",
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")


def run(args: argparse.Namespace) -> int:
    return self_test(sys.stdout, as_json=bool(getattr(args, "json", False)))


def self_test(out: IO[str], as_json: bool = False) -> int:
    report = Report(version=__version__, python=platform.python_version(), frozen=bool(getattr(sys, "frozen", False)))
    with _no_network(report.network_attempts):
        checker = None
        try:
            started = time.perf_counter()
            # Built-in defaults only: the self-test checks the install, not this user's organisation file.
            checker = make_checker(OrgProfile())
            report.load_ms = round((time.perf_counter() - started) * 1000, 1)
            report.engine = checker.version
            report.learned = checker.learned
            for label, text, expected in SAMPLES:
                verdict = checker.check(text, account="personal")
                report.checks.append(
                    {
                        "sample": label,
                        "expected": expected,
                        "got": verdict.action,
                        "codes": [r.code for r in verdict.reasons],
                        "ms": round(float(verdict.engine["ms"]), 1),
                    }
                )
        except CliError as e:
            report.error = str(e)
        if checker is not None:
            report.steps.extend(_service_steps(checker))
        report.steps.append(_step("client roster", _roster))
        report.steps.append(_step("policy", _policy))
        report.steps.append(_step("tray app", _tray))
    out.write((json.dumps(asdict(report) | {"passed": report.passed}) if as_json else _render(report)) + "\n")
    if report.passed:
        return EXIT_OK
    if report.error:
        raise CliError(f"self-test failed: {report.error}", 4)
    return EXIT_SELF_TEST_FAILED


def _step(name: str, body: Callable[[], Step]) -> Step:
    """Run one step; any exception is that step's failure, named in one line (never a traceback)."""
    try:
        return body()
    except Exception as e:
        return Step(name, False, _why(e))


def _why(e: BaseException) -> str:
    text = str(e).strip().splitlines()[0] if str(e).strip() else ""
    return f"{type(e).__name__}: {text}" if text else type(e).__name__


# -- 2 and 3: the local service, and a check through it over HTTP with a token --------------------------------
def _service_steps(checker: Any) -> list[Step]:
    """Start the service the tray and `clientsafe serve` run, in a thread on a free loopback port, with a token
    store and pairing book in a throwaway folder; check the risky sample over HTTP; stop it."""
    with tempfile.TemporaryDirectory(prefix="clientsafe-self-test-", ignore_cleanup_errors=True) as folder:
        try:
            server, port, token, thread = _start_service(checker, Path(folder))
        except Exception as e:
            return [
                Step("local service", False, f"could not start: {_why(e)}"),
                Step("HTTP check", False, "not tried: the local service did not start"),
            ]
        try:
            service = Step("local service", True, f"started on 127.0.0.1:{port}")
            return [service, _step("HTTP check", lambda: _http_check(port, token))]
        finally:
            server.should_exit = True
            thread.join(10)


def _start_service(checker: Any, folder: Path) -> tuple[Any, int, str, threading.Thread]:
    from clientsafe.api import server as service
    from clientsafe.api.config import ServiceConfig
    from clientsafe.api.pairing import PairingBook
    from clientsafe.api.tokens import TokenStore

    tokens = TokenStore(use_keyring=False, file=folder / "paired-browsers.json")
    _, token = tokens.issue("ClientSafe self-test")
    # An ephemeral port, not the 47390-47399 range: a running ClientSafe (or another user's) keeps its port.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    port = int(sock.getsockname()[1])
    pairing = PairingBook(tokens, file=folder / "pairing.json")
    server = service.build_server(checker, sock, tokens=tokens, config=ServiceConfig(port=port), pairing=pairing)
    failure: list[BaseException] = []

    def serve() -> None:
        try:
            server.run(sockets=[sock])
        except BaseException as e:  # SystemExit from uvicorn included: reported, never raised in a thread
            failure.append(e)
        finally:
            sock.close()

    thread = threading.Thread(target=serve, name="clientsafe-self-test-service", daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVICE_START_SECONDS
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError(_why(failure[0]) if failure else "the service stopped as it started")
        if time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError(f"not listening after {SERVICE_START_SECONDS:.0f} s")
        time.sleep(0.02)
    return server, port, token, thread


def _http_check(port: int, token: str) -> Step:
    import requests

    label, text, expected = SAMPLES[0]
    base = f"http://127.0.0.1:{port}"
    body = {"text": text, "site": "facebook", "account": "personal"}
    with requests.Session() as http:
        http.trust_env = False  # never through a proxy from the environment: loopback only
        refused = http.post(f"{base}/v1/check", json=body, timeout=HTTP_TIMEOUT_SECONDS)
        if refused.status_code != 401:
            return Step("HTTP check", False, f"a check without a token got HTTP {refused.status_code}, not 401")
        answer = http.post(
            f"{base}/v1/check", json=body, headers={"Authorization": f"Bearer {token}"}, timeout=HTTP_TIMEOUT_SECONDS
        )
    if answer.status_code != 200:
        return Step("HTTP check", False, f"a check with a token got HTTP {answer.status_code}")
    got = answer.json().get("action")
    if got != expected:
        return Step("HTTP check", False, f"{label} post over HTTP: {got} (expected {expected})")
    return Step("HTTP check", True, f"{label} post over HTTP with a token: {got}; without a token: refused")


# -- 4: roster and policy, read only ---------------------------------------------------------------------------
def _roster() -> Step:
    from clientsafe.roster import RosterError, status

    try:
        current = status()
    except RosterError as e:  # the file is not a roster: the person's to fix, not the install's
        return Step("client roster", True, f"{e}", warn=True)
    if current.problem:
        return Step("client roster", True, current.problem, warn=True)
    if not current.loaded:
        return Step("client roster", True, "none imported (clients are not recognised by name until one is)")
    return Step("client roster", True, f"{current.clients} clients")


def _policy() -> Step:
    import requests

    from clientsafe.policy import PolicyStore

    class Offline(requests.Session):
        def send(self, request: Any, **kwargs: Any) -> Any:
            raise requests.ConnectionError("the self-test does not fetch the policy URL")

    policy = PolicyStore(session=Offline()).load()
    # fetch.py names the error type; the skipped fetch is this self-test's doing, not the policy's problem.
    problems = [p for p in policy.problems if "could not be reached (ConnectionError)" not in p]
    where = ", ".join(f"{k} {v}" for k, v in policy.layers.items())
    detail = f"version {policy.version}" + (f" ({where})" if where else " (built-in defaults)")
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        return Step(
            "policy",
            True,
            f"{detail}; problem: {problems[0].rstrip('.')}{more}. Fix that file, or tell your IT team.",
            warn=True,
        )
    return Step("policy", True, detail)


# -- 5: the tray app's code, imported without a display ---------------------------------------------------------
def _tray() -> Step:
    try:
        import clientsafe.ui.app
        import clientsafe.ui.main  # noqa: F401  (what `clientsafe tray` starts)
        from clientsafe.ui.qt import QCoreApplication  # noqa: F401  (the Qt binding itself)
    except ImportError as e:
        return Step("tray app", False, f"cannot be loaded ({_why(e)}); reinstall ClientSafe with its dependencies")
    import PySide6

    return Step("tray app", True, f"loads (PySide6 {PySide6.__version__}; no window opened)")


def _render(report: Report) -> str:
    lines = [f"ClientSafe {report.version} self-test ({'frozen app' if report.frozen else 'Python ' + report.python})"]
    if report.engine:
        lines.append(f"  engine: {report.engine}")
        lines.append(f"  checker ready in {report.load_ms:.0f} ms")
    for c in report.checks:
        mark = "ok  " if c["got"] == c["expected"] else "FAIL"
        lines.append(f"  {mark} {c['sample']} post: {c['got']} (expected {c['expected']}), {c['ms']:.0f} ms")
    if report.learned:
        mark = "ok  " if report.learned == "on" else "FAIL"
        lines.append(f"  {mark} learned risk layer {report.learned}")
    if report.error:
        lines.append(f"  FAIL {report.error}")
    for step in report.steps:
        mark = "FAIL" if not step.ok else "WARN" if step.warn else "ok  "
        lines.append(f"  {mark} {step.step}: {step.detail}")
    if report.network_attempts:
        lines.append(f"  FAIL tried to reach the network: {', '.join(sorted(set(report.network_attempts)))}")
    elif report.checks:
        lines.append("  ok   no network connection attempted")
    if report.passed:
        lines.append("PASSED: ClientSafe works on this machine.")
    else:
        failed = report.failed_steps
        named = f" (failed: {', '.join(failed)})" if failed else ""
        lines.append(
            f"FAILED{named}: ClientSafe is not working correctly; reinstall it, or send this report to your IT team."
        )
    return "\n".join(lines)


@contextlib.contextmanager
def _no_network(attempts: list[str]) -> Iterator[None]:
    """Refuse (and record) connections and name look-ups beyond loopback for the duration."""

    def blocked(host: object) -> bool:
        return host is not None and not str(host).startswith(_LOOPBACK)

    original_connect, original_getaddrinfo = socket.socket.connect, socket.getaddrinfo

    def connect(self: socket.socket, address: Any) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if blocked(host):
            attempts.append(str(host))
            raise OSError("ClientSafe self-test: network access refused")
        original_connect(self, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if blocked(host):
            attempts.append(str(host))
            raise socket.gaierror("ClientSafe self-test: network access refused")
        return original_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = connect  # type: ignore[method-assign,assignment]
    socket.getaddrinfo = getaddrinfo
    try:
        yield
    finally:
        socket.socket.connect = original_connect  # type: ignore[method-assign]
        socket.getaddrinfo = original_getaddrinfo
