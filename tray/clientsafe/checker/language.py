"""Which language a post is written in: English or Spanish (Spanglish counts as Spanish when Spanish
function words are at least as common as English ones).

ClientSafe speaks two languages, so a full language identifier (a model of a hundred languages) would
be weight for nothing: the share of each language's function words, from the lists spaCy ships as plain
data, separates English from Spanish on posts of a few words. Words both lists hold ("a", "no", "me")
count for neither.
"""

from __future__ import annotations

import functools
import re

LANGUAGES = ("en", "es")
_WORD = re.compile(r"[^\W\d_]+")
# Letters only Spanish uses: one of them tips a short post ("¡Felicidades!") that has no function word.
_SPANISH_MARKS = re.compile(r"[ñ¿¡áéíóú]", re.IGNORECASE)


@functools.cache
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    from clientsafe.wordlists import english_stop_words, spanish_stop_words

    en, es = english_stop_words(), spanish_stop_words()
    return en - es, es - en


def detect(text: str) -> str:
    """``"es"`` or ``"en"`` (the default for a post with no evidence either way)."""
    en_words, es_words = _lists()
    en = es = 0
    for word in _WORD.findall(text.lower()):
        if word in en_words:
            en += 1
        elif word in es_words:
            es += 1
    if es == en == 0:
        return "es" if _SPANISH_MARKS.search(text) else "en"
    return "es" if es >= en else "en"
