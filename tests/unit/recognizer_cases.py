"""Shared checks for the per-recognizer test files, in the style of Presidio's own recognizer tests: a text,
how many findings, where, and the score range of each. Findings under the checker's threshold (the
``min_score`` setting) are dropped first, as the checker drops them."""

from __future__ import annotations

from clientsafe import settings

MIN_SCORE = float(next(s.default for s in settings.SETTINGS if s.name == "min_score"))

# Harmless numbers every identifier recognizer must leave alone: prices, times, years, version numbers, room
# counts, scores, public-event dates, statistics.
HARMLESS = [
    "Tickets are $45.99, or $120 for a table of 4.",
    "Doors open at 6:30 pm, dinner at 7:15, done by 9.",
    "Founded in 1987, serving the county since 2004.",
    "Update to version 2.4.1 (build 20240517) before Friday.",
    "The shelter has 24 rooms and 112 beds across 3 floors.",
    "Final score 21-14, and the girls won 3-2 in overtime!",
    "Join us for the gala on May 3, 2025 at the Riverside Pavilion.",
    "We served 12,500 meals to 3,400 families in 2024 (up 18%).",
    "Call the 988 Suicide & Crisis Lifeline any time.",
    "Room 204, 2nd floor, Building C. Parking in lot 7.",
    "Our 5K raised 25000 dollars for 150 kids.",
    "Open 24/7, 365 days a year; 1-2 week wait list.",
]


def found(recognizer, text: str) -> list:
    return sorted(
        (r for r in recognizer.analyze(text, []) if r.score >= MIN_SCORE),
        key=lambda r: (r.start, r.end),
    )


def assert_results(recognizer, text, expected_len, expected_positions, expected_score_ranges, entity=None) -> None:
    results = found(recognizer, text)
    assert len(results) == expected_len, [(r.entity_type, text[r.start : r.end], r.score) for r in results]
    for res, (start, end), (low, high) in zip(results, expected_positions, expected_score_ranges, strict=True):
        assert (res.start, res.end) == (start, end), (text[res.start : res.end], text[start:end])
        assert low <= res.score <= high, res.score
        if entity is not None:
            assert res.entity_type == entity
