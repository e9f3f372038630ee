// ClientSafe in the page: find the composer, check the draft as it is typed (through the service worker,
// never fetching the app directly), and hold the post at submit when the verdict says so.
// One adapter per site registers itself with ClientSafe.register(adapter); see content/sites/.
(() => {
  if (window.ClientSafe) return;
  const DEBOUNCE_MS = 300;
  const state = new WeakMap(); // composer -> {text, verdict, pending}
  let adapter = null;
  let bypass = false; // set while we re-send a post the person chose to send anyway

  const ask = (message) => new Promise((resolve) => {
    try {
      chrome.runtime.sendMessage(message, (reply) => resolve(chrome.runtime.lastError ? null : reply));
    } catch (e) {
      resolve(null); // the extension was reloaded: never break the site
    }
  });

  async function check(composer) {
    const text = adapter.readText(composer);
    const entry = state.get(composer) || {};
    const pending = ask({ type: "check", text, site: adapter.site, account: adapter.account() });
    state.set(composer, { ...entry, text, pending });
    const verdict = (await pending) || { action: "error", reasons: [], unreachable: "not_running" };
    if (state.get(composer)?.pending === pending) state.set(composer, { text, verdict, pending: null });
    mark(composer, verdict);
    return verdict;
  }

  function watch(composer) {
    if (composer.dataset.clientsafe) return;
    composer.dataset.clientsafe = "watching";
    let timer = null;
    composer.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => check(composer), DEBOUNCE_MS);
    });
  }

  function mark(composer, verdict) {
    composer.dataset.clientsafe = { allow: "clear", warn: "caution", block: "stop" }[verdict.action] || "unchecked";
  }

  function scan(root = document) {
    for (const composer of adapter.composers(root)) watch(composer);
  }

  // --- the warning panel (in a shadow root, so the site's styles cannot hide it) -----------------------
  function panel(verdict, { onEdit, onSend, onCancel, onApply }) {
    document.getElementById("clientsafe-panel")?.remove();
    const host = document.createElement("div");
    host.id = "clientsafe-panel";
    const shadow = host.attachShadow({ mode: "open" });
    const blocked = verdict.action === "block";
    const unchecked = verdict.action === "error";
    const title = unchecked ? "This post was not checked" : blocked ? "Hold on: this would breach client confidentiality"
      : "Check before posting";
    const why = unchecked
      ? [{ message: verdict.unreachable === "not_paired"
          ? "ClientSafe is not paired with this browser. Pair it from the extension's options page."
          : "The ClientSafe app is not running on this computer.", policy_ref: "" }]
      : verdict.reasons;
    shadow.innerHTML = `
      <style>
        .box { position: fixed; right: 16px; bottom: 16px; max-width: 420px; z-index: 2147483647; background: #fff;
               color: #111; border: 2px solid ${blocked ? "#b00020" : "#b26a00"}; border-radius: 8px; padding: 12px 16px;
               font: 15px/1.4 system-ui, sans-serif; box-shadow: 0 4px 16px rgba(0,0,0,.25); }
        h2 { font-size: 16px; margin: 0 0 8px; } li { margin-bottom: 6px; } .ref { color: #555; font-size: 13px; }
        textarea { width: 100%; margin-top: 6px; } .buttons { display: flex; gap: 8px; margin-top: 10px; }
        button { font: inherit; padding: 6px 10px; }
      </style>
      <div class="box" role="alertdialog" aria-labelledby="t">
        <h2 id="t"></h2><ul></ul>
        <label hidden>Why does this need to go out? <textarea rows="2"></textarea></label>
        <div class="buttons"><button data-act="edit">Edit</button>
        <button data-act="apply" hidden>Apply suggestions</button><button data-act="send">Post anyway</button>
        <button data-act="cancel">Cancel</button></div>
      </div>`;
    shadow.querySelector("h2").textContent = title;
    const list = shadow.querySelector("ul");
    for (const reason of why) {
      const item = document.createElement("li");
      item.textContent = reason.message;
      if (reason.policy_ref) {
        const ref = document.createElement("div");
        ref.className = "ref";
        ref.textContent = `Policy: ${reason.policy_ref}`;
        item.append(ref);
      }
      list.append(item);
    }
    if (verdict.suggestions?.length && onApply) shadow.querySelector("[data-act=apply]").hidden = false;
    const reasonBox = shadow.querySelector("label");
    if (blocked) reasonBox.hidden = false;
    shadow.querySelector(".buttons").addEventListener("click", (event) => {
      const act = event.target?.dataset?.act;
      if (!act) return;
      const reason = shadow.querySelector("textarea").value.trim();
      if (act === "send" && blocked && !reason) {
        shadow.querySelector("textarea").focus();
        return;
      }
      host.remove();
      ({ edit: onEdit, send: () => onSend(reason), cancel: onCancel, apply: onApply })[act]();
    });
    document.documentElement.append(host);
    shadow.querySelector("button").focus();
  }

  // --- holding the post at submit -----------------------------------------------------------------------
  function hold(event, composer, submit) {
    event.preventDefault();
    event.stopImmediatePropagation();
    const entry = state.get(composer);
    const text = adapter.readText(composer);
    const ready = entry && entry.verdict && entry.text === text ? Promise.resolve(entry.verdict) : check(composer);
    ready.then((verdict) => {
      if (verdict.action === "allow") return resend(submit);
      panel(verdict, {
        onEdit: () => composer.focus(),
        onApply: () => {
          // Suggestions carry UTF-16 offsets, which are exactly JavaScript string indices. Applied from the
          // end so earlier offsets stay valid, and inside the site's own editor so that is what gets posted.
          let rewritten = text;
          for (const s of [...verdict.suggestions].sort((a, b) => b.start - a.start)) {
            rewritten = rewritten.slice(0, s.start) + s.replacement + rewritten.slice(s.end);
          }
          adapter.writeText(composer, rewritten);
          ask({ type: "decision", checkId: verdict.check_id, choice: "edited" });
          check(composer);
          composer.focus();
        },
        onCancel: () => ask({ type: "decision", checkId: verdict.check_id, choice: "cancelled" }),
        onSend: (reason) => {
          ask({ type: "decision", checkId: verdict.check_id, choice: "posted_anyway", reason });
          resend(submit);
        },
      });
    });
  }

  function resend(submit) {
    bypass = true;
    try {
      submit();
    } finally {
      bypass = false;
    }
  }

  // A harmless post whose verdict is already here goes through untouched: no delay at all.
  function alreadyAllowed(composer, text) {
    const entry = state.get(composer);
    return entry?.verdict?.action === "allow" && entry.text === text;
  }

  function onClick(event) {
    if (bypass || !adapter) return;
    const found = adapter.submitFor(event.target);
    if (!found) return;
    const text = adapter.readText(found.composer);
    if (!text.trim() || alreadyAllowed(found.composer, text)) return;
    hold(event, found.composer, () => found.button.click());
  }

  function onKey(event) {
    if (bypass || !adapter || event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    const composer = adapter.composerOf(event.target);
    if (!composer) return;
    const found = adapter.submitFor(composer, true);
    if (!found) return;
    if (alreadyAllowed(composer, adapter.readText(composer))) return;
    hold(event, composer, () => found.button.click());
  }

  window.ClientSafe = {
    register(siteAdapter) {
      adapter = siteAdapter;
      document.addEventListener("click", onClick, true);
      document.addEventListener("keydown", onKey, true);
      scan();
      new MutationObserver(() => scan()).observe(document.documentElement, { childList: true, subtree: true });
    },
  };
})();
