"""A full disk: every call still answers, the audit waits in memory and says it is not being written.

The disk is filled two ways: by injection (ENOSPC from the token file's write; SQLite's own "database or disk is
full" by capping the database's page count, which is how SQLite reports ENOSPC), which runs anywhere; and for
real, on a small tmpfs, where mounting one is allowed (root on Linux), otherwise skipped.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from clientsafe.api.tokens import TokenStore
from clientsafe.atomic_file import atomic_write
from clientsafe.audit import AuditReader, AuditStore
from tests.api.conftest import post_check, start
from tests.conftest import wait_for

RISKY = "So proud of Maria from our youth shelter"


@contextlib.contextmanager
def _no_space(*args, **kwargs):  # type: ignore[no-untyped-def]
    raise OSError(errno.ENOSPC, "No space left on device")
    yield  # pragma: no cover


def cap(store: AuditStore, pages: int | None = None) -> None:
    """Let the audit database grow no further (SQLITE_FULL: "database or disk is full"), or by ``pages``."""
    current = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {current if pages is None else current + pages}")


def test_when_the_last_seen_time_cannot_be_saved_then_the_token_still_verifies_and_it_is_logged_once(
    tmp_path, monkeypatch, caplog
):
    tokens = TokenStore(use_keyring=False, file=tmp_path / "paired.json")
    browser, token = tokens.issue("Chrome on LAPTOP-7")
    before = (tmp_path / "paired.json").read_text()
    monkeypatch.setattr("clientsafe.secret_store.atomic_write", _no_space)
    monkeypatch.setattr("clientsafe.api.tokens.LAST_SEEN_RETRY_SECONDS", 0)  # every call tries, and fails
    with caplog.at_level(logging.WARNING, logger="clientsafe.tokens"):
        for _ in range(5):
            assert tokens.verify(token) is not None
    assert len([r for r in caplog.records if "last-seen" in r.getMessage()]) == 1  # said once, not per call
    assert (tmp_path / "paired.json").read_text() == before  # nothing half-written
    assert time.time() - tokens.last_seen(browser) < 5  # still known in memory
    monkeypatch.setattr("clientsafe.secret_store.atomic_write", atomic_write)  # the disk takes writes again
    tokens.verify(token)
    assert tokens.list()[0].last_seen > 0  # saved at the next try


def test_with_the_disk_full_every_call_answers_and_status_says_the_audit_is_not_written_until_space_returns(
    checker, tmp_path, monkeypatch
):
    audit = AuditStore(tmp_path / "audit.sqlite3")
    svc, server = start(checker, tmp_path, audit=audit)
    try:
        monkeypatch.setattr("clientsafe.secret_store.atomic_write", _no_space)  # the token file's last-seen write
        cap(audit)
        calls = 0
        while audit.flush(5) and calls < 500:  # until the database's last free page is used up
            r = post_check(svc, text=RISKY)
            calls += 1
            assert r.status_code == 200 and r.json()["action"] in {"warn", "block"}
        assert not audit.writing
        for _ in range(10):
            assert post_check(svc, text=RISKY).status_code == 200
        calls += 10
        status = requests.get(f"{svc.base}/v1/status", headers=svc.auth(), timeout=10)
        assert status.status_code == 200 and status.json()["problems"] == ["audit_not_written"]
        assert audit.held >= 10 and audit.dropped == 0 and "disk is full" in audit.problem

        cap(audit, pages=1000)  # space returns; nobody calls: the writer retries by itself
        monkeypatch.undo()
        assert wait_for(lambda: audit.writing and audit.held == 0, timeout=10)
        assert AuditReader(audit.path).status().events == calls  # nothing lost
        assert requests.get(f"{svc.base}/v1/status", headers=svc.auth(), timeout=10).json()["problems"] == []
    finally:
        server.should_exit = True
        audit.close()


# -- the real thing: a 1 MiB tmpfs, filled up -------------------------------------------------------------------

_CHILD = r"""
import json, socket, sys, time, threading, requests
from pathlib import Path
from clientsafe.api.server import bind, build_server
from clientsafe.api.config import ServiceConfig
from clientsafe.api.tokens import TokenStore
from clientsafe.atomic_file import atomic_write
from clientsafe.audit import AuditStore
from tests.api.conftest import BrokenChecker

folder = Path(sys.argv[1])
tokens = TokenStore(use_keyring=False, file=folder / "paired.json")
_, token = tokens.issue("Chrome on LAPTOP-7")
audit = AuditStore(folder / "audit.sqlite3")
with socket.socket() as probe:  # an ephemeral port, not the range other test runs share
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
sock = bind(port)
server = build_server(BrokenChecker(), sock, tokens=tokens, config=ServiceConfig(port=port), audit=audit)
threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
while not server.started:
    time.sleep(0.02)
print(json.dumps({"port": port, "token": token}), flush=True)
for line in sys.stdin:
    if line.strip() == "held":
        print(json.dumps({"held": audit.held, "writing": audit.writing}), flush=True)
    elif line.strip() == "stop":
        break
server.should_exit = True
audit.close()
print(json.dumps({"held": audit.held, "dropped": audit.dropped}), flush=True)
"""


@pytest.fixture
def tiny_disk(tmp_path):
    folder = tmp_path / "tiny"
    folder.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root on Linux; the injected-ENOSPC tests cover the rest")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(folder)], check=False)
    if mounted.returncode != 0:
        pytest.skip("tmpfs could not be mounted here (a container without CAP_SYS_ADMIN?)")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> Path:
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as f:  # unbuffered: nothing left to fail again at close
        try:
            while True:
                f.write(b"\0" * 4096)
        except OSError as e:
            assert e.errno == errno.ENOSPC
    return filler


def test_on_a_really_full_disk_checks_answer_and_the_audit_is_written_when_space_returns(tiny_disk):
    import json

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), str(root / "tray")])}
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(tiny_disk)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=root,
    )
    assert child.stdout is not None and child.stdin is not None
    try:
        hello = json.loads(child.stdout.readline())
        base, auth = f"http://127.0.0.1:{hello['port']}", {"Authorization": f"Bearer {hello['token']}"}
        filler = fill(tiny_disk)
        body = {"text": RISKY, "site": "facebook", "account": "personal"}
        for _ in range(60):  # a checker error is audited too; each commit needs new pages on the full disk
            r = requests.post(f"{base}/v1/check", json=body, headers=auth, timeout=10)
            assert r.status_code == 200
        status = requests.get(f"{base}/v1/status", headers=auth, timeout=10)
        assert status.status_code == 200 and status.json()["problems"] == ["audit_not_written"]
        filler.unlink()
        assert wait_for(
            lambda: requests.get(f"{base}/v1/status", headers=auth, timeout=10).json()["problems"] == [], timeout=90
        )
        child.stdin.write("stop\n")
        child.stdin.flush()
        final = json.loads(child.stdout.readline())
        assert final == {"held": 0, "dropped": 0}
        assert AuditReader(tiny_disk / "audit.sqlite3").status().events == 60
    finally:
        child.kill()
        child.wait(10)
