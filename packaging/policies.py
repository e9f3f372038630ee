"""The browser policies and native-messaging host manifests every installer writes, built once from the
organisation's deployment file and the extension build's IDs, so Linux, Windows and macOS say the same thing.

`extension_config` is passed through verbatim as the extension's `3rdparty` managed configuration: its keys are
the extension's `storage.managed_schema`, owned by the extension (see docs/it-deployment.md).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
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
