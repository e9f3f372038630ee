// Moderation help on the organisation's own pages (issue 15): when the person views comments or replies on an
// account the policy lists as the organisation's, the comments *others* wrote are checked for disclosures of
// someone's sensitive information (the app's POST /v1/moderate), and each checked comment gets a small mark.
//
// What the page can learn (docs/security.md, "Moderation marks"):
// - this script never learns the verdict: the worker keeps it under the mark's random id and only the mark's
//   and the panel's frames (extension pages, ui/moderation*.html) read it;
// - every checked comment gets the same mark host (a 24 x 24 px frame in a closed shadow root, added outside
//   the site's own tree), flagged or not; nothing is written onto the page's nodes (no attribute, class or text);
// - the offered actions are pressed in the extension's frame, with the person's own (trusted) click.
// ClientSafe never presses the site's hide or delete control itself: hiding or deleting someone's words is the
// moderator's decision, made on the site where the site records who did it, and a control pressed by a script
// could act on the wrong comment after the site re-renders. After the person chooses Hide or Delete in the
// panel, this script scrolls to the comment, focuses the site's menu button and rings it (and then the menu
// item, once the person opens the menu); the panel names the exact items to press.
//
// Cost: only comments that scroll into view are checked (IntersectionObserver), in batches of at most BATCH,
// at most BATCHES_PER_MINUTE a minute; each text once per page (cached by its SHA-256 in this script's memory).
(() => {
  if (globalThis.ClientSafeModeration) return;
  const L = globalThis.ClientSafeLogic;
  const D = globalThis.ClientSafeDom;
  const BATCH = 20;
  const FLUSH_MS = 300;
  const BATCHES_PER_MINUTE = 20;
  const MAX_CHARS = 5000; // the app's limit per comment (routes_moderation.MAX_ITEM_CHARS)
  const LEAD_MS = 60_000; // how long the site's menu item is looked for after the person chose Hide or Delete

  let adapter = null;
  let spec = null; // adapter.moderation
  let config = {};
  const known = new Map(); // sha256(text) -> mark id (the worker keeps the answer under it)
  const marked = new Map(); // item -> {id, host}
  const itemsOf = new Map(); // mark id -> Set(item)
  const waiting = new Map(); // item -> {text, hash}
  const sentAt = []; // when the last batches went (for the per-minute cap)
  let timer = null;
  let visibility = null;

  const ask = (message) => new Promise((resolve) => {
    try {
      chrome.runtime.sendMessage(message, (reply) => resolve(chrome.runtime.lastError ? null : reply));
    } catch (e) {
      resolve(null); // the extension was reloaded under this page
    }
  });
  const newId = () => crypto.randomUUID().replaceAll("-", "");

  // Only on the organisation's own account (the policy's org_accounts), read each time: sites are single-page
  // apps, and a person moves from the organisation's page to their own feed without a page load.
  function onOrgAccount() {
    let identity = null;
    try {
      identity = (spec.account || adapter.account)?.() ?? null;
    } catch (e) {
      identity = null;
    }
    if (L.accountType(identity, adapter.site, config.org_accounts) !== "org") return false;
    // Where the signed-in account is not the page's owner (X: any status page is open to the org's account), the
    // page's owner, read from its path, must be the organisation too.
    if (!spec.ownerPath) return true;
    const owner = location.pathname.match(spec.ownerPath)?.[1];
    return !!owner && L.accountType(owner, adapter.site, config.org_accounts) === "org";
  }

  // The comment's own words: its text elements that belong to it and not to a reply nested inside it.
  function textOf(item) {
    const parts = D.queryAll(item, spec.text).filter((el) => D.closest(el, spec.item) === item);
    const outer = parts.filter((el) => !parts.some((other) => other !== el && other.contains(el)));
    return outer.map((el) => (el.innerText ?? el.textContent).trim()).filter(Boolean).join("\n").slice(0, MAX_CHARS);
  }

  async function sha256(text) {
    const bytes = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
    return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
  }

  // --- the marks ------------------------------------------------------------------------------------------
  const MARK_CSS = "position:fixed;z-index:2147483645;display:none;width:24px;height:24px;margin:0;padding:0;border:0";
  function framed(path, id, css, allow) {
    const host = document.createElement("clientsafe-frame");
    host.style.cssText = css;
    const root = host.attachShadow({ mode: "closed" });
    const frame = document.createElement("iframe");
    frame.src = `${chrome.runtime.getURL(path)}#${id}`;
    if (allow) frame.allow = allow;
    frame.style.cssText = "border:0;margin:0;padding:0;width:100%;height:100%;display:block;background:transparent;"
      + "color-scheme:light";
    root.append(frame);
    return host;
  }

  // The mark sits at the comment's top-right corner, except where the site's own menu button is (X's caret, a
  // LinkedIn comment's ⋯): there it moves to the button's left, so the mark never covers the control the person is
  // led to press. Where the comment list scrolls in a box of its own (Instagram's comment pane), a mark whose
  // corner is scrolled out of the box is hidden, not drawn over the post's header.
  function clipOf(item) {
    for (let el = item.parentElement; el && el !== document.body && el !== document.documentElement; el = el.parentElement) {
      if (getComputedStyle(el).overflowY !== "visible") return el;
    }
    return null;
  }

  function place(item, entry) {
    const { host } = entry;
    const r = item.getBoundingClientRect();
    if (entry.clip === undefined || (entry.clip && !entry.clip.isConnected)) entry.clip = clipOf(item);
    const c = entry.clip?.getBoundingClientRect();
    const clipped = !!c && (r.top + 2 < c.top || r.top + 26 > c.bottom);
    const shown = item.isConnected && r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && !clipped;
    host.style.display = shown ? "block" : "none";
    if (!shown) return;
    const top = r.top + 2;
    let left = r.right - 28;
    if (!entry.menu?.isConnected) entry.menu = controlIn(item, spec.menu);
    const m = entry.menu?.getBoundingClientRect();
    if (m && m.width > 0 && m.left < left + 24 && m.right > left && m.top < top + 24 && m.bottom > top) left = m.left - 28;
    host.style.top = `${Math.max(0, top)}px`;
    host.style.left = `${Math.max(0, left)}px`;
  }

  let positioning = false;
  function reposition() {
    if (positioning) return;
    positioning = true;
    requestAnimationFrame(() => {
      positioning = false;
      for (const [item, mark] of marked) {
        if (!item.isConnected) {
          mark.host.remove();
          marked.delete(item);
          itemsOf.get(mark.id)?.delete(item);
        } else place(item, mark);
      }
      for (const ring of rings) ring.follow();
    });
  }

  function mark(item, id) {
    if (marked.has(item)) return;
    const host = framed("ui/moderation-mark.html", id, MARK_CSS);
    document.documentElement.append(host);
    const entry = { id, host, menu: null };
    marked.set(item, entry);
    if (!itemsOf.has(id)) itemsOf.set(id, new Set());
    itemsOf.get(id).add(item);
    place(item, entry);
  }

  // --- checking what scrolls into view --------------------------------------------------------------------
  // The organisation's own replies under its post are not "what others wrote": its staff's words are checked as
  // they type them (core.js). The author is read from the item's author link (first path segment, or its text).
  function byOrg(item) {
    if (!spec.author) return false;
    const link = D.queryAll(item, spec.author).find((el) => D.closest(el, spec.item) === item);
    if (!link) return false;
    let who = (link.innerText ?? link.textContent).trim();
    try {
      // The last path segment: "/dana.reyes", "/@sam", "/company/hopehouse/" all end in the account's name.
      const path = new URL(link.getAttribute("href") || "", location.href).pathname.split("/").filter(Boolean).pop();
      if (path) who = decodeURIComponent(path);
    } catch (e) {
      // not a link: its text it is
    }
    return L.accountType(who, adapter.site, config.org_accounts) === "org";
  }

  async function seen(item) {
    if (marked.has(item) || waiting.has(item) || byOrg(item)) return;
    const text = textOf(item);
    if (!text) return;
    const hash = await sha256(text);
    if (known.has(hash)) {
      mark(item, known.get(hash));
      return;
    }
    waiting.set(item, { text, hash });
    clearTimeout(timer);
    timer = setTimeout(flush, FLUSH_MS);
  }

  async function flush() {
    const now = Date.now();
    while (sentAt.length && now - sentAt[0] > 60_000) sentAt.shift();
    if (sentAt.length >= BATCHES_PER_MINUTE) {
      timer = setTimeout(flush, 60_000 - (now - sentAt[0]) + 50);
      return;
    }
    // One question per distinct text (a repeated "Great event!" is asked once).
    const byHash = new Map();
    for (const [item, { text, hash }] of waiting) {
      if (!item.isConnected) {
        waiting.delete(item);
        continue;
      }
      if (!byHash.has(hash)) {
        if (byHash.size >= BATCH) break;
        byHash.set(hash, { id: newId(), text, items: [] });
      }
      byHash.get(hash).items.push(item);
      waiting.delete(item);
    }
    if (!byHash.size) return;
    sentAt.push(now);
    const batch = [...byHash.entries()];
    const reply = await ask({ type: "moderate", site: adapter.site, items: batch.map(([, b]) => ({ id: b.id, text: b.text })),
      controls: { hide: !!spec.hide, delete: !!spec.delete, reply: !!spec.reply }, labels: spec.labels });
    for (const [hash, b] of batch) {
      if (reply?.ok) {
        known.set(hash, b.id);
        for (const item of b.items) mark(item, b.id);
      } else {
        // Not checked (the app is down or busy): asked again when the comment next scrolls into view.
        for (const item of b.items) {
          visibility.unobserve(item);
          setTimeout(() => item.isConnected && visibility.observe(item), 5000);
        }
      }
    }
    if (waiting.size) timer = setTimeout(flush, FLUSH_MS);
  }

  function scan(root) {
    if (!onOrgAccount()) return;
    for (const item of D.queryAll(root, spec.item)) visibility.observe(item);
  }

  // --- leading the person to the site's own control -------------------------------------------------------
  // A ring drawn by the extension (a closed shadow root host, pointer-events none) around a control of the site.
  const rings = new Set();
  function ring(target) {
    const host = document.createElement("clientsafe-frame");
    const root = host.attachShadow({ mode: "closed" });
    const box = document.createElement("div");
    box.style.cssText = "position:fixed;pointer-events:none;z-index:2147483644;border:3px solid #b00020;"
      + "border-radius:6px;box-shadow:0 0 0 3px #fff;";
    root.append(box);
    document.documentElement.append(host);
    const entry = {
      follow() {
        if (!target.isConnected) return entry.remove();
        const r = target.getBoundingClientRect();
        Object.assign(box.style, { top: `${r.top - 4}px`, left: `${r.left - 4}px`, width: `${r.width + 2}px`,
          height: `${r.height + 2}px` });
      },
      remove() {
        host.remove();
        rings.delete(entry);
      },
    };
    rings.add(entry);
    entry.follow();
    setTimeout(() => entry.remove(), LEAD_MS);
    return entry;
  }

  // The site's control a matcher names, as something the person can focus: a wrapper the adapter matches
  // (YouTube's yt-icon-button around its button) stands for the button inside it.
  const FOCUSABLE = "button, a[href], [role=button], [role=menuitem], [tabindex]";
  function controlIn(root, matcher) {
    const found = matcher ? D.queryAll(root, matcher.css).find((el) => matcher(el)) : null;
    if (!found || found.matches(FOCUSABLE)) return found;
    return found.querySelector(FOCUSABLE) || found;
  }

  function lead(markId, choice) {
    const item = [...(itemsOf.get(markId) || [])].find((el) => el.isConnected);
    if (!item) return;
    item.scrollIntoView({ block: "center" });
    if (choice === "reply") {
      const button = controlIn(item, spec.reply);
      if (button) {
        ring(button);
        button.focus({ preventScroll: true });
      }
      return;
    }
    const menu = controlIn(item, spec.menu);
    if (menu) {
      ring(menu);
      menu.focus({ preventScroll: true });
    }
    // Once the person opens the menu (the site renders it, often elsewhere in the page), ring the item to press.
    const wanted = choice === "hide" ? spec.hide : spec.delete;
    if (!wanted) return;
    const until = Date.now() + LEAD_MS;
    const look = () => {
      const found = controlIn(document.documentElement, wanted);
      if (found) ring(found);
      else if (Date.now() < until) setTimeout(look, 250);
    };
    look();
  }

  // --- the panel with the offered actions -----------------------------------------------------------------
  const PANEL_CSS = "position:fixed;inset:0;width:100vw;height:100vh;z-index:2147483647;margin:0;padding:0;border:0;"
    + "display:block";
  const panels = new Map(); // panel id -> host
  chrome.runtime.onMessage.addListener((message) => {
    if (message?.type === "moderation-panel" && typeof message.panel === "string") {
      for (const host of panels.values()) host.remove();
      panels.clear();
      const host = framed("ui/moderation.html", message.panel, PANEL_CSS, "clipboard-write");
      document.documentElement.append(host);
      panels.set(message.panel, host);
    } else if (message?.type === "moderation-done") {
      panels.get(message.panel)?.remove();
      panels.delete(message.panel);
      if (["hide", "delete", "reply"].includes(message.choice)) lead(message.mark, message.choice);
    }
    return false;
  });

  globalThis.ClientSafeModeration = {
    start(siteAdapter, policy) {
      if (adapter || !siteAdapter?.moderation) return;
      adapter = siteAdapter;
      spec = siteAdapter.moderation;
      config = policy || {};
      visibility = new IntersectionObserver((entries) => {
        for (const entry of entries) if (entry.isIntersecting && onOrgAccount()) seen(entry.target);
      });
      addEventListener("scroll", reposition, { capture: true, passive: true });
      addEventListener("resize", reposition, { passive: true });
      D.observe((root) => {
        scan(root);
        reposition();
      });
      scan(document.documentElement);
    },
  };
})();
