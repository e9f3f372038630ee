"""Whether the OS keyring can really hold a secret (shared by the pairing tokens and the roster's key).

Its own small module so the roster and the CLI can ask without importing the web service (FastAPI).
"""

from __future__ import annotations

import keyring


def keyring_usable() -> bool:
    """False when keyring fell back to its "fail" or "null" backend, or a chain of no backends."""
    backend = keyring.get_keyring()
    module = type(backend).__module__
    if module.endswith((".fail", ".null")):
        return False
    if module.endswith(".chainer"):
        return bool(getattr(backend, "backends", []))
    return True
