"""Certificate and licence numbers other than a driver's licence (HIPAA Safe Harbor: "certificate/license
numbers"): professional licences (RN, LPN, CNA, LCSW, teaching, contractor...), birth, death and marriage
certificates, certification numbers, and their Spanish names.

They have no shape of their own, so they count after their cue. DEA numbers, which carry a check digit, are
Presidio's MedicalLicenseRecognizer (medical_license.py); driver's licences are legal_ids.py's.
"""

import re

from clientsafe.checker.recognizers.base import RegexRecognizer

# "CPR certification 2024-2025", "teaching licence 2019": a year is when, not which.
YEARS = re.compile(r"(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2})?")

_ID = r"(?P<v>(?=[a-z\-]*\d)[a-z0-9][a-z0-9\-]{2,20}[a-z0-9])\b"
_NO = r"\s*(?:#|no\.?|number|num\.?|n[úu]mero|n[°º])?\s*(?:is|was|es|era)?\s*[:#]?\s*"
_PROFESSION = (
    r"(?:rn|lpn|lvn|cna|np|pa|md|do|lcsw|lmsw|lsw|lmft|lpc|lmhc|cadc|cdp|ladc|bcba|emt|nursing|nurse|medical|"
    r"pharmacy|pharmacist|teaching|teacher|educator|counsel(?:l)?ing|counsel(?:l)?or|social\s+work(?:er)?|"
    r"contractor|professional|practitioner|clinical|therapist|psychologist|dental|dentist|cosmetology|"
    r"barber|real\s+estate|insurance|bar|child\s?care|daycare|foster\s+care|foster\s+home)"
)
_LICENCE = r"(?:licen[cs]e|license|lic\.?|credential|registration|cert(?:ificate|ification)?)"


class CertificateNumberRecognizer(RegexRecognizer):
    ENTITY = "CERTIFICATE_NUMBER"
    PATTERNS = [
        ("professional", r"\b" + _PROFESSION + r"\s+" + _LICENCE + _NO + _ID, 0.8),
        (
            "certificate",
            r"\b(?:birth|death|marriage|divorce|naturali[sz]ation|citizenship|adoption)?\s*"
            r"(?:certificate|certification|cert\.?)" + _NO + _ID,
            0.75,
        ),
        (
            "spanish",
            r"\b(?:acta\s+de\s+(?:nacimiento|defunci[óo]n|matrimonio)|certificado(?:\s+de\s+\w+)?|"
            r"c[ée]dula\s+profesional|licencia\s+(?:profesional|de\s+enfermer[íi]a|m[ée]dica))" + _NO + _ID,
            0.8,
        ),
    ]

    def validate(self, text: str, value: str, score: float) -> float | None:
        return None if YEARS.fullmatch(value) else score
