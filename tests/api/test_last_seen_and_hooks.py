"""Last-seen per paired browser (cheaply recorded) and the content-free decision hook the tray listens to."""

from __future__ import annotations

import json
import time

import requests

from clientsafe.api.tokens import LAST_SEEN_WRITE_SECONDS, TokenStore
from tests.api.conftest import post_check


def test_when_a_browser_calls_then_last_seen_is_recorded_and_written_at_most_every_interval(tmp_path):
    tokens = TokenStore(use_keyring=False, file=tmp_path / "paired.json")
    browser, token = tokens.issue("Chrome on LAPTOP-7")
    assert tokens.last_seen(browser) == 0.0
    assert tokens.verify(token) is not None
    stored = json.loads((tmp_path / "paired.json").read_text())[0]["last_seen"]
    assert time.time() - stored < 5  # the first call is written
    tokens.verify(token)
    assert json.loads((tmp_path / "paired.json").read_text())[0]["last_seen"] == stored  # not rewritten per call
    assert tokens.last_seen(tokens.list()[0]) >= stored
    # A new process reads it back, to within the write interval.
    again = TokenStore(use_keyring=False, file=tmp_path / "paired.json")
    assert again.last_seen(again.list()[0]) == stored
    assert LAST_SEEN_WRITE_SECONDS <= 3600


def test_silent_lists_browsers_not_heard_from_for_the_given_time(tmp_path):
    tokens = TokenStore(use_keyring=False, file=tmp_path / "paired.json")
    _, quiet_token = tokens.issue("quiet")
    _, busy_token = tokens.issue("busy")
    tokens.verify(busy_token)
    later = time.time() + 4 * 3600
    assert [b.name for b in tokens.silent(3 * 3600, now=later)] == ["quiet", "busy"]
    assert tokens.silent(3 * 3600) == []  # both paired or seen just now
    assert quiet_token


def test_when_revoked_then_a_late_last_seen_write_does_not_bring_it_back(tmp_path):
    tokens = TokenStore(use_keyring=False, file=tmp_path / "paired.json")
    browser, token = tokens.issue("gone")
    cached = tokens.verify(token)
    assert tokens.revoke(browser.id)
    assert cached is not None
    cached.last_seen = 0.0  # as if the service thread held it across the revoke
    tokens._note_seen(cached)
    assert tokens.list() == []


def test_decision_hook_gets_site_account_action_codes_and_choice_but_no_text(service):
    seen = []
    service.app.app.state.on_decision = lambda *args: seen.append(args)
    verdict = post_check(service).json()
    answer = requests.post(
        f"{service.base}/v1/decision",
        json={"check_id": verdict["check_id"], "choice": "posted_anyway", "reason": "Maria asked me to"},
        headers=service.auth(),
        timeout=5,
    )
    assert answer.json() == {"recorded": True}
    assert seen == [
        ("facebook", "personal", verdict["action"], [r["code"] for r in verdict["reasons"]], "posted_anyway")
    ]
    assert "Maria" not in repr(seen)


def test_when_the_decision_hook_fails_the_extension_still_gets_its_answer(service):
    def broken(*args):
        raise RuntimeError("notification failed")

    service.app.app.state.on_decision = broken
    verdict = post_check(service).json()
    answer = requests.post(
        f"{service.base}/v1/decision",
        json={"check_id": verdict["check_id"], "choice": "edited"},
        headers=service.auth(),
        timeout=5,
    )
    assert answer.json() == {"recorded": True}
