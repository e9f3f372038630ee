"""Where the policy layers live.

The IT-managed system file is at the per-OS machine-wide location (below); ``CLIENTSAFE_SYSTEM_POLICY`` names
another file instead (tests, and IT trying a policy out). The user's own file is ``policy.json`` in the config
folder. Copies ClientSafe keeps (the URL cache, last-good copies) are in ``policy/`` in the data folder, so
``CLIENTSAFE_HOME`` moves them too.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from clientsafe import paths

SYSTEM_POLICY_ENV = "CLIENTSAFE_SYSTEM_POLICY"


def system_policy_path() -> Path:
    override = os.environ.get(SYSTEM_POLICY_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "ClientSafe" / "policy.json"
    if sys.platform == "darwin":
        return Path("/Library/Application Support/ClientSafe/policy.json")
    return Path("/etc/clientsafe/policy.json")


def user_policy_path() -> Path:
    return paths.config_dir() / "policy.json"


def state_dir() -> Path:
    return paths.data_dir() / "policy"
