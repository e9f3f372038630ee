"""`clientsafe policy` and the policy in `clientsafe check`, as a person or a script meets them."""

from __future__ import annotations

import json
import os
import plistlib
import subprocess
import sys

from clientsafe.cli.policy import render
from clientsafe.policy import Policy
from tests.conftest import ROOT
from tests.policy.conftest import write

CLINIC = str(ROOT / "docs" / "examples" / "policy-health-clinic.json")
YOUTH = str(ROOT / "docs" / "examples" / "policy-youth-services.json")


def clientsafe(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "clientsafe", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )


def test_policy_show_says_where_each_value_came_from_and_which_are_locked(system_file, user_file):
    write(system_file, {"fail_mode": "block", "locked": ["media_release_reminder"]})
    write(user_file, {"media_release_reminder": False, "generic_domains": ["forum.example.org"]})
    result = clientsafe("policy", "show")
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line for line in result.stdout.splitlines() if line and not line.startswith(" ")}
    assert '"block"' in rows["fail_mode"] and "system policy file" in rows["fail_mode"]
    assert rows["fail_mode"].endswith("locked")
    assert "true" in rows["media_release_reminder"] and rows["media_release_reminder"].endswith("locked")
    assert "user policy file" in rows["generic_domains"] and not rows["generic_domains"].endswith("locked")
    assert "built-in default" in rows["audit_retention_days"]
    assert f"{system_file}" in result.stdout and f"{user_file}" in result.stdout
    assert "field media_release_reminder is locked by the organisation's policy; ignored" in result.stdout


def test_policy_show_json_is_the_policy_in_force_for_scripts(system_file):
    write(system_file, {"fail_mode": "allow", "rule_actions": {"MINOR_FEATURED": {"personal": "block"}}})
    result = clientsafe("policy", "show", "--json")
    shown = json.loads(result.stdout)
    assert set(shown) == {
        "version",
        "values",
        "sources",
        "locked",
        "layers",
        "problems",
        "ignored",
        "rule_actions_in_force",
    }
    assert shown["values"]["fail_mode"] == "allow" and shown["sources"]["fail_mode"] == "system"
    assert shown["sources"]["override_needs_reason"] == "default" and shown["locked"] == ["fail_mode", "rule_actions"]
    assert shown["rule_actions_in_force"]["MINOR_FEATURED"] == {"personal": "block", "org": "warn"}


def test_policy_show_names_the_os_managed_layer_and_never_prints_the_audit_headers(tmp_path, monkeypatch, system_file):
    plist = tmp_path / "org.clientsafe.ClientSafe.plist"
    plist.write_bytes(plistlib.dumps({"fail_mode": "block", "audit_forward_headers": {"Authorization": "Bearer k-7"}}))
    monkeypatch.setenv("CLIENTSAFE_MANAGED_PREFERENCES", str(plist))
    write(system_file, {"audit_forward_headers": {"X-Api-Key": "k-9"}, "audit_retention_days": 30})
    result = clientsafe("policy", "show")
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line for line in result.stdout.splitlines() if line and not line.startswith(" ")}
    assert "OS-managed policy" in rows["fail_mode"] and rows["fail_mode"].endswith("locked")
    assert f"OS-managed policy    {plist}" in result.stdout
    shown = clientsafe("policy", "show", "--json")
    values = json.loads(shown.stdout)["values"]
    assert values["audit_forward_headers"] == {"Authorization": "(hidden)"}
    assert json.loads(shown.stdout)["sources"]["fail_mode"] == "managed"
    for output in (result.stdout, result.stderr, shown.stdout, shown.stderr):
        assert "k-7" not in output and "k-9" not in output


def test_when_a_source_has_no_name_then_show_prints_it_as_it_is():
    policy = Policy(sources={"fail_mode": "elsewhere"}, layers={"elsewhere": "somewhere"})
    assert "elsewhere" in next(line for line in render(policy).splitlines() if line.startswith("fail_mode"))


def test_when_a_policy_file_is_broken_then_show_reports_it_and_exits_3(system_file):
    write(system_file, {"fail_mode": "block"})
    assert clientsafe("policy", "show").returncode == 0
    write(system_file, '{"fail_mode": "block", "retention": 30}')
    result = clientsafe("policy", "show")
    assert result.returncode == 3
    assert f"{system_file}: unknown field retention" in result.stdout
    assert "The last good copy of this file stays in force" in result.stdout
    assert "Traceback" not in result.stderr


def test_policy_check_accepts_a_valid_file_and_lists_every_problem_of_a_broken_one(tmp_path):
    assert clientsafe("policy", "check", CLINIC).returncode == 0
    broken = write(tmp_path / "p.json", {"fail_mode": "sometimes", "audit_retention_days": "90", "colour": "red"})
    result = clientsafe("policy", "check", str(broken))
    assert result.returncode == 3
    lines = result.stderr.splitlines()
    assert lines[0] == f"{broken}: the policy is not valid:"
    assert "  - unknown field colour: remove it or check the spelling" in result.stderr
    assert "  - field audit_retention_days must be integer (found '90')" in lines
    assert "  - field fail_mode must be one of warn, block, allow (found 'sometimes')" in lines
    missing = clientsafe("policy", "check", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "cannot be read" in missing.stderr and "Traceback" not in missing.stderr


def test_the_rule_actions_of_the_policy_in_force_decide_the_verdict(system_file):
    post = "One of my clients relapsed this week"
    assert clientsafe("check", post).returncode == 10  # built-in: warn
    assert clientsafe("check", "--org", CLINIC, post).returncode == 20  # the clinic holds it
    write(system_file, {"rule_actions": {"CLIENT_SENSITIVE_DETAIL": {"personal": "block"}}})
    assert clientsafe("check", post).returncode == 20  # the same from IT's system file


def test_org_accounts_policy_holds_a_featured_minor_on_the_org_account():
    post = "Jayden, 14, crushed it at the science fair today"
    assert clientsafe("check", "--account", "org", post).returncode == 10
    result = clientsafe("check", "--account", "org", "--org", YOUTH, post)
    assert result.returncode == 20 and result.stderr == ""


def test_when_the_system_policy_is_broken_then_check_says_so_and_still_checks(system_file):
    write(system_file, '{"fail_mode": ')
    result = clientsafe("check", "One of my clients relapsed this week")
    assert result.returncode == 10
    assert f"clientsafe: policy: {system_file}: not valid JSON" in result.stderr
