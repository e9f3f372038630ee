"""ClientSafe finds at least what plain Presidio finds on Presidio's own recognizer test cases, with fewer
false alarms.

tests/data/presidio_cases.json holds the example strings of Presidio's recognizer tests for the identifier
types both tools report (copied from the public repository, commit and files named in the file). Plain Presidio
(its default registry, full spaCy pipeline and context enhancer, as bench/ builds it) runs on each; every span
it reports at or above ClientSafe's threshold (the ``min_score`` setting) on a case Presidio's test calls a
positive must be covered, at least half of it, by a ClientSafe finding of a matching type. On the cases
Presidio's tests call negatives, and on harmless organisation posts, ClientSafe must raise no more alarms.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clientsafe import settings
from clientsafe.checker.normalise import index_from_utf16

CASES = json.loads((Path(__file__).parents[1] / "data" / "presidio_cases.json").read_text(encoding="utf-8"))["cases"]
THRESHOLD = float(settings.get("min_score"))
# Presidio's entity -> the ClientSafe types that report the same thing.
SAME_THING = {
    "US_SSN": {"US_SSN", "US_ITIN"},
    "US_ITIN": {"US_ITIN", "US_SSN"},
    "US_PASSPORT": {"PASSPORT"},
    "US_BANK_NUMBER": {"ACCOUNT_NUMBER", "IBAN_CODE"},
    "US_DRIVER_LICENSE": {"DRIVER_LICENSE"},
    "URL": {"URL", "SOCIAL_HANDLE", "EMAIL_ADDRESS"},
    "IP_ADDRESS": {"IP_ADDRESS"},
    "IBAN_CODE": {"IBAN_CODE"},
    "PHONE_NUMBER": {"PHONE_NUMBER"},
    "EMAIL_ADDRESS": {"EMAIL_ADDRESS"},
    "CREDIT_CARD": {"CREDIT_CARD"},
    "US_MBI": {"MEDICARE_ID"},
    "MEDICAL_LICENSE": {"MEDICAL_LICENSE", "CERTIFICATE_NUMBER"},
    "MAC_ADDRESS": {"MAC_ADDRESS"},
}
# Organisation posts with dates, times, money, counts and codes: nothing in them identifies anyone.
HARMLESS_POSTS = [
    "Our annual gala is Saturday, May 3, 2025 at 6pm. Tickets $75.",
    "Driver license renewal clinic this Tuesday, 10am-2pm, in room 112.",
    "Checking in: 14 volunteers sorted 12500 pounds of food today.",
    "We moved our offices last year and served 4,312 families in 2024.",
    "Bus 57 stops at the corner every 15 minutes until 11:45 pm.",
    "Board meeting minutes from 2024-11-14 are posted on the website.",
    "Shelter capacity went from 48 to 72 beds; occupancy 96% in December.",
    "Call 211 or text 898211 for help finding food and housing.",
    "Hours: Mon-Fri 8:30-5:00, Sat 9-12. Closed Jan 1 and Jul 4.",
    "Our 2023 audit is at the link in bio; net assets up 12.5%.",
    "Version 3.2.1 of our app is live in the store.",
    "Team scored 78-64 in the final; MVP had 23 points and 11 rebounds.",
    "Order #4481920 of diapers arrived, thank you donors!",
]
NOT_IDENTIFIERS = {"PERSON", "LOCATION", "NRP", "ORGANIZATION"}


@pytest.fixture(scope="module")
def plain(checker):
    import tldextract.tldextract

    from clientsafe.checker.analyzer import plain_presidio

    # Plain Presidio's e-mail recognizer calls tldextract's default extractor, which would download the public
    # suffix list; for these tests it reads the bundled snapshot (the environment is left alone, so processes
    # other tests start still behave as shipped).
    offline = tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tldextract.tldextract, "TLD_EXTRACTOR", offline)
        yield plain_presidio(checker.model)


def _plain_spans(plain, text: str, entity: str) -> list[tuple[int, int]]:
    results = plain.analyze(text, language="en")
    return [(r.start, r.end) for r in results if r.entity_type == entity and r.score >= THRESHOLD]


def _ours(checker, text: str, types: set[str]) -> list[tuple[int, int]]:
    findings = checker.check(text).findings
    return [(index_from_utf16(text, f.start), index_from_utf16(text, f.end)) for f in findings if f.type in types]


def _covered(span: tuple[int, int], ours: list[tuple[int, int]]) -> bool:
    start, end = span
    return any(2 * (min(end, e) - max(start, s)) >= end - start for s, e in ours)


def test_fixture_holds_presidio_cases_for_every_shared_type():
    assert {c["entity"] for c in CASES} == set(SAME_THING)
    assert all(c["file"].startswith("presidio-analyzer/tests/test_") for c in CASES)


@pytest.mark.parametrize("entity", sorted(SAME_THING))
def test_we_find_at_least_what_plain_presidio_finds_on_its_own_positive_cases(checker, plain, entity):
    missed = []
    counted = 0
    for case in (c for c in CASES if c["entity"] == entity and c["expected_count"] > 0):
        text = case["text"]
        ours = _ours(checker, text, SAME_THING[entity])
        for span in _plain_spans(plain, text, entity):
            counted += 1
            if not _covered(span, ours):
                missed.append(text[span[0] : span[1]])
    assert missed == [], f"{entity}: plain Presidio found {counted}, ClientSafe missed {missed}"


def test_on_presidios_negative_cases_we_raise_no_more_alarms_than_plain_presidio(checker, plain):
    ours = plain_total = 0
    for case in (c for c in CASES if c["expected_count"] == 0):
        ours += len(_ours(checker, case["text"], SAME_THING[case["entity"]]))
        plain_total += len(_plain_spans(plain, case["text"], case["entity"]))
    assert ours <= plain_total


def test_on_harmless_organisation_posts_we_raise_no_identifier_where_plain_presidio_raises_many(checker, plain):
    identifier_types = checker.rules.members("id_number") | checker.rules.members("contact") | {"URL"}
    identifier_types |= {"DATE_OF_BIRTH", "PERSONAL_DATE", "AGE_OVER_89"}
    ours = {text: _ours(checker, text, identifier_types) for text in HARMLESS_POSTS}
    plain_alarms = sum(
        1
        for text in HARMLESS_POSTS
        for r in plain.analyze(text, language="en")
        if r.score >= THRESHOLD and r.entity_type not in NOT_IDENTIFIERS
    )
    assert {t: o for t, o in ours.items() if o} == {}
    assert plain_alarms >= len(HARMLESS_POSTS) // 2  # dates and times: plain Presidio reports every one
