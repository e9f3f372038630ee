"""IP addresses (a HIPAA Safe Harbor identifier): Presidio's IpRecognizer, with a guard for prose.

Presidio validates each match with the standard library's ``ipaddress``. What it cannot tell is that a dotted
number after "version", "v", "build" or "section" is a version or a paragraph, not an address.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers import IpRecognizer

from clientsafe.checker.recognizers.presidio_guard import Guarded

_NOT_ADDRESS_BEFORE = re.compile(
    r"(?:\b(?:version|ver|v|build|release|rev|revision|section|sec|chapter|ch|rule|step|item|art|article|"
    r"versión|sección|artículo|capítulo)\.?\s*|§\s*|\bv)$",
    re.IGNORECASE,
)


class IpAddressRecognizer(Guarded, IpRecognizer):
    CUES = ["ip", "ipv4", "ipv6", "address", "logged", "login", "dirección ip", "server", "router"]
    CUE_BOOST = 0.35  # as Presidio's context enhancer gives

    def __init__(self) -> None:
        super().__init__(name="IpAddressRecognizer")

    def guard(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        if _NOT_ADDRESS_BEFORE.search(text[max(0, result.start - 12) : result.start]):
            return None
        return result
