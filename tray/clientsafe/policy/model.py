"""The policy in force: merged values, where each came from, what is locked, and what went wrong.

Everything the rest of ClientSafe needs is read from here: the organisation profile and rule table for the
checker, the allowed extension origins for the service, the extension-facing part for ``GET /v1/config`` and
the audit's retention and forwarding.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from clientsafe.checker.org import OrgProfile
from clientsafe.checker.rules import RuleTable
from clientsafe.policy.declaration import DEFAULT_POLICY_TITLES, defaults
from clientsafe.say import said

# Where a value came from, in merge order (later wins).
SOURCES = ("default", "url", "system", "managed", "user", "file")
SOURCE_NAMES = {
    "default": said("built-in default"),
    "url": said("policy URL"),
    "system": said("system policy file"),
    # os_managed.SOURCE: Group Policy/Intune registry values on Windows, a configuration profile on macOS.
    "managed": said("OS-managed policy"),
    "user": said("user policy file"),
    "file": said("--org file"),
}
# Settings whose values are secrets (a collector's API key): shown to people by key name only (``masked``).
SECRET_SETTINGS = ("audit_forward_headers",)
HIDDEN = "(hidden)"


def masked(values: dict[str, Any]) -> dict[str, Any]:
    """``values`` for showing to a person: each secret's values replaced by (hidden), its key names kept."""
    shown = dict(values)
    for name in SECRET_SETTINGS:
        if isinstance(shown.get(name), dict):
            shown[name] = {key: HIDDEN for key in shown[name]}
    return shown


@dataclass(frozen=True)
class AuditSettings:
    retention_days: int
    forward_url: str | None


@dataclass(frozen=True)
class Policy:
    values: dict[str, Any] = field(default_factory=defaults)
    sources: dict[str, str] = field(default_factory=dict)  # setting -> one of SOURCES; missing means default
    locked: frozenset[str] = frozenset()
    layers: dict[str, str] = field(default_factory=dict)  # source -> the file or URL it was read from
    ignored: tuple[str, ...] = ()  # user values not applied (locked, org-level set by IT, system-only keys)
    problems: tuple[str, ...] = ()  # broken files, unreachable URL: the last good copy stayed in force

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def source(self, name: str) -> str:
        return self.sources.get(name, "default")

    @property
    def version(self) -> str:
        """Changes whenever any value in force changes; the extension caches GET /v1/config by it."""
        canonical = json.dumps(self.values, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]

    def org_profile(self) -> OrgProfile:
        return OrgProfile.from_dict(self.values["organisation"])

    def rule_table(self) -> RuleTable:
        """The built-in rules (checker/rules.json) with the policy's per-account actions applied."""
        data = json.loads((resources.files("clientsafe.checker") / "rules.json").read_text(encoding="utf-8"))
        overrides: dict[str, dict[str, str]] = self.values["rule_actions"]
        for rule in data["rules"]:
            rule["action"] = {**rule["action"], **overrides.get(rule["code"], {})}
        return RuleTable(data)

    def rule_actions(self) -> dict[str, dict[str, str]]:
        """Every rule code's action per account type, as the checker will apply them."""
        actions: dict[str, dict[str, str]] = {}
        for rule in self.rule_table().rules:
            actions.setdefault(rule.code, dict(rule.action))
        return actions

    def allowed_origins(self) -> frozenset[str]:
        """``allowed_extension_ids`` as exact origins: a bare Chrome/Edge ID becomes chrome-extension://ID."""
        return frozenset(i if "://" in i else f"chrome-extension://{i}" for i in self.values["allowed_extension_ids"])

    def policy_links(self) -> dict[str, dict[str, str | None]]:
        """Every known policy_ref with its title and the organisation's URL for it (None when not given)."""
        links: dict[str, dict[str, str | None]] = {
            ref: {"url": None, "title": title} for ref, title in DEFAULT_POLICY_TITLES.items()
        }
        for ref, link in self.values["policy_links"].items():
            title = link.get("title") or links.get(ref, {}).get("title") or ref
            links[ref] = {"url": link["url"], "title": title}
        return links

    def audit_settings(self) -> AuditSettings:
        return AuditSettings(self.values["audit_retention_days"], self.values["audit_forward_url"])

    def extension_config(self) -> dict[str, Any]:
        """What the browser extension needs (GET /v1/config; shared/README.md documents the shape)."""
        v = self.values
        return {
            "version": self.version,
            "organisation_name": v["organisation"].get("name", ""),
            "fail_mode": v["fail_mode"],
            "org_accounts": v["org_accounts"],
            "generic_domains": v["generic_domains"],
            "mastodon_instances": v["mastodon_instances"],
            "review_sites": v["review_sites"],
            "overrides": {
                "needs_reason": v["override_needs_reason"],
                "block_can_be_overridden": v["block_can_be_overridden"],
            },
            "media_release_reminder": v["media_release_reminder"],
            "policy_links": self.policy_links(),
            "community_standards_url": v["community_standards_url"],
            "adapter_updates": v["adapter_updates"],
            # Only when the policy names one: absent means "follow the browser's own language" (i18n.SYSTEM).
            **({"language": v["language"]} if v.get("language") in ("en", "es") else {}),
        }
