// ClientSafe in the page: find the site's composers, check each draft as it is typed (through the service
// worker, which is the only caller of the app), and hold the post at submit when the verdict says so.
//
// What a site looks like is data (extension/adapters/<site>.json, compiled by content/adapter.js; format in
// shared/adapters.md). The worker hands this page its site's adapter (or IT's signed update of it) and
// core.js does the rest the same way on every site:
// - a composer is an editable element the adapter names;
// - its submit controls are found from the composer OUTWARD: the nearest ancestor (the composer's own form,
//   toolbar group, dialog or region) holding a control the adapter calls a submit control, and never one that
//   is nearer to another composer. So the button may sit beside the editor, in a toolbar that is a sibling
//   branch, or in the dialog's header; where the adapter's words do not match (a language it does not list),
//   the control the site enables once text is typed counts too;
// - a composer whose submit control cannot be found is "not held": its mark and the popup say ClientSafe
//   cannot hold the post here, the policy's fail mode applies, and the tray's audit hears which part of which
//   site's adapter failed (content-free) so IT learns the site changed.
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

  function accountFor() {
    let identity = null;
    try {
      identity = adapter.account?.() ?? null;
    } catch (e) {
      identity = null;
    }
    return L.accountType(identity, adapter.site, config.org_accounts);
  }

  // --- where a composer is sent from ----------------------------------------------------------------------
  const parentOf = (node) => node.parentElement || (node.parentNode instanceof ShadowRoot ? node.parentNode.host : null);
  // `outer` contains `inner`, also when `inner` is inside an open shadow root below `outer`.
  function holds(outer, inner) {
    for (let node = inner; node; node = node.getRootNode?.() instanceof ShadowRoot ? node.getRootNode().host : null) {
      if (outer.contains(node)) return true;
    }
    return false;
  }
  const CONTROL = "button, [role=button], input[type=submit]";
  const disabled = (el) => el.disabled === true || el.getAttribute("aria-disabled") === "true";
  // Where a site keeps the controls that belong to one composer at most: its form, dialog or region.
  const SCOPE = "form, dialog, [role=dialog], [role=region], [role=article], article";

  // The composers a control is nearest to: those held by the control's nearest ancestor that holds any.
  // (Two fields that share one button, like a title and a body, are both its owners.)
  // The page's own query engine finds the composers under each ancestor: a feed of 500 comment boxes costs one
  // small query per level instead of a pass over every composer.
  function ownersOf(control) {
    const css = adapter.surfaces.map((s) => s.composer).join(", ");
    for (let node = parentOf(control); node && node !== document.documentElement; node = parentOf(node)) {
      const near = D.queryAll(node, css).filter((c) => watched.has(c) && c.isConnected);
      if (near.length) return near;
    }
    return [];
  }

  // The composer's submit controls: those in its nearest ancestor (its form, toolbar group, dialog or region)
  // that its surface calls submit controls, or that the site enabled once text was typed, and that are not
  // nearer to another composer. The climb ends at the page's main region: a control beyond it is the page's.
  // {controls, group}; group is that ancestor (media live there).
  function submitsOf(composer) {
    const entry = watched.get(composer);
    const test = entry.surface.submit;
    let group = null;
    for (let node = parentOf(composer); node && node !== document.body; node = parentOf(node)) {
      group = node;
      const found = [
        ...(test.css ? D.queryAll(node, test.css).filter((el) => test(el)) : []),
        ...[...entry.enabledByTyping].filter((el) => el.isConnected && holds(node, el)),
      ].filter((el) => !holds(composer, el) && ownersOf(el).includes(composer));
      if (found.length) return { controls: [...new Set(found)], group: node };
      if (node.matches("main, [role=main]")) break;
    }
    return { controls: [], group };
  }

  // Controls near the composer that are disabled while it is empty; those the site enables once text is typed
  // are its submit controls, whatever their words say (a language or a label the adapter does not know).
  function snapshotDisabled(composer, entry) {
    const scope = D.closest(parentOf(composer) || composer, SCOPE);
    if (!scope) return;
    for (const el of D.queryAll(scope, CONTROL)) if (disabled(el) && !holds(composer, el)) entry.disabledAtStart.add(el);
  }
  const enabledByTyping = new WeakSet(); // every composer's, for the click handler's first look
  function noticeEnabled(entry) {
    for (const el of entry.disabledAtStart) {
      if (el.isConnected && !disabled(el)) {
        entry.enabledByTyping.add(el);
        enabledByTyping.add(el);
        entry.disabledAtStart.delete(el);
      }
    }
  }

  // Refresh what the extension knows about how this composer is sent, and say so in its mark.
  function coverage(composer) {
    const entry = watched.get(composer);
    if (!entry) return null;
    const found = submitsOf(composer);
    entry.group = found.group;
    entry.controls = new Set(found.controls);
    // Many sites add the send button only once there is text: an empty composer is not judged.
    if (!found.controls.length && !entry.surface.keyOnly && !T.read(composer).trim()) return found;
    const held = found.controls.length > 0 || entry.surface.keyOnly;
    if (held !== entry.held) {
      entry.held = held;
      if (!held) P.mark(composer, "unheld");
      else P.mark(composer, MARKS[entry.verdict?.action] || (entry.verdict ? "unchecked" : "watching"));
      reportStatus();
    }
    return found;
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
    if (!entry.lookedAt) {
      entry.lookedAt = true; // text arrived without a focus (a paste by a script, a restored draft)
      snapshotDisabled(composer, entry);
    }
    const account = accountFor();
    // A reply to a review (the adapter's surface says so) is checked as one: confirming a patient is the breach.
    const kind = entry.surface.where === "review_reply" ? "review_reply" : undefined;
    const asked = ask({ type: "check", text, site: adapter.site, account, kind });
    const verdict = (await asked) || { action: "error", reasons: [], unreachable: "not_running" };
    if (entry.pending?.text !== text) return { verdict, text, account }; // a newer text is being checked
    Object.assign(entry, { text, verdict, account, pending: null });
    const state = MARKS[verdict.action] || "unchecked";
    noticeEnabled(entry);
    coverage(composer);
    // The person paused ClientSafe in the tray: the app answers allow, and the mark says why nothing is checked.
    if (entry.held !== false) P.mark(composer, verdict.paused ? "paused" : state);
    if (entry.held === false) warnNow(composer, entry, { verdict, text, account });
    return { verdict, text, account };
  }

  function schedule(composer) {
    const entry = watched.get(composer);
    if (!entry) return;
    const text = T.read(composer);
    if (text === entry.text && entry.verdict) return; // a re-render, not an edit
    clearTimeout(entry.timer);
    // Only a draft the person has typed into is checked as it changes; text a script put in a box nobody
    // touched is checked when the person presses Post (so a page cannot spend this browser's checks, or
    // use them to probe names, by filling composers itself).
    if (!entry.touched) return;
    if (!text.trim()) {
      Object.assign(entry, { text, verdict: null, mediaConfirmed: false, warned: null });
      if (entry.touched) P.mark(composer, entry.held === false ? "unheld" : "watching");
      return;
    }
    entry.timer = setTimeout(() => check(composer), DEBOUNCE_MS);
  }

  function watch(composer, surface) {
    if (watched.has(composer)) return;
    watched.set(composer, { surface, text: null, verdict: null, pending: null, timer: null, mediaConfirmed: false,
      held: null, controls: new Set(), group: null, disabledAtStart: new Set(), enabledByTyping: new Set(), warned: null,
      lookedAt: false, touched: false });
    seen.add(composer);
    // How this composer is sent is worked out when the person turns to it (focus, before the first key) and
    // after each check, not for every box a feed mounts: 500 comment boxes cost nothing until one is used.
    const turnedTo = () => {
      const entry = watched.get(composer);
      if (!entry || entry.lookedAt) return;
      entry.lookedAt = true;
      snapshotDisabled(composer, entry);
      coverage(composer);
    };
    composer.addEventListener("focusin", turnedTo);
    if (composer.contains(document.activeElement) || T.read(composer).trim()) turnedTo();
    // Editors differ in which events they let through (Draft.js and Lexical cancel beforeinput and render the
    // change themselves), so watch the DOM they render as well as the input events.
    const changed = () => schedule(composer);
    // The person's own input (trusted events only: a page's script cannot forge them) marks the draft as theirs.
    const typed = (event) => {
      const entry = watched.get(composer);
      if (event.isTrusted && entry && !entry.touched) {
        entry.touched = true;
        P.prepare();
        P.mark(composer, entry.held === false ? "unheld" : "watching");
      }
      changed();
    };
    for (const type of ["keydown", "beforeinput", "input", "paste", "cut", "drop", "compositionend"]) {
      composer.addEventListener(type, typed, true);
    }
    new MutationObserver(changed).observe(composer, { childList: true, subtree: true, characterData: true });
    if (T.read(composer).trim()) schedule(composer);
    reportStatus();
  }

  function scan(root) {
    for (const surface of adapter.surfaces) {
      if (surface.path && !surface.path.test(location.pathname)) continue;
      for (const composer of D.queryAll(root, surface.composer)) {
        if (!surface.within || D.closest(composer, surface.within)) watch(composer, surface);
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
    const group = entry.group || coverage(composer)?.group;
    return !!group && D.queryAll(group, entry.surface.media).length > 0;
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
      // The panel (an extension frame) shows the reasons and records the person's choice; this script learns
      // only the choice.
      const { choice } = await P.show({ kind, ref: verdict.ref, rule, account, unreachable: verdict.unreachable });
      if (choice === "send") break;
      if (choice === "cancel") {
        composer.focus();
        return;
      }
      if (choice === "edit") {
        const first = [...(verdict.findings || [])].sort((a, b) => a.start - b.start)[0];
        if (first && T.read(composer) === text) T.select(composer, first.start, first.end);
        else composer.focus();
        return;
      }
      if (choice !== "apply") return;
      // Apply suggestions: rewrite inside the site's own editor, then check the new text and show what is
      // still left (if anything) before posting; the person sees the rewrite before it goes.
      const expected = L.applySuggestions(text, verdict.suggestions);
      const applied = await T.replacePhrases(composer, L.suggestionEdits(text, verdict.suggestions), expected);
      if (!applied) await P.show({ kind: "notice", notice: "apply_failed", account, rule: { canSend: false } });
      composer.focus();
      return;
    }
    if (hasMedia(composer, entry) && !entry.mediaConfirmed) {
      const { choice } = await P.show({ kind: "media", account, rule: { canSend: true } });
      if (choice !== "confirm") return;
      entry.mediaConfirmed = true;
    }
    resend();
  }

  // A composer ClientSafe cannot hold: with a fail mode that warns or blocks, the warning comes as soon as the
  // verdict says so (there will be no second chance at the click): once while the draft stays risky, again
  // after it was clear in between (a panel at every pause in typing would be noise).
  async function warnNow(composer, entry, { verdict, text, account }) {
    const rule = L.holdRule(verdict, config);
    if (!rule.hold) entry.warned = null;
    if (!rule.hold || (config.fail_mode || "warn") === "allow" || entry.warned) return;
    entry.warned = text;
    const { choice } = await P.show({ kind: verdict.action === "error" ? "unchecked" : "verdict", ref: verdict.ref,
      account, unreachable: verdict.unreachable, unheld: true, rule: { hold: true, canSend: true, needsReason: false } });
    const first = [...(verdict.findings || [])].sort((a, b) => a.start - b.start)[0];
    if (choice === "edit" && first && T.read(composer) === text) T.select(composer, first.start, first.end);
    else composer.focus(); // back to the draft, where the person was typing
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
      const button = path.find((el) => rule.button(el));
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

  // Only where the person's own pointer went, or focus they moved with the keyboard: a page's synthetic events
  // are not trusted, and focus() from a script fires a trusted focusin, so focus counts only right after a key.
  let lastKeyAt = -Infinity;
  function onApproach(event) {
    if (!adapter?.people || !event.isTrusted) return;
    if (event.type === "focusin" && performance.now() - lastKeyAt > 500) return;
    const found = peopleButton(D.path(event));
    if (found) {
      P.prepare();
      lookUp(found.rule, found.button);
    }
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
        const { choice } = await P.show({ kind: answer ? "person" : "unchecked", ref: answer?.ref, rule,
          account: "personal", unreachable: reply?.unreachable, requestKind: found.rule.kind });
        if (choice !== "send") return;
      }
      withBypass(() => found.button.click());
    });
  }

  // Only the person's own clicks and keys are held (and only they cause a look-up): a page's synthetic click is
  // left to the page, which could post through its own code anyway, and learns nothing from ClientSafe.
  function onClick(event) {
    if (bypass || !adapter || !event.isTrusted) return;
    const path = D.path(event);
    const person = peopleButton(path);
    if (person) {
      onPeopleClick(event, person);
      return;
    }
    const found = submitted(path);
    if (!found) return;
    const { composers, button } = found;
    // One button may send several composers at once (a thread of posts, a title and a body): each is judged.
    const due = composers.filter((c) => !free(c, watched.get(c), T.read(c)));
    if (!due.length) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    (async () => {
      for (const composer of due) {
        let go = false;
        await decide(composer, watched.get(composer), () => (go = true));
        if (!go) return;
      }
      withBypass(() => button.click());
    })();
  }

  // The composer a click on `path` sends, if any: the first element on the path that some composer counts as
  // its submit control, confirmed from the composer's side (submitsOf), so a "Post" link elsewhere on the page
  // never counts.
  function submitted(path) {
    for (const el of path) {
      const looks = adapter.surfaces.some((s) => s.submit(el)) || enabledByTyping.has(el);
      if (!looks) continue;
      const composers = ownersOf(el).filter((c) => coverage(c)?.controls.includes(el));
      if (composers.length) return { composers, button: el };
    }
    return null;
  }

  function onKey(event) {
    if (event.isTrusted) lastKeyAt = performance.now();
    if (bypass || !adapter || !event.isTrusted || event.key !== "Enter" || event.isComposing) return;
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
  function pageStatus(rescanned = false) {
    for (const c of seen) if (!c.isConnected) seen.delete(c);
    const visible = (el) => el.getClientRects().length > 0;
    const shown = [...seen].filter(visible);
    const recognised = shown.length;
    // Composers whose submit control was not found: ClientSafe cannot hold what is posted from them.
    const unheld = shown.filter((c) => watched.get(c)?.held === false);
    const missing = [...new Set(unheld.map((c) => `${watched.get(c).surface.where}:submit`))].sort();
    // Editable boxes the adapter does not know (search fields aside): a sign the site changed its markup.
    const unrecognised = D.queryAll(document.documentElement, EDITABLE).filter((el) =>
      visible(el) && !watched.has(el) && ![...seen].some((c) => c.contains(el) || el.contains(c))
      && !el.closest("[role=search], form[action*=search], clientsafe-frame")
      && el.getAttribute("type") !== "search").length;
    if (unrecognised && !recognised && !rescanned) {
      // Boxes the page added since the last (batched) scan are not a changed site: look once more first, so
      // IT is not told a site changed when it did not.
      scan(document.documentElement);
      return pageStatus(true);
    }
    if (unrecognised && !recognised) missing.push("composer");
    return { site: adapter?.site || null, adapter_version: adapter?.version || null, recognised,
      unheld: unheld.length, unrecognised, missing };
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
      if (adapter) return;
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
      globalThis.ClientSafeModeration?.start(adapter, config); // comments on the org's own pages (moderation.js)
    },
  };
})();
