"""Presidio's own predefined recognizers, run the way ClientSafe runs its own.

Where Presidio already recognises an identifier (URLs, IP and MAC addresses, IBANs, ITINs, passports, DEA
numbers, phone numbers through libphonenumber) we reuse its recognizer instead of writing the pattern again.
Two things differ from plain Presidio:

* Context. Presidio raises a score when a context word is near, through its lemma enhancer, which needs
  spaCy's tagger and lemmatizer (most of spaCy's time, and switched off here: see analyzer.py). A recognizer
  built with :class:`Guarded` raises the score itself when one of its ``CUES`` stands just before or after the
  match, the same cheap way our own RegexRecognizer does (base.py).
* A guard. ``guard`` may drop a match or change its score or span: this is where the false alarms a recognizer
  raises in social posts (a version number read as an IP address, "p.m." read as a web address) are
  turned away.

Use it as the first base: ``class UrlFinder(Guarded, UrlRecognizer)``. A recognizer whose Presidio pattern is
costly on some text may override ``presidio_results`` to run it on less of the text.

No call reports more than ``MAX_RESULTS`` findings: a post never holds hundreds of IP addresses, and text that
does ("1.1.1.1.1..." pasted 10,000 times) would otherwise cost the later stages time in proportion to the
square of the count. One finding is enough to hold the post.
"""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from clientsafe.checker.recognizers.base import FLAGS

MAX_RESULTS = 100


class Guarded:
    CUES: ClassVar[list[str]] = []
    CUE_WINDOW: ClassVar[int] = 40
    CUE_BOOST: ClassVar[float] = 0.35

    _cue_pattern: regex.Pattern | None = None

    def cue_near(self, text: str, start: int, end: int) -> bool:
        cls = type(self)
        if not cls.CUES:
            return False
        if cls.__dict__.get("_cue_pattern") is None:
            cls._cue_pattern = regex.compile(r"\b(?:" + "|".join(cls.CUES) + r")(?!\w)", FLAGS)
        pattern = cls._cue_pattern
        assert pattern is not None
        before = text[max(0, start - cls.CUE_WINDOW) : start]
        after = text[end : end + cls.CUE_WINDOW // 2]
        return bool(pattern.search(before) or pattern.search(after))

    def guard(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        """Return the result to report (its score or span may be changed), or None to drop it."""
        return result

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        kept: list[RecognizerResult] = []
        for result in self.presidio_results(text, entities, nlp_artifacts):
            if len(kept) >= MAX_RESULTS:
                break
            if self.cue_near(text, result.start, result.end):
                result.score = result.score + self.CUE_BOOST
            guarded = self.guard(text, result)
            if guarded is None or guarded.end <= guarded.start:
                continue
            guarded.score = min(1.0, guarded.score)
            kept.append(guarded)
        return kept

    def presidio_results(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None
    ) -> list[RecognizerResult]:
        """What the Presidio recognizer itself reports."""
        return super().analyze(text, entities, nlp_artifacts)  # type: ignore[misc]


def token_around(text: str, start: int, end: int) -> str:
    """The whitespace-delimited piece of ``text`` that contains [start, end)."""
    left = start
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace():
        right += 1
    return text[left:right]
