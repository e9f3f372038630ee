"""The audit under load: does writing and exporting 10,000 events slow the checker down?

    python bench/audit.py [--events 10000] [--posts 300]

In one run, in alternating rounds: the checker alone on 60 posts of 280 characters; the checker while another
thread records 10,000 events through AuditStore.record() (as the service's request threads do) until they are
on disk; while AuditStore.export_csv writes them (the tray's window, in process); and while
`clientsafe audit export` writes them (the privacy officer, another process). Each loaded figure counts the
checks made while that work was going on. Also printed: what record() costs its caller, the write rate to
disk (synchronous=FULL, batched commits) and the export rates (the CLI's includes starting Python).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from latency import sized

from clientsafe.audit import AuditEvent, AuditStore
from clientsafe.checker import Checker, OrgProfile
from common import ORG, corpus, percentile, summary


def check_all(checker: Checker, texts: list[str]) -> list[float]:
    times = []
    for text in texts:
        t0 = time.perf_counter()
        checker.check(text, account="personal", site="facebook")
        times.append((time.perf_counter() - t0) * 1000)
    return times


def event(i: int) -> AuditEvent:
    return AuditEvent(
        "decision" if i % 2 else "check",
        site=("facebook", "x", "instagram")[i % 3],
        account="personal",
        action="block",
        rule_codes=("CLIENT_HEALTH_DETAIL", "CLIENT_NAMED"),
        finding_types=("PERSON", "HEALTH"),
        suggestions=2,
        choice="posted_anyway" if i % 2 else None,
        reason="[PERSON]'s guardian agreed" if i % 4 == 1 else None,
        check_id=f"{i:024x}",
    )


def during(checker: Checker, texts: list[str], start: int, work: Callable[[], object]) -> list[float]:
    """Check posts, one after another, for exactly as long as ``work`` runs in another thread."""
    done = threading.Event()

    def run() -> None:
        try:
            work()
        finally:
            done.set()

    thread = threading.Thread(target=run)
    thread.start()
    times: list[float] = []
    while not done.is_set():
        times += check_all(checker, [texts[(start + len(times)) % len(texts)]])
    thread.join()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--posts", type=int, default=300)
    args = parser.parse_args()
    texts = sized([r["text"] for r in corpus("all")], 280)[: args.posts]
    checker = Checker(org=OrgProfile.load(ORG))
    check_all(checker, texts[:50])  # warm

    folder = Path(tempfile.mkdtemp(prefix="clientsafe-bench-audit-"))
    db = folder / "audit.sqlite3"
    store = AuditStore(db, retention_days=0)
    record_us: list[float] = []
    took: dict[str, list[float]] = {"write": [], "export": [], "cli": []}
    phases: dict[str, list[float]] = {"alone": [], "record": [], "export": [], "cli": []}

    def record(batch: list[AuditEvent]) -> None:
        t0 = time.perf_counter()
        for e in batch:
            r0 = time.perf_counter()
            store.record(e)
            record_us.append((time.perf_counter() - r0) * 1e6)
        store.flush(300)
        took["write"].append(time.perf_counter() - t0)

    def export(since: dt.datetime) -> None:
        t0 = time.perf_counter()
        assert store.export_csv(folder / "export.csv", since=since) == args.events
        took["export"].append(time.perf_counter() - t0)

    def export_cli(since: dt.datetime) -> None:
        t0 = time.perf_counter()
        command = [sys.executable, "-m", "clientsafe", "audit", "export", "--database", str(db)]
        subprocess.run(
            [*command, "--since", since.isoformat(), "--out", str(folder / "cli.csv")], check=True, capture_output=True
        )
        took["cli"].append(time.perf_counter() - t0)

    # Quiet and loaded phases alternate, so other work on a shared machine falls on all of them alike.
    at = 0
    for r in range(args.rounds):
        phases["alone"] += check_all(checker, texts[at % len(texts) : at % len(texts) + 60])
        since = dt.datetime.now(dt.UTC)
        batch = [event(i) for i in range(r * args.events, (r + 1) * args.events)]  # as request threads build them
        for phase, work in (
            ("record", functools.partial(record, batch)),
            ("export", functools.partial(export, since)),
            ("cli", functools.partial(export_cli, since)),
        ):
            phases[phase] += during(checker, texts, at, work)
            at += len(phases[phase])
    phases["alone"] += check_all(checker, texts[:60])
    store.close()

    alone = phases["alone"]
    print(f"Checker on posts of 280 characters, one thread (the service's analysis thread), {args.rounds} rounds of:")
    labels = {
        "alone": "alone",
        "record": f"while {args.events:,} events are recorded",
        "export": "while AuditStore.export_csv runs",
        "cli": "while `clientsafe audit export` runs",
    }
    for phase, label in labels.items():
        values = phases[phase]
        change = (
            ""
            if phase == "alone"
            else f"  (p50 {percentile(values, 50) - percentile(alone, 50):+.1f}, "
            f"p95 {percentile(values, 95) - percentile(alone, 95):+.1f} ms)"
        )
        print(f"  {label:<40} {summary(values)}{change}")
    print(f"Audit work per round: {args.events:,} events recorded by one thread as fast as it can, then exported")
    print(
        f"  record() as the caller sees it: p50 {percentile(record_us, 50):.1f} us  "
        f"p95 {percentile(record_us, 95):.1f} us  p99 {percentile(record_us, 99):.1f} us"
    )
    for name, label in (
        ("write", "to disk (synchronous=FULL)"),
        ("export", "CSV export, in process"),
        ("cli", "CSV export, clientsafe audit export"),
    ):
        rates = [args.events / t for t in took[name]]
        print(
            f"  {label:<36} median {statistics.median(took[name]):.2f} s per {args.events:,} "
            f"({min(rates):,.0f}-{max(rates):,.0f} events/s)"
        )
    print(f"  database after {args.rounds * args.events:,} events: {db.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
