"""Waiting for a `clientsafe serve` started as its own process (as a person or the installer would start it)."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import requests


def wait_until_serving(proc: subprocess.Popen, home: Path, timeout: float = 60) -> int:
    """The port of the service started with CLIENTSAFE_HOME=``home``, once it answers on it. The service writes
    ``data/service.json`` just before it accepts, so the file alone is not enough. Fails with the service's own
    error output if it exits first."""
    service_file = home / "data" / "service.json"
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            error = proc.stderr.read() if proc.stderr else ""
            raise AssertionError(f"clientsafe serve exited: {error.decode() if isinstance(error, bytes) else error}")
        try:
            port = int(json.loads(service_file.read_text())["port"])
            requests.get(f"http://127.0.0.1:{port}/v1/status", timeout=1)
            return port
        except (OSError, ValueError, requests.ConnectionError):  # not written yet, or not accepting yet
            time.sleep(0.1)
    raise AssertionError(f"clientsafe serve did not start within {timeout:.0f} s")
