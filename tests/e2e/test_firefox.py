"""The core cases in Firefox (Debian's firefox-esr) with the extension's Firefox build, against a real service and
the look-alike sites: a risky post is held, a harmless one is delivered verbatim, a roster client's friend request
is held, and the popup says whether the app is running.

Python starts the service and the sites as the Chromium tests do (tests/e2e/conftest.py); tests/firefox/run.mjs
drives one Firefox for the whole module over WebDriver BiDi (puppeteer-core), one command per step, and reports what
it saw as JSON. Firefox has no host-resolver rules, so every host name resolves to 127.0.0.1
(network.dns.forceResolve) and the look-alike server listens on 443: these tests need to bind it (root, as here and
in CI). Where Firefox, Node or the runner's packages are missing they skip loudly, and fail under CI=true.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import queue
import shutil
import signal
import socket
import subprocess
import threading
from pathlib import Path

import pytest

from clientsafe.api.server import bind
from tests.api.conftest import start
from tests.e2e.composers import BY_ID
from tests.e2e.conftest import serve_fixture_sites, with_roster
from tests.e2e.people import PEOPLE_BUTTONS
from tests.e2e.tray_control import stop

ROOT = Path(__file__).resolve().parents[2]
FIREFOX = "/usr/bin/firefox-esr"
RUNNER = ROOT / "tests" / "firefox" / "run.mjs"
PUPPETEER = ROOT / "tests" / "firefox" / "node_modules" / "puppeteer-core"
# The extension's internal UUID, pinned by a pref so the app's origin allow-list can name moz-extension://UUID.
UUID = "5f0c7a2e-3b1d-4c8e-9f6a-2d4b8e1c7a30"

RISKY = "So proud of Maria from our youth shelter for making the honor roll 🎉"
# Accents, an emoji, a curly apostrophe and two lines: what the site receives must be these exact characters.
HARMLESS = "Great turnout at the park cleanup today — thanks everyone! 🌳\nCafé’s open again next week."
MASTODON = "https://mastodon.social/home"
FACEBOOK = BY_ID["facebook-post"]
ADD_FRIEND = next(b for b in PEOPLE_BUTTONS if b.id == "facebook-add-friend")


def _missing() -> str | None:
    if not os.path.exists(FIREFOX):
        return f"Firefox not found at {FIREFOX}: the Firefox tests need Debian's firefox-esr package"
    if shutil.which("node") is None:
        return "node not found: the Firefox tests drive Firefox from Node.js"
    if not PUPPETEER.is_dir():
        return f"{PUPPETEER.relative_to(ROOT)} is missing: run `make fixtures` (npm ci in tests/firefox)"
    try:
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(("127.0.0.1", 443))
    except OSError as error:
        return f"cannot listen on 127.0.0.1:443 for the look-alike sites ({error}): run the Firefox tests as root"
    return None


def firefox_build(target: Path) -> str:
    """The extension as packaging/extension/build.py makes it for Firefox; returns its add-on (gecko) id."""
    spec = importlib.util.spec_from_file_location("extension_build", ROOT / "packaging" / "extension" / "build.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    shutil.copytree(ROOT / "extension", target)
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    firefox = build.firefox_manifest(manifest, build.DEFAULT_FIREFOX_ID, "https://clientsafe.example.org/updates.json")
    (target / "manifest.json").write_text(json.dumps(firefox, indent=2), encoding="utf-8")
    return build.DEFAULT_FIREFOX_ID


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# How long one runner command may take before the test gives up on it. The runner's own waits are 10-15 s each;
# these only stop a hang from stalling the suite, they measure nothing.
COMMAND_TIMEOUT = 60.0
START_TIMEOUT = 120.0


class Firefox:
    """tests/firefox/run.mjs, one JSON command and one JSON answer a line.

    A thread reads the runner's answers into a queue, so that waiting for one has a timeout on every platform
    (a blocking readline on a pipe has none). On a timeout, or whenever the module ends, the runner and Firefox are
    killed as whole process groups: puppeteer starts Firefox in a group of its own, whose leader's id the runner
    writes to firefox.pid first thing.
    """

    def __init__(self, folder: Path) -> None:
        self.log = folder / "run.log"
        self.pid_file = folder / "firefox.pid"
        env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "HOME": str(folder / "home")}
        self.proc = subprocess.Popen(
            ["node", str(RUNNER)],
            cwd=RUNNER.parent,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log.open("w"),
            text=True,
            encoding="utf-8",
            env=env,
            start_new_session=True,  # its own process group, so that killing it takes everything it started
        )
        self.answers: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.answers.put(line)
        self.answers.put("")  # the runner has exited

    def _stderr_tail(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-3000:]

    def __call__(self, command: str, timeout: float = COMMAND_TIMEOUT, **args) -> dict:
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(json.dumps({"command": command, **args}) + "\n")
            self.proc.stdin.flush()
            line = self.answers.get(timeout=timeout)
        except queue.Empty:
            self.kill()
            pytest.fail(
                f"run.mjs gave no answer to {command} in {timeout:.0f} s; killed it. Its log:\n{self._stderr_tail()}"
            )
        except OSError as error:  # the runner is gone (a broken pipe)
            pytest.fail(f"run.mjs is not running ({error}) at {command}. Its log:\n{self._stderr_tail()}")
        if not line:
            pytest.fail(f"run.mjs exited during {command}. Its log:\n{self._stderr_tail()}")
        answer = json.loads(line)
        if not answer.pop("ok"):
            raise AssertionError(f"{command}: {answer['error']} (log: {self.log})")
        return answer

    def kill(self) -> None:
        """Kill the runner and Firefox with everything they started; safe to call more than once."""
        pids = [self.proc.pid]
        with contextlib.suppress(OSError, ValueError):
            pids.append(int(self.pid_file.read_text()))
        for pid in pids:
            with contextlib.suppress(OSError):
                if hasattr(os, "killpg"):
                    os.killpg(pid, signal.SIGKILL)
                else:  # not reached (the module needs Debian's firefox-esr); Windows has no process groups
                    os.kill(pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=10)

    def close(self) -> None:
        """Quit cleanly if the runner still answers, and kill whatever is left either way."""
        try:
            if self.proc.poll() is None:
                with contextlib.suppress(Exception, pytest.fail.Exception):
                    self("quit", timeout=20)
        finally:
            self.kill()


@pytest.fixture(scope="module")
def firefox(checker, tmp_path_factory):
    missing = _missing()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(missing)
        pytest.skip(missing)
    folder = tmp_path_factory.mktemp("firefox")
    addon_id = firefox_build(folder / "extension")
    # The service on a port outside the app's range (47390-47399, where tests/api start() puts it): the popup case
    # stops it, and another ClientSafe started meanwhile on this machine (another test run) would take the first
    # free port of the range, answer the extension there with 401 and turn "not running" into "not paired".
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("tests.api.conftest.bind", lambda _port: bind(free_port()))
        svc, server = start(checker, folder / "service")
    svc.app.config.allowed_origins = frozenset({f"moz-extension://{UUID}"})
    svc.server, svc.home = server, folder / "service"  # type: ignore[attr-defined]
    with_roster(svc, folder, lookups_per_minute=1000)
    site = serve_fixture_sites(folder, port=443)
    browser = Firefox(folder)
    try:
        started = browser(
            "start",
            timeout=START_TIMEOUT,
            extension=str(folder / "extension"),
            uuid=UUID,
            addonId=addon_id,
            debuggerPort=free_port(),
            pidFile=str(browser.pid_file),
        )
        browser("pair", port=svc.port, token=svc.token)
        yield browser, svc, started
    finally:
        browser.close()
        site.shutdown()
        site.server_close()
        server.should_exit = True


def decisions(svc) -> list[str]:
    return [d["choice"] for d in svc.app.app.state.decisions]


def test_the_firefox_build_installs_with_its_host_permission_for_the_app(firefox):
    _browser, _svc, started = firefox
    assert "Firefox" in started["version"] or "firefox" in started["version"]
    assert started["granted"] is True, "Firefox did not grant http://127.0.0.1/* at install: the app is unreachable"


def test_a_risky_post_is_held_and_the_site_never_receives_it(firefox):
    browser, svc, _ = firefox
    seen = browser(
        "post", url=MASTODON, site="mastodon", editor="textarea", submit="button[type=submit]", text=RISKY, mark="stop"
    )
    assert "breach client confidentiality" in seen["panel"]
    assert "cancel" in seen["acts"] and "send" in seen["acts"]
    assert seen["delivered"] == []
    after = browser("press", act="cancel")  # a trusted click in the extension's frame
    assert after["delivered"] == [] and after["panel"] is None
    assert decisions(svc)[-1] == "cancelled"


def test_a_risky_post_on_facebook_goes_only_with_a_reason_and_exactly_as_typed(firefox):
    browser, svc, _ = firefox
    seen = browser(
        "post",
        url=FACEBOOK.url,
        site="facebook",
        steps=[selector for action, selector in FACEBOOK.steps if action == "click"],
        editor=FACEBOOK.editor,
        submit=FACEBOOK.submit,
        text=RISKY,
        mark="stop",
    )
    assert "breach client confidentiality" in seen["panel"] and seen["delivered"] == []
    no_reason = browser("press", act="send")
    assert no_reason["delivered"] == [] and "Please say why" in no_reason["panel"]
    sent = browser("press", act="send", reason="Maria and her guardian asked us to share")
    assert [r["text"] for r in sent["delivered"] if r["where"] == FACEBOOK.where] == [RISKY]
    assert decisions(svc)[-1] == "posted_anyway"


def test_a_harmless_post_is_delivered_verbatim(firefox):
    browser, _svc, _ = firefox
    seen = browser(
        "post",
        url=FACEBOOK.url,
        site="facebook",
        steps=[selector for action, selector in FACEBOOK.steps if action == "click"],
        editor=FACEBOOK.editor,
        submit=FACEBOOK.submit,
        text=HARMLESS,
        mark="clear",
    )
    assert seen["panel"] is None
    [received] = [r["text"] for r in seen["delivered"] if r["where"] == FACEBOOK.where]
    assert received.encode("utf-8") == HARMLESS.encode("utf-8")


def test_a_harmless_post_on_mastodon_is_delivered_verbatim(firefox):
    browser, _svc, _ = firefox
    seen = browser(
        "post",
        url=MASTODON,
        site="mastodon",
        editor="textarea",
        submit="button[type=submit]",
        text=HARMLESS,
        mark="clear",
    )
    assert seen["panel"] is None
    assert [t.encode("utf-8") for t in seen["delivered"]] == [HARMLESS.encode("utf-8")]


def test_a_friend_request_from_a_roster_client_is_held_with_the_decline_script(firefox):
    browser, svc, _ = firefox
    seen = browser("request", url=ADD_FRIEND.url, site="facebook", button=ADD_FRIEND.button)
    assert "someone your organisation serves" in seen["panel"] and seen["quotes"] == 1
    assert seen["actions"] == [], "the site acted on the click while it was held"
    after = browser("press", act="cancel")
    assert after["actions"] == []
    assert decisions(svc)[-1] == "request_not_sent"


def test_the_popup_says_protected_and_then_not_running_once_the_app_stops(firefox):
    """Last in the module: it stops the service."""
    browser, svc, _ = firefox
    browser(
        "post",
        url=MASTODON,
        site="mastodon",
        editor="textarea",
        submit="button[type=submit]",
        text=HARMLESS,
        mark="clear",
    )
    assert browser("popup") == {"state": "protected", "title": "Protected"}
    stop(svc)
    held = browser(
        "post",
        url=MASTODON,
        site="mastodon",
        editor="textarea",
        submit="button[type=submit]",
        text=RISKY,
        mark="unchecked",
    )
    assert "not checked" in held["panel"] and held["delivered"] == []
    popup = browser("popup")
    assert popup["state"] == "not_running" and "not running" in popup["title"]
