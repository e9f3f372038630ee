"""A hostile script in the social site's page against the real extension in Chromium and a real service (issue 13).

The script runs in the page's own world, as the site's code, a third-party script or an XSS would. One test per
attack: it reads no verdict, state or roster fact; its synthetic clicks and keys neither press the warning nor
cause a look-up; the rate at which it learns who is a client is measured and printed. Each test failed on the
extension before issue 13 (the verdict was in `data-clientsafe`, the panel an open shadow root with live buttons).
"""

from __future__ import annotations

import json
import time

import pytest

from tests.e2e import ui
from tests.e2e.conftest import open_world, with_roster
from tests.e2e.people import FB_PROFILE
from tests.e2e.test_fixture_sites import site

RISKY = "So proud of Keisha Brown from our youth shelter for making the honor roll"
HARMLESS = "Great turnout at the park cleanup today, thanks everyone, see you in spring"
CLIENTS = ["Keisha Brown", "Hope Williams", "Eve Martin"]  # on tests/data/roster.csv (Hope is a minor)
STRANGERS = ["Jordan Lee", "Sam Carter", "Priya Nair", "Tom Becker", "Ana Lima", "Leo Park", "Mia Stone"]
ADD_FRIEND = 'div[role=button][aria-label="Add friend"]'
HOPE_PROFILE = FB_PROFILE.replace("Keisha%20Brown", "Hope%20Williams").replace("keisha.b", "hope_w22")


@pytest.fixture(scope="module")
def world(browser_type, checker, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    context, svc, close = open_world(browser_type, checker, folder)
    with_roster(svc, folder, lookups_per_minute=30)  # the shipped per-browser limit
    saved, checker.roster = checker.roster, svc.app.app.state.roster  # posts naming a client are held too
    yield context, svc
    checker.roster = saved
    close()


# What a page's script can collect: every attribute change and added node (with any open shadow root's text),
# the frames it can reach, messages posted to it, its console. Installed in the page's main world.
SPY = """() => {
  const spy = { attrs: new Set(), added: [], messages: [], console: [] };
  const norm = (v) => String(v).replace(/-?\\d+(\\.\\d+)?/g, 'N');
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') {
        spy.attrs.add(`${r.target.tagName}.${r.attributeName}=${norm(r.target.getAttribute(r.attributeName))}`);
      }
      for (const n of r.addedNodes || []) {
        const shadow = n.shadowRoot ? n.shadowRoot.textContent : '-';
        spy.added.push(n.nodeType === 1 ? `${n.tagName}|${n.textContent}|${shadow}` : `#text|${n.textContent}`);
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  addEventListener('message', (e) => spy.messages.push(JSON.stringify(e.data)));
  for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
    const original = console[level];
    console[level] = (...args) => { spy.console.push(args.join(' ')); original.apply(console, args); };
  }
  window.__spy = spy;
}"""

SEEN = """() => {
  const spy = window.__spy;
  const hosts = [...document.querySelectorAll('clientsafe-frame')];
  const readable = [];
  for (let i = 0; i < window.frames.length; i++) {
    try { readable.push(window.frames[i].document.body.innerText); } catch (e) { readable.push('blocked'); }
  }
  const everything = [...document.querySelectorAll('*')].flatMap((el) => el.getAttributeNames()
    .filter((a) => a.startsWith('data-clientsafe') || a === 'data-state').map((a) => `${a}=${el.getAttribute(a)}`));
  return {
    attrs: [...spy.attrs].sort(), added: [...new Set(spy.added)].sort(), messages: spy.messages, console: spy.console,
    hosts: hosts.map((h) => ({ shadow: h.shadowRoot === null ? 'closed' : h.shadowRoot.textContent,
      size: [Math.round(h.getBoundingClientRect().width), Math.round(h.getBoundingClientRect().height)] })),
    readable, everything, text: document.body.innerText.includes('organisation serves'),
  };
}"""


def mastodon(context, console: list[str] | None = None):
    page = context.new_page()
    if console is not None:
        page.on("console", lambda message: console.append(message.text))
    page.goto("https://mastodon.social/home")
    ui.wait_watching(page, "mastodon")
    page.evaluate(SPY)
    return page


def type_as_person(page, text: str) -> str:
    page.locator("textarea").click()
    page.keyboard.type(text)
    return ui.wait_mark(page)


def test_the_page_sees_the_same_whether_the_draft_is_risky_or_harmless(world):
    """Attack: read the verdict (attributes, added nodes, open shadow roots, frames, console, messages)."""
    context, _svc = world
    seen, states, console = {}, {}, []
    for name, text in (("risky", RISKY), ("harmless", HARMLESS)):
        page = mastodon(context, console)
        states[name] = type_as_person(page, text)
        page.wait_for_timeout(300)
        seen[name] = page.evaluate(SEEN)
        page.close()
    assert states == {"risky": "stop", "harmless": "clear"}  # the person's mark (in the extension's frame) differs
    risky, harmless = seen["risky"], seen["harmless"]
    assert risky == harmless, f"the page can tell a risky draft from a harmless one:\n{json.dumps(seen, indent=1)}"
    assert risky["everything"] == [] and risky["readable"] == ["blocked"] * len(risky["readable"])
    # Marks are 24 x 24 px whatever they show; the panel frame loaded ahead of time is hidden (0 x 0).
    assert all(h["shadow"] == "closed" and h["size"] in ([24, 24], [0, 0]) for h in risky["hosts"]), risky["hosts"]
    leaked = [line for line in console if any(w in line.lower() for w in ("stop", "keisha", "client", "block"))]
    assert leaked == [], f"the console said: {leaked}"


def test_a_page_filling_composers_with_names_learns_no_client_and_spends_no_check(world):
    """Attack: probe the roster by putting candidate names in the composer and reading what ClientSafe does
    (before issue 13 a page learned about 29 names a second this way). Printed: names learned per second."""
    context, svc = world
    page = mastodon(context)
    checks_before = len(svc.app.app.state.recent_checks)
    probe = page.evaluate(
        """async (names) => {
      const box = document.querySelector('textarea');
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
      // Every data-* value in the page, and the text of anything ClientSafe added that the page can open.
      const signal = () => [
        ...[...document.querySelectorAll('*')].flatMap((el) => [...el.attributes]
          .filter((a) => a.name.startsWith('data-')).map((a) => a.value)),
        ...[...document.querySelectorAll('clientsafe-mark, clientsafe-frame, #clientsafe-panel')]
          .map((h) => h.shadowRoot?.querySelector('[aria-label]')?.getAttribute('aria-label') || ''),
      ];
      setter.call(box, 'Happy birthday Alex Morgan!');  // warm up: the first check of a session is the slowest
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 1500));
      const start = performance.now();
      const learned = [];
      for (const name of names) {
        setter.call(box, `Happy birthday ${name}!`);
        box.dispatchEvent(new Event('input', { bubbles: true }));
        const data = new DataTransfer();
        data.setData('text/plain', '');
        box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        await new Promise((r) => setTimeout(r, 700));
        // Anything ClientSafe lets slip that says "held" or "client" marks the name as a client's.
        if (signal().some((v) => /^(stop|caution)$|client information|serves/i.test(v))) learned.push(name);
      }
      return { learned, seconds: (performance.now() - start) / 1000 };
    }""",
        [*CLIENTS, *STRANGERS],
    )
    checks = len(svc.app.app.state.recent_checks) - checks_before
    rate = len(probe["learned"]) / probe["seconds"]
    print(
        f"\nroster probing through composers: {len(probe['learned'])} clients learned in {probe['seconds']:.1f} s "
        f"({rate:.2f} names/s), {checks} checks spent"
    )
    assert probe["learned"] == [], f"the page learned who is a client: {probe['learned']}"
    assert checks == 0, "text a script put in an untouched composer was checked (the page spends this browser's checks)"
    page.close()


def test_the_page_cannot_press_dismiss_or_read_the_warning_panel(world):
    """Attack: press "Post anyway" (with a reason), Escape, or message the panel; remove it."""
    context, svc = world
    page = mastodon(context)
    type_as_person(page, RISKY)
    decisions = len(svc.app.app.state.decisions)
    page.click("button[type=submit]")
    ui.wait_panel(page)
    attack = page.evaluate(
        """async () => {
      const out = {};
      // What ClientSafe shows over the page (today a frame host; before issue 13, #clientsafe-panel).
      const host = [...document.querySelectorAll('clientsafe-frame, #clientsafe-panel')]
        .filter((h) => h.getBoundingClientRect().height > 100).pop();
      const box = host.getBoundingClientRect();
      out.size = [box.width === innerWidth, box.height === innerHeight];
      out.shadow = host.shadowRoot === null ? 'closed' : host.shadowRoot.textContent;
      out.buttons = document.querySelectorAll('[data-act]').length
        + (host.shadowRoot?.querySelectorAll('[data-act]').length || 0);
      out.text = document.documentElement.innerText.includes('breach');
      // Fill the reason and press "Post anyway" wherever the page can reach them.
      const root = host.shadowRoot || document;
      const reason = root.querySelector('textarea');
      if (reason) reason.value = 'the page says so';
      root.querySelector('[data-act=send]')?.click();
      for (const target of [document, window, host, document.activeElement]) {
        target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
        target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      }
      host.click();
      const r = host.getBoundingClientRect();
      document.elementFromPoint(r.right - 40, r.bottom - 30)?.click();
      for (let i = 0; i < window.frames.length; i++) {
        window.frames[i].postMessage({ type: 'panel-choice', choice: 'send', reason: 'page' }, '*');
        window.frames[i].postMessage({ clientsafePanel: 'f'.repeat(32) }, '*');  // a made-up panel id
      }
      await new Promise((r) => setTimeout(r, 500));
      return out;
    }"""
    )
    assert attack == {"size": [True, True], "shadow": "closed", "buttons": 0, "text": False}
    assert ui.panel_open(page), "the page's synthetic keys or clicks closed the panel"
    assert page.evaluate("window.posted") == []
    # The page removes the panel: that is no choice at all, and the post stays held.
    page.evaluate("() => document.querySelectorAll('clientsafe-frame').forEach((h) => h.remove())")
    page.wait_for_timeout(500)
    assert page.evaluate("window.posted") == []
    assert len(svc.app.app.state.decisions) == decisions, "a decision was recorded that the person never made"
    page.close()


@pytest.mark.parametrize("cover", ["opacity: 0.05", "overlay"])
def test_a_faded_or_covered_panel_does_not_take_the_persons_click(world, cover):
    """Attack: clickjacking. The page fades the panel's frame or lays its own element over it so the person
    clicks "Post anyway" without seeing it. The panel refuses clicks while it is not fully visible."""
    context, svc = world
    page = mastodon(context)
    type_as_person(page, RISKY)
    page.click("button[type=submit]")
    ui.wait_panel(page)
    page.wait_for_timeout(300)  # the visibility observer has reported the panel visible
    if cover == "overlay":
        page.evaluate("""() => { const d = document.createElement('div');
            d.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:#fff;opacity:.97;'
              + 'pointer-events:none';
            d.textContent = 'Click the blue button to continue'; document.documentElement.append(d); }""")
    else:
        page.evaluate("() => document.querySelectorAll('clientsafe-frame').forEach((h) => (h.style.opacity = '0.05'))")
    page.wait_for_timeout(400)
    ui.press(page, "send", "the page made me")
    page.wait_for_timeout(1200)  # a click while hidden waits up to 800 ms for the browser's next report
    assert page.evaluate("window.posted") == [], "a click on a hidden panel posted the held post"
    assert "partly hidden by the page" in ui.wait_panel(page)
    assert svc.app.app.state.decisions[-1:] == [] or svc.app.app.state.decisions[-1]["choice"] != "posted_anyway"
    page.close()


def add_friend_as_person(context, url: str, spy: bool = False):
    """Open a profile (the page's spy installed first if asked) and press Add friend as a person does: the pointer
    reaches the button, and presses it a moment later."""
    page = context.new_page()
    page.goto(url)
    ui.wait_watching(page, "facebook", composer=False)
    if spy:
        page.evaluate(SPY)
    page.locator(ADD_FRIEND).first.hover()
    page.wait_for_timeout(300)
    page.locator(ADD_FRIEND).first.click()
    return page


def relationship_calls(svc) -> int:
    return sum(len(limiter.events) for limiter in svc.app.app.state.relationship_limits.values())


def test_synthetic_pointing_and_clicking_cause_no_roster_lookup_and_are_left_to_the_page(world):
    """Attack: point at and click a client's "Add friend" with synthetic events to make ClientSafe look the
    person up (and hold the click, which the page would see)."""
    context, svc = world
    page = context.new_page()
    page.goto(FB_PROFILE)
    ui.wait_watching(page, "facebook", composer=False)
    before = relationship_calls(svc)
    page.evaluate(
        """async (selector) => {
      const button = document.querySelector(selector);
      for (const type of ['pointerover', 'pointerenter', 'mouseover', 'focusin']) {
        button.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true }));
      }
      button.focus();
      await new Promise((r) => setTimeout(r, 400));
      button.click();
    }""",
        ADD_FRIEND,
    )
    page.wait_for_timeout(600)
    assert relationship_calls(svc) == before, "a synthetic event made ClientSafe look the person up"
    assert not ui.panel_open(page)
    assert site(page)["actions"] == [{"action": "add_friend", "name": "Keisha Brown", "handle": "keisha.b"}]
    page.close()


def test_a_minors_request_held_for_the_person_cannot_be_continued_by_the_page(world):
    """Attack: hide the panel about a young person and press "Continue anyway" for them."""
    context, svc = world
    page = add_friend_as_person(context, HOPE_PROFILE, spy=True)
    assert "young person your organisation serves" in ui.wait_panel(page)
    decisions = len(svc.app.app.state.decisions)
    page.evaluate(
        """async () => {
      document.querySelectorAll('clientsafe-frame').forEach((h) => (h.style.display = 'none'));
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      for (let i = 0; i < window.frames.length; i++) window.frames[i].postMessage({ choice: 'send' }, '*');
      await new Promise((r) => setTimeout(r, 500));
    }"""
    )
    seen = page.evaluate(SEEN)
    assert not seen["text"] and seen["everything"] == [] and not any("young" in a for a in seen["added"])
    assert site(page)["actions"] == [], "the page continued a held request"
    assert len(svc.app.app.state.decisions) == decisions
    page.close()


def test_the_persons_go_ahead_on_a_clients_request_is_audited_like_a_post_override(world):
    context, svc = world
    page = add_friend_as_person(context, FB_PROFILE)
    assert "someone your organisation serves" in ui.wait_panel(page)
    ui.press(page, "send", "Keisha is my cousin")
    page.wait_for_function("window.__site.actions.length > 0", timeout=10_000)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not svc.app.app.state.decisions:
        page.wait_for_timeout(50)
    last = svc.app.app.state.decisions[-1]
    assert (last["choice"], last["types"], last["action"]) == ("request_sent_anyway", ["outgoing_request"], "block")
    page.close()
