// What the person sees in the page: the small status mark beside a composer and the warning panel at submit.
// Both live in shadow roots so the site's styles can neither hide nor restyle them; all text is set with
// textContent, never as HTML (reasons and excerpts come from the post and the policy).
(() => {
  const L = globalThis.ClientSafeLogic;
  const COLOURS = { stop: "#b00020", caution: "#8a5300", clear: "#1b6e2a", unchecked: "#555", paused: "#555",
    unheld: "#8a5300" };
  const LABELS = {
    clear: ["✓", "ClientSafe: nothing found"],
    caution: ["!", "ClientSafe: check before posting"],
    stop: ["■", "ClientSafe: client information found"],
    unchecked: ["?", "ClientSafe: not checked"],
    paused: ["II", "ClientSafe is paused in the app: posts are not checked"],
    unheld: ["⚠", "ClientSafe cannot hold this post here: it checks what you write but cannot stop it being posted"],
  };

  // --- the status mark -----------------------------------------------------------------------------------
  // One floating mark per composer, pinned to the composer's top-right corner: added outside the site's
  // DOM tree, because React and friends undo (or trip over) nodes inserted into the trees they render.
  const marks = new Map(); // composer -> host element
  let positioning = false;

  function place(composer, host) {
    const r = composer.getBoundingClientRect();
    const visible = composer.isConnected && r.width > 0 && r.height > 0;
    host.style.display = visible ? "block" : "none";
    if (visible) {
      host.style.top = `${Math.max(0, r.top + 4)}px`;
      host.style.left = `${Math.max(0, r.right - 28)}px`;
    }
  }

  function reposition() {
    if (positioning) return;
    positioning = true;
    requestAnimationFrame(() => {
      positioning = false;
      for (const [composer, host] of marks) {
        if (!composer.isConnected) {
          host.remove();
          marks.delete(composer);
        } else place(composer, host);
      }
    });
  }
  addEventListener("scroll", reposition, { capture: true, passive: true });
  addEventListener("resize", reposition, { passive: true });

  function mark(composer, state) {
    let host = marks.get(composer);
    if (!host) {
      host = document.createElement("clientsafe-mark");
      // Never in the way: a click on the mark must reach the site (narrow composers lie under it).
      host.style.cssText = "position:fixed;z-index:2147483646;pointer-events:none;display:none";
      const shadow = host.attachShadow({ mode: "open" });
      const style = document.createElement("style");
      style.textContent = `span{display:inline-block;min-width:20px;height:20px;border-radius:10px;color:#fff;
        font:bold 13px/20px system-ui,sans-serif;text-align:center;box-shadow:0 0 0 2px #fff}`;
      const span = document.createElement("span");
      span.setAttribute("role", "img");
      shadow.append(style, span);
      document.documentElement.append(host);
      marks.set(composer, host);
    }
    const [symbol, label] = LABELS[state] || LABELS.unchecked;
    const span = host.shadowRoot.querySelector("span");
    span.textContent = symbol;
    span.style.background = COLOURS[state] || COLOURS.unchecked;
    span.setAttribute("aria-label", label);
    span.title = label;
    host.dataset.state = state;
    place(composer, host);
  }

  // --- the warning panel ---------------------------------------------------------------------------------
  const STYLE = `
    .box { position: fixed; right: 16px; bottom: 16px; width: min(440px, calc(100vw - 32px)); max-height: 80vh;
           overflow: auto; z-index: 2147483647; background: #fff; color: #111; border-radius: 8px;
           padding: 14px 16px; font: 15px/1.45 system-ui, sans-serif; box-shadow: 0 4px 18px rgba(0,0,0,.3);
           border: 3px solid var(--edge); }
    h2 { font-size: 17px; margin: 0 0 6px; } .who { font-size: 13px; color: #444; margin-bottom: 8px; }
    .post { background: #f5f5f5; border-radius: 6px; padding: 8px; white-space: pre-wrap; font-size: 14px;
            margin: 8px 0; max-height: 9em; overflow: auto; }
    mark { background: #ffd7d7; color: inherit; border-bottom: 2px solid #b00020; padding: 0 1px; }
    ul { padding-left: 20px; margin: 6px 0; } li { margin-bottom: 8px; }
    .example { color: #333; font-size: 13px; } .ref { font-size: 13px; } a { color: #0b57d0; }
    label { display: block; margin-top: 8px; } textarea { width: 100%; box-sizing: border-box; font: inherit; }
    .buttons { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 12px; }
    button { font: inherit; padding: 6px 12px; border-radius: 6px; border: 1px solid #888; background: #fff;
             cursor: pointer; } button.primary { background: #0b57d0; color: #fff; border-color: #0b57d0; }
    button:focus-visible, a:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
    .hint { color: #b00020; font-size: 13px; min-height: 1em; }`;

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === "text") node.textContent = v;
      else if (k in node && k !== "role") node[k] = v;
      else node.setAttribute(k, v);
    }
    node.append(...children.filter(Boolean));
    return node;
  }

  function policyLink(ref, links) {
    if (!ref) return null;
    const known = links?.[ref];
    if (known?.url) {
      return el("div", { className: "ref" }, "Policy: ",
        el("a", { href: known.url, target: "_blank", rel: "noopener noreferrer", text: known.title || ref }));
    }
    return el("div", { className: "ref", text: `Policy: ${known?.title || ref}` });
  }

  // Why a post (or a person) could not be checked, from the worker's view of the app, and what to do about it.
  function uncheckedText(why, aboutPerson) {
    const what = aboutPerson ? "who this is" : "this post";
    const orOnlyIf = aboutPerson
      ? " or go ahead only if you are sure this is not someone your organisation serves."
      : " or post only if you are sure it names no client and no client detail.";
    switch (why) {
      case "not_paired":
        return "ClientSafe is not paired with this browser. Pair it from the extension's options page, then try again.";
      case "starting":
        return `ClientSafe is still starting up on this computer, so it could not check ${what} yet. Wait a few `
          + `seconds and try again,${orOnlyIf}`;
      case "busy":
        return `The ClientSafe app did not answer in time, so it could not check ${what}. Try again in a moment,`
          + orOnlyIf;
      case "rate_limited":
        return "ClientSafe has looked up many people from this browser in the last minute and waits before it "
          + `looks up anyone else. Try again in a minute,${orOnlyIf}`;
      case "error":
        return `ClientSafe ran into a problem and could not check ${what}. Try again,${orOnlyIf}`;
      default:
        return `The ClientSafe app is not running on this computer, so it could not check ${what}. Start `
          + `ClientSafe,${orOnlyIf}`;
    }
  }

  // kind: "verdict" | "unchecked" | "media". Resolves with {choice, reason} once the person chooses.
  const REQUEST_WORDS = {
    incoming_request: "accept this request",
    outgoing_request: "send this request",
    message_request: "message them",
  };

  // unheld: this composer's submit control was not found, so the panel warns before the person posts and
  // cannot hold the post itself.
  const UNHELD = "ClientSafe cannot hold this post here: this site has changed how posts are sent, so ClientSafe "
    + "cannot stop it when you press the site's button. Read this before you post. Your IT team has been told.";

  function show({ kind, verdict, text, rule, account, config, unreachable, person, answer, requestKind, unheld }) {
    document.getElementById("clientsafe-panel")?.remove();
    const host = el("div", { id: "clientsafe-panel" });
    const shadow = host.attachShadow({ mode: "open" });
    const blocked = kind === "verdict" && verdict.action === "block";
    const titles = {
      unchecked: requestKind ? "ClientSafe could not check who this is" : "This post was not checked",
      media: "Photo or video attached: is there a signed media release?",
      verdict: blocked ? "Hold on: this would breach client confidentiality" : "Check before posting",
      person: answer?.minor ? "This looks like a young person your organisation serves"
        : "This looks like someone your organisation serves",
    };
    const box = el("div", { className: "box", role: "alertdialog", "aria-modal": "false", "aria-labelledby": "t",
      "aria-describedby": "d" });
    box.style.setProperty("--edge", blocked ? "#b00020" : kind === "media" ? "#0b57d0" : "#8a5300");
    box.append(el("h2", { id: "t", text: unheld ? "ClientSafe cannot hold this post here" : titles[kind] }));
    box.append(el("div", { className: "who", text: kind === "person"
      ? `${person?.name || person?.handle || "This person"}: think twice before you ${REQUEST_WORDS[requestKind] || "connect"}.`
      : account === "org" ? "Posting as the organisation." : "Posting from your personal account." }));
    const list = el("ul", { id: "d" });
    if (unheld) list.append(el("li", { className: "unheld", text: UNHELD }));
    if (kind === "unchecked") {
      list.append(el("li", { text: uncheckedText(unreachable, !!requestKind) }));
    } else if (kind === "person") {
      list.append(el("li", {}, el("div", { text: answer.reason?.message
        || "Staff do not connect with the people they serve from personal accounts." }),
        policyLink(answer.reason?.policy_ref, config?.policy_links)));
      if (answer.decline_script) {
        const script = el("blockquote", { className: "post", text: answer.decline_script });
        const copy = el("button", { type: "button", text: "Copy this reply" });
        copy.addEventListener("click", () => navigator.clipboard?.writeText(answer.decline_script)
          .then(() => (copy.textContent = "Copied"), () => (copy.textContent = "Select the text to copy it")));
        list.append(el("li", {}, el("div", { text: "If you want to reply, something like:" }), script, copy));
      }
    } else if (kind === "media") {
      list.append(el("li", { text: "Everyone who can be recognised in a photo or video needs a signed media release "
        + "on file before it is posted, and a client's face is client information." }));
    } else {
      const pieces = L.excerpt(L.segments(text, verdict.findings));
      if (pieces.some((p) => p.mark)) {
        box.append(el("div", { className: "post", "aria-label": "Your post, with the risky phrases marked" },
          ...pieces.map((p) => (p.mark ? el("mark", { text: p.text, title: p.types.join(", ") }) : p.text))));
      }
      for (const reason of verdict.reasons || []) {
        list.append(el("li", {}, el("div", { text: reason.message }),
          reason.example ? el("div", { className: "example", text: reason.example }) : null,
          policyLink(reason.policy_ref, config?.policy_links)));
      }
      // The rewrite is offered only when the app checked it again and it came back clear; otherwise say what
      // still needs the person's own edit.
      const still = verdict.rewrite && !verdict.rewrite.safe ? verdict.rewrite.still_to_edit || [] : [];
      if (still.length) {
        list.append(el("li", { className: "still", text: "No safe rewrite could be suggested: edit these details "
          + "yourself first: " + still.map((d) => `“${d.text}”`).join(", ") }));
      }
    }
    box.append(list);
    if (account === "org" && config?.community_standards_url) {
      box.append(el("div", { className: "ref" }, "Our ",
        el("a", { href: config.community_standards_url, target: "_blank", rel: "noopener noreferrer",
          text: "Community Standards" }), " for the organisation's pages."));
    }
    const reasonBox = el("textarea", { rows: 2, id: "why" });
    const reasonLabel = el("label", { htmlFor: "why" }, "Why does this need to go out as it is? ", reasonBox);
    const hint = el("div", { className: "hint", role: "status" });
    if (!rule.needsReason || !rule.canSend) reasonLabel.hidden = true;
    box.append(reasonLabel, hint);
    const buttons = el("div", { className: "buttons" });
    const add = (act, label, primary) => {
      const button = el("button", { type: "button", className: primary ? "primary" : "", text: label });
      button.dataset.act = act;
      buttons.append(button);
    };
    if (kind === "media") {
      add("confirm", "Yes, releases are on file", true);
      add("cancel", "Cancel");
    } else if (kind === "person") {
      add("cancel", "Don't connect", true);
      if (rule.canSend) add("send", "Continue anyway");
    } else {
      add("edit", "Edit", true);
      if (kind === "verdict" && verdict.suggestions?.length) add("apply", "Apply suggestions");
      if (unheld) add("send", "I understand");
      else {
        if (rule.canSend) add("send", kind === "unchecked" ? "Post without checking" : "Post anyway");
        add("cancel", "Cancel");
      }
    }
    box.append(buttons);
    shadow.append(el("style", { text: STYLE }), box);
    document.documentElement.append(host);

    return new Promise((resolve) => {
      const finish = (choice) => {
        host.remove();
        resolve({ choice, reason: reasonBox.value.trim() });
      };
      buttons.addEventListener("click", (event) => {
        const act = event.target?.dataset?.act;
        if (!act) return;
        if (act === "send" && rule.needsReason && !reasonBox.value.trim()) {
          hint.textContent = "Please say why, for the record. Do not include the client's details.";
          reasonBox.focus();
          return;
        }
        finish(act);
      });
      box.addEventListener("keydown", (event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          finish("cancel");
        }
      });
      buttons.querySelector("button").focus();
    });
  }

  globalThis.ClientSafePanel = { mark, show };
})();
