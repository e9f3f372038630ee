"""Device identifiers, network side: MAC addresses, through Presidio's MacAddressRecognizer.

HIPAA Safe Harbor lists "device identifiers and serial numbers". A MAC address names one phone, laptop or
medical device. Presidio validates the hex groups and drops the broadcast and all-zero addresses; the guard
here drops six two-digit groups that are all decimal and separated by dashes, which in a post is a date or a
score line ("12-10-24-08-30-15"), not hardware.
"""

from __future__ import annotations

from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers import MacAddressRecognizer

from clientsafe.checker.recognizers.presidio_guard import Guarded


class MacAddressDeviceRecognizer(Guarded, MacAddressRecognizer):
    CUES = ["mac", "device", "hardware", "wifi", "wi-fi", "ethernet", "network", "router", "dispositivo", "red"]
    CUE_BOOST = 0.2
    CUE_WINDOW = 60  # "blocked 70-61-70-24-66-69 from the guest network"

    def __init__(self) -> None:
        super().__init__(name="MacAddressDeviceRecognizer")

    def guard(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end]
        if "-" in value and value.replace("-", "").isdigit() and not self.cue_near(text, result.start, result.end):
            return None
        return result
