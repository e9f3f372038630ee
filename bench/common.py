"""Shared helpers for the benchmarks: the corpus, the organisation profile, percentiles, memory."""

from __future__ import annotations

import json
import os
import statistics
import sys
from pathlib import Path

# Plain Presidio's default e-mail recognizer asks tldextract for the public suffix list, which means a
# download on first use. The baseline must stay offline too: use tldextract's bundled snapshot.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "posts.jsonl"
ORG = ROOT / "tests" / "data" / "org_profile.json"
sys.path.insert(0, str(ROOT / "bench"))


def corpus(split: str | None = "report") -> list[dict]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split in (None, "all") or r["split"] == split]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def summary(values: list[float], show_max: bool = False) -> str:
    if not values:
        return "no samples"
    worst = f"max {max(values):7.2f} ms  " if show_max else ""
    return (
        f"p50 {percentile(values, 50):7.2f} ms  p95 {percentile(values, 95):7.2f} ms  "
        f"{worst}mean {statistics.fmean(values):7.2f} ms  (n={len(values)})"
    )


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB; NaN where the POSIX-only ``resource`` module is missing
    (Windows), so a benchmark still runs there and prints "nan" instead of a guessed figure."""
    try:
        import resource
    except ImportError:
        return float("nan")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # ru_maxrss is in kilobytes on Linux and in bytes on macOS (getrusage(2) on each).
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
