"""A macOS configuration profile (.mobileconfig) carrying ClientSafe's managed settings, written with plistlib.

The ``org.clientsafe.ClientSafe`` payload becomes ``/Library/Managed Preferences/org.clientsafe.ClientSafe.plist``
once MDM installs the profile, which ``os_managed.read_plist`` reads; each value is written with
``managed_types.to_plist``, the inverse of what that reader decodes. The ``com.google.Chrome`` and
``com.microsoft.Edge`` payloads carry the extension's managed settings under ``3rdparty``, as Chrome reads them.

A profile cannot leave a key "not configured": every key in it is enforced. The template therefore holds every
setting at its built-in default (or the value given), and its description tells IT to delete what it does not
mean to manage.
"""

from __future__ import annotations

import plistlib
import uuid
from typing import Any

from clientsafe.policy import locations
from clientsafe.policy.managed_types import to_plist
from clientsafe.policy.templates.catalogue import Entry

# Stable UUIDs, so installing a regenerated profile replaces the old one instead of adding a second.
NAMESPACE = uuid.UUID("5b7f3f0e-2d7c-4f8e-9a51-6c1f0f7c2b90")
BROWSER_DOMAINS = {"Chrome": "com.google.Chrome", "Edge": "com.microsoft.Edge"}
# What the extension does when IT sets nothing (its managed_schema descriptions; 0: find the app's port itself).
EXTENSION_DEFAULTS: dict[str, Any] = {
    "service_port": 0,
    "fail_mode": "warn",
    "org_accounts": {},
    "community_standards_url": "",
    "media_release_reminder": True,
}
DESCRIPTION = (
    "ClientSafe's managed settings. Every key in this profile is enforced and wins over the system policy file: "
    "delete the keys you do not mean to manage before you upload it to your MDM (docs/managed-settings.md)."
)


def _uuid(name: str) -> str:
    return str(uuid.uuid5(NAMESPACE, name)).upper()


def _payload(domain: str, display_name: str, content: dict[str, Any]) -> dict[str, Any]:
    return {
        "PayloadType": domain,
        "PayloadIdentifier": f"org.clientsafe.settings.{domain}",
        "PayloadUUID": _uuid(domain),
        "PayloadVersion": 1,
        "PayloadDisplayName": display_name,
        **content,
    }


def settings_payload(entries: list[Entry], values: dict[str, Any] | None = None) -> dict[str, Any]:
    """The org.clientsafe.ClientSafe payload: each entry's value from ``values``, else its default."""
    given = values or {}
    content = {e.value_name: to_plist(e.storage, given.get(e.value_name, e.default)) for e in entries}
    return _payload(locations.MANAGED_DOMAIN, "ClientSafe settings", content)


def extension_payloads(extension_id: str, entries: list[Entry], values: dict[str, Any] | None = None) -> list[Any]:
    """One payload per browser with the extension's managed settings (``values`` over the defaults)."""
    payloads = []
    for browser, domain in BROWSER_DOMAINS.items():
        settings = {
            e.value_name: to_plist(e.storage, (values or {}).get(e.value_name, EXTENSION_DEFAULTS.get(e.value_name)))
            for e in entries
            if e.name.startswith(f"{browser}_")
        }
        content = {"3rdparty": {"extensions": {extension_id: settings}}}
        payloads.append(_payload(domain, f"ClientSafe extension in {browser}", content))
    return payloads


def profile(payloads: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "PayloadType": "Configuration",
        "PayloadVersion": 1,
        "PayloadIdentifier": "org.clientsafe.settings",
        "PayloadUUID": _uuid("settings-profile"),
        "PayloadDisplayName": "ClientSafe settings",
        "PayloadDescription": DESCRIPTION,
        "PayloadScope": "System",
        "PayloadContent": payloads,
    }


def to_bytes(document: dict[str, Any]) -> bytes:
    return plistlib.dumps(document)
