"""Mastodon in real Chromium with the extension: a risky post is held, a harmless one goes through."""

import os
from pathlib import Path

import pytest

from tests.e2e import ui
from tests.e2e.tray_control import stop

RISKY = "So proud of Maria from our youth shelter for making the honor roll!"
HARMLESS = "Great turnout at the park cleanup today, thanks everyone!"


@pytest.fixture
def page(extension_world):
    context, svc = extension_world
    page = context.new_page()
    page.goto("https://mastodon.social/home")
    ui.wait_watching(page, "mastodon")
    return page, svc


def type_and_wait(page, text, expect=None):
    """Type into the composer and wait for the extension's verdict (``expect``: the mark it must end on)."""
    box = page.locator("textarea").first
    box.fill(text)  # typed (trusted input), as a person's keys are
    return ui.wait_mark(page, expect or ui.CHECKED)


def test_risky_post_is_held_with_reasons_and_the_site_never_receives_it(page):
    page, svc = page
    assert type_and_wait(page, RISKY) == "stop"
    page.click("button[type=submit]")
    text = ui.wait_panel(page)
    assert "breach client confidentiality" in text and "Policy" in text
    if os.environ.get("CLIENTSAFE_SCREENSHOTS"):
        page.screenshot(path=str(Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "warning-panel.png"))
    assert page.evaluate("window.posted") == []
    # Cancel: still nothing posted, and the decision reached the app.
    ui.press(page, "cancel")
    ui.wait_closed(page)
    assert page.evaluate("window.posted") == []
    page.wait_for_timeout(300)
    assert svc.app.app.state.decisions[-1]["choice"] == "cancelled"


def test_blocked_post_can_go_anyway_only_with_a_reason_and_the_original_is_sent(page):
    page, svc = page
    type_and_wait(page, RISKY)
    page.click("button[type=submit]")
    ui.press(page, "send")  # no reason yet
    page.wait_for_timeout(200)
    assert page.evaluate("window.posted") == [] and "Please say why" in ui.wait_panel(page)
    ui.press(page, "send", "Maria asked us to share")
    page.wait_for_function("window.posted.length === 1", timeout=5_000)
    assert page.evaluate("window.posted") == [RISKY]
    page.wait_for_timeout(300)
    assert svc.app.app.state.decisions[-1]["choice"] == "posted_anyway"


def test_harmless_post_goes_through_untouched_with_exactly_the_typed_text(page):
    page, _ = page
    assert type_and_wait(page, HARMLESS) == "clear"
    page.click("button[type=submit]")
    page.wait_for_function("window.posted.length === 1", timeout=5_000)
    assert page.evaluate("window.posted") == [HARMLESS]
    assert not ui.panel_open(page)


def test_when_the_app_is_not_running_the_post_is_held_as_not_checked(extension_world):
    context, _service = extension_world
    page = context.new_page()
    page.goto("https://mastodon.social/home")
    ui.wait_watching(page, "mastodon")
    stop(_service)  # the person quit the app
    type_and_wait(page, HARMLESS, "unchecked")
    page.click("button[type=submit]")
    text = ui.wait_panel(page)
    assert "not checked" in text and "not running" in text
    assert page.evaluate("window.posted") == []


def test_a_composer_added_after_load_is_covered_too(page):
    page, _ = page
    page.evaluate("""() => {
        const form = document.querySelector('form.compose-form').cloneNode(true);
        form.id = 'later';
        form.querySelector('textarea').value = '';
        form.addEventListener('submit', (e) => { e.preventDefault();
            window.posted.push('later:' + form.querySelector('textarea').value); });
        document.body.append(form);
    }""")
    page.wait_for_timeout(300)  # the extension sees new nodes in its next batched scan
    page.locator("#later textarea").fill(RISKY)
    ui.wait_mark(page, "stop")
    page.click("#later button[type=submit]")
    ui.wait_panel(page)
    assert page.evaluate("window.posted") == []


def test_apply_suggestions_changes_what_the_site_receives(page):
    page, svc = page
    type_and_wait(page, RISKY)
    page.click("button[type=submit]")
    ui.press(page, "apply")
    ui.wait_closed(page)
    rewritten = page.locator("textarea").input_value()
    assert "Maria" not in rewritten and "15" not in rewritten and rewritten.startswith("So proud of")
    ui.wait_mark(page, ("clear", "caution"))
    page.wait_for_timeout(500)  # let the debounced re-check after the rewrite settle
    page.click("button[type=submit]")
    page.wait_for_timeout(300)
    if ui.panel_open(page):  # a remaining caution: send it, as a person would
        ui.press(page, "send", "checked with my supervisor")
    page.wait_for_function("window.posted.length === 1", timeout=5_000)
    assert page.evaluate("window.posted") == [rewritten]
    page.wait_for_timeout(300)
    assert "applied_suggestions" in [d["choice"] for d in svc.app.app.state.decisions]


def test_edit_goes_back_to_the_text_with_the_first_risky_phrase_selected(page):
    page, _svc = page
    type_and_wait(page, RISKY)
    page.click("button[type=submit]")
    ui.press(page, "edit")
    ui.wait_closed(page)
    selected = page.evaluate(
        "() => { const t = document.querySelector('textarea');"
        " return t.value.slice(t.selectionStart, t.selectionEnd); }"
    )
    assert selected == "Maria"
    assert page.evaluate("window.posted") == []


def test_when_the_policy_makes_a_block_final_there_is_no_post_anyway(page, tmp_path):
    from clientsafe.policy import PolicyStore

    page, svc = page
    file = tmp_path / "policy.json"
    file.write_text('{"block_can_be_overridden": false}')
    svc.app.app.state.policy = PolicyStore(explicit_path=file, system_path=tmp_path / "none.json").load()
    worker = page.context.service_workers[0]
    worker.evaluate("() => chrome.storage.local.remove(['config', 'configAt'])")
    page.reload()  # the page reads the policy when it loads
    ui.wait_watching(page, "mastodon")
    type_and_wait(page, RISKY)
    page.click("button[type=submit]")
    acts = ui.panel_acts(page)
    assert "send" not in acts and "edit" in acts
    assert page.evaluate("window.posted") == []
