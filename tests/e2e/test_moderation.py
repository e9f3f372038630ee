"""Moderation help on the organisation's own pages, in real Chromium with the extension and a real service.

Look-alike pages (tests/e2e/fixtures/variants/facebook/2026-page-comments, youtube/2026-channel-comments,
instagram/2026-post-comments, linkedin/2026-page-comments, x/2026-status-comments, sources in their SOURCES.md): a
Page post, a channel video, an Instagram post, a LinkedIn company page post and an X status with comments or
replies. On the organisation's account the comment that discloses a young person's information is marked and the
ordinary ones are not; on a personal account's view nothing is checked (no request reaches the app); the person's
click on the offered action leads to the site's own control and ClientSafe never presses it; the audit records
what happened without any of the comment's words; the page's scripts cannot read the marks' verdict nor press the
panel's buttons.
"""

from __future__ import annotations

import json
import os
import time

import pytest

from clientsafe.audit import AuditStore
from tests.e2e import ui
from tests.e2e.conftest import ROOT, open_world
from tests.e2e.sites import VARIANT_HEADER
from tests.e2e.test_sites import POLICY as SITES_POLICY

POLICY = {
    **SITES_POLICY,
    "org_accounts": {**SITES_POLICY["org_accounts"], "youtube": ["Hope House Youth"]},
    "community_standards": {
        "contact": {
            "private_channel": {"en": "message our Page", "es": "escriba a nuestra página"},
            "phone": "(541) 555-0100",
        }
    },
}
FACEBOOK = "facebook/2026-page-comments"
YOUTUBE = "youtube/2026-channel-comments"
ORG_POST = "https://www.facebook.com/HopeHouseYouth/posts/1029"
PERSONAL_POST = "https://www.facebook.com/jordan.smith/posts/77"
ORG_VIDEO = "https://www.youtube.com/watch?v=hh2026"
PERSONAL_VIDEO = "https://www.youtube.com/watch?v=hh2026&as=Jordan%20Smith"
DISCLOSED_WORDS = ("cutting", "15", "Jaylen", "embarazada", "Pino", "lupita")
INSTAGRAM = "instagram/2026-post-comments"
LINKEDIN = "linkedin/2026-page-comments"
X = "x/2026-status-comments"
ORG_INSTAGRAM_POST = "https://www.instagram.com/p/DB7xQp2NkLm/"
ORG_LINKEDIN_POST = "https://www.linkedin.com/feed/update/urn:li:activity:7270011223344556677/"
ORG_X_STATUS = "https://x.com/HopeHouseYouth/status/1866204418820000000"
# What the comment items are on each look-alike (the adapters' `item`), to tell which comment a mark sits beside.
ITEMS = (
    "[role=article][aria-label^='Comment by'], [role=article][aria-label^='Reply by'], ytd-comment-view-model,"
    " ul._a9ym li._a9zj, article.comments-comment-entity, article[data-testid=tweet]"
)


@pytest.fixture(scope="module")
def world(browser_type, checker, tmp_path_factory):
    folder = tmp_path_factory.mktemp("moderation")
    policy = folder / "policy.json"
    policy.write_text(json.dumps(POLICY))
    store = AuditStore(folder / "audit.sqlite3")
    context, svc, close = open_world(browser_type, checker, folder, policy=policy, audit=store)
    svc.store = store
    yield context, svc
    close()
    store.close()


def open_page(context, variant: str, url: str):
    page = context.new_page()
    page.set_viewport_size({"width": 1100, "height": 900})
    page.set_extra_http_headers({VARIANT_HEADER: variant})
    page.goto(url)
    return page


def mark_frames(page) -> list:
    return ui.frames(page, "moderation-mark")


def marks(page) -> dict[str, str]:
    """Each comment's mark as the person sees it, keyed by the comment it sits beside (read from the extension's
    own frames, which the page cannot read)."""
    out = {}
    for frame in mark_frames(page):
        try:
            state = frame.evaluate("document.body.dataset.state || ''")
            box = frame.frame_element().bounding_box()
        except Exception:  # the frame went away while we looked
            continue
        if box is None:
            continue
        owner = page.evaluate(
            """([x, y, selector]) => {
              const items = [...document.querySelectorAll(selector)];
              const hit = items.find((el) => { const r = el.getBoundingClientRect();
                return Math.abs(r.top + 2 - y) < 4 && x >= r.left && x + 24 <= r.right; });
              return hit ? (hit.dataset.lc || hit.id) : null;
            }""",
            [box["x"], box["y"], ITEMS],
        )
        if owner:
            out[owner] = state
    return out


def wait_marks(page, wanted: int, timeout_s: float = 30.0) -> dict[str, str]:
    deadline = time.monotonic() + timeout_s
    seen: dict[str, str] = {}
    while time.monotonic() < deadline:
        seen = marks(page)
        if len([s for s in seen.values() if s not in ("", "unchecked")]) >= wanted:
            return seen
        page.wait_for_timeout(100)
    hosts = page.evaluate("document.querySelectorAll('clientsafe-frame').length")
    raise AssertionError(f"expected {wanted} checked comments; marks showed {seen} ({hosts} frame hosts)")


def mark_of(page, owner: str):
    for frame in mark_frames(page):
        box = frame.frame_element().bounding_box()
        if box is None:  # a hidden mark (its comment is scrolled out of view)
            continue
        found = page.evaluate(
            """([x, y, owner]) => { const el = document.getElementById(owner)
                || document.querySelector(`[data-lc="${owner}"]`);
              const r = el.getBoundingClientRect(); return Math.abs(r.top + 2 - y) < 4; }""",
            [box["x"], box["y"], owner],
        )
        if found:
            return frame
    raise AssertionError(f"no mark beside {owner}")


def panel(page, timeout_s: float = 10.0):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for frame in ui.frames(page, "moderation"):
            try:
                if frame.locator(".box").count():
                    return frame
            except Exception:
                continue
        page.wait_for_timeout(50)
    raise AssertionError("no moderation panel appeared")


def moderation_events(svc) -> list:
    assert svc.store.flush()
    return [e for e in svc.store.recent(200) if e.kind == "moderation"]


def batches(svc) -> int:
    return getattr(svc.app.app.state, "moderation_batches", 0)


def test_on_the_org_page_the_disclosing_comment_is_marked_and_the_ordinary_ones_are_not(world):
    context, svc = world
    page = open_page(context, FACEBOOK, ORG_POST)
    seen = wait_marks(page, 3)
    assert seen == {"c1": "clear", "c2": "urgent", "c3": "clear"}
    # The Page's own reply (it gives a phone number) is staff's words, checked as they are typed: not marked here.
    page.wait_for_timeout(800)
    assert "r1" not in marks(page)
    # Every checked comment has the same 24 x 24 px mark, flagged or not.
    sizes = {(b["width"], b["height"]) for b in (f.frame_element().bounding_box() for f in mark_frames(page))}
    assert sizes == {(24, 24)}
    events = moderation_events(svc)
    marked = [e for e in events if e.action == "marked"]
    assert marked and all(e.site == "facebook" and e.account == "org" for e in marked)
    assert "MENTAL_HEALTH" in marked[-1].finding_types and "YOUTH" in marked[-1].rule_codes
    page.close()


def test_on_the_org_channel_a_young_persons_spanish_comment_is_marked(world):
    context, _svc = world
    page = open_page(context, YOUTUBE, ORG_VIDEO)
    assert wait_marks(page, 2) == {"UgxA1": "clear", "UgxA2": "urgent"}
    page.close()


@pytest.mark.parametrize(
    ("variant", "url", "org_url"),
    [
        (FACEBOOK, PERSONAL_POST, ORG_POST),
        (YOUTUBE, PERSONAL_VIDEO, ORG_VIDEO),
        # Signed in as a staff member's own account, viewing the organisation's post.
        (INSTAGRAM, f"{ORG_INSTAGRAM_POST}?as=sam.rivera", ORG_INSTAGRAM_POST),
        (X, f"{ORG_X_STATUS}?as=sam_rivera", ORG_X_STATUS),
        # A member's post (its actor is /in/jordan-smith/), not the company page's.
        (LINKEDIN, f"{ORG_LINKEDIN_POST}?actor=jordan-smith", ORG_LINKEDIN_POST),
        # The organisation's own X account on someone else's status page: not its conversation to moderate.
        (X, "https://x.com/jordan_smith/status/1866204418820000000", ORG_X_STATUS),
    ],
)
def test_on_a_personal_accounts_view_nothing_is_checked(world, variant, url, org_url):
    context, svc = world
    before = batches(svc)
    page = open_page(context, variant, url)
    ui.wait_watching(page, composer=False)
    page.mouse.wheel(0, 400)
    page.wait_for_timeout(1500)  # time for a batch to have gone out, had one been due
    assert mark_frames(page) == []
    assert batches(svc) == before, "comments on a personal account's view were sent to the app"
    page.close()
    # The same comments on the organisation's view are sent (so the count above could have moved).
    page = open_page(context, variant, org_url)
    wait_marks(page, 1)
    assert batches(svc) > before
    page.close()


def test_the_persons_hide_leads_to_the_sites_control_and_never_presses_it(world):
    context, svc = world
    page = open_page(context, FACEBOOK, ORG_POST)
    wait_marks(page, 3)
    mark_of(page, "c2").locator("#mark").click()  # the person's own click on the mark
    frame = panel(page)
    text = frame.locator(".box").inner_text()
    assert "young person" in text and "mental health" in text
    assert "“Hide or report this (⋯)”, then “Hide comment”" in text
    # The reply it offers points to the Community Standards and the private channel the policy names.
    assert "Community Standards: https://" in text and "message our Page; (541) 555-0100" in text
    if os.environ.get("CLIENTSAFE_SCREENSHOTS"):
        page.set_viewport_size({"width": 1760, "height": 900})
        page.wait_for_timeout(300)
        page.screenshot(path=str(ROOT / "docs" / "screenshots" / "moderation.png"))
    frame.locator("[data-act=hide]").click()
    page.wait_for_function(
        "document.activeElement?.getAttribute('aria-label') === 'Hide or report this'"
        " && document.activeElement.closest('[role=article]').id === 'c2'",
        timeout=10_000,
    )
    page.wait_for_timeout(300)
    assert page.evaluate("window.siteLog") == [], "ClientSafe pressed the site's control itself"
    assert "cutting" in page.locator("#c2").inner_text(), "the comment was hidden without the person's click"
    # The person opens the site's menu and presses Hide comment themself.
    page.locator("#c2 [aria-label='Hide or report this']").click()
    page.get_by_role("menuitem", name="Hide comment").click()
    assert page.evaluate("window.siteLog") == ["hide:c2:person"]
    events = moderation_events(svc)
    hid = [e for e in events if e.action == "hid"]
    assert len(hid) == 1 and hid[0].site == "facebook" and "MENTAL_HEALTH" in hid[0].finding_types
    for event in events:
        # The event's own row id and time are numbers: leave them out, or the comment's "15" would match a row id.
        fields = json.dumps({k: v for k, v in vars(event).items() if k not in ("id", "time", "event_id")})
        assert not any(word in fields for word in DISCLOSED_WORDS), f"the audit holds the comment's words: {fields}"
    page.close()


def test_on_youtube_delete_leads_to_the_comments_action_menu(world):
    context, svc = world
    page = open_page(context, YOUTUBE, ORG_VIDEO)
    wait_marks(page, 2)
    mark_of(page, "UgxA2").locator("#mark").click()
    frame = panel(page)
    assert "young person" in frame.locator(".box").inner_text()
    frame.locator("[data-act=delete]").click()
    page.wait_for_function(
        "document.activeElement?.matches('#action-menu button')"
        " && document.activeElement.closest('ytd-comment-view-model').dataset.lc === 'UgxA2'",
        timeout=10_000,
    )
    assert page.evaluate("window.siteLog") == []
    assert [e.site for e in moderation_events(svc) if e.action == "deleted"] == ["youtube"]
    page.close()


def test_the_page_cannot_read_the_verdict_or_press_the_offered_actions(world):
    context, svc = world
    page = context.new_page()
    page.set_extra_http_headers({VARIANT_HEADER: FACEBOOK})
    # The page's own script, from the start: it keeps each comment's markup as served, to compare later.
    page.add_init_script(
        """document.addEventListener('DOMContentLoaded', () => { window.__served = Object.fromEntries(
             [...document.querySelectorAll('[role=article]')].map((a) => [a.id || 'story', a.outerHTML])); });"""
    )
    page.goto(ORG_POST)
    wait_marks(page, 3)
    actions_before = len([e for e in moderation_events(svc) if e.action != "marked"])
    mark_of(page, "c2").locator("#mark").click()
    panel(page)
    attack = page.evaluate(
        """async () => {
      const out = {};
      const now = Object.fromEntries([...document.querySelectorAll('[role=article]')]
        .map((a) => [a.id || 'story', a.outerHTML]));
      out.unchanged = JSON.stringify(now) === JSON.stringify(window.__served);
      const hosts = [...document.querySelectorAll('clientsafe-frame')];
      out.closed = hosts.every((h) => h.shadowRoot === null);
      const small = hosts.filter((h) => h.getBoundingClientRect().width === 24);
      out.sameLook = new Set(small.map((h) => h.style.cssText.replace(/top:[^;]+;|left:[^;]+;/g, ''))).size === 1;
      out.attrs = [...document.querySelectorAll('*')].some((el) => [...el.attributes]
        .some((a) => /clientsafe|verdict|flag/i.test(a.name + a.value)) || /clientsafe/i.test(el.className));
      out.text = /young person|private information/i.test(document.documentElement.innerText);
      out.readable = 0;
      for (let i = 0; i < window.frames.length; i++) {
        try { window.frames[i].document.body.innerText; out.readable++; } catch (e) { /* cross-origin */ }
        window.frames[i].postMessage({ type: 'moderation-choice', choice: 'hide' }, '*');
      }
      for (const h of hosts) {
        h.click();
        h.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
        const r = h.getBoundingClientRect();
        document.elementFromPoint(r.left + r.width - 60, r.top + r.height - 30)?.click();
      }
      await new Promise((r) => setTimeout(r, 800));
      return out;
    }"""
    )
    assert attack == {
        "unchanged": True,
        "closed": True,
        "sameLook": True,
        "attrs": False,
        "text": False,
        "readable": 0,
    }
    panel(page)  # still open: the page's synthetic clicks and keys chose nothing
    assert page.evaluate("window.siteLog") == []
    assert len([e for e in moderation_events(svc) if e.action != "marked"]) == actions_before
    page.close()


# Instagram, LinkedIn and X: per site, the look-alike, the organisation's post, what each comment's mark must
# show, the panel's steps, the offered action, the site's menu button (JS test on document.activeElement), and what
# the person then presses on the site, with the site's log of it.
ORG_SITES = {
    "instagram": {
        "variant": INSTAGRAM,
        "url": ORG_INSTAGRAM_POST,
        # The caption and the account's own reply (r1, it gives a phone number) are staff's words: not marked.
        "marks": {"c1": "clear", "c2": "urgent", "c3": "clear"},
        "pane": "ul._a9z6",
        "flagged": "c2",
        "steps": "“Comment options (⋯)”, then “Delete”",
        "act": "delete",
        "menu": "[role=button]:has(> svg[aria-label='Comment options'])",
        "focused": "document.activeElement?.querySelector('svg[aria-label=\"Comment options\"]')"
        " && document.activeElement.closest('li._a9zj').id === 'c2'",
        "press": [
            "#c2 [role=button]:has(> svg[aria-label='Comment options'])",
            "[role=dialog] button >> text=Delete",
            "[role=dialog] button >> text=Delete",
        ],
        "log": ["delete:c2:person", "confirm-delete:c2:person"],
        "action": "deleted",
        "words": ("son Eli", "13 and", "meth", "Roosevelt", "tara.ellis"),
    },
    "linkedin": {
        "variant": LINKEDIN,
        "url": ORG_LINKEDIN_POST,
        # c1r1 is a member's reply nested in c1 (its own mark, its own words); c2r1 is the company page's reply.
        "marks": {"c1": "clear", "c1r1": "clear", "c2": "urgent"},
        "flagged": "c2",
        "steps": "“More options (⋯)”, then “Delete”",
        "act": "delete",
        "menu": ".comment-options-trigger > button",
        "focused": "document.activeElement?.matches('.comment-options-trigger > button')"
        " && document.activeElement.closest('article').id === 'c2'",
        "press": [
            "#c2 > .comments-comment-meta__container .comment-options-trigger > button",
            ".artdeco-dropdown__item >> text=Delete",
            ".artdeco-modal [data-act=confirm-delete]",
        ],
        "log": ["delete:c2:person", "confirm-delete:c2:person"],
        "action": "deleted",
        "words": ("16,", "pregnant", "boyfriend", "418 Alder", "Brianna"),
    },
    "x": {
        "variant": X,
        "url": ORG_X_STATUS,
        # t0 is the organisation's own post at the head of the conversation: not marked.
        "marks": {"r1": "clear", "r2": "urgent"},
        "flagged": "r2",
        "steps": "“More (⋯)”, then “Hide reply”",
        "act": "hide",
        "menu": "[data-testid=caret]",
        "focused": "document.activeElement?.matches('[data-testid=caret]')"
        " && document.activeElement.closest('article').id === 'r2'",
        "press": ["#r2 [data-testid=caret]", "[role=menuitem] >> text=Hide reply"],
        "log": ["hide:r2:person"],
        "action": "hid",
        "words": ("14 and", "deported", "555-0187", "kaylee", "nowhere"),
    },
}


def overlap(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def marks_while_scrolling(page, owners, timeout_s: float = 30.0) -> dict[str, str]:
    """Bring each comment into view in turn, as a person reading them does (only comments that scroll into view are
    checked; Instagram's comment pane is a scroll box of its own), noting each mark as it shows."""
    seen: dict[str, str] = {}
    for owner in owners:
        page.locator(f"#{owner}").scroll_into_view_if_needed()
        deadline = time.monotonic() + timeout_s
        while owner not in seen and time.monotonic() < deadline:
            seen.update({k: v for k, v in marks(page).items() if v not in ("", "unchecked")})
            page.wait_for_timeout(100)
        assert owner in seen, f"no checked mark beside {owner}; marks showed {seen}"
    page.wait_for_timeout(800)  # anything else due (the organisation's own words must not be) has arrived by now
    seen.update(marks(page))
    return seen


@pytest.mark.parametrize("site", sorted(ORG_SITES))
def test_on_the_orgs_instagram_linkedin_and_x_posts_the_disclosing_comment_is_marked(world, site):
    context, svc = world
    case = ORG_SITES[site]
    page = open_page(context, case["variant"], case["url"])
    wanted = case["marks"]
    assert marks_while_scrolling(page, wanted) == wanted
    # No mark covers the site's own menu button (X's caret and LinkedIn's ⋯ sit at the comment's top-right corner,
    # where a mark goes): the person must be able to press the control ClientSafe leads them to.
    buttons = [b for b in (el.bounding_box() for el in page.locator(case["menu"]).element_handles()) if b]
    for frame in mark_frames(page):
        m = frame.frame_element().bounding_box()
        covered = [b for b in buttons if m and overlap(m, b)]
        assert not covered, f"a mark at {m} covers the site's menu button at {covered}"
    # Where the comments scroll in a box of their own, no mark is drawn outside it (over the post's header).
    if "pane" in case:
        pane = page.locator(case["pane"]).bounding_box()
        for frame in mark_frames(page):
            m = frame.frame_element().bounding_box()
            assert m is None or (pane["y"] <= m["y"] and m["y"] + m["height"] <= pane["y"] + pane["height"]), (
                f"a mark at {m} is drawn outside the comment pane {pane}"
            )
    marked = [e for e in moderation_events(svc) if e.action == "marked" and e.site == site]
    assert marked and all(e.account == "org" and "YOUTH" in e.rule_codes for e in marked)
    page.close()


@pytest.mark.parametrize("site", sorted(ORG_SITES))
def test_on_instagram_linkedin_and_x_the_persons_choice_leads_to_the_sites_control_and_never_presses_it(world, site):
    context, svc = world
    case = ORG_SITES[site]
    page = open_page(context, case["variant"], case["url"])
    marks_while_scrolling(page, case["marks"])
    flagged = case["flagged"]
    page.locator(f"#{flagged}").scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    mark_of(page, flagged).locator("#mark").click()  # the person's own click on the mark
    frame = panel(page)
    text = frame.locator(".box").inner_text()
    assert "young person" in text and case["steps"] in text
    assert "false" not in text.split(), "the panel printed a JavaScript value"
    assert frame.locator(f"[data-act={case['act']}]").count() == 1
    if site == "instagram" and os.environ.get("CLIENTSAFE_SCREENSHOTS"):
        page.set_viewport_size({"width": 1760, "height": 900})
        page.wait_for_timeout(300)
        page.screenshot(path=str(ROOT / "docs" / "screenshots" / "moderation-instagram.png"))
    frame.locator(f"[data-act={case['act']}]").click()
    page.wait_for_function(case["focused"], timeout=10_000)
    page.wait_for_timeout(300)
    assert page.evaluate("window.siteLog") == [], "ClientSafe pressed the site's control itself"
    # The person opens the site's menu and presses its item themself (the mark does not cover the menu button).
    for selector in case["press"]:
        page.locator(selector).first.click(timeout=5_000)
    assert page.evaluate("window.siteLog") == case["log"]
    events = [e for e in moderation_events(svc) if e.site == site]
    assert [e.action for e in events if e.action not in ("marked",)] == [case["action"]]
    for event in events:
        fields = json.dumps({k: v for k, v in vars(event).items() if k not in ("id", "time", "event_id")})
        leaked = [w for w in case["words"] if w in fields]
        assert not leaked, f"the audit holds the comment's words {leaked}: {fields}"
    page.close()
