"""Vehicle identifiers (HIPAA Safe Harbor: "vehicle identifiers and serial numbers, including license plate
numbers"): licence plates after their cue, and VINs.

A plate has no shape of its own (one to eight letters and digits, spaced or dashed as each state or country
likes), so it counts only after "plate", "tag #", "placa" or "matrícula", optionally with a state ("OR plate
7ABC123"). A VIN is 17 letters and digits without I, O or Q; North American VINs carry a check digit in
position 9, which is verified, and any other 17-character VIN counts after "VIN". Presidio has no recognizer
for either in the US (only the UK, India and Nigeria plate formats).
"""

import regex

from clientsafe.checker.recognizers.base import RegexRecognizer

# Upper-case letters and digits in one to three groups, at least one digit: "7ABC123", "ABC 1234", "JKL-123-A".
_PLATE = r"(?P<v>(?-i:(?=[A-Z0-9 -]{0,12}\d)[A-Z0-9]{1,4}(?:[ -]?[A-Z0-9]{1,4}){0,2}))(?![\w-])"
_PLATE_CUE = (
    r"(?:licen[cs]e\s+plates?|plates?|placas?|n[úu]mero\s+de\s+placas?|matr[íi]cula|patente|"
    r"tags?(?=\s*(?:#|no\.|number|:)))"
)
_STATE = r"(?:(?-i:[A-Z]{2})\s+|(?:oregon|washington|california|texas|idaho|nevada|arizona)\s+)?"
_VIN = r"(?<![\w-])(?P<v>(?-i:[A-HJ-NPR-Z0-9]{17}))(?![\w-])"

_TRANSLITERATION = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def vin_check_digit_ok(vin: str) -> bool:
    """The North American (49 CFR 565) check digit in position 9."""
    total = sum(_TRANSLITERATION[c] * w for c, w in zip(vin, _WEIGHTS, strict=True))
    check = total % 11
    return vin[8] == ("X" if check == 10 else str(check))


_HAS_LETTER_AND_DIGIT = regex.compile(r"(?=.*\d)(?=.*[A-Z])")


class VehicleRecognizer(RegexRecognizer):
    ENTITY = "LICENSE_PLATE"
    ENTITIES = ["LICENSE_PLATE", "VEHICLE_ID"]
    PATTERNS = [
        (
            "plate",
            r"\b"
            + _STATE
            + _PLATE_CUE
            + r"(?:\s*(?:#|no\.?|number|n[úu]mero))?\s*(?:is|was|es|era|de)?\s*[:#]?\s*"
            + _STATE
            + _PLATE,
            0.75,
            "LICENSE_PLATE",
        ),
        ("vin", _VIN, 0.3, "VEHICLE_ID"),
    ]
    CONTEXT = ["vin", "vehicle", "car", "truck", "van", "veh[íi]culo", "carro", "coche", "auto"]
    CONTEXT_BOOST = 0.4

    def validate(self, text: str, value: str, score: float) -> float | None:
        if len(value) == 17 and " " not in value:
            if not _HAS_LETTER_AND_DIGIT.match(value):
                return None
            return score + 0.4 if vin_check_digit_ok(value) else score
        plate = value.replace(" ", "").replace("-", "")
        # "plates 10", "tag: 2024": too short, or a bare number too short to be a plate.
        if len(plate) < 4 or (plate.isdigit() and len(plate) < 5):
            return None
        return score
