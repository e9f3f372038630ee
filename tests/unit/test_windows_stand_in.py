"""A Windows stand-in: `clientsafe --self-test`, `clientsafe serve` and `clientsafe tray` (offscreen) in an
interpreter where the POSIX-only modules cannot be imported (issue 14).

An independent check found the self-test PASSED there while `serve` and the tray died with "internal error
(ModuleNotFoundError)": the self-test only ran the checker. Each command runs here as a person or the installer
would run it, through a launcher that first sets ``sys.modules[name] = None`` for each POSIX-only module (an
import then raises ImportError, as on Windows), in a bare environment like a session a service manager starts
(no USER, LOGNAME or USERNAME: getpass falls back to pwd there).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from tests.serving import wait_until_serving

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
POSIX_ONLY = ("fcntl", "pwd", "grp", "termios", "resource")
LAUNCHER = f"""
import sys
for name in {POSIX_ONLY!r}:
    sys.modules[name] = None  # import now raises ImportError, as on Windows
from clientsafe.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def stand_in_env(home: Path, **extra: str) -> dict[str, str]:
    env = {
        "PYTHONPATH": str(ROOT / "tray"),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "CLIENTSAFE_HOME": str(home),
        "CLIENTSAFE_SYSTEM_POLICY": str(DATA / "no-system-policy.json"),
        "PYTHONUNBUFFERED": "1",
        "PYTHONWARNINGS": "ignore",  # filelock says it falls back to a soft lock where fcntl is missing
    }
    return env | extra


def command(launcher_dir: Path, *args: str) -> list[str]:
    launcher = launcher_dir / "windows_stand_in.py"
    launcher.write_text(LAUNCHER, encoding="utf-8")
    return [sys.executable, str(launcher), *args]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_the_launcher_really_blocks_the_posix_only_modules(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text(
        LAUNCHER.split("from clientsafe")[0]
        + "import importlib\n"
        + f"for name in {POSIX_ONLY!r}:\n"
        + "    try:\n        importlib.import_module(name)\n    except ImportError:\n        print(name)\n",
        encoding="utf-8",
    )
    result = subprocess.run([sys.executable, str(probe)], capture_output=True, text=True, timeout=30)
    assert result.stdout.split() == list(POSIX_ONLY)


def test_the_self_test_passes_and_ran_every_step(tmp_path):
    result = subprocess.run(
        command(tmp_path, "--self-test"), capture_output=True, text=True, timeout=240, env=stand_in_env(tmp_path)
    )
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    for line in (
        "ok   risky post: block (expected block)",
        "ok   local service: started on 127.0.0.1:",
        "ok   HTTP check: risky post over HTTP with a token: block; without a token: refused",
        "ok   client roster:",
        "ok   policy:",
        "ok   tray app: loads",
    ):
        assert line in result.stdout
    assert result.stdout.rstrip().endswith("PASSED: ClientSafe works on this machine.")


def test_serve_comes_up_answers_status_and_stops_cleanly(tmp_path):
    proc = subprocess.Popen(
        command(tmp_path, "serve", "--port", str(free_port())),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=stand_in_env(tmp_path),
    )
    try:
        port = wait_until_serving(proc, tmp_path, timeout=180)
        status = requests.get(f"http://127.0.0.1:{port}/v1/status", timeout=10)
        assert status.status_code in (200, 401)  # 401: listening and refusing a call without a token
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == 0, err.decode()[-2000:]
        assert b"ClientSafe service stopped." in out
        assert b"internal error" not in err
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)


def test_the_tray_starts_offscreen_serves_and_stops_cleanly(tmp_path):
    port = free_port()
    proc = subprocess.Popen(
        command(tmp_path, "tray", "--org", str(DATA / "org_profile.json"), "--port", str(port)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=stand_in_env(tmp_path, QT_QPA_PLATFORM="offscreen"),
    )
    try:
        assert proc.stdout is not None
        started = proc.stdout.readline()
        assert started.startswith("ClientSafe started:"), started + proc.communicate(timeout=30)[1][-2000:]
        ready = proc.stdout.readline()
        assert ready.startswith(f"ClientSafe ready: checking posts (local service on 127.0.0.1:{port})"), ready
        status = requests.get(f"http://127.0.0.1:{port}/v1/status", timeout=10)
        assert status.status_code in (200, 401)
        assert proc.poll() is None  # still running after it answered
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == 0, err[-2000:]
        assert out.strip().endswith("ClientSafe stopped.")
        assert "internal error" not in err
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)


def test_when_the_tray_cannot_be_imported_then_the_self_test_fails_and_names_it(tmp_path):
    """A real fault: PySide6 missing (a broken install). The self-test of the old code passed here."""
    launcher = command(tmp_path, "--self-test")
    Path(launcher[1]).write_text(LAUNCHER.replace("from clientsafe", "sys.modules['PySide6'] = None\nfrom clientsafe"))
    result = subprocess.run(launcher, capture_output=True, text=True, timeout=240, env=stand_in_env(tmp_path))
    assert result.returncode == 5, result.stdout + result.stderr[-2000:]
    assert "FAIL tray app: cannot be loaded (ModuleNotFoundError" in result.stdout
    assert "FAILED (failed: tray app)" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_when_the_service_cannot_start_then_the_self_test_fails_and_names_it(tmp_path):
    """A real fault: the web server library missing, so the service cannot start (nor the tray, which runs it)."""
    launcher = command(tmp_path, "--self-test")
    Path(launcher[1]).write_text(LAUNCHER.replace("from clientsafe", "sys.modules['uvicorn'] = None\nfrom clientsafe"))
    result = subprocess.run(launcher, capture_output=True, text=True, timeout=240, env=stand_in_env(tmp_path))
    assert result.returncode == 5, result.stdout + result.stderr[-2000:]
    assert "FAIL local service: could not start: ModuleNotFoundError" in result.stdout
    assert "FAIL HTTP check: not tried: the local service did not start" in result.stdout
    assert "PASSED" not in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
