"""US street addresses, PO boxes and ZIP codes (HIPAA Safe Harbor: geographic units below a state).

spaCy's small model rarely tags a whole street address, so this is shape-based: a house number, a
street name and a street-type word, then optional unit, city, state and ZIP.
"""

from clientsafe.checker.recognizers.base import RegexRecognizer

# Street types common enough in ordinary prose ("200 unhoused young people run") only count after a
# capitalised street name; the unmistakable ones (St, Ave, Blvd...) count after any.
_SUFFIX_CORE = (
    r"(?:street|st|avenue|ave|av|boulevard|blvd|road|rd|drive|dr|lane|ln|court|ct|parkway|pkwy|highway|hwy|"
    r"terrace|ter|place|pl|circle|cir|trail|trl|plaza|plz|alley|aly)"
)
_SUFFIX = (
    r"(?:street|st|avenue|ave|av|boulevard|blvd|road|rd|drive|dr|lane|ln|way|court|ct|place|pl|terrace|ter|"
    r"parkway|pkwy|highway|hwy|circle|cir|loop|trail|trl|square|sq|alley|aly|crescent|cres|row|run|path|"
    r"pike|plaza|plz|point|pt|ridge|crossing|xing|walk|commons|grove|heights|hts)"
)
_DIR = r"(?:n|s|e|w|ne|nw|se|sw|north|south|east|west|northeast|northwest|southeast|southwest)\.?"
# Street-name words; function words are excluded so "10–2 for our holiday drive" is not an address.
_NAME_WORD = (
    r"(?:\d{1,3}(?:st|nd|rd|th)|(?!(?:for|our|the|a|an|to|of|and|in|on|at|with|my|your|this|that|from|by|is|was)\b)"
    r"[a-z][a-z'.-]*)"
)
_UNIT = r"(?:,?\s*(?:apt|apartment|unit|suite|ste|rm|room|#|lot|trlr|bldg|space|spc)\.?\s*#?\s*[a-z0-9-]{1,6})"
# Two-letter codes only in capitals: "tonight, De" is not Delaware.
_STATE = (
    r"(?:(?-i:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|"
    r"NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)|alabama|alaska|arizona|arkansas|california|"
    r"colorado|connecticut|delaware|district of columbia|florida|georgia|hawaii|idaho|illinois|indiana|iowa|"
    r"kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|"
    r"nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma|"
    r"oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|"
    r"washington|west virginia|wisconsin|wyoming|puerto rico)"
)
_CITY = r"(?:(?-i:\p{Lu})[a-z.'-]+(?:\s+(?-i:\p{Lu})[a-z.'-]+){0,2})"
_TAIL = r"(?:,?\s+" + _CITY + r",?\s+" + _STATE + r"\.?(?:,?\s+\d{5}(?:-\d{4})?)?)?"

_CAP_WORD = r"(?-i:\d{1,3}(?:st|nd|rd|th)|\p{Lu}[\w'.-]*)"
STREET = (
    r"(?<![\w$#–-])\d{1,6}[a-z]?(?:-\d{1,4})?\s+(?:"
    + _DIR
    + r"\s+)?"
    + r"(?:(?:"
    + _CAP_WORD
    + r"\s+){0,4}"
    + _SUFFIX
    + r"|(?:"
    + _NAME_WORD
    + r"\s+){0,4}"
    + _SUFFIX_CORE
    + r")"
    + r"\b\.?(?:\s+"
    + _DIR
    + r"(?!\w))?"
    + _UNIT
    + r"?"
    + _TAIL
)


class StreetNameRecognizer(RegexRecognizer):
    """A street or intersection without a house number ("on 42nd & Daisy St", "under the Ferry St bridge").

    Not an identifier on its own; it is the "place" half of the shelter-location rule.
    """

    ENTITY = "STREET_NAME"
    PATTERNS = [
        (
            "named_street",
            r"(?<![\w-])(?-i:(?:\d{1,3}(?:st|nd|rd|th)|\p{Lu}[a-z]*)(?:\s(?:&|and)\s(?:\d{1,3}(?:st|nd|rd|th)|\p{Lu}[a-z]+))?"
            r"\s(?:St|Street|Ave|Avenue|Blvd|Rd|Road|Dr|Drive|Ln|Lane|Way|Hwy|Highway|Pkwy))\b",
            0.6,
        ),
        (
            "complex",
            r"(?<![\w-])(?-i:(?:\p{Lu}[a-z]+\s){1,2}(?:Apartments|Apts|Terrace|Village|Manor|Homes|Townhomes|Estates|"
            r"Trailer Park|Mobile Home Park|Motel|Inn))\b",
            0.6,
        ),
        (
            "street_then_place",
            r"(?<![\w-])(?-i:\p{Lu}[a-z]*\s(?:St|Street|Rd|Road|Ave|Avenue)\s"
            r"(?:trailer park|apartments|motel|bridge|underpass|"
            r"camp|lot))\b",
            0.6,
        ),
        (
            "intersection_named_first",
            r"(?<![\w-])(?-i:\p{Lu}[a-z]+\s&\s\d{1,3}(?:st|nd|rd|th))\b",
            0.45,
        ),
        (
            "intersection",
            r"(?<![\w-])(?-i:\d{1,3}(?:st|nd|rd|th)\s(?:&|and)\s(?:\d{1,3}(?:st|nd|rd|th)|\p{Lu}[a-z]*))\b",
            0.45,
        ),
    ]


class AddressRecognizer(RegexRecognizer):
    ENTITY = "STREET_ADDRESS"
    PATTERNS = [
        ("street", STREET, 0.65),
        ("po_box", r"\b(?:p\.?\s?o\.?\s*box|pob|post office box)\s+\d{1,6}" + _TAIL, 0.6),
        ("city_state_zip", r"(?<![\w-])" + _CITY + r",?\s+" + _STATE + r"\.?,?\s+\d{5}(?:-\d{4})?\b", 0.6),
        ("zip_after_state", r"(?<=\b" + _STATE + r"\.?,?\s)\d{5}(?:-\d{4})?\b", 0.6),
        ("zip_cued", r"(?<=\bzip(?:\s*code)?\s*[:#]?\s*)\d{5}(?:-\d{4})?\b", 0.6),
    ]
    CONTEXT = ["lives", "live", "address", "at", "moved", "house", "apartment", "staying"]
    CONTEXT_BOOST = 0.1

    def validate(self, text: str, value: str, score: float) -> float | None:
        # "3 hours drive", "10 st" lookalikes: a street needs at least one letter word before the suffix.
        return score
