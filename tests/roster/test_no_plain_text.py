"""The roster is the most sensitive thing on the machine: after an import, checks and relationship calls
through the real service, no file ClientSafe wrote (data, config, logs) contains any name, alias or handle
from it, in any of the forms it was written or looked up in."""

from __future__ import annotations

import csv
import logging
import os
import subprocess
import sys
from pathlib import Path

import requests

from clientsafe.api.server import setup_logging
from clientsafe.roster import Roster
from clientsafe.roster.keys import RosterKey
from clientsafe.roster.normalise import fold, handle
from tests.api.conftest import start
from tests.roster.conftest import ROSTER_CSV


def roster_strings() -> set[str]:
    """Every name, alias and handle in the corpus roster, as written, folded and normalised. Strings of fewer
    than 4 characters are left out: a few random hash bytes may spell them by chance."""
    out: set[str] = set()
    with ROSTER_CSV.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            values = [row["Client Name"], *row["Nickname(s)"].split(";"), *row["Client Name"].split()]
            for h in row["Social handles"].split(";"):
                if h.strip():
                    values += [h.strip(), handle(h) or ""]
            for v in values:
                v = v.strip()
                out |= {v, v.lower(), v.upper(), fold(v), " ".join(fold(v).replace("-", " ").split())}
    return {s for s in out if len(s) >= 4}


def test_after_import_checks_and_relationship_calls_no_file_contains_a_roster_name(checker, tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("CLIENTSAFE_HOME", str(home))
    # No keyring on either side, so the key is the 0600 file this test also searches (another test may leave
    # an in-memory keyring installed in this process).
    env = {**os.environ, "CLIENTSAFE_HOME": str(home), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    imported = subprocess.run(
        [sys.executable, "-m", "clientsafe", "roster", "import", str(ROSTER_CSV)], env=env, capture_output=True
    )
    assert imported.returncode == 0, imported.stderr.decode()
    log_file = setup_logging()
    try:
        roster = Roster(home / "data" / "roster.bin", RosterKey(use_keyring=False, file=home / "data" / "roster-key"))
        monkeypatch.setattr(checker, "roster", roster)
        svc, server = start(checker, home)
        svc.app.app.state.roster = roster
        try:
            posts = [
                ("Congrats to Keisha Brown on the new job!", "personal"),
                ("Kiki's first paycheck 🎉 @keisha.b", "org"),
                ("Hope Williams made the honor roll", "org"),
                ("José Ríos-Núñez, 30 days sober at our recovery group", "personal"),
            ]
            for text, account in posts:
                r = requests.post(
                    f"{svc.base}/v1/check",
                    json={"text": text, "site": "facebook", "account": account},
                    headers=svc.auth(),
                    timeout=30,
                )
                assert r.json()["action"] == "block" or account == "org"
                check_id = r.json()["check_id"]
                requests.post(
                    f"{svc.base}/v1/decision",
                    json={"check_id": check_id, "choice": "posted_anyway", "reason": "Keisha Brown said it was ok"},
                    headers=svc.auth(),
                    timeout=10,
                )
            for who in ({"name": "Keisha Brown"}, {"handle": "@hope_w22"}, {"name": "Neesh", "handle": "neesh.wash"}):
                body = {"site": "instagram", "kind": "incoming_request", "name": "", **who}
                r = requests.post(f"{svc.base}/v1/relationship", json=body, headers=svc.auth(), timeout=10)
                assert r.json()["client"] is True
            status = subprocess.run(
                [sys.executable, "-m", "clientsafe", "roster", "status"], env=env, capture_output=True
            )
            assert b"21 clients" in status.stdout
        finally:
            server.should_exit = True
    finally:
        for h in list(logging.getLogger("clientsafe").handlers):
            if isinstance(h, logging.FileHandler):
                h.close()
                logging.getLogger("clientsafe").removeHandler(h)

    written = [p for p in home.rglob("*") if p.is_file()]
    assert log_file in written and (home / "data" / "roster.bin") in written
    assert log_file.read_text(encoding="utf-8").strip(), "the service logged nothing: the log was not exercised"
    needles = roster_strings()
    assert {"Keisha Brown", "keisha brown", "jose rios nunez", "keisha.b", "hope_w22", "Neesh"} <= needles
    for path in written:
        data = path.read_bytes()
        lowered = data.lower()
        leaked = [n for n in needles if n.encode("utf-8") in data or n.lower().encode("utf-8") in lowered]
        assert not leaked, f"{Path(path).relative_to(home)} contains roster text: {sorted(leaked)[:5]}"
