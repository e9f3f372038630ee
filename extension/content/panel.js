// What the person sees in the page, drawn by the extension's own frames (ui/mark.html, ui/panel.html): the
// small status mark beside a composer and the warning panel at submit. The page's scripts can see that a
// frame is there and where, never what it shows: its content comes from the extension's worker, not from
// this script, and its size is the same whatever it shows (a mark is always 24 x 24 px; the panel always
// covers the window). This script writes no verdict, state or roster fact into the page: no attribute, no
// text, no event, no console line.
(() => {
  const send = (message) => new Promise((resolve) => {
    try {
      chrome.runtime.sendMessage(message, (reply) => resolve(chrome.runtime.lastError ? null : reply));
    } catch (e) {
      resolve(null); // the extension was reloaded under this page
    }
  });

  // A host element in the page holding one extension frame in a closed shadow root (the page cannot reach
  // the frame through it, and the site's styles cannot restyle it).
  function framed(path, id, css, allow) {
    const host = document.createElement("clientsafe-frame");
    host.style.cssText = css;
    const root = host.attachShadow({ mode: "closed" });
    const frame = document.createElement("iframe");
    frame.src = `${chrome.runtime.getURL(path)}#${id}`;
    frame.setAttribute("allowtransparency", "true");
    if (allow) frame.allow = allow;
    frame.style.cssText = "border:0;margin:0;padding:0;width:100%;height:100%;display:block;background:transparent;"
      + "color-scheme:light";
    root.append(frame);
    return { host, frame };
  }

  // --- the status mark -----------------------------------------------------------------------------------
  // One floating mark per composer the person has used, pinned to its top-right corner: added outside the
  // site's DOM tree, because React and friends undo (or trip over) nodes inserted into the trees they render.
  const marks = new Map(); // composer -> {host, id, state}
  let positioning = false;

  function place(composer, host) {
    const r = composer.getBoundingClientRect();
    const visible = composer.isConnected && r.width > 0 && r.height > 0;
    host.style.display = visible ? "block" : "none";
    if (visible) {
      host.style.top = `${Math.max(0, r.top + 2)}px`;
      host.style.left = `${Math.max(0, r.right - 30)}px`;
    }
  }

  function reposition() {
    if (positioning) return;
    positioning = true;
    requestAnimationFrame(() => {
      positioning = false;
      for (const [composer, mark] of marks) {
        if (!composer.isConnected) {
          mark.host.remove();
          marks.delete(composer);
        } else place(composer, mark.host);
      }
    });
  }
  addEventListener("scroll", reposition, { capture: true, passive: true });
  addEventListener("resize", reposition, { passive: true });

  function mark(composer, state) {
    let entry = marks.get(composer);
    if (!entry) {
      const id = crypto.randomUUID().replaceAll("-", "");
      // Never in the way: a click on the mark must reach the site (narrow composers lie under it).
      const { host } = framed("ui/mark.html", id,
        "position:fixed;z-index:2147483646;pointer-events:none;display:none;width:24px;height:24px;"
        + "margin:0;padding:0;border:0");
      document.documentElement.append(host);
      entry = { host, id, state: null };
      marks.set(composer, entry);
    }
    if (entry.state !== state) {
      entry.state = state;
      send({ type: "mark", id: entry.id, state });
    }
    place(composer, entry.host);
  }

  // --- the warning panel ---------------------------------------------------------------------------------
  // spec: {kind: "verdict" | "unchecked" | "media" | "person" | "notice", ref, rule, account, unheld,
  // unreachable, requestKind, notice}. Resolves with {choice} once the person chooses in the frame; a panel
  // the page removes (or that could not open) counts as Cancel: the post or request stays held.
  const open = new Map(); // panel id -> finish(choice)
  const PANEL_CSS = "position:fixed;inset:0;width:100vw;height:100vh;z-index:2147483647;margin:0;padding:0;border:0;"
    + "opacity:1;transform:none;filter:none;";

  // A panel frame loaded ahead of time, hidden, once the person starts writing or points at a people control:
  // loading an extension page takes tens of milliseconds, which the click would otherwise wait for. It is told
  // its panel id when shown, by a message only it receives (the page cannot read messages sent to a frame of
  // another origin, and without a live id the frame shows nothing). The page sees a hidden frame appear as soon
  // as the person types, whatever they type.
  let spare = null;
  function prepare() {
    if (spare?.host.isConnected) return;
    const made = framed("ui/panel.html", "", `${PANEL_CSS}display:none`, "clipboard-write");
    made.frame.addEventListener("load", () => (made.loaded = true), { once: true });
    document.documentElement.append(made.host);
    spare = made;
  }

  chrome.runtime.onMessage.addListener((message) => {
    if (message?.type === "panel-done") open.get(message.id)?.(message.choice);
    return false;
  });

  async function show(spec) {
    for (const finish of [...open.values()]) finish("cancel"); // one panel at a time
    // The frame loads while the worker registers the panel (the frame's request waits for it).
    const opened = { id: crypto.randomUUID().replaceAll("-", "") };
    const registered = send({ type: "panel-open", id: opened.id, spec });
    let host, frame;
    if (spare && !spare.loaded) spare.host.remove(); // still loading: a fresh frame is as quick
    if (spare?.loaded && spare.host.isConnected) {
      ({ host, frame } = spare);
      spare = null;
      host.style.display = "block";
      frame.contentWindow.postMessage({ clientsafePanel: opened.id }, "*"); // the frame's origin: extension's
      frame.focus();
    } else {
      spare = null;
      ({ host, frame } = framed("ui/panel.html", opened.id, `${PANEL_CSS}display:block`, "clipboard-write"));
      document.documentElement.append(host);
      frame.addEventListener("load", () => frame.focus());
    }
    return new Promise((resolve) => {
      const watcher = new MutationObserver(() => host.isConnected || finish("cancel"));
      const finish = (choice) => {
        if (!open.has(opened.id)) return;
        open.delete(opened.id);
        watcher.disconnect();
        host.remove();
        setTimeout(prepare, 0); // a fresh hidden frame for the next time
        resolve({ choice });
      };
      open.set(opened.id, finish);
      watcher.observe(document.documentElement, { childList: true });
      registered.then((ok) => ok || finish("cancel")); // refused (or the extension went away): stays held
    });
  }

  globalThis.ClientSafePanel = { mark, show, prepare };
})();
