"""Identifier recall: ClientSafe next to plain Presidio, per identifier type.

    python bench/identifier_recall.py               # report seed (2): sentences never used for tuning
    python bench/identifier_recall.py --seed 1 --show-misses   # the tuning seed

Two sources of labelled sentences:

1. bench/synthetic_identifiers.py, our own generator (its seed 1 was used for tuning). A gold span counts when a
   finding of the same type covers at least half of it. Plain Presidio's labels are mapped generously: its
   DATE_TIME counts for ages and all dates, LOCATION for addresses and ZIP codes, its US driver's licence,
   passport, ITIN and DEA recognizers for GOV_ID.
2. A second generator written by someone else, when its file exists (tests/data/identifiers_second_generator.jsonl;
   lines {"id", "lang", "text", "entities": [{"type", "start", "end"}]}), never used for tuning. There an entity
   counts as found when any ClientSafe finding of category ``identifier`` covers at least half of it (for plain
   Presidio: any of its findings), whatever the type; recall is printed per type and per language. On its
   negatives file (..._negatives.jsonl: sentences with no identifier), the false alarms per 100 sentences.

Plain Presidio is shown twice: its findings at ClientSafe's threshold (the ``min_score`` setting, which is what
ClientSafe itself reports), and at any score (Presidio's default threshold is 0, which keeps the 0.01-0.05
"very weak" guesses such as every 6-14 digit number read as a driver's licence).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from synthetic_identifiers import TYPES, generate, recall

import common  # sets up paths and keeps the baseline offline
from clientsafe import settings
from clientsafe.checker import Checker
from clientsafe.checker.analyzer import plain_presidio
from clientsafe.checker.normalise import index_from_utf16

SECOND = common.ROOT / "tests" / "data" / "identifiers_second_generator.jsonl"
SECOND_NEGATIVES = common.ROOT / "tests" / "data" / "identifiers_second_generator_negatives.jsonl"

OURS = {
    "PERSON": ["NAME"],
    "PUBLIC_PERSON": ["NAME"],
    "STREET_ADDRESS": ["ADDRESS", "ZIP"],
    "ZIP_CODE": ["ZIP"],
    "PHONE_NUMBER": ["PHONE", "PHONE_INTL"],
    "EMAIL_ADDRESS": ["EMAIL"],
    "US_SSN": ["SSN"],
    "CREDIT_CARD": ["CARD"],
    "AGE": ["AGE"],
    "AGE_MINOR": ["AGE"],
    "AGE_OVER_89": ["AGE"],
    "DATE_OF_BIRTH": ["DOB", "DATE"],
    "PERSONAL_DATE": ["DATE"],
    "URL": ["URL"],
    "SOCIAL_HANDLE": ["URL"],
    "IP_ADDRESS": ["IP"],
    "ACCOUNT_NUMBER": ["BANK"],
    "IBAN_CODE": ["BANK"],
    "US_ITIN": ["GOV_ID"],
    "PASSPORT": ["GOV_ID"],
    "DRIVER_LICENSE": ["GOV_ID"],
    "CERTIFICATE_NUMBER": ["GOV_ID"],
    "MEDICAL_LICENSE": ["GOV_ID"],
    "LICENSE_PLATE": ["VEHICLE"],
    "VEHICLE_ID": ["VEHICLE"],
    "DEVICE_ID": ["DEVICE"],
    "MAC_ADDRESS": ["DEVICE"],
}
PRESIDIO = {
    "PERSON": ["NAME"],
    "LOCATION": ["ADDRESS", "ZIP"],
    "PHONE_NUMBER": ["PHONE", "PHONE_INTL"],
    "EMAIL_ADDRESS": ["EMAIL"],
    "US_SSN": ["SSN"],
    "CREDIT_CARD": ["CARD"],
    "DATE_TIME": ["AGE", "DOB", "DATE"],
    "URL": ["URL"],
    "IP_ADDRESS": ["IP"],
    "US_BANK_NUMBER": ["BANK"],
    "IBAN_CODE": ["BANK"],
    "US_ITIN": ["GOV_ID"],
    "US_PASSPORT": ["GOV_ID"],
    "US_DRIVER_LICENSE": ["GOV_ID"],
    "MEDICAL_LICENSE": ["GOV_ID"],
    "MAC_ADDRESS": ["DEVICE"],
}
NAMES = {"PERSON", "PUBLIC_PERSON", "ROSTER_CLIENT", "ROSTER_CLIENT_MINOR", "ROSTER_CLIENT_CONSENTED"}


def _covered(start: int, end: int, found: list[tuple[int, int]]) -> bool:
    return any(2 * (min(end, e) - max(start, s)) >= end - start for s, e in found)


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(common.ROOT))
    except ValueError:
        return str(path)


def _read_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            print(f"  skipped line {n} of {path.name}: {e}")
            continue
        if isinstance(row, dict) and isinstance(row.get("text"), str):
            rows.append(row)
    return rows


class Readers:
    """ClientSafe and plain Presidio, each returning [(start, end, type)] in Python string offsets."""

    def __init__(self) -> None:
        self.checker = Checker()
        self.plain = plain_presidio(self.checker.model)
        self.threshold = float(settings.get("min_score"))
        self._ours: dict[str, list[tuple[int, int, str, str]]] = {}
        self._plain: dict[str, list[tuple[int, int, str, float]]] = {}

    def ours(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, type, category) of every finding in the verdict."""
        if text not in self._ours:
            verdict = self.checker.check(text)
            self._ours[text] = [
                (index_from_utf16(text, f.start), index_from_utf16(text, f.end), f.type, f.category)
                for f in verdict.findings
            ]
        return self._ours[text]

    def plain_all(self, text: str) -> list[tuple[int, int, str, float]]:
        if text not in self._plain:
            self._plain[text] = [
                (r.start, r.end, r.entity_type, r.score) for r in self.plain.analyze(text, language="en")
            ]
        return self._plain[text]

    def plain_at(self, text: str, threshold: float) -> list[tuple[int, int, str]]:
        return [(s, e, t) for s, e, t, score in self.plain_all(text) if score >= threshold]


def synthetic_table(readers: Readers, args: argparse.Namespace) -> None:
    samples = generate(args.n, args.seed)

    def ours(text: str):
        for s, e, kind, _category in readers.ours(text):
            for mapped in OURS.get(kind, []):
                yield s, e, mapped

    def baseline(threshold: float):
        def detect(text: str):
            for s, e, kind in readers.plain_at(text, threshold):
                for mapped in PRESIDIO.get(kind, []):
                    yield s, e, mapped

        return detect

    table = {
        "ours": recall(samples, lambda t: list(ours(t))),
        "plain": recall(samples, lambda t: list(baseline(readers.threshold)(t))),
        "plain_any": recall(samples, lambda t: list(baseline(0.0)(t))),
    }
    print(f"1. Our generator: {len(samples)} synthetic sentences (seed {args.seed}, {args.n} per type)")
    print(
        f"  {'type':10} {'gold':>5} {'ClientSafe':>11} {'Presidio>=' + str(readers.threshold):>14} {'Presidio any':>13}"
    )
    for kind in (*TYPES, "ALL"):
        row = table["ours"][kind]
        print(
            f"  {kind:10} {row['gold']:>5} {row['recall']:>11.3f} {table['plain'][kind]['recall']:>14.3f}"
            f" {table['plain_any'][kind]['recall']:>13.3f}"
        )
    print("  target: ALL >= 0.95")
    if args.show_misses:
        for sample in samples:
            found = list(ours(sample["text"]))
            for span in sample["spans"]:
                same = [(s, e) for s, e, k in found if k == span["type"]]
                if not _covered(span["start"], span["end"], same):
                    print(f"  MISS {span['type']:8} {span['value']!r:40} in {sample['text']!r}")


def _row(label: str, hits: Counter, gold: Counter, key: str) -> str:
    n = gold[key]
    cells = [f"{hits[(who, key)] / n:>11.3f}" if n else f"{'-':>11}" for who in ("ours", "plain", "plain_any")]
    return f"  {label:24} {n:>5} " + " ".join(cells)


def second_generator(readers: Readers, path: Path, negatives: Path, show_misses: bool) -> None:
    print()
    if not path.exists():
        print(f"2. Second generator: {_shown(path)} is not there yet; skipped.")
    else:
        rows = _read_jsonl(path)
        gold: Counter = Counter()
        hits: Counter = Counter()
        misses = []
        for row in rows:
            text, lang = row["text"], str(row.get("lang", "?"))
            ours = [(s, e) for s, e, _k, category in readers.ours(text) if category == "identifier"]
            plain = [(s, e) for s, e, _k in readers.plain_at(text, readers.threshold)]
            plain_any = [(s, e) for s, e, _k in readers.plain_at(text, 0.0)]
            for entity in row.get("entities") or []:
                try:
                    kind, start, end = str(entity["type"]), int(entity["start"]), int(entity["end"])
                except (KeyError, TypeError, ValueError):
                    continue
                if not 0 <= start < end <= len(text):
                    continue
                keys = (kind, f"lang:{lang}", "ALL")
                for key in keys:
                    gold[key] += 1
                for who, found in (("ours", ours), ("plain", plain), ("plain_any", plain_any)):
                    if _covered(start, end, found):
                        for key in keys:
                            hits[(who, key)] += 1
                    elif who == "ours":
                        misses.append((kind, text[start:end], text))
        print(f"2. Second generator (not tuned on): {len(rows)} sentences from {_shown(path)}")
        print("  An entity counts when any identifier finding covers at least half of it, whatever its type.")
        header = f"{'Presidio>=' + str(readers.threshold):>11}"
        print(f"  {'type':24} {'gold':>5} {'ClientSafe':>11} {header} {'Presidio any':>11}")
        for kind in sorted(k for k in gold if not k.startswith("lang:") and k != "ALL"):
            print(_row(kind, hits, gold, kind))
        for key in sorted(k for k in gold if k.startswith("lang:")):
            print(_row(key, hits, gold, key))
        print(_row("ALL", hits, gold, "ALL"))
        print("  target: ALL >= 0.95, every type listed")
        if show_misses:
            for kind, value, text in misses:
                print(f"  MISS {kind:16} {value!r:36} in {text!r}")
    if negatives.exists():
        rows = _read_jsonl(negatives)
        ours_types: Counter = Counter()
        plain_types: Counter = Counter()
        flagged = {"ours": 0, "plain": 0}
        for row in rows:
            text = row["text"]
            ours = [k for _s, _e, k, category in readers.ours(text) if category == "identifier"]
            plain = [k for _s, _e, k in readers.plain_at(text, readers.threshold)]
            ours_types.update(ours)
            plain_types.update(plain)
            flagged["ours"] += bool(ours)
            flagged["plain"] += bool(plain)
        n = max(len(rows), 1)
        print(f"  False alarms on {len(rows)} sentences with no identifier ({negatives.name}), per 100 sentences:")
        for who, types in (("ClientSafe", ours_types), (f"plain Presidio>={readers.threshold}", plain_types)):
            total = sum(types.values())
            no_names = sum(v for k, v in types.items() if k not in NAMES)
            key = "ours" if who == "ClientSafe" else "plain"
            print(
                f"    {who:22} {100 * total / n:6.1f} findings ({100 * no_names / n:.1f} other than names), "
                f"{100 * flagged[key] / n:.1f}% of sentences flagged; by type: "
                + ", ".join(f"{k} {v}" for k, v in types.most_common(8))
            )
    else:
        print(f"  {_shown(negatives)} is not there yet; no false-alarm figure.")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("-n", type=int, default=60, help="sentences per identifier type")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--second", type=Path, default=SECOND, help="the second generator's labelled sentences")
    parser.add_argument("--negatives", type=Path, default=SECOND_NEGATIVES, help="its sentences with no identifier")
    args = parser.parse_args()
    readers = Readers()
    synthetic_table(readers, args)
    second_generator(readers, args.second.resolve(), args.negatives.resolve(), args.show_misses)


if __name__ == "__main__":
    main()
