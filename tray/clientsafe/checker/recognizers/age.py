"""Ages: a minor's age ties a post to a young person, and ages over 89 are a HIPAA identifier.

Reported as AGE_MINOR (under 18), AGE_OVER_89, or AGE. The span is the whole age expression
("14-year-old", "age 15", "16 y/o") so a suggestion can replace it in one piece.
"""

import regex

from clientsafe.checker.recognizers.base import RegexRecognizer

_N = (
    r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen)"
)
_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
}
_NUM = regex.compile(r"\d{1,3}|[a-z]+", regex.IGNORECASE)
# Not a duration, a time, money, or a range ("ages 12-18", "14+": a programme's ages, not a person's).
_NOT_AGE_AFTER = (
    r"(?!\s*(?:[–-]\s*\d|to\s+\d|\+|and (?:up|older|over|under)|min|mins|minutes|hours|hrs|days|weeks|months|"
    r"percent|%|am|pm|:\d|dollars|bucks|k\b|miles))"
)


class AgeRecognizer(RegexRecognizer):
    ENTITY = "AGE"
    ENTITIES = ["AGE", "AGE_MINOR", "AGE_OVER_89"]
    PATTERNS = [
        ("years_old", r"(?<![\w-])" + _N + r"[\s-]?(?:years?|yrs?|yr)[\s-]?old\b", 0.8),
        ("years_of_age", r"(?<![\w-])" + _N + r"\s+years\s+of\s+age\b", 0.8),
        ("yo", r"(?<![\w-])\d{1,3}\s?(?:yo|y/o|y\.o\.?|yrs?)(?![\w/])", 0.7),
        ("age_n", r"\b(?:age|aged|age:)\s*" + _N + r"\b" + _NOT_AGE_AFTER, 0.75),
        ("turned", r"\b(?:turned|turns|turning|just turned)\s+" + _N + r"\b" + _NOT_AGE_AFTER, 0.6),
        (
            "is_n",
            r"\b(?:she|he|they|who|son|daughter|kid|child|boy|girl|grandpa|grandma|mom|dad|mother|father|client|patient|resident|baby|brother|sister)(?:'s|\s+is|\s+was|\s+are)\s+(?:only\s+|just\s+)?"
            r"(?P<v>\d{1,2})\b(?!\s*(?:th|st|nd|rd|\.|,\d|/|-\d))" + _NOT_AGE_AFTER,
            0.6,
        ),
        # "Jayden, 14, finished..." and "Jayden (14)": a number set off right after a capitalised name. The
        # span includes the comma or brackets so that removing it leaves a clean sentence.
        (
            "apposition",
            r"(?<=\b\p{Lu}\p{Ll}+|\b\p{Lu}\.)(?:(?P<v>,\s\d{1,3})(?=,|\s(?:and|who|is|was|from|at)\b)|"
            r"(?P<v>\s\(\d{1,3}\)))",
            0.6,
        ),
        ("aside", r"\((?:[\w'-]+\s){1,4}[\w'-]+(?P<v>,\s(?:[2-9]|1\d))\)", 0.6),
        ("decade", r"\bin (?:his|her|their) (?:nineties|90s|hundreds)\b", 0.6),
    ]

    def entity_for(self, value: str, pattern_entity: str) -> str:
        if "ninet" in value.lower() or "90s" in value.lower():
            return "AGE_OVER_89"
        numbers = [m.group() for m in _NUM.finditer(value)]
        for token in numbers:
            n = int(token) if token.isdigit() else _WORDS.get(token.lower())
            if n is None:
                continue
            if n < 18:
                return "AGE_MINOR"
            if n > 89:
                return "AGE_OVER_89"
            return "AGE"
        return "AGE"

    def validate(self, text: str, value: str, score: float) -> float | None:
        numbers = [int(t) for t in regex.findall(r"\d{1,3}", value)]
        if numbers and not 0 < numbers[0] <= 120:
            return None
        return score
