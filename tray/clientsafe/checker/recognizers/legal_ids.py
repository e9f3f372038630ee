"""Case and docket numbers, immigration A-numbers, driver's licences, student IDs, bank accounts.

Each of these is a HIPAA Safe Harbor identifier (or FERPA's equivalent for student IDs) and has no
harmless reading in a social post.
"""

from clientsafe.checker.recognizers.base import RegexRecognizer

_ID = r"(?P<v>(?=[a-z\-]*\d)[a-z0-9][a-z0-9\-]{3,20}[a-z0-9])\b"
_SEP = r"\s*(?:id|#|no\.?|number|num)?\s*(?:is|was)?\s*[:#]?\s*"


class CaseNumberRecognizer(RegexRecognizer):
    ENTITY = "CASE_NUMBER"
    PATTERNS = [
        ("cued", r"\b(?:case|docket|cause|petition|file|referral|incident|booking|inmate)" + _SEP + _ID, 0.8),
        (
            "court_shape",
            r"(?<![\w-])(?P<v>\d{2,4}-?(?:jv|ju|jd|cr|cv|dr|dp|fa|cf|mj|mh|dv|sc|tr)-?\d{3,8})(?![\w-])",
            0.75,
        ),
    ]


class ANumberRecognizer(RegexRecognizer):
    ENTITY = "A_NUMBER"
    PATTERNS = [
        ("a_shape", r"(?<![\w-])(?P<v>a\s?[#-]?\s?\d{3}[- ]?\d{3}[- ]?\d{2,3})(?![\w-])", 0.6),
        (
            "cued",
            r"\b(?:a-?number|alien (?:registration )?number|uscis (?:number|#)|a#)\s*[:#]?\s*"
            r"(?P<v>a?-?\d{3}[- ]?\d{3}[- ]?\d{2,3})(?![\w-])",
            0.9,
        ),
    ]
    CONTEXT = ["immigration", "uscis", "alien", "ice", "asylum", "green card", "a-number"]


class DriverLicenseRecognizer(RegexRecognizer):
    ENTITY = "DRIVER_LICENSE"
    PATTERNS = [
        ("cued", r"\b(?:driver'?s?|drivers|driving)\s+licen[cs]e" + _SEP + _ID, 0.85),
        ("dl", r"\b(?:dl|odl)\s*(?:#|no\.?|number)?\s*[:#]?\s*" + _ID, 0.8),
        ("state_license", r"\b(?-i:[A-Z]{2})\s+(?:dl|license|licence|driver'?s license)\s*#?\s*[:#]?\s*" + _ID, 0.8),
        ("license_no", r"\b(?:license|licence)\s*(?:#|no\.?|number)\s*[:#]?\s*" + _ID, 0.8),
    ]


class StudentIdRecognizer(RegexRecognizer):
    ENTITY = "STUDENT_ID"
    PATTERNS = [
        (
            "cued",
            r"\b(?:student|school|pupil|osis|ssid|lunch)\s*(?:id|#|no\.?|number)\s*(?:is|was)?\s*[:#]?\s*"
            r"(?P<v>[a-z]{0,2}\d{4,12})\b",
            0.85,
        ),
    ]


class OtherIdRecognizer(RegexRecognizer):
    """Any number labelled as someone's ID ("Malik J. (ID 5510392)", "resident (ID PR7741839)")."""

    ENTITY = "OTHER_ID"
    PATTERNS = [
        (
            "id_label",
            r"(?<![\w-])(?-i:ID|Id|id#|ID#)\s*(?:#|no\.?|number)?\s*[:#]?\s*(?P<v>[A-Za-z]{0,3}\d{5,12})\b",
            0.75,
        ),
    ]


class AccountNumberRecognizer(RegexRecognizer):
    ENTITY = "ACCOUNT_NUMBER"
    PATTERNS = [
        (
            "cued",
            r"\b(?:account|acct|routing|bank|checking|savings|iban|ebt|snap card)\s*(?:#|no\.?|number)?"
            r"\s*(?:is|was)?\s*[:#]?\s*(?P<v>\d[\d -]{4,22}\d)(?![\w-])",
            0.8,
        ),
    ]
