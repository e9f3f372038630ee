"""US Social Security numbers.

Numbers the SSA never issues (area 000, 666 or 900-999, group 00, serial 0000) are rejected: they cannot be
anyone's SSN (a 9xx number with an ITIN's group is the ITIN recognizer's). A well-formed number is reported even
when it is a famous published example (123-45-6789, 078-05-1120, 219-09-9999) or a run of one digit
(111-11-1111). Presidio's UsSsnRecognizer drops those as placeholders; ClientSafe does not, on purpose: a staff
member who types a client's SSN that happens to be a sample is still posting an SSN, and a post that quotes
"123-45-6789" next to a client's name reads as that client's number to anyone who sees it.
"""

from clientsafe.checker.recognizers.base import RegexRecognizer


class SsnRecognizer(RegexRecognizer):
    ENTITY = "US_SSN"
    PATTERNS = [
        ("formatted", r"(?<![\w.-])\d{3}([- .])\d{2}\1\d{4}(?![\w-]|\.\d)", 0.6),
        ("spaced", r"(?<![\w-])\d{3} \d{2}-\d{4}(?![\w-])", 0.5),
        ("bare", r"(?<![\w-])\d{9}(?![\w-])", 0.25),
    ]
    CONTEXT = ["ssn", "ss#", "ss", "social", "security", "soc sec", "ssn#", "seguro social", "número de seguro"]
    CONTEXT_BOOST = 0.45

    def validate(self, text: str, value: str, score: float) -> float | None:
        digits = "".join(c for c in value if c.isdigit())
        area, group, serial = digits[:3], digits[3:5], digits[5:]
        if area in {"000", "666"} or area[0] == "9" or group == "00" or serial == "0000":
            return None
        return score
