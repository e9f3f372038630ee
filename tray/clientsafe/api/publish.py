"""Write the service's OpenAPI document to shared/api/openapi.json (a test fails when it is stale).

.venv/bin/python -m clientsafe.api.publish
"""

from __future__ import annotations

import json
from pathlib import Path

from clientsafe.api.app import openapi_document

TARGET = Path(__file__).resolve().parents[3] / "shared" / "api" / "openapi.json"

if __name__ == "__main__":
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(json.dumps(openapi_document(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {TARGET}")
