// ClientSafe in the page: find the site's composers, check each draft as it is typed (through the service
// worker, which is the only caller of the app), and hold the post at submit when the verdict says so.
//
// A site adapter (content/sites/<site>.js) describes the site declaratively and registers itself:
//   ClientSafe.register({
//     site: "x",
//     account: () => "handle the person is acting as" | null,   // org vs personal comes from the policy
//     shadowHosts: "custom-element-selector",                   // optional: hosts whose shadow roots hold composers
//     surfaces: [{
//       where: "post" | "comment" | "reply" | "caption" | "message",
//       container: "selector of the element holding one composer and its submit button" | (el) => element,
//       composer: "selector of the editable element, inside the container",
//       submit: "selector of the submit button" | (element) => boolean,
//       keys: ["enter"] | ["mod+enter"],                         // key presses that submit from the composer
//       media: "selector present in the container when a photo or video is attached",
//     }],
//     people: [{                                                // friend / follow / connect / message buttons
//       kind: "incoming_request" | "outgoing_request" | "message_request",
//       button: "selector" | (element) => boolean,
//       person: (button) => ({name, handle, profile_url}),       // who the button is about
//     }],
//   });
(() => {
  if (globalThis.ClientSafe) return;
  const L = globalThis.ClientSafeLogic;
  const T = globalThis.ClientSafeText;
  const D = globalThis.ClientSafeDom;
  const P = globalThis.ClientSafePanel;
  const DEBOUNCE_MS = 300;
  const MARKS = { allow: "clear", warn: "caution", block: "stop" }; // verdict action -> composer mark

  const watched = new WeakMap(); // composer -> {surface, text, verdict, pending: {text, result}, timer, mediaConfirmed}
  const seen = new Set(); // composers found so far (for the popup's status), pruned when they leave the page
  let adapter = null;
  let config = {};
  let bypass = false; // true while we re-send a post the person chose to send

  const ask = (message) => new Promise((resolve) => {
    try {
      chrome.runtime.sendMessage(message, (reply) => resolve(chrome.runtime.lastError ? null : reply));
    } catch (e) {
      resolve(null); // the extension was reloaded or updated under this page: never break the site
    }
  });

  const matches = (el, test) => (typeof test === "function" ? test(el) : el.matches?.(test));
  // A surface's container is a selector, or a function from an element to its container (generic adapter).
  const containerOf = (el, surface) =>
    typeof surface.container === "function" ? surface.container(el) : D.closest(el, surface.container);

  function accountFor(container) {
    const identity = adapter.account?.(container) ?? null;
    return L.accountType(identity, adapter.site, config.org_accounts);
  }

  // --- checking as the person types ----------------------------------------------------------------------
  // One question per text: a click on Post while the same text is already being checked waits for that
  // answer instead of asking again, and a debounced check still due for it is dropped.
  function check(composer) {
    const entry = watched.get(composer);
    const text = T.read(composer);
    clearTimeout(entry.timer);
    if (entry.pending?.text === text) return entry.pending.result;
    const result = askAndMark(composer, entry, text);
    entry.pending = { text, result };
    return result;
  }

  async function askAndMark(composer, entry, text) {
    const container = containerOf(composer, entry.surface);
    const account = accountFor(container);
    const asked = ask({ type: "check", text, site: adapter.site, account });
    const verdict = (await asked) || { action: "error", reasons: [], unreachable: "not_running" };
    if (entry.pending?.text !== text) return { verdict, text, account }; // a newer text is being checked
    Object.assign(entry, { text, verdict, account, pending: null });
    const state = MARKS[verdict.action] || "unchecked";
    // The person paused ClientSafe in the tray: the app answers allow, and the mark says why nothing is checked.
    P.mark(composer, verdict.engine?.version === "paused" ? "paused" : state);
    composer.dataset.clientsafe = state;
    return { verdict, text, account };
  }

  function schedule(composer) {
    const entry = watched.get(composer);
    if (!entry) return;
    const text = T.read(composer);
    if (text === entry.text && entry.verdict) return; // a re-render, not an edit
    clearTimeout(entry.timer);
    if (!text.trim()) {
      Object.assign(entry, { text, verdict: null, mediaConfirmed: false });
      composer.dataset.clientsafe = "watching";
      P.mark(composer, "unchecked");
      return;
    }
    entry.timer = setTimeout(() => check(composer), DEBOUNCE_MS);
  }

  function watch(composer, surface) {
    if (watched.has(composer)) return;
    watched.set(composer, { surface, text: null, verdict: null, pending: null, timer: null, mediaConfirmed: false });
    seen.add(composer);
    composer.dataset.clientsafe = "watching";
    // Editors differ in which events they let through (Draft.js and Lexical cancel beforeinput and render the
    // change themselves), so watch the DOM they render as well as the input events.
    const changed = () => schedule(composer);
    for (const type of ["input", "paste", "cut", "drop", "compositionend"]) composer.addEventListener(type, changed);
    new MutationObserver(changed).observe(composer, { childList: true, subtree: true, characterData: true });
    if (T.read(composer).trim()) schedule(composer);
    reportStatus();
  }

  function scan(root) {
    for (const surface of adapter.surfaces) {
      for (const composer of D.queryAll(root, surface.composer)) {
        if (containerOf(composer, surface)) watch(composer, surface);
      }
    }
    for (const host of D.shadowHosts(root)) observer.watchShadow(host);
    // Custom elements defined after they were added get their shadow root later (content scripts cannot use
    // customElements.whenDefined: their world has no registry), so look again shortly.
    if (adapter.shadowHosts) {
      for (const host of D.queryAll(root, adapter.shadowHosts)) {
        if (!host.shadowRoot) for (const ms of [100, 500, 2000]) setTimeout(() => scan(host), ms);
      }
    }
  }
  let observer = null;

  // --- holding the post at submit ------------------------------------------------------------------------
  function hasMedia(composer, entry) {
    if (!entry.surface.media || config.media_release_reminder === false) return false;
    const container = containerOf(composer, entry.surface);
    return !!container && D.queryAll(container, entry.surface.media).length > 0;
  }

  // True when the post may go with no interference at all: the verdict for exactly this text is already here
  // and allows it, and there is no media reminder due. The click then reaches the site untouched, at once.
  function free(composer, entry, text) {
    if (!text.trim() && !hasMedia(composer, entry)) return true;
    const rule = entry.verdict && entry.text === text ? L.holdRule(entry.verdict, config) : null;
    return !!rule && !rule.hold && (entry.mediaConfirmed || !hasMedia(composer, entry));
  }

  async function decide(composer, entry, resend) {
    let text = T.read(composer);
    // A "could not check" answer is asked again: the app may have started (or finished warming up) since.
    const known = entry.verdict && entry.verdict.action !== "error" && entry.text === text;
    let result = known ? { verdict: entry.verdict, text, account: entry.account } : await check(composer);
    let { verdict, account } = result;
    for (;;) {
      const rule = L.holdRule(verdict, config);
      if (!rule.hold) break;
      const kind = verdict.action === "error" ? "unchecked" : "verdict";
      const { choice, reason } = await P.show({ kind, verdict, text, rule, account, config,
        unreachable: verdict.unreachable });
      if (choice === "send") {
        ask({ type: "decision", checkId: verdict.check_id, choice: "posted_anyway", reason });
        break;
      }
      if (choice === "cancel") {
        ask({ type: "decision", checkId: verdict.check_id, choice: "cancelled" });
        composer.focus();
        return;
      }
      if (choice === "edit") {
        const first = [...(verdict.findings || [])].sort((a, b) => a.start - b.start)[0];
        if (first && T.read(composer) === text) T.select(composer, first.start, first.end);
        else composer.focus();
        ask({ type: "decision", checkId: verdict.check_id, choice: "edited" });
        return;
      }
      // Apply suggestions: rewrite inside the site's own editor, then check the new text and show what is
      // still left (if anything) before posting; the person sees the rewrite before it goes.
      const expected = L.applySuggestions(text, verdict.suggestions);
      const applied = await T.replacePhrases(composer, L.suggestionEdits(text, verdict.suggestions), expected);
      ask({ type: "decision", checkId: verdict.check_id, choice: "applied_suggestions" });
      if (!applied) {
        await P.show({ kind: "verdict", text: T.read(composer), account, config, rule: { canSend: false },
          verdict: { action: "warn", findings: [], suggestions: [], reasons: [{ message:
            "ClientSafe could not change the text inside this site's editor. Please edit the marked phrases by hand." }] } });
      }
      composer.focus();
      return;
    }
    if (hasMedia(composer, entry) && !entry.mediaConfirmed) {
      const { choice } = await P.show({ kind: "media", text, account, config, rule: { canSend: true } });
      if (choice !== "confirm") return;
      entry.mediaConfirmed = true;
    }
    resend();
  }

  function intercept(event, composer, resend) {
    event.preventDefault();
    event.stopImmediatePropagation();
    decide(composer, watched.get(composer), resend);
  }

  function withBypass(action) {
    bypass = true;
    try {
      action();
    } finally {
      bypass = false;
    }
  }

  // --- friend, follow and message requests ---------------------------------------------------------------
  // Asked about once per person (the answer is cached for the page), ideally while the pointer approaches the
  // button, so a request to a stranger goes through with no delay at all.
  const people = new Map(); // "kind|name|handle|url" -> Promise<answer|null>
  const personKey = (kind, p) => [kind, p.name || "", p.handle || "", p.profile_url || ""].join("|");

  function peopleButton(path) {
    for (const rule of adapter.people || []) {
      const button = path.find((el) => matches(el, rule.button));
      if (button) return { rule, button };
    }
    return null;
  }

  function lookUp(rule, button) {
    let person;
    try {
      person = rule.person(button) || {};
    } catch (e) {
      person = {};
    }
    person = Object.fromEntries(Object.entries(person).filter(([, v]) => typeof v === "string" && v.trim()));
    if (!person.name && !person.handle && !person.profile_url) return null;
    const key = personKey(rule.kind, person);
    if (!people.has(key)) {
      const answer = ask({ type: "relationship", person: { ...person, site: adapter.site, kind: rule.kind } });
      people.set(key, answer);
      // No answer (app down, busy, too many lookups): ask again next time.
      answer.then((a) => (a && !a.unreachable ? settled.set(key, a) : people.delete(key)));
    }
    return { key, person, answer: people.get(key) };
  }

  function onApproach(event) {
    if (!adapter?.people) return;
    const found = peopleButton(D.path(event));
    if (found) lookUp(found.rule, found.button);
  }

  const settled = new Map(); // key -> answer, once the promise resolved (so a click can be judged at once)
  function onPeopleClick(event, found) {
    const asked = lookUp(found.rule, found.button);
    if (!asked) return; // nobody to ask about: never block a button we cannot judge
    const known = settled.get(asked.key);
    if (known && known.action === "allow") return; // a stranger: the click goes through untouched
    event.preventDefault();
    event.stopImmediatePropagation();
    asked.answer.then(async (reply) => {
      const answer = reply && !reply.unreachable ? reply : null;
      const verdict = answer ? { action: answer.action } : { action: "error" };
      const rule = L.holdRule(verdict, config);
      if (rule.hold) {
        const { choice } = await P.show({ kind: answer ? "person" : "unchecked", verdict, person: asked.person,
          answer, rule, account: "personal", config, unreachable: reply?.unreachable, requestKind: found.rule.kind });
        if (choice !== "send") return;
      }
      withBypass(() => found.button.click());
    });
  }

  function onClick(event) {
    if (bypass || !adapter) return;
    const path = D.path(event);
    const person = peopleButton(path);
    if (person) {
      onPeopleClick(event, person);
      return;
    }
    for (const surface of adapter.surfaces) {
      const button = path.find((el) => matches(el, surface.submit));
      if (!button) continue;
      const container = containerOf(button, surface);
      const composer = container && D.queryAll(container, surface.composer).find((c) => watched.has(c));
      if (!composer) continue;
      const entry = watched.get(composer);
      if (free(composer, entry, T.read(composer))) return;
      intercept(event, composer, () => withBypass(() => button.click()));
      return;
    }
  }

  function onKey(event) {
    if (bypass || !adapter || event.key !== "Enter" || event.isComposing) return;
    const composer = D.path(event).find((el) => watched.has(el));
    if (!composer) return;
    const entry = watched.get(composer);
    const mod = event.ctrlKey || event.metaKey;
    const combo = mod ? "mod+enter" : event.shiftKey || event.altKey ? null : "enter";
    if (!combo || !(entry.surface.keys || []).includes(combo)) return;
    if (free(composer, entry, T.read(composer))) return;
    const init = { key: "Enter", code: "Enter", keyCode: 13, which: 13, ctrlKey: event.ctrlKey, metaKey: event.metaKey,
      bubbles: true, cancelable: true, composed: true };
    intercept(event, composer, () => withBypass(() => composer.dispatchEvent(new KeyboardEvent("keydown", init))));
  }

  // --- status for the popup and the toolbar badge --------------------------------------------------------
  const EDITABLE = "textarea, [contenteditable=''], [contenteditable='true'], [contenteditable='plaintext-only'], [role=textbox]";
  function pageStatus() {
    for (const c of seen) if (!c.isConnected) seen.delete(c);
    const visible = (el) => el.getClientRects().length > 0;
    const recognised = [...seen].filter(visible).length;
    // Editable boxes the adapter does not know (search fields aside): a sign the site changed its markup.
    const unrecognised = D.queryAll(document.documentElement, EDITABLE).filter((el) =>
      visible(el) && !watched.has(el) && ![...seen].some((c) => c.contains(el) || el.contains(c))
      && !el.closest("[role=search], form[action*=search], clientsafe-mark, #clientsafe-panel")
      && el.getAttribute("type") !== "search").length;
    return { site: adapter?.site || null, recognised, unrecognised };
  }
  let reportTimer = null;
  let lastReport = "";
  function reportStatus() {
    clearTimeout(reportTimer);
    reportTimer = setTimeout(() => {
      const status = pageStatus();
      const key = JSON.stringify(status);
      if (key !== lastReport) ask({ type: "page-status", ...status }).then(() => (lastReport = key));
    }, 500);
  }
  chrome.runtime.onMessage.addListener((message, sender, reply) => {
    if (message?.type !== "page-status?") return false;
    reply(pageStatus());
    return false;
  });

  globalThis.ClientSafe = {
    async register(siteAdapter) {
      adapter = siteAdapter;
      // Capture on window: before any handler the site registered on the document or its elements.
      addEventListener("click", onClick, true);
      addEventListener("keydown", onKey, true);
      addEventListener("pointerover", onApproach, { capture: true, passive: true });
      addEventListener("focusin", onApproach, { capture: true, passive: true });
      observer = D.observe((root) => {
        scan(root);
        reportStatus(); // composers come and go with dialogs and navigation: keep the badge current
      });
      scan(document.documentElement);
      reportStatus();
      config = (await ask({ type: "config" })) || {};
    },
  };
})();
