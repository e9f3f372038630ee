"""Pairing works where POSIX-only modules do not exist (a stand-in for Windows): api/pairing.py imported fcntl,
so `serve` and the tray died there with ModuleNotFoundError (issue 14)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# In a fresh interpreter, the POSIX-only modules made unimportable, then a whole pairing: ask, approve from a
# second book (as `clientsafe pair approve` does from another process), poll for the token, verify it.
SCRIPT = """
import sys
for name in ("fcntl", "pwd", "grp", "termios", "resource"):
    sys.modules[name] = None  # import now raises ImportError, as on Windows
from pathlib import Path
from clientsafe.api.pairing import PairingBook
from clientsafe.api.tokens import TokenStore
folder = Path(sys.argv[1])
tokens = TokenStore(use_keyring=False, file=folder / "paired.json")
asked = PairingBook(tokens, folder / "pairing.json").request("Chrome on LAPTOP-7")
PairingBook(tokens, folder / "pairing.json").decide(asked.code, approve=True)
status, token = PairingBook(tokens, folder / "pairing.json").poll(asked.pairing_id)
assert status == "approved" and tokens.verify(token) is not None, (status, token)
print("paired without fcntl")
"""


def test_a_whole_pairing_works_without_the_posix_only_modules(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(ROOT / "tray"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "paired without fcntl"
