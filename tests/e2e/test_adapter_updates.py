"""When a site changes how posts are sent: ClientSafe says it cannot hold the post there (mark, panel, popup,
badge), warns as soon as the draft is risky, and tells the tray's audit which part of which site's adapter
failed; IT's signed adapter update (named by the policy) then makes it hold the post again, with no new
extension release; an update signed with another key is refused.

The page is x/2027-changed: X's Home composer with its Post button's test id renamed (a made-up redesign)."""

from __future__ import annotations

import json

import pytest

from clientsafe.adapter_update import keygen, sign
from clientsafe.audit import AuditStore
from tests.e2e import ui
from tests.e2e.conftest import ROOT, FixtureSite, open_world
from tests.e2e.sites import IT_HOST, VARIANT_HEADER
from tests.e2e.test_fixture_sites import site
from tests.e2e.test_sites import HARMLESS, POLICY, RISKY
from tests.e2e.test_status_and_recovery import badge, popup

CHANGED = "x/2027-changed"
EDITOR = "[data-testid=tweetTextarea_0]"
BUTTON = "[data-testid=composerSubmitInline]"
UPDATE_PATH = "/clientsafe/adapters.json"


def fixed_x_adapter() -> dict:
    """What IT publishes the day X renamed its button: the shipped adapter, with the new test id added."""
    data = json.loads((ROOT / "extension" / "adapters" / "x.json").read_text(encoding="utf-8"))
    data["version"] = "2099-01-01"
    data["surfaces"][0]["submit"].append({"css": "[data-testid=composerSubmitInline]"})
    return data


def world_with_update(browser_type, checker, folder, signed_by_policy_key: bool):
    private, public = keygen()
    signer = private if signed_by_policy_key else keygen()[0]
    FixtureSite.it_files = {UPDATE_PATH: json.dumps(sign([fixed_x_adapter()], signer)).encode()}
    FixtureSite.it_requests = []
    policy = folder / "policy.json"
    policy.write_text(json.dumps(POLICY))
    # Only IT's system policy may name the update (a user's own policy file cannot point browsers at a key).
    system = folder / "system-policy.json"
    system.write_text(json.dumps({"adapter_updates": {"url": f"https://{IT_HOST}{UPDATE_PATH}", "public_key": public}}))
    audit = AuditStore(folder / "audit.sqlite3")
    context, svc, close = open_world(browser_type, checker, folder, policy=policy, audit=audit, system=system)
    assert svc.app.app.state.policy.extension_config()["adapter_updates"]["public_key"] == public
    # The policy reaching the extension loads the update: wait until the worker has decided about it.
    worker = context.service_workers[0]
    check = None
    for _ in range(100):
        check = worker.evaluate("async () => (await chrome.storage.local.get('adapterUpdateCheck')).adapterUpdateCheck")
        if check:
            break
        context.pages[0].wait_for_timeout(100) if context.pages else None
    return context, svc, audit, check, close


def open_changed(page):
    page.set_extra_http_headers({VARIANT_HEADER: CHANGED})
    page.goto("https://x.com/home")
    editor = page.locator(EDITOR)
    editor.wait_for(timeout=10_000)
    return editor


def wait_state(editor, page, states) -> str | None:
    return ui.wait_mark(page, states)


@pytest.fixture(scope="module")
def refused(browser_type, checker, tmp_path_factory):
    context, svc, audit, check, close = world_with_update(browser_type, checker, tmp_path_factory.mktemp("bad"), False)
    yield context, svc, audit, check
    close()
    audit.close()


@pytest.fixture(scope="module")
def applied(browser_type, checker, tmp_path_factory):
    context, svc, audit, check, close = world_with_update(browser_type, checker, tmp_path_factory.mktemp("ok"), True)
    yield context, svc, audit, check
    close()
    audit.close()


def test_an_update_signed_with_another_key_is_refused(refused):
    _context, _svc, _audit, check = refused
    assert check["state"] == "refused" and "signature" in check["error"]
    assert FixtureSite.it_requests, "the extension never asked IT's server"


def test_where_the_submit_control_is_not_found_clientsafe_says_it_cannot_hold_and_warns_at_once(refused):
    context, _svc, audit, _check = refused
    page = context.new_page()
    editor = open_changed(page)
    editor.click()
    page.keyboard.type(RISKY)
    # No click yet: the warning comes as soon as the verdict does, since the click cannot be held.
    text = ui.wait_panel(page)
    assert "ClientSafe cannot hold this post here" in text and "Maria" in text
    assert ui.mark_states(page) == ["unheld"]
    # Understood: more typing in the same risky draft does not bring the panel back at every pause.
    ui.press(page, "send")
    ui.wait_closed(page)
    editor.click()
    page.keyboard.press("End")
    page.keyboard.type(" See you all on Friday")
    page.wait_for_timeout(1200)
    assert not ui.panel_open(page)
    worker = context.service_workers[0]
    tab_id = worker.evaluate("async () => (await chrome.tabs.query({url: 'https://x.com/*'}))[0].id")
    state, title = popup(context, worker.url.split("/")[2], tab_id)
    assert (state, title) == ("cannot_hold", "ClientSafe cannot hold this post here")
    assert badge(context, tab_id) == "!"
    # IT hears which site and which part, and nothing of the page or the post.
    events = []
    for _ in range(50):
        events = [e for e in audit.recent(limit=20) if e.kind == "coverage"]
        if events:
            break
        page.wait_for_timeout(100)
    assert [(e.site, e.action, e.finding_types, e.reason) for e in events] == [
        ("x", "cannot_hold", ("post:submit",), "adapter 2026-12-06")
    ]
    page.close()


def test_a_signed_update_from_it_makes_the_changed_site_held_again(applied):
    context, _svc, _audit, check = applied
    assert check["state"] == "applied" and check["sites"] == ["x"]
    page = context.new_page()
    editor = open_changed(page)
    editor.click()
    page.keyboard.type(RISKY)
    assert wait_state(editor, page, ("stop",)) == "stop"
    page.locator(BUTTON).click()
    assert "breach client confidentiality" in ui.wait_panel(page)
    assert site(page)["received"] == []
    page.close()
    page = context.new_page()
    editor = open_changed(page)
    editor.click()
    page.keyboard.type(HARMLESS)
    assert wait_state(editor, page, ("clear",)) == "clear"
    page.locator(BUTTON).click()
    page.wait_for_function("window.__site.received.length > 0", timeout=10_000)
    assert site(page)["received"] == [{"where": "post", "text": HARMLESS}]
    page.close()
