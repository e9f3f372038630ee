"""Findings: everything the deterministic layer notices in a normalised post.

One NLP pass (Presidio with spaCy's names and places and our recognizers) per chunk of the post, cached by
the chunk's text so an edit re-reads only what changed; then the people stage, the organisation's own public
details taken out, the phrase lists (relationship, sensitive categories, youth, family), and the client roster.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from clientsafe.checker.chunks import chunk_spans
from clientsafe.checker.context import Hit, find_context
from clientsafe.checker.org import OrgProfile, phrase_spans
from clientsafe.checker.people import coordinated_names, mark_public_people, people, resolve_overlaps
from clientsafe.checker.recognizers.proper_nouns import ProperNounRecognizer
from clientsafe.roster.match import Roster

# Types that are only context for rules and never shown as identifiers on their own.
QUIET_TYPES = frozenset({"LOCATION"})
_CATEGORY_OF_ENTITY = {"LOCATION": "place", "STREET_NAME": "place"}
_CACHE_SIZE = 512


class Finder:
    """Build once per checker; ``find`` is safe from any thread (the NLP pass runs under one lock)."""

    def __init__(
        self, analyzer, org: OrgProfile, roster: Roster, min_score: float, consent_covers_minors: bool = False
    ) -> None:  # type: ignore[no-untyped-def]
        self._analyzer = analyzer
        self._entities = analyzer.get_supported_entities("en")
        self._proper_nouns = next(r for r in analyzer.registry.recognizers if isinstance(r, ProperNounRecognizer))
        self.org = org
        self.roster = roster
        self.min_score = min_score
        self.consent_covers_minors = consent_covers_minors
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, tuple[Hit, ...]] = OrderedDict()

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()

    def find(self, text: str, language: str = "en") -> list[Hit]:
        if not text.strip():
            return []
        hits = self._nlp(text)
        hits = people(hits, text, self._proper_nouns, language)
        org_names = phrase_spans(text, self.org.names_in_text())
        hits = mark_public_people(
            [h for h in hits if h.end > h.start and not self._is_org_own(h, text, org_names)], text
        )
        hits = coordinated_names(resolve_overlaps(hits), text)
        context = find_context(text, self.org.program_names())
        # A "name" inside a programme, service or school name ("the Drop-In Center", "Briggs Middle") is not one.
        places = [c for c in context if c.category in {"relationship", "youth"}]
        hits = [h for h in hits if h.type != "PERSON" or not any(p.start <= h.start and h.end <= p.end for p in places)]
        hits.extend(context)
        hits = self._with_roster(hits, text, [(p.start, p.end) for p in places] + org_names)
        return sorted(hits, key=lambda h: (h.start, h.end))

    # -- the NLP pass, chunk by chunk ---------------------------------------------------------------

    def _nlp(self, text: str) -> list[Hit]:
        hits: list[Hit] = []
        for start, end in chunk_spans(text):
            hits.extend(
                Hit(h.type, h.category, h.start + start, h.end + start, h.score, h.source)
                for h in self._chunk(text[start:end])
            )
        return hits

    def _chunk(self, chunk: str) -> tuple[Hit, ...]:
        with self._lock:  # spaCy's Language object is not documented as thread-safe; the cache shares it
            cached = self._cache.get(chunk)
            if cached is not None:
                self._cache.move_to_end(chunk)
                return cached
            results = self._analyzer.analyze(text=chunk, language="en", entities=self._entities)
            found = tuple(
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
            )
            self._cache[chunk] = found
            if len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
            return found

    # -- the organisation's own details and the roster ----------------------------------------------

    def _is_org_own(self, hit: Hit, text: str, org_names: list[tuple[int, int]]) -> bool:
        if self.org.is_own(hit.type, text[hit.start : hit.end], text):
            return True
        # Names inside the organisation's, a sponsor's or a programme's name ("Hartley Family Foundation").
        return hit.type in {"PERSON", "LOCATION"} and any(s <= hit.start and hit.end <= e for s, e in org_names)

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


def _source(result) -> str:  # type: ignore[no-untyped-def]
    name = str((result.recognition_metadata or {}).get("recognizer_name", ""))
    if "Spacy" in name:
        return "ner"
    return "gazetteer" if "Gazetteer" in name else "pattern"
