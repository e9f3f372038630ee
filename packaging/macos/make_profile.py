"""Write build/macos/: ClientSafe.mobileconfig (a configuration profile with the Chrome and Edge policies),
ClientSafe-settings.mobileconfig (the app's OS-managed settings) and the native-messaging host manifests the pkg
installs, from the deployment file and the extension build.

Chrome and Edge on macOS honour ExtensionInstallForcelist only from a profile installed by MDM (Jamf, Intune,
Kandji...), so IT uploads this profile to its MDM; the pkg installs the app and the host manifests.

ClientSafe-settings.mobileconfig carries an org.clientsafe.ClientSafe payload with every policy setting (made by
clientsafe.policy.templates, so its types are the ones os_managed.py reads): the organisation's policy
(CLIENTSAFE_POLICY, checked by packaging/policies.py) where it sets a value, the built-in default elsewhere. It is
a separate profile because every key in a profile is enforced: IT deletes the keys it does not mean to manage
before uploading it, without touching the browser profile (docs/managed-settings.md).
Run: python packaging/macos/make_profile.py  (after packaging/extension/build.py)
"""

from __future__ import annotations

import json
import plistlib
import sys
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import policies

OUT = policies.ROOT / "build" / "macos"
APP_HOST = "/Applications/ClientSafe.app/Contents/MacOS/clientsafe-native-host"
PAYLOAD_DOMAINS = {"chrome": "com.google.Chrome", "edge": "com.microsoft.Edge"}
NAMESPACE = uuid.UUID("0f5c6f8e-6c0b-4d55-9d0b-2a8f1c1e5a11")  # stable UUIDs: re-deploying replaces, not duplicates


def payload(domain: str, policy: dict[str, Any]) -> dict[str, Any]:
    return {
        "PayloadType": domain,
        "PayloadIdentifier": f"org.clientsafe.policy.{domain}",
        "PayloadUUID": str(uuid.uuid5(NAMESPACE, domain)).upper(),
        "PayloadVersion": 1,
        "PayloadDisplayName": f"ClientSafe extension for {domain}",
        **policy,
    }


def profile(extension: dict[str, Any], deployment: dict[str, Any]) -> dict[str, Any]:
    chromium = policies.chromium_policy(extension, deployment)
    return {
        "PayloadType": "Configuration",
        "PayloadVersion": 1,
        "PayloadIdentifier": "org.clientsafe.profile",
        "PayloadUUID": str(uuid.uuid5(NAMESPACE, "profile")).upper(),
        "PayloadDisplayName": "ClientSafe browser extension",
        "PayloadDescription": "Installs and configures the ClientSafe extension in Chrome and Edge.",
        "PayloadScope": "System",
        "PayloadContent": [payload(domain, chromium) for domain in PAYLOAD_DOMAINS.values()],
    }


def settings_profile(organisation_policy: dict[str, Any] | None) -> bytes:
    """The app's settings profile: every setting, the organisation's value where its policy gives one."""
    sys.path.insert(0, str(policies.ROOT / "tray"))  # the package, when this runs outside the project's venv
    from clientsafe.policy.templates import catalogue, mobileconfig

    payload = mobileconfig.settings_payload(catalogue.app_entries(), organisation_policy)
    return mobileconfig.to_bytes(mobileconfig.profile([payload]))


def build() -> Path:
    extension = policies.load_extension()
    deployment = policies.load_deployment()
    raw_policy = policies.org_policy()  # checked with the app's own validation; None when not configured
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "ClientSafe.mobileconfig", "wb") as f:
        plistlib.dump(profile(extension, deployment), f)
    organisation_policy = json.loads(raw_policy) if raw_policy is not None else None
    (OUT / "ClientSafe-settings.mobileconfig").write_bytes(settings_profile(organisation_policy))
    hosts = OUT / "native-messaging"
    hosts.mkdir(exist_ok=True)
    for browser in ("chrome", "chromium", "edge", "firefox"):
        manifest = policies.host_manifest(extension, APP_HOST, browser)
        (hosts / f"{policies.HOST_NAME}.{browser}.json").write_text(policies.dumps(manifest), encoding="utf-8")
    (OUT / "allowed-extensions.json").write_text(
        policies.dumps(policies.allowed_extensions(extension)), encoding="utf-8"
    )
    print(f"make_profile.py: {OUT / 'ClientSafe.mobileconfig'} and {OUT / 'ClientSafe-settings.mobileconfig'}")
    return OUT


if __name__ == "__main__":
    build()
