"""DEA registration numbers (a prescriber's certificate number): Presidio's MedicalLicenseRecognizer.

Presidio validates the DEA check digit. Its pattern has no word boundaries, so it also matches inside longer
codes ("XAB1234563Z", a tracking or order number); one in ten random letter-letter-seven-digit strings passes
the check digit. The guard keeps only a number that stands on its own.
"""

from __future__ import annotations

from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers import MedicalLicenseRecognizer

from clientsafe.checker.recognizers.presidio_guard import Guarded


class DeaNumberRecognizer(Guarded, MedicalLicenseRecognizer):
    CUES = ["dea", "certificate", "license", "licence", "prescriber", "registration", "certificado", "licencia"]
    CUE_BOOST = 0.0  # Presidio's check digit already gives the top score

    def __init__(self) -> None:
        super().__init__(name="DeaNumberRecognizer")

    def guard(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        before = text[result.start - 1] if result.start > 0 else " "
        after = text[result.end] if result.end < len(text) else " "
        if before.isalnum() or after.isalnum() or before in "-_/" or after in "-_/":
            return None
        return result
