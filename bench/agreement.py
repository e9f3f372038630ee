"""Agreement between the writers' labels and a second labeller's, on a sample of the corpus.

A second labeller, who saw only docs/labelling.md and the posts (not the writers' labels, the checker or its
lexicons), relabelled 320 posts: 40 drawn at random from each writer (tests/data/corpus_relabel/). Cohen's kappa
says how far the two agree beyond chance; the confusion table shows where they part.
"""

from __future__ import annotations

import json
from collections import Counter

import common  # noqa: F401
from common import ROOT

LABELS = ("allow", "warn", "block")


def cohen_kappa(a: list[str], b: list[str]) -> float:
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in LABELS) / (n * n)
    return (observed - expected) / (1 - expected)


def main() -> None:
    corpus = {}
    for path in sorted((ROOT / "tests" / "data" / "corpus").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                corpus[row["id"]] = row
    second = [
        json.loads(line)
        for line in (ROOT / "tests" / "data" / "corpus_relabel" / "second_labeller.jsonl")
        .read_text("utf-8")
        .splitlines()
        if line.strip()
    ]
    first = [corpus[r["id"]]["label"] for r in second]
    other = [r["label"] for r in second]
    print(
        f"Second labeller: {len(second)} posts, 40 from each of {len({r['id'].split('-')[0] for r in second})} writers"
    )
    print(f"  raw agreement {sum(x == y for x, y in zip(first, other, strict=True)) / len(first):.1%}")
    print(f"  Cohen's kappa (3 labels)            {cohen_kappa(first, other):.3f}")
    risky = ["allow" if x == "allow" else "block" for x in first]
    risky2 = ["allow" if x == "allow" else "block" for x in other]
    print(f"  Cohen's kappa (allow vs not)        {cohen_kappa(risky, risky2):.3f}")
    print("  confusion (rows: writer, columns: second labeller)")
    print("  " + " " * 8 + "".join(f"{k:>8}" for k in LABELS))
    pairs = Counter(zip(first, other, strict=True))
    for k in LABELS:
        print(f"  {k:8}" + "".join(f"{pairs[(k, j)]:>8}" for j in LABELS))
    for lang in ("en", "es"):
        ids = [i for i, r in enumerate(second) if (corpus[r["id"]]["lang"] == "en") == (lang == "en")]
        print(
            f"  kappa, {'English' if lang == 'en' else 'Spanish/Spanglish'} ({len(ids)} posts): "
            f"{cohen_kappa([first[i] for i in ids], [other[i] for i in ids]):.3f}"
        )


if __name__ == "__main__":
    main()
