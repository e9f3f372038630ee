"""Write the example Community Standards pages in docs/examples/ from the example policies beside them.

.venv/bin/python -m clientsafe.standards.publish   (tests/standards/test_examples.py fails when they are stale)
"""

from __future__ import annotations

import json
from pathlib import Path

from clientsafe.standards import generate

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "docs" / "examples"
# Generated page -> the example policy it is written from.
PAGES = {
    "standards-youth.md": ("policy-youth-services.json", "en"),
    "standards-youth-es.md": ("policy-youth-services.json", "es"),
    "standards-clinic.md": ("policy-health-clinic.json", "en"),
}


def page_text(name: str) -> str:
    policy_file, lang = PAGES[name]
    values = json.loads((EXAMPLES / policy_file).read_text(encoding="utf-8"))
    return generate(values, "md", lang)


def main() -> None:
    for name in PAGES:
        (EXAMPLES / name).write_text(page_text(name), encoding="utf-8")
        print(f"wrote {EXAMPLES / name}")


if __name__ == "__main__":
    main()
