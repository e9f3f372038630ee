"""The plain-language reasons (``shared/reasons.json``, packaged as ``clientsafe/data/reasons.json``).

Its own module so the service's routes can read them without importing the engine (spaCy and Presidio take
a second or more to import, and the service should be listening while the engine warms up).
"""

from __future__ import annotations

import json
from importlib import resources


def load_reasons() -> dict[str, dict[str, str]]:
    text = (resources.files("clientsafe") / "data" / "reasons.json").read_text(encoding="utf-8")
    return json.loads(text)
