"""The frozen app from `make package`: size on disk, and launch to first verdict, offline.

    python bench/frozen_app.py [--runs 5]

Builds nothing: run `make package` first (`make bench` does not rebuild). Measures
* size on disk of dist/clientsafe/ (what /opt/clientsafe holds) and of the .deb download;
* launch to first verdict: `dist/clientsafe/clientsafe check --json "..."` from process start to the printed
  verdict, in a fresh process each run, inside an empty network namespace where one can be made (as the
  staff member's machine would be offline); the same command from the Python venv for comparison.
Targets from the issue: under 300 MB on disk, under 3 s to the first verdict.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import ROOT

POST = "So proud of Maria from our youth shelter 💙 she just turned 15!"
DIST = ROOT / "dist"


def size_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6


def offline_prefix() -> list[str]:
    for prefix in (["unshare", "--net"], ["unshare", "-rn"]):
        if shutil.which("unshare") and subprocess.run([*prefix, "true"], capture_output=True).returncode == 0:
            return prefix
    print("note: no network namespace available; measuring with the network present")
    return []


def time_runs(command: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock seconds and CPU seconds (user + system) of each fresh process. On a shared, loaded machine the
    wall clock includes waiting for a core; the CPU time shows what the start-up itself costs."""
    wall, cpu = [], []
    for _ in range(runs):
        # os.times() rather than resource.getrusage: same children's CPU figures, and it exists on Windows too
        before = os.times()
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, timeout=300)
        wall.append(time.perf_counter() - started)
        after = os.times()
        cpu.append(after.children_user - before.children_user + after.children_system - before.children_system)
        assert json.loads(result.stdout)["action"] == "block", result.stderr
    return wall, cpu


def line(name: str, wall: list[float], cpu: list[float]) -> str:
    return (
        f"  {name}: median {statistics.median(wall):.2f} s wall (min {min(wall):.2f}, max {max(wall):.2f}), "
        f"median {statistics.median(cpu):.2f} s CPU"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = DIST / "clientsafe" / "clientsafe"
    if not app.exists():
        print(f"{app} not found: run `make package` first.")
        return 1
    total = size_mb(app.parent)
    internal = app.parent / "_internal"
    biggest = sorted((size_mb(p) if p.is_dir() else p.stat().st_size / 1e6, p.name) for p in internal.iterdir())[-5:]
    print(f"Frozen app on disk (dist/clientsafe): {total:.0f} MB (aim < 300 MB)")
    print("  largest parts: " + ", ".join(f"{name} {mb:.0f} MB" for mb, name in reversed(biggest)))
    for deb in sorted(DIST.glob("clientsafe_*.deb")):
        print(f".deb download ({deb.name}): {deb.stat().st_size / 1e6:.0f} MB")

    prefix = offline_prefix()
    frozen = time_runs([*prefix, str(app), "check", "--json", POST], args.runs)
    venv = time_runs([*prefix, sys.executable, "-m", "clientsafe", "check", "--json", POST], args.runs)
    where = "offline (empty network namespace)" if prefix else "network present"
    load = os.getloadavg()[0]
    print(f"Launch to first verdict, {where}, {args.runs} fresh processes each (aim < 3 s; load average {load:.1f}):")
    print(line("frozen app ", *frozen))
    print(line("Python venv", *venv))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
