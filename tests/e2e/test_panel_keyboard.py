"""The warning panel used with the keyboard alone, in real Chromium with the extension and a real service: a risky
post on the Mastodon look-alike is typed and sent with the keyboard; the panel that holds it takes the focus,
keeps it while it is open (Tab and Shift+Tab go round its own controls, never into the site underneath), every
choice can be reached, Enter chooses, and Escape cancels and gives the focus back to the editor. The moderation
panel on the organisation's Page opens from its mark with Enter and keeps the focus the same way."""

from __future__ import annotations

import json

import pytest

from tests.e2e import ui
from tests.e2e.conftest import open_world
from tests.e2e.sites import VARIANT_HEADER
from tests.e2e.test_accessibility import FACEBOOK, ORG_POST, moderation_panel, wait_flagged_mark
from tests.e2e.test_mastodon import RISKY
from tests.e2e.test_sites import POLICY

FOCUSED = """() => {
  const el = document.activeElement;
  return { has: document.hasFocus(), act: el?.dataset?.act || null, tag: el?.tagName || null,
           inBox: !!el?.closest?.('.box') };
}"""


@pytest.fixture
def page(extension_world):
    context, svc = extension_world
    page = context.new_page()
    page.goto("https://mastodon.social/home")
    ui.wait_watching(page, "mastodon")
    yield page, svc
    page.close()


def hold_by_keyboard(page):
    """Type the risky post and send it with the keyboard only (Tab to Publish, Enter): the panel's frame."""
    page.locator("textarea").focus()  # where the person starts typing
    page.keyboard.type(RISKY)
    ui.wait_mark(page, "stop")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Publish"
    page.keyboard.press("Enter")
    ui.wait_panel(page)
    return ui.panel_frame(page)


def focus_in(frame) -> dict:
    return frame.evaluate(FOCUSED)


def wait_focus_in(page, frame, timeout_ms: int = 5_000) -> dict:
    for _ in range(timeout_ms // 50):
        state = focus_in(frame)
        if state["has"] and state["inBox"]:
            return state
        page.wait_for_timeout(50)
    raise AssertionError(f"the panel did not take the focus: {focus_in(frame)}")


def test_focus_starts_in_the_panel_stays_there_and_reaches_every_choice(page):
    page, _svc = page
    frame = hold_by_keyboard(page)
    first = wait_focus_in(page, frame)
    assert first["act"] == "edit"
    choices = set(frame.locator("[data-act]").evaluate_all("bs => bs.map((b) => b.dataset.act)"))
    assert {"edit", "send", "cancel"} <= choices
    stops = frame.evaluate(
        "() => [...document.querySelectorAll('.box a[href], .box button, .box textarea')]"
        ".filter((e) => e.getClientRects().length).length"
    )
    # Twice round with Tab, then twice round the other way: the focus never leaves the panel for the site.
    seen_forward, seen_back = [], []
    for _ in range(2 * stops):
        page.keyboard.press("Tab")
        state = focus_in(frame)
        assert state["has"] and state["inBox"], f"Tab took the focus out of the panel: {state}"
        assert page.evaluate("document.activeElement.tagName") == "CLIENTSAFE-FRAME"
        seen_forward.append(state["act"] or state["tag"])
    for _ in range(2 * stops):
        page.keyboard.press("Shift+Tab")
        state = focus_in(frame)
        assert state["has"] and state["inBox"], f"Shift+Tab took the focus out of the panel: {state}"
        seen_back.append(state["act"] or state["tag"])
    assert choices <= set(seen_forward) and choices <= set(seen_back)
    # Round and round: after one full turn the same controls come again in the same order.
    assert seen_forward[:stops] == seen_forward[stops:]
    assert seen_back[:stops] == seen_back[stops:]
    # Shift+Tab goes the same way round, backwards.
    backwards = " ".join(reversed(seen_back[:stops]))
    assert backwards in " ".join(seen_forward[:stops] * 2), (seen_forward, seen_back)
    assert page.evaluate("window.posted") == []


def test_escape_cancels_and_the_focus_goes_back_to_the_editor(page):
    page, svc = page
    frame = hold_by_keyboard(page)
    wait_focus_in(page, frame)
    page.keyboard.press("Escape")
    ui.wait_closed(page)
    page.wait_for_function("document.activeElement?.tagName === 'TEXTAREA'", timeout=5_000)
    assert page.evaluate("window.posted") == []
    page.wait_for_timeout(300)
    assert svc.app.app.state.decisions[-1]["choice"] == "cancelled"


def test_enter_on_a_choice_reached_by_tab_chooses_it(page):
    page, _svc = page
    frame = hold_by_keyboard(page)
    wait_focus_in(page, frame)
    page.keyboard.press("Tab")  # away from Edit, then round the panel back to it
    for _ in range(10):
        if focus_in(frame)["act"] == "edit":
            break
        page.keyboard.press("Tab")
    assert focus_in(frame)["act"] == "edit"
    page.keyboard.press("Enter")
    ui.wait_closed(page)
    # Edit: back in the editor with the first risky phrase selected, nothing posted.
    page.wait_for_function("document.activeElement?.tagName === 'TEXTAREA'", timeout=5_000)
    selected = page.evaluate(
        "(() => { const t = document.activeElement; return t.value.slice(t.selectionStart, t.selectionEnd); })()"
    )
    assert selected and selected in RISKY
    assert page.evaluate("window.posted") == []


@pytest.fixture
def org_page(browser_type, checker, tmp_path):
    """The organisation's Facebook Page post with a young person's disclosing comment (the moderation look-alike)."""
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps(POLICY))
    context, _svc, close = open_world(browser_type, checker, tmp_path, policy=policy)
    page = context.new_page()
    page.set_viewport_size({"width": 1100, "height": 900})
    page.set_extra_http_headers({VARIANT_HEADER: FACEBOOK})
    page.goto(ORG_POST)
    yield page
    close()


def test_the_moderation_panel_opens_from_its_mark_by_keyboard_and_keeps_the_focus(org_page):
    page = org_page
    mark = wait_flagged_mark(page)
    mark.locator("#mark").focus()  # Tab reaches it in the page; here it is focused directly
    # The mark is an extension frame in its own process: focus reaches it a moment later, and a key pressed
    # before then goes to the page (as it would for a person who pressed Enter before the focus moved).
    for _ in range(100):
        if mark.evaluate("document.hasFocus() && document.activeElement?.id === 'mark'"):
            break
        page.wait_for_timeout(50)
    else:
        raise AssertionError("the mark never took the focus")
    page.keyboard.press("Enter")
    frame = moderation_panel(page)
    state = wait_focus_in(page, frame)
    assert state["act"] in ("hide", "delete")
    choices = set(frame.locator("[data-act]").evaluate_all("bs => bs.map((b) => b.dataset.act)"))
    seen = set()
    for _ in range(2 * len(choices)):
        page.keyboard.press("Tab")
        state = focus_in(frame)
        assert state["has"] and state["inBox"], f"Tab took the focus out of the moderation panel: {state}"
        seen.add(state["act"])
    assert seen == choices
    page.keyboard.press("Shift+Tab")
    assert focus_in(frame)["inBox"]
    page.keyboard.press("Escape")
    for _ in range(200):  # up to 10 s on a loaded machine
        if not moderation_panel_open(page):
            break
        page.wait_for_timeout(50)
    else:
        raise AssertionError("Escape did not close the moderation panel")
    assert page.evaluate("window.siteLog") == []


def moderation_panel_open(page) -> bool:
    for frame in ui.frames(page, "moderation"):
        try:
            if frame.locator(".box").count():
                return True
        except Exception:  # the frame went away while we looked: closed
            continue
    return False
