"""The organisation policy: one JSON document in layers (defaults < policy URL < system file < user file).

No Qt here. ``load_policy()`` gives the policy in force; ``PolicyStore`` reloads it and calls back on change
or problem (for the tray); ``validate`` checks a document. Declared in ``declaration.py``; documented in
docs/policy.md; schema in shared/policy.schema.json.
"""

from __future__ import annotations

from clientsafe.policy.declaration import POLICY, PolicySetting
from clientsafe.policy.files import PolicyFileError
from clientsafe.policy.model import AuditSettings, Policy
from clientsafe.policy.schema import build_schema, validate
from clientsafe.policy.store import PolicyStore, load_policy

__all__ = [
    "POLICY",
    "AuditSettings",
    "Policy",
    "PolicyFileError",
    "PolicySetting",
    "PolicyStore",
    "build_schema",
    "load_policy",
    "validate",
]
