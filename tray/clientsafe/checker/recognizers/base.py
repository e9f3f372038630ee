"""A small regex recognizer for Presidio with our own cheap context boost.

Presidio's ``PatternRecognizer`` reports the whole match and leaves context to the lemma-based enhancer,
which needs the tagger and lemmatizer (most of spaCy's time). Ours reports the named group ``v`` when
there is one ("MRN 00482913" -> "00482913"), raises the score when a cue word stands just before the
match, and lets each recognizer veto or re-score a match in ``validate``.
"""

from __future__ import annotations

import re
from typing import ClassVar

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

FLAGS = regex.IGNORECASE | regex.VERSION1


def _compile(pattern: str, case_sensitive: bool):  # type: ignore[no-untyped-def]
    """The standard library's engine where the pattern allows (it is several times faster); `regex` for
    the few that need Unicode properties (\\p{Lu}), variable-length look-behinds or repeated group names."""
    try:
        return re.compile(pattern, 0 if case_sensitive else re.IGNORECASE)
    except re.error:
        return regex.compile(pattern, regex.VERSION1 if case_sensitive else FLAGS)


class RegexRecognizer(EntityRecognizer):
    ENTITY: ClassVar[str] = ""
    # Recognizers that report more than one type (ages) list them all here.
    ENTITIES: ClassVar[list[str]] = []
    # (name, pattern, score) or (name, pattern, score, entity); a pattern may use a named group "v"
    # for the reported span.
    PATTERNS: ClassVar[list[tuple]] = []
    CONTEXT: ClassVar[list[str]] = []
    CONTEXT_WINDOW: ClassVar[int] = 40
    CONTEXT_BOOST: ClassVar[float] = 0.35
    CASE_SENSITIVE: ClassVar[bool] = False

    def __init__(self) -> None:
        self._compiled = [
            (spec[0], _compile(spec[1], self.CASE_SENSITIVE), spec[2], spec[3] if len(spec) > 3 else self.ENTITY)
            for spec in self.PATTERNS
        ]
        self._context = regex.compile(r"\b(?:" + "|".join(self.CONTEXT) + r")\b", FLAGS) if self.CONTEXT else None
        super().__init__(supported_entities=self.ENTITIES or [self.ENTITY], name=type(self).__name__)

    def load(self) -> None:  # patterns are compiled in __init__
        pass

    def validate(self, text: str, value: str, score: float) -> float | None:
        """Return the score to report, or None to drop the match."""
        return score

    def entity_for(self, value: str, pattern_entity: str) -> str:
        return pattern_entity

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        seen: set[tuple[int, int]] = set()
        for _name, pattern, base_score, pattern_entity in self._compiled:
            for match in pattern.finditer(text):
                group = "v" if "v" in pattern.groupindex and match.group("v") is not None else 0
                start, end = match.span(group)
                if (start, end) in seen or end <= start:
                    continue
                score = base_score
                if self._context is not None:
                    before = text[max(0, match.start() - self.CONTEXT_WINDOW) : match.start()]
                    # A cue just after counts too ("858553640 is the SSN on the card").
                    after = text[match.end() : match.end() + self.CONTEXT_WINDOW // 2]
                    if any(self._context.search(t) for t in (before, text[match.start() : start], after)):
                        score = min(1.0, score + self.CONTEXT_BOOST)
                checked = self.validate(text, text[start:end], score)
                if checked is None:
                    continue
                entity = self.entity_for(text[start:end], pattern_entity)
                if entities and entity not in entities:
                    continue
                seen.add((start, end))
                results.append(RecognizerResult(entity, start, end, min(1.0, checked)))
        return results
