"""``clientsafe self-test`` (also ``clientsafe --self-test``): prove this install works, offline.

IT runs it after deploying (and CI runs it on the frozen binary with networking switched off): it builds the
checker from what is installed, checks one risky and one harmless sample post, and compares the verdicts with
what they must be. While it runs, any connection beyond loopback is refused and counted, so a library that
tries to download something (a model, the public-suffix list) fails the self-test instead of passing quietly
on a machine that happens to be online.

Exit codes: 0 every check passed; 4 the engine could not start; 5 a check gave the wrong answer or something
tried to reach the network.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import platform
import socket
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import IO, Any

from clientsafe import __version__
from clientsafe.checker.org import OrgProfile
from clientsafe.cli.common import EXIT_OK, CliError, make_checker

EXIT_SELF_TEST_FAILED = 5

# Written for this product (never real client data). The risky one names a minor with the service and an age;
# the harmless one is the kind of event announcement most posts are.
SAMPLES: tuple[tuple[str, str, str], ...] = (
    ("risky", "So proud of Maria from our youth shelter 💙 she just turned 15!", "block"),
    ("harmless", "Join us Saturday at 10am for the community food drive. Volunteers welcome!", "allow"),
)
_LOOPBACK = ("127.", "::1", "localhost")


@dataclass
class Report:
    version: str
    python: str
    frozen: bool
    engine: str = ""
    load_ms: float = 0.0
    checks: list[dict[str, Any]] = field(default_factory=list)
    network_attempts: list[str] = field(default_factory=list)
    error: str = ""
    # "on", or "off: <why>": the rules deciding alone is a failure to report, never a silent fall-back.
    learned: str = ""

    @property
    def passed(self) -> bool:
        return (
            not self.error
            and not self.network_attempts
            and bool(self.checks)
            and self.learned == "on"
            and all(c["got"] == c["expected"] for c in self.checks)
        )


def register(sub: Any) -> None:
    p = sub.add_parser("self-test", help="check that this install works offline (sample posts, known verdicts)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")


def run(args: argparse.Namespace) -> int:
    return self_test(sys.stdout, as_json=bool(getattr(args, "json", False)))


def self_test(out: IO[str], as_json: bool = False) -> int:
    report = Report(version=__version__, python=platform.python_version(), frozen=bool(getattr(sys, "frozen", False)))
    with _no_network(report.network_attempts):
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
    out.write((json.dumps(asdict(report) | {"passed": report.passed}) if as_json else _render(report)) + "\n")
    if report.passed:
        return EXIT_OK
    if report.error:
        raise CliError(f"self-test failed: {report.error}", 4)
    return EXIT_SELF_TEST_FAILED


def _render(report: Report) -> str:
    lines = [f"ClientSafe {report.version} self-test ({'frozen app' if report.frozen else 'Python ' + report.python})"]
    if report.engine:
        lines.append(f"  engine: {report.engine}")
        lines.append(f"  checker ready in {report.load_ms:.0f} ms")
    for c in report.checks:
        mark = "ok  " if c["got"] == c["expected"] else "FAIL"
        lines.append(f"  {mark} {c['sample']} post: {c['got']} (expected {c['expected']}), {c['ms']:.0f} ms")
    if report.network_attempts:
        lines.append(f"  FAIL tried to reach the network: {', '.join(sorted(set(report.network_attempts)))}")
    elif report.checks:
        lines.append("  ok   no network connection attempted")
    if report.learned:
        mark = "ok  " if report.learned == "on" else "FAIL"
        lines.append(f"  {mark} learned risk layer {report.learned}")
    if report.error:
        lines.append(f"  FAIL {report.error}")
    lines.append(
        "PASSED: ClientSafe works on this machine."
        if report.passed
        else "FAILED: ClientSafe is not working correctly; reinstall it, or send this report to your IT team."
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
