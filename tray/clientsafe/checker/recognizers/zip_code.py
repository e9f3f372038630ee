"""ZIP codes said of a person: "she lives in 97211", "moved to the 60629 area", "código postal 06700".

HIPAA Safe Harbor counts every geographic unit smaller than a state, ZIP codes included. A five-digit number on
its own is anything (a donation total, an order number), so it counts only where the words around it make it a
place someone lives: a cue that names a ZIP or postal code, or a verb of living or moving with a preposition.
Presidio has no ZIP recognizer for the US (only the UK postcode and German PLZ ones). A ZIP inside a full
address is the address recognizer's (address.py).
"""

from clientsafe.checker.recognizers.base import RegexRecognizer

_ZIP = r"(?P<v>\d{5}(?:-\d{4})?)(?![\w-]|[.,]\d)"
# Words that name the code: it is a ZIP whatever stands around it.
_NAMED = r"(?:zip|zip\s?code|zipcode|postal\s?code|postcode|c[óo]digo\s+postal|c\.\s?p\.|cp)"
# Living and moving, English and Spanish; a preposition must follow ("moved 12000 boxes" is no place).
_LIVES = (
    r"(?:lives?|living|lived|resides?|residing|resided|stays?|staying|stayed|moved|moving|moves|relocated|"
    r"relocating|evicted|housed|placed|home|house|apartment|apt|address|vive|viven|viv[íi]a|vivimos|reside|"
    r"se\s+mud[óo]|se\s+mudaron|mudarse|domicilio|direcci[óo]n|casa|home\s+visit|visit|visita|visitar)"
)
_PREPOSITION = r"(?:in|into|to|at|near|around|by|out\s+to|over\s+in|back\s+to|en|a|al|cerca\s+de|por)"
_FILLER = r"(?:the|a|that|this|el|la|zona|area|área|colonia|zip|code|código|postal|de|del)"


class ZipCodeRecognizer(RegexRecognizer):
    ENTITY = "ZIP_CODE"
    PATTERNS = [
        # "zip 97211", "zip code on her intake is 97211", "new zip for Ana: 97211"
        ("named", r"\b" + _NAMED + r"(?:\s+[^\W\d]+){0,4}?\s*(?:is|was|es|era)?\s*[:#]?\s*" + _ZIP, 0.75),
        # "lives in 97211", "staying with his cousin in 97211"
        (
            "lives_in",
            r"\b" + _LIVES + r"(?:\s+[^\W\d]+){0,3}?\s+" + _PREPOSITION + r"\s+(?:" + _FILLER + r"\s+){0,3}" + _ZIP,
            0.65,
        ),
        ("zip_after", r"(?<![\w-])" + _ZIP + r"\s+(?:zip|zip\s?code|zipcode|postal\s?code|area\s+code)\b", 0.7),
        ("the_area", r"\b(?:the|la|el)\s+" + _ZIP + r"\s+(?:area|neighborhood|zona|área)\b", 0.6),
    ]

    def validate(self, text: str, value: str, score: float) -> float | None:
        if value[:5] in {"00000", "99999", "12345"} or value[:3] == "000":
            return None
        return score
