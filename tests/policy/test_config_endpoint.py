"""GET /v1/config over a real socket: the extension-facing part of the policy in force, versioned."""

from __future__ import annotations

import requests

from clientsafe.policy import Policy
from clientsafe.policy.declaration import defaults
from tests.api.conftest import start

CONFIG_KEYS = {
    "version",
    "organisation_name",
    "fail_mode",
    "org_accounts",
    "generic_domains",
    "mastodon_instances",
    "review_sites",
    "overrides",
    "media_release_reminder",
    "policy_links",
    "community_standards_url",
    "adapter_updates",
}


def clinic_policy() -> Policy:
    values = defaults()
    values.update(
        fail_mode="block",
        org_accounts={"facebook": ["https://www.facebook.com/eastsideclinic"]},
        mastodon_instances=["social.coop"],
        block_can_be_overridden=False,
        policy_links={"hipaa-minimum-necessary": {"url": "https://intranet.example.org/hipaa#min", "title": "HIPAA 3"}},
        community_standards_url="https://eastsideclinic.example.org/standards",
    )
    return Policy(values=values, sources={"fail_mode": "system"})


def serve(tmp_path, policy):
    svc, server = start(None, tmp_path)
    svc.app.app.state.policy = policy
    return svc, server


def test_when_paired_browser_asks_for_config_then_it_gets_the_policy_in_force(tmp_path):
    svc, server = serve(tmp_path, clinic_policy())
    try:
        r = requests.get(f"{svc.base}/v1/config", headers=svc.auth(), timeout=10)
        body = r.json()
        assert r.status_code == 200 and set(body) == CONFIG_KEYS
        assert body["fail_mode"] == "block"
        assert body["adapter_updates"] is None  # only IT's system policy names a signed adapter update
        assert body["overrides"] == {"needs_reason": True, "block_can_be_overridden": False}
        assert body["org_accounts"] == {"facebook": ["https://www.facebook.com/eastsideclinic"]}
        assert body["policy_links"]["hipaa-minimum-necessary"] == {
            "url": "https://intranet.example.org/hipaa#min",
            "title": "HIPAA 3",
        }
        # A ref the organisation gave no link for still has a title to show.
        assert body["policy_links"]["safety-locations"]["url"] is None
        assert body["policy_links"]["safety-locations"]["title"]
        status = requests.get(f"{svc.base}/v1/status", headers=svc.auth(), timeout=10).json()
        assert status["policy"] == {"fail_mode": "block", "override_needs_reason": True, "version": body["version"]}
    finally:
        server.should_exit = True


def test_config_is_cached_by_version_and_a_new_policy_changes_it(tmp_path):
    svc, server = serve(tmp_path, Policy())
    try:
        first = requests.get(f"{svc.base}/v1/config", headers=svc.auth(), timeout=10)
        assert first.json()["fail_mode"] == "warn"
        etag = first.headers["ETag"]
        again = requests.get(f"{svc.base}/v1/config", headers=svc.auth(**{"If-None-Match": etag}), timeout=10)
        assert again.status_code == 304 and again.content == b""
        svc.app.app.state.policy = clinic_policy()  # what the tray does when the policy changes
        changed = requests.get(f"{svc.base}/v1/config", headers=svc.auth(**{"If-None-Match": etag}), timeout=10)
        assert changed.status_code == 200 and changed.headers["ETag"] != etag
        assert changed.json()["version"] != first.json()["version"]
    finally:
        server.should_exit = True


def test_config_without_a_token_gets_the_same_bare_refusal(tmp_path):
    svc, server = serve(tmp_path, clinic_policy())
    try:
        r = requests.get(f"{svc.base}/v1/config", timeout=10)
        assert r.status_code == 401 and r.json() == {"error": "unauthorized"}
    finally:
        server.should_exit = True
