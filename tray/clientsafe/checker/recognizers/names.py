"""A name gazetteer on top of spaCy's NER.

The small spaCy model misses many names in short, informal posts ("so proud of Keisha today!!"), and
a missed name is a missed breach. Census given-name and surname lists (the ``names`` package ships
them) catch those. A false name costs little: a name alone never warns; only a name tied to services
or sensitive details does (see rules.json).
"""

from __future__ import annotations

import functools
import os

import names as census_names
import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from clientsafe.wordlists import WORD_NAMES

# Capitalised words that follow a given name without being a surname.
NOT_SURNAMES = frozenset(
    [
        "god",
        "jesus",
        "lord",
        "street",
        "st",
        "avenue",
        "ave",
        "road",
        "rd",
        "day",
        "night",
        "morning",
        "evening",
        "week",
        "weekend",
        "month",
        "year",
        "center",
        "centre",
        "clinic",
        "school",
        "program",
        "shelter",
        "house",
        "group",
        "team",
        "club",
        "church",
        "park",
        "hall",
    ]
)
_CAP = r"\p{Lu}[\p{Ll}'’\-]+(?:-\p{Lu}[\p{Ll}]+)?"
_CAP_WORD = regex.compile(r"(?<![\w@#])" + _CAP + r"(?:\s+" + _CAP + r"){0,2}(?![\w@])")
_ONE_CAP = regex.compile(_CAP)
_LOWER_PAIR = regex.compile(r"(?<![\w@#.])([a-z]{2,})\s+([a-z]{2,})(?![\w@])")
_SENTENCE_START = regex.compile(r"(?:^|[.!?:\n]\s*|[\"“(]\s*)$")


@functools.lru_cache(maxsize=1)
def census_lists() -> tuple[frozenset[str], frozenset[str]]:
    folder = os.path.dirname(census_names.__file__)

    def read(name: str, limit: int | None = None) -> list[str]:
        with open(os.path.join(folder, name), encoding="ascii") as f:
            words = [line.split()[0].lower() for line in f if line.strip()]
        return words[:limit] if limit else words

    given = set(read("dist.female.first")) | set(read("dist.male.first"))
    surnames = set(read("dist.all.last", 40_000))
    return frozenset(given), frozenset(surnames)


class NameGazetteerRecognizer(EntityRecognizer):
    ENTITY = "PERSON"

    def __init__(self) -> None:
        super().__init__(supported_entities=[self.ENTITY], name="NameGazetteerRecognizer")

    def load(self) -> None:
        self.given, self.surnames = census_lists()
        self.stop = frozenset(w.lower() for w in STOP_WORDS)

    def _is_given(self, word: str) -> bool:
        w = word.lower().removesuffix("'s").removesuffix("’s")
        return w in self.given and w not in self.stop

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for match in _CAP_WORD.finditer(text):
            words = [(m.group(), match.start() + m.start()) for m in _ONE_CAP.finditer(match.group())]
            # Find a given name inside the run of capitalised words ("Congrats Maria Lopez").
            for i, (word, start) in enumerate(words):
                if not self._is_given(word):
                    continue
                rest: list[tuple[str, int]] = []
                for follower in words[i + 1 : i + 3]:
                    if follower[0].lower() in NOT_SURNAMES:
                        break
                    rest.append(follower)
                if rest:
                    known_surname = rest[0][0].lower().removesuffix("'s").removesuffix("’s") in self.surnames
                    if word.lower() in WORD_NAMES and not known_surname:
                        break  # "Hope Springs", "Will Power": words, not a name
                    if len(rest) == 2 and rest[1][0].lower() not in self.surnames:
                        rest = rest[:1]
                    end = rest[-1][1] + len(rest[-1][0])
                    results.append(RecognizerResult(self.ENTITY, start, end, 0.85 if known_surname else 0.6))
                elif word.lower() not in WORD_NAMES:
                    sentence_start = bool(_SENTENCE_START.search(text[:start]))
                    results.append(
                        RecognizerResult(self.ENTITY, start, start + len(word), 0.5 if sentence_start else 0.6)
                    )
                break
        # All-lower-case full names ("talked to maria lopez today").
        for match in _LOWER_PAIR.finditer(text):
            first, last = match.group(1), match.group(2)
            if (
                self._is_given(first)
                and first not in WORD_NAMES
                and last in self.surnames
                and last not in self.stop
                and last not in self.given
            ):
                results.append(RecognizerResult(self.ENTITY, match.start(), match.end(), 0.5))
        return results
