"""Identifier recall on labelled synthetic sentences: ClientSafe next to plain Presidio.

    python bench/identifier_recall.py               # report seed (2): sentences never used for tuning
    python bench/identifier_recall.py --seed 1 --show-misses   # the tuning seed

Plain Presidio's labels are mapped generously: its DATE_TIME counts for both ages and dates of birth,
and LOCATION for addresses.
"""

from __future__ import annotations

import argparse

from synthetic_identifiers import TYPES, generate, recall

import common  # noqa: F401  (sets up paths and keeps the baseline offline)
from clientsafe.checker import Checker
from clientsafe.checker.analyzer import plain_presidio
from clientsafe.checker.normalise import index_from_utf16

OURS = {
    "PERSON": "NAME",
    "PUBLIC_PERSON": "NAME",
    "STREET_ADDRESS": "ADDRESS",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "US_SSN": "SSN",
    "CREDIT_CARD": "CARD",
    "AGE": "AGE",
    "AGE_MINOR": "AGE",
    "AGE_OVER_89": "AGE",
    "DATE_OF_BIRTH": "DOB",
}
PRESIDIO = {
    "PERSON": ["NAME"],
    "LOCATION": ["ADDRESS"],
    "PHONE_NUMBER": ["PHONE"],
    "EMAIL_ADDRESS": ["EMAIL"],
    "US_SSN": ["SSN"],
    "CREDIT_CARD": ["CARD"],
    "DATE_TIME": ["AGE", "DOB"],
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("-n", type=int, default=60, help="sentences per identifier type")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    samples = generate(args.n, args.seed)
    checker = Checker()
    plain = plain_presidio(checker.model)

    def ours(text: str):
        verdict = checker.check(text)
        for f in verdict.findings:
            if f.type in OURS:
                yield index_from_utf16(text, f.start), index_from_utf16(text, f.end), OURS[f.type]

    def baseline(text: str):
        for r in plain.analyze(text, language="en"):
            for kind in PRESIDIO.get(r.entity_type, []):
                yield r.start, r.end, kind

    table = {
        "ClientSafe": recall(samples, lambda t: list(ours(t))),
        "plain Presidio": recall(samples, lambda t: list(baseline(t))),
    }
    print(f"Identifier recall, {len(samples)} synthetic sentences (seed {args.seed}, {args.n} per type)")
    print(f"  {'type':8} {'gold':>5} {'ClientSafe':>11} {'plain Presidio':>15}")
    for kind in (*TYPES, "ALL"):
        row = table["ClientSafe"][kind]
        print(f"  {kind:8} {row['gold']:>5} {row['recall']:>11.3f} {table['plain Presidio'][kind]['recall']:>15.3f}")
    print("  target: ALL >= 0.95")
    if args.show_misses:
        for sample in samples:
            found = list(ours(sample["text"]))
            for span in sample["spans"]:
                hit = any(
                    k == span["type"]
                    and min(e, span["end"]) - max(s, span["start"]) >= (span["end"] - span["start"]) / 2
                    for s, e, k in found
                )
                if not hit:
                    print(f"  MISS {span['type']:8} {span['value']!r:40} in {sample['text']!r}")


if __name__ == "__main__":
    main()
