"""The audit store on a disk that refuses writes: events wait in memory (bounded), nothing is dropped while there
is room, and everything waiting is written, in order, when the disk accepts writes again.

SQLite reports a full disk as SQLITE_FULL ("database or disk is full"); capping the database's page count
(PRAGMA max_page_count) makes SQLite itself raise exactly that, with no mock in the write path.
"""

from __future__ import annotations

from clientsafe.audit import AuditEvent, AuditReader, AuditStore
from tests.conftest import wait_for


def event(n: int = 0) -> AuditEvent:
    return AuditEvent("check", site="facebook", account="personal", action="block", rule_codes=(f"RULE_{n}",))


def cap(store: AuditStore, pages: int | None = None) -> None:
    current = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {current if pages is None else current + pages}")


def fill_up(store: AuditStore) -> int:
    """Cap the database and record events one at a time until one no longer fits; returns how many."""
    cap(store)
    n = 0
    while store.flush(5):  # True while everything recorded is on disk
        store.record(event(10_000 + n))
        n += 1
        assert n < 500
    assert not store.writing
    return n


def test_when_the_disk_is_full_then_events_wait_in_memory_and_are_written_when_it_accepts_writes_again(tmp_path):
    store = AuditStore(tmp_path / "audit.sqlite3")
    try:
        assert store.writing and store.problem == ""
        fill_up(store)
        tickets = [store.record(event(n)) for n in range(300)]
        assert "not being written" in store.problem and "disk is full" in store.problem
        assert all(t.accepted for t in tickets)  # held, not refused
        assert not store.flush(0.5)  # not on disk yet, and flush says so
        assert store.dropped == 0 and store.held > 300

        cap(store, pages=10_000)  # space returns; nothing else happens: the writer's own retry writes them
        assert wait_for(lambda: store.writing and store.held == 0, timeout=10)
        assert all(t.wait(5) for t in tickets)
        assert store.problem == ""
    finally:
        store.close()
    written = {r.rule_codes[0] for r in AuditReader(tmp_path / "audit.sqlite3").recent(10_000)}
    assert {f"RULE_{n}" for n in range(300)} <= written  # every one of them


def test_beyond_the_limit_the_oldest_waiting_events_are_dropped_and_counted(tmp_path, monkeypatch):
    monkeypatch.setattr("clientsafe.audit.store.HOLD_LIMIT", 50)
    store = AuditStore(tmp_path / "audit.sqlite3")
    try:
        fill_up(store)
        tickets = [store.record(event(n)) for n in range(80)]
        assert wait_for(lambda: store.held == 50 and all(t.wait(0) is False for t in tickets[:30]))
        lost = store.dropped
        assert lost >= 30 and f"{lost} could not be kept" in store.problem
        cap(store, pages=10_000)
        assert wait_for(lambda: store.writing and store.held == 0)
    finally:
        store.close()
    kept = {r.rule_codes[0] for r in AuditReader(tmp_path / "audit.sqlite3").recent(10_000)}
    assert {f"RULE_{n}" for n in range(80)} & kept == {f"RULE_{n}" for n in range(30, 80)}  # the newest fifty


def test_when_it_stops_with_the_disk_still_full_then_what_could_not_be_written_is_counted_not_hidden(tmp_path):
    store = AuditStore(tmp_path / "audit.sqlite3")
    fill_up(store)
    already = store.held  # the event that did not fit waits in memory too
    for n in range(40):
        store.record(event(n))
    # All 40 must be counted as waiting before the store closes (held >= 40 was reached one event early under load).
    assert wait_for(lambda: store.held == already + 40)
    waiting = store.held
    store.close(timeout=10)
    assert store.dropped == waiting and store.held == 0
