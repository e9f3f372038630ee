"""The checker: a draft post in, a verdict out.

text -> normalise -> one Presidio pass (spaCy NER + our recognizers) + phrase lists -> drop the
organisation's own public details -> risk rules -> verdict with UTF-16 offsets.
"""

from __future__ import annotations

import threading
import time
from importlib.metadata import version as package_version
from typing import TYPE_CHECKING, Any

import regex
from spacy.lang.en.stop_words import STOP_WORDS

from clientsafe import __version__, settings
from clientsafe.checker.analyzer import build_analyzer
from clientsafe.checker.context import Hit, find_context
from clientsafe.checker.normalise import normalise
from clientsafe.checker.org import OrgProfile, phrase_spans
from clientsafe.checker.reasons import load_reasons
from clientsafe.checker.recognizers.names import WORD_NAMES
from clientsafe.checker.recognizers.proper_nouns import ProperNounRecognizer, is_place_or_title
from clientsafe.checker.rules import Fired, RuleTable
from clientsafe.checker.verdict import ACTION_RANK, Action, Finding, Reason, Suggestion, Verdict

if TYPE_CHECKING:
    from clientsafe.roster.match import Roster

ACCOUNTS = ("personal", "org")
# Types that are only context for rules and never shown as identifiers on their own.
_QUIET_TYPES = {"LOCATION"}
_CATEGORY_OF_ENTITY = {"LOCATION": "place", "STREET_NAME": "place"}
# Types that refine others when spans overlap: an e-mail is not also a person, an address not a name.
_SPECIFIC_FIRST = (
    "US_SSN",
    "CREDIT_CARD",
    "MEDICAL_RECORD_NUMBER",
    "MEDICAID_ID",
    "MEDICARE_ID",
    "HEALTH_PLAN_ID",
    "CASE_NUMBER",
    "A_NUMBER",
    "DRIVER_LICENSE",
    "STUDENT_ID",
    "ACCOUNT_NUMBER",
    "EMAIL_ADDRESS",
    "SOCIAL_HANDLE",
    "DATE_OF_BIRTH",
    "PERSONAL_DATE",
    "PHONE_NUMBER",
    "STREET_ADDRESS",
    "AGE_MINOR",
    "AGE_OVER_89",
    "AGE",
    "PERSON",
    "LOCATION",
)


class InputError(ValueError):
    """The request cannot be checked as given; the message says why and what to do."""


class Checker:
    """Build once (loads the model, a second or two), then call :meth:`check` from any thread."""

    def __init__(
        self,
        org: OrgProfile | None = None,
        rules: RuleTable | None = None,
        model: str | None = None,
        roster: Roster | None = None,
        consent_covers_minors: bool = False,
    ):
        """``roster``: the client roster to look for (default: the imported one in the data folder, re-read
        when a new import lands). ``consent_covers_minors``: whether a media release on file covers a minor
        on the client list too (the organisation policy decides; off by default)."""
        self.model = model or settings.get("model")
        if roster is None:
            # Imported here: clientsafe.roster uses the checker's word lists, so the packages import each other.
            from clientsafe.roster.match import Roster

            roster = Roster()
        self.roster = roster
        self.consent_covers_minors = consent_covers_minors
        self.org = org or OrgProfile()
        self.rules = rules or RuleTable.default()
        self.reasons = load_reasons()
        self.max_chars = int(settings.get("max_text_chars"))
        self.min_score = float(settings.get("min_score"))
        self._analyzer = build_analyzer(self.model)
        self._entities = self._analyzer.get_supported_entities("en")
        self._proper_nouns = next(r for r in self._analyzer.registry.recognizers if isinstance(r, ProperNounRecognizer))
        self._lock = threading.Lock()
        nlp = self._analyzer.nlp_engine.nlp["en"]  # type: ignore[attr-defined]
        self.version = (
            f"clientsafe {__version__}; presidio-analyzer {package_version('presidio-analyzer')}; "
            f"spacy {package_version('spacy')}; {self.model} {nlp.meta.get('version', '?')}"
        )
        self.warm_up()

    def warm_up(self) -> None:
        """Run one check so the first real post does not pay for lazy initialisation."""
        self.check(
            "Warm-up: Maria from our program (maria@example.org, 541-555-0100) asked about her 14-year-old's IEP."
        )

    def check(self, text: str, account: str = "personal", site: str | None = None) -> Verdict:
        started = time.perf_counter()
        if not isinstance(text, str):
            raise InputError("text must be a string")
        if account not in ACCOUNTS:
            raise InputError(f"account must be one of {', '.join(ACCOUNTS)}, not {account!r}")
        if len(text) > self.max_chars:
            raise InputError(
                f"The text is {len(text):,} characters; ClientSafe checks up to {self.max_chars:,}. "
                "Split it into shorter posts."
            )
        norm = normalise(text)
        hits = self._find(norm.text) if norm.text.strip() else []
        fired = self.rules.evaluate(hits, account)
        verdict = self._verdict(norm, hits, fired)
        verdict.engine = {"ms": round((time.perf_counter() - started) * 1000, 2), "version": self.version}
        return verdict

    # -- finding -----------------------------------------------------------------------------------

    def _find(self, text: str) -> list[Hit]:
        with self._lock:  # spaCy's Language object is not documented as thread-safe
            results = self._analyzer.analyze(text=text, language="en", entities=self._entities)
        hits = [
            Hit(
                r.entity_type,
                _CATEGORY_OF_ENTITY.get(r.entity_type, "identifier"),
                r.start,
                r.end,
                round(r.score, 2),
                _source(r),
            )
            for r in results
            if r.score >= self.min_score
        ]
        hits = [_trim_person(h, text) if h.type == "PERSON" else h for h in hits]
        hits = [h for h in hits if h.type != "PERSON" or self._plausible_name(h, text)]
        org_names = phrase_spans(text, self.org.names_in_text())
        hits = _mark_public_people(
            [h for h in hits if h.end > h.start and not self._is_org_own(h, text, org_names)], text
        )
        hits = _coordinated_names(_resolve_overlaps(hits), text)
        context = find_context(text, self.org.program_names())
        # A "name" inside a programme, service or school name ("the Drop-In Center", "Briggs Middle") is not one.
        places = [c for c in context if c.category in {"relationship", "youth"}]
        hits = [h for h in hits if h.type != "PERSON" or not any(p.start <= h.start and h.end <= p.end for p in places)]
        hits.extend(context)
        hits = self._with_roster(hits, text, [(p.start, p.end) for p in places] + org_names)
        return sorted(hits, key=lambda h: (h.start, h.end))

    def _with_roster(self, hits: list[Hit], text: str, names_of_places: list[tuple[int, int]]) -> list[Hit]:
        """Add the roster clients named in the text. The roster knows who a name is, so a PERSON (or
        PUBLIC_PERSON, or handle) found at the same place gives way to it."""
        found = self.roster.find(text)
        if not found:
            return hits
        roster_hits = []
        for m in found:
            one_word = m.kind != "handle" and " " not in text[m.start : m.end].strip()
            if one_word and any(s <= m.start and m.end <= e for s, e in names_of_places):
                continue  # "Hope House", the programme, is not the client whose alias is Hope
            if m.consent and (not m.minor or self.consent_covers_minors):
                kind = "ROSTER_CLIENT_CONSENTED"
            else:
                kind = "ROSTER_CLIENT_MINOR" if m.minor else "ROSTER_CLIENT"
            roster_hits.append(Hit(kind, "identifier", m.start, m.end, 1.0, "roster"))
        replaced = {"PERSON", "PUBLIC_PERSON", "SOCIAL_HANDLE"}
        kept = [
            h
            for h in hits
            if h.type not in replaced or not any(h.start < r.end and r.start < h.end for r in roster_hits)
        ]
        return kept + roster_hits

    def _plausible_name(self, hit: Hit, text: str) -> bool:
        """spaCy's small model tags odd things as people ("Showers", "résumés", "Medical Director"), and
        census lists pair ordinary words ("foster parent")."""
        value = text[hit.start : hit.end]
        if not value or is_place_or_title(text, hit.start, hit.end) or text[max(0, hit.start - 1) : hit.start] == "/":
            return False
        if hit.source == "gazetteer" and value.islower():
            return not self._proper_nouns.is_plain_words(value, allow_given=True)
        if hit.source == "ner" and (value.isupper() and len(value) > 2):
            return False  # an acronym ("LCSW"), not a name
        if hit.source == "pattern" and (value.lower() in WORD_NAMES or "." in value or " " in value):
            return True  # "Will from my group", "J.R.", "Tanisha W.": the pattern already made the case
        return not (hit.source in {"ner", "pattern"} and self._proper_nouns.is_plain_words(value))

    def _is_org_own(self, hit: Hit, text: str, org_names: list[tuple[int, int]]) -> bool:
        if self.org.is_own(hit.type, text[hit.start : hit.end], text):
            return True
        # Names inside the organisation's, a sponsor's or a programme's name ("Hartley Family Foundation").
        return hit.type in {"PERSON", "LOCATION"} and any(s <= hit.start and hit.end <= e for s, e in org_names)

    # -- verdict -----------------------------------------------------------------------------------

    def _verdict(self, norm: Any, hits: list[Hit], fired: list[Fired]) -> Verdict:
        action: Action = "allow"
        reasons: list[Reason] = []
        suggest_hits: dict[tuple[int, int], Hit] = {}
        for f in fired:
            if ACTION_RANK[f.action] > ACTION_RANK[action]:
                action = f.action  # type: ignore[assignment]  # rules.json actions are validated by tests
            info = self.reasons.get(f.rule.code, {})
            reasons.append(
                Reason(f.rule.code, info.get("message", f.rule.code), f.rule.policy_ref, info.get("example", ""))
            )
            wanted = frozenset().union(*(self.rules.members(g) for g in f.rule.suggest)) if f.rule.suggest else set()
            for h in f.hits:
                if h.type in wanted:
                    suggest_hits[(h.start, h.end)] = h
        # Strongest reason first: that is the one a person reads.
        order = {f.rule.code: ACTION_RANK[f.action] for f in fired}
        reasons.sort(key=lambda r: -order[r.code])
        findings = []
        for h in hits:
            if h.type in _QUIET_TYPES:
                continue
            start, end = norm.span_to_utf16(h.start, h.end)
            findings.append(Finding(h.type, h.category, start, end, h.score, h.source))
        suggestions = []
        for h in sorted(suggest_hits.values(), key=lambda h: h.start):
            replacement = self._replacement(h, norm.text)
            if replacement is not None:
                start, end = norm.span_to_utf16(h.start, h.end)
                suggestions.append(Suggestion(start, end, replacement))
        return Verdict(action=action, reasons=reasons, findings=findings, suggestions=_no_overlap(suggestions))

    def _replacement(self, hit: Hit, text: str) -> str | None:
        if hit.type.startswith("AGE"):
            return _age_replacement(hit.type, text[hit.start : hit.end])
        table = self.rules.replacements
        if hit.type in table:
            return table[hit.type]
        if hit.type in self.rules.members("id_number"):
            return table.get("id_number")
        return None


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


def _source(result) -> str:  # type: ignore[no-untyped-def]
    name = str((result.recognition_metadata or {}).get("recognizer_name", ""))
    if "Spacy" in name:
        return "ner"
    return "gazetteer" if "Gazetteer" in name else "pattern"


def _trim_person(hit: Hit, text: str) -> Hit:
    """Drop greeting, role and function words spaCy pulls into a name, and a trailing possessive."""
    start, end = hit.start, hit.end
    words = list(regex.finditer(r"\S+", text[hit.start : hit.end]))
    for word in words[:-1]:  # never the last word: "Will" alone may be the name
        plain = word.group().lower().strip(",!:.")
        if plain not in _NAME_LEAD_INS and plain not in STOP_WORDS and plain.replace("’", "'") not in STOP_WORDS:
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


def _mark_public_people(hits: list[Hit], text: str) -> list[Hit]:
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


def _age_replacement(kind: str, value: str) -> str:
    """Rewrite an age so the sentence still reads: "a 14-year-old" -> "a young", "Jay, 14," -> "Jay,"."""
    lowered = value.lower().strip()
    if "old" in lowered:
        return {"AGE_MINOR": "young", "AGE_OVER_89": "older"}.get(kind, "adult")
    if lowered.startswith(("turned", "turns", "turning", "just turned")):
        return "had a birthday"
    if lowered.startswith((",", "(")) or value.startswith(" "):
        return ""  # an aside after a name: drop it with its punctuation
    if lowered.startswith(("in his", "in her", "in their")):
        return "older"
    return {"AGE_MINOR": "young", "AGE_OVER_89": "older"}.get(kind, "an adult")


def _resolve_overlaps(hits: list[Hit]) -> list[Hit]:
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


def _coordinated_names(hits: list[Hit], text: str) -> list[Hit]:
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


def _no_overlap(suggestions: list[Suggestion]) -> list[Suggestion]:
    out: list[Suggestion] = []
    for s in suggestions:
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out
