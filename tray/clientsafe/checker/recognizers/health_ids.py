"""Medical record numbers and health-plan identifiers (Medicaid, Medicare MBI, insurance member IDs).

Most of these are only recognisable by the words in front of them, so the cue is part of the pattern
and the reported span is the number itself.
"""

from clientsafe.checker.recognizers.base import RegexRecognizer

_ID = r"(?P<v>(?=[a-z\-]*\d)[a-z0-9][a-z0-9\-]{4,16}[a-z0-9])\b"
_SEP = r"\s*(?:id|#|no\.?|number|num)?\s*(?:is|was)?\s*[:#]?\s*"
_MBI_CHAR = "[ac-hj-km-np-rt-y]"
_MBI = (
    r"(?<![\w-])(?P<v>[1-9]"
    + _MBI_CHAR
    + r"[ac-hj-km-np-rt-y0-9]\d-?"
    + _MBI_CHAR
    + r"[ac-hj-km-np-rt-y0-9]\d-?"
    + _MBI_CHAR
    + r"{2}\d{2})(?![\w-])"
)


class MedicalRecordRecognizer(RegexRecognizer):
    ENTITY = "MEDICAL_RECORD_NUMBER"
    PATTERNS = [
        ("mrn", r"\b(?:mrn|medical record|med rec|chart|patient id|patient #|pt id|hospital id)" + _SEP + _ID, 0.85),
    ]


class HealthPlanRecognizer(RegexRecognizer):
    ENTITY = "HEALTH_PLAN_ID"
    ENTITIES = ["MEDICAID_ID", "MEDICARE_ID", "HEALTH_PLAN_ID"]
    PATTERNS = [
        (
            "medicaid",
            r"\b(?:medicaid|medi-cal|ohp|oregon health plan|chip|apple health|masshealth|"
            r"medical assistance)" + _SEP + _ID,
            0.85,
            "MEDICAID_ID",
        ),
        ("medicare", r"\b(?:medicare|mbi)" + _SEP + _ID, 0.85, "MEDICARE_ID"),
        ("insurance", r"\b(?:insurance|member|subscriber|policy|health plan)" + _SEP + _ID, 0.6),
        ("mbi_shape", _MBI, 0.5, "MEDICARE_ID"),
    ]
    CONTEXT = ["medicare", "mbi", "insurance", "card"]
