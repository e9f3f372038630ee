"""Real Chromium obeys the policy and host manifest the .deb installs: it force-installs the signed CRX from the
self-hosted update URL, and the extension pairs through the frozen app's native-messaging host with no step for
the person, then calls the running service with that token.

Chromium reads machine policy only from /etc/chromium. To give it ours without touching the shared machine, the
browser runs in its own mount namespace (`unshare -m`, root only) where a folder laid out exactly like the .deb's
/etc/chromium is bind-mounted over it: nothing outside that one browser process sees the policy.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM, chromium_args
from tests.packaging.conftest import skip_or_fail
from tests.serving import wait_until_serving

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
HOST = "org.clientsafe.native"


def extension_builder():
    spec = importlib.util.spec_from_file_location("extension_build", ROOT / "packaging" / "extension" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def wait_for_worker(browser: subprocess.Popen, profile: Path, ext_id: str) -> str:
    """The DevTools WebSocket URL of the extension's service worker, once the policy install has run it."""
    deadline = time.time() + 90
    port_file = profile / "DevToolsActivePort"
    while time.time() < deadline:
        assert browser.poll() is None, "Chromium exited"
        if port_file.exists() and port_file.read_text().strip():
            port = port_file.read_text().split()[0]
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as r:
                    targets = json.load(r)
            except OSError:
                targets = []
            for target in targets:
                if target.get("type") == "service_worker" and ext_id in target.get("url", ""):
                    return target["webSocketDebuggerUrl"]
        time.sleep(0.5)
    raise AssertionError(f"the extension never started; the update server saw {QuietHandler.requested}")


def evaluate(ws_url: str, expression: str):
    """Run a promise-returning expression in the worker over the DevTools protocol and return its value."""
    import websocket  # websocket-client: the DevTools protocol is JSON over a WebSocket

    ws = websocket.create_connection(ws_url, timeout=60, suppress_origin=True)
    try:
        ws.send(
            json.dumps(
                {
                    "id": 1,
                    "method": "Runtime.evaluate",
                    "params": {"expression": expression, "awaitPromise": True, "returnByValue": True},
                }
            )
        )
        while True:
            message = json.loads(ws.recv())
            if message.get("id") == 1:
                result = message["result"]
                assert "exceptionDetails" not in result, result["exceptionDetails"]
                return result["result"]["value"]
    finally:
        ws.close()


def api_ready(ws_url: str) -> bool:
    import websocket

    try:
        return evaluate(ws_url, "typeof chrome?.runtime?.sendNativeMessage === 'function'") is True
    except (AssertionError, OSError, websocket.WebSocketException):
        return False


def can_mount_namespace() -> bool:
    if os.geteuid() != 0 or not Path("/etc/chromium").is_dir():
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount --bind /tmp /etc/chromium"], capture_output=True)
    return probe.returncode == 0


@pytest.fixture
def update_server(tmp_path):
    folder = tmp_path / "www"
    folder.mkdir()
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}/", server
    server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    requested: list[str] = []

    def log_message(self, format, *args):
        QuietHandler.requested.append(self.path.split("?")[0])


def test_chromium_force_installs_the_extension_and_it_pairs_over_native_messaging(built, tmp_path, update_server):
    if not Path(CHROMIUM).exists():
        skip_or_fail(f"Chromium not found at {CHROMIUM}")
    if not can_mount_namespace():
        skip_or_fail("needs root and a private mount namespace (unshare -m) to give Chromium a machine policy")
    build = extension_builder()
    www, base, _server = update_server

    # The extension as the organisation would ship it, plus the nativeMessaging permission the IT pairing needs
    # (sendNativeMessage is wired on the extension side by its owner).
    key, _ = build.signing_key(tmp_path)
    ext_id = build.extension_id(build.public_key_der(key))
    source = tmp_path / "extension"
    shutil.copytree(ROOT / "extension", source)
    manifest = json.loads((source / "manifest.json").read_text())
    manifest["permissions"] = [*manifest["permissions"], "nativeMessaging"]
    manifest["update_url"] = base + "update.xml"
    (source / "manifest.json").write_text(json.dumps(manifest))
    build.pack_crx(source, key, www / "clientsafe.crx")
    (www / "update.xml").write_text(build.update_xml(ext_id, manifest["version"], base + "clientsafe.crx"))

    # /etc/chromium as the .deb lays it out, generated by the same code, naming this build's ID and URL.
    sys.path.insert(0, str(ROOT / "packaging"))
    import policies

    extension = {**built["extension"], "chromium_id": ext_id, "update_url": base + "update.xml"}
    etc = tmp_path / "etc-chromium"
    (etc / "policies" / "managed").mkdir(parents=True)
    (etc / "native-messaging-hosts").mkdir()
    policy = policies.chromium_policy(extension, policies.load_deployment())
    # Test only: Chrome keeps DevTools off force-installed extensions unless policy allows it, and the test
    # drives the extension's worker through DevTools.
    policy["DeveloperToolsAvailability"] = 1
    (etc / "policies" / "managed" / "clientsafe.json").write_text(policies.dumps(policy))
    home = tmp_path / "home"
    env_line = (
        f"export CLIENTSAFE_HOME={home} CLIENTSAFE_EXTENSION_IDS={ext_id} "
        "PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring"
    )
    launcher = tmp_path / "clientsafe-native-host"
    launcher.write_text(f'#!/bin/sh\n{env_line}\nexec {built["app"]} native-host "$@"\n')
    launcher.chmod(0o755)
    host = policies.host_manifest(extension, str(launcher), "chromium")
    (etc / "native-messaging-hosts" / f"{HOST}.json").write_text(policies.dumps(host))

    # This user's running service, which only the extension's origin may call.
    service_env = {
        **os.environ,
        "CLIENTSAFE_HOME": str(home),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    service = subprocess.Popen(
        [sys.executable, "-m", "clientsafe", "serve", "--allow-origin", f"chrome-extension://{ext_id}"],
        env=service_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wrapper = tmp_path / "chromium-with-policy"
    wrapper.write_text(
        f'#!/bin/sh\nexec unshare -m sh -c \'mount --bind "$0" /etc/chromium && exec {CHROMIUM} "$@"\' {etc} "$@"\n'
    )
    wrapper.chmod(0o755)
    try:
        port = wait_until_serving(service, home, timeout=90)
        profile = tmp_path / "profile"
        args = [*chromium_args(), "--remote-debugging-port=0", f"--user-data-dir={profile}", "about:blank"]
        browser = subprocess.Popen(
            [str(wrapper), *[a for a in args if a != "--disable-background-networking"]],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            worker = wait_for_worker(browser, profile, ext_id)
            # DevTools can list the worker a moment before its extension APIs are bound; wait until they are.
            deadline = time.time() + 60
            while not api_ready(worker):
                assert time.time() < deadline, "the extension's worker never had chrome.runtime"
                time.sleep(0.5)
                worker = wait_for_worker(browser, profile, ext_id)
            assert "/update.xml" in QuietHandler.requested and "/clientsafe.crx" in QuietHandler.requested
            reply = evaluate(worker, f"chrome.runtime.sendNativeMessage({HOST!r}, {{type: 'pair'}})")
            assert reply["type"] == "paired" and reply["port"] == port, reply
            auth = json.dumps({"headers": {"Authorization": f"Bearer {reply['token']}"}})
            status = evaluate(
                worker,
                f'fetch("http://127.0.0.1:{port}/v1/status", {auth})'
                ".then(async r => ({status: r.status, body: await r.json()}))",
            )
            assert status["status"] == 200 and "(IT)" in status["body"]["browser"], status
        finally:
            browser.terminate()
            browser.wait(timeout=30)
    finally:
        service.terminate()
        service.wait(timeout=30)
