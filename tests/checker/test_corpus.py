"""The labelled corpus is well formed, and the checker keeps its footing on the tuning split.

The figures that matter are printed by bench/accuracy.py on the report split; this is a floor that
catches a regression (a broken lexicon, a rule typo) in `make test`.
"""

from collections import Counter

SITES = {
    "facebook",
    "instagram",
    "x",
    "threads",
    "linkedin",
    "bluesky",
    "reddit",
    "mastodon",
    "youtube",
    "nextdoor",
    "tiktok",
}


def test_corpus_is_well_formed_and_large_enough(corpus):
    assert len(corpus) >= 250
    assert len({r["id"] for r in corpus}) == len(corpus)
    assert len({r["text"] for r in corpus}) == len(corpus)
    for r in corpus:
        assert r["label"] in {"allow", "warn", "block"} and r["account"] in {"personal", "org"}
        assert r["site"] in SITES and r["split"] in {"tune", "report"} and r["why"].strip()
    counts = Counter((r["split"], r["label"]) for r in corpus)
    assert all(counts[("report", label)] >= 30 for label in ("allow", "warn", "block"))


def test_checker_keeps_a_floor_on_the_tuning_split(checker, corpus):
    rows = [r for r in corpus if r["split"] == "tune"]
    actions = [checker.check(r["text"], account=r["account"]).action for r in rows]
    risky = [a for r, a in zip(rows, actions, strict=True) if r["label"] != "allow"]
    harmless = [a for r, a in zip(rows, actions, strict=True) if r["label"] == "allow"]
    assert sum(a != "allow" for a in risky) / len(risky) >= 0.90
    assert sum(a != "allow" for a in harmless) / len(harmless) <= 0.08
