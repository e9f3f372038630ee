"""The tray binds its service before the engine warms up, so the service's own modules must not import the engine:
one stray import of spaCy or Presidio (a second or two) kept the port closed, and the extension said "not running"
for an app that was starting."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("spacy", "presidio_analyzer", "thinc", "clientsafe.checker.engine")


def test_importing_the_service_loads_neither_spacy_nor_presidio():
    code = (
        "import sys, clientsafe.api.background, clientsafe.ui.backend; "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "", f"the service imports {loaded} before it can listen"
