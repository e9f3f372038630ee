"""Context from phrase lists: who the writer is talking about and what about.

Each ``lexicons/<TYPE>.txt`` file is one finding type; each line one regular expression, matched
case-insensitively on word boundaries. All lines of a file are compiled into one alternation so a
post is scanned once per type, whatever the length of the lists.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import regex

# The category of each lexicon type; every other file is a sensitive category.
CATEGORY = {"CLIENT_RELATIONSHIP": "relationship", "FAMILY": "family", "YOUTH": "youth"}


@dataclass(frozen=True)
class Hit:
    """A finding on the normalised text (Python offsets), before mapping back to the original."""

    type: str
    category: str
    start: int
    end: int
    score: float
    source: str


def _read_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@functools.lru_cache(maxsize=1)
def compiled_lexicons() -> tuple[tuple[str, str, regex.Pattern[str]], ...]:
    folder = resources.files("clientsafe.checker") / "lexicons"
    out = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".txt"):
            continue
        kind = entry.name[:-4]
        lines = _read_lines(entry.read_text(encoding="utf-8"))
        pattern = regex.compile(
            r"(?<![\w'])(?:" + "|".join(f"(?:{line})" for line in lines) + r")(?![\w])",
            regex.IGNORECASE | regex.VERSION1,
        )
        out.append((kind, CATEGORY.get(kind, "sensitive"), pattern))
    return tuple(out)


def find_context(text: str) -> list[Hit]:
    hits = []
    for kind, category, pattern in compiled_lexicons():
        for match in pattern.finditer(text):
            if match.end() > match.start():
                hits.append(Hit(kind, category, match.start(), match.end(), 0.8, "lexicon"))
    return hits
