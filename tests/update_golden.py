"""Regenerate shared/golden/verdicts.json from the checker (review the diff before committing).

.venv/bin/python -P tests/update_golden.py   (-P: tests/packaging/ must not shadow the packaging library)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "shared" / "golden" / "verdicts.json"

EXAMPLES = [
    ("harmless-event", "org", "Join Dana Whitfield and Mayor Janet Holloway at 2140 Alder Street on May 3! 🎉"),
    ("harmless-family", "personal", "So proud of my daughter Grace, 14, who made honor roll at Lincoln Middle!! 📚"),
    ("name-alone", "personal", "Congrats Keisha Brown on the new job!"),
    ("client-shelter", "personal", "🎉🎉 So proud of Maria from our youth shelter 💙 she just turned 15!"),
    # A rewrite is offered only when it checks clear: this one's does (the one above's does not: "she had a birthday").
    (
        "client-shelter-rewrite",
        "personal",
        "🎉🎉 So proud of Maria from our youth shelter 💙 for making the honor roll!",
    ),
    ("client-relapse-anonymous", "personal", "One of my clients relapsed this week, heartbreaking"),
    ("medicaid-id", "personal", "Medicaid ID PX48291753 finally went through for J.R.!"),
    ("hidden-name", "personal", "Ma\u200bria from group was hospitalized again"),
    ("minor-org-page", "org", "Congrats to Jayden (14) on finishing the program!"),
    ("private-phone", "personal", "Call Rosa at 541-555-0187 if you can give her a ride"),
    ("shelter-location", "personal", "Dropping donations at the shelter on 42nd & Daisy St. tonight"),
]


def utf16_slice(text: str, start: int, end: int) -> str:
    return text.encode("utf-16-le", "surrogatepass")[start * 2 : end * 2].decode("utf-16-le", "surrogatepass")


def expected(checker, text: str, account: str) -> dict:
    v = checker.check(text, account=account)
    return {
        "action": v.action,
        "reasons": [r.code for r in v.reasons],
        "findings": [
            {"type": f.type, "start": f.start, "end": f.end, "text": utf16_slice(text, f.start, f.end)}
            for f in v.findings
        ],
        "suggestions": [{"start": s.start, "end": s.end, "replacement": s.replacement} for s in v.suggestions],
    }


def build(checker) -> list[dict]:
    return [
        {"name": name, "input": {"text": text, "account": account}, "expect": expected(checker, text, account)}
        for name, account, text in EXAMPLES
    ]


def main() -> None:
    sys.path.append(str(ROOT))  # appended: the repo's packaging/ folder must not shadow the packaging library
    from clientsafe.checker import Checker, OrgProfile

    checker = Checker(org=OrgProfile.load(ROOT / "tests" / "data" / "org_profile.json"))
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    GOLDEN.write_text(json.dumps(build(checker), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN}")


if __name__ == "__main__":
    main()
