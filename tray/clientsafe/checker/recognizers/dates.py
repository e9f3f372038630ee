"""Dates tied to a person: dates of birth, admission, discharge, death, court and intake dates.

An ordinary date ("Gala on May 3") is not an identifier; a date next to one of these cues is
(HIPAA Safe Harbor lists every date directly related to an individual).
"""

from clientsafe.checker.recognizers.base import RegexRecognizer

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    # Spanish (mar, may, sept, oct and nov are shared with English)
    r"ene(?:ro)?|febrero|marzo|abr(?:il)?|mayo|jun(?:io)?|jul(?:io)?|ago(?:sto)?|se?tiembre|octubre|"
    r"noviembre|dic(?:iembre)?)\.?"
)
DATE = (
    r"(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|"
    + _MONTH
    + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{2,4}|"
    + r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+|de\s+)?"
    + _MONTH
    + r",?\s+(?:de(?:l)?\s+)?\d{2,4}|"
    + _MONTH
    + r"\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+|de\s+)?"
    + _MONTH
    + r")"
)
# Between the cue and the date: "DOB: ", "born on ", "DOB on the ID says ".
_GAP = (
    r"[\s:=-]*(?:(?:is|was|on|the|id|card|file|record|says|said|listed|as|of|it's|date|el|la|es|fue|en|del|de)"
    r"[\s:]+){0,4}"
)


class DateOfBirthRecognizer(RegexRecognizer):
    ENTITY = "DATE_OF_BIRTH"
    ENTITIES = ["DATE_OF_BIRTH", "PERSONAL_DATE"]
    PATTERNS = [
        (
            "dob",
            r"\b(?:dob|d\.o\.b\.?|date of birth|birth ?date|born|b\.|birthday|bday|b-day|"
            r"fecha de nacimiento|f\.\s?de\s?nac\.?|fecha de nac\.?|naci[óo]|nacid[oa]|cumplea[ñn]os|cumple)"
            + _GAP
            + r"(?P<v>"
            + DATE
            + r")(?![\w/])",
            0.85,
            "DATE_OF_BIRTH",
        ),
        (
            "personal",
            r"\b(?:admitted|admission|discharged?|discharge date|released|died|passed away|"
            r"date of death|dod|intake|arrested|court date|hearing|sentencing|removal|date of service|"
            r"placed(?:\s+(?:in|into|with)\s+(?:foster\s+care|kinship\s+care|care|custody|a\s+group\s+home|"
            r"treatment|detox|rehab|jail|juvie|detention))?|"
            r"dos|overdosed|od'?d|gave birth|delivered|due date|release date|eviction date|date of injury|"
            r"ingres[óo]|fecha de ingreso|dado de alta|dada de alta|falleci[óo]|muri[óo]|fecha de defunci[óo]n|"
            r"arrestad[oa]|detenid[oa]|audiencia|cita en la corte|dio a luz|fecha de parto)"
            + _GAP
            + r"(?P<v>"
            + DATE
            + r")(?![\w/])",
            0.6,
            "PERSONAL_DATE",
        ),
    ]
