"""The client roster: import time, check latency with and without it, storage, and accuracy on the corpus.

    python bench/roster.py [--clients 50000] [--rounds 3]

1. Imports a synthetic roster of 50,000 invented clients (Faker, fixed seed; 30% with an alias, 50% with a
   handle, 20% minors, 30% with a media release) and prints the time, with the import's own progress.
2. Checks the same 280-character posts (from the labelled corpus) with the same warm checker, once with
   no roster and once with the 50,000-client roster, interleaved post by post so machine noise hits both
   alike; prints p50/p95 of each and the difference, and the matcher's own cost per post.
3. Prints the roster's size on disk.
4. Imports tests/data/roster.csv and prints, on tests/data/roster_posts.jsonl, the share of roster posts
   caught and of look-alike posts wrongly caught, and how many got the expected reason.
Targets (issue 5): import within 10 s; latency within 0.5 ms of no roster; storage under 20 MB.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from clientsafe.checker import Checker, OrgProfile
from clientsafe.roster import Roster, import_roster
from clientsafe.roster.keys import RosterKey
from common import ORG, ROOT, corpus, percentile

DATA = ROOT / "tests" / "data"


def synthetic_roster(path: Path, clients: int) -> None:
    from faker import Faker

    fake = Faker("en_US")
    Faker.seed(5)
    rng = random.Random(5)
    lines = ["Client Name,Nicknames,Social,Minor,Media consent,Consent expiry"]
    seen: set[str] = set()
    i = 0
    while len(lines) <= clients:
        i += 1
        first, last = fake.first_name(), fake.last_name()
        if rng.random() < 0.3:
            first += " " + fake.first_name()  # a middle name
        if f"{first} {last}" in seen:
            continue  # 50,000 different people (an export has each once)
        seen.add(f"{first} {last}")
        alias = rng.choice([first[:3], first[:4] + "y", "Lil " + first]) if rng.random() < 0.3 else ""
        social = f"@{first.lower()}.{last.lower()}{i}" if rng.random() < 0.5 else ""
        minor = "yes" if rng.random() < 0.2 else "no"
        consent = "yes" if rng.random() < 0.3 else "no"
        expiry = f"20{rng.randint(24, 30)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}" if consent == "yes" else ""
        lines.append(f"{first} {last},{alias},{social},{minor},{consent},{expiry}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def progress_bar(stage: str, done: int, total: int | None) -> None:
    """The import's progress callback, printed at every tenth (a log file gets lines, not carriage returns)."""
    if (total and (done * 10 // total) != ((done - 1000) * 10 // total if done >= 1000 else -1)) or done == total:
        print(f"  progress: {stage} {done:,}/{total:,}" if total else f"  progress: {stage} {done:,}", flush=True)
    elif not total and done % 10_000 == 0:
        print(f"  progress: {stage} {done:,} rows", flush=True)


def sized(texts: list[str], size: int) -> list[str]:
    out = []
    for i, text in enumerate(texts):
        s, j = text, i
        while len(s) < size:
            j = (j + 1) % len(texts)
            s += " " + texts[j]
        out.append(s[:size])
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3, help="passes over the posts (the first is warm-up)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="clientsafe-bench-roster-"))
    key = RosterKey(use_keyring=False, file=tmp / "roster-key")

    csv = tmp / "roster.csv"
    synthetic_roster(csv, args.clients)
    print(f"Roster import ({args.clients:,} synthetic clients, {csv.stat().st_size / 1e6:.1f} MB of CSV):")
    sys.stdout.flush()
    report = import_roster(csv, progress=progress_bar, file=tmp / "roster.bin", key=key)
    print(f"  imported {report.imported:,} clients in {report.seconds:.2f} s (target 10 s)")
    size = (tmp / "roster.bin").stat().st_size
    print(f"  storage on disk: {size / 1e6:.2f} MB (target < 20 MB), keyed hashes only")

    print("Check latency, 280-character posts, same checker, no roster vs the roster above (interleaved):")
    big = Roster(tmp / "roster.bin", key)
    none = Roster(tmp / "absent.bin", key)
    assert big.clients == report.imported
    checker = Checker(org=OrgProfile.load(ORG), roster=none)
    posts = sized([r["text"] for r in corpus("all")], 280)
    times: dict[str, list[float]] = {"none": [], "roster": [], "find": []}
    for round_no in range(args.rounds):
        for text in posts:
            for name, roster in (("none", none), ("roster", big)):
                checker.roster = roster
                start = time.perf_counter()
                checker.check(text, "personal")
                elapsed = (time.perf_counter() - start) * 1000
                if round_no:
                    times[name].append(elapsed)
            start = time.perf_counter()
            big.find(text)
            if round_no:
                times["find"].append((time.perf_counter() - start) * 1000)
    for name, label in (("none", "no roster"), ("roster", f"{args.clients:,} clients")):
        v = times[name]
        print(f"  {label:<16} p50 {percentile(v, 50):6.2f} ms  p95 {percentile(v, 95):6.2f} ms  (n={len(v)})")
    d50 = percentile(times["roster"], 50) - percentile(times["none"], 50)
    d95 = percentile(times["roster"], 95) - percentile(times["none"], 95)
    print(f"  difference       p50 {d50:+6.2f} ms  p95 {d95:+6.2f} ms  (target within 0.5 ms)")
    f = times["find"]
    print(f"  the roster matcher alone: p50 {percentile(f, 50):.3f} ms  p95 {percentile(f, 95):.3f} ms per post")

    print("Roster corpus (tests/data/roster.csv + tests/data/roster_posts.jsonl):")
    small_dir = tmp / "corpus"
    small_dir.mkdir()
    small_key = RosterKey(use_keyring=False, file=small_dir / "roster-key")
    import_roster(DATA / "roster.csv", file=small_dir / "roster.bin", key=small_key)
    checker.roster = Roster(small_dir / "roster.bin", small_key)
    rows = [json.loads(line) for line in (DATA / "roster_posts.jsonl").read_text(encoding="utf-8").splitlines()]
    caught = lookalike = right_reason = 0
    clients = [r for r in rows if r["roster"]]
    others = [r for r in rows if not r["roster"]]
    for r in rows:
        verdict = checker.check(r["text"], r["account"])
        hit = any(f.source == "roster" for f in verdict.findings)
        if r["roster"]:
            caught += hit
            right_reason += r["code"] in [x.code for x in verdict.reasons]
        else:
            lookalike += hit
    print(f"  roster clients caught:     {caught}/{len(clients)} = {caught / len(clients):.1%}")
    print(f"  with the expected reason:  {right_reason}/{len(clients)} = {right_reason / len(clients):.1%}")
    print(f"  look-alikes caught:        {lookalike}/{len(others)} = {lookalike / len(others):.1%}")


if __name__ == "__main__":
    main()
