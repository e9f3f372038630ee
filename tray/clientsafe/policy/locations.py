"""Where the policy layers live.

The IT-managed system file is at the per-OS machine-wide location (below); ``CLIENTSAFE_SYSTEM_POLICY`` names
another file instead (tests, and IT trying a policy out). The user's own file is ``policy.json`` in the config
folder. Copies ClientSafe keeps (the URL cache, last-good copies) are in ``policy/`` in the data folder, so
``CLIENTSAFE_HOME`` moves them too.

IT's OS-managed settings (``os_managed.py``) are in the registry on Windows (``REGISTRY_KEY`` under
HKEY_LOCAL_MACHINE, written by Group Policy or Intune from ClientSafe.admx) and in the managed preferences of a
configuration profile on macOS; ``CLIENTSAFE_MANAGED_PREFERENCES`` names a plist to read instead, on any OS.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from clientsafe import paths

SYSTEM_POLICY_ENV = "CLIENTSAFE_SYSTEM_POLICY"
MANAGED_PREFERENCES_ENV = "CLIENTSAFE_MANAGED_PREFERENCES"
REGISTRY_KEY = r"Software\Policies\ClientSafe"
MANAGED_DOMAIN = "org.clientsafe.ClientSafe"  # the profile payload type and the preferences domain


def system_policy_path() -> Path:
    override = os.environ.get(SYSTEM_POLICY_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "ClientSafe" / "policy.json"
    if sys.platform == "darwin":
        return Path("/Library/Application Support/ClientSafe/policy.json")
    return Path("/etc/clientsafe/policy.json")


def managed_preferences_path() -> Path | None:
    """The plist of a configuration profile's ClientSafe settings; None where the OS keeps them elsewhere."""
    override = os.environ.get(MANAGED_PREFERENCES_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    if sys.platform == "darwin":
        return Path("/Library/Managed Preferences") / f"{MANAGED_DOMAIN}.plist"
    return None  # Windows: the registry (REGISTRY_KEY); Linux: no OS-managed layer, the system file only


def user_policy_path() -> Path:
    return paths.config_dir() / "policy.json"


def state_dir() -> Path:
    return paths.data_dir() / "policy"
