"""The process the crash-loop test kills: records events as fast as it can, forwarding on, and prints
``ACK <event_id>`` for each one only after the store said it is on disk.

    python -m tests.audit.crash_child DB FORWARD_URL CA_FILE SEED
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from clientsafe.audit import AuditEvent, AuditStore


def main() -> None:
    db, url, ca_file, seed = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    rng = random.Random(seed)
    store = AuditStore(
        Path(db),
        retention_days=30,
        forward_url=url,
        ca_bundle=ca_file,
        forwarder_options={"base_delay": 0.05, "max_delay": 0.2, "idle_poll": 0.05, "batch_size": 25},
    )
    print("READY", flush=True)
    n = 0
    while True:
        tickets = []
        for _ in range(rng.randint(1, 40)):
            n += 1
            event = AuditEvent(
                "decision" if n % 2 else "check",
                site=rng.choice(["facebook", "x", "instagram"]),
                account=rng.choice(["personal", "org"]),
                action=rng.choice(["warn", "block"]),
                rule_codes=("CLIENT_HEALTH_DETAIL",),
                finding_types=("PERSON", "HEALTH"),
                suggestions=rng.randint(0, 3),
                choice="posted_anyway" if n % 2 else None,
                reason="[PERSON] said it was fine" if n % 4 == 1 else None,
            )
            tickets.append((event.event_id, store.record(event)))
        for event_id, ticket in tickets:
            if ticket.wait(30):
                # One write per line: print() with PYTHONUNBUFFERED writes "ACK", " ", the id and "\n" one by
                # one, so a kill between them left a half line for the parent to misread.
                sys.stdout.write(f"ACK {event_id}\n")
                sys.stdout.flush()
        time.sleep(rng.random() / 200)


if __name__ == "__main__":
    main()
