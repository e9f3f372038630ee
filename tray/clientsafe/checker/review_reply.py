"""Replies to online reviews: the structural cues that a reply confirms the reviewer is or was served.

HHS OCR's most frequent social-media enforcement is a practice answering a Yelp or Google review in a way that
confirms the reviewer was a patient, with or without details. A reply confirms that when it speaks *to* the
reviewer *about their care*: a second-person word next to a visit, care, clinical or billing noun ("your
appointment", "su tratamiento"), or a care verb in the past with the reviewer as its object ("we saw you", "you
were seen", "le atendimos", "cuando nos visitó"). These are sentence shapes, not a list of fitted phrases, so a
reply worded in a way nobody wrote down is still caught; a reply that only thanks, apologises or invites a call
("your feedback", "your concerns") has the second person but none of the care words, and passes.

Only used when the text is a review reply (``learned.is_review``): outside a review, "your appointment" is an
ordinary reminder. The cues become ``REVIEW_CONFIRMS`` findings, which the ``REVIEW_REPLY_CONFIRMS`` rule in
``rules.json`` holds; the findings the deterministic layer already made (a health detail, a name) count too when
they sit next to a second-person word.
"""

from __future__ import annotations

import functools
import re

from clientsafe.checker.context import Hit
from clientsafe.checker.verdict import Suggestion

TYPE = "REVIEW_CONFIRMS"
CATEGORY = "relationship"
# Findings that, said to the reviewer, are about the reviewer's care (the sensitive categories, a minor, a school).
_ABOUT_CARE = frozenset(
    {
        "HEALTH",
        "MENTAL_HEALTH",
        "MEDICATION",
        "HIV_STI",
        "PREGNANCY",
        "SUBSTANCE_USE",
        "ABUSE",
        "IMMIGRATION",
        "CRIMINAL_JUSTICE",
        "HOMELESSNESS",
        "FOSTER_CARE",
        "DISABILITY",
        "SPECIAL_EDUCATION",
        "GRADES_DISCIPLINE",
        "BENEFITS",
        "LGBTQ",
        "SHELTER",
        "ROOM_NUMBER",
        "DATE_OF_BIRTH",
    }
)

# Nouns that, owned by the reviewer, can only be about being served: the visit, the care, the people who gave
# it, the clinical findings, the paperwork and the bill. Word stems: a plural or a compound still matches.
_CARE_NOUNS_EN = (
    r"visits?|appointments?|appt|consult(?:ation)?s?|check-?ups?|follow-?ups?|intake|sessions?|stay|admission|"
    r"discharge|procedures?|surgery|operation|treatment|treatment plan|therapy|therapist|counsel(?:l)?or|"
    r"counsel(?:l)?ing|caseworker|case ?manager|worker|provider|doctor|dr\.?|physician|nurse|dentist|hygienist|"
    r"orthodontist|surgeon|psychiatrist|psychologist|pediatrician|midwife|diagnosis|condition|symptoms?|"
    r"results?|labs?|lab work|tests?|testing|screening|scans?|x-?rays?|mri|biopsy|ultrasound|exam|"
    r"prescriptions?|refills?|meds|medications?|medicines?|dose|shots?|vaccines?|injections?|"
    r"chart|records?|paperwork|intake forms?|referral|care|case|program|group|class(?:es)?|"
    r"cleaning|filling|crown|root canal|extraction|implant|dentures?|braces|aligners|retainer|sealants?|"
    r"tooth|teeth|gums?|bite|cavity|cavities|partial|night ?guard|bridge|veneers?|whitening|"
    r"bill|billing|invoice|statement|balance|copay|co-pay|deductible|claim|coverage|insurance|"
    r"medicaid|medicare|medi-cal|denti-cal|benefits|payment plan|estimate|collections?|"
    r"thyroid|blood (?:pressure|sugar|work|test)|a1c|cholesterol|weight|pain|infection|injury|allerg(?:y|ies)|asthma|"
    r"diabetes|disease|disorder|illness|cancer|sleep study|pregnancy|recovery|sobriety|tolerance|dosage|"
    r"authorization|prior auth|eob|ppo|hmo|"
    r"(?:dental|health|insurance|medical|delta|ppo|hmo) plan|"
    r"son|daughter|child|baby|husband|wife|partner|ex-?(?:partner|husband|wife|boyfriend|girlfriend)|mother|mom|"
    r"father|dad|parents?|family member|grandson|granddaughter|grandchild|grandmother|grandfather|sister|brother"
)
_CARE_NOUNS_ES = (
    r"citas?|visitas?|consultas?|revisi[oó]n|chequeo|sesi[oó]n(?:es)?|estancia|ingreso|alta|procedimiento|"
    r"cirug[ií]a|operaci[oó]n|tratamiento|terapia|terapeuta|consejer[oa]|trabajador[a]? social|proveedor[a]?|"
    r"doctor[a]?|m[eé]dic[oa]|enfermer[oa]|dentista|higienista|ortodoncista|psic[oó]log[oa]|psiquiatra|"
    r"pediatra|partera|diagn[oó]stico|condici[oó]n|s[ií]ntomas?|resultados?|an[aá]lisis|pruebas?|examen(?:es)?|"
    r"ultrasonido|radiograf[ií]as?|receta|medicamentos?|medicina|dosis|vacunas?|inyecci[oó]n|expediente|"
    r"historial|archivo|papeles|formularios?|referido|referencia|atenci[oó]n|caso|plan|programa|grupo|clase|"
    r"limpieza|empaste|corona|endodoncia|extracci[oó]n|implante|dentadura|frenos|brackets|muela|dientes?|enc[ií]as?|"
    r"factura|cuenta|saldo|copago|deducible|reclamo|cobertura|seguro|medicaid|medicare|medi-cal|denti-cal|"
    r"beneficios|presupuesto|cobro|"
    r"antecedentes?|presi[oó]n|az[uú]car|peso|dolor|infecci[oó]n|embarazo|recuperaci[oó]n|autorizaci[oó]n|"
    r"hij[oa]s?|beb[eé]|espos[oa]|pareja|mam[aá]|madre|pap[aá]|padre|familiar|niet[oa]|abuel[oa]|herman[oa]|"
    r"sobrin[oa]"
)
# Care verbs in the past with the reviewer as their object ("we saw you"): what a practice does to a patient.
_CARE_VERBS_EN = (
    r"saw|treated|examined|diagnosed|referred|prescribed|billed|admitted|discharged|rescheduled|tested|screened|"
    r"vaccinated|x-?rayed|enrolled|counsel(?:l)?ed|charged|dismissed|called|fitted|sedated|numbed|operated on"
)
# The same in the passive ("you were seen", "you were given nitrous"), where a few more verbs only fit care.
_CARE_PASSIVE_EN = (
    _CARE_VERBS_EN + r"|seen|given|told|asked|sent|scheduled|placed|put on|taken off|started on|denied|offered|"
    r"overcharged|quoted"
)
_SECOND_EN = r"(?:you|your|yours|you're|you've|you'd|u|ur)"
# Not "le"/"la"/"lo": they are articles and third-person pronouns as often as they are "usted".
_SECOND_ES = r"(?:su|sus|tu|tus|usted|ustedes|te)"
_PLURAL = r"(?:e?s)?"

_SHAPES_EN = (
    # "your appointment", "your son's braces", "your last visit", "your insurance claims"
    rf"\b(?:your|ur)\s+(?:[\w'-]+\s+){{0,2}}?(?:{_CARE_NOUNS_EN}){_PLURAL}\b",
    # "we saw you", "our hygienist treated you", "Dr. Lee referred you"
    rf"\b(?:{_CARE_VERBS_EN})\s+(?:you|u)\b",
    # "you were seen", "you were given", "you've been referred"
    rf"\byou(?:\s+were|'ve been|\s+have been|\s+had been|'re being|\s+are being)\s+(?:not\s+|never\s+)?"
    rf"(?:{_CARE_PASSIVE_EN})\b",
    # "we sent you to the ER", "referring you to a specialist"
    r"\b(?:sent|sending|send|referred|referring)\s+you\s+to\b",
    # "you've been with us since 2011", "you have been coming here for years"
    r"\byou(?:'ve|\s+have)\s+been\s+(?:with us|coming (?:here|to us|in)|(?:a|our) (?:patient|client|member))\b",
    # "your 6 months" (sober, in the programme): a count of the reviewer's own time
    r"\byour\s+\d+\s+(?:days?|weeks?|months?|years?)\b",
    # "loved seeing you today", "see you both in 3 months", "see you Thursday"
    r"\b(?:seeing|saw|see)\s+you\s+(?:both\s+|all\s+|and\s+[\w'-]+\s+)?(?:today|yesterday|this (?:morning|afternoon|"
    r"week)|last (?:week|month|time)|again|back|in \d+|next (?:week|month|time|visit)|(?:on |this |next )?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    # "when you came in", "you visited us", "you arrived 25 minutes late", "since you started with us"
    r"\byou\s+(?:came|come) (?:in|to see|for)\b|\byou\s+(?:visited|arrived|checked in|signed|started with|"
    r"missed|cancel(?:l)?ed|no-showed|attended|were (?:here|in|at) (?:our|the))\b",
    # "as a new patient", "as our client"
    r"\bas (?:a|an|our)\s+(?:new |former |long-?time |returning |established )?(?:patient|client|member|participant)\b",
    r"\b(?:our|the) (?:records|chart|notes|files|system) (?:show|shows|say|says|indicate|indicates)\b",
    r"\b(?:per|according to) our (?:records|chart|notes|files)\b",
    r"\bwhile you were (?:here|with us|in our care)\b|\bsee you (?:at|for|on) (?:your|the|our)\b",
)
_SHAPES_ES = (
    # "su cita", "tu tratamiento", "su última consulta", "la cita de su hijo"
    rf"\b(?:su|sus|tu|tus)\s+(?:[\w'-]+\s+){{0,2}}?(?:{_CARE_NOUNS_ES}){_PLURAL}\b",
    # "le atendimos", "la vimos", "te hicimos": the preterite of -er/-ir verbs (the -ar forms are the present too:
    # "con gusto le explicamos" is an offer, not a record)
    # (-ir verbs share the form with the present, so only -er and irregular ones count).
    r"\b(?:le|lo|la|te|les|los|las)\s+(?:atend|v|hic|pus|d|dij|traj)imos\b",
    # "se le explicó", "le avisó", "la atendió": the third-person preterite is a record, never an offer
    r"\b(?:se\s+)?(?:le|te|lo|la)\s+(?:explic|inform|avis|indic|cobr|llam|atendi|envi|mand|recet|vi)ó\b",
    # "la esperamos la próxima semana", "le esperamos el jueves"
    r"\b(?:la|lo|le|te|los|las)\s+esperamos\s+(?:el|la|este|esta|en su|para su|mañana)\b",
    # "cuando nos visitó", "la vez que vino", "desde que usted llegó"
    r"\b(?:cuando|desde que|la vez que)\s+(?:usted\s+|tú\s+)?(?:nos\s+)?(?:visit[oóé]|vino|viniste|lleg[oóé]|"
    r"llegaste|estuvo|estuviste)\b",
    r"\busted\s+(?:vino|lleg[oó]|firm[oó]|recibi[oó]|falt[oó]|cancel[oó]|estuvo aqu[ií]|pidi[oó]|solicit[oó])\b",
    r"\b(?:fue|fuiste)\s+(?:atendid[oa]|vist[oa]|tratad[oa]|referid[oa]|diagnosticad[oa])\b",
    r"\bcomo (?:nuestr[oa]|un[a]?)\s+(?:nuev[oa]\s+)?(?:paciente|cliente|participante)\b",
    r"\b(?:nuestros|los) (?:registros|expedientes|archivos) (?:muestran|indican|dicen)\b",
    r"\bseg[uú]n nuestros registros\b",
)
# "your thyroid", "su VIH", "you have diabetes", "usted tiene depresión": a second-person owner or subject right
# before a detail the other layers found.
_OWNER = re.compile(
    r"(?<![\w'])(?:your|ur|su|sus|tu|tus)\s+(?:[\w'-]+\s+){0,2}?$|(?<![\w'])(?:you|usted|t[uú])\s+"
    r"(?:have|had|has|were|are|was|got|tiene|ten[ií]a|tuvo|est[aá]|estaba|estuvo)\s+(?:[\w'-]+\s+){0,2}?$",
    re.IGNORECASE,
)


_PRONOUN = re.compile(rf"(?<![\w']){_SECOND_EN}(?![\w'])|(?<![\w']){_SECOND_ES}(?![\w'])", re.IGNORECASE)


@functools.lru_cache(maxsize=2)
def _shapes(language: str) -> re.Pattern[str]:
    # A Spanish or Spanglish reply mixes both languages ("Hola Sra. Mendoza, your Denti-Cal only covers…"), and an
    # English reply may quote a Spanish word: both sets are always read; the language only orders them.
    shapes = _SHAPES_ES + _SHAPES_EN if language == "es" else _SHAPES_EN + _SHAPES_ES
    return re.compile("|".join(f"(?:{s})" for s in shapes), re.IGNORECASE)


def find_review_cues(text: str, language: str, hits: list[Hit]) -> list[Hit]:
    """The stretches of a review reply that confirm the reviewer was served (as ``REVIEW_CONFIRMS`` hits)."""
    out = [Hit(TYPE, CATEGORY, m.start(), m.end(), 0.85, "lexicon") for m in _shapes(language).finditer(text)]
    details = [h for h in hits if h.type in _ABOUT_CARE]
    for h in details:
        # A detail the other layers found, owned by the reviewer ("your thyroid", "usted tiene depresión").
        before = _OWNER.search(text[max(0, h.start - 60) : h.start])
        if before is not None:
            out.append(
                Hit(
                    TYPE,
                    CATEGORY,
                    h.start - (len(text[max(0, h.start - 60) : h.start]) - before.start()),
                    h.end,
                    0.8,
                    "lexicon",
                )
            )
    # A reply that names someone and a health or other private detail ("Glad the vasectomy recovery was easy,
    # Ricky") says who was treated for what, whatever the grammar.
    names = [h for h in hits if h.type in {"PERSON", "SOCIAL_HANDLE"}]
    sensitive = [h for h in details if h.type not in {"SERVICE_CONTEXT", "ROOM_NUMBER"}]
    if names and sensitive:
        out.append(Hit(TYPE, CATEGORY, sensitive[0].start, sensitive[0].end, 0.8, "lexicon"))
    return out


def _sentence_break(stretch: str) -> bool:
    return bool(re.search(r"[.!?]\s", stretch))


def suggested_reply(text: str, reasons: dict[str, dict], language: str) -> list[Suggestion]:
    """One suggestion that puts the reason's reply that confirms nothing (reasons.json, in the reply's language)
    in place of the whole text."""
    info = reasons.get("REVIEW_REPLY_CONFIRMS", {})
    other = info.get(language) if language != "en" else None
    reply = (other or {}).get("suggested_reply") or info.get("suggested_reply", "")
    if not reply:
        return []
    return [Suggestion(0, len(text.encode("utf-16-le")) // 2, reply)]
