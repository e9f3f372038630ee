"""What the extension shows, read as the person sees it: in the extension's own frames (ui/panel.html and
ui/mark.html), never in the page's DOM, which holds no verdict (issue 13). Playwright reaches those frames as
the browser's automation does, not as a page script could; and it presses the panel's buttons with trusted
input, as a person does.
"""

from __future__ import annotations

import time

CHECKED = ("clear", "caution", "stop")


def frames(page, name: str) -> list:
    return [f for f in page.frames if f.url.startswith("chrome-extension://") and f"/ui/{name}.html" in f.url]


def panel_frame(page):
    """The open warning panel's frame whose box has been drawn, or None."""
    for frame in reversed(frames(page, "panel")):
        try:
            if frame.locator(".box").count():
                return frame
        except Exception:  # the frame went away while we looked
            continue
    return None


def panel_open(page) -> bool:
    return panel_frame(page) is not None


def wait_panel(page, timeout_ms: int = 10_000) -> str:
    """Wait for the warning panel and return its text."""
    deadline = time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        frame = panel_frame(page)
        if frame is not None:
            return frame.locator(".box").inner_text()
        page.wait_for_timeout(50)
    raise AssertionError("no warning panel appeared")


def panel_text(page) -> str | None:
    """The open panel's text, or None when no panel is open."""
    frame = panel_frame(page)
    return frame.locator(".box").inner_text() if frame is not None else None


def panel_acts(page) -> list[str]:
    return wait_frame(page).locator("[data-act]").evaluate_all("bs => bs.map((b) => b.dataset.act)")


def marked_phrases(page) -> str:
    return " ".join(wait_frame(page).locator("mark").all_inner_texts())


def wait_frame(page, timeout_ms: int = 10_000):
    wait_panel(page, timeout_ms)
    return panel_frame(page)


def press(page, act: str, reason: str | None = None) -> None:
    """Press one of the panel's buttons as a person does (a real click), typing a reason first if given."""
    frame = wait_frame(page)
    if reason is not None:
        frame.locator("textarea").fill(reason)
    frame.locator(f"[data-act={act}]").click()


def mark_states(page) -> list[str]:
    states = []
    for frame in frames(page, "mark"):
        try:
            states.append(frame.evaluate("document.body.dataset.state || ''"))
        except Exception:
            continue
    return states


def wait_mark(page, wanted: str | tuple[str, ...] = CHECKED, timeout_ms: int = 15_000) -> str:
    """Wait until a status mark shows one of ``wanted`` (the extension has checked the draft)."""
    wanted = (wanted,) if isinstance(wanted, str) else wanted
    deadline = time.monotonic() + timeout_ms / 1000
    seen: list[str] = []
    while time.monotonic() < deadline:
        seen = mark_states(page)
        for state in seen:
            if state in wanted:
                return state
        page.wait_for_timeout(50)
    raise AssertionError(f"no status mark showed {wanted}; marks showed {seen}")


def wait_closed(page, timeout_ms: int = 10_000) -> None:
    """Wait until no warning panel is shown (a hidden one, loaded ahead of time, may be waiting)."""
    deadline = time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        if panel_frame(page) is None:
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"the warning panel stayed open: {panel_text(page)!r}")


def wait_watching(page, site: str | None = None, timeout_ms: int = 10_000, composer: bool = True) -> None:
    """Wait until the extension in this page has found a composer (as its popup would say), or with
    ``composer=False`` only started on the site: the page itself carries no sign of it any more, so ask the
    extension's worker what the page reported."""
    worker = page.context.service_workers[0]
    deadline = time.monotonic() + timeout_ms / 1000
    pages: dict = {}
    while time.monotonic() < deadline:
        pages = worker.evaluate("async () => (await chrome.storage.session.get({pages: {}})).pages")
        if any(
            (p.get("recognised") or not composer) and (site is None or p.get("site") == site) for p in pages.values()
        ):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"the extension found no composer on {page.url}; pages reported: {pages}")
