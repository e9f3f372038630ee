"""IBANs (bank account numbers, a HIPAA Safe Harbor identifier): Presidio's IbanRecognizer as it is.

Presidio checks the country's format and the ISO 7064 check digits, so a match is an IBAN; nothing needs
guarding. It is wrapped only so that "IBAN", "cuenta" and the like near it count as cues.
"""

from __future__ import annotations

from presidio_analyzer.predefined_recognizers import IbanRecognizer

from clientsafe.checker.recognizers.presidio_guard import Guarded


class IbanCodeRecognizer(Guarded, IbanRecognizer):
    CUES = ["iban", "bank", "account", "transfer", "wire", "cuenta", "banco", "transferencia"]

    def __init__(self) -> None:
        super().__init__(name="IbanCodeRecognizer")
