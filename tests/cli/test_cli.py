"""The clientsafe command as a person or a script uses it: real subprocesses, real exit codes."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import DATA

ORG = str(DATA / "org_profile.json")


def clientsafe(*args, stdin=None, env=None, home=None):
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    if home is not None:
        full_env["CLIENTSAFE_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "clientsafe", *args],
        input=stdin,
        capture_output=True,
        env=full_env,
        timeout=120,
    )


def test_when_post_is_risky_then_readable_verdict_marks_the_phrase_and_exit_code_is_block():
    result = clientsafe("check", "--org", ORG, "So proud of Maria from our youth shelter 💙")
    out = result.stdout.decode()
    assert result.returncode == 20
    assert out.startswith("BLOCK")
    assert "[[Maria]]" in out and "Policy:" in out and "Suggested rewrite:" in out


def test_when_post_is_harmless_then_exit_code_is_zero():
    result = clientsafe("check", "--org", ORG, "Join Dana Whitfield at 2140 Alder Street on May 3!", "--account", "org")
    assert result.returncode == 0
    assert result.stdout.decode().startswith("ALLOW")


def test_json_output_is_the_verdict_shape():
    result = clientsafe("check", "--json", "One of my clients relapsed this week")
    verdict = json.loads(result.stdout)
    assert result.returncode == 10
    assert set(verdict) == {"action", "reasons", "findings", "suggestions", "engine"}
    assert verdict["action"] == "warn"


def test_jsonl_keeps_order_and_reports_each_bad_line_without_stopping():
    lines = [
        b'{"text": "hello there", "id": "a"}',
        b"[1, 2]",
        b"\xff\xfe not utf-8",
        b"",
        b'{"text": "my client Jose relapsed", "account": "org", "id": "b"}',
        b'{"no_text": true}',
        b'{"text": "lone \\ud800 surrogate"}',
        b"{not json",
        b'{"text": "bad account", "account": "work"}',
    ]
    result = clientsafe("check", "--jsonl", stdin=b"\n".join(lines) + b"\n")
    out = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [o["action"] for o in out] == ["allow", "error", "error", "block", "error", "allow", "error", "error"]
    assert out[0]["id"] == "a" and out[3]["id"] == "b"
    assert "line 3" in out[2]["error"] and "UTF-8" in out[2]["error"]
    assert "JSON list" in out[1]["error"]
    assert "personal, org" in out[7]["error"]
    assert result.returncode == 3
    assert b"Traceback" not in result.stderr


def test_when_text_is_one_megabyte_then_a_clear_message_and_no_traceback():
    result = clientsafe("check", "-", stdin=b"x" * 1_000_000)
    assert result.returncode == 3
    assert b"Split it into shorter posts" in result.stderr
    assert b"Traceback" not in result.stderr


def test_when_org_file_is_broken_then_the_message_names_the_file(tmp_path):
    broken = tmp_path / "policy.json"
    broken.write_text('{"organisation": {"name": "x",', encoding="utf-8")
    result = clientsafe("check", "--org", str(broken), "hello")
    assert result.returncode == 2
    assert str(broken).encode() in result.stderr and b"not valid JSON" in result.stderr
    assert b"Traceback" not in result.stderr


def test_when_home_has_a_policy_then_the_organisations_details_are_used(tmp_path):
    config = tmp_path / "config"
    config.mkdir()
    (config / "policy.json").write_text(
        json.dumps({"organisation": {"phones": ["541-555-0187"], "public_people": ["Rosa Diaz"]}})
    )
    text = "Call Rosa Diaz at 541-555-0187 to volunteer"
    assert clientsafe("check", text, home=tmp_path).returncode == 0
    assert clientsafe("check", text, home=tmp_path / "elsewhere").returncode == 10


def test_when_model_is_missing_then_the_message_says_how_to_install_it():
    result = clientsafe("check", "hello", env={"CLIENTSAFE_MODEL": "en_core_web_nonexistent"})
    assert result.returncode == 4
    assert b"never downloads" in result.stderr and b"make run" in result.stderr


def test_interactive_mode_checks_pasted_posts_until_end_of_input():
    session = "So proud of Maria from our youth shelter\n\n:org\nMeet Jayden, 14, from Next Steps!\n\n"
    result = clientsafe("check", "-i", "--org", ORG, stdin=session.encode())
    out = result.stdout.decode()
    assert result.returncode == 0
    assert out.count("BLOCK:") == 2 and "Now checking posts for the organisation's account." in out


def test_when_stdin_is_not_utf8_then_the_message_says_so():
    result = clientsafe("check", "-", stdin=b"caf\xe9 with my client")
    assert result.returncode == 3 and b"not valid UTF-8" in result.stderr


@pytest.mark.parametrize("args", [["check"], []])
def test_when_nothing_to_check_then_usage_is_explained(args):
    result = clientsafe(*args)
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr
