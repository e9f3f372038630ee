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


# -- the steps beyond the checker: the service over HTTP, roster, policy, tray (issue 14) ------------------------
def test_the_self_test_checks_through_the_service_and_leaves_this_users_pairings_alone(tmp_path):
    """The HTTP step runs on a throwaway token store: the user's paired browsers and data folder are untouched."""
    data = tmp_path / "data"
    data.mkdir()
    paired = data / "paired-browsers.json"
    paired.write_text('[{"id": "b1", "name": "Chrome on LAPTOP-7"}]', encoding="utf-8")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = run("--self-test", CLIENTSAFE_HOME=str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok   local service: started on 127.0.0.1:" in result.stdout
    assert "ok   HTTP check: risky post over HTTP with a token: block; without a token: refused" in result.stdout
    assert paired.read_text(encoding="utf-8") == '[{"id": "b1", "name": "Chrome on LAPTOP-7"}]'
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_when_the_service_answers_wrongly_over_http_then_the_self_test_fails_and_names_the_step(
    monkeypatch, tmp_path, capsys
):
    """The service's checker fails while the CLI's works: the route answers "error", which is not "block"."""
    from clientsafe.api import server
    from clientsafe.cli import self_test as module
    from tests.api.conftest import BrokenChecker

    monkeypatch.setenv("CLIENTSAFE_HOME", str(tmp_path))
    real_build = server.build_server
    monkeypatch.setattr(server, "build_server", lambda checker, sock, **kw: real_build(BrokenChecker(), sock, **kw))
    assert module.self_test(sys.stdout) == module.EXIT_SELF_TEST_FAILED
    out = capsys.readouterr().out
    assert "ok   local service: started" in out
    assert "FAIL HTTP check: risky post over HTTP: error (expected block)" in out
    assert "FAILED (failed: HTTP check)" in out


@pytest.mark.parametrize(
    ("target", "step"),
    [("clientsafe.roster.status", "client roster"), ("clientsafe.policy.PolicyStore.load", "policy")],
)
def test_when_roster_or_policy_code_fails_then_the_self_test_fails_in_one_line(
    monkeypatch, tmp_path, capsys, target, step
):
    from clientsafe.cli import self_test as module

    def broken(*args, **kwargs):
        raise RuntimeError("the store's code crashed")

    monkeypatch.setenv("CLIENTSAFE_HOME", str(tmp_path))
    monkeypatch.setattr(target, broken)
    assert module.self_test(sys.stdout) == module.EXIT_SELF_TEST_FAILED
    out = capsys.readouterr().out
    assert f"FAIL {step}: RuntimeError: the store's code crashed" in out
    assert f"FAILED (failed: {step})" in out
    assert "Traceback" not in out


def test_when_the_policy_file_has_errors_then_it_is_a_warning_that_names_the_file_not_a_failure(monkeypatch, tmp_path):
    """A policy typo is IT's to fix; the install works and the last good policy (here the defaults) is in force,
    so the installer must not fail on it. The line names the file and says what to do."""
    user_policy = tmp_path / "config" / "policy.json"
    user_policy.parent.mkdir(parents=True)
    user_policy.write_text('{"fail_mode": "sometimes"', encoding="utf-8")
    result = run("--self-test", CLIENTSAFE_HOME=str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    line = next(x for x in result.stdout.splitlines() if "policy:" in x and "problem" in x)
    assert (
        line.startswith("  WARN policy:")
        and str(user_policy) in line
        and line.endswith("ignored until it is fixed. Fix that file, or tell your IT team.")
    )
    assert result.stdout.rstrip().endswith("PASSED: ClientSafe works on this machine.")


def test_the_json_report_lists_each_step():
    report = json.loads(run("self-test", "--json").stdout)
    assert [s["step"] for s in report["steps"]] == [
        "local service",
        "HTTP check",
        "client roster",
        "policy",
        "tray app",
    ]
    assert all(s["ok"] for s in report["steps"])


def test_the_report_speaks_the_computers_language_whatever_the_process_spoke_before(monkeypatch, capsys):
    """A command earlier in the same process took its policy's Spanish; the self-test checks the install and
    reports in the computer's language (English here), never a language left behind."""
    from clientsafe import say
    from clientsafe.cli import self_test as module

    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    say.use({"language": "es"})
    assert module.self_test(sys.stdout) == 0
    assert capsys.readouterr().out.rstrip().endswith("PASSED: ClientSafe works on this machine.")
    assert say.language() == "en"
