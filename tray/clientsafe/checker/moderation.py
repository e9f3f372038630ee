"""Moderation help: what *other people* wrote under the organisation's own posts, checked for disclosures.

The question differs from a staff post's. The commenter is not staff, so "a client the writer served" does not
apply and the post rules (``rules.json``) are not used; what matters is whether the comment discloses someone's
sensitive information (health, substance use, abuse, immigration, pregnancy and the other sensitive lexicons)
or an identifier (phone, e-mail, street address, ID numbers, a date of birth), whether it is the commenter's own
(``self_disclosure``: "I", "my", "yo", "mi") or another person's, and whether a young person is involved
(``youth``: an age under 18, a school grade, a minor's age in a photo caption). The Community Standards ask the
organisation to remove such comments and to protect young people even when they do not protect themselves, so
a school plus an age counts on its own, and youth raises the level to ``urgent``.

It reuses the checker's one NLP pass and phrase lists (``Finder.find``: Presidio with the project's recognizers)
and adds only what the post checker has no reason to look for: a commenter stating their own age or grade.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from clientsafe.checker import language as lang
from clientsafe.checker.normalise import normalise

# Identifier findings that disclose how to reach or identify someone (a bare name is not: comments carry names).
IDENTIFIERS = frozenset(
    {
        "PHONE_NUMBER",
        "EMAIL_ADDRESS",
        "STREET_ADDRESS",
        "US_SSN",
        "US_DRIVER_LICENSE",
        "US_PASSPORT",
        "MEDICAL_RECORD_NUMBER",
        "ID_NUMBER",
        "DATE_OF_BIRTH",
        "ROOM_NUMBER",
    }
)
YOUTH_TYPES = frozenset({"AGE_MINOR", "SCHOOL", "YOUTH", "SELF_AGE_MINOR", "ROSTER_CLIENT_MINOR"})

# A commenter stating their own age under 18 or school year: the post checker's AGE_MINOR looks for ages said
# about someone ("my son, 8"), not "I'm 15" or "tengo 14 años".
_AGE = r"(?:1[0-7]|[5-9])"
SELF_AGE = re.compile(
    r"\b(?:i'?m|i am|im)\s+(?:only\s+|just\s+)?" + _AGE + r"(?:\s*(?:years?\s*old|yrs?\s*old|y/?o))?\b"
    r"|\b" + _AGE + r"\s*(?:years?\s*old|yrs?\s*old|y/?o)\b"
    r"|\btengo\s+(?:solo\s+|sólo\s+)?" + _AGE + r"\s*años\b"
    r"|\b(?:con|de)\s+" + _AGE + r"\s*años\b",
    re.IGNORECASE,
)
SELF_GRADE = re.compile(
    r"\b(?:i'?m|i am|im)\s+(?:in\s+)?(?:(?:[5-9]|1[0-2])(?:st|nd|rd|th)\s+grade|(?:a\s+)?(?:freshman|sophomore|junior"
    r"|middle schooler|high schooler))\b"
    r"|\b(?:estoy\s+en|voy\s+en|curso)\s+(?:(?:[1-6]|primero|segundo|tercero|cuarto|quinto|sexto|s[eé]ptimo|octavo"
    r"|noveno)\s*(?:º|°|o)?\s*(?:grado|de\s+(?:secundaria|prepa|preparatoria|bachillerato)))\b",
    re.IGNORECASE,
)
# An address said in Spanish ("vivo en la calle Pino 23"): the street recognizer reads English street names.
ADDRESS_ES = re.compile(
    r"\b(?:calle|avenida|av\.|avda\.|camino|pasaje|colonia)\s+[\wÁÉÍÓÚÑáéíóúñ.]+(?:\s+[\wÁÉÍÓÚÑáéíóúñ.]+)?"
    r"\s*(?:#|n[ºo°]\.?\s*)?\d{1,5}\b",
    re.IGNORECASE,
)
# A school named in Spanish ("la Secundaria Juárez"): the SCHOOL phrase list is written for English names.
SCHOOL_ES = re.compile(
    r"\b(?i:escuela|secundaria|primaria|prepa|preparatoria|colegio|instituto|liceo|telesecundaria)\s+"
    r"(?:de\s+|del\s+)?[A-ZÁÉÍÓÚÑ][\wáéíóúñ]+"
)
FIRST_PERSON = re.compile(
    r"\b(?:i|i'm|im|i've|i'd|me|my|mine|myself|yo|me|mi|mis|tengo|estoy|soy|vivo)\b", re.IGNORECASE
)
THIRD_PERSON_TYPES = frozenset({"FAMILY", "PERSON", "ROSTER_CLIENT", "ROSTER_CLIENT_MINOR", "AGE_MINOR"})


@dataclass
class Moderated:
    """One item's answer. ``types`` are finding types (the checker's vocabulary), never the words."""

    id: str
    flagged: bool
    level: str  # "none" | "review" | "urgent" (a young person is involved)
    self_disclosure: bool
    about_other: bool
    youth: bool
    types: list[str] = field(default_factory=list)
    language: str = "en"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "flagged": self.flagged,
            "level": self.level,
            "self_disclosure": self.self_disclosure,
            "about_other": self.about_other,
            "youth": self.youth,
            "types": self.types,
            "language": self.language,
        }


def moderate_one(checker: Any, item_id: str, text: str) -> Moderated:
    """Check one comment written by someone else. ``checker``: a built :class:`clientsafe.checker.Checker`."""
    norm = normalise(text)
    language = lang.detect(norm.text)
    hits = checker.finder.find(norm.text, language) if norm.text.strip() else []
    types = {h.type for h in hits}
    sensitive = {h.type for h in hits if h.category == "sensitive"}
    identifiers = types & IDENTIFIERS
    if ADDRESS_ES.search(norm.text):
        identifiers.add("STREET_ADDRESS")
    if SELF_AGE.search(norm.text) or SELF_GRADE.search(norm.text):
        types.add("SELF_AGE_MINOR")
    if SCHOOL_ES.search(norm.text):
        types.add("SCHOOL")
    youth_types = types & YOUTH_TYPES
    youth = bool(youth_types)
    # A school named next to an age or grade identifies a young person on its own (the Community Standards'
    # extra protection for young people), even with nothing else disclosed.
    school_and_age = "SCHOOL" in types and bool(youth_types - {"SCHOOL", "YOUTH"})
    # A minor's age next to a service ("me and my daughter (12) at the food pantry"): a child shown as served.
    minor_served = bool(youth_types - {"SCHOOL", "YOUTH"}) and any(h.category == "relationship" for h in hits)
    # A child named with their age ("my son Jake, 8, at camp"): a minor's photo caption.
    minor_named = "AGE_MINOR" in types and "PERSON" in types
    flagged = bool(sensitive or identifiers or school_and_age or minor_served or minor_named)
    shown = sorted(
        sensitive | identifiers | (youth_types if flagged else set()) | ({"PERSON"} if minor_named else set())
    )
    if flagged and minor_served:
        shown = sorted(set(shown) | {h.type for h in hits if h.category == "relationship"})
    # "My brother is undocumented" is the brother's disclosure: the "my" inside a family phrase does not count.
    own_text = norm.text
    for h in hits:
        if h.category == "family":
            own_text = own_text[: h.start] + " " * (h.end - h.start) + own_text[h.end :]
    first_person = bool(FIRST_PERSON.search(own_text)) or "SELF_AGE_MINOR" in types
    others = bool(types & THIRD_PERSON_TYPES - {"AGE_MINOR"}) or ("AGE_MINOR" in types and "FAMILY" in types)
    return Moderated(
        id=item_id,
        flagged=flagged,
        level=("urgent" if youth else "review") if flagged else "none",
        self_disclosure=flagged and first_person,
        about_other=flagged and others,
        youth=flagged and youth,
        types=shown if flagged else [],
        language=language,
    )


def moderate(checker: Any, items: list[tuple[str, str]]) -> list[Moderated]:
    """Check a batch of ``(id, text)`` comments, in order (the NLP pass caches repeated chunks)."""
    return [moderate_one(checker, item_id, text) for item_id, text in items]
