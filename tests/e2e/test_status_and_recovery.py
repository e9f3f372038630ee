"""What the popup and the toolbar badge say, and that a restarted app or a stopped service worker loses nothing."""

from __future__ import annotations

import threading

import pytest

from clientsafe.api.background import ServiceChecker
from tests.e2e import ui
from tests.e2e.test_mastodon import HARMLESS, RISKY, type_and_wait
from tests.e2e.tray_control import restart, stop


@pytest.fixture
def world(extension_world):
    context, svc = extension_world
    page = context.new_page()
    page.goto("https://mastodon.social/home")
    ui.wait_watching(page, "mastodon")
    worker = context.service_workers[0]
    ext_id = worker.url.split("/")[2]
    tab_id = worker.evaluate("async () => (await chrome.tabs.query({active: true}))[0].id")
    return context, svc, page, ext_id, tab_id


def popup(context, ext_id, tab_id) -> tuple[str, str]:
    p = context.new_page()
    p.goto(f"chrome-extension://{ext_id}/popup/popup.html?tab={tab_id}")
    # Extension pages forbid eval, so poll rather than wait_for_function.
    for _ in range(100):
        if p.evaluate("() => document.getElementById('status').dataset.state") != "checking":
            break
        p.wait_for_timeout(100)
    state, title = p.evaluate(
        "() => [document.getElementById('status').dataset.state, document.getElementById('title').textContent]"
    )
    p.close()
    return state, title


def badge(context, tab_id) -> str:
    worker = context.service_workers[0] if context.service_workers else context.wait_for_event("serviceworker")
    return worker.evaluate("(tabId) => chrome.action.getBadgeText({tabId})", tab_id)


def test_on_a_recognised_composer_the_popup_says_protected_and_the_badge_is_clear(world):
    context, _svc, page, ext_id, tab_id = world
    type_and_wait(page, HARMLESS, "clear")
    assert popup(context, ext_id, tab_id) == ("protected", "Protected")
    assert badge(context, tab_id) == ""


def test_when_the_app_stops_popup_and_badge_say_so_and_a_restart_recovers_without_reloading(world, checker):
    context, svc, page, ext_id, tab_id = world
    stop(svc)
    type_and_wait(page, RISKY, "unchecked")
    state, title = popup(context, ext_id, tab_id)
    assert state == "not_running" and "not running" in title
    assert badge(context, tab_id) == "!"
    worker = context.service_workers[0]
    tooltip = worker.evaluate("(tabId) => chrome.action.getTitle({tabId})", tab_id)
    assert tooltip == "ClientSafe: not protected, the app is not running"
    page.click("button[type=submit]")  # the fail mode (warn): held as not checked
    assert "not checked" in ui.wait_panel(page)
    ui.press(page, "cancel")
    ui.wait_closed(page)

    new = restart(svc, checker)  # same pairing; the page is NOT reloaded
    try:
        type_and_wait(page, RISKY + " ", "stop")
        assert popup(context, ext_id, tab_id)[0] == "protected"
        assert badge(context, tab_id) == ""
        page.click("button[type=submit]")
        assert "breach client confidentiality" in ui.wait_panel(page)
        assert page.evaluate("window.posted") == []
    finally:
        stop(new)


def test_while_the_app_warms_up_popup_and_panel_say_starting_and_then_the_post_is_really_checked(world, checker):
    """The tray listens at once and loads its engine behind it: for those seconds the extension says "starting",
    not "not running", holds a post as not checked, and checks it for real once the engine is ready."""
    context, svc, page, ext_id, tab_id = world
    stop(svc)
    gate = threading.Event()
    warming = ServiceChecker(lambda: gate.wait(60) and checker)
    threading.Thread(target=warming.warm_up, daemon=True).start()
    new = restart(svc, warming)
    try:
        type_and_wait(page, RISKY, "unchecked")  # the check waits for the engine; the extension gives up first
        state, title = popup(context, ext_id, tab_id)
        assert state == "starting" and "getting ready" in title
        assert badge(context, tab_id) == "…"
        page.click("button[type=submit]")
        text = ui.wait_panel(page)
        assert "still starting up" in text and "not checked" in text
        assert page.evaluate("window.posted") == []
        ui.press(page, "cancel")
        ui.wait_closed(page)

        gate.set()  # the engine is ready
        page.click("button[type=submit]")  # same text: asked again rather than reusing "could not check"
        assert "breach client confidentiality" in ui.wait_panel(page)
        assert page.evaluate("window.posted") == []
        assert popup(context, ext_id, tab_id)[0] == "protected"
        assert badge(context, tab_id) == ""
    finally:
        gate.set()
        stop(new)


def test_stopping_the_service_worker_loses_nothing(world):
    context, _svc, page, _ext_id, _tab_id = world
    cdp = context.new_cdp_session(page)
    cdp.send("ServiceWorker.enable")
    versions: list[dict] = []
    cdp.on("ServiceWorker.workerVersionUpdated", lambda e: versions.extend(e["versions"]))
    page.wait_for_timeout(300)
    running = [
        v for v in versions if v["scriptURL"].startswith("chrome-extension://") and v["runningStatus"] == "running"
    ]
    assert running, "the extension's service worker should be running before we stop it"
    for v in running:
        cdp.send("ServiceWorker.stopWorker", {"versionId": v["versionId"]})
    page.wait_for_function("1", timeout=1_000)
    # The token and port live in chrome.storage: a fresh worker picks them up and the post is still checked.
    type_and_wait(page, RISKY, "stop")
    page.click("button[type=submit]")
    ui.wait_panel(page)
    assert page.evaluate("window.posted") == []


def test_an_editable_box_the_adapter_does_not_know_shows_not_recognised(world):
    context, _svc, page, ext_id, tab_id = world
    page.evaluate("""() => { document.querySelector('form.compose-form').remove();
        const box = document.createElement('div'); box.contentEditable = 'true'; box.setAttribute('role', 'textbox');
        box.style.cssText = 'width:300px;height:80px;border:1px solid'; document.body.append(box); }""")
    assert popup(context, ext_id, tab_id)[0] == "not_recognised"
    for _ in range(50):  # the page reports to the worker a moment after the page changes
        if badge(context, tab_id) == "?":
            break
        page.wait_for_timeout(100)
    assert badge(context, tab_id) == "?"
