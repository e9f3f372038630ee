// The warning panel's frame: an extension page, so the social site's scripts can neither read what it says
// (the verdict, the reasons, whether someone is a client or a minor, the decline script) nor press its
// buttons. What to show comes from the extension's worker, keyed by the random id in this frame's address
// (handed out once, to a frame in the tab that asked); what the person chose goes back to the worker, which
// records it and tells the page's content script only the choice. Only the person's own input counts: a
// click or key that is not trusted is ignored, and so is a click while the page covers or fades this frame.
// All text is set with textContent, never as HTML (reasons and excerpts come from the post and the policy).
(() => {
  const L = globalThis.ClientSafeLogic;
  let id = location.hash.slice(1); // empty in a frame loaded ahead of time, until it is shown
  const send = (message) => chrome.runtime.sendMessage(message).catch(() => null);

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
      case "too_many_checks":
        return "ClientSafe has checked a great many posts from this browser in the last minute and waits a moment "
          + `before it checks more. Try again in a minute,${orOnlyIf}`;
      case "keyring":
        return `ClientSafe cannot open its keyring on this computer (it may be locked), so it could not check ${what}. `
          + `Unlock it (or sign in again) and try again,${orOnlyIf}`;
      case "error":
        return `ClientSafe ran into a problem and could not check ${what}. Try again,${orOnlyIf}`;
      default:
        return `The ClientSafe app is not running on this computer, so it could not check ${what}. Start `
          + `ClientSafe,${orOnlyIf}`;
    }
  }

  const REQUEST_WORDS = {
    incoming_request: "accept this request",
    outgoing_request: "send this request",
    message_request: "message them",
  };
  const NOTICES = {
    apply_failed: "ClientSafe could not change the text inside this site's editor. Please edit the marked phrases by hand.",
  };
  // unheld: this composer's submit control was not found, so the panel warns before the person posts and
  // cannot hold the post itself.
  const UNHELD = "ClientSafe cannot hold this post here: this site has changed how posts are sent, so ClientSafe "
    + "cannot stop it when you press the site's button. Read this before you post. Your IT team has been told.";

  function render(spec) {
    const { kind, verdict, text, rule, account, config, unreachable, person, answer, requestKind, unheld, notice } = spec;
    const blocked = kind === "verdict" && verdict?.action === "block";
    const titles = {
      unchecked: requestKind ? "ClientSafe could not check who this is" : "This post was not checked",
      media: "Photo or video attached: is there a signed media release?",
      verdict: blocked ? "Hold on: this would breach client confidentiality" : "Check before posting",
      notice: "Check before posting",
      person: answer?.reason?.code === "RELATIONSHIP_GUARDIAN"
        ? "This looks like the parent or guardian of someone your organisation serves"
        : answer?.minor ? "This looks like a young person your organisation serves"
          : "This looks like someone your organisation serves",
    };
    const box = el("div", { className: "box", role: "alertdialog", "aria-modal": "true", "aria-labelledby": "t",
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
    } else if (kind === "notice") {
      list.append(el("li", { text: NOTICES[notice] || NOTICES.apply_failed }));
    } else if (kind === "person") {
      list.append(el("li", {}, el("div", { text: answer?.reason?.message
        || "Staff do not connect with the people they serve from personal accounts." }),
        policyLink(answer?.reason?.policy_ref, config?.policy_links)));
      if (answer?.decline_script) {
        const script = el("blockquote", { className: "post", text: answer.decline_script });
        const copy = el("button", { type: "button", text: "Copy this reply" });
        copy.addEventListener("click", (event) => {
          if (!event.isTrusted) return;
          navigator.clipboard?.writeText(answer.decline_script)
            .then(() => (copy.textContent = "Copied"), () => (copy.textContent = "Select the text to copy it"));
        });
        list.append(el("li", {}, el("div", { text: "If you want to reply, something like:" }), script, copy));
      }
    } else if (kind === "media") {
      list.append(el("li", { text: "Everyone who can be recognised in a photo or video needs a signed media release "
        + "on file before it is posted, and a client's face is client information." }));
    } else {
      const pieces = L.excerpt(L.segments(text || "", verdict?.findings));
      if (pieces.some((p) => p.mark)) {
        box.append(el("div", { className: "post", "aria-label": "Your post, with the risky phrases marked" },
          ...pieces.map((p) => (p.mark ? el("mark", { text: p.text, title: p.types.join(", ") }) : p.text))));
      }
      for (const reason of verdict?.reasons || []) {
        list.append(el("li", {}, el("div", { text: reason.message }),
          reason.example ? el("div", { className: "example", text: reason.example }) : null,
          policyLink(reason.policy_ref, config?.policy_links)));
      }
      // The rewrite is offered only when the app checked it again and it came back clear; otherwise say what
      // still needs the person's own edit.
      const still = verdict?.rewrite && !verdict.rewrite.safe ? verdict.rewrite.still_to_edit || [] : [];
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
    if (!rule?.needsReason || !rule?.canSend) reasonLabel.hidden = true;
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
      if (rule?.canSend) add("send", "Continue anyway");
    } else if (kind === "notice") {
      add("edit", "Edit", true);
    } else {
      add("edit", "Edit", true);
      if (kind === "verdict" && verdict?.suggestions?.length) add("apply", "Apply suggestions");
      if (unheld) add("send", "I understand");
      else {
        if (rule?.canSend) add("send", kind === "unchecked" ? "Post without checking" : "Post anyway");
        add("cancel", "Cancel");
      }
    }
    box.append(buttons);
    document.body.append(box);
    performance.mark("clientsafe-panel-drawn"); // for bench/extension.py: click -> panel drawn

    // The page may fade, shrink or cover this frame to trick the person into a click (clickjacking): where the
    // browser can tell (Intersection Observer v2), a click while the box is not fully visible is refused.
    // Chromium's first report about a frame that was hidden until now can say "not visible" for a moment; so a
    // click while the last report says so waits (up to 800 ms) for the next report before it is refused.
    let visible = null; // unknown until the browser's first report
    let reported = () => {};
    if ("isVisible" in (globalThis.IntersectionObserverEntry?.prototype || {})) {
      new IntersectionObserver((entries) => {
        for (const entry of entries) visible = entry.isVisible;
        reported();
      }, { trackVisibility: true, delay: 100, threshold: [1.0] }).observe(box);
    }
    const seenNow = () => visible !== false ? Promise.resolve(true) : new Promise((resolve) => {
      const timer = setTimeout(() => resolve(visible !== false), 800);
      reported = () => {
        if (visible === false) return;
        clearTimeout(timer);
        resolve(true);
      };
    });

    let done = false;
    const finish = (choice) => {
      if (done) return;
      done = true;
      send({ type: "panel-choice", id, choice, reason: reasonBox.value.trim() });
    };
    buttons.addEventListener("click", async (event) => {
      const act = event.target?.dataset?.act;
      if (!act || !event.isTrusted) return;
      if (!(await seenNow())) {
        hint.textContent = "This warning is partly hidden by the page. Scroll or close what covers it, then choose again.";
        return;
      }
      if (act === "send" && rule?.needsReason && rule?.canSend && !reasonBox.value.trim()) {
        hint.textContent = "Please say why, for the record. Do not include the client's details.";
        reasonBox.focus();
        return;
      }
      finish(act);
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && event.isTrusted) finish("cancel");
    });
    buttons.querySelector("button").focus();
  }

  // The id comes in this frame's address, or (a frame loaded ahead of time) in a message from the content
  // script that shows it. Anyone in the page may message this frame too, but only a live id the worker handed
  // to this tab gets content, and an id that gets none does not use the frame up.
  let shown = false;
  let asked = false;
  function start(candidate) {
    if (shown || asked || !/^[0-9a-f]{32}$/.test(candidate || "")) return;
    asked = true;
    performance.mark("clientsafe-panel-asked");
    send({ type: "panel-get", id: candidate }).then((spec) => {
      asked = false;
      if (!spec?.kind || shown) return;
      shown = true;
      id = candidate;
      render(spec);
    });
  }
  addEventListener("message", (event) => start(event.data?.clientsafePanel));
  start(id);
})();
