"""The extension's pages and frames checked by axe-core (the npm registry's accessibility engine, installed with the
look-alike sites' packages in tests/e2e/fixtures), in real Chromium with a real service, in English and in
Spanish: the warning panel holding a post on a look-alike site, the toolbar popup, the options page (before and
while pairing), the Practice page (a question and its answer) and the moderation panel on the organisation's
Facebook Page. Every one must have zero violations of any axe rule (WCAG A/AA and best practices alike).

Spanish comes from the policy (``language: es``), which the extension learns through GET /v1/config; the
Chromium here runs in English, so the Spanish pages prove the policy's choice wins over the browser's.
"""

from __future__ import annotations

import json
import os
import time

import pytest

from tests.e2e import ui
from tests.e2e.conftest import ROOT, open_world
from tests.e2e.sites import VARIANT_HEADER
from tests.e2e.test_mastodon import RISKY, type_and_wait
from tests.e2e.test_moderation import panel as moderation_panel  # the one helper that finds the panel frame
from tests.e2e.test_sites import POLICY

AXE = ROOT / "tests" / "e2e" / "fixtures" / "node_modules" / "axe-core" / "axe.min.js"
# Words each page says in its language: proof the page was checked in the language the test meant.
SAYS = {
    "en": {
        "panel": "Hold on",
        "popup": "Pairing and settings",
        "options": "Pair this browser",
        "practice": "Practice",
        "moderation": "private information",
    },
    "es": {
        "panel": "Espere",
        "popup": "Vinculación y configuración",
        "options": "Vincular este navegador",
        "practice": "Práctica",
        "moderation": "información privada",
    },
}
FACEBOOK = "facebook/2026-page-comments"
ORG_POST = "https://www.facebook.com/HopeHouseYouth/posts/1029"
RISKY_ES = "Felicidades a Maria de nuestro albergue juvenil por entrar en el cuadro de honor"
CONFIG = "async () => (await chrome.storage.local.get({config: null})).config"


@pytest.fixture(scope="module", params=["en", "es"])
def world(request, browser_type, checker, tmp_path_factory):
    if not AXE.exists():
        pytest.fail(f"axe-core is not installed ({AXE}): run `make fixtures`")
    lang = request.param
    folder = tmp_path_factory.mktemp(f"a11y-{lang}")
    policy = folder / "policy.json"
    policy.write_text(json.dumps({**POLICY, **({"language": "es"} if lang == "es" else {})}))
    context, svc, close = open_world(browser_type, checker, folder, policy=policy)
    worker = context.service_workers[0]
    # The extension has the policy (and so its language) once it is paired and has asked for /v1/config.
    deadline = time.monotonic() + 15
    while (cached := worker.evaluate(CONFIG)) is None or (lang == "es" and cached.get("language") != "es"):
        assert time.monotonic() < deadline, f"the extension never got the policy's language: {cached}"
        time.sleep(0.1)
    yield context, svc, worker.url.split("/")[2], lang
    close()


# A status mark is a 24 x 24 px frame inside the site's page: a part of that page, not a page of its own, so the
# rule that a page has a top heading is left out for marks (they have no heading to give).
PAGE_RULES = ("page-has-heading-one",)


def violations(frame, part_of_a_page: bool = False) -> list[str]:
    """Run axe-core in this document (the extension's page or frame) and list each violation with its nodes.
    axe is added with evaluate (DevTools' way in), which the extension pages' Content Security Policy does not
    stop and the page under test never sees."""
    frame.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    rules = {rule: {"enabled": False} for rule in PAGE_RULES} if part_of_a_page else {}
    result = frame.evaluate(
        """async (rules) => {
          const r = await axe.run(document, { resultTypes: ["violations"], rules });
          return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} -- `
            + v.nodes.map((n) => n.target.join(" ") + ": " + n.failureSummary).join(" | "));
        }""",
        rules,
    )
    return list(result)


def lang_of(frame) -> str:
    return frame.evaluate("document.documentElement.lang")


def test_the_warning_panel_holding_a_post(world):
    context, _svc, _ext, lang = world
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 1000})  # the whole panel in view, for the screenshot
    page.goto("https://mastodon.social/home")
    ui.wait_watching(page, "mastodon")
    assert type_and_wait(page, RISKY_ES if lang == "es" else RISKY) == "stop"
    page.click("button[type=submit]")
    assert SAYS[lang]["panel"] in ui.wait_panel(page)
    frame = ui.panel_frame(page)
    assert lang_of(frame) == lang
    if lang == "es" and os.environ.get("CLIENTSAFE_SCREENSHOTS"):
        page.screenshot(path=str(ROOT / "docs" / "screenshots" / "warning-panel-es.png"))
    assert violations(frame) == []
    mark = ui.frames(page, "mark")[0]
    assert lang_of(mark) == lang
    assert violations(mark, part_of_a_page=True) == []
    ui.press(page, "cancel")
    page.close()


def test_the_popup(world):
    context, _svc, ext_id, lang = world
    site = context.new_page()
    site.goto("https://mastodon.social/home")
    ui.wait_watching(site, "mastodon")
    worker = context.service_workers[0]
    tab_id = worker.evaluate("async () => (await chrome.tabs.query({url: 'https://mastodon.social/*'}))[0].id")
    popup = context.new_page()
    popup.goto(f"chrome-extension://{ext_id}/popup/popup.html?tab={tab_id}")
    for _ in range(100):
        if popup.evaluate("() => document.getElementById('status').dataset.state") != "checking":
            break
        popup.wait_for_timeout(100)
    assert SAYS[lang]["popup"] in popup.locator("body").inner_text()
    assert lang_of(popup) == lang
    assert violations(popup) == []
    popup.close()
    site.close()


def test_the_options_page_before_and_while_pairing(world):
    context, _svc, ext_id, lang = world
    page = context.new_page()
    page.goto(f"chrome-extension://{ext_id}/options/options.html")
    page.locator("#pair").wait_for()
    for _ in range(50):
        if page.locator("#pair").inner_text():
            break
        page.wait_for_timeout(100)
    assert page.locator("#pair").inner_text() == SAYS[lang]["options"]
    assert lang_of(page) == lang
    assert violations(page) == []
    page.locator("#pair").click()
    page.locator(".code").wait_for()
    assert violations(page) == []
    page.close()


def test_the_practice_page_question_and_answer(world):
    context, _svc, ext_id, lang = world
    page = context.new_page()
    page.goto(f"chrome-extension://{ext_id}/practice/practice.html")
    page.locator("#question").wait_for(state="visible")
    assert page.locator("#heading").inner_text() == SAYS[lang]["practice"]
    assert lang_of(page) == lang
    assert violations(page) == []
    page.locator("[data-answer=must_not]").click()
    page.locator("#feedback").wait_for(state="visible")
    assert violations(page) == []
    page.close()


def test_the_moderation_panel(world):
    context, _svc, _ext, lang = world
    page = context.new_page()
    page.set_viewport_size({"width": 1100, "height": 900})
    page.set_extra_http_headers({VARIANT_HEADER: FACEBOOK})
    page.goto(ORG_POST)
    mark = wait_flagged_mark(page)
    assert lang_of(mark) == lang
    assert violations(mark, part_of_a_page=True) == []
    mark.locator("#mark").click()  # the person's own click
    frame = moderation_panel(page)
    assert SAYS[lang]["moderation"] in frame.locator(".box").inner_text()
    assert lang_of(frame) == lang
    assert violations(frame) == []
    page.close()


def wait_flagged_mark(page, timeout_s: float = 30.0):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for frame in ui.frames(page, "moderation-mark"):
            try:
                if frame.evaluate("document.body.dataset.state") in ("review", "urgent"):
                    return frame
            except Exception:  # the frame went away while we looked
                continue
        page.wait_for_timeout(100)
    raise AssertionError("no comment was marked for moderation")
