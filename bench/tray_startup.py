"""The tray app from launch: to icon visible, to first verdict, and the resident memory of the whole app.

    python bench/tray_startup.py [--runs 3] [--frozen]

Each run starts `python -m clientsafe tray` (with --frozen: the frozen app from `make package`, which is what
staff run) in a fresh process, as a person would, in its own CLIENTSAFE_HOME with a browser already paired. On a
real X desktop when Xvfb, trayer and dbus-run-session are installed (the icon then really sits in a tray),
otherwise on Qt's offscreen platform (a window stands in for the icon).
  * icon visible: launch until the app prints that its icon (or window) is shown;
  * first verdict: launch until the first POST /v1/check, sent as soon as the service is listening (it waits
    for the engine to warm up), returns a verdict;
  * memory: resident set of the app process (VmRSS) after the first verdict and after checking the report
    split of the corpus over HTTP, and its peak (VmHWM). The tray runs everything in this one process.
Targets (issue 6): icon < 1 s, first verdict < 3 s, memory <= 350 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

from common import ROOT, corpus

POST = "So proud of Maria from our youth shelter 💙 she just turned 15!"


def _status_kb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return float(line.split()[1])
    return float("nan")


def _app_pid(root_pid: int) -> int:
    """The python process running the app (under dbus-run-session it is a child of the session)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                cmd = (entry / "cmdline").read_bytes().split(b"\0")
                environ = (entry / "environ").read_bytes()
            except OSError:
                continue
            program = Path(cmd[0].decode(errors="replace")).name
            is_app = ("python" in program and b"clientsafe" in cmd) or program == "clientsafe"  # venv or frozen
            if is_app and b"tray" in cmd and f"BENCH_ROOT_PID={root_pid}".encode() in environ:
                return int(entry.name)
        time.sleep(0.05)
    raise RuntimeError("the app process did not appear")


FROZEN = ROOT / "dist" / "clientsafe" / "clientsafe"


def one_run(display: str | None, frozen: bool = False) -> dict[str, float]:
    home = Path(tempfile.mkdtemp(prefix="clientsafe-bench-"))
    env = {
        **os.environ,
        "CLIENTSAFE_HOME": str(home),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",  # the token file below, not a real keyring
        "PYTHONUNBUFFERED": "1",
        "LANGUAGE": "en",  # the app's terminal lines in English on any computer: read() looks for one of them
    }
    # Pair a browser first, as it would be on a staff machine.
    code = "from clientsafe.api.tokens import TokenStore;print(TokenStore(use_keyring=False).issue('bench browser')[1])"
    token = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    token_value = token.stdout.strip()
    program = [str(FROZEN)] if frozen else [sys.executable, "-m", "clientsafe"]
    command = [*program, "tray", "--org", str(ROOT / "tests/data/org_profile.json")]
    if display:
        env.update({"DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "BENCH_ROOT_PID": str(os.getpid())})
        env.pop("WAYLAND_DISPLAY", None)
        command = ["dbus-run-session", "--", *command]
    else:
        env.update({"QT_QPA_PLATFORM": "offscreen", "BENCH_ROOT_PID": str(os.getpid())})
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("ClientSafe started") and "icon_s" not in times:
                times["icon_s"] = time.perf_counter() - t0

    threading.Thread(target=read, daemon=True).start()
    service_file = home / "data" / "service.json"
    try:
        port = 0
        while not port:
            if proc.poll() is not None:
                raise RuntimeError("the app exited before its service started")
            try:
                port = json.loads(service_file.read_text())["port"]
            except (OSError, ValueError):  # not there yet, or being written
                time.sleep(0.01)
        times["service_s"] = time.perf_counter() - t0  # listening: the extension can see the app (starting)
        auth = {"Authorization": f"Bearer {token_value}"}
        url = f"http://127.0.0.1:{port}/v1/check"
        while True:
            try:
                verdict = requests.post(
                    url, json={"text": POST, "site": "facebook", "account": "personal"}, headers=auth, timeout=60
                ).json()
                break
            except requests.ConnectionError:
                time.sleep(0.01)
        times["first_verdict_s"] = time.perf_counter() - t0
        assert verdict["action"] == "block", verdict
        pid = _app_pid(os.getpid())
        times["rss_first_mb"] = _status_kb(pid, "VmRSS") / 1024
        for row in corpus("report"):
            requests.post(
                url, json={"text": row["text"], "site": "x", "account": row["account"]}, headers=auth, timeout=60
            )
        times["rss_after_corpus_mb"] = _status_kb(pid, "VmRSS") / 1024
        times["peak_rss_mb"] = _status_kb(pid, "VmHWM") / 1024
    finally:
        proc.terminate()
        proc.wait(10)
        shutil.rmtree(home, ignore_errors=True)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--frozen", action="store_true", help="launch the frozen app from `make package` (what IT installs) instead"
    )
    args = parser.parse_args()
    if args.frozen and not FROZEN.exists():
        sys.exit(f"{FROZEN} does not exist: run `make package` first")
    xvfb = None
    display = None
    if all(shutil.which(t) for t in ("Xvfb", "trayer", "dbus-run-session")):
        read, write = os.pipe()
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as f:
            display = ":" + f.readline().strip()
        env = {**os.environ, "DISPLAY": display}
        tray_host = subprocess.Popen(
            ["trayer", "--edge", "top", "--align", "right"], env=env, stderr=subprocess.DEVNULL
        )
        time.sleep(0.5)
    where = f"X display {display} with trayer" if display else "Qt offscreen platform (no tray: window instead)"
    launched = "the frozen app's `clientsafe tray`" if args.frozen else "`python -m clientsafe tray`"
    print(f"Tray app start-up, {args.runs} fresh launches of {launched} on {where}")
    runs = []
    try:
        for _ in range(args.runs):
            runs.append(one_run(display, args.frozen))
    finally:
        if xvfb is not None:
            tray_host.terminate()
            xvfb.terminate()
    for key, label, target in (
        ("icon_s", "launch to icon visible", "< 1 s"),
        ("service_s", "launch to service listening", "-"),
        ("first_verdict_s", "launch to first verdict", "< 3 s"),
        ("rss_first_mb", "resident memory after first verdict", "<= 350 MB"),
        ("rss_after_corpus_mb", f"resident memory after {len(corpus('report'))} more checks", "<= 350 MB"),
        ("peak_rss_mb", "peak resident memory (VmHWM)", "<= 350 MB"),
    ):
        values = [r[key] for r in runs if key in r]
        unit = "s" if key.endswith("_s") else "MB"
        shown = "  ".join(f"{v:.2f}" if unit == "s" else f"{v:.0f}" for v in values)
        print(f"  {label:45s} median {statistics.median(values):7.2f} {unit}  (runs: {shown})  target {target}")


if __name__ == "__main__":
    main()
