"""US street addresses, PO boxes and ZIP codes (HIPAA Safe Harbor: geographic units below a state).

spaCy's small model rarely tags a whole street address, so this is shape-based: a house number, a
street name and a street-type word, then optional unit, city, state and ZIP.
"""

from clientsafe.checker.recognizers.base import RegexRecognizer

_SUFFIX = (
    r"(?:street|st|avenue|ave|av|boulevard|blvd|road|rd|drive|dr|lane|ln|way|court|ct|place|pl|terrace|ter|"
    r"parkway|pkwy|highway|hwy|circle|cir|loop|trail|trl|square|sq|alley|aly|crescent|cres|row|run|path|"
    r"pike|plaza|plz|point|pt|ridge|crossing|xing|walk|commons|grove|heights|hts)"
)
_DIR = r"(?:n|s|e|w|ne|nw|se|sw|north|south|east|west|northeast|northwest|southeast|southwest)\.?"
_NAME_WORD = r"(?:\d{1,3}(?:st|nd|rd|th)|[a-z][a-z'.-]*)"
_UNIT = r"(?:,?\s*(?:apt|apartment|unit|suite|ste|rm|room|#|lot|trlr|bldg)\.?\s*#?\s*[a-z0-9-]{1,6})"
_STATE = (
    r"(?:al|ak|az|ar|ca|co|ct|de|dc|fl|ga|hi|id|il|in|ia|ks|ky|la|me|md|ma|mi|mn|ms|mo|mt|ne|nv|nh|nj|nm|"
    r"ny|nc|nd|oh|ok|or|pa|ri|sc|sd|tn|tx|ut|vt|va|wa|wv|wi|wy|oregon|washington|california|texas|"
    r"new york|florida|idaho|nevada|arizona|colorado|illinois|ohio|michigan|georgia)"
)
_CITY = r"(?:[a-z][a-z.'-]+(?:\s+[a-z][a-z.'-]+){0,2})"
_TAIL = r"(?:,?\s+" + _CITY + r",?\s+" + _STATE + r"\.?(?:,?\s+\d{5}(?:-\d{4})?)?)?"

STREET = (
    r"(?<![\w$#-])\d{1,6}[a-z]?(?:-\d{1,4})?\s+(?:"
    + _DIR
    + r"\s+)?(?:"
    + _NAME_WORD
    + r"\s+){0,3}"
    + _SUFFIX
    + r"\b\.?(?:\s+"
    + _DIR
    + r"(?!\w))?"
    + _UNIT
    + r"?"
    + _TAIL
)


class AddressRecognizer(RegexRecognizer):
    ENTITY = "STREET_ADDRESS"
    PATTERNS = [
        ("street", STREET, 0.65),
        ("po_box", r"\b(?:p\.?\s?o\.?\s*box|post office box)\s+\d{1,6}" + _TAIL, 0.6),
        ("zip_after_state", r"(?<=\b" + _STATE + r"\.?,?\s)\d{5}(?:-\d{4})?\b", 0.6),
        ("zip_cued", r"(?<=\bzip(?:\s*code)?\s*[:#]?\s*)\d{5}(?:-\d{4})?\b", 0.6),
    ]
    CONTEXT = ["lives", "live", "address", "at", "moved", "house", "apartment", "staying"]
    CONTEXT_BOOST = 0.1

    def validate(self, text: str, value: str, score: float) -> float | None:
        # "3 hours drive", "10 st" lookalikes: a street needs at least one letter word before the suffix.
        return score
