"""E-mail addresses, validated against the public-suffix snapshot bundled with tldextract.

Presidio's own EmailRecognizer calls ``tldextract.extract``, which fetches the suffix list from the
internet on first use. ClientSafe must never reach out, so the extractor here reads only the snapshot.
"""

from functools import cached_property

import tldextract

from clientsafe.checker.recognizers.base import RegexRecognizer


class OfflineEmailRecognizer(RegexRecognizer):
    ENTITY = "EMAIL_ADDRESS"
    PATTERNS = [
        ("email", r"(?<![\w.+-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)+(?<![.-])", 0.7),
    ]

    @cached_property
    def _extract(self) -> tldextract.TLDExtract:
        return tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True)

    def validate(self, text: str, value: str, score: float) -> float | None:
        domain = value.rsplit("@", 1)[1]
        return score if self._extract(domain).suffix else None
