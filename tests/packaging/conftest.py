"""Build everything once per session with `make package`, exactly as IT and CI do (about two minutes).

CLIENTSAFE_REUSE_PACKAGE=1 reuses dist/ from an earlier `make package` while working on these tests.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"


def skip_or_fail(message: str) -> None:
    """Skip loudly with the reason; under CI a missing capability is a failure, never a silent pass."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def built() -> dict:
    for tool in ("dpkg-deb", "npm", "chromium"):
        if not shutil.which(tool):
            skip_or_fail(f"{tool} not found: the packaging tests need it (see .ci/run)")
    if not (os.environ.get("CLIENTSAFE_REUSE_PACKAGE") == "1" and (DIST / "clientsafe.deb.json").exists()):
        result = subprocess.run(["make", "-s", "package"], cwd=ROOT, capture_output=True, text=True, timeout=1800)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    deb = json.loads((DIST / "clientsafe.deb.json").read_text())
    return {
        "app": DIST / "clientsafe" / "clientsafe",
        "deb": DIST / deb["deb"],
        "version": deb["version"],
        "extension": json.loads((DIST / "extension" / "extension.json").read_text()),
    }


# A new network namespace starts with its loopback interface down. A computer with no network still has loopback,
# and the self-test posts to the service it starts on 127.0.0.1, so the namespace brings it up and nothing else.
LOOPBACK_UP = ["sh", "-c", 'ip link set lo up && exec "$@"', "offline"]


def offline_prefix() -> list[str]:
    """A command prefix that runs a program with no network but loopback (a fresh network namespace)."""
    if not shutil.which("ip"):
        skip_or_fail("the ip command (iproute2) is missing: it brings loopback up in the offline namespace")
    candidates = [["unshare", "--net"], ["unshare", "-rn"]] if os.geteuid() == 0 else [["unshare", "-rn"]]
    for prefix in candidates:
        offline = [*prefix, *LOOPBACK_UP]
        if shutil.which("unshare") and subprocess.run([*offline, "true"], capture_output=True).returncode == 0:
            return offline
    skip_or_fail("cannot create a network namespace here (unshare --net / unshare -rn both refused)")
    return []


@pytest.fixture(scope="session")
def offline() -> list[str]:
    return offline_prefix()
