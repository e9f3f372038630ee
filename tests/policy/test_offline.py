"""No network call unless the policy names a URL: loading the policy in a fresh interpreter with connections
and DNS look-ups guarded (the guard of tests/checker/test_offline.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from tests.checker.test_offline import GUARD
from tests.conftest import ROOT
from tests.policy.conftest import write

LOAD = textwrap.dedent(
    """
    from clientsafe.policy import load_policy
    policy = load_policy()
    print(json.dumps({"attempts": attempts, "problems": list(policy.problems), "fail_mode": policy["fail_mode"]}))
    """
)


def run() -> dict:
    result = subprocess.run(
        [sys.executable, "-c", GUARD + LOAD], capture_output=True, text=True, timeout=120, env=dict(os.environ)
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_when_the_policy_names_no_url_then_loading_it_opens_no_connection(system_file, user_file):
    write(system_file, (ROOT / "docs" / "examples" / "policy-youth-services.json").read_text(encoding="utf-8"))
    write(user_file, {"media_release_reminder": False})
    out = run()
    assert out == {"attempts": [], "problems": [], "fail_mode": "block"}


def test_when_the_policy_names_a_url_then_the_guard_sees_the_fetch_and_the_problem_is_reported(system_file):
    # The control: if the guard missed a real fetch, the test above would prove nothing.
    write(system_file, {"policy_url": "https://policy.example.org/clientsafe.json", "fail_mode": "block"})
    out = run()
    assert "policy.example.org" in out["attempts"]
    assert out["fail_mode"] == "block"
    assert "https://policy.example.org/clientsafe.json could not be reached" in out["problems"][0]
