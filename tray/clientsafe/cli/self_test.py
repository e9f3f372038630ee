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
from clientsafe.checker.explain import VERDICT_WORD
from clientsafe.checker.org import OrgProfile
from clientsafe.cli.common import EXIT_OK, CliError, make_checker
from clientsafe.say import _, error_text, in_language, language, use

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
# The report speaks the computer's language, never the policy's, although the policy step reads the policy: the
# self-test checks the install, and its report, read by IT in installer and CI logs, must not change language with
# the very file it may be reporting as broken. Step ids, sample labels and verdict actions stay English in the data
# (the --json report, which machines read) and are translated when shown.


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
        help=_(
            "check that this install works offline (sample posts, the local service over HTTP, roster, policy, tray)"
        ),
    )
    p.add_argument("--json", action="store_true", help=_("print the report as JSON"))


def run(args: argparse.Namespace) -> int:
    return self_test(sys.stdout, as_json=bool(getattr(args, "json", False)))


def self_test(out: IO[str], as_json: bool = False) -> int:
    use(None)  # the computer's language (the note on language at the top), whatever this process spoke before
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
        raise CliError(_("self-test failed: {problem}").format(problem=report.error), 4)
    return EXIT_SELF_TEST_FAILED


def _step(name: str, body: Callable[[], Step]) -> Step:
    """Run one step; any exception is that step's failure, named in one line (never a traceback)."""
    try:
        return body()
    except Exception as e:
        return Step(name, False, _why(e))


def _why(e: BaseException) -> str:
    said = error_text(e).strip()  # an engine error's message in the reader's language
    text = said.splitlines()[0] if said else ""
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
                Step("local service", False, _("could not start: {problem}").format(problem=_why(e))),
                Step("HTTP check", False, _("not tried: the local service did not start")),
            ]
        try:
            service = Step("local service", True, _("started on 127.0.0.1:{port}").format(port=port))
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
    token = tokens.issue("ClientSafe self-test")[1]  # not `_, token =`: `_` is the catalog here
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
            raise RuntimeError(_why(failure[0]) if failure else _("the service stopped as it started"))
        if time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError(_("not listening after {seconds} s").format(seconds=f"{SERVICE_START_SECONDS:.0f}"))
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
            why = _("a check without a token got HTTP {status}, not 401").format(status=refused.status_code)
            return Step("HTTP check", False, why)
        answer = http.post(
            f"{base}/v1/check", json=body, headers={"Authorization": f"Bearer {token}"}, timeout=HTTP_TIMEOUT_SECONDS
        )
    if answer.status_code != 200:
        return Step("HTTP check", False, _("a check with a token got HTTP {status}").format(status=answer.status_code))
    got = answer.json().get("action")
    if got != expected:
        why = _("{sample} over HTTP: {got} (expected {expected})")
        return Step(
            "HTTP check", False, why.format(sample=_sample(label), got=_verdict(got), expected=_verdict(expected))
        )
    done = _("{sample} over HTTP with a token: {got}; without a token: refused")
    return Step("HTTP check", True, done.format(sample=_sample(label), got=_verdict(got)))


# -- 4: roster and policy, read only ---------------------------------------------------------------------------
def _roster() -> Step:
    from clientsafe.roster import RosterError, status

    try:
        current = status()
    except RosterError as e:  # the file is not a roster: the person's to fix, not the install's
        return Step("client roster", True, error_text(e), warn=True)
    if current.problem:
        return Step("client roster", True, in_language(current.problem), warn=True)
    if not current.loaded:
        return Step("client roster", True, _("none imported (clients are not recognised by name until one is)"))
    count = _("1 client") if current.clients == 1 else _("{count} clients").format(count=current.clients)
    return Step("client roster", True, count)


def _policy() -> Step:
    import requests

    from clientsafe.policy import PolicyStore

    class Offline(requests.Session):
        def send(self, request: Any, **kwargs: Any) -> Any:
            raise requests.ConnectionError("the self-test does not fetch the policy URL")

    # Read only to report on it: no say.use(policy) here; the report keeps the computer's language (the note on
    # language at the top of this module says why).
    policy = PolicyStore(session=Offline()).load()
    # fetch.py names the error type; the skipped fetch is this self-test's doing, not the policy's problem.
    # (A Said problem is its English text as a str, so this test holds in any language.)
    problems = [p for p in policy.problems if "could not be reached (ConnectionError)" not in p]
    where = ", ".join(f"{_layer(k)} {v}" for k, v in policy.layers.items())
    detail = (
        _("version {version} ({where})").format(version=policy.version, where=where)
        if where
        else _("version {version} (built-in defaults)").format(version=policy.version)
    )
    if not problems:
        return Step("policy", True, detail)
    problem = in_language(problems[0]).rstrip(".")
    if len(problems) > 1:
        problem = _("{problem} (and {count} more)").format(problem=problem, count=len(problems) - 1)
    fix = _("{detail}; problem: {problem}. Fix that file, or tell your IT team.")
    return Step("policy", True, fix.format(detail=detail, problem=problem), warn=True)


def _layer(source: str) -> str:
    """A policy layer's name (PolicyStore's ``layers`` keys) as a person reads it."""
    names = {"url": _("url"), "system": _("system"), "managed": _("managed"), "file": _("file"), "user": _("user")}
    return names.get(source, source)


# -- 5: the tray app's code, imported without a display ---------------------------------------------------------
def _tray() -> Step:
    try:
        import clientsafe.ui.app
        import clientsafe.ui.main  # noqa: F401  (what `clientsafe tray` starts)
        from clientsafe.ui.qt import QCoreApplication  # noqa: F401  (the Qt binding itself)
    except ImportError as e:
        why = _("cannot be loaded ({problem}); reinstall ClientSafe with its dependencies")
        return Step("tray app", False, why.format(problem=_why(e)))
    import PySide6

    return Step("tray app", True, _("loads (PySide6 {version}; no window opened)").format(version=PySide6.__version__))


def _render(report: Report) -> str:
    runtime = _("frozen app") if report.frozen else f"Python {report.python}"
    lines = [_("ClientSafe {version} self-test ({runtime})").format(version=report.version, runtime=runtime)]
    if report.engine:
        lines.append("  " + _("engine: {engine}").format(engine=report.engine))
        lines.append("  " + _("checker ready in {ms} ms").format(ms=f"{report.load_ms:.0f}"))
    lines.extend(_line(c["got"] == c["expected"], _check_line(c)) for c in report.checks)
    if report.learned:
        lines.append(_line(report.learned == "on", _learned_line(report.learned)))
    if report.error:
        lines.append(_line(False, report.error))
    for step in report.steps:
        lines.append(_line(step.ok, f"{_step_name(step.step)}: {step.detail}", warn=step.warn))
    if report.network_attempts:
        hosts = ", ".join(sorted(set(report.network_attempts)))
        lines.append(_line(False, _("tried to reach the network: {hosts}").format(hosts=hosts)))
    elif report.checks:
        lines.append(_line(True, _("no network connection attempted")))
    lines.append(_verdict_line(report))
    return "\n".join(lines)


def _line(ok: bool, text: str, warn: bool = False) -> str:
    """One indented report line behind its mark, the marks padded to one width so the texts line up."""
    marks = {"ok": _("ok"), "FAIL": _("FAIL"), "WARN": _("WARN")}
    mark = marks["FAIL"] if not ok else marks["WARN"] if warn else marks["ok"]
    return f"  {mark:<{max(map(len, marks.values()))}} {text}"


def _check_line(check: dict[str, Any]) -> str:
    return _("{sample}: {got} (expected {expected}), {ms} ms").format(
        sample=_sample(check["sample"]),
        got=_verdict(check["got"]),
        expected=_verdict(check["expected"]),
        ms=f"{check['ms']:.0f}",
    )


def _learned_line(learned: str) -> str:
    if learned == "on":
        return _("learned risk layer on")
    return _("learned risk layer off: {why}").format(why=learned.removeprefix("off: "))


def _verdict_line(report: Report) -> str:
    if report.passed:
        return _("PASSED: ClientSafe works on this machine.")
    failed = ", ".join(_step_name(step) for step in report.failed_steps)
    if failed:
        return _(
            "FAILED (failed: {steps}): ClientSafe is not working correctly; reinstall it, or send this report to "
            "your IT team."
        ).format(steps=failed)
    return _("FAILED: ClientSafe is not working correctly; reinstall it, or send this report to your IT team.")


def _step_name(step: str) -> str:
    """A step's id (English, in the --json report) as a person reads it."""
    names = {
        "local service": _("local service"),
        "HTTP check": _("HTTP check"),
        "client roster": _("client roster"),
        "policy": _("policy"),
        "tray app": _("tray app"),
    }
    return names.get(step, step)


def _sample(label: str) -> str:
    return {"risky": _("risky post"), "harmless": _("harmless post")}.get(label, label)


def _verdict(action: Any) -> str:
    """A verdict's action in the words the readable verdict uses (``check``), in lower case as a report line's."""
    words = VERDICT_WORD.get(language(), VERDICT_WORD["en"])
    return words.get(str(action), str(action)).lower()


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
