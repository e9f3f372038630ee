"""Device identifiers and serial numbers (HIPAA Safe Harbor): IMEIs, serial numbers, medical device UDIs.

A serial number has no shape of its own, so it counts after its cue ("serial no.", "S/N", "IMEI", "UDI",
"número de serie", "device ID"). An IMEI (15 digits, Luhn check) counts after "IMEI" or in its printed
grouping (35-209900-176148-1). MAC addresses are Presidio's recognizer (mac_address.py).
"""

from clientsafe.checker.recognizers.base import RegexRecognizer
from clientsafe.checker.recognizers.certificate import YEARS
from clientsafe.checker.recognizers.credit_card import luhn_ok

_SERIAL = r"(?P<v>(?=[a-z\-/]*\d)[a-z0-9][a-z0-9\-/]{3,28}[a-z0-9])(?![\w-])"
_CUE = (
    r"(?:serial|serial\s+(?:no\.?|number|num|#)|s/n|sn|imei|meid|esn|udi|device\s+(?:id|identifier|serial)|"
    r"n[úu]mero\s+de\s+serie|no\.\s+de\s+serie)"
)


class DeviceIdRecognizer(RegexRecognizer):
    ENTITY = "DEVICE_ID"
    PATTERNS = [
        ("cued", r"\b" + _CUE + r"\s*(?:#|no\.?|number)?\s*(?:is|was|es|era)?\s*[:#=]?\s*" + _SERIAL, 0.75),
        # A GS1 UDI as printed on a medical device's label: (01) and the 14-digit device identifier, then
        # production identifiers such as (17) expiry, (10) lot, (21) serial.
        ("udi", r"(?<![\w)])(?P<v>\(01\)\d{14}(?:\(\d{2}\)[a-z0-9\-]{1,20})*)", 0.7),
        ("imei_grouped", r"(?<![\w-])(?P<v>\d{2}-\d{6}-\d{6}-\d)(?![\w-])", 0.5),
    ]
    CONTEXT = ["imei", "phone", "device", "tablet", "serial"]
    CONTEXT_BOOST = 0.3

    def validate(self, text: str, value: str, score: float) -> float | None:
        if YEARS.fullmatch(value):
            return None
        digits = "".join(c for c in value if c.isdigit())
        if len(digits) == 15 and digits == value.replace("-", "") and not luhn_ok(digits):
            # Fifteen digits after "IMEI" that fail the check are a typo'd IMEI, still a device number; in
            # the printed grouping without a cue they are something else.
            return score if score >= 0.75 else None
        return score
