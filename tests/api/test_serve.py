"""`clientsafe serve` as a process: pairing end to end from a script using requests, then SIGTERM."""

import csv
import io
import os
import signal
import subprocess
import sys

import requests

from tests.serving import wait_until_serving


def test_serve_pairs_checks_and_stops_cleanly_on_sigterm(tmp_path):
    env = {**os.environ, "CLIENTSAFE_HOME": str(tmp_path), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "clientsafe", "serve"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{wait_until_serving(proc, tmp_path)}"

        # The extension's side of pairing, then the person's side on the command line.
        started = requests.post(f"{base}/v1/pair", json={"client_name": "Script"}, timeout=5).json()
        approve = subprocess.run(
            [sys.executable, "-m", "clientsafe", "pair", "approve", started["code"]],
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert approve.returncode == 0 and "Approved: Script" in approve.stdout
        token = requests.get(f"{base}/v1/pair/{started['pairing_id']}", timeout=5).json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        secret_text = "my client Jose Quintero relapsed again"
        verdict = requests.post(
            f"{base}/v1/check",
            json={"text": secret_text, "site": "x", "account": "personal"},
            headers=headers,
            timeout=10,
        ).json()
        assert verdict["action"] == "block"
        decided = requests.post(
            f"{base}/v1/decision",
            json={"check_id": verdict["check_id"], "choice": "posted_anyway", "reason": "Jose Quintero said yes"},
            headers=headers,
            timeout=10,
        )
        assert decided.json() == {"recorded": True}
        listed = subprocess.run(
            [sys.executable, "-m", "clientsafe", "pair", "list"], env=env, capture_output=True, text=True, timeout=30
        )
        assert "Script" in listed.stdout

        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=20)
        assert proc.returncode == 0
        assert "ClientSafe service stopped." in out and "Traceback" not in err
        assert "No OS keyring is available" in err  # the fallback is said out loud
        logs = "".join(p.read_text() for p in (tmp_path / "logs").glob("*.log*"))
        assert "pairing requested" in logs and "Jose" not in logs and "Quintero" not in logs
        # The service kept its audit in the data folder, and the privacy officer can export it.
        export = subprocess.run(
            [sys.executable, "-m", "clientsafe", "audit", "export", "--since", "2000-01-01"],
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert export.returncode == 0
        rows = list(csv.DictReader(io.StringIO(export.stdout)))
        assert [row["kind"] for row in rows] == ["check", "decision"]
        assert (rows[1]["choice"], rows[1]["reason"]) == ("posted_anyway", "[PERSON] said yes")
        stored = b"".join(p.read_bytes() for p in (tmp_path / "data").glob("audit.sqlite3*"))
        assert b"Jose" not in stored and b"Quintero" not in stored and b"relapsed" not in stored
    finally:
        if proc.poll() is None:
            proc.kill()
