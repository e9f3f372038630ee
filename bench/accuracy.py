"""Accuracy on the labelled corpus: ClientSafe next to plain Presidio on the same posts.

    python bench/accuracy.py            # the report split (never used for tuning)
    python bench/accuracy.py --split tune --show-misses

Plain Presidio has no notion of a verdict; it "warns" when it finds anything at all, which is how a
tool that flags every PII hit behaves.
"""

from __future__ import annotations

import argparse

import common  # noqa: F401  (keeps the baseline offline)
from clientsafe.checker import Checker, OrgProfile
from clientsafe.checker.analyzer import plain_presidio
from clientsafe.checker.normalise import index_from_utf16
from common import ORG, corpus


def rates(rows: list[dict], actions: list[str]) -> dict[str, float]:
    risky = [a for r, a in zip(rows, actions, strict=True) if r["label"] in {"warn", "block"}]
    must = [a for r, a in zip(rows, actions, strict=True) if r["label"] == "block"]
    harmless = [a for r, a in zip(rows, actions, strict=True) if r["label"] == "allow"]
    return {
        "risky caught": sum(a in {"warn", "block"} for a in risky) / len(risky),
        "must-block blocked": sum(a == "block" for a in must) / len(must) if must else float("nan"),
        "harmless warned": sum(a != "allow" for a in harmless) / len(harmless),
        "n": len(rows),
        "n_risky": len(risky),
        "n_must": len(must),
        "n_harmless": len(harmless),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="report", choices=("report", "tune", "all"))
    parser.add_argument("--show-misses", action="store_true", help="print posts the checker got wrong")
    parser.add_argument("--no-presidio", action="store_true")
    args = parser.parse_args()
    rows = corpus(args.split)
    checker = Checker(org=OrgProfile.load(ORG))
    ours = []
    for r in rows:
        v = checker.check(r["text"], account=r["account"], site=r["site"])
        ours.append(v.action)
        wrong = (
            (r["label"] == "allow" and v.action != "allow")
            or (r["label"] != "allow" and v.action == "allow")
            or (r["label"] == "block" and v.action != "block")
        )
        if args.show_misses and wrong:
            print(f"--- {r['id']} label={r['label']} got={v.action} {[x.code for x in v.reasons]} ({r['why']})")
            print("   ", r["text"][:400].replace("\n", " "))
            t = r["text"]
            print(
                "   ", [(f.type, t[index_from_utf16(t, f.start) : index_from_utf16(t, f.end)]) for f in v.findings][:14]
            )
    print(f"Corpus split: {args.split} ({len(rows)} posts)")
    table = {"ClientSafe": rates(rows, ours)}
    if not args.no_presidio:
        plain = plain_presidio(checker.model)
        table["plain Presidio"] = rates(
            rows, ["warn" if plain.analyze(r["text"], language="en") else "allow" for r in rows]
        )
    n = table["ClientSafe"]
    print(f"  {'':16} {'risky caught':>14} {'must-block blocked':>20} {'harmless warned':>17}")
    print(f"  {'(posts)':16} {n['n_risky']:>14} {n['n_must']:>20} {n['n_harmless']:>17}")
    for name, t in table.items():
        print(f"  {name:16} {t['risky caught']:>14.1%} {t['must-block blocked']:>20.1%} {t['harmless warned']:>17.1%}")
    print("  targets:         >= 97.0%              >= 90.0%            <= 5.0%")


if __name__ == "__main__":
    main()
