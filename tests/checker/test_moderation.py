"""Moderation help: comments other people wrote under the organisation's posts (checker/moderation.py).

The commenter is not staff: a disclosure of their own or someone else's sensitive information is flagged, a young
person raises it to "urgent", and ordinary comments (thanks, praise, a first name) are left alone. English and
Spanish.
"""

from __future__ import annotations

import pytest

from clientsafe.checker.moderation import moderate, moderate_one


@pytest.mark.parametrize(
    "text",
    [
        "Great event!",
        "Love this! See you all next Saturday",
        "Thanks Maria for organising!",
        "Gracias por el evento, ¡muy bonito!",
        "¡Qué bonito evento! Felicidades al equipo",
    ],
)
def test_when_a_comment_is_ordinary_then_it_is_not_flagged(checker, text):
    result = moderate_one(checker, "c1", text)
    assert (result.flagged, result.level, result.types, result.youth) == (False, "none", [], False)


@pytest.mark.parametrize(
    ("text", "types", "language"),
    [
        ("I'm 15 and I've been cutting myself since my mom kicked me out", {"MENTAL_HEALTH", "SELF_AGE_MINOR"}, "en"),
        ("I'm in 9th grade at Roosevelt High", {"SCHOOL", "SELF_AGE_MINOR"}, "en"),
        ("Tengo 14 años y estoy embarazada, vivo en la calle Pino 23", {"PREGNANCY", "STREET_ADDRESS"}, "es"),
        ("Estoy en noveno grado en la Secundaria Juárez", {"SCHOOL", "SELF_AGE_MINOR"}, "es"),
    ],
)
def test_when_a_young_person_discloses_about_themself_then_it_is_urgent(checker, text, types, language):
    result = moderate_one(checker, "c1", text)
    assert result.flagged and result.youth and result.self_disclosure
    assert result.level == "urgent"
    assert types <= set(result.types)
    assert result.language == language


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("I've been sober 6 months thanks to your NA group", {"SUBSTANCE_USE"}),
        ("Call me at 541-555-0199 I need help with rent", {"PHONE_NUMBER"}),
        ("Llevo seis meses sobria gracias a ustedes, mi diagnóstico de VIH ya no me asusta", {"HIV_STI"}),
    ],
)
def test_when_an_adult_discloses_about_themself_then_it_is_flagged_for_review(checker, text, types):
    result = moderate_one(checker, "c1", text)
    assert (result.flagged, result.level, result.youth, result.self_disclosure) == (True, "review", False, True)
    assert types <= set(result.types)


def test_when_a_comment_discloses_someone_else_then_it_is_about_another_person(checker):
    result = moderate_one(checker, "c1", "My brother is undocumented and his boss hits him")
    assert result.flagged and result.about_other and not result.self_disclosure
    assert {"IMMIGRATION", "ABUSE"} <= set(result.types)


def test_when_a_caption_names_a_child_with_their_age_then_it_is_urgent(checker):
    result = moderate_one(checker, "c1", "Here's my son Jake, 8, at camp!")
    assert (result.flagged, result.level, result.about_other) == (True, "urgent", True)


def test_when_a_batch_is_checked_then_each_answer_keeps_its_id_and_order(checker):
    results = moderate(checker, [("a", "Great event!"), ("b", "I'm 16 and pregnant"), ("c", "")])
    assert [(r.id, r.flagged) for r in results] == [("a", False), ("b", True), ("c", False)]
    # The answer carries finding types only: nothing from the comment's words.
    assert "pregnant" not in repr(results[1].to_dict())


@pytest.mark.parametrize(
    ("text", "youth"),
    [
        ("My sister Ana is 15 and she tried to kill herself last week, she's in 9th grade at Kennedy High", True),
        ("my brother tried to kill himself", False),
        ("I tried to kill myself last year and this program saved me", False),
        ("Mi hermano intentó matarse el año pasado", False),
    ],
)
def test_when_a_comment_tells_of_a_suicide_attempt_without_the_word_then_it_is_flagged(checker, text, youth):
    # Found trying the moderation pages: "tried to kill herself" was not flagged at all, though "suicidal" was.
    result = moderate_one(checker, "c1", text)
    assert result.flagged and "MENTAL_HEALTH" in result.types
    assert result.youth is youth
