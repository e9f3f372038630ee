"""`clientsafe self-test` and `clientsafe --self-test` as IT runs them after deploying."""

import contextlib
import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow


def run(*args, **env):
    return subprocess.run(
        [sys.executable, "-m", "clientsafe", *args],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, **env},
    )


def test_the_flag_and_the_subcommand_both_pass_and_say_so():
    for args in (["--self-test"], ["self-test"]):
        result = run(*args)
        assert result.returncode == 0, result.stderr
        assert "ok   risky post: block (expected block)" in result.stdout
        assert "ok   harmless post: allow (expected allow)" in result.stdout
        assert "no network connection attempted" in result.stdout
        assert "ok   learned risk layer on" in result.stdout
        assert result.stdout.rstrip().endswith("PASSED: ClientSafe works on this machine.")


def test_the_json_report_carries_each_verdict():
    report = json.loads(run("self-test", "--json").stdout)
    assert report["passed"] is True and report["frozen"] is False
    assert [(c["sample"], c["got"]) for c in report["checks"]] == [("risky", "block"), ("harmless", "allow")]
    assert "CLIENT_IDENTIFIED" in report["checks"][0]["codes"]


def test_when_the_model_is_missing_then_the_self_test_fails_with_what_to_do():
    result = run("--self-test", CLIENTSAFE_MODEL="no_such_model_installed")
    assert result.returncode == 4
    assert "FAILED" in result.stdout and "no_such_model_installed" in result.stderr and "not installed" in result.stderr
    assert "Traceback" not in result.stderr


def test_when_a_library_reaches_for_the_network_then_the_self_test_fails(monkeypatch, capsys):
    # Make the checker's build reach out, as a download would: the guard must refuse it and fail the test.
    import socket

    from clientsafe.cli import self_test as module

    original = module.make_checker

    def reaching(org):
        with contextlib.suppress(OSError):
            socket.create_connection(("example.org", 443), timeout=2)
        return original(org)

    monkeypatch.setattr(module, "make_checker", reaching)
    assert module.self_test(sys.stdout) == module.EXIT_SELF_TEST_FAILED
    out = capsys.readouterr().out
    assert "FAIL tried to reach the network: example.org" in out and "FAILED" in out


def test_when_the_learned_layer_cannot_load_then_the_self_test_says_so_and_fails(monkeypatch, capsys):
    """Never a silent fall-back to the rules alone: the self-test names the problem and fails."""
    from clientsafe.checker import learned
    from clientsafe.cli import self_test as module

    def broken(folder=None):
        raise learned.LearnedLayerError("The learned layer's file /x/risk_model.npz is damaged. Reinstall ClientSafe.")

    monkeypatch.setattr(learned.RiskModel, "load", staticmethod(broken))
    code = module.self_test(sys.stdout)
    out = capsys.readouterr().out
    assert code != 0
    assert "FAIL learned risk layer off: The learned layer's file /x/risk_model.npz is damaged" in out
    assert "PASSED" not in out
