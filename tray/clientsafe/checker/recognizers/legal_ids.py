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
    """Kept rather than Presidio's UsLicenseRecognizer: that one reports every letter-and-digits word (0.3) and
    every 6-14 digit number (0.01) and leaves the rest to context words; the number after its cue is what
    matters in a post, and this finds it in any state's format."""

    ENTITY = "DRIVER_LICENSE"
    PATTERNS = [
        ("cued", r"\b(?:driver'?s?|drivers|driving)\s+licen[cs]e" + _SEP + _ID, 0.85),
        ("dl", r"\b(?:dl|odl)\s*(?:#|no\.?|number)?\s*[:#]?\s*" + _ID, 0.8),
        ("state_license", r"\b(?-i:[A-Z]{2})\s+(?:dl|license|licence|driver'?s license)\s*#?\s*[:#]?\s*" + _ID, 0.8),
        ("license_no", r"\b(?:license|licence)\s*(?:#|no\.?|number)\s*(?:is|was)?\s*[:#]?\s*" + _ID, 0.8),
        ("license_colon", r"\b(?:license|licence|cdl|dl#)\s*(?:is|was)?\s*[:#]\s*" + _ID, 0.75),
        (
            "spanish",
            r"\b(?:licencia|permiso)\s+(?:de\s+)?(?:conducir|manejar|manejo)(?:\s+(?:no\.?|n[úu]mero|#))?"
            r"\s*(?:es|era)?\s*[:#]?\s*" + _ID,
            0.85,
        ),
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
    """Kept rather than Presidio's UsBankRecognizer, which reports every 8-17 digit number at 0.05 and leaves
    the rest to context words anywhere near; here the number must follow its cue."""

    ENTITY = "ACCOUNT_NUMBER"
    PATTERNS = [
        (
            "cued",
            r"\b(?:account|acct|a/c|routing|bank|checking|savings|debit|iban|ebt|snap card|ebt card|"
            r"utility account|cuenta(?:\s+(?:bancaria|de\s+ahorros|de\s+cheques|corriente))?|"
            r"clabe|tarjeta\s+ebt)\s*(?:#|no\.?|number|num\.?|n[úu]mero)?"
            r"\s*(?:is|was|es|era)?\s*[:#]?\s*(?P<v>\d[\d -]{4,22}\d)(?![\w-])",
            0.8,
        ),
    ]
