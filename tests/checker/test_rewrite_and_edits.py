"""The suggested rewrite is offered only when it checks clear; an edit re-reads only the part that changed."""

from __future__ import annotations

import pytest

from clientsafe.checker.chunks import chunk_spans
from clientsafe.checker.verdict import apply_suggestions

RISKY = [
    "So proud of Maria from our youth shelter 💙 she just turned 15!",
    "Call my client Dana Kowalczyk at 541-555-0187 about her housing voucher",
    "Jayden (14) from my mentoring group got suspended again, his dad is in jail",
    "Mi cliente Rosa, de 16 años, por fin salió del albergue.",
    "My patient in room 412 with the overdose is finally awake",
]


@pytest.mark.parametrize("text", RISKY)
def test_a_rewrite_is_offered_only_when_it_checks_clear(checker, text):
    verdict = checker.check(text)
    assert verdict.action != "allow"
    rewrite = verdict.rewrite
    if verdict.suggestions:
        assert rewrite and rewrite["safe"]
        assert checker.check(apply_suggestions(text, verdict)).action == "allow"
    elif rewrite is not None:
        assert not rewrite["safe"] and rewrite["still_to_edit"]
        assert all(d["text"] in apply_suggestions(text, verdict) or d["text"] for d in rewrite["still_to_edit"])


def test_when_a_rewrite_still_warns_then_no_suggestion_is_offered(checker, monkeypatch):
    real = checker._check

    def stricter(text, account, site, kind):  # the rewrite comes back "warn": it must not be offered
        verdict, language = real(text, account, site, kind)
        if "someone" in text:
            verdict.action = "warn"
        return verdict, language

    monkeypatch.setattr(checker, "_check", stricter)
    verdict = checker.check("Call my client Dana Kowalczyk at 541-555-0187 about her housing voucher")
    assert verdict.suggestions == []
    assert verdict.rewrite is not None and verdict.rewrite["safe"] is False


def test_chunks_are_cut_by_content_so_an_edit_keeps_the_others():
    sentences = [f"This is sentence number {i} about the weekly volunteer schedule at the centre." for i in range(120)]
    text = " ".join(sentences)
    edited = text.replace("number 30 about", "number 30 all about")
    before = {text[s:e] for s, e in chunk_spans(text)}
    after = {edited[s:e] for s, e in chunk_spans(edited)}
    assert len(before) > 10
    assert len(after - before) <= 2  # the edited chunk (and at most its neighbour) are new


def test_a_one_word_edit_in_a_long_post_reanalyses_only_what_changed(checker, monkeypatch):
    sentences = [f"Volunteer shift {i} went well and the pantry shelves at the hall are full again." for i in range(70)]
    text = " ".join(sentences)
    checker.check(text)
    calls = []
    analyze = checker.finder._analyzer.analyze

    def counting(text, **kwargs):
        calls.append(len(text))
        return analyze(text=text, **kwargs)

    monkeypatch.setattr(checker.finder._analyzer, "analyze", counting)
    checker.check(text.replace("shift 35 went", "shift 35 really went"))
    assert 1 <= len(calls) <= 3  # the edited chunk, and the rewrite's check of the same chunks at most
    assert max(calls) < 600
