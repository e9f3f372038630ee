"""Replies to online reviews (REVIEW_REPLY_CONFIRMS): a reply that confirms the reviewer is or was served is held in
English and Spanish, with the enforcement cases as its teaching text and a whole reply that confirms nothing as
the rewrite; a reply that confirms nothing goes. The examples here are written for these tests; the figures come
from the labelled corpus (bench/accuracy.py, "replies to reviews")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clientsafe.checker.verdict import apply_suggestions
from clientsafe.policy.schema import validate

ROOT = Path(__file__).resolve().parents[2]
REASONS = json.loads((ROOT / "shared" / "reasons.json").read_text(encoding="utf-8"))
SUGGESTED = REASONS["REVIEW_REPLY_CONFIRMS"]["suggested_reply"]
SUGERIDA = REASONS["REVIEW_REPLY_CONFIRMS"]["es"]["suggested_reply"]

CONFIRMING_EN = [
    # confirms the visit, no name and no clinical detail
    "Sorry about the wait! We saw you as soon as a chair opened up.",
    "We're sorry your appointment started late; the schedule ran over that morning.",
    "You were seen by our on-call provider because the regular one was out.",
    "Thanks for the kind words, and glad your new crown feels comfortable!",
    "As a new patient you were asked to bring a photo ID, which is our policy for everyone.",
    "Our records show the refill was sent to the pharmacy the same afternoon.",
    # a detail the other layers find, owned by the reviewer
    "We hope your depression is easing and that the new routine helps.",
]
CONFIRMING_ES = [
    "Lamentamos la espera. Le atendimos en cuanto se desocupó la doctora.",
    "Sentimos que su cita se retrasara; ese día tuvimos una urgencia.",
    "Cuando nos visitó, la recepción estaba llena por la campaña de vacunas.",
    "Gracias por sus palabras; nos alegra que su tratamiento vaya tan bien.",
    "Según nuestros registros, la receta se envió a la farmacia el mismo día.",
]
SAFE_EN = [
    "We take every concern seriously; please call our office manager at the number on our website.",
    "Thank you for the five stars! Our whole team appreciates it.",
    "We're sorry to read this. We can't discuss anyone's care online, but we would welcome a call.",
    "Thanks for the feedback about parking; we are adding more spaces this spring.",
]
SAFE_ES = [
    "Tomamos en serio cada comentario; por favor llame a la gerente de la oficina al número de nuestro sitio web.",
    "¡Muchas gracias por las cinco estrellas! Todo el equipo se lo agradece.",
    "Lamentamos leer esto. No podemos hablar de la atención de nadie en internet; con gusto hablamos por teléfono.",
]


def review(checker, text: str, site: str = "google_business"):
    return checker.check(text, account="org", site=site, kind="review_reply")


@pytest.mark.parametrize("text", CONFIRMING_EN)
def test_an_english_reply_that_confirms_the_reviewer_was_served_is_held(checker, text):
    verdict = review(checker, text)
    assert verdict.action == "block"
    assert verdict.reasons[0].code == "REVIEW_REPLY_CONFIRMS"
    assert any(f.type == "REVIEW_CONFIRMS" for f in verdict.findings)


@pytest.mark.parametrize("text", CONFIRMING_ES)
def test_a_spanish_reply_that_confirms_the_reviewer_was_served_is_held_with_spanish_words(checker, text):
    verdict = review(checker, text, site="yelp")
    assert verdict.action == "block"
    assert verdict.engine["language"] == "es"
    reason = next(r for r in verdict.reasons if r.code == "REVIEW_REPLY_CONFIRMS")
    assert reason.message == REASONS["REVIEW_REPLY_CONFIRMS"]["es"]["message"]
    assert apply_suggestions(text, verdict) == SUGERIDA


@pytest.mark.parametrize("text", SAFE_EN + SAFE_ES)
def test_a_reply_that_confirms_nothing_goes(checker, text):
    verdict = review(checker, text)
    assert verdict.action == "allow", verdict.reasons
    assert not any(f.type == "REVIEW_CONFIRMS" for f in verdict.findings)


def test_the_reason_teaches_with_the_enforcement_cases_and_the_rewrite_is_a_whole_reply_that_confirms_nothing(
    checker,
):
    text = "Hi Dana, sorry your cleaning ran long; your insurance only covers two a year."
    verdict = review(checker, text)
    reason = next(r for r in verdict.reasons if r.code == "REVIEW_REPLY_CONFIRMS")
    for case in ("Elite Dental", "New Vision Dental", "Manasa Health Center"):
        assert case in reason.message
    assert reason.policy_ref == "review-replies"
    assert SUGGESTED in reason.example
    # One suggestion spans the whole reply: taking words out cannot undo a confirmation.
    [suggestion] = verdict.suggestions
    assert (suggestion.start, suggestion.end) == (0, len(text))
    assert apply_suggestions(text, verdict) == SUGGESTED
    # The suggested reply was checked again as a review reply and comes back clear.
    assert verdict.rewrite == {"safe": True, "text": SUGGESTED, "still_to_edit": []}
    assert review(checker, SUGGESTED).action == "allow"
    assert review(checker, SUGERIDA).action == "allow"


def test_the_same_words_in_an_ordinary_post_are_not_a_review_reply(checker):
    text = "Reminder: your appointment is still on for Tuesday, see you then!"
    as_post = checker.check(text, account="org", site="facebook")
    assert not any(r.code == "REVIEW_REPLY_CONFIRMS" for r in as_post.reasons)
    assert review(checker, text, site="facebook").action == "block"


def test_a_reply_on_a_known_review_site_is_read_as_one_even_without_the_kind(checker):
    verdict = checker.check("We saw you at 3:10, not 4:00 as the review says.", account="org", site="yelp")
    assert verdict.action == "block" and verdict.reasons[0].code == "REVIEW_REPLY_CONFIRMS"


def test_utf16_offsets_cover_the_whole_reply_with_emoji(checker):
    text = "💙 Glad your braces came off before prom, Sofia! 💙"
    verdict = review(checker, text)
    [suggestion] = verdict.suggestions
    assert suggestion.end == len(text.encode("utf-16-le")) // 2
    assert apply_suggestions(text, verdict) == SUGGESTED


def test_review_sites_in_the_policy_accept_the_four_sites_and_refuse_others():
    assert validate({"review_sites": ["google_business", "yelp", "facebook", "healthgrades"]}) == []
    [problem] = validate({"review_sites": ["tripadvisor"]})
    assert "review_sites" in problem
