"""Names found by where they stand rather than by what they are.

"Happy birthday to Mateo", "tyler from the drop in", "Yusuf and his family", "the Hernández kids":
the small NER model and the census lists miss names like these, but the words around them say a person
is meant. Initials ("J.R. got his GED") are names too.
"""

import regex
from spacy.lang.en.stop_words import STOP_WORDS

from clientsafe.checker.recognizers.base import RegexRecognizer
from clientsafe.checker.recognizers.names import WORD_NAMES, census_lists

_CAP = r"\p{Lu}[\p{Ll}'’-]*\p{Ll}(?:-\p{Lu}\p{Ll}+)?"
_NAME = r"(?-i:" + _CAP + r"(?:\s" + _CAP + r")?)"
_LOWER_GIVEN = r"(?-i:[a-z]{3,12})"


class NameSlotRecognizer(RegexRecognizer):
    ENTITY = "PERSON"
    PATTERNS = [
        (
            "after_cue",
            r"\b(?:congrats|congratulations|proud of|shout ?out to|welcome|birthday to|prayers for|praying for|"
            r"love to|thinking of|check on|check in on|meet|named|called|miss you|good luck|go|hugs to|love you)"
            r"(?:,|!)?\s+(?:to\s+)?(?:little\s+|sweet\s+|baby\s+)?(?P<v>" + _NAME + r")\b",
            0.5,
        ),
        (
            "before_family",
            r"(?P<v>" + _NAME + r")\s+and\s+(?:his|her|their)\s+(?:family|mom|dad|kids|siblings|baby)",
            0.5,
        ),
        (
            "family_name",
            r"\bthe\s+(?P<v>" + _NAME + r")\s+(?:kids|family|children|boys|girls|twins|siblings|household)\b",
            0.5,
        ),
        # "Faith said she can't make it", "Guy missed group again": a word-name doing what people do.
        (
            "speaker",
            r"(?<![\w'])(?P<v>" + _NAME + r")\s+(?:said|says|told|asked|called|texted|missed|skipped|came|"
            r"showed|left|wants|needs|went|got|brought|finished|graduated|relapsed|ran)\b",
            0.5,
        ),
        # A first name and an initial: "Tanisha W.", "Obi T.", "kevin p.".
        ("name_initial", r"(?<![\w.])(?P<v>(?-i:\p{Lu}\p{Ll}+|[a-z]{3,12})\s(?-i:\p{Lu}|[a-z])\.)(?![\w.])", 0.5),
        # "Josué, 17, ..." and "Amir (7)": a capitalised word with an age set off after it is a name.
        (
            "before_age",
            r"(?<![\w'])(?P<v>(?-i:\p{Lu}\p{Ll}+))(?:,\s(?:\d{1,2}|1[01]\d),|\s\((?:\d{1,2}|1[01]\d)\))",
            0.5,
        ),
        # "my mentee Tre", "my client Sofía's", "Mason (my 3rd period kiddo)", "supported Kwame Asante".
        (
            "after_role",
            r"\b(?:my|our)\s(?:[\w'/-]+\s){0,2}(?:client|clent|mentee|student|kiddo|patient|resident|participant|"
            r"youth)\s(?P<v>" + _NAME + r")(?!\w)",
            0.5,
        ),
        ("before_role", r"(?P<v>" + _NAME + r")\s\((?:my|our)\s", 0.5),
        (
            "served",
            r"\b(?:supported|mentored|case[- ]managed|counsell?ed|housed|placed|served)\s(?P<v>" + _NAME + r")(?!\w)",
            0.5,
        ),
        ("little", r"\b(?-i:Lil|Little|Baby|Sweet)\s+(?P<v>(?-i:\p{Lu}[\p{Ll}'’-]*))(?!\w)", 0.5),
        ("initials", r"(?<![\w.])(?P<v>(?-i:\p{Lu}\.\s?\p{Lu}\.(?:\s?\p{Lu}\.)?))(?!\w)", 0.5),
        (
            "before_service",
            r"(?P<v>" + _NAME + r")\s+(?:from|in|at)\s+(?:my|our|the)\s+(?:[\w'-]+\s+){0,2}"
            r"(?:group|drop[- ]?in|shelter|program|class|clinic|caseload)",
            0.5,
        ),
        (
            "lower_from",
            r"(?<![\w'])(?P<v>" + _LOWER_GIVEN + r")\s+(?:from|in|at)\s+(?:(?:my|our|the)\s+(?:[\w'-]+\s+){0,2})?"
            r"(?:group|drop[- ]?in|shelter|program|class|clinic|caseload)\b",
            0.5,
        ),
    ]
    CASE_SENSITIVE = False
    # Common words that stand in a name slot without being a name.
    NOT_NAMES = frozenset(
        "everyone everybody nobody somebody someone anyone all you team the our my this that these those them "
        "him her us staff volunteers families kids youth parents friends god lord jesus mom dad mama papa "
        "grandma grandpa".split()
    )

    def __init__(self, words: frozenset[str] = frozenset()) -> None:
        self.words = words  # ordinary English words, from the pipeline's lemmatizer tables
        super().__init__()

    def validate(self, text: str, value: str, score: float) -> float | None:
        if value.lower() in self.NOT_NAMES or value.split()[0].lower() in self.NOT_NAMES:
            return None
        if value.islower():
            # Lower case is only a name when it is a known given name: "tyler", not "donations". In the
            # "<name> from group" slot a word-name ("grace in my group", "will from the drop-in") or a name
            # that is no English word ("jaylen from group") counts too.
            given, _ = census_lists()
            first = value.split()[0]
            in_service_slot = regex.match(r"\s+(?:from|in|at)\b", text[text.find(value) + len(value) :]) is not None
            if in_service_slot:
                plain_word = any(
                    first.removesuffix(suffix) + add in self.words
                    for suffix, add in (
                        ("", ""),
                        ("s", ""),
                        ("es", ""),
                        ("ed", ""),
                        ("ed", "e"),
                        ("ing", ""),
                        ("ing", "e"),
                    )
                    if first.endswith(suffix)
                )
                return score if first in given or first in WORD_NAMES or not plain_word else None
            if first not in given or first in STOP_WORDS or first in WORD_NAMES:
                return None
        return score
