"""Replies to reviews from the organisation's accounts, in real Chromium with the extension and a real service, on
look-alikes of Google Business Profile, Yelp for Business (public comment and private message) and Healthgrades
(sources: fixtures/sites/SELECTORS.md): a reply that confirms the reviewer was a patient is held (the panel shows
the enforcement cases and a reply that confirms nothing; the site receives nothing); a reply that confirms nothing
goes through exactly as typed; Apply suggestions puts the safe reply in the site's own box."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.e2e import ui
from tests.e2e.composers import REVIEW_BY_ID, REVIEW_COMPOSERS, Composer
from tests.e2e.conftest import open_world
from tests.e2e.test_fixture_sites import open_composer, site, type_like_a_person

ROOT = Path(__file__).resolve().parents[2]
REASONS = json.loads((ROOT / "shared" / "reasons.json").read_text(encoding="utf-8"))
SUGGESTED = REASONS["REVIEW_REPLY_CONFIRMS"]["suggested_reply"]
CONFIRMING = "Hi Dana, sorry your cleaning ran long. We saw you as soon as the hygienist was free."
SAFE = "Thank you for your feedback. We take every concern seriously; please call our office manager at 555-0100."
POLICY = {
    "organisation": {"name": "Riverbend Family Dental"},
    "org_accounts": {
        "google_business": ["Riverbend Family Dental"],
        "yelp": ["Riverbend Family Dental"],
        "healthgrades": ["Dr. Ana Ruiz, DDS"],
    },
    "review_sites": ["google_business", "yelp", "facebook", "healthgrades"],
}
IDS = [c.id for c in REVIEW_COMPOSERS]


@pytest.fixture(scope="module")
def world(browser_type, checker, tmp_path_factory):
    folder = tmp_path_factory.mktemp("reviews")
    policy = folder / "policy.json"
    policy.write_text(json.dumps(POLICY))
    context, svc, close = open_world(browser_type, checker, folder, policy=policy)
    # The policy reaches the extension once it is paired: wait until its config (with review_sites) is cached, so
    # the first page already knows the organisation's accounts and that Healthgrades is watched.
    context.service_workers[0].evaluate("""async () => { for (let i = 0; i < 100; i++) {
        const { config } = await chrome.storage.local.get({ config: null });
        if (config?.review_sites?.includes('healthgrades')) return; await new Promise((r) => setTimeout(r, 100)); }
        throw new Error('the policy never reached the extension'); }""")
    yield context, svc
    close()


def received(page, composer: Composer) -> list[str]:
    return [r["text"] for r in site(page)["received"] if r["where"] == composer.where]


def submit(page, composer: Composer) -> None:
    page.locator(composer.submit).first.click()


def write(page, composer: Composer, text: str, state: str | tuple[str, ...]) -> None:
    editor = open_composer(page, composer)
    type_like_a_person(page, composer, editor, text)
    ui.wait_mark(page, state)


@pytest.mark.parametrize("composer", REVIEW_COMPOSERS, ids=IDS)
def test_a_reply_that_confirms_a_patient_is_held_with_the_cases_and_a_reply_that_confirms_nothing(
    world, page, composer
):
    _context, svc = world
    write(page, composer, CONFIRMING, "stop")
    submit(page, composer)
    text = ui.wait_panel(page)
    assert "breach client confidentiality" in text and "Posting as the organisation" in text
    assert "Elite Dental Associates" in text and "New Vision Dental" in text and "Manasa Health Center" in text
    assert SUGGESTED in text
    assert site(page)["submits"] == 0, "the site's own submit handler ran while the reply was held"
    if composer.id == "google-business-reply" and os.environ.get("CLIENTSAFE_SCREENSHOTS"):
        page.set_viewport_size({"width": 1280, "height": 900})
        page.screenshot(path=str(ROOT / "docs" / "screenshots" / "review-reply-held.png"))
    ui.press(page, "cancel")
    page.wait_for_timeout(300)
    assert site(page)["submits"] == 0 and received(page, composer) == []
    check = svc.app.app.state.recent_checks
    assert any("REVIEW_REPLY_CONFIRMS" in c["codes"] for c in check.values())


@pytest.mark.parametrize("composer", REVIEW_COMPOSERS, ids=IDS)
def test_a_reply_that_confirms_nothing_goes_through_exactly_as_typed(page, composer):
    write(page, composer, SAFE, "clear")
    submit(page, composer)
    page.wait_for_function("window.__site.submits > 0", timeout=10_000)
    assert received(page, composer) == [SAFE]
    assert not ui.panel_open(page)


@pytest.mark.parametrize("composer_id", ["google-business-reply", "yelp-public-comment"])
def test_apply_suggestions_puts_the_reply_that_confirms_nothing_in_the_sites_own_box(world, page, composer_id):
    _context, svc = world
    composer = REVIEW_BY_ID[composer_id]
    write(page, composer, CONFIRMING, "stop")
    submit(page, composer)
    ui.wait_panel(page)
    ui.press(page, "apply")
    ui.wait_closed(page)
    ui.wait_mark(page, "clear")  # checked again after the rewrite
    submit(page, composer)
    page.wait_for_function("window.__site.submits > 0", timeout=10_000)
    assert received(page, composer) == [SUGGESTED]
    assert "applied_suggestions" in [d["choice"] for d in svc.app.app.state.decisions]
