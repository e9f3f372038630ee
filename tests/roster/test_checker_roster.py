"""The checker with a roster: the labelled roster corpus, consent, minors, offsets and re-imports."""

from __future__ import annotations

import json

import pytest

from clientsafe.checker import Checker
from tests.conftest import DATA, utf16_slice
from tests.roster.conftest import import_into

POSTS = [json.loads(line) for line in (DATA / "roster_posts.jsonl").read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture
def with_roster(checker, roster, monkeypatch):
    """The session's checker, looking at the test roster for the length of one test."""
    monkeypatch.setattr(checker, "roster", roster)
    return checker


@pytest.mark.parametrize("post", POSTS, ids=[f"{i}-{p['note'][:40]}" for i, p in enumerate(POSTS)])
def test_roster_corpus(with_roster, post):
    verdict = with_roster.check(post["text"], post["account"])
    found = [f for f in verdict.findings if f.source == "roster"]
    codes = [r.code for r in verdict.reasons]
    if post["roster"]:
        assert found, f"roster client not caught ({post['note']})"
        assert post["code"] in codes
    else:
        assert not found, f"look-alike caught: {[utf16_slice(post['text'], f.start, f.end) for f in found]}"


def test_consent_on_an_org_post_is_a_reminder_and_on_a_personal_post_a_hold(with_roster):
    org = with_roster.check("Congrats to Keisha Brown on the new job!", "org")
    personal = with_roster.check("Congrats to Keisha Brown on the new job!", "personal")
    assert org.action == "warn" and [r.code for r in org.reasons] == ["ROSTER_CONSENT_CHECK_SCOPE"]
    assert "scope" in org.reasons[0].message or "covers" in org.reasons[0].message
    assert personal.action == "block" and personal.suggestions[0].replacement == "someone"


def test_consent_does_not_cover_a_health_detail(with_roster):
    verdict = with_roster.check("Keisha Brown from our recovery group is 90 days sober!", "org")
    assert verdict.action == "block" and "CLIENT_HEALTH_DETAIL" in [r.code for r in verdict.reasons]


def test_a_minor_with_consent_is_held_unless_the_setting_says_consent_covers_minors(with_roster, roster):
    text = "Tyrone Mitchell led the mentoring circle today"
    assert with_roster.check(text, "org").action == "block"
    covering = Checker.__new__(Checker)
    covering.__dict__.update(with_roster.__dict__)
    covering.consent_covers_minors = True
    verdict = covering.check(text, "org")
    assert "ROSTER_MINOR" not in [r.code for r in verdict.reasons]
    assert "ROSTER_CONSENT_CHECK_SCOPE" in [r.code for r in verdict.reasons]


def test_offsets_are_utf16_after_emoji(with_roster):
    text = "🎉🎉 So proud of Kiki's new place, @keisha.b!"
    verdict = with_roster.check(text, "personal")
    spans = [utf16_slice(text, f.start, f.end) for f in verdict.findings if f.source == "roster"]
    assert spans == ["Kiki", "@keisha.b"]


def test_a_re_import_is_picked_up_by_a_running_checker(with_roster, tmp_path):
    assert with_roster.check("Saw Dana Whitman today", "personal").action == "allow"
    (tmp_path / "next.csv").write_text("Name\nDana Whitman\n", encoding="utf-8")
    import_into(tmp_path, tmp_path / "next.csv", replace_smaller=True)  # 1 client in place of 21: confirmed
    assert with_roster.check("Saw Dana Whitman today", "personal").action == "block"
    assert with_roster.check("Congrats to Keisha Brown!", "personal").action == "allow"
