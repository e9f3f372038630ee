"""US/Canadian (NANP) phone and fax numbers in the shapes people type them.

Presidio's PhoneRecognizer keeps only numbers that libphonenumber calls valid, which drops most
555-style and newly assigned exchanges people really post; the shape plus NANP rules is enough here.
"""

from clientsafe.checker.recognizers.base import RegexRecognizer

_AREA = r"\(?[2-9]\d{2}\)?"
_SEP = r"[\s.\-]?"
_EXT = r"(?:\s*(?:ext\.?|x|extension)\s*\d{1,5})?"


class NanpPhoneRecognizer(RegexRecognizer):
    ENTITY = "PHONE_NUMBER"
    PATTERNS = [
        (
            "nanp",
            r"(?<![\w+@/])(?:\+?1"
            + _SEP
            + r")?"
            + _AREA
            + _SEP
            + r"[2-9]\d{2}"
            + _SEP
            + r"\d{4}"
            + _EXT
            + r"(?![\w-])",
            0.6,
        ),
    ]
    CONTEXT = ["phone", "call", "text", "cell", "number", "fax", "tel", "reach", "contact", "ph", "mobile"]

    def validate(self, text: str, value: str, score: float) -> float | None:
        digits = [c for c in value if c.isdigit()]
        if len(digits) == 10 and value.isdigit():
            # Ten bare digits may be any ID; the shape alone is weaker evidence.
            return score - 0.15
        return score
