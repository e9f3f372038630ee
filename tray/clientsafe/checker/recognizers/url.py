"""Web addresses (HIPAA Safe Harbor lists URLs): Presidio's UrlRecognizer, with a guard for prose.

Presidio's pattern (from CommonRegex) knows the top-level domains; in a social post it also matches things that
are not addresses, and those are turned away here:

* the end of a longer word ("microsoft.community" read as "microsoft.com"), or the domain of an e-mail or
  handle ("rosa@gmail.com": the e-mail recognizer reports that);
* a missing space after a full stop, "got home.It was late" (Italy), and file names ("notes.md", "run.sh").

A scheme ("https://") or "www." is never doubted. Trailing punctuation (the full stop that ends the sentence) is
left out of the span, and so are the quotes around a quoted address.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import UrlRecognizer

from clientsafe.checker.recognizers.presidio_guard import Guarded, token_around

# Country domains that are also file extensions people type.
_FILE_EXTENSIONS = frozenset({"py", "sh", "md", "pl", "rs", "cs", "ps", "ai", "so", "mov", "sb", "ml", "ms"})
_TRAILING = ".,;:!?"
_QUOTES = "\"'"
# A dot between a letter or digit and a letter: no post without one can hold an address.
_MAY_HOLD_ADDRESS = re.compile(r"[a-z0-9]\.[a-z]", re.IGNORECASE)


class WebAddressRecognizer(Guarded, UrlRecognizer):
    CUES = ["url", "website", "web site", "link", "site", "page", "página", "sitio", "enlace"]
    CUE_BOOST = 0.1

    def __init__(self) -> None:
        # Presidio's schemed and schemeless patterns; its two "quoted" variants find the same addresses with
        # the quotes included, which the guard strips again.
        super().__init__(patterns=UrlRecognizer.PATTERNS[:2], supported_entity="URL", name="WebAddressRecognizer")

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        if not _MAY_HOLD_ADDRESS.search(text):
            return []  # most posts: Presidio's pattern (every top-level domain) is not cheap
        return super().analyze(text, entities, nlp_artifacts, regex_flags)

    def guard(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        start, end = result.start, result.end
        if end < len(text) and (text[end].isalnum() or text[end] in "@_"):
            return None  # the start of a longer word
        if text[start] in _QUOTES:
            start += 1
        while end > start and (text[end - 1] in _TRAILING or text[end - 1] in _QUOTES):
            end -= 1
        for opening, closing in ("()", "[]"):  # a closing bracket the address did not open
            inside = text[start:end]
            if end > start and text[end - 1] == closing and inside.count(opening) < inside.count(closing):
                end -= 1
        value = text[start:end]
        token = token_around(text, start, end)
        at = token.find(value)
        if at > 0 and "@" in token[:at]:
            return None  # the domain of an e-mail address or a handle
        lowered = value.lower()
        if "://" not in lowered and not lowered.startswith("www"):
            host, _, path = value.partition("/")
            tld = host.rsplit(".", 1)[-1]
            if not path and tld[:1].isupper() and not tld.isupper():
                return None  # "home.It": a sentence missing its space
            if not path and tld.lower() in _FILE_EXTENSIONS:
                return None
        result.start, result.end = start, end
        return result
