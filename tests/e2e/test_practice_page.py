"""The extension's Practice page in real Chromium with a real ClientSafe service: reached from the popup, a round
completed with the keyboard only, the score the page shows is the one the service records in the audit (and no
answer is stored)."""

from __future__ import annotations

import pytest

from clientsafe.audit import AuditReader, AuditStore
from tests.e2e.conftest import open_world

ANSWER_KEYS = 3  # Fine, Needs a second look, Must not post: Tab moves along them


@pytest.fixture
def world(browser_type, checker, tmp_path):
    store = AuditStore(tmp_path / "audit.sqlite3", retention_days=0)
    context, svc, close = open_world(browser_type, checker, tmp_path, audit=store)
    worker = context.service_workers[0]
    yield context, svc, worker.url.split("/")[2], store
    close()
    store.close()


def _text(page, selector: str) -> str:
    return page.locator(selector).inner_text()


def test_a_round_completed_by_keyboard_is_scored_and_recorded_by_the_service(world):
    context, _svc, ext_id, store = world
    popup = context.new_page()
    popup.goto(f"chrome-extension://{ext_id}/popup/popup.html")
    href = popup.locator("#practice").get_attribute("href")
    assert href == "../practice/practice.html"
    popup.close()

    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"chrome-extension://{ext_id}/practice/practice.html?lang=en")
    page.locator("#question").wait_for(state="visible")
    right = 0
    for n in range(1, 13):
        assert _text(page, "#progress") == f"{n} of 12"
        assert _text(page, "#post").strip()
        # The first choice has the focus; Tab n % 3 times picks a different answer each time, Enter presses it.
        assert page.evaluate("() => document.activeElement.dataset.answer") == "fine"
        for _ in range(n % ANSWER_KEYS):
            page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.locator("#feedback").wait_for(state="visible")
        verdict = _text(page, "#verdict")
        assert verdict.startswith(("Right.", "Not quite.")) and _text(page, "#reason")
        assert _text(page, "#policy").startswith(("Your organisation's policy:", "From the ClientSafe handbook:"))
        right += verdict.startswith("Right.")
        assert page.evaluate("() => document.activeElement.id") == "next"
        page.keyboard.press("Enter")
    page.locator("#summary").wait_for(state="visible")
    assert _text(page, "#score") == f"You chose the right answer for {right} of 12."
    assert _text(page, "#recorded") == "Recorded for your organisation (no answers are stored)."
    assert errors == []
    assert store.flush()
    rows = AuditReader(store.path).recent(kind="training_completed")
    assert [(r.reason, r.suggestions, r.finding_types) for r in rows] == [(f"{right}/12", 12, ("lang_en",))]


def test_in_spanish_the_page_and_the_round_are_spanish(world):
    context, _svc, ext_id, _store = world
    page = context.new_page()
    page.goto(f"chrome-extension://{ext_id}/practice/practice.html?lang=es")
    page.locator("#question").wait_for(state="visible")
    assert _text(page, "#progress") == "1 de 12"
    assert page.locator("[data-answer]").all_inner_texts() == ["Está bien", "Hay que revisarlo", "No se debe publicar"]
    assert page.evaluate("() => document.documentElement.lang") == "es"
