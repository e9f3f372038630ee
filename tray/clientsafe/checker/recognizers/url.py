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

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import UrlRecognizer

from clientsafe.checker.recognizers.presidio_guard import Guarded, token_around

# Country domains that are also file extensions people type.
_FILE_EXTENSIONS = frozenset({"py", "sh", "md", "pl", "rs", "cs", "ps", "ai", "so", "mov", "sb", "ml", "ms"})
_TRAILING = ".,;:!?"
_QUOTES = "\"'"
# A dot between a letter or digit and a letter: no word without one can hold an address.
_MAY_HOLD_ADDRESS = re.compile(r"[a-z0-9]\.[a-z]", re.IGNORECASE)
# Words an address can start: after white space, brackets or quotes.
_WORD = re.compile(r"[^\s()<>\[\]{}\"'“”‘’«»]+")


class WebAddressRecognizer(Guarded, UrlRecognizer):
    CUES = ["url", "website", "web site", "link", "site", "page", "página", "sitio", "enlace"]
    CUE_BOOST = 0.1

    def __init__(self) -> None:
        # Presidio's schemed and schemeless patterns (its two "quoted" variants find the same addresses with the
        # quotes included), tried at the start of each word (presidio_results).
        super().__init__(patterns=UrlRecognizer.PATTERNS[:2], supported_entity="URL", name="WebAddressRecognizer")
        self._anchored = [(regex.compile(p.regex), p.score) for p in UrlRecognizer.PATTERNS[:2]]

    def presidio_results(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None
    ) -> list[RecognizerResult]:
        """Presidio's patterns, tried once at the start of each word that holds a dot.

        Run over the whole text (as Presidio does), the schemeless pattern tries every position, and at each one
        backs off through up to 253 characters testing every top-level domain: "a.a.a.a..." costs about half a
        millisecond per character (a minute for a long paste). An address starts a word, so one anchored try per
        word finds the same addresses at a cost bounded by the text's length.
        """
        results = []
        for word in _WORD.finditer(text):
            if not _MAY_HOLD_ADDRESS.search(word.group()):
                continue
            for pattern, score in self._anchored:
                match = pattern.match(text, word.start(), word.end())
                if match:
                    results.append(
                        RecognizerResult(
                            "URL",
                            match.start(),
                            match.end(),
                            score,
                            recognition_metadata={
                                RecognizerResult.RECOGNIZER_NAME_KEY: type(self).__name__,
                                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                            },
                        )
                    )
                    break
        return results

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
