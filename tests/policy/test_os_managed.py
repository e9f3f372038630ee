"""The OS-managed layer: Group Policy registry values (a fake registry) and a profile's plist, in the store."""

from __future__ import annotations

import plistlib

from clientsafe.policy import PolicyStore
from clientsafe.policy.managed_types import REG_DWORD, REG_SZ
from clientsafe.policy.os_managed import read_plist, read_registry
from tests.policy.conftest import write

KEY = r"Software\Policies\ClientSafe"


def fake_registry(keys):
    """A dict-backed HKLM: key path -> {value name: (data, REG_ type)}."""
    return lambda path: keys.get(path)


def test_when_group_policy_sets_values_then_the_app_reads_them_typed():
    layer = read_registry(
        fake_registry(
            {
                KEY: {
                    "fail_mode": ("block", REG_SZ),
                    "override_needs_reason": (0, REG_DWORD),
                    "audit_retention_days": (30, REG_DWORD),
                    "org_accounts": ('{"x": ["@riverbendyfs"]}', REG_SZ),
                    "community_standards_url": ("", REG_SZ),
                },
                KEY + r"\generic_domains": {"2": ("b.example.org", REG_SZ), "1": ("a.example.org", REG_SZ)},
            }
        )
    )
    assert layer is not None and layer.rejected == {}
    assert layer.document == {
        "fail_mode": "block",
        "override_needs_reason": False,
        "audit_retention_days": 30,
        "org_accounts": {"x": ["@riverbendyfs"]},
        "community_standards_url": None,
        "generic_domains": ["a.example.org", "b.example.org"],
    }


def test_when_a_registry_value_is_wrong_then_it_is_named_and_the_others_apply():
    layer = read_registry(
        fake_registry({KEY: {"fail_mode": ("blok", REG_SZ), "audit_retention_days": ("ninety", REG_SZ), "x": (1, 4)}})
    )
    assert layer is not None and layer.document == {}
    assert set(layer.rejected) == {"fail_mode", "audit_retention_days"}
    assert "fail_mode" in layer.rejected["fail_mode"] and layer.unknown and "x is not" in layer.unknown[0]


def test_when_the_registry_key_is_missing_then_there_is_no_layer():
    assert read_registry(fake_registry({})) is None


def test_when_a_profile_and_the_system_file_disagree_then_the_profile_wins(tmp_path, system_file, user_file):
    write(system_file, {"fail_mode": "allow", "audit_retention_days": 10})
    plist = tmp_path / "org.clientsafe.ClientSafe.plist"
    plist.write_bytes(plistlib.dumps({"fail_mode": "block", "media_release_reminder": False}))
    write(user_file, {"fail_mode": "warn"})
    policy = PolicyStore(read_managed=lambda: read_plist(plist)).load()
    assert policy["fail_mode"] == "block" and policy.source("fail_mode") == "managed"
    assert policy["audit_retention_days"] == 10 and "fail_mode" in policy.locked
    assert policy.layers["managed"] == str(plist) and any("fail_mode" in m for m in policy.ignored)


def test_when_a_managed_value_breaks_then_its_last_good_value_stays(tmp_path):
    keys = {KEY: {"fail_mode": ("block", REG_SZ)}}
    store = PolicyStore(read_managed=lambda: read_registry(fake_registry(keys)))
    assert store.load()["fail_mode"] == "block"
    keys[KEY]["fail_mode"] = ("blok", REG_SZ)
    policy = store.load()
    assert policy["fail_mode"] == "block" and any("last good value" in p for p in policy.problems)
