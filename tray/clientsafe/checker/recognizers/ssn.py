"""US Social Security numbers.

Numbers the SSA never issues (area 000, 666 or 900-999, group 00, serial 0000) are rejected, and so are
the famous published samples (123-45-6789, 078-05-1120, 219-09-9999): a post quoting one is an example,
not somebody's identifier, which is the same call Presidio makes.
"""

from clientsafe.checker.recognizers.base import RegexRecognizer

_SAMPLES = {"123456789", "078051120", "219099999", "111111111", "333333333"}


class SsnRecognizer(RegexRecognizer):
    ENTITY = "US_SSN"
    PATTERNS = [
        ("formatted", r"(?<![\w-])\d{3}([- ])\d{2}\1\d{4}(?![\w-])", 0.6),
        ("spaced", r"(?<![\w-])\d{3} \d{2}-\d{4}(?![\w-])", 0.5),
        ("bare", r"(?<![\w-])\d{9}(?![\w-])", 0.25),
    ]
    CONTEXT = ["ssn", "ss#", "ss", "social", "security", "soc sec", "ssn#"]
    CONTEXT_BOOST = 0.45

    def validate(self, text: str, value: str, score: float) -> float | None:
        digits = "".join(c for c in value if c.isdigit())
        area, group, serial = digits[:3], digits[3:5], digits[5:]
        if area in {"000", "666"} or area[0] == "9" or group == "00" or serial == "0000":
            return None
        if digits in _SAMPLES:
            return None
        return score
