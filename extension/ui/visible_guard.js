// The clickjacking guard of the extension's panels (ui/panel.js, ui/moderation.js), written once: a page may
// fade, shrink or cover a panel's frame to trick the person into a click. Where the browser can tell
// (Intersection Observer v2), a click while the box is not fully visible is refused.
// Chromium's first report about a frame that was hidden until now can say "not visible" for a moment; so a click
// while the last report says so waits (up to 800 ms) for the next report before it is refused.
// Firefox has no isVisible (docs/security.md, "What is still open"): there the box's visibility stays unknown and
// a trusted click is accepted.
// A classic script, loaded by the panel's HTML before the panel's own script: it sets
// globalThis.ClientSafeVisibleGuard = { create() -> { watch(box), seenNow(): Promise<boolean> } }.
(() => {
  const WAIT_FOR_NEXT_REPORT_MS = 800;

  function create() {
    let visible = null; // unknown until the browser's first report
    let reported = () => {};

    // Call once the box is in the document, so the first report is about the box as drawn.
    function watch(box) {
      if (!("isVisible" in (globalThis.IntersectionObserverEntry?.prototype || {}))) return;
      new IntersectionObserver((entries) => {
        for (const entry of entries) visible = entry.isVisible;
        reported();
      }, { trackVisibility: true, delay: 100, threshold: [1.0] }).observe(box);
    }

    // Whether a click now may count: true at once unless the last report said "not visible".
    const seenNow = () => visible !== false ? Promise.resolve(true) : new Promise((resolve) => {
      const timer = setTimeout(() => resolve(visible !== false), WAIT_FOR_NEXT_REPORT_MS);
      reported = () => {
        if (visible === false) return;
        clearTimeout(timer);
        resolve(true);
      };
    });

    return { watch, seenNow };
  }

  globalThis.ClientSafeVisibleGuard = { create };
  if (typeof module === "object") module.exports = { create }; // for node tests
})();
