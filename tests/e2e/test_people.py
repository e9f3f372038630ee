"""Friend, follow, connect and message requests in real Chromium: a roster client's request is held before the
click takes effect, with the kind decline script; a stranger's goes through untouched. Buttons: tests/e2e/people.py
(look-alikes of each site; sources in fixtures/sites/SELECTORS.md); roster: tests/data/roster.csv."""

from __future__ import annotations

import pytest

from tests.e2e import ui
from tests.e2e.conftest import open_world, with_roster
from tests.e2e.people import NAME, PEOPLE_BUTTONS
from tests.e2e.test_fixture_sites import site

GUARDED = [b for b in PEOPLE_BUTTONS if b.action not in ("delete", "ignore")]  # saying no is always fine
STRANGER = ("Jordan Lee", "jordan.lee")


@pytest.fixture(scope="module")
def world(browser_type, checker, tmp_path_factory):
    folder = tmp_path_factory.mktemp("people")
    context, svc, close = open_world(browser_type, checker, folder)
    # This module asks about ~50 people within a minute, past the per-browser probing limit a person never hits.
    with_roster(svc, folder, lookups_per_minute=1000)
    yield context, svc
    close()


def as_stranger(url: str, handle: str) -> str:
    _name, other = STRANGER
    url = url.replace("Keisha%20Brown", "Jordan%20Lee").replace(handle, other)
    return url.replace("keisha-brown", "jordan-lee").replace("keisha_b", "jordan_lee").replace("keisha", "jordan")


@pytest.mark.parametrize("button", GUARDED, ids=[b.id for b in GUARDED])
def test_a_request_involving_a_client_is_held_with_the_decline_script(page, button):
    page.goto(button.url)
    page.locator(button.button).first.click()
    text = ui.wait_panel(page)
    assert "someone your organisation serves" in text
    assert "Our policy doesn't let me connect" in text or "policy" in text.lower()
    assert ui.wait_frame(page).locator("blockquote").count() == 1
    assert site(page)["actions"] == [], "the site acted on the click while it was held"
    ui.press(page, "cancel")
    page.wait_for_timeout(200)
    assert site(page)["actions"] == []


@pytest.mark.parametrize("button", GUARDED, ids=[b.id for b in GUARDED])
def test_a_request_involving_a_stranger_goes_through(page, button):
    page.goto(as_stranger(button.url, button.handle))
    assert NAME not in page.locator("body").inner_text()
    page.locator(as_stranger(button.button.replace(NAME, STRANGER[0]), button.handle)).first.click()
    page.wait_for_function("window.__site.actions.length === 1", timeout=10_000)
    assert site(page)["actions"][0]["action"] == button.action
    assert not ui.panel_open(page)


def test_when_lookups_are_rate_limited_the_request_is_held_and_the_panel_says_to_wait(page, world):
    """Probing is rate-limited by the app (429); the person is told why and what to do, and nothing is let by."""
    _context, svc = world
    state = svc.app.app.state
    saved = state.relationship_checks_per_minute, state.relationship_limits
    state.relationship_checks_per_minute, state.relationship_limits = 0, {}
    try:
        button = GUARDED[0]
        page.goto(button.url)
        page.locator(button.button).first.click()
        text = ui.wait_panel(page)
        assert "could not check who this is" in text and "Try again in a minute" in text
        assert site(page)["actions"] == [], "the site acted on the click while it was held"
    finally:
        state.relationship_checks_per_minute, state.relationship_limits = saved
