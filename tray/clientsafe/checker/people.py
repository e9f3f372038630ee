"""People in a post: which spans are names, and which names belong to public people.

spaCy's small model and the name lists find candidate names; this stage trims greetings and roles that
were pulled into them, drops what is not a name (a title, a place, an acronym), keeps the most specific
finding where spans overlap, re-types staff, volunteers and officials as PUBLIC_PERSON, and adds the second
name of "Dawn and Anouk". It reads and returns findings (``Hit``) and nothing else.
"""

from __future__ import annotations

import unicodedata

import regex

from clientsafe.checker.context import Hit
from clientsafe.checker.recognizers.proper_nouns import ProperNounRecognizer, is_place_or_title
from clientsafe.wordlists import WORD_NAMES, spanish_stop_words, stop_words

# Types that refine others when spans overlap: an e-mail is not also a person, an address not a name.
# A number after its own cue ("IMEI", "passport", "IBAN") outranks a shape that only looks like another type.
_SPECIFIC_FIRST = (
    "US_SSN",
    "US_ITIN",
    "IBAN_CODE",
    "DEVICE_ID",
    "CREDIT_CARD",
    "MEDICAL_RECORD_NUMBER",
    "MEDICAID_ID",
    "MEDICARE_ID",
    "HEALTH_PLAN_ID",
    "CASE_NUMBER",
    "PASSPORT",
    "A_NUMBER",
    "CERTIFICATE_NUMBER",
    "MEDICAL_LICENSE",
    "DRIVER_LICENSE",
    "LICENSE_PLATE",
    "VEHICLE_ID",
    "STUDENT_ID",
    "ACCOUNT_NUMBER",
    "MAC_ADDRESS",
    "IP_ADDRESS",
    "EMAIL_ADDRESS",
    "SOCIAL_HANDLE",
    "URL",
    "DATE_OF_BIRTH",
    "PERSONAL_DATE",
    "PHONE_NUMBER",
    "STREET_ADDRESS",
    "ZIP_CODE",
    "AGE_MINOR",
    "AGE_OVER_89",
    "AGE",
    "PERSON",
    "LOCATION",
)


# Words spaCy often pulls into a name at the start of a post ("Meet Jayden", "Congrats Maria").
_NAME_LEAD_INS = frozenset(
    [
        "meet",
        "congrats",
        "congratulations",
        "welcome",
        "thanks",
        "thank",
        "shoutout",
        "shout",
        "happy",
        "proud",
        "hi",
        "hey",
        "dear",
        "love",
        "miss",
        "pray",
        "praying",
        "prayers",
        "say",
        "wish",
        "wishing",
        "go",
        "big",
        "huge",
        "rip",
        "email",
        "text",
        "call",
        "dm",
        "message",
        "contact",
        "ask",
        "tell",
        "visit",
        "join",
        "board",
        "chair",
        "treasurer",
        "director",
        "coordinator",
        "volunteer",
        "mayor",
        "rep",
        "senator",
        "dr",
        "coach",
        "officer",
        "intern",
        "manager",
        "principal",
        "pastor",
    ]
)


def trim_person(hit: Hit, text: str) -> Hit:
    """Drop greeting, role and function words spaCy pulls into a name, and a trailing possessive."""
    start, end = hit.start, hit.end
    words = list(regex.finditer(r"\S+", text[hit.start : hit.end]))
    for word in words[:-1]:  # never the last word: "Will" alone may be the name
        plain = word.group().lower().strip(",!:.")
        if plain not in _NAME_LEAD_INS and plain not in stop_words() and plain.replace("’", "'") not in stop_words():
            break
        start = hit.start + word.end()
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        if text[end - 1] == "." and end - start >= 2 and text[end - 2].isupper():
            break  # keep the full stop of an initial: "J.R."
        end -= 1
    if text[start:end].lower().endswith(("'s", "’s")):
        end -= 2
    return Hit(hit.type, hit.category, start, end, hit.score, hit.source)


# Staff, volunteers, donors and officials are named in public posts all the time: a name right after or
# before one of these roles is not a client's ("volunteer Jake Miller", "Sam, our new intern").
_ROLE_BEFORE = regex.compile(
    r"\b(?:volunteer|staff(?:er)?|staff member|director|coordinator|manager|intern|donor|sponsor|"
    r"board(?: member| chair)?|"
    r"chair|treasurer|secretary|coach|officer|dr\.?|rep\.?|representative|mayor|senator|council(?:member|or|woman|man)?|"
    r"commissioner|pastor|reverend|rev\.|principal|superintendent|teacher|nurse|counsel+or|advocate|mentor|tutor|"
    r"trainer|therapist|clinician|facilitator|instructor|organi[sz]er|colleague|co-?worker|supervisor|ceo|founder|"
    r"author|speaker|chef|owner|our very own|our own)s?(?![a-z])"
    r"[^\n.!?]{0,30}$",
    regex.IGNORECASE,
)
_ROLE_AFTER = regex.compile(
    r"^\s+(?:from|of|on)\s+(?:our|the)\s+(?:[\w-]+\s+){0,2}(?:team|staff|board)\b|"
    r"^[\s,(]+(?:is\s+)?(?:our|the|a|my)\s+(?:[\w-]+\s+){0,2}(?:volunteer|board|staff|program|executive|"
    r"director|coordinator|intern|mentor|tutor|nurse|counsel+or|advocate|teacher|coach|colleague|co-?worker|trainer|"
    r"supervisor|donor|sponsor)",
    regex.IGNORECASE,
)


# "volunteers Raúl Medina, Grace Liu, and Bilal Rahimi": the role covers the whole list.
_LIST_SEPARATOR = regex.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*[—–&]\s*)")


def mark_public_people(hits: list[Hit], text: str) -> list[Hit]:
    """Re-type names in a public role as PUBLIC_PERSON, and later mentions of the same name with them.

    They still count for contact details (a volunteer's own cell number is private) but not as clients.
    """
    public_words: set[str] = set()
    previous_public_end = -100
    for h in sorted(hits, key=lambda h: h.start):
        if h.type != "PERSON":
            continue
        in_list = previous_public_end >= 0 and bool(_LIST_SEPARATOR.fullmatch(text[previous_public_end : h.start]))
        if (
            in_list
            or _ROLE_BEFORE.search(text[max(0, h.start - 60) : h.start])
            or _ROLE_AFTER.search(text[h.end : h.end + 60])
        ):
            public_words.update(w.lower() for w in text[h.start : h.end].split())
            previous_public_end = h.end
    # Later mentions by first name or nickname ("Abdirahman Warsame ... Abdi") are the same public person.

    def is_public(value: str) -> bool:
        words = {w.lower() for w in value.split()}
        return bool(words & public_words) or any(len(w) >= 3 and p.startswith(w) for w in words for p in public_words)

    if not public_words:
        return hits
    return [
        Hit("PUBLIC_PERSON", h.category, h.start, h.end, h.score, h.source)
        if h.type == "PERSON" and is_public(text[h.start : h.end])
        else h
        for h in hits
    ]


def resolve_overlaps(hits: list[Hit]) -> list[Hit]:
    """Keep the most specific finding where spans overlap (an e-mail is not also a name).

    A name that runs into a more specific finding ("Joseph Jackson - Visa - 4320-...") is cut back to the
    part before it rather than dropped.
    """
    rank = {t: i for i, t in enumerate(_SPECIFIC_FIRST)}
    # spaCy calling a word a place ("moved to Eugene") outweighs a name list calling it a given name.
    places = {(h.start, h.end) for h in hits if h.type == "LOCATION" and h.source == "ner"}
    hits = [h for h in hits if not (h.type == "PERSON" and h.source == "gazetteer" and (h.start, h.end) in places)]
    ordered = sorted(hits, key=lambda h: (rank.get(h.type, len(rank)), -(h.end - h.start)))
    kept: list[Hit] = []
    for h in ordered:
        clash = [k for k in kept if h.start < k.end and k.start < h.end]
        if clash and h.type == "PERSON":
            first = min(k.start for k in clash)
            if first - h.start >= 2 and all(k.start >= first for k in clash):
                h = Hit(h.type, h.category, h.start, first, h.score, h.source)
                clash = []
        if clash:
            continue
        kept.append(h)
    return kept


_COORDINATED = regex.compile(r"(\p{Lu}\p{Ll}+)\s+(?:and|&)\s+(\p{Lu}\p{Ll}+)")


def coordinated_names(hits: list[Hit], text: str) -> list[Hit]:
    """ "Dawn and Anouk", "Aurora and Crystal": a capitalised word joined by "and" to a name is a name too."""
    names = [h for h in hits if h.type == "PERSON"]
    if not names:
        return hits
    added = []
    for m in _COORDINATED.finditer(text):
        left, right = m.span(1), m.span(2)
        covered = [any(h.start <= s and e <= h.end for h in names) for s, e in (left, right)]
        for (s, e), is_name, other in ((left, covered[0], covered[1]), (right, covered[1], covered[0])):
            if other and not is_name and not any(h.start < e and s < h.end for h in hits):
                added.append(Hit("PERSON", "identifier", s, e, 0.5, "pattern"))
    return hits + added


def plausible_name(hit: Hit, text: str, proper_nouns: ProperNounRecognizer) -> bool:
    """spaCy's small model tags odd things as people ("Showers", "résumés", "Medical Director"), and
    census lists pair ordinary words ("foster parent")."""
    value = text[hit.start : hit.end]
    if not value or is_place_or_title(text, hit.start, hit.end) or text[max(0, hit.start - 1) : hit.start] == "/":
        return False
    if hit.source == "gazetteer" and value.islower():
        return not proper_nouns.is_plain_words(value, allow_given=True)
    if hit.source == "ner" and (value.isupper() and len(value) > 2):
        return False  # an acronym ("LCSW"), not a name
    if hit.source == "pattern" and (value.lower() in WORD_NAMES or "." in value or " " in value):
        return True  # "Will from my group", "J.R.", "Tanisha W.": the pattern already made the case
    return not (hit.source in {"ner", "pattern"} and proper_nouns.is_plain_words(value))


def people(hits: list[Hit], text: str, proper_nouns: ProperNounRecognizer, language: str = "en") -> list[Hit]:
    """The people stage, top to bottom: trim, drop the implausible, resolve overlaps, add coordinated names.

    (Public people are marked by the caller after the organisation's own names are removed.)"""
    hits = [trim_person(h, text) if h.type == "PERSON" else h for h in hits]
    hits = [h for h in hits if h.type != "PERSON" or plausible_name(h, text, proper_nouns)]
    if language == "es":
        hits = [h for h in hits if h.type != "PERSON" or _spanish_name(text[h.start : h.end])]
    return hits


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def _spanish_name(value: str) -> bool:
    """In a Spanish post, English-trained NER and the capitalised-word patterns take ordinary Spanish words for
    names ("Estamos", "Línea", "Gracias"). A name there must hold a word the census name lists know (they carry
    the Hispanic given names and surnames: María, Guadalupe, Rosa, Pérez), or be an initial ("D."), and no word
    of it may be a Spanish function word."""
    from clientsafe.checker.recognizers.names import census_lists

    given, surnames = census_lists()
    words = [_fold(w.strip(".,;:!?¡¿'’")) for w in value.split()]
    words = [w for w in words if w]
    if not words or any(w in spanish_stop_words() for w in words):
        return False
    return any(w in given or w in surnames or (len(w) == 1 and value.strip().endswith(".")) for w in words)
