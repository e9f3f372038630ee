"""Accuracy on the independent corpus: ClientSafe (with and without the learned layer) beside plain Presidio.

    python bench/accuracy.py                   # the held-out report writers (w3, w5): never tuned on
    python bench/accuracy.py --writers w1 w2   # any writers (the training writers' figures flatter us)
    python bench/accuracy.py --show-misses     # print the posts the checker got wrong

Figures are printed by writer, language (English / Spanish, Spanglish counted with Spanish), account type and
category. Plain Presidio has no notion of a verdict; it "warns" when it finds anything at all, which is how a
tool that flags every PII hit behaves.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict

import common  # noqa: F401  (keeps the baseline offline)
from clientsafe.checker import Checker, OrgProfile
from clientsafe.checker.analyzer import plain_presidio
from clientsafe.checker.train import HELD_OUT
from common import ORG, ROOT

CORPUS = ROOT / "tests" / "data" / "corpus"
TARGETS = {"risky caught": (">=", 0.97), "must-hold held": (">=", 0.90), "harmless warned": ("<=", 0.05)}


def load(writers: list[str]) -> list[dict]:
    rows = []
    for w in writers:
        path = CORPUS / f"{w}.jsonl"
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def rates(pairs: list[tuple[dict, str]]) -> dict[str, tuple[float, int]]:
    risky = [a for r, a in pairs if r["label"] != "allow"]
    must = [a for r, a in pairs if r["label"] == "block"]
    harmless = [a for r, a in pairs if r["label"] == "allow"]

    def share(hits: list[bool]) -> tuple[float, int]:
        return (sum(hits) / len(hits) if hits else float("nan"), len(hits))

    return {
        "risky caught": share([a != "allow" for a in risky]),
        "must-hold held": share([a == "block" for a in must]),
        "harmless warned": share([a != "allow" for a in harmless]),
    }


def line(name: str, pairs: list[tuple[dict, str]]) -> str:
    cells = []
    for key, (value, n) in rates(pairs).items():
        op, target = TARGETS[key]
        ok = "" if value != value else ("  " if (value >= target if op == ">=" else value <= target) else " ✗")
        cells.append(f"{value:7.1%} ({n:4d}){ok}" if n else f"{'—':>14}  ")
    return f"  {name:34} " + " ".join(f"{c:>17}" for c in cells)


def header(title: str) -> None:
    print(f"\n{title}")
    print(f"  {'':34} {'risky caught':>17} {'must-hold held':>17} {'harmless warned':>17}")
    print(f"  {'targets':34} {'>= 97%':>17} {'>= 90%':>17} {'<= 5%':>17}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--writers", nargs="+", default=list(HELD_OUT))
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--no-presidio", action="store_true")
    args = parser.parse_args()
    rows = load(args.writers)
    org = OrgProfile.load(ORG)
    systems: dict[str, list[str]] = {}
    checker = Checker(org=org)
    print(f"Writers {', '.join(args.writers)}: {len(rows)} posts; learned layer {checker.learned}")
    systems["ClientSafe"] = [checker.check(r["text"], r["account"], r["site"], r.get("kind")).action for r in rows]
    if args.show_misses:
        for r, a in zip(rows, systems["ClientSafe"], strict=True):
            if (r["label"] == "allow") != (a == "allow") or (r["label"] == "block" and a != "block"):
                print(f"--- {r['id']} {r['account']} label={r['label']} got={a} ({r['why'][:120]})")
                print("   ", r["text"][:300].replace("\n", " "))
    rules_only = Checker(org=org, roster=checker.roster, risk_model=False)
    systems["rules alone (round 1)"] = [
        rules_only.check(r["text"], r["account"], r["site"], r.get("kind")).action for r in rows
    ]
    if not args.no_presidio:
        plain = plain_presidio(checker.model)
        systems["plain Presidio"] = ["warn" if plain.analyze(r["text"], language="en") else "allow" for r in rows]

    def block(title: str, keep) -> None:  # type: ignore[no-untyped-def]
        header(title)
        for name, actions in systems.items():
            print(line(name, [(r, a) for r, a in zip(rows, actions, strict=True) if keep(r)]))

    block("All posts", lambda r: True)
    for lang, members in (("English", {"en"}), ("Spanish and Spanglish", {"es", "spanglish"})):
        block(f"{lang}", lambda r, m=members: r["lang"] in m)
    for account in ("personal", "org"):
        block(f"{account} account", lambda r, a=account: r["account"] == a)
    for w in args.writers:
        block(f"writer {w}", lambda r, w=w: r["writer"] == w)
    block("replies to reviews", lambda r: r.get("kind") == "review_reply")
    by_cat: dict[str, list[tuple[dict, str]]] = defaultdict(list)
    for r, a in zip(rows, systems["ClientSafe"], strict=True):
        for c in r.get("categories") or []:
            by_cat[c].append((r, a))
    header("ClientSafe by category (risky posts touching it)")
    for c in sorted(by_cat):
        print(line(c, by_cat[c]))


if __name__ == "__main__":
    main()
