"""The browser policies and native-messaging host manifests every installer writes, built once from the
organisation's deployment file and the extension build's IDs, so Linux, Windows and macOS say the same thing.

`extension_config` is passed through verbatim as the extension's `3rdparty` managed configuration: its keys are
the extension's `storage.managed_schema`, owned by the extension (see docs/it-deployment.md).

The organisation's privacy policy (`CLIENTSAFE_POLICY=/path/policy.json`, optional) is checked here with the app's
own validation before any installer carries it, so a broken policy never ships:
  python packaging/policies.py org-policy OUT   writes the checked policy to OUT (exit 0), or nothing when
                                                CLIENTSAFE_POLICY is unset (exit 0); a broken one: exit 1 and why.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
POLICY_ENV = "CLIENTSAFE_POLICY"
HOST_NAME = "org.clientsafe.native"
HOST_DESCRIPTION = "ClientSafe: pairs the organisation's browser extension with the ClientSafe app"


def load_deployment() -> dict[str, Any]:
    path = Path(os.environ.get("CLIENTSAFE_DEPLOYMENT") or ROOT / "packaging" / "deployment.example.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise SystemExit(
            f"{path}: cannot read the deployment file ({e}). Fix it or unset CLIENTSAFE_DEPLOYMENT."
        ) from None
    if not isinstance(data.get("extension_config"), dict):
        raise SystemExit(f'{path}: "extension_config" must be an object (the extension\'s managed settings).')
    return data


def load_extension() -> dict[str, Any]:
    path = ROOT / "dist" / "extension" / "extension.json"
    if not path.exists():
        raise SystemExit(f"{path} is missing: build the extension first (python packaging/extension/build.py).")
    return json.loads(path.read_text(encoding="utf-8"))


def chromium_policy(extension: dict[str, Any], deployment: dict[str, Any]) -> dict[str, Any]:
    """Chrome/Chromium/Edge managed policy: force-install from the self-hosted update URL, and configure it."""
    ext_id = extension["chromium_id"]
    return {
        "ExtensionInstallForcelist": [f"{ext_id};{extension['update_url']}"],
        "3rdparty": {"extensions": {ext_id: deployment["extension_config"]}},
    }


def firefox_policy(extension: dict[str, Any], deployment: dict[str, Any]) -> dict[str, Any]:
    """Firefox enterprise policies (policies.json): force-install, and the same managed configuration."""
    ext_id = extension["firefox_id"]
    return {
        "policies": {
            "ExtensionSettings": {
                ext_id: {"installation_mode": "force_installed", "install_url": extension["firefox_install_url"]}
            },
            "3rdparty": {"Extensions": {ext_id: deployment["extension_config"]}},
        }
    }


def host_manifest(extension: dict[str, Any], launcher: str, browser: str) -> dict[str, Any]:
    manifest: dict[str, Any] = {"name": HOST_NAME, "description": HOST_DESCRIPTION, "path": launcher, "type": "stdio"}
    if browser == "firefox":
        manifest["allowed_extensions"] = [extension["firefox_id"]]
    else:
        manifest["allowed_origins"] = [f"chrome-extension://{extension['chromium_id']}/"]
    return manifest


def allowed_extensions(extension: dict[str, Any]) -> dict[str, Any]:
    """allowed-extensions.json beside the app: the native host's own list (clientsafe/native/host.py)."""
    return {"chromium": [extension["chromium_id"]], "firefox": [extension["firefox_id"]]}


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2) + "\n"


def org_policy() -> bytes | None:
    """The organisation's policy.json (CLIENTSAFE_POLICY) exactly as IT wrote it, once the app's own validation
    (the code behind `clientsafe policy check`) accepts it; None when no policy is configured."""
    configured = os.environ.get(POLICY_ENV, "").strip()
    if not configured:
        return None
    path = Path(configured).expanduser()
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise SystemExit(
            f"{POLICY_ENV}={configured}: cannot be read ({e.strerror}). Point it at the organisation's policy.json, "
            "or unset it to build the installer without one."
        ) from None
    sys.path.insert(0, str(ROOT / "tray"))  # the package, when this runs outside the project's venv
    from clientsafe.policy.files import PolicyFileError, parse

    try:
        parse(raw, str(path))
    except PolicyFileError as e:
        problems = "".join(f"\n  - {problem}" for problem in e.problems)
        raise SystemExit(
            f"{e.where}: the policy is not valid, so no installer was built:{problems}\n"
            "Fix the fields above (docs/policy.md lists every setting), then build again."
        ) from None
    return raw


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "org-policy":
        raise SystemExit("usage: python packaging/policies.py org-policy OUT")
    policy = org_policy()
    if policy is not None:
        Path(sys.argv[2]).parent.mkdir(parents=True, exist_ok=True)
        Path(sys.argv[2]).write_bytes(policy)
        print(f"policies.py: the organisation's policy ({os.environ[POLICY_ENV]}) is valid -> {sys.argv[2]}")
