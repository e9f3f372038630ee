"""Notifications for a held post (site and kind, never the text) and for a paired browser gone quiet."""

from __future__ import annotations

import json
import time

import requests

from clientsafe.ui.check_draft import reason_titles
from tests.qt.conftest import pair_browser

RISKY = "So proud of Maria from our youth shelter, she just turned 15!"


def test_when_a_post_is_held_then_the_notification_names_site_and_kind_but_not_the_text(tray, qtbot):
    token = pair_browser(tray)
    base, auth = f"http://127.0.0.1:{tray.facts.port}", {"Authorization": f"Bearer {token}"}
    verdict = requests.post(
        f"{base}/v1/check", json={"text": RISKY, "site": "facebook", "account": "personal"}, headers=auth, timeout=30
    ).json()
    assert verdict["action"] == "block"
    before = len(tray.notifier.history)
    answer = requests.post(
        f"{base}/v1/decision", json={"check_id": verdict["check_id"], "choice": "edited"}, headers=auth, timeout=5
    )
    assert answer.json() == {"recorded": True}
    qtbot.waitUntil(lambda: len(tray.notifier.history) > before, timeout=5000)
    shown = tray.notifier.history[-1]
    assert shown.title == "ClientSafe held a post on Facebook"
    assert "your personal account" in shown.body and "You edited the post." in shown.body
    assert reason_titles()[verdict["reasons"][0]["code"]] in shown.body
    for word in ("Maria", "shelter", "15"):
        assert word not in shown.title + shown.body


def test_when_a_post_only_warned_then_no_notification(tray, qtbot):
    before = len(tray.notifier.history)
    tray._decision("facebook", "personal", "warn", ["CLIENT_STORY"], "posted_anyway")
    assert len(tray.notifier.history) == before


def test_when_a_paired_browser_is_silent_for_days_then_one_notification(tray, tokens, monkeypatch):
    pair_browser(tray, "Edge on FRONT-DESK")
    stored = json.loads(tokens.file.read_text())
    stored[0]["created"] = stored[0]["last_seen"] = time.time() - 4 * 24 * 3600
    tokens.file.write_text(json.dumps(stored))
    tokens._seen.clear()
    before = len(tray.notifier.history)
    tray.check_silent_browsers()
    tray.check_silent_browsers()
    quiet = tray.notifier.history[before:]
    assert len(quiet) == 1
    assert quiet[0].title == "A paired browser has gone quiet"
    assert "Edge on FRONT-DESK" in quiet[0].body and "72 hours" in quiet[0].body


def test_when_a_paired_browser_called_recently_then_it_is_not_reported(tray):
    pair_browser(tray)
    before = len(tray.notifier.history)
    tray.check_silent_browsers()
    assert len(tray.notifier.history) == before


def test_when_there_is_no_tray_and_no_notification_service_then_nothing_is_lost_silently(tray, caplog):
    tray.notifier.tray = None
    tray.notifier.desktop = None
    assert tray.notifier.notify("t", "b") == "none"
    assert "could not show a notification" in caplog.text
