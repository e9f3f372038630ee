"""Context from phrase lists: who the writer is talking about and what about.

Each ``lexicons/<TYPE>.txt`` file is one finding type; each line one regular expression, matched
case-insensitively on word boundaries. All lines of a file are compiled into one alternation so a
post is scanned once per type, whatever the length of the lists.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from clientsafe.checker.org import phrase_spans

# The category of each lexicon type; every other file is a sensitive category.
CATEGORY = {
    "ROOM_NUMBER": "identifier",
    "CLIENT_MENTION": "relationship",
    "SERVICE_CONTEXT": "relationship",
    "FAMILY": "family",
    "YOUTH": "youth",
    "SCHOOL": "youth",
}

# Placeholders the phrase lists share, so each list reads as a sentence pattern.
_PLACE = (
    r"(?:shelter|drop[- ]?in(?: center| centre)?|group home|safe house|transitional housing|residential(?: program)?|"
    r"treatment (?:program|center)|clinic|program|caseload|case load|mentoring|tutoring|after-?school(?: program)?|"
    r"(?:recovery|support|parenting|therapy|grief|teen|youth|na|aa|girls'?|boys'?|monday|tuesday|wednesday|"
    r"thursday|friday|weekly|evening|morning|reovery) group|(?:food )?pantry|outreach van|outreach|recovery circle|"
    r"(?:parenting|ged|esl|life skills) class(?:es)?)"
)
PLACEHOLDERS = {
    "{ROLE}": (
        r"(?:youth|yuoth|teen|kid|kiddo|girl|boy|guy|young (?:man|woman|person|lady|mom|dad|couple|adult)|mom|dad|"
        r"mother|father|parent|grandmother|grandfather|grandma|grandpa|family|woman|man|person|resident|participant|"
        r"member|client|clent|clint|patient|student|mentee|survivor|veteran|child|toddler|baby|couple|senior|elder|"
        r"freshman|sophomore|\d+(?:st|nd|rd|th) grader|grader|advisee|man|woman|lady)"
    ),
    "{ROLES}": (
        r"(?:cl(?:ie|ei|e|i)nts|patients|pts|mentees|participants|residents|youth|yuoth|young people|teens|kids|"
        r"kiddos|kidz|students|families|moms|dads|parents|girls|boys|guys|members|women|men|survivors|veterans|seniors|"
        r"elders|children|regulars|graders|freshmen|sophomores|advisees)"
    ),
    "{PLACE}": _PLACE,
    "{SITE}": r"(?:" + _PLACE + r"|class|classroom|unit|ward|floor|office|home|house|center|centre|school|camp|"
    r"facility|pantry|team|period|advisory|homeroom|classroom)",
    "{W}": r"[\w'/-]+",
}


@dataclass(frozen=True)
class Hit:
    """A finding on the normalised text (Python offsets), before mapping back to the original."""

    type: str
    category: str
    start: int
    end: int
    score: float
    source: str


def _read_lines(text: str) -> list[str]:
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    for key, value in PLACEHOLDERS.items():
        lines = [line.replace(key, value) for line in lines]
    return lines


@functools.lru_cache(maxsize=1)
def compiled_lexicons() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """One compiled pattern per context type; the sensitive categories share one pattern (one named
    group each), since a phrase needs only one category and one pass is much cheaper than sixteen."""
    folder = resources.files("clientsafe.checker") / "lexicons"
    out = []
    sensitive = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".txt"):
            continue
        kind = entry.name[:-4]
        body = "|".join(f"(?:{line})" for line in _read_lines(entry.read_text(encoding="utf-8")))
        if kind in CATEGORY:
            # The standard library's engine: several times faster than `regex` on these alternations.
            out.append((kind, CATEGORY[kind], re.compile(r"(?<![\w'])(?:" + body + r")(?![\w])", re.IGNORECASE)))
        else:
            sensitive.append(f"(?P<{kind}>{body})")
    if sensitive:
        pattern = re.compile(r"(?<![\w'])(?:" + "|".join(sensitive) + r")(?![\w])", re.IGNORECASE)
        out.append(("*", "sensitive", pattern))
    return tuple(out)


def find_context(text: str, programs: tuple[str, ...] = ()) -> list[Hit]:
    hits = []
    for kind, category, pattern in compiled_lexicons():
        for match in pattern.finditer(text):
            if match.end() > match.start():
                found = match.lastgroup if kind == "*" else kind
                hits.append(Hit(str(found), category, match.start(), match.end(), 0.8, "lexicon"))
    # The organisation's own programme names ("Next Steps Mentoring") are service settings too.
    hits += [Hit("SERVICE_CONTEXT", "relationship", s, e, 0.8, "lexicon") for s, e in phrase_spans(text, programs)]
    # "One of my kids" is a youth worker's client, not the writer's child: the service reading wins.
    services = [h for h in hits if h.category == "relationship"]
    return [
        h for h in hits if h.category != "family" or not any(s.start <= h.start and h.end <= s.end for s in services)
    ]
