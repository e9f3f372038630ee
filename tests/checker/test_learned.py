"""The learned risk layer: its corpus, its shipped weights, what happens when they are missing or damaged, and
that hard evidence is never outvoted. Accuracy figures are printed by bench/accuracy.py, never asserted here."""

from __future__ import annotations

import io
import json
import shutil
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from clientsafe.checker import train
from clientsafe.checker.learned import MODEL_JSON, MODEL_NPZ, LearnedLayerError, Post, RiskModel

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "corpus"
DATA = ROOT / "tray" / "clientsafe" / "data"
FIELDS = {"id", "writer", "role", "lang", "account", "site", "kind", "text", "label", "served", "categories", "why"}


def rows() -> list[dict]:
    return train.read_rows(sorted(CORPUS.glob("*.jsonl")))


def test_the_corpus_is_large_bilingual_and_from_at_least_six_writers():
    corpus = rows()
    assert len(corpus) >= 4000
    assert sum(r["lang"] in {"es", "spanglish"} for r in corpus) >= 800
    writers = Counter(r["writer"] for r in corpus)
    assert len(writers) >= 6 and set(train.HELD_OUT) <= set(writers)
    assert len({r["id"] for r in corpus}) == len(corpus)
    for r in corpus:
        assert set(r) == FIELDS, r["id"]
        assert r["label"] in {"allow", "warn", "block"} and r["account"] in {"personal", "org"}
        assert r["lang"] in {"en", "es", "spanglish"} and r["text"].strip() and r["why"].strip()


def test_when_the_corpus_changes_then_the_shipped_weights_are_stale():
    meta = json.loads((DATA / MODEL_JSON).read_text(encoding="utf-8"))
    files = [*train.corpus_files(CORPUS), ROOT / "tests" / "data" / "posts.jsonl"]
    assert meta["corpus_sha256"] == train.corpus_sha256(files), "the corpus changed: run `make train`"
    assert meta["held_out"] == list(train.HELD_OUT)
    assert not set(meta["corpus_files"]) & {f"{w}.jsonl" for w in train.HELD_OUT}


def test_training_is_reproducible_byte_for_byte(tmp_path):
    """Two trainings on the same (small) corpus write the same files; `make train` is this on the whole corpus."""
    small = tmp_path / "corpus"
    small.mkdir()
    for name in ("w1", "w2", "w4"):
        lines = (CORPUS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()[:90]
        (small / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    first, second = tmp_path / "a", tmp_path / "b"
    train.CATEGORY_MIN = 1_000  # no category heads: the small sample has too few of each
    try:
        log = io.StringIO()
        train.train(small, first, log=log)
        train.train(small, second, log=log)
    finally:
        train.CATEGORY_MIN = 30
    assert (first / MODEL_NPZ).read_bytes() == (second / MODEL_NPZ).read_bytes()
    assert (first / MODEL_JSON).read_text() == (second / MODEL_JSON).read_text()


def test_the_shipped_model_loads_and_has_the_deciding_heads():
    model = RiskModel.load()
    assert {"risky", "block", "served"} <= set(model.heads)
    for account in ("personal", "org"):
        t = model.thresholds[account]
        assert 0 < t["warn"] < 1 and 0 < t["block"] < 1


@pytest.mark.parametrize("damage", ["missing json", "missing weights", "damaged weights", "broken json"])
def test_when_a_model_file_is_missing_or_damaged_then_the_message_names_the_file(tmp_path, damage):
    for name in (MODEL_JSON, MODEL_NPZ):
        shutil.copy(DATA / name, tmp_path / name)
    if damage == "missing json":
        (tmp_path / MODEL_JSON).unlink()
    elif damage == "missing weights":
        (tmp_path / MODEL_NPZ).unlink()
    elif damage == "damaged weights":
        raw = bytearray((tmp_path / MODEL_NPZ).read_bytes())
        raw[len(raw) // 2] ^= 0xFF
        (tmp_path / MODEL_NPZ).write_bytes(bytes(raw))
    else:
        (tmp_path / MODEL_JSON).write_text("{not json", encoding="utf-8")
    with pytest.raises(LearnedLayerError) as e:
        RiskModel.load(tmp_path)
    message = str(e.value)
    assert str(tmp_path) in message and "Reinstall" in message
    assert "Traceback" not in message


def test_when_the_learned_layer_is_off_then_every_verdict_says_so(checker, monkeypatch):
    monkeypatch.setattr(checker, "risk", None)
    monkeypatch.setattr(checker, "learned_problem", "The learned layer's file x is missing.")
    verdict = checker.check("So proud of Maria from our youth shelter, she just turned 15!")
    assert verdict.engine["learned"].startswith("off:")
    assert verdict.action == "block"  # the rules still protect, and say they decide alone


def test_with_the_learned_layer_on_the_verdict_says_so(checker):
    assert checker.check("Hello world").engine["learned"] == "on"


@pytest.mark.parametrize(
    "text",
    [
        "Can't believe I'm posting this but my client's SSN is 412-68-2291, who does that",
        "Reminder for myself: Medicaid ID 98765432A for the Tuesday intake lol",
    ],
)
def test_hard_evidence_is_never_outvoted_by_the_model(checker, monkeypatch, text):
    """Even a model that calls everything harmless cannot lower an ID number's block."""
    model = checker.risk
    monkeypatch.setattr(
        model, "thresholds", {"personal": {"warn": 1.1, "block": 1.1}, "org": {"warn": 1.1, "block": 1.1}}
    )
    verdict = checker.check(text)
    assert verdict.action == "block"
    assert "ID_NUMBER" in [r.code for r in verdict.reasons]


def test_a_call_the_model_makes_alone_still_gives_a_plain_reason_and_highlights_what_it_relied_on(checker, monkeypatch):
    """With no phrase rule firing, the layer's own reason is one of the plain-language, policy-linked ones, and
    the sentence it relied on is marked."""
    model = checker.risk
    monkeypatch.setattr(
        model, "thresholds", {"personal": {"warn": 0.0, "block": 1.1}, "org": {"warn": 0.0, "block": 1.1}}
    )
    text = "Long day. The one with the blue truck finally came back on Tuesday. Coffee time."
    verdict = checker.check(text)
    assert verdict.action == "warn"
    reasons = json.loads((ROOT / "shared" / "reasons.json").read_text(encoding="utf-8"))
    assert verdict.reasons and all(r.code in reasons and r.policy_ref for r in verdict.reasons)
    marked = [f for f in verdict.findings if f.source == "model"]
    if not any(f.category in {"relationship", "sensitive", "youth"} for f in verdict.findings):
        assert marked and all(0 <= f.start < f.end <= len(text) for f in marked)


def test_review_replies_that_the_model_holds_get_the_review_reason(checker, monkeypatch):
    model = checker.risk
    monkeypatch.setattr(
        model, "thresholds", {"personal": {"warn": 0.0, "block": 0.0}, "org": {"warn": 0.0, "block": 0.0}}
    )
    verdict = checker.check(
        "Thanks for stopping by last week, hope the new smile feels great!", "org", "google_reviews"
    )
    codes = [r.code for r in verdict.reasons]
    assert "REVIEW_REPLY_CONFIRMS" in codes or any(c.startswith("CLIENT") for c in codes)


def test_features_have_the_width_the_weights_expect(checker):
    model = checker.risk
    x = model.features(Post("hola", [], set(), "personal", False, "es", frozenset()))
    assert x.shape == (model.weights.shape[1],) and np.isfinite(x).all()
