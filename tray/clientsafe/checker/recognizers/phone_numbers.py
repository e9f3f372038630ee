"""Phone numbers from anywhere, through libphonenumber (Presidio's PhoneRecognizer), plus what it turns down.

Presidio's PhoneRecognizer runs libphonenumber's matcher region by region and keeps the numbers it calls valid.
That is what finds "+52 55 1234 5678", "+44 20 7946 0958" or a Spanish "612 345 678" correctly, so it is reused
here with the regions our staff and clients write from (the US and Canada, Mexico, Central America and the
Caribbean, Spain, and Presidio's own defaults). Three things are added:

* Scores that follow the evidence: a number in international form ("+", "00", "011") or a valid US/Canadian
  number with separators counts on its own; a number that is only valid in another country's national format
  ("09-7625400" in Israel) counts next to a phone cue ("call", "cel", "número"...), since bare digit runs are
  valid somewhere far too often.
* libphonenumber calls a "+" number invalid when the number is not assigned (the 555-01xx test range in the
  US, made-up numbers in examples and sample data), yet a post that shows one still shows a phone number: a
  "+" and 8-15 digits grouped like a phone number count too, as do 7-15 digits right after a phone cue.
  US/Canadian shapes, 555 numbers included, are NanpPhoneRecognizer's (phone.py).
* A guard against dates ("2024-05-01"), times, money and ranges, which libphonenumber's lenient matching can
  take for numbers.
"""

from __future__ import annotations

import re

import phonenumbers
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

from clientsafe.checker.recognizers.presidio_guard import MAX_RESULTS

REGIONS = (
    "US",
    "CA",
    "MX",
    "GT",
    "SV",
    "HN",
    "NI",
    "CR",
    "PA",
    "CO",
    "VE",
    "EC",
    "PE",
    "CU",
    "DO",
    "ES",
    "GB",
    "DE",
    "FR",
    "IL",
    "IN",
    "BR",
)
# Words that say a phone number follows (or precedes); "number" and "número" only raise the score of what
# libphonenumber already calls a number ("account number 0045..." is not a phone).
_PHONE_CUE = (
    r"(?:phone|ph|tel|tel[ée]fono|telefono|cell|cel|celular|m[óo]vil|mobile|whats\s?app|call|calls|calling|"
    r"ll[áa]m\w*|marca|marcar|text|txt|texto|textea|sms|fax|contact|contacto|reach|line|l[íi]nea|hotline)"
)
_CUE = r"(?:" + _PHONE_CUE + r"|number|n[úu]mero)"
_CUE_BEFORE = re.compile(r"(?<!\w)" + _CUE + r"\W{0,3}(?:\w+\W{1,3}){0,3}$", re.IGNORECASE)
_CUE_AFTER = re.compile(r"^\W{0,3}(?:\w+\W{1,3}){0,2}" + _CUE + r"\b", re.IGNORECASE)
# Any run of digits long enough to be a phone number; the matcher is not run on posts without one, nor on runs
# longer than any phone number with an extension.
_LONGEST_RUN = 40
_HAS_NUMBER = re.compile(r"\d[\d\s().\-/]{5,}\d")
_INTERNATIONAL = re.compile(r"(?<![\w+])\+\s?\(?\d{1,3}\)?(?:[\s.\-]?\(?\d{1,5}\)?){2,6}(?![\w-])")
_CUED_NUMBER = re.compile(
    r"(?<!\w)"
    + _PHONE_CUE
    # up to three words between ("call Maria's mom at"), then "is", "at", ":"...
    + r"(?:\s+[^\W\d]+(?:'s)?){0,3}?(?:\s*(?:is|es|was|era|at|al|a|number|n[úu]mero)\b|\s*[:=-]){0,3}"
    + r"\s*(?P<v>\+?\(?\d[\d\s().\-]{5,20}\d)(?![\w-])",
    re.IGNORECASE,
)
_NOT_PHONE = re.compile(
    r"^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?|"
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?)$"
)
_SEPARATORS = re.compile(r"[\s().\-]")
_EXTENSION = re.compile(r"\s*(?:x|ext\.?|extension|ext)\s*\d{1,6}$", re.IGNORECASE)


def _digits(value: str) -> str:
    return "".join(c for c in value if c.isdigit())


def _windows(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` around each run of digits, widened to whole words (a "+" or "tel:" before, an
    extension after), overlapping ones merged."""
    spans: list[tuple[int, int]] = []
    for match in _HAS_NUMBER.finditer(text):
        if match.end() - match.start() > _LONGEST_RUN:
            continue  # no phone number is this long (and libphonenumber's matcher is slow on such runs)
        start = match.start()
        while start > 0 and not text[start - 1].isspace() and match.start() - start < 24:
            start -= 1
        start = max(0, start - 6)
        end = min(len(text), match.end() + 16)
        while end < len(text) and not text[end].isspace() and end - match.end() < 40:
            end += 1
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans


class InternationalPhoneRecognizer(PhoneRecognizer):
    INTERNATIONAL_SCORE = 0.7
    NATIONAL_SCORE = 0.55
    ELSEWHERE_SCORE = 0.3
    CUE_BOOST = 0.3

    def __init__(self) -> None:
        super().__init__(supported_regions=REGIONS, leniency=1, name="InternationalPhoneRecognizer")

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if not _HAS_NUMBER.search(text):
            return []
        found: dict[tuple[int, int], float] = {}

        def keep(start: int, end: int, score: float) -> None:
            value = text[start:end]
            if _NOT_PHONE.match(value.strip()) or self._money_or_range(text, start, end):
                return
            if not 7 <= len(_digits(_EXTENSION.sub("", value))) <= 15:
                return
            if self._cued(text, start, end):
                score += self.CUE_BOOST
            key = (start, end)
            found[key] = min(1.0, max(score, found.get(key, 0.0)))

        # libphonenumber's matcher walks the whole text once per region; it is run only on the stretches around
        # each digit run (whole words), which is what it would find numbers in anyway.
        for w_start, w_end in _windows(text):
            window = text[w_start:w_end]
            for result in super().analyze(window, entities, nlp_artifacts):  # type: ignore[arg-type]
                keep(w_start + result.start, w_start + result.end, self._score(window[result.start : result.end]))
        for match in _INTERNATIONAL.finditer(text):
            keep(match.start(), match.end(), 0.5)
        for match in _CUED_NUMBER.finditer(text):
            keep(match.start("v"), match.end("v"), 0.2)
        # Of nested spans keep the longest (the matcher and the shapes may cut the same number differently).
        spans = sorted(found, key=lambda s: (s[0], -s[1]))
        results: list[RecognizerResult] = []
        for start, end in spans:
            if len(results) >= MAX_RESULTS:
                break
            if any(s <= start and end <= e and (s, e) != (start, end) for s, e in found):
                continue
            results.append(
                RecognizerResult(
                    "PHONE_NUMBER",
                    start,
                    end,
                    found[(start, end)],
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: type(self).__name__,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results

    def _score(self, value: str) -> float:
        stripped = value.lstrip("( ")
        if stripped.startswith(("+", "00", "011")):
            return self.INTERNATIONAL_SCORE
        try:
            number = phonenumbers.parse(value, "US")
        except phonenumbers.NumberParseException:
            return self.ELSEWHERE_SCORE
        if phonenumbers.is_valid_number(number) and _SEPARATORS.search(value.strip()):
            return self.NATIONAL_SCORE
        return self.ELSEWHERE_SCORE

    @staticmethod
    def _cued(text: str, start: int, end: int) -> bool:
        return bool(_CUE_BEFORE.search(text[max(0, start - 40) : start]) or _CUE_AFTER.search(text[end : end + 25]))

    @staticmethod
    def _money_or_range(text: str, start: int, end: int) -> bool:
        before = text[max(0, start - 2) : start]
        after = text[end : end + 2]
        return "$" in before or "€" in before or after.startswith(("%", "–", "-", "/")) or before.endswith(("–", "/"))
