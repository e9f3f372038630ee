"""Passport numbers: Presidio's UsPassportRecognizer, plus a cued pattern for other countries' passports.

Presidio's two shapes (nine digits; a letter and eight digits) are "very weak" on their own (0.05 and 0.1):
any nine-digit number has the first shape. They count here only next to a cue ("passport", "pasaporte",
"travel document"), which lifts them over the threshold. Many clients carry a passport from elsewhere (Mexico,
Guatemala, Honduras...), whose numbers have other shapes, so a number right after "passport no." counts
whatever its shape.
"""

from __future__ import annotations

import regex
from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import UsPassportRecognizer

from clientsafe.checker.recognizers.presidio_guard import Guarded

_CUE = r"(?:passport|pasaporte|passeport|travel document|documento de viaje)"
_CUED = Pattern(
    "Passport after its cue",
    r"(?<=\b"
    + _CUE
    + r"(?:'s)?\s{0,3}(?:no\.?|number|num\.?|#|n[úu]mero|n[°º])?\s{0,3}(?:is|es|was|era)?\s{0,3}[:#]?\s{0,3})"
    r"(?=[A-Z]{0,3}[- ]?\d)[A-Z0-9]{1,3}[- ]?\d{5,9}\b",
    0.6,
)
_HAS_CUE = regex.compile(r"\b" + _CUE, regex.IGNORECASE)


class PassportRecognizer(Guarded, UsPassportRecognizer):
    CUES = [_CUE]
    CUE_BOOST = 0.5

    def __init__(self) -> None:
        super().__init__(
            patterns=[*UsPassportRecognizer.PATTERNS, _CUED], supported_entity="PASSPORT", name="PassportRecognizer"
        )

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        # Without a cue nothing can reach the threshold (0.05 and 0.1); most posts stop here.
        if not _HAS_CUE.search(text):
            return []
        return super().analyze(text, entities, nlp_artifacts, regex_flags)
