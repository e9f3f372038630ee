"""Merge order, locks and broken files: defaults < policy URL < system file < user file."""

from __future__ import annotations

import pytest

from clientsafe.policy import Policy, PolicyFileError, PolicyStore
from tests.policy.conftest import write


def load(**kwargs) -> Policy:
    return PolicyStore(**kwargs).load()


def test_when_there_is_no_policy_file_then_the_defaults_are_in_force_and_nothing_is_reported():
    policy = load()
    assert policy["fail_mode"] == "warn" and policy["override_needs_reason"] is True
    assert policy.source("fail_mode") == "default"
    assert policy.problems == () and policy.ignored == () and policy.layers == {}


def test_when_user_and_system_set_a_personal_setting_then_the_user_wins(system_file, user_file):
    write(system_file, {"media_release_reminder": True, "generic_domains": ["forum.example.org"]})
    write(user_file, {"media_release_reminder": False})
    policy = load()
    assert policy["media_release_reminder"] is False and policy.source("media_release_reminder") == "user"
    assert policy["generic_domains"] == ["forum.example.org"] and policy.source("generic_domains") == "system"
    assert policy.ignored == ()


def test_when_it_sets_an_org_level_setting_then_a_user_cannot_weaken_it(system_file, user_file):
    write(system_file, {"fail_mode": "block", "override_needs_reason": True})
    write(user_file, {"fail_mode": "allow", "override_needs_reason": False, "audit_retention_days": 7})
    policy = load()
    assert policy["fail_mode"] == "block" and policy["override_needs_reason"] is True
    assert {"fail_mode", "override_needs_reason"} <= policy.locked
    assert any("fail_mode" in m and str(user_file) in m for m in policy.ignored)
    assert any("override_needs_reason" in m for m in policy.ignored)
    # An org-level setting IT left alone is still the user's to set (single-user machines, older setups).
    assert policy["audit_retention_days"] == 7 and policy.source("audit_retention_days") == "user"


def test_when_it_locks_a_personal_setting_then_the_user_value_is_ignored_and_reported(system_file, user_file):
    write(system_file, {"locked": ["media_release_reminder"]})
    write(user_file, {"media_release_reminder": False})
    policy = load()
    assert policy["media_release_reminder"] is True and policy.source("media_release_reminder") == "default"
    assert "media_release_reminder" in policy.locked
    assert policy.ignored == (
        f"user policy file {user_file}: field media_release_reminder is locked by the organisation's policy; ignored",
    )


def test_when_a_user_file_names_system_only_keys_then_they_are_ignored_and_reported(user_file):
    write(user_file, {"policy_url": "https://policy.example.org/p.json", "locked": ["fail_mode"]})
    policy = load()
    assert policy.layers == {"user": str(user_file)} and policy.locked == frozenset()
    assert len(policy.ignored) == 2 and all("only read from the system policy file" in m for m in policy.ignored)


def test_a_bare_organisation_profile_is_read_as_the_organisation_section(user_file):
    write(user_file, {"name": "Hope House", "phones": ["541-555-0187"]})
    policy = load()
    assert policy.org_profile().name == "Hope House"
    assert policy.org_profile().is_own("PHONE_NUMBER", "(541) 555-0187")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"fail_mode": "warn",', "not valid JSON"),
        ('{"fail_mode": "sometimes"}', "field fail_mode must be one of warn, block, allow (found 'sometimes')"),
        ('{"audit_retention_days": "30"}', "field audit_retention_days must be integer"),
        ('{"organisation": {"name": "X", "phone": ["1"]}}', "unknown field organisation.phone"),
        ('{"fail_mod": "block"}', "unknown field fail_mod"),
        ('{"rule_actions": {"NOT_A_RULE": {"org": "block"}}}', "field rule_actions: unknown key 'NOT_A_RULE'"),
        ('{"rule_actions": {"MINOR_FEATURED": {"org": "hold"}}}', "field rule_actions.MINOR_FEATURED.org"),
        ('{"fail_mode": "warn", "fail_mode": "allow"}', "field fail_mode appears twice"),
        ('["fail_mode"]', "must be a JSON object"),
    ],
)
def test_when_the_system_file_is_broken_then_the_message_names_file_and_field_and_the_last_good_stays(
    system_file, content, expected
):
    write(system_file, {"fail_mode": "block", "generic_domains": ["forum.example.org"]})
    assert load()["fail_mode"] == "block"
    write(system_file, content)
    policy = load()
    assert policy["fail_mode"] == "block" and policy["generic_domains"] == ["forum.example.org"]
    assert len(policy.problems) == 1
    message = policy.problems[0]
    assert message.startswith(f"{system_file}: ") and expected in message
    assert "last good copy" in message


def test_when_a_broken_file_has_no_last_good_copy_then_it_is_ignored_and_the_defaults_apply(system_file):
    write(system_file, '{"fail_mode": "block"')
    policy = load()
    assert policy["fail_mode"] == "warn"
    assert "ignored until it is fixed" in policy.problems[0]


def test_when_the_file_is_fixed_then_its_new_values_are_in_force_and_the_problem_goes(system_file):
    write(system_file, '{"fail_mode": "block"')
    store = PolicyStore()
    assert store.load().problems
    write(system_file, {"fail_mode": "allow"})
    assert store.load()["fail_mode"] == "allow" and store.problems == []


def test_the_tray_hears_about_a_changed_policy_and_about_new_problems_once(system_file):
    changes: list[Policy] = []
    problems: list[list[str]] = []
    store = PolicyStore(on_change=changes.append, on_problem=problems.append)
    write(system_file, {"fail_mode": "block"})
    store.load()
    assert changes == []  # the first load is not a change
    store.load()
    assert changes == []  # nothing changed
    write(system_file, {"fail_mode": "allow"})
    store.load()
    assert [p["fail_mode"] for p in changes] == ["allow"]
    write(system_file, "not json")
    store.load()
    store.load()
    assert len(problems) == 1 and str(system_file) in problems[0][0]
    assert len(changes) == 1  # the last good copy stayed in force: no change


def test_an_explicit_org_file_takes_the_user_files_place_and_must_be_valid(tmp_path, system_file, user_file):
    write(user_file, {"organisation": {"name": "From user file"}})
    explicit = write(tmp_path / "mine.json", {"organisation": {"name": "From --org"}})
    write(system_file, {"fail_mode": "block"})
    policy = load(explicit_path=explicit)
    assert policy.org_profile().name == "From --org" and policy.source("organisation") == "file"
    assert policy["fail_mode"] == "block"
    write(explicit, '{"organisation": ')
    with pytest.raises(PolicyFileError, match="not valid JSON"):
        load(explicit_path=explicit)
    with pytest.raises(PolicyFileError, match="file not found"):
        load(explicit_path=tmp_path / "missing.json")


def test_rule_actions_change_the_checkers_table_per_account_type(system_file):
    write(system_file, {"rule_actions": {"MINOR_FEATURED": {"personal": "block"}, "CLIENT_STORY": {"org": "allow"}}})
    actions = load().rule_actions()
    assert actions["MINOR_FEATURED"] == {"personal": "block", "org": "warn"}
    assert actions["CLIENT_STORY"] == {"personal": "warn", "org": "allow"}
    assert actions["ID_NUMBER"] == {"personal": "block", "org": "block"}


def test_allowed_extension_ids_become_exact_origins(system_file):
    write(
        system_file,
        {
            "allowed_extension_ids": [
                "abcdefghijklmnopabcdefghijklmnop",
                "moz-extension://2f1d6c1e-aaaa-4bbb-8ccc-123456789abc",
            ]
        },
    )
    assert load().allowed_origins() == {
        "chrome-extension://abcdefghijklmnopabcdefghijklmnop",
        "moz-extension://2f1d6c1e-aaaa-4bbb-8ccc-123456789abc",
    }


def test_audit_settings_are_exposed_for_the_audit_module(system_file):
    write(system_file, {"audit_retention_days": 30, "audit_forward_url": "https://audit.example.org/in"})
    audit = load().audit_settings()
    assert audit.retention_days == 30 and audit.forward_url == "https://audit.example.org/in"


def test_a_plain_http_policy_address_is_refused_unless_it_is_loopback(system_file):
    write(system_file, {"audit_forward_url": "http://audit.example.org/in"})
    assert "audit_forward_url" in load().problems[0]
    write(system_file, {"audit_forward_url": "http://127.0.0.1:8080/in"})
    assert load().problems == ()


def test_a_user_value_that_agrees_with_a_locked_one_is_not_reported(system_file, user_file):
    write(system_file, {"fail_mode": "block", "locked": ["media_release_reminder"]})
    write(user_file, {"fail_mode": "block", "media_release_reminder": True})
    policy = load()
    assert policy.ignored == () and policy.source("fail_mode") == "system"


def test_a_user_value_equal_to_the_default_is_still_shown_as_the_users(user_file):
    write(user_file, {"media_release_reminder": True})
    assert load().source("media_release_reminder") == "user"
