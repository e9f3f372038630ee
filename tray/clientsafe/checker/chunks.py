"""Cut a post into stretches that an edit leaves alone, so as-you-type checks re-use the work.

A chunk is a run of whole sentences of at least ``MIN_CHARS`` characters (the last may be shorter). The cut
depends only on the sentences themselves, not on where the post starts, so a one-word edit changes the chunk
it lands in (and, when it moves a chunk across the size line, its neighbour); every other chunk keeps its text
and is found again in the caches of the NLP pass and of the sentence encoder.
"""

from __future__ import annotations

import re

MIN_CHARS = 400
# A sentence ends at . ! ? … (and runs of them, with closing quotes/brackets/emoji) followed by white space, or
# at a line break.
_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+|\n+")


def chunk_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.end() - start >= MIN_CHARS:
            spans.append((start, m.end()))
            start = m.end()
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return spans


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Every sentence (used to point at the part of a post the learned layer relied on)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if text[start : m.start()].strip():
            spans.append((start, m.start() + len(m.group().rstrip())))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans
