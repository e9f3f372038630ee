"""A friend, follow or connect request from a client's parent or guardian, in real Chromium with the extension and a
real service: held before the click takes effect, with the guardian's own reason and decline script (in Spanish
when the policy says so), never naming the client; a stranger's request goes through. The roster lists Keisha
Brown, whose name the look-alike people pages use (tests/e2e/people.py), only as a guardian."""

from __future__ import annotations

import pytest

from clientsafe.policy import Policy
from clientsafe.policy.declaration import defaults
from clientsafe.roster.relationship import BUILT_IN
from tests.e2e import ui
from tests.e2e.conftest import open_world
from tests.e2e.people import PEOPLE_BUTTONS
from tests.e2e.test_fixture_sites import site

BY_ID = {b.id: b for b in PEOPLE_BUTTONS}
HELD = ["facebook-confirm", "facebook-add-friend", "instagram-follow", "x-follow", "linkedin-connect"]
CLIENT = "Tamika Reyes"
ROSTER = f"Client Name,Minor,Parent/Guardian\n{CLIENT},yes,Keisha Brown; Carlos Reyes\n"


@pytest.fixture(scope="module")
def world(browser_type, checker, tmp_path_factory):
    from clientsafe.roster.importer import import_roster
    from clientsafe.roster.keys import RosterKey
    from clientsafe.roster.match import Roster

    folder = tmp_path_factory.mktemp("guardians")
    context, svc, close = open_world(browser_type, checker, folder)
    csv = folder / "guardians.csv"
    csv.write_text(ROSTER, encoding="utf-8")
    key = RosterKey(use_keyring=False, file=folder / "roster-key")
    import_roster(csv, file=folder / "roster.bin", key=key)
    svc.app.app.state.roster = Roster(folder / "roster.bin", key)
    svc.app.app.state.relationship_checks_per_minute = 1000  # many cases within a minute; a person never gets near
    yield context, svc
    close()


def _stranger(url: str) -> str:
    return url.replace("Keisha%20Brown", "Jordan%20Lee").replace("keisha", "jordan")


@pytest.mark.parametrize("button_id", HELD)
def test_a_guardians_request_is_held_with_the_guardian_reason_and_script(page, button_id):
    button = BY_ID[button_id]
    page.goto(button.url)
    page.locator(button.button).first.click()
    text = ui.wait_panel(page)
    assert "parent or guardian of someone the organisation serves" in text
    frame = ui.wait_frame(page)
    # The heading says who this is, not "a young person your organisation serves" (the client is the minor).
    heading = frame.locator("h2").inner_text()
    assert heading == "This looks like the parent or guardian of someone your organisation serves"
    script = frame.locator("blockquote").inner_text()
    kind = "incoming_request" if button.action == "confirm" else "outgoing_request"
    assert script == BUILT_IN["guardian"][kind]["en"]
    assert CLIENT not in text and "Tamika" not in page.content()  # whose guardian is never said
    assert site(page)["actions"] == [], "the site acted on the click while it was held"
    ui.press(page, "cancel")
    page.wait_for_timeout(200)
    assert site(page)["actions"] == []


def test_a_message_from_a_guardian_gets_the_guardian_message_script(page):
    button = BY_ID["facebook-message"]
    page.goto(button.url)
    page.locator(button.button).first.click()
    ui.wait_panel(page)
    assert ui.wait_frame(page).locator("blockquote").inner_text() == BUILT_IN["guardian"]["message_request"]["en"]


def test_when_the_policy_says_spanish_the_decline_script_is_in_spanish(page, world):
    _context, svc = world
    state = svc.app.app.state
    saved = state.policy
    own = "¡Gracias por escribir! No conecto con familias en mi cuenta personal; búsqueme en el centro."
    state.policy = Policy(values={**defaults(), "decline_scripts": {"language": "es", "guardian": {"es": own}}})
    try:
        button = BY_ID["facebook-confirm"]
        page.goto(button.url)
        page.locator(button.button).first.click()
        ui.wait_panel(page)
        frame = ui.wait_frame(page)
        assert frame.locator("blockquote").inner_text() == own
        assert "La lista de clientes indica" in frame.locator("body").inner_text()
        assert site(page)["actions"] == []
    finally:
        state.policy = saved


@pytest.mark.parametrize("button_id", ["facebook-confirm", "instagram-follow"])
def test_a_strangers_request_goes_through(page, button_id):
    button = BY_ID[button_id]
    page.goto(_stranger(button.url))
    page.locator(_stranger(button.button)).first.click()
    page.wait_for_function("window.__site.actions.length === 1", timeout=10_000)
    assert site(page)["actions"][0]["action"] == button.action
    assert not ui.panel_open(page)
