"""`clientsafe serve` takes the allowed extensions from the policy and hands the extension its config."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import requests

from tests.policy.conftest import write
from tests.serving import wait_until_serving

EXTENSION_ID = "abcdefghijklmnopabcdefghijklmnop"
OTHER_ID = "ponmlkjihgfedcbaponmlkjihgfedcba"
CLI_ORIGIN = "chrome-extension://" + "b" * 32


def test_serve_allows_the_policys_extension_ids_serves_its_config_and_follows_changes(system_file, policy_home):
    write(
        system_file,
        {"allowed_extension_ids": [EXTENSION_ID], "fail_mode": "block", "mastodon_instances": ["social.coop"]},
    )
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "CLIENTSAFE_POLICY_RELOAD_SECONDS": "1",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "clientsafe", "serve", "--allow-origin", CLI_ORIGIN],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{wait_until_serving(proc, policy_home, timeout=90)}"

        def pair_from(origin: str) -> requests.Response:
            return requests.post(
                f"{base}/v1/pair", json={"client_name": "Chrome"}, headers={"Origin": origin}, timeout=5
            )

        assert pair_from(f"chrome-extension://{OTHER_ID}").status_code == 403
        assert pair_from(CLI_ORIGIN).status_code == 201  # --allow-origin still adds to the policy's list
        started = pair_from(f"chrome-extension://{EXTENSION_ID}")
        assert started.status_code == 201
        assert started.headers["Access-Control-Allow-Origin"] == f"chrome-extension://{EXTENSION_ID}"
        body = started.json()
        approve = subprocess.run(
            [sys.executable, "-m", "clientsafe", "pair", "approve", body["code"]],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert approve.returncode == 0, approve.stderr
        token = requests.get(f"{base}/v1/pair/{body['pairing_id']}", timeout=5).json()["token"]
        auth = {"Authorization": f"Bearer {token}"}
        config = requests.get(f"{base}/v1/config", headers=auth, timeout=5).json()
        assert config["fail_mode"] == "block" and config["mastodon_instances"] == ["social.coop"]
        secret = "One of my clients relapsed this week"
        check = {"text": secret, "site": "x", "account": "personal"}
        assert requests.post(f"{base}/v1/check", json=check, headers=auth, timeout=10).json()["action"] == "warn"

        # IT changes the policy while the service runs: the next reload reaches /v1/config, the origin list
        # and the checker's rules, with no restart.
        write(
            system_file,
            {
                "allowed_extension_ids": [OTHER_ID],
                "fail_mode": "allow",
                "rule_actions": {"CLIENT_SENSITIVE_DETAIL": {"personal": "block"}},
            },
        )
        deadline = time.time() + 30
        while time.time() < deadline:
            config = requests.get(f"{base}/v1/config", headers=auth, timeout=5).json()
            if config["fail_mode"] == "allow":
                break
            time.sleep(0.2)
        assert config["fail_mode"] == "allow"
        assert requests.post(f"{base}/v1/check", json=check, headers=auth, timeout=10).json()["action"] == "block"
        assert pair_from(f"chrome-extension://{OTHER_ID}").status_code == 201
        assert pair_from(f"chrome-extension://{EXTENSION_ID}").status_code == 403
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=30)
    assert "now in force" in out and "Traceback" not in err
    logs = "".join(p.read_text() for p in (policy_home / "logs").glob("*.log*"))
    assert "policy changed" in logs and "relapsed" not in logs
