"""Kill -9 at random moments, again and again: nothing acknowledged is lost, nothing is corrupted, and
forwarding picks up where it stopped once the app starts again."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time

from clientsafe.audit import AuditStore
from clientsafe.audit.events import PUBLIC_FIELDS
from tests.audit.collector import Collector
from tests.conftest import ROOT

ROUNDS = 20


def _run_and_kill(db, collector, seed: int, rng: random.Random) -> list[str]:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.audit.crash_child", str(db), collector.url, str(collector.cert), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        text=True,
    )
    assert child.stdout is not None
    ready = child.stdout.readline()
    assert ready.strip() == "READY", child.stderr.read() if child.stderr else ""
    acked: list[str] = []

    def read() -> None:
        for line in child.stdout:  # type: ignore[union-attr]
            # Only whole lines: the kill can cut the last one short, and a cut id was never acknowledged.
            parts = line.split()
            if line.endswith("\n") and len(parts) == 2 and parts[0] == "ACK":
                acked.append(parts[1])

    reader = threading.Thread(target=read)
    reader.start()
    time.sleep(rng.uniform(0.05, 0.6))
    os.kill(child.pid, signal.SIGKILL)
    child.wait(10)
    reader.join(10)  # everything the child printed before it died is still in the pipe: read it all
    assert child.returncode == -signal.SIGKILL
    return acked


def test_when_the_app_is_killed_at_random_moments_then_no_acknowledged_event_is_lost_and_forwarding_resumes(
    tmp_path,
):
    rng = random.Random(7)
    db = tmp_path / "audit.sqlite3"
    collector = Collector(tmp_path)
    try:
        all_acked: set[str] = set()
        rounds_with_acks = 0
        for round_ in range(ROUNDS):
            # The collector is flaky in the early rounds and down for the last ones, so the last kills leave a
            # full outbox behind for the restart to empty.
            with collector.lock:
                collector.fail_next = 10**9 if round_ >= ROUNDS - 5 else rng.choice([0, 0, 1, 3])
            acked = _run_and_kill(db, collector, round_, rng)
            rounds_with_acks += bool(acked)
            all_acked.update(acked)
            with sqlite3.connect(db) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                stored = {row[0] for row in conn.execute("SELECT event_id FROM events")}
            missing = all_acked - stored
            assert not missing, f"round {round_}: {len(missing)} acknowledged events lost"
        assert rounds_with_acks >= ROUNDS // 2 and len(all_acked) >= 100
        with sqlite3.connect(db) as conn:
            pending_at_restart = conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
            forwarded_before = conn.execute("SELECT count(*) FROM events WHERE forwarded_at IS NOT NULL").fetchone()[0]
        assert pending_at_restart > 0 and forwarded_before > 0  # some went out between kills, some still wait

        # Restart with the collector back: the outbox empties and the collector has every stored event.
        with collector.lock:
            collector.fail_next = 0
        store = AuditStore(
            db,
            retention_days=30,
            forward_url=collector.url,
            ca_bundle=str(collector.cert),
            forwarder_options={"base_delay": 0.05, "max_delay": 0.2, "idle_poll": 0.05},
        )
        try:
            deadline = time.time() + 60
            while store.status().pending and time.time() < deadline:
                time.sleep(0.1)
            assert store.status().pending == 0
        finally:
            store.close()
        with sqlite3.connect(db) as conn:
            stored = {row[0] for row in conn.execute("SELECT event_id FROM events")}
            unsent = conn.execute("SELECT count(*) FROM events WHERE forwarded_at IS NULL").fetchone()[0]
        assert unsent == 0
        assert stored <= collector.event_ids() and all_acked <= collector.event_ids()
        assert {tuple(e) for e in collector.events()} == {PUBLIC_FIELDS}  # only the content-free fields
    finally:
        collector.close()
