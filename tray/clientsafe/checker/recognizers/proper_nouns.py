"""Capitalised words that are not English words are, in a post, nearly always names.

"Onysym came in asking about the program", "Referral from Davi Luiz Nunes", "Iseoluwa, 11": names from
everywhere, which no name list covers and the small NER model often misses. The English word list is
the lemmatizer's own index inside the installed spaCy pipeline (nothing extra to ship or download).
A false name costs little: a name alone never warns (see rules.json).
"""

from __future__ import annotations

import unicodedata

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

_CAP = r"\p{Lu}\p{Ll}[\p{Ll}'’-]*"
_RUN = regex.compile(r"(?<![\w@#/.])" + _CAP + r"(?:\s" + _CAP + r"){0,3}(?![\w@])")
_TOKEN = regex.compile(_CAP)
# Abbreviations and social-media words the lemmatizer's dictionary does not know.
_ABBREVIATIONS = frozenset(
    "mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec am pm "
    "shoutout congrats congratz bday selfie yay woohoo vlog blog lol omg smh tbh ngl imo fyi asap rsvp dm ama "
    "pls plz thx tmrw tonite mondays tuesdays wednesdays thursdays fridays saturdays sundays gala uno".split()
)
# A run ending in one of these names a place or an organisation, not a person ("Hult Center").
INSTITUTION_WORDS = frozenset(
    """center centre clinic cafe café conference county city school schools high middle elementary academy
    university college hospital church park foundation bakery union bank library street st avenue ave road
    rd drive dr boulevard blvd lane way court plaza mall market hall house shelter program programs project
    services service department district council committee coalition alliance network institute museum
    theater theatre arena stadium club team group association society fund trust company inc llc corp
    pharmacy grill kitchen bar pub diner restaurant store shop station airport river lake valley mountain
    permanente health care director coordinator supervisor manager officer advocate specialist assistant
    president chair treasurer secretary month week day year night morning grad grads alum alumni graduate
    graduates marathon festival fair gala conference summit expo walk run""".split()
)


def is_place_or_title(text: str, start: int, end: int) -> bool:
    """True when a capitalised run is (or runs into) a place, organisation or job title."""
    words = [w.lower().strip(".,!?:;'’") for w in text[start:end].split()]
    following = regex.match(r"[\s-]+(\p{L}+)", text[end:])
    if following:
        words.append(following.group(1).lower())
    return (
        any(w in INSTITUTION_WORDS for w in words) or "-" in text[start:end] or text[max(0, start - 1) : start] == "#"
    )


def _strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def english_words(nlp) -> frozenset[str]:  # type: ignore[no-untyped-def]
    """Base forms known to the pipeline's lemmatizer tables; empty if the pipeline has none."""
    words: set[str] = set()
    if "lemmatizer" not in nlp.component_names:  # disabled for speed, but its tables are still there
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    for name in ("lemma_index", "lemma_exc", "lemma_lookup"):
        if lookups is None or not lookups.has_table(name):
            continue
        table = lookups.get_table(name)
        for key in table:
            value = table[key]
            words.update(value if isinstance(value, list | dict) else [key])
    return frozenset(w.lower() for w in words if isinstance(w, str))


class ProperNounRecognizer(EntityRecognizer):
    ENTITY = "PERSON"

    def __init__(self, words: frozenset[str], given_names: frozenset[str] = frozenset()) -> None:
        # Function words ("The", "We're", "If") are not in the lemmatizer's index of content words.
        self.words = words | {w.lower() for w in STOP_WORDS} | {w.replace("'", "’") for w in STOP_WORDS}
        self.given = given_names
        super().__init__(supported_entities=[self.ENTITY], name="ProperNounRecognizer")

    def load(self) -> None:
        pass

    def is_plain_words(self, value: str, allow_given: bool = False) -> bool:
        """Every word is an ordinary English word and (unless allowed) none a given name ("Showers")."""
        return bool(self.words) and all(
            self._known(w) and (allow_given or _strip_accents(w.lower()) not in self.given)
            for w in regex.findall(r"[\p{L}'’]+", value)
        )

    def _known(self, word: str) -> bool:
        lowered = _strip_accents(word.lower().rstrip("'’"))
        if lowered.endswith(("n't", "n’t")):  # "don't" -> "do"
            lowered = lowered[:-3]
        w = regex.sub(r"['’](?:s|re|ll|ve|d|m)$", "", lowered)
        if w in _ABBREVIATIONS:
            return True
        if w in self.words:
            return True
        for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
            if w.endswith(suffix) and w[: -len(suffix)] + repl in self.words:
                return True
        return False

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if not self.words:
            return []
        results = []
        for run in _RUN.finditer(text):
            tokens = [(m.group(), run.start() + m.start()) for m in _TOKEN.finditer(run.group())]
            if is_place_or_title(text, run.start(), run.end()):
                continue
            unknown = [not self._known(t) or t.lower() in self.given for t, _ in tokens]
            if not any(u and not self._known(t) for u, (t, _) in zip(unknown, tokens, strict=True)):
                continue
            # Keep the run from its first unknown/given word to its last: "Referral from Davi Luiz Nunes".
            first = unknown.index(True)
            last = len(unknown) - 1 - unknown[::-1].index(True)
            start = tokens[first][1]
            end = tokens[last][1] + len(tokens[last][0])
            if text[end - 2 : end] in ("'s", "’s"):
                end -= 2
            results.append(RecognizerResult(self.ENTITY, start, end, 0.45))
        return results
